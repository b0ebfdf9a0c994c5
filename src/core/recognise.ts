// Recognition: find every 整体支出绩效目标表 on a sheet by the meaning of its labels, never by
// the seed's coordinates. Header row → columns → indicator rows → 一级/二级 groups; the block
// above the header gives 单位名称, 年度绩效目标 and 预算情况.
import type { BudgetKey, BudgetLine, CellValue, ColumnKey, IndicatorType } from './types.js';
import type { IndicatorRow, Level1Group, Level2Group, TableModel } from './model.js';
import { Grid } from './grid.js';
import { address } from './a1.js';
import { cellText, isBlank, normaliseLabel, toHalfWidth } from './text.js';
import { normaliseUnit, parseValue } from './value.js';

/** A header label without bracketed notes: "权重(%)" → "权重", "三级\n指标" → "三级指标". */
function headerCore(value: CellValue): string {
  return normaliseLabel(value).replace(/\([^)]*\)/g, '').replace(/[【】[\]]/g, '');
}

type WeightLike = 'weight' | 'l2weight' | 'points' | 'any';

/** What a header label names, before weights are placed by position. */
function classifyHeader(label: string): ColumnKey | WeightLike | undefined {
  if (label === '') return undefined;
  if (/^一级(指标)?(名称)?$/.test(label)) return 'l1';
  if (/^二级(指标)?(名称)?$/.test(label)) return 'l2';
  if (/^三级(指标)?(名称)?$/.test(label)) return 'l3';
  if (/^一级(指标)?(权重|分值)$/.test(label)) return 'weight';
  if (/^二级(指标)?(权重|分值)$/.test(label)) return 'l2weight';
  if (/^三级(指标)?(权重|分值)$/.test(label)) return 'points';
  if (/^(指标)?(权重|分值|权重分值|分值权重|标准分值|指标分值)$/.test(label)) return 'any';
  if (/^指标值?类型$|^指标类别$/.test(label)) return 'type';
  if (/^(指标性质|运算符号?|比较符号?|符号|指标方向)$/.test(label)) return 'comparator';
  if (/^(年度)?(指标值|目标值)$|^指标目标值$|^预期指标值$|^年度指标值$/.test(label)) return 'value';
  if (/^(度量|计量)?单位$/.test(label)) return 'unit';
  if (/^(指标值内容|指标值说明|指标解释|指标说明|指标内容|指标值设定依据.*|指标值说明及依据)$/.test(label)) return 'content';
  if (/^备注$/.test(label)) return 'remark';
  if (/^(全年)?实际(完成)?值$|^完成值$|^全年实际值$|^实际完成情况$/.test(label)) return 'actual';
  if (/^偏差原因/.test(label)) return 'deviation';
  if (/^评?扣?分标准$|^评扣分标准$|^评分规则$/.test(label)) return 'scoring';
  return undefined;
}

interface Header {
  row: number;
  columns: Partial<Record<ColumnKey, number>>;
  left: number;
  right: number;
}

const L3_LABEL = /^三级(指标)?(名称)?$/;

/** Cheap test before classifying a row: a header has a short cell naming 三级. */
function mayBeHeader(grid: Grid, row: number): boolean {
  for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
    const v = grid.value(row, c);
    if (typeof v === 'string' && v.length <= 20 && L3_LABEL.test(v.replace(/[\s*＊]/g, ''))) return true;
  }
  return false;
}

