// The budget and funds blocks above or beside a table: 预算情况 lines by their role, and the
// 项目资金 / 预算执行情况 block with its total, parts and columns.
import type { BudgetKey, BudgetLine, CellValue } from '../types.js';
import type { FundsBlock, FundsCell, FundsColumn, FundsLine } from './tableModel.js';
import { Grid } from '../sheet/grid.js';
import { address } from '../sheet/a1.js';
import { isBlank, toHalfWidth } from '../sheet/text.js';
import { headerCore } from './header.js';

export const BUDGET_ROLE: Record<string, string> = {
  人员经费: 'personnel',
  人员支出: 'personnel',
  公用经费: 'publicUse',
  公用支出: 'publicUse',
  基本支出: 'basic',
  项目支出: 'project',
  本级: 'local',
  本级项目: 'local',
  本级支出: 'local',
  对下转移支付: 'transfer',
  转移支付: 'transfer',
  合计: 'total',
  小计: 'total',
  支出合计: 'expenseTotal',
  支出总计: 'expenseTotal',
  上级财政补助: 'srcUpper',
  上级补助: 'srcUpper',
  上级补助收入: 'srcUpper',
  上级财政资金: 'srcUpper',
  上级资金: 'srcUpper',
  本级财政安排: 'srcLocal',
  本级财政资金: 'srcLocal',
  本级财政拨款: 'srcLocal',
  财政拨款: 'srcLocal',
  其他资金: 'srcOther',
  其他收入: 'srcOther',
  收入预算合计: 'incomeTotal',
  收入合计: 'incomeTotal',
  支出预算合计: 'expenseBudgetTotal',
};

export const BLOCK_LABEL = /^(按.*分|预算金额|金额|预算情况|预算|资金来源|支出类型|来源类型|项目|类型)/;

export function budgetRole(value: CellValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  return BUDGET_ROLE[headerCore(value)];
}

export function isBlockLabel(value: CellValue): boolean {
  return typeof value === 'string' && (budgetRole(value) !== undefined || BLOCK_LABEL.test(headerCore(value)));
}

export function classifyBudgetPath(roles: string[]): BudgetKey | undefined {
  const has = (r: string) => roles.includes(r);
  for (const k of ['personnel', 'publicUse', 'transfer', 'srcUpper', 'srcLocal', 'srcOther', 'incomeTotal', 'expenseBudgetTotal', 'expenseTotal'] as const) {
    if (has(k)) return k;
  }
  if (has('total')) {
    if (has('basic')) return 'basicTotal';
    if (has('project')) return undefined; // a 项目支出 subtotal: not a line the checks use
    return 'expenseTotal';
  }
  if (has('basic')) return 'basicTotal';
  if (has('project') || has('local')) return 'projectLocal';
  return undefined;
}

export function parseAmount(raw: CellValue): { amount?: number; blank: boolean } {
  if (isBlank(raw)) return { blank: true };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { amount: raw, blank: false } : { blank: false };
  if (typeof raw !== 'string') return { blank: false };
  const t = toHalfWidth(raw).replace(/\s+/g, '').replace(/,/g, '').replace(/万元$|元$/, '');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { amount: Number(t), blank: false };
  if (t === '-' || t === '—' || t === '/') return { blank: true };
  return { blank: false };
}

/** A weight or 分值 as written: 10, "10", "10分", "10%" (a weight of 10 out of 100). */
export function parseWeight(raw: CellValue): { amount?: number; blank: boolean } {
  if (typeof raw === 'string') return parseAmount(toHalfWidth(raw).trim().replace(/\s*(分|%)$/, ''));
  return parseAmount(raw);
}

export function readBudget(grid: Grid, top: number, bottom: number, skipRows: Set<number>): Partial<Record<BudgetKey, BudgetLine>> {
  const budget: Partial<Record<BudgetKey, BudgetLine>> = {};
  const seen = new Set<string>();
  // Columns headed 预算金额/金额 hold the amounts; without merge information (older Excel) a label
  // merged over two columns reads as a label and a blank, so the amount is found by its column.
  const amountColumns: number[] = [];
  for (let r = top; r <= bottom; r++) {
    for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
      const v = grid.raw(r, c);
      if (typeof v === 'string' && /^(预算)?金额/.test(headerCore(v)) && !amountColumns.includes(c)) amountColumns.push(c);
    }
  }
  amountColumns.sort((a, b) => a - b);
  // Group labels (基本支出, 项目支出) carried down over blank cells when merges are unknown.
  const carried = new Map<number, string>();
  for (let r = top; r <= bottom; r++) {
    if (skipRows.has(r)) continue;
    let path: string[] = [];
    let c = grid.firstColumn;
    while (c <= grid.lastColumn) {
      const v = grid.value(r, c);
      const m = grid.merge(r, c);
      const right = m ? m.right : c;
      const role = budgetRole(v);
      if (role === undefined) {
        if (typeof v === 'string' && !isBlank(v)) {
          path.push('');
          carried.delete(c);
        } else if (!m && carried.has(c) && budgetRole(grid.value(r, c + 1)) !== undefined) {
          path.push(carried.get(c) as string);
        }
        c = right + 1;
        continue;
      }
      path.push(role);
      // The amount is in the next amount column (or the next cell), unless another label follows (a group label).
      if (right + 1 > grid.lastColumn + 1) break;
      if (isBlockLabel(grid.value(r, right + 1))) {
        if (role === 'basic' || role === 'project') carried.set(c, role);
        c = right + 1;
        continue;
      }
      carried.delete(c);
      let next = amountColumns.find((a) => a > right) ?? right + 1;
      const nv = grid.value(r, next);
      // Skip one blank spacer column when a number stands right after it.
      if (isBlank(nv) && !isBlockLabel(grid.value(r, next + 1)) && typeof grid.value(r, next + 1) === 'number') next += 1;
      const key = classifyBudgetPath(path);
      const a = grid.anchor(r, next);
      const cell = address(a.row, a.column);
      if (key && !budget[key] && !seen.has(cell)) {
        const raw = grid.raw(a.row, a.column);
        budget[key] = { cell, raw, ...parseAmount(raw) };
      }
      seen.add(cell);
      path = [];
      const nm = grid.merge(r, next);
      c = (nm ? nm.right : next) + 1;
    }
  }
  return budget;
}

