// The Session inside Excel: the workbook through the src/adapters/office adapter, settings saved in
// the workbook's custom properties (ExcelApi 1.7; else Office.context.document.settings), the
// language Office displays.
import { createOfficeWorkbookAdapter, officeDocumentProperties, settingsWithFallback, type ExcelRun } from '../adapters/office/index.js';
import { type PaneSettings, type Session, createSession, type PanePort, SETTINGS_KEY, toStoredSettings, type SettingsStore, documentSettingsStore } from '../workflow/index.js';

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
export function createOfficeHost(adapter: PanePort = createOfficeWorkbookAdapter()): Session {
  // Custom properties are read by every host (WPS, the workbench, the CLI); document.settings only by this add-in.
  const settings = Office.context.requirements.isSetSupported('ExcelApi', '1.7')
    ? settingsWithFallback(documentSettingsStore(officeDocumentProperties(Excel.run as ExcelRun)), officeSettingsStore())
    : officeSettingsStore();
  return createSession({ port: adapter, settings, displayLanguage: officeDisplayLanguage });
}
