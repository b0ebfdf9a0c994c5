// The workbench keeps the pane's settings in the open workbook (its custom properties, through the
// simulated Excel as the add-in does in Excel), so they are downloaded with it and come back when
// it is opened again, in any browser; a template chosen for one workbook is not the next one's.
// Only the language is the page's own, kept per browser.
import { officeDocumentProperties } from '../adapters/office/index.js';
import type { ExcelSimulator } from '../adapters/simulator/index.js';
import { DEFAULT_SETTINGS, documentSettingsStore, localStorageSettingsStore, normalizeSettings, toStoredSettings, type PaneSettings, type SettingsStore } from '../workflow/index.js';

export function workbookSettingsStore(excel: Pick<ExcelSimulator, 'run'>, page: SettingsStore = localStorageSettingsStore()): SettingsStore {
  const book = documentSettingsStore(officeDocumentProperties(excel.run));
  return {
    async load() {
      const inBook = normalizeSettings(await book.load());
      // Only the language is read from the browser: an older workbench kept every setting there.
      const lang = normalizeSettings(await page.load())?.lang;
      if (!inBook && !lang) return null;
      const settings = { ...(inBook ?? DEFAULT_SETTINGS) };
      if (lang) settings.lang = lang;
      return toStoredSettings(settings);
    },
    async save(settings) {
      const { lang, ...rest } = settings;
      if (lang) await page.save({ ...DEFAULT_SETTINGS, lang });
      // The workbook is written only when a setting of its own changed, not for the page's language.
      const before = normalizeSettings(await book.load()) ?? DEFAULT_SETTINGS;
      const { lang: _bookLang, ...kept } = before;
      if (JSON.stringify(toStoredSettings(kept as PaneSettings)) !== JSON.stringify(toStoredSettings(rest as PaneSettings))) await book.save(rest as PaneSettings);
    },
  };
}
