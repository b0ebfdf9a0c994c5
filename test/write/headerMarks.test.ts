// Our 得分 header cell: bold like the header row in every host, on a cell format of its own, with
// the bold taken back by 清除结果 only where it was ours. It carries the table's findings that are on no indicator row (a blank
// total, Σ weights) as a note of ours, so a downloaded copy marks them without the 校验报告;
// 清除结果 takes the note away with the cell, and a user's cell never gets one.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { NOTE_MARK, RESULT_HEADER_BOLD_FORMAT, RESULT_HEADER_FORMAT, checkWorkbook, planClear, planResults } from '../../src/core/index.js';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { editsOfClear, editsOfPlans, patchWorkbook } from '../../src/adapters/xlsx/index.js';
import { partText } from '../helpers/package.js';
import { DEFAULT_SETTINGS, memorySettingsStore } from '../../src/workflow/index.js';
import { openWorkbook, saveWorkbook, type WorkbookSession } from '../../src/workbench/session.js';
import { createWorkbenchHost } from '../../src/workbench/workbenchHost.js';

const SHEET = '整体支出绩效目标表';

async function seed() {
  const session = await openWorkbook(readFileSync('test/fixtures/ningxian-2026.xlsx'), 'ningxian-2026.xlsx');
  const host = createWorkbenchHost(session.excel, { settings: memorySettingsStore(), displayLanguage: () => 'zh-CN' });
  return { session, host };
}

async function saved(session: WorkbookSession): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await (await saveWorkbook(session)).arrayBuffer()) as unknown as ArrayBuffer);
  return wb.getWorksheet(SHEET)!;
}

const noteText = (note: ExcelJS.Cell['note']): string =>
  typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');

test('a finding on no indicator row is noted on our 得分 header, in the download too; 清除结果 takes it away', async () => {
  const { session, host } = await seed();
  const result = await host.check({ ...DEFAULT_SETTINGS, lang: 'zh' });
  const table = result.report.tables[0];
  const onTable = table.findings.filter((f) => f.indicatorRow === undefined && f.severity !== 'info');
  expect(onTable.length).toBeGreaterThan(0);
  const header = `J${table.headerRow}`;
  const note = session.excel.model.sheets.find((s) => s.name === SHEET)!.cells.get(header)?.note ?? '';
  expect(note.startsWith(`${NOTE_MARK}\n本表的问题（不在某一指标行上）：`)).toBe(true);
  for (const f of onTable) expect(note).toContain(f.message.zh);
  expect(note).toContain('一级指标权重合计 90');
  // No finding of an indicator row is repeated on the header.
  for (const f of table.findings.filter((x) => x.indicatorRow !== undefined)) expect(note).not.toContain(f.message.zh);

  const copy = await saved(session);
  expect(noteText(copy.getCell(header).note)).toContain('一级指标权重合计 90');

  await host.clear();
  const cell = session.excel.model.sheets.find((s) => s.name === SHEET)!.cells.get(header);
  expect(cell?.note).toBeUndefined();
  expect(cell?.value ?? null).toBeNull();
  expect(noteText((await saved(session)).getCell(header).note)).toBe('');
});

test('with 添加批注 off, the header has no note either', async () => {
  const { session, host } = await seed();
  const result = await host.check({ ...DEFAULT_SETTINGS, notes: false, lang: 'zh' });
  const header = `J${result.report.tables[0].headerRow}`;
  expect(session.excel.model.sheets.find((s) => s.name === SHEET)!.cells.get(header)).toMatchObject({ value: '得分' });
  expect(session.excel.model.sheets.find((s) => s.name === SHEET)!.cells.get(header)?.note).toBeUndefined();
});

// ---------------------------------------------------------------- the header is bold (issue 17.6)

/** The package writer's round: read the bytes (as the CLI does), check, plan, patch. */
async function patchedRun(bytes: Uint8Array): Promise<{ bytes: Uint8Array; header: string; column: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const snapshot = snapshotOf(wb);
  const report = checkWorkbook(snapshot);
  const plans = planResults(snapshot, report, { lang: 'zh' });
  const header = `${plans[0].column}${report.tables[0].headerRow}`;
  return { bytes: patchWorkbook(bytes, { sheets: editsOfPlans(plans, snapshot), ownSheets: [] }).bytes, header, column: plans[0].column };
}

async function clearedRun(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return patchWorkbook(bytes, { sheets: editsOfClear(planClear(snapshotOf(wb))), ownSheets: [] }).bytes;
}

