// A PaneHost over any workbook adapter. Excel (officeHost.ts) and the offline workbench differ
// only in the adapter, where settings are kept, and how the UI language is found.
import type { PaneCapabilities, PaneHost, PaneSettings } from './host.js';
import type { LocalizedText } from '../core/index.js';
import { runAccept, runCheck, runClear, runReport, type CheckAdapter, type RunCheckOptions } from './runCheck.js';
import { langFromTag } from './i18n.js';
import { checkOptionsOf, normalizeSettings, type SettingsStore } from './settings.js';

export interface PaneAdapter extends CheckAdapter {
  selectCells(sheet: string, cells: string[]): Promise<unknown>;
  capabilities(): PaneCapabilities | Promise<PaneCapabilities>;
  watchChanges?(sheets: string[], onChange: (sheets: string[]) => void): Promise<(() => Promise<void>) | null>;
  readWarnings?(): LocalizedText[];
}

export interface AdapterHostOptions {
  adapter: PaneAdapter;
  settings: SettingsStore;
  /** BCP 47 tag, e.g. "zh-CN". */
  displayLanguage: () => string;
  /** Today as the report and an acceptance record it ("2026-05-01"); defaults to the local date. */
  today?: () => string;
}

/** The local date as ISO "YYYY-MM-DD" (what a reviewer reads as today, not UTC's). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function createAdapterHost({ adapter, settings, displayLanguage, today = () => localDate() }: AdapterHostOptions): PaneHost {
  const options = (s: PaneSettings): RunCheckOptions => ({
    write: s.writeScores,
    notes: s.notes,
    fills: s.fills,
    reservedPoints: s.reservedPoints,
    check: checkOptionsOf(s),
    lang: s.lang ?? langFromTag(displayLanguage()),
  });
  return {
    check: (s) => runCheck(adapter, options(s)),
    accept: (finding, note, s) => runAccept(adapter, { accept: finding, reason: note.reason, ...(note.by ? { by: note.by } : {}), date: today() }, options(s)),
    unaccept: (finding, s) => runAccept(adapter, { unaccept: finding }, options(s)),
    writeReport: (s) => runReport(adapter, { ...options(s), date: today() }),
    clear: () => runClear(adapter),
    select: async (sheet, cells) => {
      await adapter.selectCells(sheet, cells);
    },
    loadSettings: async () => normalizeSettings(await settings.load()),
    saveSettings: (s) => settings.save(s),
    capabilities: async () => adapter.capabilities(),
    ...(adapter.watchChanges ? { watch: (sheets: string[], onChange: (sheets: string[]) => void) => adapter.watchChanges!(sheets, onChange) } : {}),
    ...(adapter.readWarnings ? { readWarnings: () => adapter.readWarnings!() } : {}),
    displayLanguage,
  };
}
