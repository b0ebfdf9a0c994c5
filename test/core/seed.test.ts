// The seed table: everything ningxian-2026.expected.json says must be found, at its cells.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { checkWorkbook, type Report } from '../../src/core/index.js';
import { readFixture } from '../helpers/workbooks.js';

interface Expected {
  sheet: string;
  headerRow: number;
  firstIndicatorRow: number;
  lastIndicatorRow: number;
  indicatorCount: number;
  columns: Record<string, string>;
  budgetCells: Record<string, string>;
  level1: { name: string; weightCell: string; rows: [number, number] }[];
  mustFind: { topic: string; severity?: string; cells: string[]; fact: string }[];
}

const expected = JSON.parse(readFileSync(path.resolve('test/fixtures/ningxian-2026.expected.json'), 'utf8')) as Expected;

describe('the seed table ningxian-2026.xlsx', () => {
  let report: Report;
  beforeAll(async () => {
    report = checkWorkbook(snapshotOf(await readFixture('ningxian-2026.xlsx')));
  });

  test('one table, where the expected file says', () => {
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0];
    expect(t.sheet).toBe(expected.sheet);
    expect(t.headerRow).toBe(expected.headerRow);
    expect(t.firstIndicatorRow).toBe(expected.firstIndicatorRow);
    expect(t.lastIndicatorRow).toBe(expected.lastIndicatorRow);
    expect(t.indicators).toHaveLength(expected.indicatorCount);
    expect(t.unitName).toBe('宁县总工会');
    expect(t.goal).toContain('142.82万元');
  });

  test('columns and budget cells recognised by their labels', () => {
    const t = report.tables[0];
    const map: Record<string, string> = { l1: 'l1', weight: 'weight', l2: 'l2', l3: 'l3', type: 'type', value: 'value', unit: 'unit', content: 'content', remark: 'remark' };
    for (const [k, letter] of Object.entries(expected.columns)) expect(t.columns[map[k] as keyof typeof t.columns]).toBe(letter);
    for (const [k, cell] of Object.entries(expected.budgetCells)) expect(t.budget[k as keyof typeof t.budget]?.cell).toBe(cell);
  });

  test('一级 groups, weight cells and rows', () => {
    const t = report.tables[0];
    expect(t.level1.map((g) => ({ name: g.name, weightCell: g.weightCell, rows: g.rows }))).toEqual(expected.level1);
  });

  test.each(expected.mustFind.map((m) => [m.fact, m] as const))('finds: %s', (_fact, m) => {
    const t = report.tables[0];
    const hit = t.findings.find((f) => f.topic === m.topic && m.cells.every((c) => f.cells.includes(c)) && (!m.severity || f.severity === m.severity));
    expect(hit).toBeDefined();
  });

  test('the weights message says 90 and 100; the F24 message names the indicator and its value', () => {
    const t = report.tables[0];
    expect(t.findings.find((f) => f.rule === 'weights/level1-sum')?.message.zh).toMatch(/合计 90，应为 100/);
    expect(t.findings.find((f) => f.rule === 'value-format/not-number')?.message.zh).toMatch(/服务职工总人次.*稳步提升/);
  });

  test('no false alarms: nothing beyond the three known problems', () => {
    const t = report.tables[0];
    expect(t.findings.map((f) => f.rule).sort()).toEqual(['budget/total-blank', 'value-format/not-number', 'weights/level1-sum']);
  });

  test('points per 一级 sum exactly to 10/30/30/20; 重点履职 rows get 3.00 each; F24 scores 0', () => {
    const t = report.tables[0];
    const sums = t.level1.map((g) => Math.round(t.indicators.filter((i) => i.level1 === g.name).reduce((a, i) => a + i.points * 100, 0)) / 100);
    expect(sums).toEqual([10, 30, 30, 20]);
    for (const i of t.indicators.filter((x) => x.level1 === '重点履职指标')) expect(i.points).toBe(3);
    const f24 = t.indicators.find((i) => i.row === 24);
    expect(f24?.name).toBe('服务职工总人次');
    expect(f24?.score).toBe(0);
    expect(f24?.status).toBe('error');
    expect(t.totals).toEqual({ points: 90, score: 87, reserved: 0 });
  });

  test('largest remainder: 10 over 11 rows gives ten 0.91 and one 0.90, the earlier rows first', () => {
    const rows = report.tables[0].indicators.filter((i) => i.level1 === '基本运行指标').map((i) => i.points);
    expect(rows).toEqual([0.91, 0.91, 0.91, 0.91, 0.91, 0.91, 0.91, 0.91, 0.91, 0.91, 0.9]);
  });

  test('with 10 reserved points the weights are accepted', async () => {
    const r = checkWorkbook(snapshotOf(await readFixture('ningxian-2026.xlsx')), { reservedPoints: 10 });
    expect(r.tables[0].findings.map((f) => f.rule)).not.toContain('weights/level1-sum');
  });
});

describe('the seed table read without merged areas (Excel before ExcelApi 1.13)', () => {
  test('same groups, budget cells and findings as with merges', async () => {
    const snapshot = snapshotOf(await readFixture('ningxian-2026.xlsx'));
    const withMerges = checkWorkbook(snapshot).tables[0];
    const without = checkWorkbook({ sheets: snapshot.sheets.map((s) => ({ ...s, merges: [] })) }).tables[0];
    expect(Object.fromEntries(Object.entries(without.budget).map(([k, l]) => [k, l?.cell]))).toEqual(expected.budgetCells);
    expect(without.level1.map((g) => [g.name, g.weightCell, g.rows])).toEqual(withMerges.level1.map((g) => [g.name, g.weightCell, g.rows]));
    expect(without.findings.map((f) => [f.rule, f.cells])).toEqual(withMerges.findings.map((f) => [f.rule, f.cells]));
    expect(without.indicators.map((i) => [i.level2, i.points, i.score])).toEqual(withMerges.indicators.map((i) => [i.level2, i.points, i.score]));
  });
});

describe('check and plan in one pass (checkAndPlan)', () => {
  test('gives the same report and 得分 plans as checkWorkbook then planResults, on the seed and on two tables of one sheet', async () => {
    const { checkAndPlan, planResults } = await import('../../src/core/index.js');
    const { buildWorkbook } = await import('../helpers/workbooks.js');
    const seed = snapshotOf(await readFixture('ningxian-2026.xlsx'));
    const two = snapshotOf(buildWorkbook([{ sheet: '目标表' }, { sheet: '目标表', at: { row: 40, column: 1 } }]));
    for (const snapshot of [seed, two]) {
      const apart = checkWorkbook(snapshot, { reservedPoints: 10 });
      const together = checkAndPlan(snapshot, { reservedPoints: 10 }, { lang: 'zh' });
      expect(together.report).toEqual(apart);
      expect(together.plans).toEqual(planResults(snapshot, apart, { lang: 'zh' }));
      expect(together.plans.some((p) => p.writes.length > 0)).toBe(true);
    }
  });
});
