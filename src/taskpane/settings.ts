// Settings come back from storage (document settings, localStorage) as untyped JSON,
// possibly from an older version: keep what is valid, default the rest.
import type { Lang } from '../core/types.js';
import { DEFAULT_SETTINGS, type PaneSettings } from './host.js';

export const SETTINGS_KEY = 'jixiao-check.settings';

export function isValidReservedPoints(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n < 100;
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
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const reserved =
    typeof o.reservedPoints === 'number' && isValidReservedPoints(o.reservedPoints) ? o.reservedPoints : DEFAULT_SETTINGS.reservedPoints;
  const lang: Lang | undefined = o.lang === 'zh' || o.lang === 'en' ? o.lang : undefined;
  return {
    writeScores: bool(o.writeScores, DEFAULT_SETTINGS.writeScores),
    notes: bool(o.notes, DEFAULT_SETTINGS.notes),
    fills: bool(o.fills, DEFAULT_SETTINGS.fills),
    reservedPoints: reserved,
    ...(lang ? { lang } : {}),
  };
}

/** Where a host keeps the pane's settings. */
export interface SettingsStore {
  load(): Promise<unknown>;
  save(settings: PaneSettings): Promise<void>;
}

export function memorySettingsStore(initial?: PaneSettings): SettingsStore {
  let saved: PaneSettings | undefined = initial;
  return {
    load: () => Promise.resolve(saved ?? null),
    save: (s) => {
      saved = { ...s };
      return Promise.resolve();
    },
  };
}

/** For the browser workbench: survives reloads, falls back to memory when storage is blocked. */
export function localStorageSettingsStore(key = SETTINGS_KEY): SettingsStore {
  const memory = memorySettingsStore();
  return {
    async load() {
      try {
        const text = globalThis.localStorage?.getItem(key);
        return text ?? (await memory.load());
      } catch {
        return memory.load();
      }
    },
    async save(s) {
      await memory.save(s);
      try {
        globalThis.localStorage?.setItem(key, JSON.stringify(s));
      } catch {
        // Private mode or quota: the in-memory copy still serves this session.
      }
    },
  };
}
