// The 校验报告 sheet: planned from a report (pure), written by the package writer beside the user's
// sheets, refreshed on the next run, and never over a sheet of the user's that has the same name.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { reportSheet } from '../../src/adapters/xlsx/index.js';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { runCli } from '../../src/cli/run.js';
import { renderHtml, escapeHtml } from '../../src/cli/htmlReport.js';
import { REPORT_SHEET, checkWorkbook, isOurReportSheet, level1Scores, planReportSheet, type ReportCell, type Report } from '../../src/core/index.js';
import { patchedBook } from '../helpers/package.js';
import { buildWorkbook, readFixture } from '../helpers/workbooks.js';

const SHEET = '整体支出绩效目标表';
const text = (row: ReportCell[]) => row.map((c) => (c.value === null ? '' : String(c.value)));

describe('planReportSheet on the seed', () => {
  let report: Report;
  beforeAll(async () => {
    report = checkWorkbook(snapshotOf(await readFixture('ningxian-2026.xlsx')), {
      accepted: [{ rule: 'value-format/not-number', sheet: SHEET, indicator: '服务职工总人次', cells: ['F24'], reason: '口径待定', by: '李四', date: '2026-05-01' }],
    });
  });

  test('title, date, unit name and where the table is (linked)', () => {
    const plan = planReportSheet(report, { lang: 'zh', date: '2026-05-02' });
    expect(plan.sheet).toBe(REPORT_SHEET);
    expect(plan.rows[0]).toEqual([{ value: '整体支出绩效目标表校验报告', style: 'title' }]);
    expect(text(plan.rows[1])).toEqual(['校验日期', '2026-05-02']);
    const rows = plan.rows.map(text);
    expect(rows).toContainEqual(['单位（部门）名称', '宁县总工会']);
    const where = plan.rows.find((r) => r[0]?.value === '位置');
    expect(where?.[1]).toEqual({ value: `${SHEET}!A1:I46`, link: { sheet: SHEET, cell: 'A1' } });
    expect(plan.columnWidths.length).toBeGreaterThanOrEqual(5);
  });

  test('the score table: each 一级 with 权重, Σ分值 and Σ得分, then the total', () => {
    const rows = planReportSheet(report, { lang: 'zh', date: '2026-05-02' }).rows;
    const header = rows.findIndex((r) => r[0]?.value === '一级指标');
    expect(text(rows[header])).toEqual(['一级指标', '权重', '分值', '得分']);
    expect(rows.slice(header + 1, header + 6).map((r) => r.map((c) => c.value))).toEqual([
      ['基本运行指标', 10, 10, 10],
      ['重点履职指标', 30, 30, 30], // F24's error is accepted: its 3 points count
      ['部门综合指标', 30, 30, 30],
      ['可持续发展能力指标', 20, 20, 20],
      ['合计', 90, 90, 90],
    ]);
    expect(level1Scores(report.tables[0])).toEqual([
      { name: '基本运行指标', weight: 10, points: 10, score: 10 },
      { name: '重点履职指标', weight: 30, points: 30, score: 30 },
      { name: '部门综合指标', weight: 30, points: 30, score: 30 },
      { name: '可持续发展能力指标', weight: 20, points: 20, score: 20 },
    ]);
  });

  test('every finding with its severity, topic, a link to its first cell, message, acceptance and 审核维度', () => {
    const rows = planReportSheet(report, { lang: 'zh', date: '2026-05-02' }).rows;
    const header = rows.findIndex((r) => r[0]?.value === '级别');
    expect(text(rows[header])).toEqual(['级别', '主题', '单元格', '说明', '忽略原因', '审核维度']);
    const listed = rows.slice(header + 1, header + 1 + report.tables[0].findings.length);
    for (const f of report.tables[0].findings) {
      const row = listed.find((r) => r[3]?.value === f.message.zh);
      expect(row).toBeDefined();
      expect(row?.[2].link).toEqual({ sheet: SHEET, cell: f.cells[0] });
    }
    expect(text(listed[0])).toEqual(['错误', '权重', 'B12, B23, B33, B40', expect.stringContaining('一级指标权重合计 90'), '', expect.stringMatching(/^(完整性|相关性|适当性|可行性)$/)]);
    // Accepted findings come after the open ones, tagged, with who, when and why.
    expect(text(listed[2])).toEqual(['错误（已忽略）', '指标值', 'F24', expect.stringContaining('服务职工总人次'), '口径待定（李四，2026-05-01）', expect.any(String)]);
    expect(listed[2][0].style).toBe('accepted');
    expect(text(rows.find((r) => r[0]?.value === '问题') ?? [])).toEqual(['问题', '1 个错误，1 个警告，0 个提示；已忽略 1 项']);
  });

  test('the HTML report renders the same document: the same findings in the same order, with their 审核维度', () => {
    const sheetRows = planReportSheet(report, { lang: 'zh', date: '2026-05-02' }).rows;
    const header = sheetRows.findIndex((r) => r[0]?.value === '级别');
    const sheetMessages = sheetRows.slice(header + 1).filter((r) => r.length >= 4).map((r) => String(r[3].value));
    const html = renderHtml([{ file: 'seed.xlsx', report }], { lang: 'zh', date: '2026-05-02' });
    const at = sheetMessages.map((m) => html.indexOf(escapeHtml(m)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(html).toContain('<th>审核维度</th>');
  });

  test('in English', () => {
    const rows = planReportSheet(report, { lang: 'en', date: '2026-05-02' }).rows.map(text);
    expect(rows[0]).toEqual(['Performance target table check report']);
    expect(rows).toContainEqual(['Severity', 'Topic', 'Cells', 'Message', 'Accepted because', 'Review dimension']);
    // English has no full-width brackets.
    expect(rows.some((r) => r[0] === 'Error (accepted)')).toBe(true);
    expect(rows.some((r) => r[3]?.startsWith('First-level weights add up to 90'))).toBe(true);
  });

  test('sheets without a table are named; a workbook with none gives just the header', () => {
    const empty = planReportSheet({ tables: [], sheetsWithoutTable: ['名单'] }, { date: '2026-05-02' });
    expect(empty.rows.map(text)).toEqual([['整体支出绩效目标表校验报告'], ['校验日期', '2026-05-02'], ['未找到绩效目标表的工作表', '名单'], []]);
  });
});

describe('the 校验报告 sheet in a workbook (package writer)', () => {
  test('written with links to the cells, refreshed on a second run, not checked as a table', async () => {
    const wb = buildWorkbook({});
    wb.worksheets[0].getCell('F16').value = '稳步提升';
    const report = checkWorkbook(snapshotOf(wb));
    const once = await patchedBook(wb, { sheets: [], ownSheets: [reportSheet(planReportSheet(report, { date: '2026-05-01' }))] });
    const ws = once.getWorksheet(REPORT_SHEET);
    expect(ws?.getCell('A1').value).toBe('整体支出绩效目标表校验报告');
    const links: string[] = [];
    ws?.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue;
      if (v && typeof v === 'object' && 'formula' in v) links.push(v.formula);
    }));
    expect(links).toContain(`HYPERLINK("#'${SHEET}'!F16","F16")`);

    const again = checkWorkbook(snapshotOf(once));
    expect(again.sheetsWithoutTable).toEqual([]);
    expect(isOurReportSheet(snapshotOf(once).sheets.find((s) => s.name === REPORT_SHEET)!)).toBe(true);
    const twice = await patchedBook(once, { sheets: [], ownSheets: [reportSheet(planReportSheet(again, { date: '2026-05-02' }))] });
    expect(twice.worksheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
    expect(twice.getWorksheet(REPORT_SHEET)?.getCell('B2').value).toBe('2026-05-02');
  });

  test("a user's own sheet named 校验报告 is left alone, and the CLI says so", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-report-'));
    const wb = buildWorkbook({});
    wb.addWorksheet(REPORT_SHEET).getCell('A1').value = '我的审核记录';
    const file = path.join(dir, 'own.xlsx');
    await wb.xlsx.writeFile(file);
    let stderr = '';
    await runCli(['--out', dir, file], { stdout: () => undefined, stderr: (t) => (stderr += t), color: false });
    expect(stderr).toContain('未写入校验报告：工作簿中已有一个名为「校验报告」的工作表，且不是本工具写入的');
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(readFileSync(path.join(dir, 'own.checked.xlsx')) as unknown as ArrayBuffer);
    expect(copy.getWorksheet(REPORT_SHEET)?.getCell('A1').value).toBe('我的审核记录');
    expect(copy.worksheets.filter((w) => w.name === REPORT_SHEET)).toHaveLength(1);
  });
});
