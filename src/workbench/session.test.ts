// The workbench's wiring without a browser: open the seed as the page does, check it through
// the pane's host over the real adapter, save, and read the saved file back.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { ACCEPTED_SHEET, RESULT_HEADER_BOLD_FORMAT } from '../core/index.js';
import { createWorkbookAdapter } from '../adapters/office/index.js';
import { createSession, memorySettingsStore, DEFAULT_SETTINGS } from '../workflow/index.js';
import { downloadName, openWorkbook, readPreviousYear, saveWorkbook } from './session.js';
import { createExcel, fromExcelJs } from '../adapters/simulator/index.js';
import { createWorkbenchHost, type ActionRecord } from './workbenchHost.js';

const SAMPLE = 'assets/samples/ningxian-2026.xlsx';

async function seed(apiVersion?: string) {
  const session = await openWorkbook(readFileSync(SAMPLE), 'ningxian-2026.xlsx', apiVersion);
  const actions: ActionRecord[] = [];
  const host = createWorkbenchHost(session.excel, {
    settings: memorySettingsStore(),
    displayLanguage: () => 'zh-CN',
    onAction: (a) => actions.push(a),
  });
  return { session, host, actions };
}

test('opening keeps the look the model lacks: column widths, bold headers, wrapped text', async () => {
  const { session } = await seed();
  const look = session.look.get('整体支出绩效目标表')!;
  expect(look.columnWidths.get(3)).toBe(24);
  expect(look.columnWidths.get(7)).toBe(40);
  expect(look.cells.get('A11')?.bold).toBe(true);
  expect(look.cells.get('B3')).toMatchObject({ wrap: true, valign: 'top' });
  expect(session.excel.model.sheets[0].cells.get('D5')?.value).toBe(130.4);
});

test('check and clear through the host are counted in syncs, and a save carries the 得分 column', async () => {
  const { session, host, actions } = await seed();
  const result = await host.check({ ...DEFAULT_SETTINGS, lang: 'zh' });
  expect(result.written).toEqual([expect.objectContaining({ column: 'J', cells: 36 })]);
  expect(actions).toEqual([expect.objectContaining({ action: 'check', ok: true, runs: 2, syncs: 3 })]);

  await host.select('整体支出绩效目标表', ['F24']);
  expect(actions[1]).toMatchObject({ action: 'select', ok: true });
  expect(session.excel.model.selection).toEqual({ sheet: '整体支出绩效目标表', areas: ['F24'] });

  const blob = await saveWorkbook(session);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(Buffer.from(await blob.arrayBuffer()) as unknown as ArrayBuffer);
  const ws = saved.getWorksheet('整体支出绩效目标表')!;
  expect(ws.getCell('J11').value).toBe('得分');
  // Bold like the header row; the mark says the bold is ours, for 清除结果.
  expect(ws.getCell('J11').numFmt).toBe(RESULT_HEADER_BOLD_FORMAT);
  expect(ws.getCell('J11').font?.bold).toBe(true);
  expect(ws.getCell('J12').value).toBeCloseTo(0.91, 2);
  expect(ws.getCell('D3').value).toBe(ws.getCell('B3').value);

  expect(await host.clear()).toBe(36);
  expect(actions[2]).toMatchObject({ action: 'clear', ok: true });
  // Saving again after the clear empties the column in the exceljs workbook too.
  const cleared = new ExcelJS.Workbook();
  await cleared.xlsx.load(Buffer.from(await (await saveWorkbook(session)).arrayBuffer()) as unknown as ArrayBuffer);
  expect(cleared.getWorksheet('整体支出绩效目标表')!.getCell('J11').value).toBeNull();
});

test('a failing action is recorded as failed', async () => {
  const { host, actions } = await seed('1.3');
  await expect(host.check({ ...DEFAULT_SETTINGS, lang: 'zh' })).rejects.toThrow();
  expect(actions).toEqual([expect.objectContaining({ action: 'check', ok: false })]);
});

test('download names', () => {
  expect(downloadName('ningxian-2026.xlsx')).toBe('ningxian-2026.checked.xlsx');
  expect(downloadName('表.XLSX')).toBe('表.checked.xlsx');
  expect(downloadName('ningxian-2026.checked.xlsx')).toBe('ningxian-2026.checked.xlsx');
  expect(downloadName('宏.xlsm')).toBe('宏.checked.xlsm');
});