function readHeader(grid: Grid, row: number): Header | undefined {
  if (!mayBeHeader(grid, row)) return undefined;
  const found: { column: number; kind: ColumnKey | WeightLike }[] = [];
  let hasIndicatorWord = false;
  for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
    const v = grid.value(row, c);
    if (typeof v !== 'string') continue;
    if (v.includes('指标') || v.includes('值')) hasIndicatorWord = true;
    // A horizontally merged header counts once, at its left cell.
    const a = grid.anchor(row, c);
    if (a.column !== c) continue;
    const kind = classifyHeader(headerCore(v));
    if (kind) found.push({ column: c, kind });
  }
  if (!hasIndicatorWord) return undefined;
  const columns: Partial<Record<ColumnKey, number>> = {};
  for (const f of found) {
    if (f.kind !== 'any' && f.kind !== 'weight' && f.kind !== 'l2weight' && f.kind !== 'points' && columns[f.kind] === undefined) {
      columns[f.kind] = f.column;
    }
  }
  if (columns.l3 === undefined || columns.value === undefined) return undefined;
  if (columns.l1 === undefined && columns.l2 === undefined) return undefined;
  // Weights are placed by position: after 一级 → 一级 weight; after 二级 → 二级; after 三级 → per-三级 points.
  for (const f of found) {
    let kind: ColumnKey | undefined;
    if (f.kind === 'weight' || f.kind === 'l2weight' || f.kind === 'points') kind = f.kind;
    else if (f.kind === 'any') {
      if (f.column > columns.l3) kind = 'points';
      else if (columns.l2 !== undefined && f.column > columns.l2) kind = 'l2weight';
      else kind = 'weight';
    }
    if (kind && columns[kind] === undefined) columns[kind] = f.column;
  }
  const used = Object.values(columns) as number[];
  return { row, columns, left: Math.min(...used), right: Math.max(...used) };
}

const FOOTER = /^(注|说明|备注|填表|填报|审核|负责人|联系|单位负责人|财务负责人|制表)/;