const cellXfs = (bytes: Uint8Array) => {
  const xml = partText(bytes, 'xl/styles.xml');
  const block = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return block.match(/<xf\b[^>]*(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
};

async function cellOf(bytes: Uint8Array, address: string): Promise<ExcelJS.Cell> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.getWorksheet(SHEET)!.getCell(address);
}

const sheetPart = 'xl/worksheets/sheet1.xml';
const styleOf = (bytes: Uint8Array, address: string) => new RegExp(`<c r="${address}"(?: s="(\\d+)")?`).exec(partText(bytes, sheetPart))?.[1] ?? '0';

test('the package writer makes our header bold with a cell format of its own; re-run keeps it; 清除结果 gives the cell its format back', async () => {
  const original = new Uint8Array(readFileSync('test/fixtures/ningxian-2026.xlsx'));
  const before = cellXfs(original);
  const first = await patchedRun(original);
  const header = await cellOf(first.bytes, first.header);
  expect(header.value).toBe('得分');
  expect(header.font?.bold).toBe(true);
  expect(header.numFmt).toBe(RESULT_HEADER_BOLD_FORMAT);
  // Every existing cell format is as it was; ours are added after them.
  const after = cellXfs(first.bytes);
  expect(after.slice(0, before.length)).toEqual(before);
  expect(Number(styleOf(first.bytes, first.header))).toBeGreaterThanOrEqual(before.length);
  // The header row's own cells keep their formats.
  for (const c of ['A11', 'B11', 'D11', 'I11']) expect(styleOf(first.bytes, c)).toBe(styleOf(original, c));

  const second = await patchedRun(first.bytes);
  expect(second.column).toBe(first.column);
  expect((await cellOf(second.bytes, first.header)).numFmt).toBe(RESULT_HEADER_BOLD_FORMAT);
  expect((await cellOf(second.bytes, first.header)).font?.bold).toBe(true);

  const cleared = await clearedRun(second.bytes);
  const gone = await cellOf(cleared, first.header);
  expect(gone.value).toBeNull();
  expect(gone.font?.bold).toBeFalsy();
  // The cell's format is the one it had before (the file's own cell format, not a near copy).
  expect(styleOf(cleared, first.header)).toBe(styleOf(original, first.header));
});

test('a header cell bold already (the user bolded the whole header row) is left bold, unmarked, and stays bold after 清除结果', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync('test/fixtures/ningxian-2026.xlsx') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(SHEET)!;
  const headerRow = checkWorkbook(snapshotOf(wb)).tables[0].headerRow;
  ws.getCell(`J${headerRow}`).font = { bold: true, name: '宋体', size: 12 };
  const original = new Uint8Array(await wb.xlsx.writeBuffer());
  const first = await patchedRun(original);
  expect(first.header).toBe(`J${headerRow}`);
  const header = await cellOf(first.bytes, first.header);
  expect(header.numFmt).toBe(RESULT_HEADER_FORMAT);
  expect(header.font).toMatchObject({ bold: true, name: '宋体', size: 12 });
  const cleared = await cellOf(await clearedRun(first.bytes), first.header);
  expect(cleared.font).toMatchObject({ bold: true, name: '宋体', size: 12 });
  expect(cleared.value).toBeNull();
});

test('through Office.js (the simulated Excel): bold set and taken back, and a cell bold already left as it was', async () => {
  for (const boldBefore of [false, true]) {
    const { session, host } = await seed();
    const sheet = session.excel.model.sheets.find((s) => s.name === SHEET)!;
    if (boldBefore) sheet.cells.set('J11', { value: null, font: { bold: true } });
    const before = structuredClone(sheet.cells.get('J11'));
    await host.check({ ...DEFAULT_SETTINGS, lang: 'zh' });
    expect(sheet.cells.get('J11')).toMatchObject({ value: '得分', numberFormat: boldBefore ? RESULT_HEADER_FORMAT : RESULT_HEADER_BOLD_FORMAT, font: { bold: true } });
    await host.check({ ...DEFAULT_SETTINGS, lang: 'zh' });
    expect(sheet.cells.get('J11')?.numberFormat).toBe(boldBefore ? RESULT_HEADER_FORMAT : RESULT_HEADER_BOLD_FORMAT);
    await host.clear();
    const after = sheet.cells.get('J11');
    expect(Boolean(after?.font?.bold)).toBe(boldBefore);
    expect(after?.value ?? null).toBeNull();
    if (before) expect(after).toEqual(before);
  }
});

test('a header cell with a font of the user\'s (宋体 12, italic, double underline) gets it back whole after 清除结果, by either writer', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync('test/fixtures/ningxian-2026.xlsx') as unknown as ArrayBuffer);
  const font: Partial<ExcelJS.Font> = { name: '宋体', size: 12, italic: true, underline: 'double' };
  wb.getWorksheet(SHEET)!.getCell('J11').font = font;
  const original = new Uint8Array(await wb.xlsx.writeBuffer());
  // The package writer (the CLI's).
  const first = await patchedRun(original);
  expect((await cellOf(first.bytes, 'J11')).font).toMatchObject({ ...font, bold: true });
  const cleared = await clearedRun(first.bytes);
  expect((await cellOf(cleared, 'J11')).font).toEqual((await cellOf(original, 'J11')).font);
  expect(styleOf(cleared, 'J11')).toBe(styleOf(original, 'J11'));
  // The workbench: Office.js on the simulated Excel, then the download.
  const session = await openWorkbook(original, 'styled.xlsx');
  const host = createWorkbenchHost(session.excel, { settings: memorySettingsStore(), displayLanguage: () => 'zh-CN' });
  await host.check({ ...DEFAULT_SETTINGS, lang: 'zh' });
  expect((await saved(session)).getCell('J11').font).toMatchObject({ ...font, bold: true });
  await host.clear();
  expect((await saved(session)).getCell('J11').font).toEqual((await cellOf(original, 'J11')).font);
});
