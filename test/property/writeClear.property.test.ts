// Data safety of the 得分 column on random tables with random user content right of them, through
// the real adapter over the simulated Excel: writing changes no user cell, a re-run changes
// nothing, and clearing restores every original cell (values, formats, fills, notes).
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { checkWorkbook, columnIndex, isOurHeader, planClear, planResults, type CellValue } from '../../src/core/index.js';
import { createWorkbookAdapter } from '../../src/adapters/office/index.js';
import { createExcel, fromExcelJs, type CellModel, type WorkbookModel } from '../../src/adapters/simulator/index.js';
import { DEFAULT_COLUMNS, validRows, writeTable, type RowSpec, type TableSpec } from '../helpers/workbooks.js';

const API_VERSIONS = ['1.4', '1.10', '1.13', '1.18', '1.20'] as const;
const SHEET = '整体支出绩效目标表';

// ---------------------------------------------------------------- tables

const wrongValue: fc.Arbitrary<CellValue> = fc.constantFrom<CellValue>('', '稳步', -5, '≥120', 'abc', 150, '＞＝８', '不低于90%', '#REF!', 0.95);
const wrongWeight: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constantFrom<CellValue>('三十', -10, 12.5, '#DIV/0!', null));

/** One of the valid rows, maybe with a wrong value, type, unit or (on a 一级 row) weight. */
function rowArb(row: RowSpec): fc.Arbitrary<RowSpec> {
  return fc
    .record({
      value: fc.option(wrongValue, { freq: 3 }),
      weight: fc.option(wrongWeight, { freq: 3 }),
      type: fc.option(fc.constantFrom('定性', '定量', '其他', ''), { freq: 6 }),
      unit: fc.option(fc.constantFrom('', '%', '万元', '-'), { freq: 6 }),
    })
    .map((m) => {
      const out: RowSpec = { ...row };
      if (m.value !== null) out.value = m.value;
      if (m.weight !== null && row.l1 !== undefined) out.weight = m.weight;
      if (m.type !== null) out.type = m.type;
      if (m.unit !== null) out.unit = m.unit;
      return out;
    });
}

const rowsArb: fc.Arbitrary<RowSpec[]> = fc
  .subarray(validRows(), { minLength: 1 })
  .chain((rows) => fc.tuple(...rows.map(rowArb)))
  .map((rows) => {
    // A table whose first row lost its 一级 (by the subset) still starts a group in the template.
    if (rows[0].l1 === undefined) rows[0] = { ...rows[0], l1: '基本运行指标', weight: 10 };
    return rows;
  });

const specArb: fc.Arbitrary<TableSpec> = fc.record({
  rows: rowsArb,
  layout: fc.constantFrom<TableSpec['layout']>('merged', 'filled'),
  at: fc.record({ row: fc.integer({ min: 1, max: 6 }), column: fc.integer({ min: 1, max: 4 }) }),
  title: fc.constantFrom<string | null | undefined>(undefined, null),
  budget: fc.constantFrom<TableSpec['budget']>(undefined, null),
});

// ---------------------------------------------------------------- the user's content right of the table

interface UserCell {
  /** 1..4 columns right of the table's last column. */
  right: number;
  /** Rows relative to the header (0 = the header row; may fall above or below the table). */
  offset: number;
  value: CellValue;
  fill?: string;
  note?: string;
  numFmt?: string;
}

const userCellArb: fc.Arbitrary<UserCell> = fc.record(
  {
    right: fc.integer({ min: 1, max: 4 }),
    offset: fc.integer({ min: -4, max: 14 }),
    value: fc.oneof(
      fc.constantFrom<CellValue>('用户备注', '得分', '审核意见', '备注', '≥95', '已核实', ' ', 0, 100, 3.5, true),
      fc.integer({ min: -100, max: 1000 }),
      fc.string({ minLength: 1, maxLength: 6 }),
    ),
    fill: fc.constantFrom('#FFFF00', '#C6EFCE', '#FDE7E9', '#FFF4CE'),
    note: fc.constantFrom('请核对', '用户批注', '得分'),
    numFmt: fc.constantFrom('0.00', '0%', '@', 'yyyy-mm-dd', '#,##0', ';;;'),
  },
  { requiredKeys: ['right', 'offset', 'value'] },
);

// ---------------------------------------------------------------- building and comparing

