// The written copy changes nothing but our cells: part by part, for the CLI's --out copy and the
// workbench's download, on workbooks holding what exceljs would lose.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { readZip, type ZipArchive } from '../../src/adapters/xlsx/index.js';
import { runCli } from '../../src/cli/run.js';
import { NOTE_MARK } from '../../src/core/index.js';
import { DEFAULT_SETTINGS, memorySettingsStore } from '../../src/workflow/index.js';
import { openWorkbook, saveWorkbook } from '../../src/workbench/session.js';
import { createWorkbenchHost } from '../../src/workbench/workbenchHost.js';
import { richWorkbook, zipParts } from '../helpers/package.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-patch-'));
});

const quiet = { stdout: () => undefined, stderr: () => undefined, color: false };

async function cliCopy(input: Uint8Array, name: string, args: string[] = []): Promise<{ bytes: Uint8Array; code: number; stderr: string }> {
  const file = path.join(dir, name);
  writeFileSync(file, input);
  const out = path.join(dir, `out-${name}`);
  let stderr = '';
  const code = await runCli(['--out', out, ...args, file], { ...quiet, stderr: (s) => (stderr += s) });
  const copy = name.replace(/(\.checked)?\.(xlsx|xlsm)$/i, '.checked.$2');
  return { bytes: new Uint8Array(readFileSync(path.join(out, copy))), code, stderr };
}

async function workbenchCopy(input: Uint8Array, name: string): Promise<Uint8Array> {
  const session = await openWorkbook(input, name);
  const host = createWorkbenchHost(session.excel, { settings: memorySettingsStore(), displayLanguage: () => 'zh-CN' });
  await host.check({ ...DEFAULT_SETTINGS, lang: 'zh' });
  await host.writeReport({ ...DEFAULT_SETTINGS, lang: 'zh' });
  return new Uint8Array(await (await saveWorkbook(session)).arrayBuffer());
}

const text = (zip: ZipArchive, name: string): string => new TextDecoder().decode(unzipSync(zip.bytes, { filter: (f) => f.name === name })[name]);

/** An entry's local record (header, compressed data, descriptor) as stored. */
function raw(zip: ZipArchive, name: string): Uint8Array {
  const e = zip.byName.get(name.toLowerCase());
  if (!e) throw new Error(`no entry ${name}`);
  return zip.bytes.subarray(e.localOffset, e.localOffset + e.localLength);
}

/** The parts a copy may change: the table sheet, styles, its notes, and what adding our sheets takes. */
const MAY_CHANGE = ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];

/** `<c>` elements by address. */
function cellsOf(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<(?:x:)?c r="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/(?:x:)?c>)/g)) out.set(m[1], m[0]);
  return out;
}

function xfsOf(stylesXml: string): string[] {
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g)].map((m) => m[0]);
}

function commentsOf(xml: string): string[] {
  return [...xml.matchAll(/<comment\b[\s\S]*?<\/comment>/g)].map((m) => m[0]);
}

