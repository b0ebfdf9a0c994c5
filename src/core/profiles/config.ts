// The config JSON the CLI reads with --config (and the add-in saves), validated so that a typo is
// an error naming the key, not a silent default.
import type { CheckOptions, LibraryIndicator, LocalizedText, RuleSetting } from '../types.js';
import { rules } from '../rules/index.js';
import { PROFILES, isValidReservedPoints, type ProfileName } from './profiles.js';

/** The config file's shape (all keys optional; any other key is an error). */
export interface ConfigJson {
  profile?: ProfileName;
  reservedPoints?: number;
  rules?: Record<string, RuleSetting>;
  allowedLevel1?: string[];
  level1Weights?: Record<string, number>;
  requiredLevel2?: Record<string, string[]>;
  minQuantitativeShare?: number;
  library?: LibraryIndicator[];
}

export interface Config {
  options: CheckOptions;
  profile?: ProfileName;
}

export class ConfigError extends Error {
  constructor(
    readonly text: LocalizedText,
    /** The offending key, as a path ("rules.value-format/not-numbr"), when there is one. */
    readonly key?: string,
  ) {
    super(text.en);
    this.name = 'ConfigError';
  }
}

const KEYS = ['profile', 'reservedPoints', 'rules', 'allowedLevel1', 'level1Weights', 'requiredLevel2', 'minQuantitativeShare', 'library'] as const;
const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return d[b.length];
}

/** The closest known name, when it is close enough to be a typo. */
function suggest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dd = distance(name.toLowerCase(), k.toLowerCase());
    if (dd < bestD) {
      best = k;
      bestD = dd;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

function hint(name: string, known: readonly string[]): LocalizedText {
  const s = suggest(name, known);
  return s ? { zh: `（是否应为「${s}」？）`, en: ` (did you mean "${s}"?)` } : { zh: '', en: '' };
}

function fail(key: string, zh: string, en: string): never {
  throw new ConfigError({ zh: `设置项 ${key}：${zh}`, en: `Setting ${key}: ${en}` }, key);
}

/**
 * Validate a parsed config JSON and turn it into check options: the profile's options, then the
 * keys given (which override the profile's). Throws ConfigError naming the bad key or value.
 */
export function parseConfig(json: unknown): Config {
  if (!isPlainObject(json)) {
    throw new ConfigError({ zh: `设置应为 JSON 对象 {…}，而不是 ${show(json)}`, en: `The settings must be a JSON object {…}, not ${show(json)}` });
  }
  for (const key of Object.keys(json)) {
    if ((KEYS as readonly string[]).includes(key)) continue;
    const h = hint(key, KEYS);
    throw new ConfigError(
      { zh: `未知设置项「${key}」${h.zh}。可用的设置项：${KEYS.join('、')}`, en: `Unknown setting "${key}"${h.en}. Known settings: ${KEYS.join(', ')}` },
      key,
    );
  }
  const options: CheckOptions = {};
  let profile: ProfileName | undefined;
  if (json.profile !== undefined) {
    const p = json.profile;
    const names = Object.keys(PROFILES) as ProfileName[];
    if (typeof p !== 'string' || !names.includes(p as ProfileName)) {
      const h = typeof p === 'string' ? hint(p, names) : { zh: '', en: '' };
      fail('profile', `未知模板 ${show(p)}${h.zh}，可选：${names.join('、')}`, `unknown profile ${show(p)}${h.en}; choose one of ${names.join(', ')}`);
    }
    profile = p as ProfileName;
    const base = PROFILES[profile].options;
    Object.assign(options, {
      ...base,
      ...(base.allowedLevel1 ? { allowedLevel1: [...base.allowedLevel1] } : {}),
      ...(base.level1Weights ? { level1Weights: { ...base.level1Weights } } : {}),
      ...(base.library ? { library: base.library.map((e) => ({ ...e })) } : {}),
      ...(base.requiredLevel2 ? { requiredLevel2: Object.fromEntries(Object.entries(base.requiredLevel2).map(([k, v]) => [k, [...v]])) } : {}),
    });
  }
  if (json.reservedPoints !== undefined) {
    const n = json.reservedPoints;
    if (!isValidReservedPoints(n)) {
      fail('reservedPoints', `应为 0 到 100 之间（不含 100）的数字，而不是 ${show(n)}`, `must be a number from 0 up to (not including) 100, not ${show(n)}`);
    }
    options.reservedPoints = n;
  }
  if (json.rules !== undefined) {
    if (!isPlainObject(json.rules)) fail('rules', `应为 {"规则": "off|error|warning|info"} 形式的对象，而不是 ${show(json.rules)}`, `must be an object {"rule id": "off|error|warning|info"}, not ${show(json.rules)}`);
    const ids = rules.map((r) => r.id);
    const out: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(json.rules)) {
      if (!ids.includes(id)) {
        const h = hint(id, ids);
        fail(`rules.${id}`, `未知规则「${id}」${h.zh}，规则列表见 docs/RULES.md`, `unknown rule "${id}"${h.en}; see docs/RULES.md for the rules`);
      }
      if (typeof setting !== 'string' || !SETTINGS.includes(setting as RuleSetting)) {
        fail(`rules.${id}`, `应为 off、error、warning 或 info，而不是 ${show(setting)}`, `must be off, error, warning or info, not ${show(setting)}`);
      }
      out[id] = setting as RuleSetting;
    }
    options.rules = out;
  }
  if (json.allowedLevel1 !== undefined) {
    const list = json.allowedLevel1;
    if (!Array.isArray(list) || list.length === 0 || list.some((x) => typeof x !== 'string' || x.trim() === '')) {
      fail('allowedLevel1', `应为一级指标名称的非空列表，如 ["产出指标", "效益指标"]，而不是 ${show(list)}`, `must be a non-empty list of first-level names, e.g. ["产出指标", "效益指标"], not ${show(list)}`);
    }
    options.allowedLevel1 = (list as string[]).map((x) => x.trim());
  }
  if (json.level1Weights !== undefined) {
    const set = json.level1Weights;
    if (!isPlainObject(set)) fail('level1Weights', `应为 {"一级指标": 权重} 形式的对象，而不是 ${show(set)}`, `must be an object {"first-level name": weight}, not ${show(set)}`);
    const out: Record<string, number> = {};
    for (const [name, w] of Object.entries(set)) {
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 100) {
        fail(`level1Weights.${name}`, `权重应为 0 到 100 之间的数字，而不是 ${show(w)}`, `the weight must be a number from 0 to 100, not ${show(w)}`);
      }
      out[name] = w;
    }
    options.level1Weights = out;
  }
  if (json.requiredLevel2 !== undefined) {
    const set = json.requiredLevel2;
    if (!isPlainObject(set)) fail('requiredLevel2', `应为 {"一级指标": ["二级指标", …]} 形式的对象，而不是 ${show(set)}`, `must be an object {"first-level name": ["second-level name", …]}, not ${show(set)}`);
    const out: Record<string, string[]> = {};
    for (const [name, list] of Object.entries(set)) {
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.trim() === '')) {
        fail(`requiredLevel2.${name}`, `应为二级指标名称的列表，而不是 ${show(list)}`, `must be a list of second-level names, not ${show(list)}`);
      }
      out[name] = (list as string[]).map((x) => x.trim());
    }
    options.requiredLevel2 = out;
  }
  if (json.minQuantitativeShare !== undefined) {
    const x = json.minQuantitativeShare;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1) {
      fail('minQuantitativeShare', `应为 0 到 1 之间的比例（如 0.6 表示 60%），而不是 ${show(x)}`, `must be a share from 0 to 1 (0.6 for 60 %), not ${show(x)}`);
    }
    options.minQuantitativeShare = x;
  }
  if (json.library !== undefined) {
    const list = json.library;
    if (!Array.isArray(list)) fail('library', `应为共性指标的列表 [{"name": …, "level2": …, "unit": …}]，而不是 ${show(list)}`, `must be a list of common indicators [{"name": …, "level2": …, "unit": …}], not ${show(list)}`);
    options.library = (list as unknown[]).map((e, i) => libraryEntry(e, `library[${i}]`));
  }
  return profile ? { options, profile } : { options };
}

