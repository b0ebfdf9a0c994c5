/** @jest-environment jsdom */
import { DEFAULT_SETTINGS } from './host.js';
import { localStorageSettingsStore, memorySettingsStore, normalizeSettings } from './settings.js';

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
