// The 校验报告 says what it was checked with: the template, the reserved points and the rules
// switched off or re-graded — written through the workbench's host into the downloaded file.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { REPORT_SHEET, checkedWith, planReportSheet, type CheckOptions, type Report } from '../../src/core/index.js';
import { DEFAULT_SETTINGS, memorySettingsStore, type PaneSettings } from '../../src/workflow/index.js';
import { openWorkbook, saveWorkbook } from '../../src/workbench/session.js';
import { createWorkbenchHost } from '../../src/workbench/workbenchHost.js';

/** The report sheet of the seed checked with `settings`, as rows of text read back from the saved file. */
async function reportRows(settings: PaneSettings): Promise<string[][]> {
  const session = await openWorkbook(readFileSync('test/fixtures/ningxian-2026.xlsx'), 'ningxian-2026.xlsx');
  const host = createWorkbenchHost(session.excel, { settings: memorySettingsStore(), displayLanguage: () => 'zh-CN', today: () => '2026-05-01' });
  await host.writeReport(settings);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(Buffer.from(await (await saveWorkbook(session)).arrayBuffer()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  saved.getWorksheet(REPORT_SHEET)!.eachRow((row, r) => {
    rows[r - 1] = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
  });
  return rows;
}

test('a report checked with a template, reserved points and rules changed names each, below the date', async () => {
  const rows = await reportRows({
    ...DEFAULT_SETTINGS,
    lang: 'zh',
    profile: 'national',
    reservedPoints: 10,
    rules: { 'weights/points-sum': 'off', 'value-format/not-number': 'info' },
  });
  expect(rows.slice(1, 5)).toEqual([
    ['校验日期', '2026-05-01'],
    ['模板', '全国通用（财预〔2020〕10号）'],
    ['预留分值', '10 分'],
    ['规则设置', expect.stringMatching(/^(weights\/points-sum（关闭）；value-format\/not-number（改为提示）|value-format\/not-number（改为提示）；weights\/points-sum（关闭）)$/)],
  ]);
});

test('with the defaults the report says no template, 0 points and every rule at its default', async () => {
  const rows = await reportRows({ ...DEFAULT_SETTINGS, lang: 'zh' });
  expect(rows.slice(2, 5)).toEqual([
    ['模板', '不指定（接受任何一级指标）'],
    ['预留分值', '0 分'],
    ['规则设置', '全部为默认'],
  ]);
});

test('in English, and a 一级 set of the user\'s own named as such; a rule set to its own severity is no change', () => {
  const report: Report = { tables: [], sheetsWithoutTable: [] };
  const options: CheckOptions = { allowedLevel1: ['产出指标', '效益指标'], reservedPoints: 5, rules: { 'structure/empty-name': 'error', 'structure/duplicate-name': 'warning', 'structure/no-weight-column': 'warning' } };
  const rows = planReportSheet(report, { lang: 'en', date: '2026-05-01', checkedWith: checkedWith(options) }).rows.map((r) => r.map((c) => c.value));
  expect(rows.slice(2, 5)).toEqual([
    ['Template', 'Custom (first level: 产出指标, 效益指标)'],
    ['Reserved points', '5 points'],
    ['Rule settings', 'structure/no-weight-column (as warning)'],
  ]);
  // structure/empty-name is an error and structure/duplicate-name a warning already: not listed.
  // Without checkedWith (as the CLI calls it today) the plan is as before.
  expect(planReportSheet(report, { lang: 'en', date: '2026-05-01' }).rows[2]).toEqual([]);
});
