// The workflow's port: what a host's adapter implements (src/adapters/office, the simulator, the
// CLI's file copy, WPS), and what the session hands back. No host's API appears here.
import type { AcceptanceSheetPlan, LocalizedText, Report, ReportSheetPlan, SheetWritePlan, WorkbookSnapshot } from '../core/index.js';

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
  /** Cells ("Sheet!A1") the adapter found holding the user's content and left alone. */
  refused?: string[];
  /** The 校验报告 written with the check (RunCheckOptions.report). */
  reportWritten?: ReportWritten;
  /** Why the 校验报告 asked for was not written: the user has a sheet of that name, or ours is protected. */
  reportRefused?: 'name-taken' | 'protected';
}

/** How annotations can be attached in this Excel: notes (ExcelApi 1.18), comments (1.10), or colour only. */
export type AnnotationMode = 'notes' | 'comments' | 'fill';

export interface PaneCapabilities {
  /** Which spreadsheet the pane runs in, for the words it shows ("此版本 Excel …"); absent: Excel. */
  host?: 'excel' | 'wps';
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

/** What every host's adapter implements (Office.js, the simulator, a file copy, WPS): read a snapshot, apply plans. */
export interface WorkbookPort {
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** May report cells where the user's own note or comment was kept instead of ours. */
  writeResults(plans: SheetWritePlan[], opts: { notes: boolean; fills: boolean }): Promise<{ keptUserAnnotations?: string[]; refused?: string[] } | void>;
  /** May resolve to the number of cells it cleared. */
  clearResults(targets: { sheet: string; cells: string[] }[]): Promise<number | void>;
  /** Replaces the very hidden sheet of accepted findings. */
  writeAcceptances(plan: AcceptanceSheetPlan): Promise<void>;
  /** Adds or refreshes the 校验报告 sheet. */
  writeReportSheet(plan: ReportSheetPlan): Promise<Partial<ReportWritten> | void>;
}

/** A port with a user in front of it: selection, capabilities, edits watched. */
export interface PanePort extends WorkbookPort {
  selectCells(sheet: string, cells: string[]): Promise<unknown>;
  capabilities(): PaneCapabilities | Promise<PaneCapabilities>;
  watchChanges?(sheets: string[], onChange: (sheets: string[]) => void): Promise<(() => Promise<void>) | null>;
  readWarnings?(): LocalizedText[];
}