const BUDGET_ROLE: Record<string, string> = {
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

const BLOCK_LABEL = /^(按.*分|预算金额|金额|预算情况|预算|资金来源|支出类型|来源类型|项目|类型)/;

function budgetRole(value: CellValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  return BUDGET_ROLE[headerCore(value)];
}

function isBlockLabel(value: CellValue): boolean {
  return typeof value === 'string' && (budgetRole(value) !== undefined || BLOCK_LABEL.test(headerCore(value)));
}

function classifyBudgetPath(roles: string[]): BudgetKey | undefined {
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

function readBudget(grid: Grid, top: number, bottom: number): Partial<Record<BudgetKey, BudgetLine>> {
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

const UNIT_NAME = /^(单位\(部门\)名称|部门\(单位\)名称|单位名称|部门名称|预算单位|预算部门|单位\(部门\)|部门\(单位\)|填报单位|主管部门|单位)$/;
const GOAL = /^(年度(总体)?绩效目标|整体绩效目标|年度目标|总体目标|绩效目标|年度总体目标)$/;

/** The value written right of a label on the same row: the first non-blank cell after it. */
function valueRightOf(grid: Grid, row: number, column: number): { text: string; cell?: string } {
  const m = grid.merge(row, column);
  for (let c = (m ? m.right : column) + 1; c <= grid.lastColumn; c++) {
    const v = grid.value(row, c);
    if (!isBlank(v)) {
      const a = grid.anchor(row, c);
      return { text: cellText(v), cell: address(a.row, a.column) };
    }
  }
  return { text: '' };
}

function titleUnitName(title: string): string {
  return title
    .replace(/\s+/g, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/(部门)?(单位)?整体支出绩效(目标)?(申报|自评)?表.*$/, '')
    .replace(/\d{4}年度?$/, '');
}

const NATIONAL_L1 = /^(产出指标|效益指标|满意度指标|成本指标)$/;

function inferType(value: ReturnType<typeof parseValue>): IndicatorType {
  return value.kind === 'number' ? '定量' : '定性';
}

function normaliseType(text: string): IndicatorType | '' {
  const t = normaliseLabel(text);
  if (t === '定量' || t === '定量指标') return '定量';
  if (t === '定性' || t === '定性指标') return '定性';
  return '';
}

/** Every table on one sheet, top to bottom. */
export function recogniseSheet(grid: Grid): TableModel[] {
  const headers: Header[] = [];
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    if (!grid.hasRow(r)) continue;
    const h = readHeader(grid, r);
    if (!h) continue;
    const previous = headers[headers.length - 1];
    if (previous && previous.row === r - 1) {
      // Labels merged down from the row above: one two-row header, read at its first row.
      // Labels typed again: a repeated header; the lower one is the table's.
      const typedAgain = (Object.values(h.columns) as number[]).some((c) => !grid.merge(r, c) && !isBlank(grid.raw(r, c)));
      if (typedAgain) headers[headers.length - 1] = h;
      continue;
    }
    headers.push(h);
  }
  const tables: TableModel[] = [];
  let regionTop = grid.firstRow;
  for (let i = 0; i < headers.length; i++) {
    const nextHeader = i + 1 < headers.length ? headers[i + 1].row : grid.lastRow + 1;
    const table = readTable(grid, headers[i], regionTop, nextHeader - 1);
    if (table) {
      tables.push(table);
      regionTop = table.lastIndicatorRow + 1;
    } else {
      regionTop = headers[i].row + 1;
    }
  }
  return tables;
}

function readTable(grid: Grid, header: Header, regionTop: number, regionBottom: number): TableModel | undefined {
  const col = header.columns;
  const text = (row: number, key: ColumnKey): string => {
    const c = col[key];
    return c === undefined ? '' : cellText(grid.value(row, c));
  };
  const cellOf = (row: number, key: ColumnKey): string | undefined => {
    const c = col[key];
    if (c === undefined) return undefined;
    const a = grid.anchor(row, c);
    return address(a.row, a.column);
  };
  // A header whose labels sit in vertical merges spans several rows; data starts below them.
  let dataStart = header.row + 1;
  for (const c of Object.values(col) as number[]) {
    const m = grid.merge(header.row, c);
    if (m && m.bottom + 1 > dataStart) dataStart = m.bottom + 1;
  }

  const indicators: IndicatorRow[] = [];
  const level1: Level1Group[] = [];
  let l1: Level1Group | undefined;
  let l2: Level2Group | undefined;
  let blankRun = 0;
  let last = header.row;
  const rowCells = (Object.keys(col) as ColumnKey[]).filter((k) => k !== 'result');

  for (let r = dataStart; r <= regionBottom; r++) {
    const allBlank = rowCells.every((k) => isBlank(grid.raw(r, col[k] as number)));
    if (allBlank) {
      const insideGroup = col.l1 !== undefined && grid.merge(r, col.l1) !== undefined && grid.merge(r, col.l1)!.top < r;
      if (!insideGroup && ++blankRun >= 2) break;
      continue;
    }
    blankRun = 0;
    const firstText = cellText(grid.value(r, header.left));
    const wide = grid.merge(r, header.left);
    if (FOOTER.test(normaliseLabel(firstText)) || (wide && wide.top === r && wide.right >= (col.value ?? header.right))) break;

    const l1Name = text(r, 'l1');
    const l2Name = text(r, 'l2');
    const name = text(r, 'l3');
    // A 三级 merged down over several rows is one indicator: read it at its first row.
    if (col.l3 !== undefined) {
      const m3 = grid.merge(r, col.l3);
      if (m3 && m3.top < r) continue;
    }
    const valueRaw = col.value === undefined ? null : grid.raw(r, col.value);
    const rowFilled = [name, cellText(valueRaw), text(r, 'type'), text(r, 'unit'), text(r, 'content'), text(r, 'remark')].some((t) => t !== '');

    const l1Cell = cellOf(r, 'l1');
    if (l1Name !== '' && (!l1 || l1.name !== l1Name || (l1Cell !== l1.labelCell && grid.merge(r, col.l1 as number) !== undefined))) {
      const wText = text(r, 'weight');
      l1 = { name: l1Name, rows: [r, r], labelCell: l1Cell, weightText: wText, weightCell: cellOf(r, 'weight'), level2: [], indicators: [] };
      level1.push(l1);
      l2 = undefined;
    } else if (!l1) {
      l1 = { name: '', rows: [r, r], weightText: text(r, 'weight'), weightCell: cellOf(r, 'weight'), level2: [], indicators: [] };
      level1.push(l1);
    }
    if (l1.weightText === '' && text(r, 'weight') !== '') {
      l1.weightText = text(r, 'weight');
      l1.weightCell = cellOf(r, 'weight');
    }
    const l2Cell = cellOf(r, 'l2');
    if (l2Name !== '' && (!l2 || l2.name !== l2Name || (l2Cell !== l2.labelCell && grid.merge(r, col.l2 as number) !== undefined))) {
      l2 = { name: l2Name, rows: [r, r], labelCell: l2Cell, weightText: text(r, 'l2weight'), weightCell: cellOf(r, 'l2weight'), indicators: [] };
      l1.level2.push(l2);
    }
    l1.rows[1] = r;
    if (l2) l2.rows[1] = r;
    last = r;
    if (!rowFilled) continue; // a section row: it only names the 一级/二级 below it

    const value = parseValue(valueRaw, col.value === undefined ? undefined : grid.numberFormat(r, col.value), col.comparator === undefined ? undefined : grid.value(r, col.comparator));
    const typeText = text(r, 'type');
    const written = normaliseType(typeText);
    const typeInferred = col.type === undefined;
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const k of Object.keys(col) as ColumnKey[]) cells[k] = cellOf(r, k);
    const unitText = text(r, 'unit');
    const indicator: IndicatorRow = {
      row: r,
      level1: l1.name,
      level2: l2?.name ?? '',
      name,
      typeText,
      type: typeInferred ? inferType(value) : written,
      typeInferred,
      valueText: cellText(valueRaw),
      value,
      unit: normaliseUnit(unitText),
      unitText,
      content: text(r, 'content'),
      remark: text(r, 'remark'),
      cells,
    };
    if (col.points !== undefined) {
      indicator.ownWeightText = text(r, 'points');
      const p = parseAmount(grid.raw(r, col.points));
      if (p.amount !== undefined) indicator.ownWeight = p.amount;
    }
    if (col.actual !== undefined) {
      const a = grid.raw(r, col.actual);
      indicator.actualText = cellText(a);
      indicator.actual = parseValue(a, grid.numberFormat(r, col.actual));
    }
    if (col.deviation !== undefined) indicator.deviation = text(r, 'deviation');
    indicators.push(indicator);
    l1.indicators.push(indicator);
    l2?.indicators.push(indicator);
  }
  if (indicators.length === 0) return undefined;

  for (const g of level1) {
    g.weight = parseAmount(g.weightText === '' ? null : g.weightText).amount;
    for (const s of g.level2) s.weight = parseAmount(s.weightText === '' ? null : s.weightText).amount;
  }

  // The block above the header: title, 单位名称, 年度绩效目标, 预算情况.
  let top = header.row;
  let unitName = '';
  let goal = '';
  let goalCell: string | undefined;
  let title = '';
  for (let r = regionTop; r < header.row; r++) {
    let rowHas = false;
    for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
      const v = grid.value(r, c);
      if (isBlank(v)) continue;
      rowHas = true;
      const a = grid.anchor(r, c);
      if (a.column !== c && a.row === r) continue;
      const label = headerCore(v);
      if (!unitName && UNIT_NAME.test(label)) unitName = valueRightOf(grid, r, c).text;
      else if (!goal && GOAL.test(label)) {
        const g = valueRightOf(grid, r, c);
        goal = g.text;
        goalCell = g.cell;
      } else if (!title && typeof v === 'string' && /绩效目标.*表|绩效.*申报表|自评表/.test(v)) title = cellText(v);
    }
    if (rowHas && r < top) top = r;
  }
  if (!unitName && title) unitName = titleUnitName(title);
  const budget = readBudget(grid, top, header.row - 1);
  const national = level1.some((g) => NATIONAL_L1.test(normaliseLabel(g.name)));
  const first = indicators[0].row;
  return {
    sheet: grid.name,
    grid,
    headerRow: header.row,
    firstIndicatorRow: first,
    lastIndicatorRow: Math.max(last, indicators[indicators.length - 1].row),
    top,
    left: header.left,
    right: header.right,
    columns: col,
    unitName,
    goal,
    goalCell,
    level1,
    indicators,
    budget,
    national,
  };
}
