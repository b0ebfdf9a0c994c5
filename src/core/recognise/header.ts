// Header rows: a 三级 column beside a value-like column, by the meaning of the labels (an open
// vocabulary), and the other columns beside them.
import type { CellValue, ColumnKey } from '../types.js';
import { Grid } from '../sheet/grid.js';
import { cellText, normaliseLabel } from '../sheet/text.js';
import { isOurHeader } from '../write/marks.js';

/** A header label without bracketed notes: "权重(%)" → "权重", "三级\n指标" → "三级指标". */
export function headerCore(value: CellValue): string {
  return normaliseLabel(value).replace(/\([^)]*\)/g, '').replace(/[【】[\]]/g, '');
}

export type WeightLike = 'weight' | 'l2weight' | 'points' | 'any';

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

export interface Header {
  row: number;
  columns: Partial<Record<ColumnKey, number>>;
  left: number;
  right: number;
  others: { column: number; label: string }[];
  /** Columns the template marks required with a star (「*指标解释」), and 指标值设定依据. */
  required: { column: number; label: string }[];
}

/** The 三级 column: 三级指标, or the 指标名称 / 具体指标 some templates use beside 二级指标. */
export const L3_LABEL = /^(三级(指标)?(名称)?|指标名称|具体指标|三级指标内容)$/;

/** Cheap test before classifying a row: a header has a short cell naming 三级. */
export function mayBeHeader(grid: Grid, row: number): boolean {
  for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
    const v = grid.value(row, c);
    if (typeof v === 'string' && v.length <= 20 && L3_LABEL.test(v.replace(/[\s*＊]/g, ''))) return true;
  }
  return false;
}

export function readHeader(grid: Grid, row: number): Header | undefined {
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
