import { DEFAULT_SETTINGS, normalizeSettings } from './settings.js';
import { documentSettingsStore, PROPERTY_TEXT_LIMIT, readSettingsProperties, SETTINGS_PROPERTY, settingsProperties, splitText, type DocumentProperties } from './documentSettings.js';

function memoryProperties(): DocumentProperties & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (name) => map.get(name),
    update(set, remove) {
      for (const [k, v] of set) map.set(k, v);
      for (const k of remove) map.delete(k);
    },
  };
}

test('a text is split into parts no longer than the property limit, and joins back', () => {
  const text = '规则'.repeat(300) + 'x';
  const parts = splitText(text);
  expect(parts.every((p) => p.length <= PROPERTY_TEXT_LIMIT)).toBe(true);
  expect(parts.join('')).toBe(text);
});

test('a surrogate pair is never split between two parts', () => {
  const text = 'a'.repeat(254) + '𠀀' + 'b';
  const parts = splitText(text);
  expect(parts[0]).toBe('a'.repeat(254));
  expect(parts[1]).toBe('𠀀b');
});

test('settings longer than one property round-trip through the parts', async () => {
  const props = memoryProperties();
  const rules = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`value-format/rule-${i}`, 'off' as const]));
  const settings = { ...DEFAULT_SETTINGS, reservedPoints: 10, profile: 'national' as const, rules };
  const store = documentSettingsStore(props);
  await store.save(settings);
  expect(Number(props.map.get(SETTINGS_PROPERTY))).toBeGreaterThan(1);
  expect([...props.map.values()].every((v) => v.length <= PROPERTY_TEXT_LIMIT)).toBe(true);
  const back = normalizeSettings(await store.load());
  expect(back?.reservedPoints).toBe(10);
  expect(back?.profile).toBe('national');
});

test('a shorter save removes the parts a longer one left, and a missing part reads as no settings', async () => {
  const props = memoryProperties();
  const store = documentSettingsStore(props);
  const long = { ...DEFAULT_SETTINGS, rules: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`x/rule-${i}`, 'off' as const])) };
  await store.save(long);
  const partsBefore = Number(props.map.get(SETTINGS_PROPERTY));
  await store.save(DEFAULT_SETTINGS);
  expect(props.map.get(SETTINGS_PROPERTY)).toBe('1');
  expect(props.map.size).toBe(2);
  expect(partsBefore).toBeGreaterThan(1);
  props.map.set(SETTINGS_PROPERTY, '2');
  expect(await readSettingsProperties(props)).toBeNull();
});

test('a workbook without our properties has no settings', async () => {
  expect(await readSettingsProperties(memoryProperties())).toBeNull();
  expect(settingsProperties(DEFAULT_SETTINGS)[0]).toEqual([SETTINGS_PROPERTY, '1']);
});
