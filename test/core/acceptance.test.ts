// Accepted (忽略) findings: stored in the workbook's very hidden sheet, matched again after rows
// move, listed apart and no longer counted.
import ExcelJS from 'exceljs';
import { acceptanceSheet } from '../../src/adapters/xlsx/index.js';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import {
  ACCEPTED_SHEET,
  REPORT_SHEET,
  checkWorkbook,
  planAcceptanceSheet,
  planResults,
  readAcceptances,
  type Acceptance,
  type Finding,
  type Report,
} from '../../src/core/index.js';
import { patchedBook } from '../helpers/package.js';
import { buildWorkbook, findingsOf, validRows, rowsWith, type RowSpec } from '../helpers/workbooks.js';

const SHEET = '整体支出绩效目标表';
/** Row 16 (职工诉求办结率) with a text value: value-format/not-number at F16. */
const badRows = (): RowSpec[] => rowsWith(4, { value: '稳步提升' });
/** The same table with a new indicator inserted above 职工诉求办结率, which moves to row 17. */
const movedRows = (): RowSpec[] => {
  const rows = badRows();
  rows.splice(4, 0, { name: '新增服务项目数', type: '定量', value: '≥2', unit: '项', remark: '新增不少于 2 项' });
  return rows;
};

async function withAcceptances(wb: ExcelJS.Workbook, list: Acceptance[]): Promise<ExcelJS.Workbook> {
  return patchedBook(wb, { sheets: [], ownSheets: [acceptanceSheet(planAcceptanceSheet(list))] });
}

function notNumber(report: Report): Finding {
  const [f] = findingsOf(report, 'value-format/not-number');
  expect(f).toBeDefined();
  return f;
}

/** The acceptance a reviewer records for a finding, as the CLI and the pane do. */
function acceptanceOf(report: Report, f: Finding, reason: string): Acceptance {
  const name = report.tables[0].indicators.find((i) => i.row === f.indicatorRow)?.name;
  return { rule: f.rule, sheet: f.sheet, ...(name ? { indicator: name } : {}), cells: f.cells, reason, by: '张三', date: '2026-05-01' };
}

describe('the _jixiao_accepted sheet', () => {
  test('planned, written very hidden, saved and read back the same', async () => {
    const list: Acceptance[] = [
      { rule: 'value-format/not-number', sheet: SHEET, indicator: '职工诉求办结率', cells: ['F16'], reason: '口径待定', by: '张三', date: '2026-05-01' },
      { rule: 'weights/level1-sum', sheet: SHEET, cells: ['B12', 'B15', 'B18', 'B20'] },
    ];
    const plan = planAcceptanceSheet(list);
    expect(plan).toMatchObject({ sheet: ACCEPTED_SHEET, veryHidden: true });
    expect(plan.rows[0]).toEqual(['rule', 'sheet', 'indicator', 'cells', 'reason', 'by', 'date']);
    expect(plan.rows[2]).toEqual(['weights/level1-sum', SHEET, null, 'B12,B15,B18,B20', null, null, null]);

    const wb = await withAcceptances(buildWorkbook({}), list);
    expect(wb.getWorksheet(ACCEPTED_SHEET)?.state).toBe('veryHidden');
    expect(readAcceptances(snapshotOf(wb))).toEqual(list);
  });

  test('a later acceptance of the same finding replaces the earlier one', () => {
    const a = { rule: 'value-format/not-number', sheet: SHEET, indicator: '职工诉求办结率', cells: ['F16'], reason: '旧' };
    const b = { ...a, cells: ['F17'], reason: '新' };
    const plan = planAcceptanceSheet([a, b]);
    expect(plan.rows).toHaveLength(2);
    expect(plan.rows[1][4]).toBe('新');
  });

  test('read by header names: columns in another order, extra columns and blank rows are fine', () => {
    const snapshot = {
      sheets: [
        {
          name: ACCEPTED_SHEET,
          startRow: 0,
          startColumn: 0,
          merges: [],
          values: [
            ['note', 'cells', 'sheet', 'rule', 'reason'],
            ['x', 'F16, $b12', SHEET, 'value-format/not-number', '口径待定'],
            [null, null, null, null, null],
            ['no rule here', 'F3', SHEET, null, null],
          ],
        },
      ],
    };
    expect(readAcceptances(snapshot)).toEqual([{ rule: 'value-format/not-number', sheet: SHEET, cells: ['F16', 'B12'], reason: '口径待定' }]);
    expect(readAcceptances({ sheets: [] })).toEqual([]);
  });

  test('neither our sheet nor 校验报告 is checked, nor listed as a sheet without a table', async () => {
    const wb = await withAcceptances(buildWorkbook({}), []);
    wb.addWorksheet(REPORT_SHEET).getCell('A1').value = '整体支出绩效目标表校验报告';
    const report = checkWorkbook(snapshotOf(wb));
    expect(report.tables.map((t) => t.sheet)).toEqual([SHEET]);
    expect(report.sheetsWithoutTable).toEqual([]);
  });
});

