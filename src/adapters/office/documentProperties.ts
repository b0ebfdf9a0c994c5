// The workbook's custom document properties through Office.js (Workbook.properties.custom, ExcelApi
// 1.7), for the settings that travel with the file. Excel keeps them in the file itself, so the
// next reviewer's Excel, WPS, the workbench and the CLI read the same settings.
import type { DocumentProperties, SettingsStore } from '../../workflow/index.js';
import type { ExcelRun } from './adapter.js';

/**
 * Custom properties over `run`. A read loads the whole collection in one sync and serves the
 * reads of the same moment from it (the settings are read part by part), so loading settings
 * costs one Excel.run, not one per part.
 */
export function officeDocumentProperties(run: ExcelRun): DocumentProperties {
  let all: Promise<Map<string, string>> | undefined;

  function readAll(): Promise<Map<string, string>> {
    if (all) return all;
    const read = run(async (context) => {
      const custom = context.workbook.properties.custom;
      custom.load('key,value');
      await context.sync();
      // Keys compare without regard to case in Excel.
      return new Map(custom.items.map((p) => [p.key.toLowerCase(), String(p.value)]));
    });
    all = read;
    // Forgotten once this moment's reads are done: the next read sees what the user changed since.
    const forget = () => setTimeout(() => (all === read ? (all = undefined) : undefined), 0);
    read.then(forget, forget);
    return read;
  }

  return {
    get: async (name) => (await readAll()).get(name.toLowerCase()),
    async update(set, remove) {
      all = undefined;
      await run(async (context) => {
        const custom = context.workbook.properties.custom;
        // add() creates a property or sets the one of that key.
        for (const [key, value] of set) custom.add(key, value);
        const gone = remove.map((key) => custom.getItemOrNullObject(key));
        for (const p of gone) p.load('key');
        await context.sync();
        if (!gone.some((p) => !p.isNullObject)) return;
        for (const p of gone) if (!p.isNullObject) p.delete();
        await context.sync();
      });
    },
  };
}

/**
 * Settings read from `store`, or once from `older` while the workbook has none there yet (a
 * workbook whose settings an earlier version kept elsewhere); saved to `store` only.
 */
export function settingsWithFallback(store: SettingsStore, older: SettingsStore): SettingsStore {
  return {
    async load() {
      const settings = await store.load();
      return settings ?? (await older.load());
    },
    save: (settings) => store.save(settings),
  };
}
