// The check as both hosts run it: snapshot → core → write plan → write. One place, so Excel
// and the workbench cannot drift apart.
import { checkWorkbook, planClear, planResults } from '../core/index.js';
import type { Lang, SheetWritePlan, WorkbookSnapshot } from '../core/types.js';
import type { CheckResult, WrittenColumn } from './host.js';

/** The part of a workbook adapter (src/excel, the workbench simulator) that the check needs. */
export interface CheckAdapter {
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** May report cells where the user's own note or comment was kept instead of ours. */
  writeResults(plans: SheetWritePlan[], opts: { notes: boolean; fills: boolean }): Promise<{ keptUserAnnotations?: string[] } | void>;
  /** May resolve to the number of cells it cleared. */
  clearResults(targets: { sheet: string; cells: string[] }[]): Promise<number | void>;
}

export interface RunCheckOptions {
  /** Write the 得分 column; when false the workbook is only read. */
  write: boolean;
  notes: boolean;
  fills: boolean;
  reservedPoints: number;
  /** Language of the notes written into the workbook. */
  lang: Lang;
}

export async function runCheck(adapter: CheckAdapter, options: RunCheckOptions): Promise<CheckResult> {
  const snapshot = await adapter.readSnapshot();
  const report = checkWorkbook(snapshot, { reservedPoints: options.reservedPoints });
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