describe('matching accepted findings', () => {
  test('accepted in one run, matched by indicator name after a row is inserted above it', async () => {
    const first = checkWorkbook(snapshotOf(buildWorkbook({ rows: badRows() })));
    const f = notNumber(first);
    expect(f.cells).toEqual(['F16']);
    const acceptance = acceptanceOf(first, f, '口径待定');

    const moved = await withAcceptances(buildWorkbook({ rows: movedRows() }), [acceptance]);
    const second = checkWorkbook(snapshotOf(moved));
    const again = notNumber(second);
    expect(again.cells).toEqual(['F17']);
    expect(again.accepted).toEqual({ reason: '口径待定', by: '张三', date: '2026-05-01' });
    // No longer counted: the row keeps its points.
    const row = second.tables[0].indicators.find((i) => i.row === 17);
    expect(row?.name).toBe('职工诉求办结率');
    expect(row?.status).toBe('ok');
    expect(row?.score).toBe(row?.points);
    expect(row?.points).toBeGreaterThan(0);
  });

  test('the same cell now holding another indicator is not matched', () => {
    const rows = validRows();
    rows[4] = { ...rows[4], name: '职工培训覆盖率', value: '较好' };
    const report = checkWorkbook(snapshotOf(buildWorkbook({ rows })), {
      accepted: [{ rule: 'value-format/not-number', sheet: SHEET, indicator: '职工诉求办结率', cells: ['F16'] }],
    });
    const f = notNumber(report);
    expect(f.cells).toEqual(['F16']);
    expect(f.accepted).toBeUndefined();
    expect(report.tables[0].indicators.find((i) => i.row === 16)?.status).toBe('error');
  });

  test('another rule on the same indicator is not matched', () => {
    const report = checkWorkbook(snapshotOf(buildWorkbook({ rows: badRows() })), {
      accepted: [{ rule: 'value-format/empty', sheet: SHEET, indicator: '职工诉求办结率', cells: ['F16'] }],
    });
    expect(notNumber(report).accepted).toBeUndefined();
  });

  test('two rows of the same name: the acceptance goes to the one with its cells', () => {
    const rows = badRows();
    rows[7] = { ...rows[7], name: '职工诉求办结率', type: '定量', value: '明显提高', unit: '%' }; // row 19
    const report = checkWorkbook(snapshotOf(buildWorkbook({ rows })), {
      accepted: [{ rule: 'value-format/not-number', sheet: SHEET, indicator: '职工诉求办结率', cells: ['F19'], reason: '第二行' }],
    });
    const found = findingsOf(report, 'value-format/not-number');
    expect(found.map((f) => [f.cells[0], f.accepted?.reason])).toEqual([
      ['F16', undefined],
      ['F19', '第二行'],
    ]);
  });

  test('a finding on no indicator is matched by its cells, in any order', () => {
    const spec = { rows: rowsWith(0, { weight: 20 }) };
    const [sum] = findingsOf(checkWorkbook(snapshotOf(buildWorkbook(spec))), 'weights/level1-sum');
    expect(sum.indicatorRow).toBeUndefined();
    const accepted = checkWorkbook(snapshotOf(buildWorkbook(spec)), {
      accepted: [{ rule: 'weights/level1-sum', sheet: SHEET, cells: [...sum.cells].reverse().map((c) => c.toLowerCase()), reason: '另有说明' }],
    });
    expect(findingsOf(accepted, 'weights/level1-sum')[0].accepted).toEqual({ reason: '另有说明' });
    const elsewhere = checkWorkbook(snapshotOf(buildWorkbook(spec)), { accepted: [{ rule: 'weights/level1-sum', sheet: SHEET, cells: ['B12'] }] });
    expect(findingsOf(elsewhere, 'weights/level1-sum')[0].accepted).toBeUndefined();
  });

  test('options.accepted adds to what the workbook holds', async () => {
    const rows = badRows();
    rows[5] = { ...rows[5], value: '尽快' }; // row 17, 应急事项响应时间
    const wb = await withAcceptances(buildWorkbook({ rows }), [{ rule: 'value-format/not-number', sheet: SHEET, indicator: '职工诉求办结率', cells: ['F16'], reason: '存于工作簿' }]);
    const report = checkWorkbook(snapshotOf(wb), { accepted: [{ rule: 'value-format/not-number', sheet: SHEET, indicator: '应急事项响应时间', cells: ['F17'], reason: '本次' }] });
    expect(findingsOf(report, 'value-format/not-number').map((f) => f.accepted?.reason)).toEqual(['存于工作簿', '本次']);
    expect(report.tables[0].indicators.filter((i) => i.status === 'error')).toEqual([]);
  });

  test("the 得分 note of the row says the finding was accepted and why; the row is not coloured", () => {
    const snapshot = snapshotOf(buildWorkbook({ rows: badRows() }));
    const report = checkWorkbook(snapshot, { accepted: [{ rule: 'value-format/not-number', sheet: SHEET, indicator: '职工诉求办结率', cells: ['F16'], reason: '口径待定', date: '2026-05-01' }] });
    const [plan] = planResults(snapshot, report);
    const cell = plan.writes.find((w) => w.address === 'J16');
    expect(cell?.note).toMatch(/^〔绩效目标表校验〕\n已忽略（口径待定（2026-05-01））：定量指标「职工诉求办结率」/);
    expect(cell?.fill).toBeUndefined();
    expect(cell?.value).toBe(report.tables[0].indicators.find((i) => i.row === 16)?.points);
  });
});
