/** @jest-environment jsdom */
import { DEFAULT_SETTINGS } from './settings.js';
import { parseConfig, PROFILES } from '../core/index.js';
import { PROPERTY_TEXT_LIMIT, readSettingsProperties, settingsProperties } from './documentSettings.js';
import { checkOptionsOf, localStorageSettingsStore, memorySettingsStore, normalizeSettings, toStoredSettings } from './settings.js';

test('normalizeSettings keeps valid fields and defaults the rest', () => {
  expect(normalizeSettings(null)).toBeNull();
  expect(normalizeSettings('not json')).toBeNull();
  expect(normalizeSettings({})).toEqual(DEFAULT_SETTINGS);
  expect(normalizeSettings({ writeScores: false, notes: false, fills: 'yes', reservedPoints: 10, lang: 'en' })).toEqual({
    writeScores: false,
    notes: false,
    fills: true,
    reservedPoints: 10,
    lang: 'en',
  });
  expect(normalizeSettings(JSON.stringify({ reservedPoints: -5, lang: 'fr' }))).toEqual(DEFAULT_SETTINGS);
  expect(normalizeSettings({ reservedPoints: 100 })?.reservedPoints).toBe(0);
});

test('the memory store returns what was saved', async () => {
  const store = memorySettingsStore();
  expect(await store.load()).toBeNull();
  await store.save({ ...DEFAULT_SETTINGS, fills: true });
  expect(normalizeSettings(await store.load())).toEqual({ ...DEFAULT_SETTINGS, fills: true });
});

test('the localStorage store survives a new store object (a page reload)', async () => {
  localStorage.clear();
  await localStorageSettingsStore('k').save({ ...DEFAULT_SETTINGS, reservedPoints: 10, lang: 'zh' });
  expect(normalizeSettings(await localStorageSettingsStore('k').load())).toEqual({ ...DEFAULT_SETTINGS, reservedPoints: 10, lang: 'zh' });
  expect(await localStorageSettingsStore('other').load()).toBeNull();
});

test('the check’s settings are stored as a config JSON that parseConfig accepts, and read back', () => {
  const settings = { ...DEFAULT_SETTINGS, profile: 'gansu-county' as const, reservedPoints: 5, rules: { 'value-format/not-number': 'off' as const } };
  const stored = toStoredSettings(settings);
  expect(stored).toEqual({
    writeScores: true,
    notes: true,
    fills: true,
    config: { profile: 'gansu-county', reservedPoints: 5, rules: { 'value-format/not-number': 'off' } },
  });
  expect(parseConfig(JSON.parse(JSON.stringify(stored.config))).options).toEqual(checkOptionsOf(settings));
  expect(checkOptionsOf(settings)).toMatchObject({
    reservedPoints: 5,
    rules: { 'value-format/not-number': 'off' },
    allowedLevel1: ['基本运行指标', '重点履职指标', '部门综合指标', '可持续发展能力指标'],
  });
  expect(normalizeSettings(JSON.stringify(stored))).toEqual(settings);
  expect(checkOptionsOf(DEFAULT_SETTINGS)).toEqual({ reservedPoints: 0 });
});

test('stored config from another version: unknown rules and profiles are dropped, a profile brings its reserved points', () => {
  expect(
    normalizeSettings({
      writeScores: true,
      config: {
        profile: 'national',
        rules: { 'value-format/not-number': 'warning', 'no/such-rule': 'off', 'budget/balance': 'loud', 'budget/basic-sum': 'error' },
      },
    }),
  ).toEqual({ ...DEFAULT_SETTINGS, profile: 'national', reservedPoints: 10, rules: { 'value-format/not-number': 'warning' } });
  expect(normalizeSettings({ config: { profile: 'toString' } })).toEqual(DEFAULT_SETTINGS);
  // The older form, reservedPoints beside the switches, is still read.
  expect(normalizeSettings({ notes: false, reservedPoints: 10 })).toEqual({ ...DEFAULT_SETTINGS, notes: false, reservedPoints: 10 });
});

test('the grouping of findings is kept with the pane’s switches; by topic, the default, leaves no key', () => {
  const byDimension = { ...DEFAULT_SETTINGS, groupBy: 'dimension' as const };
  const stored = toStoredSettings(byDimension);
  expect(stored.groupBy).toBe('dimension');
  expect(stored.config).toEqual({ reservedPoints: 0 });
  expect(normalizeSettings(JSON.stringify(stored))).toEqual(byDimension);
  expect('groupBy' in toStoredSettings({ ...DEFAULT_SETTINGS, groupBy: 'topic' })).toBe(false);
  expect(normalizeSettings({ groupBy: 'topic' })).toEqual(DEFAULT_SETTINGS);
  expect(normalizeSettings({ groupBy: 'rows' })).toEqual(DEFAULT_SETTINGS);
});

test('an edited 共性指标 library is stored in the config JSON and replaces the profile’s own', () => {
  const library = [
    { name: '项目完成率', level2: '数量指标', unit: '%' },
    { name: '群众满意度', level2: '满意度指标', unit: '%' },
  ];
  const settings = { ...DEFAULT_SETTINGS, profile: 'gansu-county' as const, library };
  const stored = toStoredSettings(settings);
  expect(stored.config.library).toEqual(library);
  // The CLI reads the same JSON with --config and checks against the same library.
  expect(parseConfig(JSON.parse(JSON.stringify(stored.config))).options.library).toEqual(library);
  expect(checkOptionsOf(settings).library).toEqual(library);
  expect(normalizeSettings(JSON.stringify(stored))).toEqual(settings);
  // An empty list is a choice (check against no library), not "use the profile's".
  expect(checkOptionsOf({ ...settings, library: [] }).library).toEqual([]);
  expect(checkOptionsOf({ ...DEFAULT_SETTINGS, profile: 'gansu-county' }).library?.length).toBeGreaterThan(2);
  // A library the config parser would refuse is dropped, and the profile's is used again.
  expect(normalizeSettings({ config: { profile: 'gansu-county', library: [{ level2: '数量指标' }] } })).toEqual({
    ...DEFAULT_SETTINGS,
    profile: 'gansu-county',
  });
});

test('a whole edited library fits the workbook’s settings properties (255-character parts) and reads back the same', async () => {
  const library = [...(PROFILES['gansu-county'].options.library ?? []), { name: '职工群众满意度', level2: '满意度指标', unit: '%' }];
  const settings = { ...DEFAULT_SETTINGS, profile: 'gansu-county' as const, library, groupBy: 'dimension' as const };
  const props = new Map(settingsProperties(settings));
  expect(props.size).toBeGreaterThan(3);
  expect([...props.values()].every((v) => v.length <= PROPERTY_TEXT_LIMIT)).toBe(true);
  const text = await readSettingsProperties({ get: (k: string) => Promise.resolve(props.get(k)) });
  expect(normalizeSettings(text)).toEqual(settings);
});
