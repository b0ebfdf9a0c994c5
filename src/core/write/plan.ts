// Where and what to write: the 得分 column right of each table, only into empty cells or cells
// we wrote before (recognised by their marks), and how to clear exactly our cells again.
import type { CheckOptions, CellWrite, Finding, Lang, Report, SheetWritePlan, TableReport, WorkbookSnapshot } from '../types.js';
import { Grid, SheetGrids } from '../sheet/grid.js';
import { SEVERITY_NAMES } from '../report/labels.js';
import { address, columnIndex, columnLetter, parseRange, type RangeRef } from '../sheet/a1.js';
import { checkWorkbook, isOurSheet } from '../check.js';
import { acceptedText, orderedFindings } from '../report/document.js';
import { FILL_ERROR, FILL_WARNING, RESULT_HEADER, REVIEW_HEADER, RESULT_HEADER_FORMAT, RESULT_HEADER_BOLD_FORMAT, RESULT_NUMBER_FORMAT, NOTE_MARK, isFreeCell, isOurHeader, isOurScoreCell } from './marks.js';

export interface PlanOptions {
  /** Add a note listing each row's findings (default true). */
  notes?: boolean;
  /** Colour rows with errors or warnings (default true). */
  fills?: boolean;
  lang?: Lang;
}


/** An empty cell the user has not formatted, or one of ours (marks.ts: the definition every adapter uses). */
function isFree(grid: Grid, row: number, column: number): boolean {
  return isFreeCell(grid.raw(row, column), grid.numberFormat(row, column));
}

function isOurs(grid: Grid, row: number, column: number): boolean {
  const v = grid.raw(row, column);
  const f = grid.numberFormat(row, column);
  return isOurHeader(v, f) || isOurScoreCell(v, f);
}

/** The table's rightmost recognised column (our own result column excluded). */
function tableRight(table: TableReport): number {
  let right = -1;
  for (const [k, letter] of Object.entries(table.columns)) {
    if (k !== 'result' && letter) right = Math.max(right, columnIndex(letter));
  }
  return right;
}

const LAST_COLUMN = 16_383;

/**
 * Merged areas that touch the table's rows, unclipped: the Grid clips merges to the used range,
 * but a merge may reach right of the last value (a wide title row, a blank merged block).
 */
function mergesOnRows(merges: string[], table: TableReport): RangeRef[] {
  const out: RangeRef[] = [];
  for (const a1 of merges) {
    let m: RangeRef;
    try {
      m = parseRange(a1);
    } catch {
      continue; // the Grid ignores what it cannot read; so does the plan
    }
    if (m.bottom >= table.headerRow && m.top <= table.lastIndicatorRow) out.push(m);
  }
  return out;
}

const inMerge = (merges: RangeRef[], row: number, column: number): boolean =>
  merges.some((m) => m.top <= row && row <= m.bottom && m.left <= column && column <= m.right);

/** First column right of the table that is ours already, or empty and unmerged on every row of the table. */
export function resultColumn(grid: Grid, table: TableReport, merges: RangeRef[] = []): number {
  const first = tableRight(table) + 1;
  for (let c = first; c <= LAST_COLUMN; c++) {
    if (isOurHeader(grid.raw(table.headerRow, c), grid.numberFormat(table.headerRow, c))) return c;
    // Right of the used range every cell is blank; only a merge can take the column.
    if (c > grid.lastColumn && !merges.some((m) => m.left <= c && c <= m.right)) return c;
    let free = !merges.some((m) => m.left <= c && c <= m.right);
    for (let r = table.headerRow; r <= table.lastIndicatorRow && free; r++) {
      if (grid.merge(r, c) || !isFree(grid, r, c)) free = false;
    }
    if (free) return c;
  }
  return first;
}

function noteFor(findings: Finding[], lang: Lang, extra?: string): string | undefined {
  const lines = findings.map((f) => {
    const message = lang === 'zh' ? f.message.zh : f.message.en;
    // An accepted finding stays visible to the next reviewer, with why it was accepted.
    if (f.accepted) return lang === 'zh' ? `已忽略（${acceptedText(f, lang)}）：${message}` : `Accepted (${acceptedText(f, lang)}): ${message}`;
    return `${SEVERITY_NAMES[lang][f.severity]}${lang === 'zh' ? '：' : ': '}${message}`;
  });
  if (extra) lines.push(extra);
  return lines.length ? [NOTE_MARK, ...lines].join('\n') : undefined;
}

/**
 * The note on our header cell: the table's findings that are on no indicator row (a blank total,
 * Σ weights), so a downloaded copy marks them too — on our own cell, never on a user's.
 */
