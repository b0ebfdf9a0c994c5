// What both hosts run: snapshot → core → write plans → writes, for the check, 忽略 / 取消忽略,
// the 校验报告 and clearing. One place, so Excel and the workbench cannot drift apart.
import {
  ACCEPTED_SHEET,
  checkWorkbook,
  mergeAcceptances,
  planAcceptanceSheet,
  planClear,
  planReportSheet,
  planResults,
  readAcceptances,
  markAccepted,
  type AcceptanceSheetPlan,
  type ReportSheetPlan,
} from '../core/index.js';
import type { Acceptance, CheckOptions, Finding, Lang, Report, SheetWritePlan, WorkbookSnapshot } from '../core/types.js';
import type { CheckResult, ReportWritten, WrittenColumn } from './host.js';

/** The part of a workbook adapter (src/excel, the workbench simulator) that the pane needs. */
export interface CheckAdapter {
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** May report cells where the user's own note or comment was kept instead of ours. */
  writeResults(plans: SheetWritePlan[], opts: { notes: boolean; fills: boolean }): Promise<{ keptUserAnnotations?: string[] } | void>;
  /** May resolve to the number of cells it cleared. */
  clearResults(targets: { sheet: string; cells: string[] }[]): Promise<number | void>;
  /** Replaces the very hidden sheet of accepted findings. */
  writeAcceptances(plan: AcceptanceSheetPlan): Promise<void>;
  /** Adds or refreshes the 校验报告 sheet. */
  writeReportSheet(plan: ReportSheetPlan): Promise<Partial<ReportWritten> | void>;
}

export interface RunCheckOptions {
  /** Write the 得分 column; when false the workbook is only read. */
  write: boolean;
  notes: boolean;
  fills: boolean;
  reservedPoints: number;
  /** The rest of the core's options (template, rule settings); reservedPoints above wins. */
  check?: CheckOptions;
  /** Language of the notes and the report written into the workbook. */
  lang: Lang;
}

function coreOptions(options: RunCheckOptions): CheckOptions {
  return { ...options.check, reservedPoints: options.reservedPoints };
}

export async function runCheck(adapter: CheckAdapter, options: RunCheckOptions): Promise<CheckResult> {
  return checkAndWrite(adapter, await adapter.readSnapshot(), options);
}

/** Checks a snapshot just read and writes the 得分 column when asked. */
async function checkAndWrite(adapter: CheckAdapter, snapshot: WorkbookSnapshot, options: RunCheckOptions): Promise<CheckResult> {
  const report = checkWorkbook(snapshot, coreOptions(options));
  if (!options.write) return { report, written: [] };

  const plans = planResults(snapshot, report, { notes: options.notes, fills: options.fills, lang: options.lang });
  const protectedSheets = new Set(snapshot.sheets.filter((s) => s.protected).map((s) => s.name));
  // A protected sheet would make the whole write fail; leave it out and say so instead.
  const writable = plans.filter((p) => !protectedSheets.has(p.sheet));
  let keptUserAnnotations: string[] = [];
  if (writable.some((p) => p.writes.length > 0 || p.clear.length > 0)) {
    const summary = await adapter.writeResults(writable, { notes: options.notes, fills: options.fills });
    keptUserAnnotations = summary?.keptUserAnnotations ?? [];
  }
  const written: WrittenColumn[] = plans.map((p) =>
    protectedSheets.has(p.sheet)
      ? { sheet: p.sheet, column: p.column, cells: 0, skipped: p.skipped, protected: true }
      : { sheet: p.sheet, column: p.column, cells: p.writes.length, skipped: p.skipped },
  );
  return keptUserAnnotations.length ? { report, written, keptUserAnnotations } : { report, written };
}