test('忽略 survives save and reopen: accept F24, save, reload with exceljs, check again — accepted, row 24 scores 3.00', async () => {
  const { session, host, actions } = await seed();
  const settings = { ...DEFAULT_SETTINGS, lang: 'zh' as const };
  const first = await host.check(settings);
  const table = first.report.tables[0];
  const f24 = table.findings.find((f) => f.cells.includes('F24'))!;
  expect(f24).toMatchObject({ rule: 'value-format/not-number', severity: 'error' });
  expect(table.indicators.find((i) => i.row === 24)?.score).toBe(0);

  const accepted = await host.accept(f24, { reason: '口径待定，下年度补充' }, settings);
  // Read (2 syncs); the accepted sheet added and hidden in a run of its own, outside the merged undo
  // group (Excel refuses those inside it); the 得分 column with its targets re-read first (stale
  // check): the re-check needs no second read.
  expect(actions.at(-1)).toMatchObject({ action: 'accept', ok: true, runs: 4, syncs: 6 });
  const row24 = accepted.report.tables[0].indicators.find((i) => i.row === 24)!;
  expect(row24.score).toBe(row24.points);
  expect(row24.score.toFixed(2)).toBe('3.00');
  expect(session.excel.model.sheets[0].cells.get('J24')?.value).toBe(3);

  // Save as the workbench's download does it, and read the file back as a new session would.
  const bytes = Buffer.from(await (await saveWorkbook(session)).arrayBuffer());
  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(reloaded.worksheets.map((w) => [w.name, w.state])).toEqual([
    ['整体支出绩效目标表', 'visible'],
    [ACCEPTED_SHEET, 'veryHidden'],
  ]);
  const hidden = reloaded.getWorksheet(ACCEPTED_SHEET)!;
  expect(hidden.getCell('C2').value).toBe('服务职工总人次');
  expect(hidden.getCell('E2').value).toBe('口径待定，下年度补充');

  const excel = createExcel(fromExcelJs(reloaded));
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const again = createSession({ port: adapter, settings: memorySettingsStore(), displayLanguage: () => 'zh-CN' });
  const second = await again.check(settings);
  const f24again = second.report.tables[0].findings.find((f) => f.cells.includes('F24'))!;
  expect(f24again.accepted).toEqual({ reason: '口径待定，下年度补充', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  expect(second.report.tables[0].indicators.find((i) => i.row === 24)?.score.toFixed(2)).toBe('3.00');
  // The re-check writes the same score, in the same column; the hidden sheet is still very hidden.
  expect(excel.model.sheets[0].cells.get('J24')?.value).toBe(3);
  expect(excel.model.sheets[1].visibility).toBe('VeryHidden');
});

test('生成校验报告 through the workbench host: 1 sync to write after the 2-sync read (the sheet added in a run of its own); the download carries it with working links', async () => {
  const { session, host, actions } = await seed();
  const written = await host.writeReport({ ...DEFAULT_SETTINGS, lang: 'zh' });
  // The 校验报告 sheet is added in a run of its own, outside the merged undo group.
  expect(actions.at(-1)).toMatchObject({ action: 'report', ok: true, runs: 3, syncs: 3 });
  expect(written).toMatchObject({ sheet: '校验报告', created: true });
  expect(written.links).toBeGreaterThan(1);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(Buffer.from(await (await saveWorkbook(session)).arrayBuffer()) as unknown as ArrayBuffer);
  const ws = saved.getWorksheet('校验报告')!;
  expect(ws.state).toBe('visible');
  expect(ws.getCell('A1').value).toBe('整体支出绩效目标表校验报告');
  const links: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value as { formula?: string } | null;
    if (v && typeof v === 'object' && v.formula) links.push(v.formula);
  }));
  expect(links).toContain('HYPERLINK("#\'整体支出绩效目标表\'!F24","F24")');
  // The user's table is as it was: the report touched no other sheet.
  expect(saved.getWorksheet('整体支出绩效目标表')!.getCell('J11').value).toBeNull();
});

test('上年表 (issue 19): last year\'s self-evaluated table opened beside the seed makes the next check compare with it', async () => {
  // Last year: the seed self-evaluated, 23 core tasks done (this year's ≥8 is below it).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile('test/fixtures/ningxian-2026.xlsx');
  const ws = wb.getWorksheet('整体支出绩效目标表')!;
  ws.getCell('J11').value = '实际完成值';
  for (let r = 12; r <= 46; r++) ws.getCell(`J${r}`).value = ws.getCell(`F${r}`).value;
  ws.getCell('J23').value = 23;
  const lastYear = new Uint8Array(await wb.xlsx.writeBuffer());
  const indicators = await readPreviousYear(lastYear, '上年自评表.xlsx');
  expect(indicators).toHaveLength(35);
  expect(indicators.find((i) => i.row === 23)?.actualText).toBe('23');

  const session = await openWorkbook(readFileSync('test/fixtures/ningxian-2026.xlsx'), 'ningxian-2026.xlsx');
  const last: { indicators?: typeof indicators } = {};
  const host = createWorkbenchHost(session.excel, { settings: memorySettingsStore(), displayLanguage: () => 'zh-CN', previous: () => last.indicators });
  const rulesOf = async () => (await host.check({ ...DEFAULT_SETTINGS, writeScores: false })).report.tables[0].findings.map((f) => f.rule);
  expect(await rulesOf()).not.toContain('value-format/below-last-year');
  last.indicators = indicators;
  expect(await rulesOf()).toContain('value-format/below-last-year');
});

test('上年表 without a table gives no indicators (the page says so rather than comparing with nothing)', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '无表';
  expect(await readPreviousYear(new Uint8Array(await wb.xlsx.writeBuffer()), '空.xlsx')).toEqual([]);
});
