// The recognised table, as rules and scores see it. Internal to the core.
import type { BudgetKey, BudgetLine, CellValue, ColumnKey, IndicatorType, ParsedValue } from '../types.js';
import type { Grid } from '../sheet/grid.js';

export interface IndicatorRow {
  /** 1-based sheet row. */
  row: number;
  level1: string;
  level2: string;
  name: string;
  typeText: string;
  /** 定量/定性 as written or inferred; '' when written but neither. */
  type: IndicatorType | '';
  typeInferred: boolean;
  valueText: string;
  value: ParsedValue;
  unit: string;
  unitText: string;
  content: string;
  remark: string;
  ownWeight?: number;
  ownWeightText?: string;
  actualText?: string;
  actual?: ParsedValue;
  deviation?: string;
  /** Which way is better, as 指标性质 states it (正向/反向); undefined when the table does not say. */
  direction?: 'higher' | 'lower';
  /** 得分 published in the table's own 得分 column. */
  publishedText?: string;
  published?: number;
  /** A1 address of each recognised column's cell on this row. */
  cells: Partial<Record<ColumnKey, string>>;
}

export interface Level2Group {
  name: string;
  rows: [number, number];
  weightText: string;
  weight?: number;
  weightCell?: string;
  labelCell?: string;
  indicators: IndicatorRow[];
  /** Template slot rows (「指标1：」「……」) under it: a 二级 of only slots is not applicable. */
  slots: number;
}

export interface Level1Group {
  name: string;
  rows: [number, number];
  labelCell?: string;
  /** Points the label itself states: 「产出指标(50分)」 → 50. */
  labelPoints?: number;
  weightText: string;
  weight?: number;
  weightCell?: string;
  level2: Level2Group[];
  indicators: IndicatorRow[];
}

export interface TableModel {
  sheet: string;
  grid: Grid;
  headerRow: number;
  firstIndicatorRow: number;
  lastIndicatorRow: number;
  /** First row of the table's block (title or first label above the header). */
  top: number;
  left: number;
  /** Rightmost column with a header label. */
  right: number;
  columns: Partial<Record<ColumnKey, number>>;
  unitName: string;
  goal: string;
  goalCell?: string;
  /** The 年度绩效目标 label, when the block has one. */
  goalLabelCell?: string;
  /** Columns that must be filled on every indicator row (starred by the template, or 指标值设定依据). */
  required: { column: number; label: string }[];
  level1: Level1Group[];
  indicators: IndicatorRow[];
  budget: Partial<Record<BudgetKey, BudgetLine>>;
  /** The 一级 set is the national 产出/效益/满意度 form. */
  national: boolean;
  /** Header labels the checker does not know, by column: kept, never fatal. */
  others: { column: number; label: string }[];
  /** Template slot rows skipped, and the first one's 三级 cell. */
  slotRows: number;
  slotCell?: string;
  /** Points the table states for its indicators as a whole: 「绩效指标(90分)」 → 90. */
  statedIndicatorPoints?: number;
  /** The 项目资金 / 预算执行情况 block of project forms and 自评表. */
  funds?: FundsBlock;
}

export type FundsColumn = 'amount' | 'initial' | 'budget' | 'executed' | 'points' | 'rate' | 'score';

export interface FundsCell {
  cell: string;
  raw: CellValue;
  amount?: number;
  blank: boolean;
}

export interface FundsLine {
  label: string;
  row: number;
  cells: Partial<Record<FundsColumn, FundsCell>>;
}

export interface FundsBlock {
  /** The block's own label: 项目资金, 预算执行情况. */
  title: string;
  total: FundsLine;
  parts: FundsLine[];
  /** Columns present (the one-column form has only 'amount'). */
  columns: FundsColumn[];
}
