// The core's contract: a plain snapshot of a workbook in, a report out.
// Adapters (Excel, exceljs, the workbench) produce snapshots and apply write plans;
// nothing here knows about Office, the DOM or files.

/** A cell value as a spreadsheet shows it after calculation (formula results, not formulas). */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based sheet row of values[0] (Office's rowIndex of the used range). */
  startRow: number;
  /** 0-based sheet column of values[r][0]. */
  startColumn: number;
  /** Rows of cells of the used range; rows may be ragged (missing cells are empty). */
  values: CellValue[][];
  /** Number formats, same shape as values where known ("General" or "" when unknown). */
  numberFormats?: string[][];
  /** Merged areas as A1 ranges on this sheet, e.g. "A12:A22". */
  merges: string[];
  /** True when the sheet is protected (writing must then be refused). */
  protected?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export type Severity = 'error' | 'warning' | 'info';
export type Topic = 'structure' | 'weights' | 'budget' | 'value-format' | 'scoring';
/** The 审核维度 of 财预〔2015〕88号 a rule serves: 完整性, 相关性, 适当性, 可行性. */
export type Dimension = 'completeness' | 'relevance' | 'appropriateness' | 'feasibility';
export type Lang = 'zh' | 'en';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface Finding {
  rule: string;
  /**
   * Which of the rule's messages this is (e.g. "notNumber"), so tests and tools can tell findings
   * apart without reading their wording. Always set by the checker; optional for findings made by hand.
   */
  messageId?: string;
  severity: Severity;
  topic: Topic;
  dimension: Dimension;
  sheet: string;
  /** A1 addresses (cells or ranges) on `sheet`. */
  cells: string[];
  message: LocalizedText;
  /** 1-based sheet row of the indicator the finding belongs to, if any. */
  indicatorRow?: number;
  /**
   * Set when a reviewer accepted (忽略) the finding. Accepted findings stay in `findings` so
   * they can be listed apart, but no longer count: not in a row's status or score, not a failure.
   */
  accepted?: AcceptanceNote;
  /** The 三级 name of the row the finding is on (what an acceptance is matched by when rows move). */
  indicator?: string;
}

/** Who accepted a finding, when and why (all optional). */
export interface AcceptanceNote {
  reason?: string;
  by?: string;
  /** As recorded, normally ISO "2026-05-01". */
  date?: string;
}

/**
 * A reviewer's decision to accept (忽略) a finding, stored in the workbook (sheet `_jixiao_accepted`).
 * Matched to a finding by rule + sheet + indicator name when the finding belongs to an indicator
 * (so it survives rows moving), else by rule + sheet + the same cells.
 */
export interface Acceptance extends AcceptanceNote {
  rule: string;
  sheet: string;
  /** 三级指标 name of the finding's row, when it has one. */
  indicator?: string;
  /** The finding's cells when accepted (A1, as in Finding.cells). */
  cells: string[];
}

export type Comparator = '>=' | '<=' | '>' | '<' | '=';

/** A target or actual value as written in a 指标值 cell. */
export interface ParsedValue {
  /** The text as read (numbers rendered as a user would see them). */
  raw: string;
  kind: 'empty' | 'number' | 'text';
  comparator?: Comparator;
  /** The number, in the unit of `unit` (95 for "≥95%"; 95 for 0.95 formatted 0%). */
  number?: number;
  /** Unit written inside the value ("%", "项", "万元"), normalised; "" when none. */
  unit: string;
  /** A date target or actual ("2023年12月31日前", a date serial): ISO "2023-12-31"; `number` is then yyyymmdd and `unit` "日期". */
  date?: string;
}

export type IndicatorType = '定量' | '定性';

export interface Indicator {
  /** 1-based sheet row. */
  row: number;
  level1: string;
  level2: string;
  name: string;
  /** As written, or inferred when the column is absent/blank (see typeInferred). */
  type: IndicatorType | string;
  typeInferred: boolean;
  valueText: string;
  value: ParsedValue;
  /** 度量单位 cell text, normalised ("" when blank). */
  unit: string;
  content: string;
  remark: string;
  /** Per-三级 分值/权重 written in the table, when it has such a column. */
  ownWeight?: number;
  /** 实际完成值 as written, for the self-evaluation stage. */
  actualText?: string;
  /** 得分 as the table publishes it (a filled 自评表). */
  publishedScore?: number;
  points: number;
  score: number;
  status: 'ok' | Severity;
  /** How the score was reached, for the note on the row. */
  scoreNote?: LocalizedText;
}

export interface Level1 {
  name: string;
  /** A1 address of its 权重 cell, when the table has a 权重 column. */
  weightCell?: string;
  weight?: number;
  /** 1-based first and last sheet rows. */
  rows: [number, number];
  level2: { name: string; rows: [number, number]; weight?: number; weightCell?: string }[];
}

export type ColumnKey =
  | 'l1'
  | 'weight'
  | 'l2'
  | 'l2weight'
  | 'l3'
  | 'points'
  | 'type'
  | 'comparator'
  /** 指标性质: 正向/反向 (which way is better), or a comparator. */
  | 'nature'
  | 'value'
  | 'unit'
  | 'content'
  | 'remark'
  | 'actual'
  | 'deviation'
  | 'scoring'
  /** A 得分 column the table publishes itself (a filled 自评表); ours is then headed 复核得分. */
  | 'published'
  | 'result';

export type BudgetKey =
  | 'personnel'
  | 'publicUse'
  | 'basicTotal'
  | 'projectLocal'
  | 'transfer'
  | 'expenseTotal'
  | 'srcUpper'
  | 'srcLocal'
  | 'srcOther'
  | 'incomeTotal'
  | 'expenseBudgetTotal';

export interface BudgetLine {
  cell: string;
  raw: CellValue;
  /** Parsed amount in 万元; undefined when blank or not a number. */
  amount?: number;
  blank: boolean;
}

export interface TableReport {
  sheet: string;
  /** 1-based row of the indicator header. */
  headerRow: number;
  firstIndicatorRow: number;
  lastIndicatorRow: number;
  /** A1 range from the title (or first block above the header) to the last indicator cell. */
  range: string;
  unitName: string;
  goal: string;
  stage: 'target' | 'self-evaluation';
  /** Column letters of the recognised columns. */
  columns: Partial<Record<ColumnKey, string>>;
  /** Header columns whose label the checker does not know: kept and shown, never fatal. */
  otherColumns?: { column: string; label: string }[];
  /** Template slot rows (「指标1：」「……」「/」) skipped as not indicators. */
  slotRows?: number;
  /** With a library: the 三级 that match no 共性指标 (the table's own 个性指标). */
  individual?: string[];
  level1: Level1[];
  indicators: Indicator[];
  budget: Partial<Record<BudgetKey, BudgetLine>>;
  /** 项目资金 block of project forms: 执行率 = 执行数 / 预算数, its 得分 = 分值 × 执行率 (capped). */
  execution?: { rate: number; points?: number; score?: number };
  findings: Finding[];
  totals: { points: number; score: number; reserved: number; grade?: '优' | '良' | '中' | '差' };
}

export interface Report {
  tables: TableReport[];
  /** Sheets that hold no such table, by name. */
  sheetsWithoutTable: string[];
}

/** A 共性指标 of a profile's library (相关性). */
export interface LibraryIndicator {
  /** The standard name, as budget systems list it. */
  name: string;
  /** The 二级 it belongs under (质量 for 质量指标); "" for any. */
  level2: string;
  /** Its unit ("%" for rates, "" for 定性, "日期" for a date). */
  unit: string;
  direction?: 'higher' | 'lower';
  /** A typical target range, for the reviewer. */
  range?: [number, number];
}

/** A rule turned off, or run with another severity. */
export type RuleSetting = 'off' | Severity;

export interface CheckOptions {
  /** Points reserved outside the table (e.g. 10 for 预算执行率); Σ一级 must be 100 − reserved. */
  reservedPoints?: number;
  /**
   * 一级 weights to use when the table has no 权重 column, by 一级 name. A 成本指标 not named
   * here shares 产出指标's weight by indicator count.
   */
  level1Weights?: Record<string, number>;
  /** By rule id: 'off' skips the rule, a severity replaces the rule's own. Unknown ids are ignored here (parseConfig rejects them). */
  rules?: Record<string, RuleSetting>;
  /** The template's 一级 names; when set, any other 一级 is reported (structure/unknown-level1). */
  allowedLevel1?: string[];
  /** 二级 names the template requires under each 一级 (structure/level2-required). */
  requiredLevel2?: Record<string, string[]>;
  /** Least share of 定量 indicators per table, 0–1 (value-format/quantitative-share); off when unset. */
  minQuantitativeShare?: number;
  /** The 共性指标 library the 三级 are matched against (相关性); none when unset. */
  library?: LibraryIndicator[];
  /** Last year's indicators (a checked or self-evaluated table), for the 可行性 comparisons. */
  previous?: Indicator[];
  /** Accepted findings, in addition to those stored in the workbook's `_jixiao_accepted` sheet. */
  accepted?: Acceptance[];
  /**
   * Acceptances stored in the workbook that are not applied, compared by value: a file's own
   * record is a claim by whoever submitted it, which a reviewer's batch need not take.
   */
  ignoreStored?: Acceptance[];
}

/** One cell the adapters write into the result (得分) column. */
export interface CellWrite {
  address: string;
  value: string | number;
  numberFormat: string;
  /** Fill colour "#RRGGBB", or undefined for none. */
  fill?: string;
  /** Note text listing the row's findings, or undefined for none. */
  note?: string;
  /**
   * Bold, like the header row (our 得分 header). Where the cell is not bold yet the adapter makes
   * it bold and writes RESULT_HEADER_BOLD_FORMAT for `numberFormat`, so 清除结果 knows the bold was ours.
   */
  bold?: boolean;
}

export interface SheetWritePlan {
  sheet: string;
  /** Column letter of the result column. */
  column: string;
  /** Cells written by an earlier run to clear first (addresses), not rewritten below. */
  clear: string[];
  writes: CellWrite[];
  /** Cells on the table's rows we would have written but hold a user's content. */
  skipped: string[];
}
