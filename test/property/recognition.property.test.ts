// Recognition never throws on random grids, and what it reports stays within the table it found;
// the write plan never aims at a user's cell or into a merged area (issue 7, data safety).
import fc from 'fast-check';
import {
  RESULT_HEADER_FORMAT,
  RESULT_NUMBER_FORMAT,
  checkWorkbook,
  isOurHeader,
  isOurScoreCell,
  parseCell,
  parseRange,
  planResults,
  type CellValue,
  type Report,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../src/core/index.js';

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_383;

// The domain's words, so random grids often look like (parts of) a table.
const LABELS = [
  '一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注',
  '三级\n指标', ' 指标值 ', '*指标值', '计量单位', '指标解释', '分值', '二级权重', '实际完成值', '全年实际值',
  '指标性质', '评(扣)分标准', '偏差原因分析及改进措施', '得分',
  '定量', '定性', '合计', '人员经费', '公用经费', '基本支出', '项目支出', '本级', '对下转移支付',
  '上级财政补助', '本级财政安排', '其他资金', '收入预算合计', '支出预算合计', '预算情况（万元）',
  '按支出类型分', '按来源类型分', '预算金额（万元）', '单位（部门）名称', '年度绩效目标', '年度总体绩效目标',
  '测试单位整体支出绩效目标表', '基本运行指标', '重点履职指标', '部门综合指标', '可持续发展能力指标',
  '产出指标', '效益指标', '满意度指标', '成本指标', '数量指标', '质量指标', '时效指标', '成本指标',
  '社会效益', '经济效益', '生态效益', '服务对象满意度', '预算收支管理', '制度建设',
  '基本支出预算执行率', '“三公”经费控制率', '职工整体满意度', '应急事项响应时间', '年度资金支付完成率100%',
  '达成年度指标', '部分达成年度指标并具有一定效果', '未达成年度指标且效果较差',
  '%', '％', '项', '人次', '工作日', '万元', '-', '健全', '提升', '稳步提升', '规范使用 142.82万元 财政资金',
];
const COMPARATORS = [
  '≥95', '≥95%', '＞＝８', '＞＝９５％', '不低于90%', '不少于 8 项', '≤0', '≤3', '<=3工作日', '＜5', '>0', '=100%',
  '＝100', '≧95', '≦3', '95%以上', '3日以内', '10万元以下', '不高于5', '不超过3个工作日', '1,200人次', '-5%',
  '≤-5', '≥', '100', '12.5', '1e3', '0.95', '—', '≥ 95 %',
];
const ERRORS = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!'];
const FORMATS = ['General', '', '0%', '0.00%', '0.00', '@', 'yyyy-mm-dd', '#,##0.00', ';;;', RESULT_HEADER_FORMAT, RESULT_NUMBER_FORMAT];

const number = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.constantFrom(0, -0, 1, 0.95, 10, 20, 30, 50, 90, 100, 120, 142.82, 130.4, 12.42, Number.MAX_SAFE_INTEGER),
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: number },
  { weight: 2, arbitrary: fc.constantFrom(...COMPARATORS) },
  { weight: 5, arbitrary: fc.constantFrom<CellValue>(null, '', ' ', '\u3000') },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.boolean() },
);

// Rows shaped like the standard table's header and indicator rows, column by column, so that
// tables are found often and their odd cells reach the rules and the scores.
const HEADER = ['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注'];
const headerRow = (lead: number) => fc
  .tuple(fc.constant(lead), fc.array(fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cell }), { minLength: 9, maxLength: 9 }), fc.boolean())
  .map(([lead, swaps, actual]) => {
    const row: CellValue[] = Array<CellValue>(lead).fill(null);
    HEADER.forEach((label, i) => row.push(swaps[i] === undefined ? label : swaps[i]));
    if (actual) row.push('实际完成值');
    return row;
  });