// 项目资金（万元） of project forms and 自评表, and Sichuan's 预算执行情况: a total and its parts,
// in one amount column or in 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分 columns.
export const FUNDS_TOTAL = /^(年度资金总额|资金总额|项目资金总额|总额|年度资金总额合计|资金总额合计)$/;
export const FUNDS_PART = /^(其中)?:?(本年财政拨款|当年财政拨款|本年度财政拨款|财政拨款|财政资金|财政拨款资金|上年结转资金|上年结转|其他资金|财政专户管理资金|单位资金|单位自筹资金|自筹资金)$/;

export function fundsColumnOf(label: string): FundsColumn | undefined {
  if (/^年初预算数?$/.test(label)) return 'initial';
  if (/^(全年|调整后)?预算数$/.test(label)) return 'budget';
  if (/^(全年|实际)?执行数$/.test(label)) return 'executed';
  if (/^分值$/.test(label)) return 'points';
  if (/^(预算)?执行率$/.test(label)) return 'rate';
  if (/^得分$/.test(label)) return 'score';
  return undefined;
}

export function fundsCell(grid: Grid, row: number, column: number): FundsCell {
  const a = grid.anchor(row, column);
  const raw = grid.raw(a.row, a.column);
  return { cell: address(a.row, a.column), raw, ...parseAmount(raw) };
}

export function readFunds(grid: Grid, top: number, bottom: number): { block: FundsBlock; rows: Set<number> } | undefined {
  // Column labels (年初预算数 …) on one row, if the block has them.
  const columnOf = new Map<number, FundsColumn>();
  let headerRow = -1;
  for (let r = top; r <= bottom && headerRow < 0; r++) {
    const found = new Map<number, FundsColumn>();
    for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
      if (grid.anchor(r, c).column !== c) continue;
      const k = fundsColumnOf(headerCore(grid.value(r, c)));
      if (k) found.set(c, k);
    }
    const kinds = [...found.values()];
    if (kinds.length >= 2 && kinds.some((k) => k === 'initial' || k === 'budget' || k === 'executed')) {
      for (const [c, k] of found) columnOf.set(c, k);
      headerRow = r;
    }
  }
  const rows = new Set<number>();
  const lines: { line: FundsLine; total: boolean }[] = [];
  for (let r = top; r <= bottom; r++) {
    const labels: { column: number; label: string; total: boolean }[] = [];
    for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
      const a = grid.anchor(r, c);
      if (a.column !== c || a.row !== r) continue;
      const v = grid.value(r, c);
      if (typeof v !== 'string') continue;
      const label = headerCore(v);
      const total = FUNDS_TOTAL.test(label);
      if (total || FUNDS_PART.test(label)) labels.push({ column: c, label: label.replace(/^其中:?/, ''), total });
    }
    if (labels.length === 0) continue;
    rows.add(r);
    // Laid across (总额 | 财政资金 | … on one row): each amount is in the row below.
    if (labels.length > 1 && labels.some((l) => l.total) && r < bottom) {
      for (const l of labels) lines.push({ line: { label: l.label, row: r + 1, cells: { amount: fundsCell(grid, r + 1, l.column) } }, total: l.total });
      rows.add(r + 1);
      r += 1;
      continue;
    }
    const { column: c, label, total } = labels[0];
    const line: FundsLine = { label, row: r, cells: {} };
    if (columnOf.size > 0) {
      for (const [column, key] of columnOf) line.cells[key] = fundsCell(grid, r, column);
    } else {
      const m = grid.merge(r, c);
      let next = (m ? m.right : c) + 1;
      if (isBlank(grid.value(r, next)) && typeof grid.value(r, next + 1) === 'number') next += 1;
      if (next <= grid.lastColumn + 1) line.cells.amount = fundsCell(grid, r, next);
    }
    lines.push({ line, total });
  }
  // Without its total the block is the 预算情况's 其他资金 or 财政拨款, not a 项目资金 block.
  const totalLine = lines.find((l) => l.total)?.line;
  if (!totalLine) return undefined;
  const parts = lines.filter((l) => !l.total).map((l) => l.line);
  if (headerRow >= 0) rows.add(headerRow);
  const columns: FundsColumn[] = columnOf.size > 0 ? [...new Set(columnOf.values())] : ['amount'];
  // The block's label left of the total: 项目资金（万元） → 项目资金.
  let title = '项目资金';
  for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
    const label = headerCore(grid.value(totalLine.row, c));
    if (FUNDS_TOTAL.test(label)) break;
    if (/资金|预算执行/.test(label)) title = label;
  }
  return { block: { title, total: totalLine, parts, columns }, rows };
}
