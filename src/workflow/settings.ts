// Settings come back from storage (document settings, localStorage) as untyped JSON,
// possibly from an older version: keep what is valid, default the rest. The check's settings
// are stored as the config JSON the CLI reads with --config (parseConfig accepts it).
import { PROFILES, isValidReservedPoints, parseConfig, toConfigJson, type ConfigJson, type LibraryIndicator, type ProfileName, rules, type CheckOptions, type Lang, type RuleSetting } from '../core/index.js';

export interface PaneSettings {
  /** 写入得分列: write the 得分 column beside each table. */
  writeScores: boolean;
  /** 添加批注: attach the row's findings as a note (or comment) on its score cell. */
  notes: boolean;
  /** 标记颜色: fill score cells of rows with errors or warnings. */
  fills: boolean;
  /** 预留分值: points scored outside the table (e.g. 10 for 预算执行率). */
  reservedPoints: number;
  /** Language chosen in the pane; undefined follows Office's display language. */
  lang?: Lang;
  /** 模板: the province's template (its 一级 set and weights); undefined checks any table. */
  profile?: ProfileName;
  /** Rules switched off or given another severity, by rule id (only those changed). */
  rules?: Record<string, RuleSetting>;
  /** 共性指标库 edited in 设置; undefined uses the profile's own library. */
  library?: LibraryIndicator[];
  /** How the pane groups findings; undefined is by topic (主题). */
  groupBy?: FindingGrouping;
}

/** 主题 (the rule's topic) or 审核维度 (completeness, relevance, appropriateness, feasibility). */
export type FindingGrouping = 'topic' | 'dimension';

export const DEFAULT_SETTINGS: PaneSettings = {
  writeScores: true,
  notes: true,
  fills: true,
  reservedPoints: 0,
};

export const SETTINGS_KEY = 'jixiao-check.settings';

export { isValidReservedPoints };

/** The settings as stored: the pane's switches, and the check's settings as a config JSON. */
export interface StoredSettings {
  writeScores: boolean;
  notes: boolean;
  fills: boolean;
  lang?: Lang;
  groupBy?: FindingGrouping;
  config: ConfigJson;
}

/** The config JSON of the check's settings (the same a CLI --config file holds). */
export function configOf(s: PaneSettings): ConfigJson {
  return toConfigJson({
    ...(s.profile ? { profile: s.profile } : {}),
    options: { reservedPoints: s.reservedPoints, ...(s.rules ? { rules: s.rules } : {}), ...(s.library ? { library: s.library } : {}) },
  });
}

/** What the core is given: the profile's options, the reserved points and the rule settings. */
export function checkOptionsOf(s: PaneSettings): CheckOptions {
  return parseConfig(configOf(s)).options;
}

export function toStoredSettings(s: PaneSettings): StoredSettings {
  return {
    writeScores: s.writeScores,
    notes: s.notes,
    fills: s.fills,
    ...(s.lang ? { lang: s.lang } : {}),
    ...(s.groupBy === 'dimension' ? { groupBy: s.groupBy } : {}),
    config: configOf(s),
  };
}

const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

/** Rule settings for rules this version has, with a valid value and unlike the rule's own severity. */
function knownRules(raw: unknown): Record<string, RuleSetting> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(raw as Record<string, unknown>)) {
    const rule = rules.find((r) => r.id === id);
    if (rule && RULE_SETTINGS.includes(setting as RuleSetting) && setting !== rule.severity) out[id] = setting as RuleSetting;
  }
  return Object.keys(out).length ? out : undefined;
}

/** A stored library the config parser accepts, or undefined (a broken one falls back to the profile's). */
function validLibrary(raw: unknown): LibraryIndicator[] | undefined {
  if (raw === undefined) return undefined;
  try {
    return parseConfig({ library: raw } as ConfigJson).options.library;
  } catch {
    return undefined;
  }
}

export function normalizeSettings(raw: unknown): PaneSettings | null {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  // Older versions kept reservedPoints beside the switches; now it is in the config.
  const config = typeof o.config === 'object' && o.config !== null ? (o.config as Record<string, unknown>) : o;
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const profile = typeof config.profile === 'string' && (Object.keys(PROFILES) as string[]).includes(config.profile) ? (config.profile as ProfileName) : undefined;
  const reserved =
    isValidReservedPoints(config.reservedPoints)
      ? config.reservedPoints
      : (profile ? PROFILES[profile].options.reservedPoints : undefined) ?? DEFAULT_SETTINGS.reservedPoints;
  const lang: Lang | undefined = o.lang === 'zh' || o.lang === 'en' ? o.lang : undefined;
  const ruleSettings = knownRules(config.rules);
  const library = validLibrary(config.library);
  return {
    writeScores: bool(o.writeScores, DEFAULT_SETTINGS.writeScores),
    notes: bool(o.notes, DEFAULT_SETTINGS.notes),
    fills: bool(o.fills, DEFAULT_SETTINGS.fills),
    reservedPoints: reserved,
    ...(lang ? { lang } : {}),
    ...(profile ? { profile } : {}),
    ...(ruleSettings ? { rules: ruleSettings } : {}),
    ...(library ? { library } : {}),
    ...(o.groupBy === 'dimension' ? { groupBy: 'dimension' as const } : {}),
  };
}

/** Where a host keeps the pane's settings. */
export interface SettingsStore {
  load(): Promise<unknown>;
  save(settings: PaneSettings): Promise<void>;
}

export function memorySettingsStore(initial?: PaneSettings): SettingsStore {
  let saved: StoredSettings | undefined = initial && toStoredSettings(initial);
  return {
    load: () => Promise.resolve(saved ?? null),
    save: (s) => {
      saved = toStoredSettings(s);
      return Promise.resolve();
    },
  };
}

/** The getItem/setItem pair both the browser's localStorage and WPS's PluginStorage offer. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const browserStorage = (): KeyValueStorage | undefined => (globalThis as { localStorage?: KeyValueStorage }).localStorage;

/** For the browser workbench: survives reloads, falls back to memory when storage is blocked. */
export function localStorageSettingsStore(key = SETTINGS_KEY, storage: () => KeyValueStorage | undefined = browserStorage): SettingsStore {
  const memory = memorySettingsStore();
  return {
    async load() {
      try {
        const text = storage()?.getItem(key);
        return text ?? (await memory.load());
      } catch {
        return memory.load();
      }
    },
    async save(s) {
      await memory.save(s);
      try {
        storage()?.setItem(key, JSON.stringify(toStoredSettings(s)));
      } catch {
        // Private mode or quota: the in-memory copy still serves this session.
      }
    },
  };
}