const perColumn: fc.Arbitrary<CellValue>[] = [
  fc.constantFrom<CellValue>('基本运行指标', '重点履职指标', '产出指标', '成本指标', null, null, null),
  fc.oneof(fc.integer({ min: 1, max: 60 }), number, fc.constantFrom<CellValue>(null, null, '三十', '#REF!')),
  fc.constantFrom<CellValue>('数量指标', '质量指标', '时效指标', '服务对象满意度', null, null),
  fc.constantFrom<CellValue>('基本支出预算执行率', '“三公”经费控制率', '职工整体满意度', '应急事项响应时间', '成本控制率', '', null),
  fc.constantFrom<CellValue>('定量', '定性', '定 量', '', null, '其他'),
  fc.oneof(number, fc.constantFrom(...COMPARATORS), fc.constantFrom<CellValue>('健全', '达成年度指标', null, '')),
  fc.constantFrom<CellValue>('%', '％', '项', '工作日', '万元', '-', null),
  fc.constantFrom<CellValue>('不低于 95%', '完成率达 100%', '机关运行经费（5.52 万元）', null),
  fc.oneof(cell, fc.constantFrom<CellValue>('满意度不低于 90%', null)),
  fc.oneof(number, fc.constantFrom<CellValue>('达成年度指标', '部分达成年度指标并具有一定效果', '≥90', null)),
];
const indicatorRow = (lead: number) => fc.tuple(fc.constant(lead), fc.tuple(...perColumn)).map(([lead, cells]) => [...Array<CellValue>(lead).fill(null), ...cells]);

const randomRow = (maxColumns: number) => fc.array(cell, { maxLength: maxColumns, size: 'max' });

/** Rows of one sheet; `lead` blank cells before the structured rows line their columns up. */
function rowArb(maxColumns: number, lead: number): fc.Arbitrary<CellValue[]> {
  return fc.oneof(
    { weight: 3, arbitrary: randomRow(maxColumns) },
    { weight: 2, arbitrary: headerRow(lead) },
    { weight: 8, arbitrary: indicatorRow(lead) },
  );
}

