// Custom document properties (docProps/custom.xml): the settings written there by the package
// writer and read back, on files from Excel (the seed), LibreOffice and openpyxl, and on one that
// already holds properties of the user's — those stay as they were.
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { CUSTOM_FMTID, entryData, patchWorkbook, readCustomProperties, readZip } from '../../src/adapters/xlsx/index.js';
import { DEFAULT_SETTINGS, documentSettingsStore, normalizeSettings, type DocumentProperties } from '../../src/workflow/index.js';
import { changedEntries, partText, zipParts } from '../helpers/package.js';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/${name}`));

/** A DocumentProperties over a file's bytes: reads what the file has, edits patch the bytes. */
function fileProperties(initial: Uint8Array): DocumentProperties & { bytes: Uint8Array } {
  const file = {
    bytes: initial,
    get: (name: string) => readCustomProperties(file.bytes).get(name),
    update(set: [string, string][], remove: string[]) {
      file.bytes = patchWorkbook(file.bytes, { sheets: [], ownSheets: [], properties: { set, remove } }).bytes;
    },
  };
  return file;
}

/** Every pid of the part, in order. */
const pids = (xml: string) => [...xml.matchAll(/\spid="(\d+)"/g)].map((m) => Number(m[1]));

const USER_PROPERTIES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  `<property fmtid="${CUSTOM_FMTID}" pid="2" name="编制单位"><vt:lpwstr>宁县财政局 &amp; 预算股</vt:lpwstr></property>` +
  `<property fmtid="${CUSTOM_FMTID}" pid="3" name="页数"><vt:i4>12</vt:i4></property>` +
  `<property fmtid="${CUSTOM_FMTID}" pid="5" name="已审"><vt:bool>true</vt:bool></property>` +
  `<property fmtid="${CUSTOM_FMTID}" pid="6" name="截止"><vt:filetime>2026-06-30T00:00:00Z</vt:filetime></property>` +
  '</Properties>';

/** The seed with a custom.xml of the user's, as Excel writes one (its relationship and content type). */
function withUserProperties(): Uint8Array {
  const zip = readZip(fixture('ningxian-2026.xlsx'));
  const parts: Record<string, string | Uint8Array> = {};
  for (const e of zip.entries) if (!e.name.endsWith('/')) parts[e.name] = entryData(zip, e);
  const text = (name: string) => new TextDecoder().decode(parts[name] as Uint8Array);
  parts['_rels/.rels'] = text('_rels/.rels').replace(
    '</Relationships>',
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
  );
  parts['[Content_Types].xml'] = text('[Content_Types].xml').replace(
    '</Types>',
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
  );
  parts['docProps/custom.xml'] = USER_PROPERTIES;
  return zipParts(parts);
}

const LONG = { ...DEFAULT_SETTINGS, profile: 'gansu-county' as const, reservedPoints: 10, rules: { 'weights/points-sum': 'off' as const, 'value-format/not-number': 'info' as const, 'structure/empty-name': 'warning' as const, 'budget/expense-sum': 'off' as const, 'budget/funds-sum': 'off' as const, 'structure/duplicate-name': 'info' as const, 'weights/level2-sum': 'off' as const, 'scoring/deviation-missing': 'off' as const } };

describe.each([
  ['Excel (the seed)', 'ningxian-2026.xlsx', ['[Content_Types].xml', '_rels/.rels']],
  ['openpyxl', 'openpyxl-features.xlsx', ['[Content_Types].xml', '_rels/.rels']],
  // LibreOffice writes an empty custom.xml: it is filled, no new part added.
  ['LibreOffice', 'libreoffice-features.xlsx', ['docProps/custom.xml']],
])('settings in a workbook written by %s', (_tool, name, changed) => {
  const original = fixture(name);

  test('are written as custom properties, read back, and nothing else of the file changes', async () => {
    expect(readCustomProperties(original).size).toBe(0);
    const file = fileProperties(original);
    await documentSettingsStore(file).save(LONG);
    const after = changedEntries(original, file.bytes);
    expect(after).toEqual(changed.sort());
    const custom = partText(file.bytes, 'docProps/custom.xml');
    expect(XMLValidator.validate(custom)).toBe(true);
    expect(XMLValidator.validate(partText(file.bytes, '_rels/.rels'))).toBe(true);
    expect(XMLValidator.validate(partText(file.bytes, '[Content_Types].xml'))).toBe(true);
    expect(partText(file.bytes, '[Content_Types].xml')).toContain('<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>');
    expect(partText(file.bytes, '_rels/.rels')).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/custom-properties" Target="docProps\/custom.xml"/);
    // Each value a vt:lpwstr of at most 255 characters, pids from 2, all distinct.
    const values = [...custom.matchAll(/<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)].map((m) => m[1]);
    // The count and at least two parts: this JSON is longer than one property holds.
    expect(values.length).toBeGreaterThan(2);
    for (const v of values) expect(v.length).toBeLessThanOrEqual(255);
    expect(pids(custom)).toEqual(values.map((_v, i) => i + 2));
    expect(custom.match(/fmtid="\{D5CDD505-2E9C-101B-9397-08002B2CF9AE\}"/g)).toHaveLength(values.length);
    // Read back from the bytes alone, as the CLI and a fresh workbench do.
    const again = await documentSettingsStore(fileProperties(file.bytes)).load();
    expect(normalizeSettings(again)).toEqual(LONG);
  });

  test('a shorter save replaces the parts and removes those left over', async () => {
    const file = fileProperties(original);
    await documentSettingsStore(file).save(LONG);
    const long = readCustomProperties(file.bytes).size;
    await documentSettingsStore(file).save(DEFAULT_SETTINGS);
    const props = readCustomProperties(file.bytes);
    expect(props.size).toBeLessThan(long);
    expect([...props.keys()]).toEqual(['jixiao-check.settings', 'jixiao-check.settings.1']);
    expect(normalizeSettings(await documentSettingsStore(file).load())).toEqual(DEFAULT_SETTINGS);
    const custom = partText(file.bytes, 'docProps/custom.xml');
    expect(new Set(pids(custom)).size).toBe(pids(custom).length);
  });
});

describe('a workbook that has custom properties of the user\'s', () => {
  const original = withUserProperties();

  test('reads them as text', () => {
    expect(Object.fromEntries(readCustomProperties(original))).toEqual({ 编制单位: '宁县财政局 & 预算股', 页数: '12', 已审: 'true', 截止: '2026-06-30T00:00:00Z' });
  });

  test('keeps each of them byte for byte; ours get pids after the highest', async () => {
    const file = fileProperties(original);
    await documentSettingsStore(file).save(LONG);
    expect(changedEntries(original, file.bytes)).toEqual(['docProps/custom.xml']);
    const custom = partText(file.bytes, 'docProps/custom.xml');
    expect(XMLValidator.validate(custom)).toBe(true);
    for (const m of USER_PROPERTIES.matchAll(/<property\b[\s\S]*?<\/property>/g)) expect(custom).toContain(m[0]);
    expect(custom.startsWith(USER_PROPERTIES.slice(0, USER_PROPERTIES.indexOf('</Properties>')))).toBe(true);
    const all = pids(custom);
    expect(all.slice(0, 4)).toEqual([2, 3, 5, 6]);
    expect(all.slice(4)).toEqual(all.slice(4).map((_p, i) => 7 + i));
    // Removing ours leaves exactly the user's part again.
    const ours = [...readCustomProperties(file.bytes).keys()].filter((k) => k.startsWith('jixiao-check.'));
    file.update([], ours);
    expect(partText(file.bytes, 'docProps/custom.xml')).toBe(USER_PROPERTIES);
  });

  test('a property of another type set by name becomes text; setting the text it has changes no byte', async () => {
    const file = fileProperties(original);
    file.update([['页数', '13']], []);
    const custom = partText(file.bytes, 'docProps/custom.xml');
    expect(custom).toContain(`<property fmtid="${CUSTOM_FMTID}" pid="3" name="页数"><vt:lpwstr>13</vt:lpwstr></property>`);
    expect(readCustomProperties(file.bytes).get('页数')).toBe('13');
    // Setting what is already there changes no byte.
    const same = patchWorkbook(file.bytes, { sheets: [], ownSheets: [], properties: { set: [['编制单位', '宁县财政局 & 预算股']], remove: [] } }).bytes;
    expect(changedEntries(file.bytes, same)).toEqual([]);
  });
});
