// Year-end self-evaluation: the seed table with a 实际完成值 column, scored and graded.
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { checkWorkbook } from '../../src/core/index.js';
import { DEFAULT_COLUMNS, check, readFixture, validRows, type RowSpec } from '../helpers/workbooks.js';

describe('year-end self-evaluation of the seed table', () => {
  // Actuals for rows 12..46: all met, except a few shortfalls and one over-achievement.
  const actual = (row: number, target: string | number | null): string | number => {
    if (row === 24) return 5200; // 定量 target 稳步提升 is not a number: 0 points whatever the actual
    if (row === 25) return 9; // ≥12 次: 9/12 × 3 = 2.25
    if (row === 30) return 4; // ≤3 工作日: 3 × (1 − 1/3) = 2.00
    if (row === 23) return 10; // ≥8 项: 10 ≥ 8 (125 %): full, with a warning
    if (row === 34) return '部分达成年度指标并具有一定效果'; // 定性: 0.7 × 4.29 = 3.00
    if (typeof target === 'string' && /[≥≤\d]/.test(target)) return target.replace(/[≥≤]/, '');
    if (typeof target === 'number') return target;
    return '达成年度指标';
  };

  async function yearEndSeed() {
    const wb = await readFixture('ningxian-2026.xlsx');
    const ws = wb.worksheets[0];
    ws.getCell('J11').value = '实际完成值';
    ws.getCell('K11').value = '偏差原因分析及改进措施';
    for (let r = 12; r <= 46; r++) {
      ws.getCell(r, 10).value = actual(r, ws.getCell(r, 6).value as string | number | null);
      if (r === 25) ws.getCell(r, 11).value = '下半年指导活动因故推迟';
    }
    return checkWorkbook(snapshotOf(wb));
  }

  test('stage, scores per formula, notes, total and grade', async () => {
    const report = await yearEndSeed();
    const t = report.tables[0];
    expect(t.stage).toBe('self-evaluation');
    const byRow = new Map(t.indicators.map((i) => [i.row, i]));
    expect(byRow.get(12)?.score).toBe(0.91);
    expect(byRow.get(25)?.score).toBe(2.25);
    expect(byRow.get(25)?.scoreNote?.zh).toContain('9');
    expect(byRow.get(30)?.score).toBe(2);
    expect(byRow.get(23)?.score).toBe(3);
    expect(byRow.get(24)?.score).toBe(0);
    expect(byRow.get(34)?.score).toBe(3);
    // 90 points in the table; losses 0.75 + 1 + 3 + 1.29 = 6.04.
    expect(t.totals.points).toBe(90);
    expect(t.totals.score).toBe(83.96);
    expect(t.totals.grade).toBe('优'); // 83.96 / 90 = 93.3 %
    const rules = t.findings.map((f) => `${f.rule} ${f.cells.join(',')}`);
    expect(rules).toContain('scoring/over-target J23');
    expect(rules).toContain('scoring/deviation-missing K30');
    expect(rules).not.toContain('scoring/deviation-missing K25');
  });

  test('grade boundaries on the table total', () => {
    const columns = [...DEFAULT_COLUMNS.slice(0, 8), 'actual', 'remark'] as typeof DEFAULT_COLUMNS;
    const met = ['100%', 0, '达成年度指标', 8, 100, 3, '达成年度指标', 95, 100, 1];
    const rows = (patch: Record<number, RowSpec['actual']>): RowSpec[] => validRows().map((r, i) => ({ ...r, actual: i in patch ? patch[i] : met[i] }));
    expect(check({ columns, rows: rows({}) }).tables[0].totals).toMatchObject({ score: 100, grade: '优' });
    // Row 6 (15 points, 定性): 未达成 → 0.3 × 15 = 4.5; total 89.5 → 良.
    expect(check({ columns, rows: rows({ 6: '未达成年度指标且效果较差' }) }).tables[0].totals).toMatchObject({ score: 89.5, grade: '良' });
    // Rows 6 and 7 at 0 (missing) → 70 → 中; plus row 8 → 55 → 差.
    expect(check({ columns, rows: rows({ 6: null, 7: null }) }).tables[0].totals).toMatchObject({ score: 70, grade: '中' });
    expect(check({ columns, rows: rows({ 6: null, 7: null, 8: null }) }).tables[0].totals).toMatchObject({ score: 55, grade: '差' });
  });
});
