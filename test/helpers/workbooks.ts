// Real workbooks for tests, built with exceljs the way offices lay the table out (tables.ts: title,
// 单位名称, 年度绩效目标, the 预算情况 block, the header, then indicator rows with 一级/二级 merged down).
import path from 'node:path';
import ExcelJS from 'exceljs';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { isLayout, layoutSnapshot, type Layout } from './layouts.js';
import { checkWorkbook, type CellValue, type CheckOptions, type Report } from '../../src/core/index.js';
import { DEFAULT_COLUMNS, LABELS, VALID_BUDGET, validRows, type Column, type TableSpec } from './tables.js';

export { DEFAULT_COLUMNS, LABELS, VALID_BUDGET, rowsWith, validRows, type Column, type RowSpec, type TableSpec } from './tables.js';

function put(ws: ExcelJS.Worksheet, row: number, column: number, value: unknown): void {
  if (value === undefined || value === null) return;
  ws.getCell(row, column).value = value as ExcelJS.CellValue;
}

/** Write one table's block onto a sheet; returns the row after it. */
export function writeTable(ws: ExcelJS.Worksheet, spec: TableSpec): { headerRow: number; nextRow: number } {
  const columns = spec.columns ?? DEFAULT_COLUMNS;
  const top = spec.at?.row ?? 1;
  const left = spec.at?.column ?? 1;
  const colOf = new Map<Column, number>();
  let c = left;
  for (const k of columns) {
    colOf.set(k, c++);
    if (spec.spacerAfter === k) c++;
  }
  const right = c - 1;
  let r = top;
  const title = spec.title === undefined ? '测试单位整体支出绩效目标表' : spec.title;
  if (title !== null) {
    put(ws, r, left, title);
    ws.mergeCells(r, left, r, right);
    r++;
  }
  const unitName = spec.unitName === undefined ? '测试单位' : spec.unitName;
  if (unitName !== null) {
    put(ws, r, left, '单位（部门）名称');
    put(ws, r, left + 1, unitName);
    ws.mergeCells(r, left + 1, r, right);
    r++;
  }
  const goal = spec.goal === undefined ? '规范使用 152.82万元 财政资金，保障单位运行。' : spec.goal;
  if (goal !== null) {
    put(ws, r, left, '年度绩效目标');
    put(ws, r, left + 1, goal);
    ws.mergeCells(r, left + 1, r, right);
    r++;
  }
  const budget = spec.budget === undefined ? VALID_BUDGET : spec.budget;
  if (budget !== null) {
    // The seed's layout: labels in left+1..left+2, amounts in left+3; sources in left+4, amounts left+5.
    const b = r;
    put(ws, b, left, '预算情况（万元）');
    ws.mergeCells(b, left, b + 6, left);
    put(ws, b, left + 1, '按支出类型分');
    ws.mergeCells(b, left + 1, b, left + 2);
    put(ws, b, left + 3, '预算金额（万元）');
    put(ws, b, left + 4, '按来源类型分');
    put(ws, b, left + 5, '预算金额（万元）');
    put(ws, b + 1, left + 1, '基本支出');
    ws.mergeCells(b + 1, left + 1, b + 3, left + 1);
    put(ws, b + 1, left + 2, '人员经费');
    put(ws, b + 1, left + 3, budget.personnel);
    put(ws, b + 2, left + 2, '公用经费');
    put(ws, b + 2, left + 3, budget.publicUse);
    put(ws, b + 3, left + 2, '合计');
    put(ws, b + 3, left + 3, budget.basicTotal);
    put(ws, b + 4, left + 1, '项目支出');
    put(ws, b + 4, left + 2, '本级');
    put(ws, b + 4, left + 3, budget.projectLocal);
    put(ws, b + 5, left + 1, '对下转移支付');
    ws.mergeCells(b + 5, left + 1, b + 5, left + 2);
    put(ws, b + 5, left + 3, budget.transfer);
    put(ws, b + 6, left + 1, '合计');
    ws.mergeCells(b + 6, left + 1, b + 6, left + 2);
    put(ws, b + 6, left + 3, budget.expenseTotal);
    put(ws, b + 1, left + 4, '上级财政补助');
    put(ws, b + 1, left + 5, budget.srcUpper);
    put(ws, b + 2, left + 4, '本级财政安排');
    put(ws, b + 2, left + 5, budget.srcLocal);
    put(ws, b + 3, left + 4, '其他资金');
    put(ws, b + 3, left + 5, budget.srcOther);
    put(ws, b + 4, left + 4, '收入预算合计');
    put(ws, b + 4, left + 5, budget.incomeTotal);
    put(ws, b + 5, left + 4, '支出预算合计');
    put(ws, b + 5, left + 5, budget.expenseBudgetTotal);
    r = b + 7;
  }
  const headerRow = r;
  for (const k of columns) put(ws, headerRow, colOf.get(k) as number, spec.labels?.[k] ?? LABELS[k]);
  const rows = spec.rows ?? validRows();
  const layout = spec.layout ?? 'merged';
  const first = headerRow + 1;
  // Groups for merging: a label starts a group that runs until the next label in that column.
  const last: Partial<Record<Column, string | CellValue>> = {};
  const starts: Partial<Record<Column, number>> = {};
  const closeGroup = (k: Column, end: number) => {
    const s = starts[k];
    const col = colOf.get(k);
    if (s === undefined || col === undefined) return;
    if (layout === 'merged' && end > s) ws.mergeCells(s, col, end, col);
  };
  rows.forEach((row, i) => {
    const at = first + i;
    for (const k of columns) {
      const col = colOf.get(k) as number;
      const grouped = k === 'l1' || k === 'weight' || k === 'l2' || k === 'l2weight';
      if (grouped) {
        const own = row[k];
        // A new 一级 also restarts its weight (and 二级) groups.
        const restart = own !== undefined || (k === 'weight' && row.l1 !== undefined) || (k === 'l2weight' && row.l2 !== undefined);
        if (restart) {
          closeGroup(k, at - 1);
          starts[k] = at;
          last[k] = own ?? null;
          put(ws, at, col, own);
        } else if (layout === 'filled') put(ws, at, col, last[k]);
        continue;
      }
      const v = row[k];
      if (v === undefined) continue;
      if (typeof v === 'string' && k !== 'value' && k !== 'actual' && v === '') continue;
      put(ws, at, col, v);
      if (k === 'value' && row.valueFormat) ws.getCell(at, col).numFmt = row.valueFormat;
      if (k === 'actual' && row.actualFormat) ws.getCell(at, col).numFmt = row.actualFormat;
    }
  });
  const end = first + rows.length - 1;
  for (const k of ['l1', 'weight', 'l2', 'l2weight'] as Column[]) closeGroup(k, end);
  let next = end + 1;
  for (const line of spec.below ?? []) {
    line.forEach((v, j) => put(ws, next, left + j, v));
    next++;
  }
  return { headerRow, nextRow: next };
}

