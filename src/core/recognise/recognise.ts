// Recognition: find every 整体支出绩效目标表 on a sheet by the meaning of its labels, never by
// the seed's coordinates. Header row → columns → indicator rows → 一级/二级 groups; the block
// above the header gives 单位名称, 年度绩效目标 and 预算情况.
import type { BudgetKey, BudgetLine, CellValue, ColumnKey, IndicatorType } from '../types.js';
import type { FundsBlock, FundsCell, FundsColumn, FundsLine, IndicatorRow, Level1Group, Level2Group, TableModel } from './tableModel.js';
import { Grid } from '../sheet/grid.js';
import { address, parseCell } from '../sheet/a1.js';
import { cellText, isBlank, normaliseLabel, toHalfWidth } from '../sheet/text.js';
import { normaliseUnit, parseValue, readComparator } from '../sheet/value.js';
import { isOurHeader } from '../write/marks.js';

/** A header label without bracketed notes: "权重(%)" → "权重", "三级\n指标" → "三级指标". */
function headerCore(value: CellValue): string {
  return normaliseLabel(value).replace(/\([^)]*\)/g, '').replace(/[【】[\]]/g, '');
}

type WeightLike = 'weight' | 'l2weight' | 'points' | 'any';

/**
 * What a header label names, before weights are placed by position. The vocabulary is open:
 * specific names first, then anything that reads as a target value (年度指标值, 当年预期实现值,
 * 指标值及单位 …). An unknown label is "other", never fatal.
 */
export function classifyHeader(label: string): ColumnKey | WeightLike | undefined {
  if (label === '') return undefined;
  if (/^一级(指标)?(名称)?$/.test(label)) return 'l1';
  if (/^二级(指标)?(名称)?$/.test(label)) return 'l2';
  if (L3_LABEL.test(label)) return 'l3';
  if (/^一级(指标)?(权重|分值)$/.test(label)) return 'weight';
  if (/^二级(指标)?(权重|分值)$/.test(label)) return 'l2weight';
  if (/^三级(指标)?(权重|分值)$/.test(label)) return 'points';
  if (/^(指标)?(权重|分值|权重分值|分值权重|标准分值|指标分值|权重\(分值\))$/.test(label)) return 'any';
  if (/^(指标值?类型|指标类别|指标值属性)$/.test(label)) return 'type';
  if (/^指标性质$/.test(label)) return 'nature';
  if (/^(运算符号?|比较符号?|符号|指标方向|计算符号|比较方式)$/.test(label)) return 'comparator';
  if (/^(度量|计量)?单位$/.test(label)) return 'unit';
  if (/^(指标值内容|指标值说明|指标解释|指标说明|指标内容|指标值设定依据.*|指标值说明及依据|指标值确定依据.*)$/.test(label)) return 'content';
  if (/^备注$/.test(label)) return 'remark';
  if (/^偏差原因/.test(label)) return 'deviation';
  if (/^(全年)?实际(完成)?(值|情况|数)?$|^完成值$|^全年实际值$|^实际完成情况$|^全年完成值$|^实际值$/.test(label)) return 'actual';
  if (/^评?扣?分(标准|规则|依据)$|^评分标准$/.test(label)) return 'scoring';
  if (/^(自评)?得分$/.test(label)) return 'published';
  // Value-like: 指标值, 年度目标值, 预期目标值, 当年预期实现值, 全年指标值, 计划指标值, 指标值及单位 …
  if (/(指标值|目标值|预期值|实现值|计划值)/.test(label) && !/(说明|内容|类型|依据|解释|性质|实际|完成值)/.test(label)) return 'value';
  return undefined;
}

interface Header {
  row: number;
  columns: Partial<Record<ColumnKey, number>>;
  left: number;
  right: number;
  others: { column: number; label: string }[];
  /** Columns the template marks required with a star (「*指标解释」), and 指标值设定依据. */
  required: { column: number; label: string }[];
}

