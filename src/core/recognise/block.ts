// The block above the header: the title, 单位（部门）名称 by rank of its label, and 年度绩效目标.
import type { CellValue } from '../types.js';
import { Grid } from '../sheet/grid.js';
import { address } from '../sheet/a1.js';
import { cellText, isBlank } from '../sheet/text.js';
import { headerCore } from './header.js';

/** Labels that introduce the unit's name, best first; 主管部门 names the unit above, so it comes last. */
export const UNIT_LABELS: RegExp[] = [
  /^(单位\(部门\)名称|部门\(单位\)名称|单位名称|部门名称|单位\(部门\)|部门\(单位\))$/,
  /^(预算单位|预算单位名称|实施单位|实施单位名称|填报单位|预算部门|申报单位)$/,
  /^单位$/,
  /^(主管部门|主管部门及代码|主管部门名称)$/,
];

export function unitLabelRank(label: string): number {
  return UNIT_LABELS.findIndex((re) => re.test(label));
}

export const TITLE = /绩效目标.*表|绩效.*申报表|自评表|绩效目标申报/;
export const GOAL = /^(年度(总体)?绩效目标|整体绩效目标|年度目标|总体目标|绩效目标|年度总体目标)$/;

/** Another label, never a value: 「主管部门 | | 实施单位 | …」 has no 主管部门 name. */
export function isLabel(v: CellValue): boolean {
  if (typeof v !== 'string') return false;
  const label = headerCore(v);
  return unitLabelRank(label) >= 0 || GOAL.test(label) || TITLE.test(v) || /^(项目名称|项目资金|代码|部门代码|单位代码|主管部门及代码)/.test(label);
}

/** The value written right of a label on the same row: the first non-blank cell after it, unless that is another label. */
export function valueRightOf(grid: Grid, row: number, column: number): { text: string; cell?: string } {
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

export function titleUnitName(title: string): string {
  const name = title
    .replace(/\s+/g, '')
    .replace(/^\d{4}年度?/, '')
    .replace(/(部门)?(单位)?整体支出绩效(目标)?(申报|自评)?表.*$/, '')
    .replace(/\d{4}年度?$/, '');
  // A title with no unit in it ("项目支出绩效自评表") names none.
  return /绩效|^(项目|部门|单位)?(支出)?$/.test(name) ? '' : name;
}
