// The one interface the task pane talks to. The pane never touches Office.js: Excel is behind
// officeHost.ts, the offline workbench behind its simulator. Both build on adapterHost.ts.
import type { ProfileName } from '../core/profiles.js';
import type { Finding, Lang, LocalizedText, Report, RuleSetting } from '../core/types.js';

export interface PaneSettings {
  /** 写入得分列: write the 得分 column beside each table. */
  writeScores: boolean;
  /** 添加批注: attach the row's findings as a note (or comment) on its score cell. */
  notes: boolean;
  /** 标记颜色: fill score cells of rows with errors or warnings. */
  fills: boolean;
  /** 预留分值: points scored outside the table (e.g. 10 for 预算执行率). */
  reservedPoints: number;
  /** Language chosen in the pane; undefined follows Office's display language. */
  lang?: Lang;
  /** 模板: the province's template (its 一级 set and weights); undefined checks any table. */
  profile?: ProfileName;
  /** Rules switched off or given another severity, by rule id (only those changed). */
  rules?: Record<string, RuleSetting>;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  writeScores: true,
  notes: true,
  fills: true,
  reservedPoints: 0,
};

/** What one run wrote into one sheet's result column. */
export interface WrittenColumn {
  sheet: string;
  /** Column letter of the 得分 column. */
  column: string;
  /** Cells written (header and scores). */
  cells: number;
  /** Cells on the table's rows left alone because they hold the user's content. */
  skipped: string[];
  /** True when nothing was written because the sheet is protected. */
  protected?: boolean;
}

export interface CheckResult {
  report: Report;
  /** Empty when writing is switched off. */
  written: WrittenColumn[];
  /** Cells ("Sheet!A1") that keep the user's own note or comment, so ours was not added. */
  keptUserAnnotations?: string[];
}

/** How annotations can be attached in this Excel: notes (ExcelApi 1.18), comments (1.10), or colour only. */
export type AnnotationMode = 'notes' | 'comments' | 'fill';

export interface PaneCapabilities {
  annotation: AnnotationMode;
  /** Merged areas can be read (ExcelApi 1.13); otherwise merges are inferred from blank labels. */
  mergesRead: boolean;
  /** All writes of a run are one undo step (ExcelApi 1.20). */
  undoGroup: boolean;
  /**
   * What Ctrl+Z does after a write: nothing below ExcelApi 1.19 (writes clear the undo stack),
   * one step per sync at 1.19, one step for the whole write at 1.20. Absent: as undoGroup says.
   */
  undo?: 'none' | 'per-sync' | 'one-step';
  /** Edits to a checked sheet can be watched for a live re-check (Worksheet.onChanged, ExcelApi 1.7). */
  liveRecheck?: boolean;
  /** The 校验报告 sheet links to cells (ExcelApi 1.7); otherwise it names them as text. */
  hyperlinks?: boolean;
}

/** Where the 校验报告 went. */
export interface ReportWritten {
  sheet: string;
  rows: number;
  /** Cells linked to their place in the workbook. */
  links: number;
  /** False when an earlier report of ours was refreshed. */
  created: boolean;
}

export interface PaneHost {
  /** Read the workbook, check it, and write results when `settings.writeScores` is on. */
  check(settings: PaneSettings): Promise<CheckResult>;
  /**
   * 忽略: store an acceptance of `finding` (with an optional reason, the reviewer's name and
   * today's date) in the workbook, then check again as `check` does.
   */
  accept(finding: Finding, note: { reason?: string; by?: string }, settings: PaneSettings): Promise<CheckResult>;
  /** 取消忽略: remove the stored acceptance(s) covering `finding`, then check again. */
  unaccept(finding: Finding, settings: PaneSettings): Promise<CheckResult>;
  /** 生成校验报告: check the workbook and add (or refresh) the 校验报告 sheet. */
  writeReport(settings: PaneSettings): Promise<ReportWritten>;
  /** Remove everything an earlier run wrote; resolves to the number of cells cleared. */
  clear(): Promise<number>;
  /** Select `cells` (A1 cells or ranges) on `sheet` and bring them into view. */
  select(sheet: string, cells: string[]): Promise<void>;
  /** Settings saved earlier (with the document in Excel), or null when none. */
  loadSettings(): Promise<PaneSettings | null>;
  saveSettings(settings: PaneSettings): Promise<void>;
  capabilities(): Promise<PaneCapabilities>;
  /**
   * Watch `sheets` for the user's edits (debounced; our own writes are not edits); resolves to a
   * function that stops watching, or null where the host cannot watch.
   */
  watch?(sheets: string[], onChange: (sheets: string[]) => void): Promise<(() => Promise<void>) | null>;
  /** What the last read had to give up (e.g. merged areas inferred), in both languages. */
  readWarnings?(): LocalizedText[];
  /** BCP 47 tag of the UI language of the host, e.g. "zh-CN" or "en-US". */
  displayLanguage(): string;
}
