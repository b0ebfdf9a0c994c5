// The workbench's settings live in the workbook (its custom properties); only the page's language
// is the browser's. An older workbench kept every setting in the browser: only the language is
// taken from there, so an old template does not leak into every workbook opened.
import { createExcel, createWorkbookModel, sheetFromRows } from '../adapters/simulator/index.js';
import { DEFAULT_SETTINGS, memorySettingsStore, normalizeSettings, readSettingsProperties } from '../workflow/index.js';
import { workbookSettingsStore } from './settingsStore.js';

const workbook = () => createExcel(createWorkbookModel([sheetFromRows('表1', [['一级指标']])]));
const inBook = (excel: ReturnType<typeof workbook>) => readSettingsProperties({ get: (n) => excel.model.customProperties?.get(n) });

test('settings are saved in the workbook, each workbook its own; the language in the browser', async () => {
  const browser = memorySettingsStore();
  const first = workbook();
  await workbookSettingsStore(first, browser).save({ ...DEFAULT_SETTINGS, profile: 'national', reservedPoints: 10, lang: 'en' });
  expect(normalizeSettings(await inBook(first))).toEqual({ ...DEFAULT_SETTINGS, profile: 'national', reservedPoints: 10 });
  expect(normalizeSettings(await browser.load())).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' });
  // The next workbook: the template stays with the first; the language is the page's.
  const second = workbook();
  expect(normalizeSettings(await workbookSettingsStore(second, browser).load())).toEqual({ ...DEFAULT_SETTINGS, lang: 'en' });
  expect(normalizeSettings(await workbookSettingsStore(first, memorySettingsStore()).load())).toEqual({ ...DEFAULT_SETTINGS, profile: 'national', reservedPoints: 10 });
});

test('a browser holding an older workbench\'s settings lends only its language', async () => {
  const browser = memorySettingsStore({ ...DEFAULT_SETTINGS, profile: 'gansu-county', reservedPoints: 0, fills: false, lang: 'zh' });
  expect(normalizeSettings(await workbookSettingsStore(workbook(), browser).load())).toEqual({ ...DEFAULT_SETTINGS, lang: 'zh' });
  expect(await workbookSettingsStore(workbook(), memorySettingsStore()).load()).toBeNull();
});

test('choosing only the language writes nothing into the workbook', async () => {
  const excel = workbook();
  await workbookSettingsStore(excel, memorySettingsStore()).save({ ...DEFAULT_SETTINGS, lang: 'en' });
  expect(excel.model.customProperties?.size ?? 0).toBe(0);
  expect(excel.model.customChanges?.size ?? 0).toBe(0);
});