/** The 三级 column: 三级指标, or the 指标名称 / 具体指标 some templates use beside 二级指标. */
const L3_LABEL = /^(三级(指标)?(名称)?|指标名称|具体指标|三级指标内容)$/;

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
  const others: { column: number; label: string }[] = [];
  const required: { column: number; label: string }[] = [];
  for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
    const v = grid.value(row, c);
    if (typeof v !== 'string') continue;
    // A horizontally merged header counts once, at its left cell.
    const a = grid.anchor(row, c);
    if (a.column !== c) continue;
    // Our own 得分 / 复核得分 column of an earlier run is not the table's.
    if (isOurHeader(grid.raw(a.row, a.column), grid.numberFormat(a.row, a.column))) continue;
    const label = headerCore(v);
    const kind = classifyHeader(label);
    if (/^\s*[*＊※]/.test(v) || /^指标值(设定|确定)依据/.test(label)) required.push({ column: c, label: cellText(v).replace(/^[*＊※\s]+/, '') });
    if (kind) found.push({ column: c, kind });
    else if (label !== '') others.push({ column: c, label: cellText(v) });
  }
  const columns: Partial<Record<ColumnKey, number>> = {};
  for (const f of found) {
    if (f.kind !== 'any' && f.kind !== 'weight' && f.kind !== 'l2weight' && f.kind !== 'points' && columns[f.kind] === undefined) {
      columns[f.kind] = f.column;
    }
  }
  // By meaning: a 三级指标 column beside a value-like column ("指标名称" counts only under a 一级 or 二级 column).
  if (columns.l3 === undefined || columns.value === undefined) return undefined;
  const l3Label = headerCore(grid.value(row, columns.l3));
  if (!l3Label.startsWith('三级') && columns.l1 === undefined && columns.l2 === undefined) return undefined;
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
  const left = Math.min(...used);
  return { row, columns, left, right: Math.max(...used), others: others.filter((o) => o.column > left), required };
}

const FOOTER = /^(注|说明|备注|填表|填报|审核|负责人|联系|单位负责人|财务负责人|制表|合计|总计|总分|得分合计|分值合计)/;

/** The first text on a row left of the value column (a 合计 or 注 may sit left of the 一级 column). */
function firstTextOf(grid: Grid, row: number, left: number, valueColumn: number): string {
  for (let c = grid.firstColumn; c < valueColumn; c++) {
    const a = grid.anchor(row, c);
    // A label merged down from above (绩效指标 over the whole block) is not this row's own text.
    if (a.row !== row && c < left) continue;
    const v = grid.value(row, c);
    if (!isBlank(v)) return cellText(v);
  }
  return '';
}

/** A 一级/二级 label as named, without breaks and with the points it states: 「产出指标\n(50分)」 → 产出指标, 50. */
const levelCache = new Map<string, { name: string; points?: number }>();

export function levelLabel(text: string): { name: string; points?: number } {
  // The same few labels repeat on every row of a filled-down table.
  let hit = levelCache.get(text);
  if (!hit) {
    hit = readLevelLabel(text);
    if (levelCache.size > 5000) levelCache.clear();
    levelCache.set(text, hit);
  }
  return hit;
}

function readLevelLabel(text: string): { name: string; points?: number } {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /^(.+?)\((?:权重)?(\d+(?:\.\d+)?)分?\)$|^(.+?)(\d+(?:\.\d+)?)分$/.exec(t);
  if (m) {
    const name = m[1] ?? m[3];
    if (!/\d$/.test(name)) return { name, points: Number(m[2] ?? m[4]) };
  }
  return { name: t };
}

/** 「指标1：」「指标2」「……」「/」: a printed template's empty slot. */
const SLOT = /^(指标\d+[:：]?|[…．.。·]+|[/／\\]|[—\-－_]+|无)$/;
const SLOT_PREFIX = /^指标\d+[:：]?\s*/;
/** What a template leaves in a slot's other cells. */
const PLACEHOLDER = /^([/／\\]|[—\-－_]+|[…．.。·]+)$/;

function isSlotRow(name: string, others: () => string[]): boolean {
  if (name === '' || name.length > 8) return false;
  const n = toHalfWidth(name).replace(/\s+/g, '');
  if (!SLOT.test(n)) return false;
  return others().every((t) => t === '' || PLACEHOLDER.test(toHalfWidth(t).replace(/\s+/g, '')));
}

/** 「指标1:年度资金支付完成率100%」 → 年度资金支付完成率100%; a bare 「指标1：」 beside a value names nothing. */
function stripSlotPrefix(name: string): string {
  return name.replace(SLOT_PREFIX, '');
}

/** 正向 / 反向 in 指标性质 (or 指标方向): which way is better. */
function directionOf(text: string): 'higher' | 'lower' | undefined {
  const t = normaliseLabel(text);
  if (/^(正向|正向指标|越高越好|越大越好)$/.test(t)) return 'higher';
  if (/^(反向|反向指标|越低越好|越小越好)$/.test(t)) return 'lower';
  return undefined;
}

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