function libraryEntry(e: unknown, key: string): LibraryIndicator {
  if (!isPlainObject(e) || typeof e.name !== 'string' || e.name.trim() === '') fail(key, `应为 {"name": "指标名称", "level2": "二级指标", "unit": "单位"}，而不是 ${show(e)}`, `must be {"name": …, "level2": …, "unit": …}, not ${show(e)}`);
  const level2 = e.level2 ?? '';
  const unit = e.unit ?? '';
  if (typeof level2 !== 'string') fail(`${key}.level2`, `应为二级指标名称，而不是 ${show(level2)}`, `must be a second-level name, not ${show(level2)}`);
  if (typeof unit !== 'string') fail(`${key}.unit`, `应为单位文字，而不是 ${show(unit)}`, `must be a unit, not ${show(unit)}`);
  if (e.direction !== undefined && e.direction !== 'higher' && e.direction !== 'lower') fail(`${key}.direction`, `应为 "higher" 或 "lower"，而不是 ${show(e.direction)}`, `must be "higher" or "lower", not ${show(e.direction)}`);
  const range = e.range;
  if (range !== undefined && !(Array.isArray(range) && range.length === 2 && range.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
    fail(`${key}.range`, `应为 [下限, 上限]，而不是 ${show(range)}`, `must be [low, high], not ${show(range)}`);
  }
  return {
    name: e.name.trim(),
    level2: level2.trim(),
    unit: unit.trim(),
    ...(e.direction ? { direction: e.direction as 'higher' | 'lower' } : {}),
    ...(range ? { range: [range[0], range[1]] as [number, number] } : {}),
  };
}

/** The config JSON for settings (what the add-in saves); parseConfig of it gives the same options. */
export function toConfigJson(config: Config): ConfigJson {
  const o = config.options;
  return {
    ...(config.profile ? { profile: config.profile } : {}),
    ...(o.reservedPoints !== undefined ? { reservedPoints: o.reservedPoints } : {}),
    ...(o.rules && Object.keys(o.rules).length ? { rules: { ...o.rules } } : {}),
    ...(o.allowedLevel1 && o.allowedLevel1.length ? { allowedLevel1: [...o.allowedLevel1] } : {}),
    ...(o.level1Weights && Object.keys(o.level1Weights).length ? { level1Weights: { ...o.level1Weights } } : {}),
    ...(o.requiredLevel2 && Object.keys(o.requiredLevel2).length ? { requiredLevel2: { ...o.requiredLevel2 } } : {}),
    ...(o.minQuantitativeShare !== undefined ? { minQuantitativeShare: o.minQuantitativeShare } : {}),
    ...(o.library ? { library: o.library.map((e) => ({ ...e })) } : {}),
  };
}
