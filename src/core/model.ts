// The recognised table, as rules and scores see it. Internal to the core.
import type { BudgetKey, BudgetLine, ColumnKey, IndicatorType, ParsedValue } from './types.js';
import type { Grid } from './grid.js';

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
}

export interface Level1Group {
  name: string;
  rows: [number, number];
  labelCell?: string;
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
  level1: Level1Group[];
  indicators: IndicatorRow[];
  budget: Partial<Record<BudgetKey, BudgetLine>>;
  /** The 一级 set is the national 产出/效益/满意度 form. */
  national: boolean;
}
