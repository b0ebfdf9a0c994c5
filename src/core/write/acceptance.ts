// Accepted (忽略) findings: read from and planned into a very hidden sheet of the workbook itself,
// so the next reviewer sees what was accepted and why; matched again after rows move.
import type { Acceptance, AcceptanceNote, CellValue, Finding, WorkbookSnapshot } from '../types.js';
import { cellText, normaliseLabel } from '../sheet/text.js';

/** The very hidden sheet holding accepted findings, one per row under a header. */
export const ACCEPTED_SHEET = '_jixiao_accepted';

const COLUMNS = ['rule', 'sheet', 'indicator', 'cells', 'reason', 'by', 'date'] as const;
type Column = (typeof COLUMNS)[number];

export interface AcceptanceSheetPlan {
  sheet: typeof ACCEPTED_SHEET;
  /** Hide it so that only a VBA editor or an add-in shows it (Excel's xlSheetVeryHidden). */
  veryHidden: true;
  /** The whole sheet from A1: header row, then one acceptance per row. Replaces what was there. */
  rows: CellValue[][];
}

function cellList(text: string): string[] {
  return text
    .split(/[,，;；\s]+/)
    .map((c) => c.replace(/\$/g, '').toUpperCase())
    .filter((c) => c !== '');
}

/** The acceptances stored in the workbook; rows without a rule or sheet are skipped. */
export function readAcceptances(snapshot: WorkbookSnapshot): Acceptance[] {
  const sheet = snapshot.sheets.find((s) => s.name === ACCEPTED_SHEET);
  if (!sheet) return [];
  const rows = sheet.values;
  let header = -1;
  const at: Partial<Record<Column, number>> = {};
  for (let i = 0; i < rows.length && header < 0; i++) {
    const labels = (rows[i] ?? []).map((v) => cellText(v).toLowerCase());
    if (!labels.includes('rule') || !labels.includes('sheet')) continue;
    header = i;
    labels.forEach((l, j) => {
      if ((COLUMNS as readonly string[]).includes(l) && at[l as Column] === undefined) at[l as Column] = j;
    });
  }
  if (header < 0) return [];
  const out: Acceptance[] = [];
  for (let i = header + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const get = (c: Column): string => (at[c] === undefined ? '' : cellText(row[at[c] as number]));
    const rule = get('rule');
    const sheetName = get('sheet');
    if (rule === '' || sheetName === '') continue;
    const a: Acceptance = { rule, sheet: sheetName, cells: cellList(get('cells')) };
    for (const k of ['indicator', 'reason', 'by', 'date'] as const) {
      const v = get(k);
      if (v !== '') a[k] = v;
    }
    out.push(a);
  }
  return out;
}

/** What identifies an acceptance: a later one with the same key replaces an earlier one. */
function keyOf(a: Acceptance): string {
  const where = a.indicator ? `i:${normaliseLabel(a.indicator)}` : `c:${cellList(a.cells.join(',')).sort().join(',')}`;
  return `${a.rule}\u0000${a.sheet}\u0000${where}`;
}

/** Merge lists of acceptances, later entries replacing earlier ones with the same key. */
export function mergeAcceptances(...lists: Acceptance[][]): Acceptance[] {
  const byKey = new Map<string, Acceptance>();
  for (const list of lists) {
    for (const a of list) {
      const k = keyOf(a);
      byKey.delete(k); // keep the newest at the end
      byKey.set(k, a);
    }
  }
  return [...byKey.values()];
}

/** The whole `_jixiao_accepted` sheet for these acceptances (duplicates merged, the last kept). */
export function planAcceptanceSheet(list: Acceptance[]): AcceptanceSheetPlan {
  const rows: CellValue[][] = [[...COLUMNS]];
  for (const a of mergeAcceptances(list)) {
    rows.push([a.rule, a.sheet, a.indicator ?? null, a.cells.join(','), a.reason ?? null, a.by ?? null, a.date ?? null]);
  }
  return { sheet: ACCEPTED_SHEET, veryHidden: true, rows };
}

function sameCells(a: string[], b: string[]): boolean {
  const x = cellList(a.join(',')).sort();
  const y = cellList(b.join(',')).sort();
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

function noteOf(a: Acceptance): AcceptanceNote {
  const note: AcceptanceNote = {};
  if (a.reason !== undefined) note.reason = a.reason;
  if (a.by !== undefined) note.by = a.by;
  if (a.date !== undefined) note.date = a.date;
  return note;
}

/**
 * Mark the findings of one table that an acceptance covers (sets `accepted`). A finding on a named
 * indicator matches by rule + sheet + indicator name; if several rows share that name, the one with
 * the same cells wins. Any other finding matches by rule + sheet + the same cells.
 */
export function markAccepted(findings: Finding[], nameOfRow: (row: number) => string | undefined, list: Acceptance[]): void {
  for (const a of list) {
    const candidates = findings.filter((f) => f.rule === a.rule && f.sheet === a.sheet);
    if (candidates.length === 0) continue;
    const wanted = a.indicator ? normaliseLabel(a.indicator) : '';
    const named = (f: Finding): string => (f.indicatorRow === undefined ? '' : normaliseLabel(nameOfRow(f.indicatorRow) ?? ''));
    let hits = wanted === '' ? [] : candidates.filter((f) => named(f) === wanted);
    if (hits.length > 1 && hits.some((f) => sameCells(f.cells, a.cells))) hits = hits.filter((f) => sameCells(f.cells, a.cells));
    // A finding on a named indicator is matched by name only: its cells move with the rows.
    hits.push(...candidates.filter((f) => (named(f) === '' || wanted === '') && sameCells(f.cells, a.cells)));
    for (const f of hits) f.accepted = noteOf(a);
  }
}