/** Clears what earlier runs wrote; resolves to the number of cells cleared. */
export async function runClear(adapter: CheckAdapter): Promise<number> {
  const snapshot = await adapter.readSnapshot();
  const protectedSheets = new Set(snapshot.sheets.filter((s) => s.protected).map((s) => s.name));
  const targets = planClear(snapshot).filter((t) => t.cells.length > 0 && !protectedSheets.has(t.sheet));
  if (targets.length === 0) return 0;
  const cleared = await adapter.clearResults(targets);
  return typeof cleared === 'number' ? cleared : targets.reduce((n, t) => n + t.cells.length, 0);
}

/** 忽略 a finding (with who, when and why), or 取消忽略 one. */
export type AcceptanceChange =
  | { accept: Finding; reason?: string; by?: string; date: string }
  | { unaccept: Finding };

/** The 三级 name of the row a finding belongs to, in this report. */
function indicatorName(report: Report, f: Finding): string | undefined {
  if (f.indicatorRow === undefined) return undefined;
  const table = report.tables.find((t) => t.sheet === f.sheet && t.indicators.some((i) => i.row === f.indicatorRow));
  const name = table?.indicators.find((i) => i.row === f.indicatorRow)?.name.trim();
  return name || undefined;
}

/** True when the core would mark `f` accepted by `a` (the core's own matching, not a copy of it). */
function covers(a: Acceptance, f: Finding, name: string | undefined): boolean {
  const probe: Finding = { ...f };
  delete probe.accepted;
  markAccepted([probe], () => name, [a]);
  return probe.accepted !== undefined;
}

/** The snapshot as it is after the accepted sheet was replaced by `plan`. */
function withAcceptances(snapshot: WorkbookSnapshot, plan: AcceptanceSheetPlan): WorkbookSnapshot {
  const sheet = { name: ACCEPTED_SHEET, startRow: 0, startColumn: 0, values: plan.rows, merges: [] };
  return { sheets: [...snapshot.sheets.filter((s) => s.name !== ACCEPTED_SHEET), sheet] };
}

/**
 * Stores the change in the workbook's accepted sheet, then checks again (and writes the 得分
 * column as runCheck does) on the snapshot already read: only our hidden sheet changed.
 */
export async function runAccept(adapter: CheckAdapter, change: AcceptanceChange, options: RunCheckOptions): Promise<CheckResult> {
  const snapshot = await adapter.readSnapshot();
  const stored = readAcceptances(snapshot);
  const before = checkWorkbook(snapshot, coreOptions(options));
  let list: Acceptance[];
  if ('accept' in change) {
    const f = change.accept;
    const name = indicatorName(before, f);
    const acceptance: Acceptance = {
      rule: f.rule,
      sheet: f.sheet,
      cells: [...f.cells],
      ...(name ? { indicator: name } : {}),
      ...(change.reason?.trim() ? { reason: change.reason.trim() } : {}),
      ...(change.by?.trim() ? { by: change.by.trim() } : {}),
      date: change.date,
    };
    list = mergeAcceptances(stored, [acceptance]);
  } else {
    const f = change.unaccept;
    const name = indicatorName(before, f);
    list = stored.filter((a) => !covers(a, f, name));
  }
  const plan = planAcceptanceSheet(list);
  await adapter.writeAcceptances(plan);
  return checkAndWrite(adapter, withAcceptances(snapshot, plan), options);
}

/** Checks the workbook and adds (or refreshes) the 校验报告 sheet, dated `date`. */
export async function runReport(adapter: CheckAdapter, options: RunCheckOptions & { date: string }): Promise<ReportWritten> {
  const snapshot = await adapter.readSnapshot();
  const report = checkWorkbook(snapshot, coreOptions(options));
  const plan = planReportSheet(report, { lang: options.lang, date: options.date });
  const summary = await adapter.writeReportSheet(plan);
  return {
    sheet: summary?.sheet ?? plan.sheet,
    rows: summary?.rows ?? plan.rows.length,
    links: summary?.links ?? 0,
    created: summary?.created ?? true,
  };
}
