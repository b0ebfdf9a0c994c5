// The table the tests start from, and what they change in it: a 整体支出绩效目标表 laid out the
// way offices do — title, 单位名称, 年度绩效目标, the 预算情况 block, the header, then indicator
// rows with 一级/二级 merged down. `tableLayout` puts a spec on a grid (grids.ts) for tests of
// the core alone; workbooks.ts writes the same spec into an exceljs workbook.
import { address, type BudgetKey, type CellValue, type WorkbookSnapshot } from '../../src/core/index.js';
import { isLayout, workbookOf, type Layout } from './grids.js';

export interface RowSpec {
  l1?: string;
  weight?: CellValue;
  l2?: string;
  l2weight?: CellValue;
  name?: string;
  type?: string;
  value?: CellValue;
  /** Number format of the value cell (e.g. "0%"). */
  valueFormat?: string;
  comparator?: string;
  unit?: string;
  content?: string;
  remark?: string;
  points?: CellValue;
  actual?: CellValue;
  actualFormat?: string;
  deviation?: string;
}

export type Column = keyof RowSpec;

export interface TableSpec {
  sheet?: string;
  title?: string | null;
  unitName?: string | null;
  goal?: string | null;
  /** Budget amounts by line; null leaves the block out. Formulas as { formula, result }. */
  budget?: Partial<Record<BudgetKey, CellValue | { formula: string; result: number }>> | null;
  /** Columns in order; header labels may be overridden with `labels`. */
  columns?: Column[];
  labels?: Partial<Record<Column, string>>;
  rows?: RowSpec[];
  /** Merge 一级/权重/二级 labels down (default) or fill them on every row. */
  layout?: 'merged' | 'filled' | 'first-only';
  /** 1-based row and column where the table's block starts (default A1). */
  at?: { row: number; column: number };
  /** Blank spacer column inserted after this column. */
  spacerAfter?: Column;
  /** Rows of other content placed below the table. */
  below?: string[][];
}

export const DEFAULT_COLUMNS: Column[] = ['l1', 'weight', 'l2', 'name', 'type', 'value', 'unit', 'content', 'remark'];

export const LABELS: Record<Column, string> = {
  l1: '一级指标',
  weight: '权重',
  l2: '二级指标',
  l2weight: '二级权重',
  name: '三级指标',
  type: '指标值类型',
  value: '指标值',
  comparator: '指标性质',
  unit: '度量单位',
  content: '指标值内容',
  remark: '备注',
  points: '分值',
  actual: '实际完成值',
  actualFormat: '',
  valueFormat: '',
  deviation: '偏差原因分析及改进措施',
};

/** A table with no problems: 4 一级 weighing 100, each row well formed. */
export function validRows(): RowSpec[] {
  return [
    { l1: '基本运行指标', weight: 10, l2: '预算收支管理', name: '基本支出预算执行率', type: '定量', value: 100, unit: '%', content: '基本支出执行率达 100%' },
    { name: '“三公”经费控制率', type: '定量', value: '≤0', unit: '%', content: '无三公经费支出' },
    { l2: '财会管理', name: '财务管理制度健全性', type: '定性', value: '健全', unit: '', remark: '制度覆盖财务工作全流程' },
    { l1: '重点履职指标', weight: 30, l2: '数量指标', name: '核心服务工作完成项', type: '定量', value: '≥8', unit: '项', content: '完成核心工作不少于 8 项' },
    { l2: '质量指标', name: '职工诉求办结率', type: '定量', value: 100, unit: '%', remark: '按时办结率 100%' },
    { l2: '时效指标', name: '应急事项响应时间', type: '定量', value: '≤3', unit: '工作日', remark: '3 个工作日内响应' },
    { l1: '部门综合指标', weight: 30, l2: '社会效益', name: '劳动关系和谐度', type: '定性', value: '提升', content: '劳动关系和谐程度较上年提升' },
    { l2: '服务对象满意度', name: '职工整体满意度', type: '定量', value: '≥95', unit: '%', remark: '满意度不低于 95%' },
    { l1: '可持续发展能力指标', weight: 30, l2: '制度建设', name: '制度执行到位率', type: '定量', value: 100, unit: '%', remark: '执行到位率 100%' },
    { l2: '改革创新', name: '服务模式创新数', type: '定量', value: '≥1', unit: '项', remark: '至少 1 项新模式' },
  ];
}

export const VALID_BUDGET: NonNullable<TableSpec['budget']> = {
  personnel: 130.4,
  publicUse: 12.42,
  basicTotal: 142.82,
  projectLocal: 10,
  transfer: null,
  expenseTotal: 152.82,
  srcUpper: 10,
  srcLocal: 142.82,
  srcOther: null,
  incomeTotal: 152.82,
  expenseBudgetTotal: 152.82,
};

/** The valid rows with row i changed. */
export function rowsWith(i: number, patch: RowSpec): RowSpec[] {
  const rows = validRows();
  rows[i] = { ...rows[i], ...patch };
  return rows;
}

