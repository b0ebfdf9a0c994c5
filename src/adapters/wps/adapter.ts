// The adapter between WPS 表格's object model (window.Application, synchronous and VBA-like) and
// the workflow's port. Every member touched is a round trip into WPS, so it reads little: per
// sheet its used range and one Value2 block; number formats and merged areas only on sheets that
// may hold a table, a column at a time and halved only where the cells differ (NumberFormat and
// MergeCells are null then). Notes (WPS 批注) are read only on the cells a write touches. Writes
// re-read their targets first (refusing a stale or formula cell, as the Office adapter does), then
// go in 2-D blocks with ScreenUpdating off. Settings live in custom document properties and
// accepted findings in the very hidden _jixiao_accepted sheet, so both travel with the file.
import {
  columnLetter,
  RESULT_HEADER_BOLD_FORMAT,
  isOurNote,
  isOurReportSheet,
  isOurSheet,
  parseRange,
  rangeAddress,
  type AcceptanceSheetPlan,
  type CellWrite,
  type LocalizedText,
  type ReportCell,
  type ReportSheetPlan,
  type SheetSnapshot,
  type SheetWritePlan,
  type WorkbookSnapshot,
} from '../../core/index.js';
import type { PaneCapabilities, PanePort, ReportWritten } from '../../workflow/index.js';
import { documentSettingsStore, type SettingsStore } from '../../workflow/index.js';
import { canonicalMarkFormat } from '../office/formatMark.js';
import { qualify } from '../office/addresses.js';
import {
  ExcelAdapterError,
  formulaCellsError,
  staleSnapshotError,
  workbookProtectedError,
  } from '../office/errors.js';
import { HEADER_FILL, LINK_COLOR, REPORT_FONTS } from '../reportStyles.js';
import { MSO_PROPERTY_STRING, XL_NONE, XL_SHEET_VERY_HIDDEN, XL_SHEET_VISIBLE, XL_UNDERLINE_SINGLE, bgrOf, type EtApplication, type EtRange, type EtWorksheet } from './et.js';
import { cellOf, guardOwnSheet, guardTargets, isOurs } from '../writeGuard.js';
import { boundingArea, equalRuns, normaliseValue, runsOf, type CellRun, columnRange } from '../cellRuns.js';
import { textSheet, withSheet } from '../ownSheetState.js';

/** A sheet holds a table candidate when some cell names an indicator (指标) or our 得分. */
const CANDIDATE = /指标|得分/;

/** What the adapter does in WPS, as the pane shows it. */
export const WPS_CAPABILITIES: PaneCapabilities = {
  host: 'wps',
  // WPS 批注 are Excel's notes (Range.AddComment).
  annotation: 'notes',
  mergesRead: true,
  // Whether WPS puts a JS add-in's writes on its undo stack is not documented; we promise nothing.
  undoGroup: false,
  undo: 'none',
  // WPS's JS API has no change event on a sheet in the members we use.
  liveRecheck: false,
  hyperlinks: true,
};

interface KnownState {
  snapshot: WorkbookSnapshot;
  sheets: Map<string, SheetSnapshot>;
  /** Worksheet.Visible by sheet name (-1, 0, 2). */
  visibility: Map<string, number>;
  workbookProtected: boolean;
}

/** Rectangle of a sheet, 1-based rows and columns as WPS gives them. */
interface Block {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

export interface WpsWriteSummary {
  written: number;
  cleared: number;
  annotations: number;
  keptUserAnnotations: string[];
}

export interface WpsAdapter extends PanePort {
  writeResults(plans: SheetWritePlan[], opts?: { notes?: boolean; fills?: boolean }): Promise<WpsWriteSummary>;
  clearResults(targets: { sheet: string; cells: string[] }[]): Promise<number>;
  writeReportSheet(plan: ReportSheetPlan): Promise<ReportWritten>;
  capabilities(): PaneCapabilities;
  readWarnings(): LocalizedText[];
}

/** What WPS threw, as a message the pane can show (the specific refusals are raised before any write). */
export function toWpsError(error: unknown): ExcelAdapterError {
  if (error instanceof ExcelAdapterError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ExcelAdapterError(
    'excel-error',
    {
      zh: `WPS 表格操作失败（${detail}）。请重试；如仍失败，请保存并重新打开工作簿。`,
      en: `The WPS Spreadsheets operation failed (${detail}). Try again; if it keeps failing, save and reopen the workbook.`,
    },
    {},
    { cause: error },
  );
}

/**
 * Value2 (or Formula) as rows of `rows` × `columns`: one cell gives a scalar, more give arrays of
 * rows. Some WPS builds are reported to hand back a block as an object answering Item(r, c)
 * (1-based) instead of arrays; that is read cell by cell.
 */
function asRows(value: unknown, rows: number, columns: number): unknown[][] {
  if (Array.isArray(value)) return (value as unknown[]).map((row) => (Array.isArray(row) ? row : [row]));
  const item = typeof value === 'object' && value !== null ? (value as { Item?: unknown }).Item : undefined;
  if (typeof item === 'function' && rows * columns > 1) {
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => (item as (r: number, c: number) => unknown).call(value, r + 1, c + 1)));
  }
  return [[value]];
}

