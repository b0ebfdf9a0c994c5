// The workflow's port over a copy of an .xlsx package: the session's plans are collected, then
// patched into the original bytes in one go, so every part we did not mean to change stays as it
// was. The CLI's --out copies run the same session as Excel and the workbench through it.
import { ACCEPTED_SHEET, type AcceptanceSheetPlan, type ReportSheetPlan, type SheetWritePlan, type WorkbookSnapshot } from '../../core/index.js';
import type { WorkbookPort } from '../../workflow/index.js';
import { patchWorkbook } from './patch.js';
import { acceptanceSheet, editsOfPlans, reportSheet } from './plans.js';
import type { OwnSheet, SheetEdit } from './types.js';

export interface CopyPort extends WorkbookPort {
  /** True once a plan was handed to the port: a copy is worth writing. */
  readonly changed: boolean;
  /** The patched package, and our sheets that a protected workbook structure kept out. */
  save(): { bytes: Uint8Array; lockedOut: string[] };
}

export function createCopyPort(bytes: Uint8Array, read: WorkbookSnapshot): CopyPort {
  let snapshot = read;
  const sheets = new Map<string, SheetEdit>();
  const own = new Map<string, OwnSheet>();
  let changed = false;
  const keep = (edits: SheetEdit[]) => {
    for (const e of edits) sheets.set(e.sheet, e);
    changed = true;
  };
  return {
    get changed() {
      return changed;
    },
    readSnapshot: () => Promise.resolve(snapshot),
    writeResults(plans: SheetWritePlan[]) {
      const refused: string[] = [];
      keep(editsOfPlans(plans, snapshot, refused));
      return Promise.resolve(refused.length ? { refused } : {});
    },
    clearResults(targets) {
      keep(editsOfPlans(targets.map((t) => ({ sheet: t.sheet, column: '', clear: t.cells, writes: [], skipped: [] })), snapshot));
      return Promise.resolve(targets.reduce((n, t) => n + t.cells.length, 0));
    },
    writeAcceptances(plan: AcceptanceSheetPlan) {
      own.set(plan.sheet, acceptanceSheet(plan));
      // A later read sees the stored acceptances, as in a workbook.
      const sheet = { name: ACCEPTED_SHEET, startRow: 0, startColumn: 0, values: plan.rows, merges: [] };
      snapshot = { sheets: [...snapshot.sheets.filter((s) => s.name !== ACCEPTED_SHEET), sheet] };
      changed = true;
      return Promise.resolve();
    },
    writeReportSheet(plan: ReportSheetPlan) {
      own.set(plan.sheet, reportSheet(plan));
      changed = true;
      return Promise.resolve({ sheet: plan.sheet, rows: plan.rows.length, created: !snapshot.sheets.some((s) => s.name === plan.sheet) });
    },
    save() {
      // Our sheets in one order whatever the session's order of writes: the hidden record, then the report.
      const ownSheets = [...own.values()].sort((a, b) => Number(b.name === ACCEPTED_SHEET) - Number(a.name === ACCEPTED_SHEET));
      const patched = patchWorkbook(bytes, { sheets: [...sheets.values()], ownSheets });
      return { bytes: patched.bytes, lockedOut: patched.lockedOut };
    },
  };
}
