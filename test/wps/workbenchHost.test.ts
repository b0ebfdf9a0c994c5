// The workbench's simulated WPS host: the pane's session over the WPS adapter and the ET
// simulator, on the same model the page draws, each action measured in object-model calls.
import ExcelJS from 'exceljs';
import { fromExcelJs } from '../../src/adapters/simulator/index.js';
import { createWpsWorkbenchHost, type ActionRecord } from '../../src/workbench/workbenchHost.js';
import { DEFAULT_SETTINGS, memorySettingsStore } from '../../src/workflow/index.js';

test('校验 and 清除结果 through the WPS host change the page’s model and are counted in WPS calls', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile('test/fixtures/ningxian-2026.xlsx');
  const model = fromExcelJs(workbook);
  const original = new Map(model.sheets[0].cells);
  const records: ActionRecord[] = [];
  const host = createWpsWorkbenchHost(model, { settings: memorySettingsStore(), displayLanguage: () => 'zh-CN', onAction: (r) => records.push(r) });

  const result = await host.check(DEFAULT_SETTINGS);
  expect(result.report.tables).toHaveLength(1);
  expect(model.sheets[0].cells.get('J24')?.value).toBe(0);
  expect(records[0]).toMatchObject({ action: 'check', ok: true, syncs: 0, runs: 0, written: { sheet: '整体支出绩效目标表', cell: 'J11' } });
  expect(records[0].wpsCalls).toBeGreaterThan(100);

  await host.select('整体支出绩效目标表', ['F24']);
  expect(model.selection).toEqual({ sheet: '整体支出绩效目标表', areas: ['F24'] });

  await host.clear();
  expect(records.map((r) => r.action)).toEqual(['check', 'select', 'clear']);
  expect(new Map(model.sheets[0].cells)).toEqual(original);
  expect((await host.capabilities()).liveRecheck).toBe(false);
});