/** A merged area: in and around the grid, inverted, huge, or not an address at all. */
function mergeArb(rows: number, columns: number, startRow: number, startColumn: number): fc.Arbitrary<string> {
  const row = fc.integer({ min: Math.max(0, startRow - 2), max: startRow + rows + 3 });
  const column = fc.integer({ min: Math.max(0, startColumn - 2), max: startColumn + columns + 3 });
  const letters = (c: number) => {
    let s = '';
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const near = fc.tuple(row, column, row, column).map(([r1, c1, r2, c2]) => `${letters(c1)}${r1}:${letters(c2)}${r2}`);
  return fc.oneof(
    { weight: 6, arbitrary: near },
    { weight: 1, arbitrary: fc.tuple(row, column).map(([r, c]) => `${letters(c)}${r}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'A1:XFD1048576', 'A1:A1048576', 'XFD1:XFD2', 'ZZZ1:ZZZ9', 'A9999999:B1', '$A$1:$C$3', 'Sheet1!A1:B2',
        "'表 1'!C3:D9", '', 'A', 'A1:', ':B2', '1:3', 'B:D', 'A1:B2:C3', 'ZZZZ1', 'A0:B0', 'A-1:B2', '甲1:乙2', 'A1 : B2',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
}

/**
 * A grid: rows of any kind in any order, or a table's shape (rows above, a header, indicator
 * rows, rows below) with random cells mixed in.
 */
function valuesArb(maxRows: number, maxColumns: number, lead: number, size: fc.SizeForArbitrary): fc.Arbitrary<CellValue[][]> {
  const anyRows = (max: number) => fc.array(rowArb(maxColumns, lead), { maxLength: max, size });
  const tableShaped = fc
    .tuple(anyRows(4), headerRow(lead), fc.array(indicatorRow(lead), { minLength: 1, maxLength: maxRows, size }), anyRows(4))
    .map(([above, header, rows, below]) => [...above, header, ...rows, ...below].slice(0, maxRows));
  return fc.oneof(anyRows(maxRows), tableShaped);
}

interface SheetArbOptions {
  maxRows: number;
  maxColumns: number;
  /** fast-check's size for the arrays: "small" keeps most grids small, "max" spreads them up to the maxima. */
  size: fc.SizeForArbitrary;
}

function sheetArb(name: string, { maxRows, maxColumns, size }: SheetArbOptions): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      startRow: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(0), fc.constant(MAX_ROW - maxRows)),
      startColumn: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(0)),
      values: fc.constantFrom(0, 0, 0, 1, 3).chain((lead) => valuesArb(maxRows, maxColumns, lead, size)),
      holes: fc.array(fc.nat(), { maxLength: 4 }),
      formats: fc.option(fc.array(fc.array(fc.constantFrom(...FORMATS), { maxLength: maxColumns, size: 'max' }), { maxLength: maxRows, size }), { freq: 3 }),
      protected: fc.boolean(),
    })
    .chain((s) =>
      fc.array(mergeArb(s.values.length, maxColumns, s.startRow, s.startColumn), { maxLength: 12 }).map((merges) => {
        // Sparse snapshots leave rows out entirely (holes), as the exceljs adapter does.
        const values = s.values.map((r) => r.slice(0, maxColumns));
        for (const h of s.holes) if (values.length > 0) delete values[h % values.length];
        const sheet: SheetSnapshot = { name, startRow: s.startRow, startColumn: s.startColumn, values, merges, protected: s.protected };
        if (s.formats) sheet.numberFormats = s.formats;
        return sheet;
      }),
    );
}

function workbookArb(options: SheetArbOptions): fc.Arbitrary<WorkbookSnapshot> {
  return fc.oneof(
    { weight: 4, arbitrary: sheetArb('整体支出绩效目标表', options).map((s) => ({ sheets: [s] })) },
    { weight: 1, arbitrary: fc.tuple(sheetArb('说明', options), sheetArb('目标表', options)).map((sheets) => ({ sheets })) },
  );
}

const A1_CELL = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

function isValidCell(a1: string): boolean {
  if (!A1_CELL.test(a1)) return false;
  const { row, column } = parseCell(a1);
  return row >= 1 && row <= MAX_ROW && column >= 0 && column <= MAX_COLUMN;
}

function isValidA1(a1: string): boolean {
  const parts = a1.split(':');
  return parts.length <= 2 && parts.every(isValidCell);
}

function cellOf(sheet: SheetSnapshot, a1: string): { value: CellValue; format: string | undefined } {
  const { row, column } = parseCell(a1);
  const r = row - 1 - sheet.startRow;
  const c = column - sheet.startColumn;
  return { value: sheet.values[r]?.[c] ?? null, format: sheet.numberFormats?.[r]?.[c] };
}

// Strict: a cell holding only spaces is the user's too (it may carry a fill, a format or a note).
const isEmpty = (v: CellValue): boolean => v === null || v === '';

/** Merged areas as the core reads A1 (addresses it cannot read are no merge to it either). */
function mergedRects(sheet: SheetSnapshot) {
  const rects = [];
  for (const m of sheet.merges) {
    try {
      const r = parseRange(m);
      if (r.top !== r.bottom || r.left !== r.right) rects.push(r);
    } catch {
      // not an address
    }
  }
  return rects;
}

/** Plain checks, not expect(): this runs for every indicator of 10,000 grids. */
function must(ok: boolean, what: () => string): void {
  if (!ok) throw new Error(what());
}

function assertReportInvariants(snapshot: WorkbookSnapshot, report: Report): void {
  const names = new Set(snapshot.sheets.map((s) => s.name));
  for (const name of report.sheetsWithoutTable) must(names.has(name), () => `unknown sheet "${name}" without a table`);
  for (const table of report.tables) {
    const where = `table at ${table.sheet}!${table.headerRow}`;
    must(names.has(table.sheet), () => `${where}: unknown sheet`);
    must(table.firstIndicatorRow > table.headerRow, () => `${where}: first indicator row ${table.firstIndicatorRow} not below the header`);
    must(isValidA1(table.range), () => `${where}: range "${table.range}" is not A1`);
    for (const letter of Object.values(table.columns)) must(/^[A-Z]{1,3}$/.test(letter ?? ''), () => `${where}: column "${letter}"`);
    for (const f of table.findings) {
      must(f.sheet === table.sheet, () => `${where}: finding ${f.rule} on sheet ${f.sheet}`);
      for (const a1 of f.cells) must(isValidA1(a1), () => `${where}: finding ${f.rule} names "${a1}", not an A1 cell or range`);
      const row = f.indicatorRow;
      if (row !== undefined) {
        must(row > table.headerRow && row <= table.lastIndicatorRow, () => `${where}: finding ${f.rule} on row ${row}, outside the table`);
      }
    }
    for (const i of table.indicators) {
      const at = `${where}, indicator row ${i.row}`;
      must(i.row > table.headerRow && i.row >= table.firstIndicatorRow && i.row <= table.lastIndicatorRow, () => `${at}: outside ${table.firstIndicatorRow}..${table.lastIndicatorRow}`);
      must(Number.isFinite(i.points) && i.points >= 0, () => `${at}: points ${i.points}`);
      must(Number.isFinite(i.score), () => `${at}: score ${i.score}`);
      if (table.stage === 'target') must(i.score >= 0 && i.score <= i.points, () => `${at}: score ${i.score} outside 0..${i.points}`);
    }
  }
}

function assertPlanInvariants(snapshot: WorkbookSnapshot, report: Report): void {
  const plans = planResults(snapshot, report);
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  for (const plan of plans) {
    const sheet = sheets.get(plan.sheet);
    if (!sheet) throw new Error(`plan for unknown sheet ${plan.sheet}`);
    const merges = mergedRects(sheet);
    for (const a1 of [...plan.clear, ...plan.writes.map((w) => w.address)]) {
      if (!isValidCell(a1)) throw new Error(`plan targets "${a1}", not an A1 cell`);
      const { value, format } = cellOf(sheet, a1);
      if (!(isEmpty(value) || isOurHeader(value, format) || isOurScoreCell(value, format))) {
        throw new Error(`plan targets ${plan.sheet}!${a1}, which holds the user's ${JSON.stringify(value)}`);
      }
      const { row, column } = parseCell(a1);
      const inside = merges.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
      if (inside) throw new Error(`plan targets ${plan.sheet}!${a1}, inside the merged area ${JSON.stringify(inside)}`);
    }
    for (const a1 of plan.clear) {
      const { value, format } = cellOf(sheet, a1);
      must(isOurHeader(value, format) || isOurScoreCell(value, format), () => `plan clears ${plan.sheet}!${a1}, which is not ours`);
    }
  }
  // Plans are applied one after another: a later plan must not clear what an earlier one wrote.
  for (const a of plans) {
    const written = new Set(a.writes.map((w) => w.address));
    for (const b of plans) {
      if (b === a || b.sheet !== a.sheet) continue;
      const undone = b.clear.filter((x) => written.has(x));
      if (undone.length) throw new Error(`on ${a.sheet}, one table's plan clears ${undone.join(',')} that another writes`);
    }
  }
}

function property(snapshot: WorkbookSnapshot): void {
  let report: Report;
  try {
    report = checkWorkbook(snapshot);
  } catch (e) {
    throw new Error(`checkWorkbook threw: ${(e as Error).stack}`);
  }
  assertReportInvariants(snapshot, report);
  assertPlanInvariants(snapshot, report);
}

describe('recognition on random grids', () => {
  test('never throws; findings, rows, points and the write plan stay within bounds (10,000 grids up to 24×10)', () => {
    fc.assert(fc.property(workbookArb({ maxRows: 24, maxColumns: 10, size: 'small' }), property), { numRuns: 10_000 });
  });

  test('the same on bigger grids (500 grids up to 40×14)', () => {
    fc.assert(fc.property(workbookArb({ maxRows: 40, maxColumns: 14, size: 'max' }), property), { numRuns: 500 });
  });

  test('tables are found in a fair share of the grids, so the invariants are not vacuous', () => {
    let withTable = 0;
    let withIndicators = 0;
    fc.assert(
      fc.property(workbookArb({ maxRows: 24, maxColumns: 10, size: 'small' }), (snapshot) => {
        const report = checkWorkbook(snapshot);
        if (report.tables.length > 0) withTable++;
        if (report.tables.some((t) => t.indicators.length > 0 && t.indicators.some((i) => i.points > 0))) withIndicators++;
      }),
      { numRuns: 500, seed: 7 },
    );
    expect(withTable).toBeGreaterThan(75);
    expect(withIndicators).toBeGreaterThan(50);
  });
});