interface Case {
  spec: TableSpec;
  user: UserCell[];
  apiVersion: (typeof API_VERSIONS)[number];
  notes: boolean;
  fills: boolean;
}

function build({ spec, user }: Case): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const { headerRow } = writeTable(ws, spec);
  const right = (spec.at?.column ?? 1) + DEFAULT_COLUMNS.length - 1;
  for (const u of user) {
    const row = headerRow + u.offset;
    if (row < 1) continue;
    const cell = ws.getCell(row, right + u.right);
    cell.value = u.value as ExcelJS.CellValue;
    if (u.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${u.fill.slice(1)}` } };
    if (u.note) cell.note = u.note;
    if (u.numFmt) cell.numFmt = u.numFmt;
  }
  return wb;
}

/** Everything a user could see of the workbook, in a form toEqual compares exactly. */
function state(model: WorkbookModel) {
  return model.sheets.map((s) => ({
    name: s.name,
    merges: [...s.merges].sort(),
    protected: s.protected,
    cells: new Map<string, CellModel>([...s.cells].map(([k, v]) => [k, { ...v }])),
  }));
}

function ourHeaders(model: WorkbookModel): string[] {
  return model.sheets.flatMap((s) => [...s.cells].filter(([, c]) => isOurHeader(c.value, c.numberFormat)).map(([k]) => `${s.name}!${k}`));
}

let withTable = 0;
let columnMoved = 0;

async function roundTrip(c: Case): Promise<void> {
  const model = fromExcelJs(build(c));
  const original = state(model);
  const excel = createExcel(model, { apiVersion: c.apiVersion });
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });

  // Write.
  const first = await adapter.readSnapshot();
  const report = checkWorkbook(first);
  const plans = planResults(first, report, { notes: c.notes, fills: c.fills });
  await adapter.writeResults(plans, { notes: c.notes, fills: c.fills });
  if (report.tables.length > 0) withTable++;

  const written = new Set(plans.flatMap((p) => p.writes.map((w) => `${p.sheet}!${w.address}`)));
  const afterWrite = state(model);
  for (const [i, sheet] of original.entries()) {
    const now = afterWrite[i].cells;
    for (const [key, cell] of sheet.cells) {
      // Every cell that held anything before is the user's: it must be exactly as it was.
      if (!written.has(`${sheet.name}!${key}`)) expect(now.get(key)).toEqual(cell);
      else throw new Error(`the plan wrote ${sheet.name}!${key}, which held ${JSON.stringify(cell)}`);
    }
    for (const key of now.keys()) {
      if (!sheet.cells.has(key)) expect(written.has(`${sheet.name}!${key}`)).toBe(true);
    }
    expect(afterWrite[i].merges).toEqual(sheet.merges);
  }
  expect(ourHeaders(model)).toHaveLength(report.tables.length);
  // 0-based index of the first column right of the table: the user's cells may push ours further.
  const firstFree = (c.spec.at?.column ?? 1) - 1 + DEFAULT_COLUMNS.length;
  if (plans.some((p) => columnIndex(p.column) > firstFree)) columnMoved++;

  // Re-run: the same column, the same cells, nothing else.
  const second = await adapter.readSnapshot();
  const rerun = planResults(second, checkWorkbook(second), { notes: c.notes, fills: c.fills });
  expect(rerun.map((p) => p.column)).toEqual(plans.map((p) => p.column));
  await adapter.writeResults(rerun, { notes: c.notes, fills: c.fills });
  expect(state(model)).toEqual(afterWrite);
  expect(ourHeaders(model)).toHaveLength(report.tables.length);

  // Clear: every original cell back, nothing left of ours.
  const third = await adapter.readSnapshot();
  await adapter.clearResults(planClear(third));
  expect(state(model)).toEqual(original);
}

describe('write, re-run and clear the 得分 column on random tables with user content right of them', () => {
  test('no user cell changes, a re-run is idempotent, clearing restores every cell (150 workbooks)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          spec: specArb,
          user: fc.array(userCellArb, { maxLength: 12 }),
          apiVersion: fc.constantFrom(...API_VERSIONS),
          notes: fc.boolean(),
          fills: fc.boolean(),
        }),
        roundTrip,
      ),
      { numRuns: 150 },
    );
    // Most runs found a table, and in many the user's cells pushed the column further right.
    expect(withTable).toBeGreaterThan(120);
    expect(columnMoved).toBeGreaterThan(20);
  }, 120_000);
});
