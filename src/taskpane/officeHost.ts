// The PaneHost inside Excel: the workbook through the src/excel adapter, settings saved with
// the document (Office.context.document.settings), the language Office displays.
import { createOfficeWorkbookAdapter } from '../excel/index.js';
import type { PaneSettings, PaneHost } from './host.js';
import { createAdapterHost, type PaneAdapter } from './adapterHost.js';
import { SETTINGS_KEY, toStoredSettings, type SettingsStore } from './settings.js';

/** Settings stored per add-in and per document; they travel with the workbook. */
export function officeSettingsStore(key = SETTINGS_KEY): SettingsStore {
  return {
    load: () => Promise.resolve(Office.context.document.settings.get(key) as unknown),
    save: (s: PaneSettings) =>
      new Promise<void>((resolve, reject) => {
        const settings = Office.context.document.settings;
        settings.set(key, toStoredSettings(s));
        settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error)));
      }),
  };
}

export function officeDisplayLanguage(): string {
  return Office.context.displayLanguage || 'zh-CN';
}

/** Call after Office.onReady: the adapter reads the Excel and Office globals. */
export function createOfficeHost(adapter: PaneAdapter = createOfficeWorkbookAdapter()): PaneHost {
  return createAdapterHost({ adapter, settings: officeSettingsStore(), displayLanguage: officeDisplayLanguage });
}
