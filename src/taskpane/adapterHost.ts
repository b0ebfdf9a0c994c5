// A PaneHost over any workbook adapter. Excel (officeHost.ts) and the offline workbench differ
// only in the adapter, where settings are kept, and how the UI language is found.
import type { PaneCapabilities, PaneHost } from './host.js';
import { runCheck, runClear, type CheckAdapter } from './runCheck.js';
import { langFromTag } from './i18n.js';
import { normalizeSettings, type SettingsStore } from './settings.js';

export interface PaneAdapter extends CheckAdapter {
  selectCells(sheet: string, cells: string[]): Promise<unknown>;
  capabilities(): PaneCapabilities | Promise<PaneCapabilities>;
}

export interface AdapterHostOptions {
  adapter: PaneAdapter;
  settings: SettingsStore;
  /** BCP 47 tag, e.g. "zh-CN". */
  displayLanguage: () => string;
}

export function createAdapterHost({ adapter, settings, displayLanguage }: AdapterHostOptions): PaneHost {
  return {
    check: (s) =>
      runCheck(adapter, {
        write: s.writeScores,
        notes: s.notes,
        fills: s.fills,
        reservedPoints: s.reservedPoints,
        lang: s.lang ?? langFromTag(displayLanguage()),
      }),
    clear: () => runClear(adapter),
    select: async (sheet, cells) => {
      await adapter.selectCells(sheet, cells);
    },
    loadSettings: async () => normalizeSettings(await settings.load()),
    saveSettings: (s) => settings.save(s),
    capabilities: async () => adapter.capabilities(),
    displayLanguage,
  };
}