function expectFaithful(original: Uint8Array, copy: Uint8Array): void {
  const a = readZip(original);
  const b = readZip(copy);
  const plainA = unzipSync(original);
  const plainB = unzipSync(copy);
  for (const e of a.entries) {
    expect(b.byName.has(e.name.toLowerCase())).toBe(true);
    if (MAY_CHANGE.includes(e.name)) continue;
    // Byte for byte: the raw compressed record, and (read by fflate, not by our reader) the content.
    expect([e.name, Buffer.from(raw(b, e.name)).equals(Buffer.from(raw(a, e.name)))]).toEqual([e.name, true]);
    expect(Buffer.from(plainB[e.name]).equals(Buffer.from(plainA[e.name]))).toBe(true);
  }
  // The entries the copy adds are our sheets (and nothing replaces a part of the user's).
  const added = b.entries.map((e) => e.name).filter((n) => !a.byName.has(n.toLowerCase()));
  expect(added.every((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toBe(true);
  expect(added.length).toBeGreaterThanOrEqual(1);

  // The table sheet: every cell of the user's (columns A–I) keeps its XML, style index included;
  // everything outside sheetData is as it was.
  const sheetA = text(a, 'xl/worksheets/sheet1.xml');
  const sheetB = text(b, 'xl/worksheets/sheet1.xml');
  const cellsA = cellsOf(sheetA);
  const cellsB = cellsOf(sheetB);
  for (const [ref, xml] of cellsA) if (!ref.startsWith('J')) expect(cellsB.get(ref)).toBe(xml);
  expect(sheetB.slice(0, sheetB.indexOf('<sheetData>'))).toBe(sheetA.slice(0, sheetA.indexOf('<sheetData>')));
  expect(sheetB.slice(sheetB.indexOf('</sheetData>'))).toBe(sheetA.slice(sheetA.indexOf('</sheetData>')));
  // Row elements keep their attributes.
  const rowTags = (x: string) => [...x.matchAll(/<row\b[^>]*>/g)].map((m) => m[0]);
  expect(rowTags(sheetB)).toEqual(rowTags(sheetA));

  // Styles: every xf the user's cells use is still there, unchanged, at its index; ours are appended.
  const xfsA = xfsOf(text(a, 'xl/styles.xml'));
  const xfsB = xfsOf(text(b, 'xl/styles.xml'));
  expect(xfsB.slice(0, xfsA.length)).toEqual(xfsA);
  const stylesB = text(b, 'xl/styles.xml');
  const styleOf = (ref: string) => Number(/\ss="(\d+)"/.exec(cellsB.get(ref) ?? '')?.[1] ?? 0);
  // Our header keeps the user's header look (fill 2, border 1) with our number format; scores keep the grid's border.
  const headerXf = xfsB[styleOf('J1')];
  expect(headerXf).toMatch(/fillId="2"/);
  expect(headerXf).toMatch(/borderId="1"/);
  expect(stylesB).toMatch(new RegExp(`<numFmt numFmtId="${/numFmtId="(\d+)"/.exec(headerXf)?.[1]}" formatCode=";;;@"/>`));
  for (const ref of ['J2', 'J5', 'J9', 'J11']) expect(xfsB[styleOf(ref)]).toMatch(/borderId="1"/);
  expect(styleOf('J2')).toBeGreaterThanOrEqual(xfsA.length);

  // Notes: the user's comments (bare <t>, the threaded comment's fallback, the one on J5) stay verbatim.
  const commentsA = commentsOf(text(a, 'xl/comments1.xml'));
  const commentsXmlB = text(b, 'xl/comments1.xml');
  for (const c of commentsA) expect(commentsXmlB).toContain(c);
  expect(commentsXmlB).toContain('<author>张三</author><author>tc={4B5A7E1C-0000-4000-8000-000000000001}</author>');
  const ours = commentsOf(commentsXmlB).filter((c) => !commentsA.includes(c));
  // Row 9's error gets our note; row 5 has one, but J5 holds the user's note, so ours is not written there.
  expect(ours.map((c) => /ref="([A-Z]+\d+)"/.exec(c)?.[1])).toEqual(['J9']);
  expect(ours[0]).toContain(NOTE_MARK);
  const vmlA = text(a, 'xl/drawings/vmlDrawing1.vml');
  const vmlB = text(b, 'xl/drawings/vmlDrawing1.vml');
  for (const shape of vmlA.match(/<v:shape\b[\s\S]*?<\/v:shape>/g) ?? []) expect(vmlB).toContain(shape);
  expect(vmlB).toMatch(/<x:Row>8<\/x:Row><x:Column>9<\/x:Column>/);

  // workbook.xml: the user's sheets, defined names (localSheetId, hidden, comment) and the rest as they were.
  const wbA = text(a, 'xl/workbook.xml');
  const wbB = text(b, 'xl/workbook.xml');
  expect(wbB).toContain('<sheet name="整体支出绩效目标表" sheetId="1" r:id="rId1"/><sheet name="数据" sheetId="3" r:id="rId2"/>');
  expect(wbB.slice(wbB.indexOf('</sheets>'))).toBe(wbA.slice(wbA.indexOf('</sheets>')));
  expect(wbB.slice(0, wbB.indexOf('<sheets>'))).toBe(wbA.slice(0, wbA.indexOf('<sheets>')));
}

describe('a workbook with the parts exceljs loses', () => {
  const original = richWorkbook();

  test('the CLI --out copy: untouched parts byte-identical, user cells and styles kept, notes beside the user\'s', async () => {
    const { bytes, code } = await cliCopy(original.bytes, '目标表.xlsx');
    expect(code).toBe(1);
    expectFaithful(original.bytes, bytes);
    // exceljs reads the copy: the 得分 column is J, the user's "0.0" weight format is still theirs.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('整体支出绩效目标表')!;
    expect(ws.getCell('J1').value).toBe('得分');
    expect(ws.getCell('B2').numFmt).toBe('0.0');
    expect(ws.getCell('F2').numFmt).toBeUndefined();
    expect(ws.getCell('J2').numFmt).toBe('0.00;-0.00;0.00');
    expect(typeof ws.getCell('J2').value).toBe('number');
    expect(ws.getCell('J5').value).toBe(0);
    expect(wb.getWorksheet('校验报告')).toBeDefined();
  });

  test('a second run on the copy changes no user cell and rewrites exactly our cells', async () => {
    const first = await cliCopy(original.bytes, 'again.xlsx');
    const second = await cliCopy(first.bytes, 'again.checked.xlsx');
    expectFaithful(original.bytes, second.bytes);
    const a = readZip(first.bytes);
    const b = readZip(second.bytes);
    const cellsA = cellsOf(text(a, 'xl/worksheets/sheet1.xml'));
    const cellsB = cellsOf(text(b, 'xl/worksheets/sheet1.xml'));
    // Every cell, ours included, comes out the same: same values, same (reused) styles.
    expect([...cellsB]).toEqual([...cellsA]);
    expect(xfsOf(text(b, 'xl/styles.xml'))).toEqual(xfsOf(text(a, 'xl/styles.xml')));
    // Our note is replaced, not doubled; the user's stay.
    expect(commentsOf(text(b, 'xl/comments1.xml')).sort()).toEqual(commentsOf(text(a, 'xl/comments1.xml')).sort());
    expect((text(b, 'xl/drawings/vmlDrawing1.vml').match(/<x:Row>8<\/x:Row>/g) ?? []).length).toBe(1);
    // The 校验报告 sheet is refreshed in place, not added twice.
    expect(b.entries.length).toBe(a.entries.length);
    expect(text(b, 'xl/workbook.xml').match(/name="校验报告"/g)).toHaveLength(1);
  });

  test('accepting the row-9 finding on a later run clears exactly our note and fill there', async () => {
    const first = await cliCopy(original.bytes, 'accept.xlsx');
    const second = await cliCopy(first.bytes, 'accept.checked.xlsx', ['--accept', 'value-format/not-number@整体支出绩效目标表!F9=口径待定']);
    const b = readZip(second.bytes);
    expect(commentsOf(text(b, 'xl/comments1.xml')).some((c) => c.includes('ref="J9"') && c.includes('已忽略'))).toBe(true);
    const cellsA = cellsOf(text(readZip(original.bytes), 'xl/worksheets/sheet1.xml'));
    const cellsB = cellsOf(text(b, 'xl/worksheets/sheet1.xml'));
    for (const [ref, xml] of cellsA) if (!ref.startsWith('J')) expect(cellsB.get(ref)).toBe(xml);
    const xfs = xfsOf(text(b, 'xl/styles.xml'));
    const j9 = xfs[Number(/\ss="(\d+)"/.exec(cellsB.get('J9') ?? '')?.[1])];
    expect(j9).toMatch(/fillId="0"/);
    expect(text(b, 'xl/worksheets/sheet2.xml')).toContain('口径待定');
  });

  test('the workbench download: the same guarantees', async () => {
    const copy = await workbenchCopy(original.bytes, '目标表.xlsx');
    expectFaithful(original.bytes, copy);
  });

  test('.xlsm in, .xlsm out: the VBA project and the macro content type are kept', async () => {
    const macro = richWorkbook({ macro: true });
    const { bytes } = await cliCopy(macro.bytes, '宏.xlsm');
    expectFaithful(macro.bytes, bytes);
    const zip = readZip(bytes);
    expect(text(zip, '[Content_Types].xml')).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(Buffer.from(unzipSync(bytes)['xl/vbaProject.bin']).equals(Buffer.from(macro.parts['xl/vbaProject.bin'] as Uint8Array))).toBe(true);
  });
});

describe('the seed', () => {
  test('--out still writes 得分 in column J, 87.00 of 90.00, and leaves every other part as it was', async () => {
    const seed = new Uint8Array(readFileSync('test/fixtures/ningxian-2026.xlsx'));
    const { bytes } = await cliCopy(seed, 'ningxian-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('整体支出绩效目标表')!;
    expect(ws.getCell('J11').value).toBe('得分');
    let sum = 0;
    for (let r = 12; r <= 46; r++) sum += Number(ws.getCell(`J${r}`).value);
    expect(sum.toFixed(2)).toBe('87.00');
    const a = readZip(seed);
    const b = readZip(bytes);
    for (const e of a.entries) {
      if (['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(e.name)) continue;
      expect(Buffer.from(raw(b, e.name)).equals(Buffer.from(raw(a, e.name)))).toBe(true);
    }
  });
});

describe('no free column right of the table', () => {
  test('the header is not written over the user\'s J1 (the plan falls back to J when every column is taken)', async () => {
    const wb = richWorkbook();
    // Column J holds the user's text on every row, and a merge on the header row reaches XFD.
    let sheet = (wb.parts['xl/worksheets/sheet1.xml'] as string).replace(/<c r="J(\d+)" s="(\d)"\/>/g, '<c r="J$1" s="$2" t="inlineStr"><is><t>用户$1</t></is></c>');
    sheet = sheet.replace('<dataValidations', '<mergeCells count="1"><mergeCell ref="K1:XFD1"/></mergeCells><dataValidations');
    const bytes = zipParts({ ...wb.parts, 'xl/worksheets/sheet1.xml': sheet });
    const { bytes: copy, stderr } = await cliCopy(bytes, 'full.xlsx');
    // The header and the indicator rows alike: the plan leaves every user cell of J alone and says so.
    expect(stderr).toMatch(/表格右侧没有空列：整体支出绩效目标表!J1、.* 等 11 个单元格 有您的内容，未写入/);
    const before = cellsOf(sheet);
    const after = cellsOf(text(readZip(copy), 'xl/worksheets/sheet1.xml'));
    expect([...after]).toEqual([...before]);
  });
});

describe('workbook structure protection', () => {
  test('kept as it was, and no sheet of ours is added to a locked structure (the 得分 column still is written)', async () => {
    const wb = richWorkbook();
    const workbook = (wb.parts['xl/workbook.xml'] as string).replace('<bookViews>', '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="abc=" workbookSaltValue="def=" workbookSpinCount="100000" lockStructure="1"/><bookViews>');
    const bytes = zipParts({ ...wb.parts, 'xl/workbook.xml': workbook });
    const { bytes: copy, stderr } = await cliCopy(bytes, 'locked.xlsx');
    expect(stderr).toContain('工作簿结构受保护，未添加工作表「校验报告」');
    const zip = readZip(copy);
    expect(text(zip, 'xl/workbook.xml')).toBe(workbook);
    expect(zip.entries.map((e) => e.name)).not.toContain('xl/worksheets/sheet2.xml');
    expect(text(zip, 'xl/worksheets/sheet1.xml')).toContain('<c r="J1" s="');
  });
});

describe("Excel's calculation chain", () => {
  /** The first run's copy with a calcChain as Excel writes it after saving: our report's HYPERLINK cells (sheetId 5) and one of the user's. */
  async function savedByExcel(entries: string): Promise<Uint8Array> {
    const { bytes } = await cliCopy(richWorkbook().bytes, 'chain.xlsx');
    const parts: Record<string, string | Uint8Array> = unzipSync(bytes);
    const t = (n: string) => new TextDecoder().decode(parts[n] as Uint8Array);
    expect(t('xl/workbook.xml')).toContain('<sheet name="校验报告" sheetId="5"');
    parts['xl/calcChain.xml'] = `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${entries}</calcChain>`;
    parts['xl/_rels/workbook.xml.rels'] = t('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>');
    parts['[Content_Types].xml'] = t('[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
    return zipParts(parts);
  }

  test('refreshing our report sheet drops its entries (Excel would repair the file), keeping the user\'s', async () => {
    const input = await savedByExcel('<c r="B7" i="5"/><c r="B8"/><c r="C2" i="1"/><c r="C3"/>');
    const { bytes } = await cliCopy(input, 'chain.checked.xlsx');
    expect(text(readZip(bytes), 'xl/calcChain.xml')).toBe('<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C2" i="1"/><c r="C3"/></calcChain>');
  });

  test('a chain left empty is removed with its relationship and content type', async () => {
    const input = await savedByExcel('<c r="B7" i="5"/><c r="B8"/>');
    const { bytes } = await cliCopy(input, 'chain2.checked.xlsx');
    const zip = readZip(bytes);
    expect(zip.byName.has('xl/calcchain.xml')).toBe(false);
    expect(text(zip, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(text(zip, '[Content_Types].xml')).not.toContain('calcChain');
  });
});