function tableNote(table: TableReport, lang: Lang): string | undefined {
  const shown = orderedFindings(table.findings.filter((f) => f.indicatorRow === undefined && f.severity !== 'info'));
  const note = noteFor(shown, lang);
  if (!note) return undefined;
  const [mark, ...lines] = note.split('\n');
  return [mark, lang === 'zh' ? '本表的问题（不在某一指标行上）：' : 'Findings on the table (not on one indicator row):', ...lines].join('\n');
}

export function planResults(snapshot: WorkbookSnapshot, report: Report, options: PlanOptions = {}, grids = new SheetGrids()): SheetWritePlan[] {
  const lang = options.lang ?? 'zh';
  const notes = options.notes ?? true;
  const fills = options.fills ?? true;
  const plans: SheetWritePlan[] = [];
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  for (const table of report.tables) {
    const sheet = sheets.get(table.sheet);
    if (!sheet) continue;
    const grid = grids.of(sheet);
    const merges = mergesOnRows(sheet.merges, table);
    const column = resultColumn(grid, table, merges);
    const writes: CellWrite[] = [];
    const skipped: string[] = [];
    // Only when no column is free of merges (a merge reaching XFD) can the header cell be merged.
    const header = address(table.headerRow, column);
    // A merge, or a user's cell when no column right of the table is free: never written over.
    if (inMerge(merges, table.headerRow, column) || !isFree(grid, table.headerRow, column)) skipped.push(header);
    else {
      const note = notes ? tableNote(table, lang) : undefined;
      writes.push({ address: header, value: table.columns.published ? REVIEW_HEADER : RESULT_HEADER, numberFormat: RESULT_HEADER_FORMAT, bold: true, ...(note ? { note } : {}) });
    }
    const written = new Set(writes.map((w) => w.address));
    for (const indicator of table.indicators) {
      const at = address(indicator.row, column);
      if (!isFree(grid, indicator.row, column) || inMerge(merges, indicator.row, column)) {
        skipped.push(at);
        continue;
      }
      const rowFindings = table.findings.filter((f) => f.indicatorRow === indicator.row);
      const shown = orderedFindings(rowFindings.filter((f) => f.severity !== 'info'));
      const howScored = indicator.scoreNote ? (lang === 'zh' ? indicator.scoreNote.zh : indicator.scoreNote.en) : undefined;
      const note = notes ? noteFor(shown, lang, howScored) : undefined;
      const fill = !fills ? undefined : indicator.status === 'error' ? FILL_ERROR : indicator.status === 'warning' ? FILL_WARNING : undefined;
      writes.push({ address: at, value: indicator.score, numberFormat: RESULT_NUMBER_FORMAT, ...(fill ? { fill } : {}), ...(note ? { note } : {}) });
      written.add(at);
    }
    // Our cells from an earlier run on this table's rows that this run does not rewrite.
    const clear: string[] = [];
    for (let r = table.headerRow; r <= table.lastIndicatorRow; r++) {
      for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
        if (!isOurs(grid, r, c) || inMerge(merges, r, c)) continue;
        const at = address(r, c);
        if (!written.has(at)) clear.push(at);
      }
    }
    plans.push({ sheet: table.sheet, column: columnLetter(column), clear, writes, skipped });
  }
  return plans;
}

/** Every cell we wrote on an earlier run, by sheet (what 清除结果 removes). */
export function planClear(snapshot: WorkbookSnapshot): { sheet: string; cells: string[] }[] {
  const out: { sheet: string; cells: string[] }[] = [];
  for (const sheet of snapshot.sheets) {
    if (isOurSheet(sheet.name)) continue;
    const cells: string[] = [];
    const formats = sheet.numberFormats;
    if (!formats) continue;
    for (let i = 0; i < sheet.values.length; i++) {
      const values = sheet.values[i] ?? [];
      const fmts = formats[i] ?? [];
      for (let j = 0; j < fmts.length; j++) {
        const f = fmts[j];
        if (f !== RESULT_HEADER_FORMAT && f !== RESULT_HEADER_BOLD_FORMAT && f !== RESULT_NUMBER_FORMAT) continue;
        const v = values[j] ?? null;
        if (isOurHeader(v, f) || isOurScoreCell(v, f)) cells.push(address(sheet.startRow + i + 1, sheet.startColumn + j));
      }
    }
    if (cells.length) out.push({ sheet: sheet.name, cells });
  }
  return out;
}

/**
 * The check and the plan of its 得分 columns in one pass over the sheets: each sheet's grid is made
 * once, not once by the check and again per table by the planner.
 */
export function checkAndPlan(snapshot: WorkbookSnapshot, checkOptions: CheckOptions, planOptions: PlanOptions = {}): { report: Report; plans: SheetWritePlan[] } {
  const grids = new SheetGrids();
  const report = checkWorkbook(snapshot, checkOptions, grids);
  return { report, plans: planResults(snapshot, report, planOptions, grids) };
}
