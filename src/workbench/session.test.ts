// The workbench's wiring without a browser: open the seed as the page does, check it through
// the pane's host over the real adapter, save, and read the saved file back.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { memorySettingsStore } from '../taskpane/settings.js';
import { DEFAULT_SETTINGS } from '../taskpane/host.js';
import { downloadName, openWorkbook, saveWorkbook } from './session.js';
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
  expect(ws.getCell('J11').numFmt).toBe(';;;@');
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
});
