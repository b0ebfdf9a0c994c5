// Settings kept in custom document properties through Office.js (Workbook.properties.custom,
// ExcelApi 1.7): the simulated API behaves as Excel's does, the adapter's DocumentProperties
// stores settings there, and they reach the file (and come back from it) through the package writer.
import { readFileSync } from 'node:fs';
import { patchWorkbook, readCustomProperties } from '../xlsx/index.js';
import { createExcel, CUSTOM_PROPERTY_LIMIT, createWorkbookModel, editsOfModel, markSaved, sheetFromRows, SimError, type ExcelSimulator } from '../simulator/index.js';
import { DEFAULT_SETTINGS, documentSettingsStore, memorySettingsStore, normalizeSettings, SETTINGS_PROPERTY, type PaneSettings } from '../../workflow/index.js';
import { officeDocumentProperties, settingsWithFallback } from './index.js';

function excel(options: { apiVersion?: string; platform?: 'web' | 'windows'; properties?: [string, string][] } = {}): ExcelSimulator {
  const model = createWorkbookModel([sheetFromRows('表1', [['一级指标', '权重']])]);
  if (options.properties) model.customProperties = new Map(options.properties);
  return createExcel(model, { apiVersion: options.apiVersion ?? '1.20', platform: options.platform ?? 'windows' });
}

const SETTINGS: PaneSettings = {
  ...DEFAULT_SETTINGS,
  profile: 'gansu-county',
  reservedPoints: 10,
  rules: { 'weights/points-sum': 'off', 'value-format/not-number': 'info', 'structure/empty-name': 'warning', 'budget/expense-sum': 'off', 'budget/funds-sum': 'off', 'structure/duplicate-name': 'info', 'weights/level2-sum': 'off' },
};

describe('the simulated Workbook.properties.custom (ExcelApi 1.7)', () => {
  test('add creates a property or sets the one of that key (keys without case); getItemOrNullObject, value, delete', async () => {
    const x = excel({ properties: [['编制单位', '宁县财政局']] });
    const read = await x.run(async (context) => {
      const custom = context.workbook.properties.custom;
      custom.add('Reviewer', '张三');
      custom.add('reviewer', '李四');
      const missing = custom.getItemOrNullObject('没有');
      const kept = custom.getItemOrNullObject('编制单位');
      missing.load('value');
      kept.load('key,value,type');
      custom.load('key,value');
      await context.sync();
      return { missing: missing.isNullObject, kept: [kept.key, kept.value, kept.type], all: custom.items.map((p) => [p.key, p.value]) };
    });
    expect(read).toEqual({ missing: true, kept: ['编制单位', '宁县财政局', 'String'], all: [['编制单位', '宁县财政局'], ['Reviewer', '李四']] });
    await x.run(async (context) => {
      context.workbook.properties.custom.getItem('REVIEWER').delete();
      await context.sync();
    });
    expect([...x.model.customProperties!.keys()]).toEqual(['编制单位']);
    expect([...x.model.customChanges!]).toEqual(['Reviewer']);
  });

  test.each([
    ['windows', CUSTOM_PROPERTY_LIMIT],
    ['web', 300],
  ] as const)('a value longer than 255 characters on %s is kept to %i characters (trimmed outside the web)', async (platform, length) => {
    const x = excel({ platform });
    await x.run(async (context) => {
      context.workbook.properties.custom.add('长', '绩'.repeat(300));
      await context.sync();
    });
    expect(x.model.customProperties!.get('长')).toHaveLength(length);
  });

  test('getItem of a missing key fails at sync with ItemNotFound; without ExcelApi 1.7 the API is missing', async () => {
    const x = excel();
    const notFound = await x
      .run(async (context) => {
        const p = context.workbook.properties.custom.getItem('没有');
        p.load('value');
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(SimError);
    expect((notFound as SimError).code).toBe('ItemNotFound');
    const old = excel({ apiVersion: '1.6' });
    const missing = await old
      .run(async (context) => {
        context.workbook.properties.custom.add('k', 'v');
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect((missing as SimError).code).toBe('ApiNotFound');
  });
});

describe('settings in custom properties through the Office adapter', () => {
  test('saved in numbered parts of at most 255 characters and read back in one Excel.run', async () => {
    const x = excel();
    const store = documentSettingsStore(officeDocumentProperties(x.run));
    await store.save(SETTINGS);
    const parts = [...x.model.customProperties!].filter(([k]) => k.startsWith(SETTINGS_PROPERTY));
    expect(parts.length).toBeGreaterThan(2);
    for (const [, v] of parts) expect(v.length).toBeLessThanOrEqual(CUSTOM_PROPERTY_LIMIT);
    const runs = x.runs;
    const syncs = x.totalSyncs;
    expect(normalizeSettings(await store.load())).toEqual(SETTINGS);
    expect(x.runs - runs).toBe(1);
    expect(x.totalSyncs - syncs).toBe(1);
  });

  test('a shorter save removes the parts left over; the user\'s own properties stay', async () => {
    const x = excel({ properties: [['编制单位', '宁县财政局']] });
    const store = documentSettingsStore(officeDocumentProperties(x.run));
    await store.save(SETTINGS);
    await store.save(DEFAULT_SETTINGS);
    expect([...x.model.customProperties!.keys()]).toEqual(['编制单位', SETTINGS_PROPERTY, `${SETTINGS_PROPERTY}.1`]);
    expect(normalizeSettings(await store.load())).toEqual(DEFAULT_SETTINGS);
  });

  test('a workbook without them reads the settings an earlier version kept (document.settings) once, and saves to the properties', async () => {
    const x = excel();
    const older = memorySettingsStore({ ...DEFAULT_SETTINGS, reservedPoints: 5 });
    const store = settingsWithFallback(documentSettingsStore(officeDocumentProperties(x.run)), older);
    expect(normalizeSettings(await store.load())?.reservedPoints).toBe(5);
    await store.save({ ...DEFAULT_SETTINGS, reservedPoints: 8 });
    expect(normalizeSettings(await store.load())?.reservedPoints).toBe(8);
    expect(normalizeSettings(await older.load())?.reservedPoints).toBe(5);
  });

  test('reach the file with the workbook\'s other edits and come back from it in a new session', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/ningxian-2026.xlsx'));
    const x = excel();
    await documentSettingsStore(officeDocumentProperties(x.run)).save(SETTINGS);
    const edit = editsOfModel(x.model);
    expect(edit.properties?.set.length).toBeGreaterThan(2);
    const saved = patchWorkbook(bytes, edit).bytes;
    markSaved(x.model);
    expect(editsOfModel(x.model).properties).toBeUndefined();
    // A fresh simulated Excel over what the file holds, as the workbench opens a download.
    const again = excel({ properties: [...readCustomProperties(saved)] });
    expect(normalizeSettings(await documentSettingsStore(officeDocumentProperties(again.run)).load())).toEqual(SETTINGS);
  });
});