/** A spec's table on a grid from A1: the cells, merges and number formats workbooks.ts's writeTable writes. */
export function tableLayout(spec: TableSpec): Layout {
  const grid: (CellValue | undefined)[][] = [];
  const merges: string[] = [];
  const formats: Record<string, string> = {};
  // 1-based rows and columns, as writeTable counts them.
  const put = (row: number, column: number, value: CellValue | { formula: string; result: number } | undefined) => {
    if (value === undefined || value === null) return;
    (grid[row - 1] ??= [])[column - 1] = typeof value === 'object' ? value.result : value;
  };
  const merge = (top: number, left: number, bottom: number, right: number) => merges.push(`${address(top, left - 1)}:${address(bottom, right - 1)}`);
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
    put(r, left, title);
    merge(r, left, r, right);
    r++;
  }
  const unitName = spec.unitName === undefined ? '测试单位' : spec.unitName;
  if (unitName !== null) {
    put(r, left, '单位（部门）名称');
    put(r, left + 1, unitName);
    merge(r, left + 1, r, right);
    r++;
  }
  const goal = spec.goal === undefined ? '规范使用 152.82万元 财政资金，保障单位运行。' : spec.goal;
  if (goal !== null) {
    put(r, left, '年度绩效目标');
    put(r, left + 1, goal);
    merge(r, left + 1, r, right);
    r++;
  }
  const budget = spec.budget === undefined ? VALID_BUDGET : spec.budget;
  if (budget !== null) {
    // The seed's layout: labels in left+1..left+2, amounts in left+3; sources in left+4, amounts left+5.
    const b = r;
    put(b, left, '预算情况（万元）');
    merge(b, left, b + 6, left);
    put(b, left + 1, '按支出类型分');
    merge(b, left + 1, b, left + 2);
    put(b, left + 3, '预算金额（万元）');
    put(b, left + 4, '按来源类型分');
    put(b, left + 5, '预算金额（万元）');
    put(b + 1, left + 1, '基本支出');
    merge(b + 1, left + 1, b + 3, left + 1);
    put(b + 1, left + 2, '人员经费');
    put(b + 1, left + 3, budget.personnel);
    put(b + 2, left + 2, '公用经费');
    put(b + 2, left + 3, budget.publicUse);
    put(b + 3, left + 2, '合计');
    put(b + 3, left + 3, budget.basicTotal);
    put(b + 4, left + 1, '项目支出');
    put(b + 4, left + 2, '本级');
    put(b + 4, left + 3, budget.projectLocal);
    put(b + 5, left + 1, '对下转移支付');
    merge(b + 5, left + 1, b + 5, left + 2);
    put(b + 5, left + 3, budget.transfer);
    put(b + 6, left + 1, '合计');
    merge(b + 6, left + 1, b + 6, left + 2);
    put(b + 6, left + 3, budget.expenseTotal);
    put(b + 1, left + 4, '上级财政补助');
    put(b + 1, left + 5, budget.srcUpper);
    put(b + 2, left + 4, '本级财政安排');
    put(b + 2, left + 5, budget.srcLocal);
    put(b + 3, left + 4, '其他资金');
    put(b + 3, left + 5, budget.srcOther);
    put(b + 4, left + 4, '收入预算合计');
    put(b + 4, left + 5, budget.incomeTotal);
    put(b + 5, left + 4, '支出预算合计');
    put(b + 5, left + 5, budget.expenseBudgetTotal);
    r = b + 7;
  }
  const headerRow = r;
  for (const k of columns) put(headerRow, colOf.get(k) as number, spec.labels?.[k] ?? LABELS[k]);
  const rows = spec.rows ?? validRows();
  const layout = spec.layout ?? 'merged';
  const first = headerRow + 1;
  // Groups for merging: a label starts a group that runs until the next label in that column.
  const last: Partial<Record<Column, CellValue>> = {};
  const starts: Partial<Record<Column, number>> = {};
  const closeGroup = (k: Column, end: number) => {
    const s = starts[k];
    const col = colOf.get(k);
    if (s === undefined || col === undefined) return;
    if (layout === 'merged' && end > s) merge(s, col, end, col);
  };
  rows.forEach((row, i) => {
    const at = first + i;
    for (const k of columns) {
      const col = colOf.get(k) as number;
      if (k === 'l1' || k === 'weight' || k === 'l2' || k === 'l2weight') {
        const own = row[k];
        // A new 一级 also restarts its weight (and 二级) groups.
        const restart = own !== undefined || (k === 'weight' && row.l1 !== undefined) || (k === 'l2weight' && row.l2 !== undefined);
        if (restart) {
          closeGroup(k, at - 1);
          starts[k] = at;
          last[k] = own ?? null;
          put(at, col, own);
        } else if (layout === 'filled') put(at, col, last[k]);
        continue;
      }
      const v = row[k];
      if (v === undefined) continue;
      if (typeof v === 'string' && k !== 'value' && k !== 'actual' && v === '') continue;
      put(at, col, v);
      if (k === 'value' && row.valueFormat) formats[address(at, col - 1)] = row.valueFormat;
      if (k === 'actual' && row.actualFormat) formats[address(at, col - 1)] = row.actualFormat;
    }
  });
  const end = first + rows.length - 1;
  for (const k of ['l1', 'weight', 'l2', 'l2weight'] as Column[]) closeGroup(k, end);
  let next = end + 1;
  for (const line of spec.below ?? []) {
    line.forEach((v, j) => put(next, left + j, v));
    next++;
  }
  return { sheet: spec.sheet ?? '整体支出绩效目标表', grid: Array.from(grid, (row) => row ?? []), merges, formats };
}

/** The core's snapshot of a spec's table or of a layout, built directly (no exceljs). */
export function snapshot(spec: TableSpec | Layout): WorkbookSnapshot {
  return workbookOf(isLayout(spec) ? spec : tableLayout(spec));
}