export function buildWorkbook(specs: TableSpec | TableSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const list = Array.isArray(specs) ? specs : [specs];
  const nextRowOf = new Map<string, number>();
  for (const spec of list) {
    const name = spec.sheet ?? '整体支出绩效目标表';
    const ws = wb.getWorksheet(name) ?? wb.addWorksheet(name);
    const start = nextRowOf.get(name);
    const { nextRow } = writeTable(ws, start ? { ...spec, at: { row: start + 2, column: spec.at?.column ?? 1 } } : spec);
    nextRowOf.set(name, nextRow);
  }
  return wb;
}

/** Round-trip through .xlsx bytes, so tests see what a saved file holds. */
export async function saved(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await wb.xlsx.writeBuffer();
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(buffer);
  return again;
}

export function check(specs: TableSpec | TableSpec[] | Layout | Layout[], options?: CheckOptions): Report {
  const layouts = (Array.isArray(specs) ? specs : [specs]) as (TableSpec | Layout)[];
  if (layouts.length > 0 && layouts.every(isLayout)) return checkWorkbook(layoutSnapshot(layouts as Layout[]), options);
  return checkWorkbook(snapshotOf(buildWorkbook(specs as TableSpec | TableSpec[])), options);
}

/** The findings of a rule in a report, across tables. */
export function findingsOf(report: Report, rule: string) {
  return report.tables.flatMap((t) => t.findings.filter((f) => f.rule === rule));
}

export async function readFixture(name: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.resolve('test/fixtures', name));
  return wb;
}
