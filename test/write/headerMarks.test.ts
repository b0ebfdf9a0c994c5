// Our 得分 header cell: it carries the table's findings that are on no indicator row (a blank
// total, Σ weights) as a note of ours, so a downloaded copy marks them without the 校验报告;
// 清除结果 takes the note away with the cell, and a user's cell never gets one.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { NOTE_MARK } from '../../src/core/index.js';
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