function a1Of(block: Block): string {
  return rangeAddress({ top: block.top, bottom: block.top + block.rows - 1, left: block.left - 1, right: block.left + block.columns - 2 });
}

/** The bounds of the non-empty values in rows (what Excel's used range "values only" would be), or null. */
function valueBounds(rows: unknown[][]): { top: number; bottom: number; left: number; right: number } | null {
  let bounds: { top: number; bottom: number; left: number; right: number } | null = null;
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (normaliseValue(v) === null) return;
      if (!bounds) bounds = { top: r, bottom: r, left: c, right: c };
      else {
        bounds.top = Math.min(bounds.top, r);
        bounds.bottom = Math.max(bounds.bottom, r);
        bounds.left = Math.min(bounds.left, c);
        bounds.right = Math.max(bounds.right, c);
      }
    }),
  );
  return bounds;
}

export function createWpsAdapter(app: EtApplication): WpsAdapter {
  let known: KnownState | undefined;

  const worksheets = () => app.ActiveWorkbook.Worksheets;

  /** Number formats of a block, a column at a time, halving only where the cells differ. */
  function readFormats(sheet: EtWorksheet, block: Block): string[][] {
    const formats: string[][] = Array.from({ length: block.rows }, () => new Array<string>(block.columns).fill('General'));
    const fill = (c: number, from: number, to: number, code: string) => {
      for (let r = from; r <= to; r++) formats[r][c] = canonicalMarkFormat(code);
    };
    const whole = sheet.Range(a1Of(block)).NumberFormat;
    if (whole !== null) {
      for (let c = 0; c < block.columns; c++) fill(c, 0, block.rows - 1, whole);
      return formats;
    }
    const visit = (c: number, from: number, to: number): void => {
      const code = sheet.Range(columnRange(block.left - 1 + c, block.top + from, block.top + to)).NumberFormat;
      if (code !== null) return fill(c, from, to, code);
      const middle = Math.floor((from + to) / 2);
      visit(c, from, middle);
      visit(c, middle + 1, to);
    };
    for (let c = 0; c < block.columns; c++) visit(c, 0, block.rows - 1);
    return formats;
  }

  /** Merged areas touching a block, a column at a time, halving only where some cells are merged. */
  function readMerges(sheet: EtWorksheet, block: Block): string[] {
    const found = new Set<string>();
    const rects: ReturnType<typeof parseRange>[] = [];
    if (sheet.Range(a1Of(block)).MergeCells === false) return [];
    /** The row below the known merge covering (row, column), or row itself when none does. */
    const below = (column: number, row: number): number => {
      const hit = rects.find((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right);
      return hit ? hit.bottom + 1 : row;
    };
    const visit = (column: number, from: number, bottom: number): void => {
      // Cells inside a merge found in an earlier column need no look.
      let top = from;
      for (let next = below(column, top); next !== top && top <= bottom; next = below(column, top)) top = next;
      if (top > bottom) return;
      const merged = sheet.Range(columnRange(column, top, bottom)).MergeCells;
      if (merged === false) return;
      if (merged === true || top === bottom) {
        // The top cell is merged: take its area, then go on below it.
        const area = sheet.Range(columnRange(column, top, top)).MergeArea.Address().replace(/\$/g, '');
        if (!found.has(area)) rects.push(parseRange(area));
        found.add(area);
        return visit(column, Math.max(parseRange(area).bottom, top) + 1, bottom);
      }
      const middle = Math.floor((top + bottom) / 2);
      visit(column, top, middle);
      visit(column, middle + 1, bottom);
    };
    for (let c = 0; c < block.columns; c++) visit(block.left - 1 + c, block.top, block.top + block.rows - 1);
    return [...found];
  }

  function readSheet(sheet: EtWorksheet): { snapshot: SheetSnapshot; visible: number } {
    const name = sheet.Name;
    const visible = sheet.Visible;
    const protectedSheet = sheet.ProtectContents;
    const used = sheet.UsedRange;
    const used0: Block = { top: used.Row, left: used.Column, rows: used.Rows.Count, columns: used.Columns.Count };
    const rows = asRows(used.Value2, used0.rows, used0.columns);
    const snapshot: SheetSnapshot = { name, startRow: 0, startColumn: 0, values: [], merges: [], protected: protectedSheet };
    // UsedRange counts formatted cells too; the core sees the cells holding values, as from Excel.
    const bounds = valueBounds(rows);
    if (!bounds) return { snapshot, visible };
    const block: Block = { top: used0.top + bounds.top, left: used0.left + bounds.left, rows: bounds.bottom - bounds.top + 1, columns: bounds.right - bounds.left + 1 };
    const values = rows.slice(bounds.top, bounds.bottom + 1).map((row) => row.slice(bounds.left, bounds.right + 1).map(normaliseValue));
    snapshot.startRow = block.top - 1;
    snapshot.startColumn = block.left - 1;
    snapshot.values = values;
    if (!isOurSheet(name) && values.some((row) => row.some((v) => typeof v === 'string' && CANDIDATE.test(v)))) {
      snapshot.numberFormats = readFormats(sheet, block);
      snapshot.merges = readMerges(sheet, block);
    }
    return { snapshot, visible };
  }

  function read(): KnownState {
    const workbook = app.ActiveWorkbook;
    const all = workbook.Worksheets;
    const count = all.Count;
    const sheets: SheetSnapshot[] = [];
    const visibility = new Map<string, number>();
    for (let i = 1; i <= count; i++) {
      const { snapshot, visible } = readSheet(all.Item(i));
      sheets.push(snapshot);
      visibility.set(snapshot.name, visible);
    }
    known = { snapshot: { sheets }, sheets: new Map(sheets.map((s) => [s.name, s])), visibility, workbookProtected: workbook.ProtectStructure };
    return known;
  }

  const current = (): KnownState => known ?? read();

  /** Refuses, before anything is queued, sheets that are protected, missing, or cells that are not ours. */
  const guard = (state: KnownState, targets: { sheet: string; cells: string[] }[]): void => guardTargets(state.sheets, targets);

  /**
   * Re-reads what a write depends on: for each run of target cells, the table's rows from its left
   * edge to the target column (Value2 and Formula, one block each). A value typed, a row inserted
   * or a formula put where we would write shows as a difference, and nothing is written.
   */
  function verify(state: KnownState, targets: { sheet: string; cells: string[] }[]): void {
    for (const t of targets) {
      const snap = state.sheets.get(t.sheet)!;
      const sheet = worksheets().Item(t.sheet);
      const changed: string[] = [];
      const formulas: string[] = [];
      for (const run of runsOf(t.cells)) {
        const left = Math.min(snap.startColumn, run.column);
        const range = sheet.Range(`${columnLetter(left)}${run.top}:${columnLetter(run.column)}${run.bottom}`);
        const height = run.bottom - run.top + 1;
        const width = run.column - left + 1;
        const values = asRows(range.Value2, height, width);
        const texts = asRows(range.Formula, height, width);
        values.forEach((line, r) =>
          line.forEach((value, c) => {
            const a1 = `${columnLetter(left + c)}${run.top + r}`;
            const formula = texts[r]?.[c];
            const isFormula = typeof formula === 'string' && formula.startsWith('=');
            if (left + c === run.column && isFormula) formulas.push(a1);
            // A formula's result may recalculate (=NOW()): only typed values tell of an edit.
            else if (!isFormula && normaliseValue(value) !== cellOf(snap, a1).value) changed.push(a1);
          }),
        );
      }
      if (formulas.length) throw formulaCellsError(t.sheet, formulas);
      if (changed.length) throw staleSnapshotError(t.sheet, changed);
    }
  }

  /** Runs `write` with the screen frozen, and always turns it back on. */
  function frozen<T>(write: () => T): T {
    app.ScreenUpdating = false;
    try {
      return write();
    } finally {
      app.ScreenUpdating = true;
    }
  }

  /** Our note on a cell, if it has one: removed; a user's note: reported (and kept). */
  function removeOurNote(sheet: EtWorksheet, a1: string): 'none' | 'ours' | 'user' {
    const cell = sheet.Range(a1);
    const comment = cell.Comment;
    if (comment === null) return 'none';
    if (!isOurNote(comment.Text())) return 'user';
    cell.ClearComments();
    return 'ours';
  }

  /** Empties cells of ours: value, format and fill by runs, our notes cell by cell; a header we made bold gets its weight back. */
  function clearCells(sheet: EtWorksheet, cells: string[], snap: SheetSnapshot | undefined): void {
    for (const a1 of cells) if (snap && cellOf(snap, a1).numberFormat === RESULT_HEADER_BOLD_FORMAT) sheet.Range(a1).Font.Bold = false;
    for (const run of runsOf(cells)) {
      const range = sheet.Range(columnRange(run.column, run.top, run.bottom));
      range.Value2 = run.top === run.bottom ? '' : Array.from({ length: run.bottom - run.top + 1 }, () => ['']);
      range.NumberFormat = 'General';
      range.Interior.ColorIndex = XL_NONE;
    }
    for (const a1 of cells) removeOurNote(sheet, a1);
  }

  function writeRun(sheet: EtWorksheet, run: CellRun, writes: CellWrite[], fills: (string | null | undefined)[]): void {
    // Formats first, so a number written stays a number; one NumberFormat per run of equal codes.
    for (const part of equalRuns(writes.map((w) => w.numberFormat))) {
      sheet.Range(columnRange(run.column, run.top + part.from, run.top + part.to)).NumberFormat = writes[part.from].numberFormat;
    }
    const range = sheet.Range(columnRange(run.column, run.top, run.bottom));
    range.Value2 = writes.length === 1 ? writes[0].value : writes.map((w) => [w.value]);
    for (const part of equalRuns(fills)) {
      const fill = fills[part.from];
      if (fill === undefined) continue;
      const interior = sheet.Range(columnRange(run.column, run.top + part.from, run.top + part.to)).Interior;
      if (fill === null) interior.ColorIndex = XL_NONE;
      else interior.Color = bgrOf(fill);
    }
  }

  async function writeResults(plans: SheetWritePlan[], opts: { notes?: boolean; fills?: boolean } = {}): Promise<WpsWriteSummary> {
    const summary: WpsWriteSummary = { written: 0, cleared: 0, annotations: 0, keptUserAnnotations: [] };
    try {
      const active = plans.filter((p) => p.writes.length > 0 || p.clear.length > 0);
      if (active.length === 0) return summary;
      const state = current();
      const targets = active.map((p) => ({ sheet: p.sheet, cells: [...p.clear, ...p.writes.map((w) => w.address)] }));
      guard(state, targets);
      verify(state, targets);
      const notesOn = opts.notes ?? true;
      const fillsOn = opts.fills ?? true;
      frozen(() => {
        for (const plan of active) {
          const sheet = worksheets().Item(plan.sheet);
          const snap = state.sheets.get(plan.sheet)!;
          clearCells(sheet, plan.clear, snap);
          summary.cleared += plan.clear.length;
          // A header to be bold: made bold (and marked so for 清除结果) unless the user's cell is bold already.
          const boldened = plan.writes.map((w) => {
            if (!w.bold) return w;
            const ours = cellOf(snap, w.address).numberFormat === RESULT_HEADER_BOLD_FORMAT;
            const font = sheet.Range(w.address).Font;
            const boldNow = font.Bold === true;
            if (!ours && boldNow) return w;
            if (!boldNow) font.Bold = true;
            return { ...w, numberFormat: RESULT_HEADER_BOLD_FORMAT };
          });
          const byAddress = new Map(boldened.map((w) => [w.address, w]));
          for (const run of runsOf(plan.writes.map((w) => w.address))) {
            const writes = Array.from({ length: run.bottom - run.top + 1 }, (_, i) => byAddress.get(`${columnLetter(run.column)}${run.top + i}`)!);
            // Our old fill goes where the new cell has none.
            const fills = writes.map((w) => (fillsOn && w.fill ? w.fill : isOurs(snap, w.address) ? null : undefined));
            writeRun(sheet, run, writes, fills);
          }
          for (const w of plan.writes) {
            summary.written += 1;
            const wantNote = notesOn && Boolean(w.note);
            // Only cells that were ours can hold our old note; only cells getting one need a look.
            if (!wantNote && !isOurs(snap, w.address)) continue;
            const before = removeOurNote(sheet, w.address);
            if (!wantNote) continue;
            // A cell holds one note: the user's stays, and ours is not added.
            if (before === 'user') {
              summary.keptUserAnnotations.push(`${plan.sheet}!${w.address}`);
              continue;
            }
            sheet.Range(w.address).AddComment(w.note!);
            summary.annotations += 1;
          }
        }
      });
      return summary;
    } catch (error) {
      throw toWpsError(error);
    } finally {
      known = undefined;
    }
  }

  async function clearResults(targets: { sheet: string; cells: string[] }[]): Promise<number> {
    try {
      const active = targets.filter((t) => t.cells.length > 0);
      if (active.length === 0) return 0;
      const state = current();
      guard(state, active);
      verify(state, active);
      frozen(() => {
        for (const t of active) clearCells(worksheets().Item(t.sheet), t.cells, state.sheets.get(t.sheet));
      });
      return active.reduce((n, t) => n + t.cells.length, 0);
    } catch (error) {
      throw toWpsError(error);
    } finally {
      known = undefined;
    }
  }

  /** Adds a sheet named `name` after the last one, leaving the user's sheet active. */
  function addSheet(name: string): EtWorksheet {
    const activeName = app.ActiveSheet.Name;
    const all = worksheets();
    const sheet = all.Add(undefined, all.Item(all.Count));
    sheet.Name = name;
    worksheets().Item(activeName).Activate();
    return sheet;
  }

  /** Empties what an earlier run of ours left on one of our sheets: values, formats, fills, fonts, wrapping. */
  function emptySheet(sheet: EtWorksheet): void {
    const used = sheet.UsedRange;
    used.Value2 = '';
    used.NumberFormat = 'General';
    used.Interior.ColorIndex = XL_NONE;
    const font = used.Font;
    font.Bold = false;
    font.Color = 0;
    font.Size = 11;
    font.Underline = XL_NONE;
    used.WrapText = false;
  }

  async function writeAcceptances(plan: AcceptanceSheetPlan): Promise<void> {
    let next: KnownState | undefined;
    try {
      const state = current();
      const existing = guardOwnSheet(state, plan.sheet, () => true);
      const wanted = plan.veryHidden ? XL_SHEET_VERY_HIDDEN : XL_SHEET_VISIBLE;
      const hide = state.visibility.get(plan.sheet) !== wanted;
      if (existing && hide && state.workbookProtected) throw workbookProtectedError(plan.sheet);
      const width = Math.max(1, ...plan.rows.map((r) => r.length));
      // Text throughout: a cell list such as "1E5" or a date must not turn into a number.
      const text = plan.rows.map((row) => Array.from({ length: width }, (_, c) => (row[c] === null || row[c] === undefined ? '' : String(row[c]))));
      frozen(() => {
        // Added and hidden first: an empty hidden sheet of ours is harmless should the write fail.
        const sheet = existing ? worksheets().Item(plan.sheet) : addSheet(plan.sheet);
        if (hide) sheet.Visible = wanted;
        if (existing) emptySheet(sheet);
        if (text.length === 0) return;
        const range = sheet.Range(`A1:${columnLetter(width - 1)}${text.length}`);
        range.NumberFormat = '@';
        range.Value2 = text.length === 1 && width === 1 ? text[0][0] : text;
      });
      const sheets = withSheet(state.snapshot.sheets, textSheet(plan.sheet, text));
      next = { ...state, snapshot: { sheets }, sheets: new Map(sheets.map((s) => [s.name, s])), visibility: new Map([...state.visibility, [plan.sheet, wanted]]) };
    } catch (error) {
      throw toWpsError(error);
    } finally {
      known = next;
    }
  }

  function styleCell(range: EtRange, style: NonNullable<ReportCell['style']>): void {
    const look = REPORT_FONTS[style];
    // Italic is not among the members this adapter uses (issue 15's list): accepted rows show grey only.
    if (look.bold || look.size || look.color) {
      const font = range.Font;
      if (look.bold) font.Bold = true;
      if (look.size) font.Size = look.size;
      if (look.color) font.Color = bgrOf(look.color);
    }
    if (style === 'header') range.Interior.Color = bgrOf(HEADER_FILL);
  }

  async function writeReportSheet(plan: ReportSheetPlan): Promise<ReportWritten> {
    try {
      const state = current();
      const existing = guardOwnSheet(state, plan.sheet, isOurReportSheet);
      const width = Math.max(1, plan.columnWidths.length, ...plan.rows.map((r) => r.length));
      const cellAt = (row: ReportCell[], c: number): ReportCell => row[c] ?? { value: null };
      const wide = plan.columnWidths.indexOf(Math.max(...plan.columnWidths));
      let links = 0;
      frozen(() => {
        const sheet = existing ? worksheets().Item(plan.sheet) : addSheet(plan.sheet);
        if (existing) emptySheet(sheet);
        plan.columnWidths.forEach((chars, c) => {
          // ColumnWidth is in characters in WPS, as the core plans it.
          sheet.Range(`${columnLetter(c)}:${columnLetter(c)}`).ColumnWidth = chars;
        });
        if (plan.rows.length === 0) return;
        // Text stays text: WPS would read "1/2" as a date or "=…" as a formula.
        const formats = plan.rows.map((row) => Array.from({ length: width }, (_, c) => (typeof cellAt(row, c).value === 'string' ? '@' : (cellAt(row, c).numberFormat ?? 'General'))));
        for (let c = 0; c < width; c++) {
          const column = formats.map((row) => row[c]);
          for (const part of equalRuns(column)) {
            if (column[part.from] === 'General') continue;
            sheet.Range(columnRange(c, part.from + 1, part.to + 1)).NumberFormat = column[part.from];
          }
        }
        const values = plan.rows.map((row) => Array.from({ length: width }, (_, c) => cellAt(row, c).value ?? ''));
        sheet.Range(`A1:${columnLetter(width - 1)}${plan.rows.length}`).Value2 = values.length === 1 && width === 1 ? values[0][0] : values;
        plan.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (cell.value === null) return;
            const wrap = c === wide && row.length > 1;
            if (!cell.link && !cell.style && !wrap) return;
            const a1 = `${columnLetter(c)}${r + 1}`;
            const range = sheet.Range(a1);
            if (cell.link) {
              sheet.Hyperlinks.Add(range, '', qualify(cell.link.sheet, cell.link.cell), undefined, String(cell.value));
              const font = range.Font;
              font.Color = bgrOf(LINK_COLOR);
              font.Underline = XL_UNDERLINE_SINGLE;
              links += 1;
            }
            if (cell.style) styleCell(range, cell.style);
            if (wrap) range.WrapText = true;
          }),
        );
      });
      return { sheet: plan.sheet, rows: plan.rows.length, links, created: !existing };
    } catch (error) {
      throw toWpsError(error);
    } finally {
      known = undefined;
    }
  }

  async function selectCells(sheetName: string, cells: string[]): Promise<void> {
    try {
      const sheet = worksheets().Item(sheetName);
      sheet.Activate();
      // Several cells: their bounding range (Range("A1,B3") is not among the members we rely on).
      if (cells.length > 0) sheet.Range(boundingArea(cells)).Select();
    } catch (error) {
      throw toWpsError(error);
    }
  }

  return {
    async readSnapshot() {
      try {
        return read().snapshot;
      } catch (error) {
        throw toWpsError(error);
      }
    },
    writeResults,
    clearResults,
    writeAcceptances,
    writeReportSheet,
    selectCells,
    capabilities: () => ({ ...WPS_CAPABILITIES }),
    readWarnings: () => [],
  };
}

/** The settings store over the active workbook's custom document properties (text, at most 255 characters each). */
export function wpsSettingsStore(app: EtApplication): SettingsStore {
  const properties = () => app.ActiveWorkbook.CustomDocumentProperties;
  return documentSettingsStore({
    get(name) {
      try {
        return String(properties().Item(name).Value);
      } catch {
        // Item throws for a property the workbook does not have.
        return undefined;
      }
    },
    update(set, remove) {
      const props = properties();
      for (const [name, value] of set) {
        try {
          props.Item(name).Value = value;
        } catch {
          props.Add(name, false, MSO_PROPERTY_STRING, value);
        }
      }
      // Property.Delete is not among the members we use: a part left over is emptied; the count says how many are read.
      for (const name of remove) {
        try {
          props.Item(name).Value = '';
        } catch {
          // Already gone.
        }
      }
    },
  });
}