/** A weight or 分值 as written: 10, "10", "10分", "10%" (a weight of 10 out of 100). */
export function parseWeight(raw: CellValue): { amount?: number; blank: boolean } {
  if (typeof raw === 'string') return parseAmount(toHalfWidth(raw).trim().replace(/\s*(分|%)$/, ''));
  return parseAmount(raw);
}

function readBudget(grid: Grid, top: number, bottom: number, skipRows: Set<number>): Partial<Record<BudgetKey, BudgetLine>> {
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
const FUNDS_TOTAL = /^(年度资金总额|资金总额|项目资金总额|总额|年度资金总额合计|资金总额合计)$/;
const FUNDS_PART = /^(其中)?:?(本年财政拨款|当年财政拨款|本年度财政拨款|财政拨款|财政资金|财政拨款资金|上年结转资金|上年结转|其他资金|财政专户管理资金|单位资金|单位自筹资金|自筹资金)$/;

function fundsColumnOf(label: string): FundsColumn | undefined {
  if (/^年初预算数?$/.test(label)) return 'initial';
  if (/^(全年|调整后)?预算数$/.test(label)) return 'budget';
  if (/^(全年|实际)?执行数$/.test(label)) return 'executed';
  if (/^分值$/.test(label)) return 'points';
  if (/^(预算)?执行率$/.test(label)) return 'rate';
  if (/^得分$/.test(label)) return 'score';
  return undefined;
}

function fundsCell(grid: Grid, row: number, column: number): FundsCell {
  const a = grid.anchor(row, column);
  const raw = grid.raw(a.row, a.column);
  return { cell: address(a.row, a.column), raw, ...parseAmount(raw) };
}

function readFunds(grid: Grid, top: number, bottom: number): { block: FundsBlock; rows: Set<number> } | undefined {
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

/** Labels that introduce the unit's name, best first; 主管部门 names the unit above, so it comes last. */
const UNIT_LABELS: RegExp[] = [
  /^(单位\(部门\)名称|部门\(单位\)名称|单位名称|部门名称|单位\(部门\)|部门\(单位\))$/,
  /^(预算单位|预算单位名称|实施单位|实施单位名称|填报单位|预算部门|申报单位)$/,
  /^单位$/,
  /^(主管部门|主管部门及代码|主管部门名称)$/,
];

function unitLabelRank(label: string): number {
  return UNIT_LABELS.findIndex((re) => re.test(label));
}

const TITLE = /绩效目标.*表|绩效.*申报表|自评表|绩效目标申报/;
const GOAL = /^(年度(总体)?绩效目标|整体绩效目标|年度目标|总体目标|绩效目标|年度总体目标)$/;

/** Another label, never a value: 「主管部门 | | 实施单位 | …」 has no 主管部门 name. */
function isLabel(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const label = headerCore(v);
  return unitLabelRank(label) >= 0 || GOAL.test(label) || TITLE.test(v) || /^(项目名称|项目资金|代码|部门代码|单位代码|主管部门及代码)/.test(label);
}

/** The value written right of a label on the same row: the first non-blank cell after it, unless that is another label. */
function valueRightOf(grid: Grid, row: number, column: number): { text: string; cell?: string } {
  const m = grid.merge(row, column);
  for (let c = (m ? m.right : column) + 1; c <= grid.lastColumn; c++) {
    const v = grid.value(row, c);
    if (!isBlank(v)) {
      if (isLabel(v)) return { text: '' };
      const a = grid.anchor(row, c);
      return { text: cellText(v), cell: address(a.row, a.column) };
    }
  }
  return { text: '' };
}

function titleUnitName(title: string): string {
  const name = title
    .replace(/\s+/g, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/(部门)?(单位)?整体支出绩效(目标)?(申报|自评)?表.*$/, '')
    .replace(/\d{4}年度?$/, '');
  // A title with no unit in it ("项目支出绩效自评表") names none.
  return /绩效|^(项目|部门|单位)?(支出)?$/.test(name) ? '' : name;
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
  const headerAt = new Map(headers.map((h) => [h.row, h]));
  let regionTop = grid.firstRow;
  for (let i = 0; i < headers.length; i++) {
    // A header typed again inside the table above (after a page break) is part of it.
    if (headers[i].row < regionTop) continue;
    const table = readTable(grid, headers[i], regionTop, grid.lastRow, headerAt);
    if (table) {
      tables.push(table);
      regionTop = table.lastIndicatorRow + 1;
    } else {
      regionTop = headers[i].row + 1;
    }
  }
  return tables;
}

function readTable(grid: Grid, header: Header, regionTop: number, regionBottom: number, headerAt: Map<number, Header>): TableModel | undefined {
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
  let slotRows = 0;
  let slotCell: string | undefined;
  const rowCells = (Object.keys(col) as ColumnKey[]).filter((k) => k !== 'result');

  for (let r = dataStart; r <= regionBottom; r++) {
    const allBlank = rowCells.every((k) => isBlank(grid.raw(r, col[k] as number)));
    if (allBlank) {
      const insideGroup = col.l1 !== undefined && grid.merge(r, col.l1) !== undefined && grid.merge(r, col.l1)!.top < r;
      if (!insideGroup && ++blankRun >= 2) break;
      continue;
    }
    // A header typed again right after a page break continues the table; any other header starts the next one.
    const again = headerAt.get(r);
    if (again && r !== header.row) {
      if (r - last > 2 || again.columns.l3 !== col.l3 || again.columns.value !== col.value) break;
      blankRun = 0;
      last = r;
      continue;
    }
    blankRun = 0;
    const firstText = normaliseLabel(firstTextOf(grid, r, header.left, col.value ?? header.right));
    const wide = grid.merge(r, header.left);
    if (FOOTER.test(firstText) || (wide && wide.top === r && wide.right >= (col.value ?? header.right))) break;

    const l1Label = levelLabel(text(r, 'l1'));
    const l2Name = levelLabel(text(r, 'l2')).name;
    const l3Text = text(r, 'l3');
    // A 三级 merged down over several rows is one indicator: read it at its first row.
    if (col.l3 !== undefined) {
      const m3 = grid.merge(r, col.l3);
      if (m3 && m3.top < r) continue;
    }
    const valueRaw = col.value === undefined ? null : grid.raw(r, col.value);
    const slot = isSlotRow(l3Text, () => [cellText(valueRaw), text(r, 'actual'), text(r, 'points'), text(r, 'published')]);
    const name = slot ? '' : stripSlotPrefix(l3Text);
    const rowFilled = !slot && [name, cellText(valueRaw), text(r, 'type'), text(r, 'unit'), text(r, 'content'), text(r, 'remark')].some((t) => t !== '' && !PLACEHOLDER.test(t));

    // One 一级 per name, and one 二级 per name under it, even when a page break splits the block.
    if (l1Label.name !== '' && (!l1 || l1.name !== l1Label.name)) {
      l1 = level1.find((g) => g.name === l1Label.name);
      if (!l1) {
        l1 = { name: l1Label.name, rows: [r, r], labelCell: cellOf(r, 'l1'), weightText: text(r, 'weight'), weightCell: cellOf(r, 'weight'), level2: [], indicators: [] };
        if (l1Label.points !== undefined) l1.labelPoints = l1Label.points;
        level1.push(l1);
      }
      l2 = undefined;
    } else if (!l1) {
      l1 = { name: '', rows: [r, r], weightText: text(r, 'weight'), weightCell: cellOf(r, 'weight'), level2: [], indicators: [] };
      level1.push(l1);
    }
    if (l1.weightText === '' && text(r, 'weight') !== '') {
      l1.weightText = text(r, 'weight');
      l1.weightCell = cellOf(r, 'weight');
    }
    if (l2Name !== '' && (!l2 || l2.name !== l2Name)) {
      l2 = l1.level2.find((g) => g.name === l2Name);
      if (!l2) {
        l2 = { name: l2Name, rows: [r, r], labelCell: cellOf(r, 'l2'), weightText: text(r, 'l2weight'), weightCell: cellOf(r, 'l2weight'), indicators: [], slots: 0 };
        l1.level2.push(l2);
      }
    }
    l1.rows[1] = r;
    if (l2) l2.rows[1] = r;
    last = r;
    if (slot) {
      slotRows++;
      slotCell ??= cellOf(r, 'l3');
      if (l2) l2.slots++;
      continue;
    }
    if (!rowFilled) continue; // a section row: it only names the 一级/二级 below it

    const comparatorCell = [col.comparator, col.nature]
      .filter((c): c is number => c !== undefined)
      .map((c) => grid.value(r, c))
      .find((v) => readComparator(toHalfWidth(cellText(v))).comparator !== undefined);
    const value = parseValue(valueRaw, col.value === undefined ? undefined : grid.numberFormat(r, col.value), comparatorCell);
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
    const direction = directionOf(text(r, 'nature')) ?? directionOf(text(r, 'comparator'));
    if (direction) indicator.direction = direction;
    if (col.points !== undefined) {
      indicator.ownWeightText = text(r, 'points');
      const p = parseWeight(grid.raw(r, col.points));
      if (p.amount !== undefined) indicator.ownWeight = p.amount;
    }
    if (col.actual !== undefined) {
      const a = grid.raw(r, col.actual);
      indicator.actualText = cellText(a);
      indicator.actual = parseValue(a, grid.numberFormat(r, col.actual));
    }
    if (col.published !== undefined) {
      indicator.publishedText = text(r, 'published');
      const p = parseWeight(grid.raw(r, col.published));
      if (p.amount !== undefined) indicator.published = p.amount;
    }
    if (col.deviation !== undefined) indicator.deviation = text(r, 'deviation');
    indicators.push(indicator);
    l1.indicators.push(indicator);
    l2?.indicators.push(indicator);
  }
  if (indicators.length === 0) return undefined;

  for (const g of level1) {
    g.weight = parseWeight(g.weightText === '' ? null : g.weightText).amount;
    for (const s of g.level2) s.weight = parseWeight(s.weightText === '' ? null : s.weightText).amount;
  }

  // The block above the header: title, 单位名称, 年度绩效目标, 预算情况 or 项目资金.
  let top = header.row;
  let goal = '';
  let goalCell: string | undefined;
  let goalLabelCell: string | undefined;
  let title = '';
  const unitNames: { rank: number; text: string }[] = [];
  for (let r = regionTop; r < header.row; r++) {
    let rowHas = false;
    for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
      const v = grid.value(r, c);
      if (isBlank(v)) continue;
      rowHas = true;
      const a = grid.anchor(r, c);
      if (a.column !== c && a.row === r) continue;
      const label = headerCore(v);
      const inline = /^([^:]{2,12}):(.+)$/.exec(label);
      const rank = unitLabelRank(inline ? inline[1] : label);
      if (rank >= 0) {
        const name = inline ? cellText(v).replace(/^[^:：]*[:：]\s*/, '') : valueRightOf(grid, r, c).text;
        if (name !== '') unitNames.push({ rank, text: name });
      } else if (!goal && GOAL.test(label)) {
        goalLabelCell ??= address(r, c);
        let g = valueRightOf(grid, r, c);
        // The 自评表 heads its goal 「预期目标 | 实际完成情况」 and writes it on the row below.
        if (g.cell && /^预期目标/.test(headerCore(g.text))) {
          const at = parseCell(g.cell);
          const below = grid.anchor(grid.merge(at.row, at.column)?.bottom ?? at.row, at.column);
          const v = grid.value(below.row + 1, at.column);
          g = isBlank(v) ? { text: '' } : { text: cellText(v), cell: address(grid.anchor(below.row + 1, at.column).row, at.column) };
        }
        goal = g.text;
        goalCell = g.cell;
      } else if (!title && typeof v === 'string' && TITLE.test(v)) title = cellText(v);
    }
    if (rowHas && r < top) top = r;
  }
  unitNames.sort((x, y) => x.rank - y.rank);
  let unitName = unitNames[0]?.text ?? '';
  if (!unitName && title) unitName = titleUnitName(title);
  const funds = readFunds(grid, top, header.row - 1);
  const stated = statedPoints(grid, header, last);
  const budget = readBudget(grid, top, header.row - 1, funds?.rows ?? new Set());
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
    ...(goalLabelCell ? { goalLabelCell } : {}),
    required: header.required,
    level1,
    indicators,
    budget,
    national,
    others: header.others,
    slotRows,
    ...(slotCell ? { slotCell } : {}),
    ...(stated !== undefined ? { statedIndicatorPoints: stated } : {}),
    ...(funds ? { funds: funds.block } : {}),
  };
}

/** 「绩效指标(90分)」 left of the 一级 column: the points the table gives its indicators as a whole. */
function statedPoints(grid: Grid, header: Header, last: number): number | undefined {
  for (let c = grid.firstColumn; c < header.left; c++) {
    for (let r = header.row; r <= last; r++) {
      const a = grid.anchor(r, c);
      if (a.row !== r && r !== header.row) continue;
      const v = grid.value(r, c);
      if (typeof v !== 'string') continue;
      const l = levelLabel(v);
      if (l.points !== undefined && /指标/.test(l.name)) return l.points;
    }
  }
  return undefined;
}
