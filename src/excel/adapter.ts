// The adapter between Office.js and the core: reads a WorkbookSnapshot in two syncs, applies the
// core's write plans in one, clears our cells in one, writes our two sheets (the very hidden
// accepted findings, the 校验报告) in one each, and selects cells for the pane.
// It takes Excel.run and the requirement check as parameters, so tests and the workbench hand in
// the simulator; only createOfficeWorkbookAdapter touches the globals.
import { columnLetter, parseCell, parseRange, rangeAddress } from '../core/a1.js';
import type { AcceptanceSheetPlan } from '../core/index.js';
import { isOurHeader, isOurNote, isOurScoreCell } from '../core/marks.js';
import { isOurReportSheet, type ReportCell, type ReportSheetPlan, type ReportStyle } from '../core/reportSheet.js';
import type { CellValue, SheetSnapshot, SheetWritePlan, WorkbookSnapshot } from '../core/types.js';
import { parseQualified, qualify, splitAreaList } from './addresses.js';
import {
  sheetMissingError,
  sheetNameTakenError,
  sheetProtectedError,
  toAdapterError,
  unsupportedError,
  workbookProtectedError,
  wouldOverwriteError,
} from './errors.js';

/** Excel.run's two shapes used here: run(batch) and run(options, batch). */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Office.context.requirements.isSetSupported. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface WorkbookAdapterOptions {
  run: ExcelRun;
  isSetSupported: IsSetSupported;
  /**
   * Rows read blind in the second sync (the sheet sizes are not known before it). A sheet whose
   * used range reaches further costs one more sync. Default 20,000.
   */
  eagerRows?: number;
}

export type AnnotationMode = 'notes' | 'comments' | 'fill';

export interface AdapterCapabilities {
  /** Findings go into notes (ExcelApi 1.18), else comments (1.10), else only the fill colour shows them. */
  annotation: AnnotationMode;
  /** Merged areas are read (ExcelApi 1.13); otherwise merges = [] and the core infers them. */
  mergesRead: boolean;
  /** A write or clear is one undo step (ExcelApi 1.20). */
  undoGroup: boolean;
  /** Several separate cells can be selected at once (ExcelApi 1.18); otherwise their bounding range. */
  multiSelect: boolean;
  /** The 校验报告 sheet links to cells (Range.hyperlink, ExcelApi 1.7); otherwise it shows the addresses as text. */
  hyperlinks: boolean;
}

export interface WriteOptions {
  /** Attach each row's note text as a note or comment (default true). */
  notes?: boolean;
  /** Colour cells that have a fill in the plan (default true). */
  fills?: boolean;
}

export interface WriteSummary {
  /** Cells given a value (header and scores). */
  written: number;
  /** Cells of earlier runs cleared first. */
  cleared: number;
  /** Notes or comments added. */
  annotations: number;
  annotation: AnnotationMode;
  /** Cells where the user's own note or comment was kept, so ours was not added ("Sheet!A1"). */
  keptUserAnnotations: string[];
}

export interface ClearTarget {
  sheet: string;
  cells: string[];
}

export interface ReportSheetSummary {
  sheet: string;
  /** Rows written from A1. */
  rows: number;
  /** Cells given a link to their place in the workbook (0 below ExcelApi 1.7). */
  links: number;
  /** True when the sheet was added, false when an earlier one of ours was refreshed. */
  created: boolean;
}

export interface WorkbookAdapter {
  /** Every worksheet's used range, number formats, merged areas and protection, in ≤ 2 syncs. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Clears each plan's `clear` cells, then writes its cells, in one sync; refuses protected sheets. */
  writeResults(plans: SheetWritePlan[], options?: WriteOptions): Promise<WriteSummary>;
  /** Empties exactly the given cells of ours (value, format, fill, note/comment) in one sync; returns the count. */
  clearResults(targets: ClearTarget[]): Promise<number>;
  /**
   * Replaces the very hidden sheet of accepted findings with the plan's rows (adding it when
   * missing) in one sync; refuses a protected sheet, or a protected workbook when it must add it.
   */
  writeAcceptances(plan: AcceptanceSheetPlan): Promise<void>;
  /**
   * Adds the 校验报告 sheet, or refreshes it when an earlier run wrote it, in one sync: values,
   * links to cells (ExcelApi 1.7), styles and column widths. Refuses a user's own sheet of that
   * name, a protected sheet or workbook.
   */
  writeReportSheet(plan: ReportSheetPlan): Promise<ReportSheetSummary>;
  /** Activates `sheet` and selects the cells (A1 cells or ranges). */
  selectCells(sheet: string, cells: string[]): Promise<void>;
  capabilities(): AdapterCapabilities;
}

/** Rows per values read: Excel on the web limits a response to 5 MB. */
export const VALUE_BAND_ROWS = 5_000;
/** Rows per merged-areas read: Excel fails beyond 512 merged areas in one request. */
export const MERGE_BAND_ROWS = 500;
const DEFAULT_EAGER_ROWS = 20_000;
const MAX_SELECT_AREAS = 200;

/** What a read learned besides the snapshot, kept for the write that follows it. */
interface KnownState {
  snapshot: WorkbookSnapshot;
  sheets: Map<string, SheetSnapshot>;
  /** Cells holding a note / a comment, as "sheet\u0000A1". */
  notes: Set<string>;
  comments: Set<string>;
  /** Of those, the ones we wrote (their text starts with NOTE_MARK): the only ones we remove. */
  ourAnnotations: Set<string>;
  /** Worksheet.visibility by sheet name. */
  visibility: Map<string, string>;
  /** Workbook structure protection (ExcelApi 1.7; false when unknown). */
  workbookProtected: boolean;
}

interface SheetRead {
  sheet: Excel.Worksheet;
  name: string;
  protection?: Excel.WorksheetProtection;
  used: Excel.Range;
  bands: Excel.Range[];
  merges: Excel.RangeAreas[];
}

const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

export function createWorkbookAdapter(options: WorkbookAdapterOptions): WorkbookAdapter {
  const { run, isSetSupported } = options;
  const eagerRows = Math.max(VALUE_BAND_ROWS, options.eagerRows ?? DEFAULT_EAGER_ROWS);
  const has = (version: string): boolean => isSetSupported('ExcelApi', version);
  let known: KnownState | undefined;

  function capabilities(): AdapterCapabilities {
    return {
      annotation: has('1.18') ? 'notes' : has('1.10') ? 'comments' : 'fill',
      mergesRead: has('1.13'),
      undoGroup: has('1.20'),
      multiSelect: has('1.18'),
      hyperlinks: has('1.7'),
    };
  }

  /**
   * Cell writes go through here: one undo step where Excel can group them (ExcelApi 1.20). Should
   * Excel still refuse a member as not undoable, the batch runs again ungrouped: our writes are
   * idempotent (values and formats set again, annotations only added where none is).
   */
  async function runWrite<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    if (!has('1.20')) return run(batch);
    try {
      return await run({ mergeUndoGroup: true }, batch);
    } catch (error) {
      if (!isUndoNotSupported(error)) throw error;
      return run(batch);
    }
  }

  /**
   * Adding or hiding a sheet is not undoable on Windows and Mac: inside a merged undo group it
   * throws UndoNotSupported. So it runs on its own, before the grouped cell writes.
   */
  function runStructure(batch: (context: Excel.RequestContext) => Promise<void>): Promise<void> {
    return run(batch);
  }

  function queueRows(read: SheetRead, first: number, last: number, mergesRead: boolean): void {
    for (let top = first; top <= last; top += VALUE_BAND_ROWS) {
      const bottom = Math.min(top + VALUE_BAND_ROWS - 1, last);
      const band = read.sheet.getRange(`${top}:${bottom}`).getUsedRangeOrNullObject(true);
      band.load('values,numberFormat,rowIndex,columnIndex');
      read.bands.push(band);
    }
    if (!mergesRead) return;
    for (let top = first; top <= last; top += MERGE_BAND_ROWS) {
      const bottom = Math.min(top + MERGE_BAND_ROWS - 1, last);
      // Returns only merges whose top-left cell is in the band, so bands never report one twice.
      const merged = read.sheet.getRange(`${top}:${bottom}`).getMergedAreasOrNullObject();
      merged.load('address');
      read.merges.push(merged);
    }
  }

  async function read(): Promise<KnownState> {
    if (!has('1.4')) throw unsupportedError();
    const caps = capabilities();
    const state = await run(async (context) => {
      // Every sheet, hidden and very hidden ones included: the core reads acceptances from one.
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      const structure = has('1.7') ? context.workbook.protection : undefined;
      structure?.load('protected');
      const notes = caps.annotation === 'notes' ? context.workbook.notes : undefined;
      notes?.load('items/content');
      const comments = has('1.10') ? context.workbook.comments : undefined;
      comments?.load('items/id,items/content');
      await context.sync();

      // Second sync: everything else, queued at once whatever the number of sheets.
      const reads: SheetRead[] = worksheets.items.map((sheet) => {
        const entry: SheetRead = {
          sheet,
          name: sheet.name,
          used: sheet.getUsedRangeOrNullObject(true),
          bands: [],
          merges: [],
        };
        entry.used.load('rowIndex,rowCount');
        if (has('1.2')) {
          entry.protection = sheet.protection;
          entry.protection.load('protected');
        }
        queueRows(entry, 1, eagerRows, caps.mergesRead);
        return entry;
      });
      const noteCells = (notes?.items ?? []).map((note) => note.getLocation().load('address'));
      const commentCells = (comments?.items ?? []).map((comment) => comment.getLocation().load('address'));
      await context.sync();

      // Only a sheet used beyond eagerRows needs a third sync, for its remaining rows.
      const longer = reads.filter((r) => !r.used.isNullObject && r.used.rowIndex + r.used.rowCount > eagerRows);
      for (const r of longer) queueRows(r, eagerRows + 1, r.used.rowIndex + r.used.rowCount, caps.mergesRead);
      if (longer.length > 0) await context.sync();

      const sheets = reads.map(assembleSheet);
      return {
        snapshot: { sheets },
        sheets: new Map(sheets.map((s) => [s.name, s])),
        notes: new Set(noteCells.map((range) => locationKey(range.address))),
        comments: new Set(commentCells.map((range) => locationKey(range.address))),
        ourAnnotations: new Set([
          ...(notes?.items ?? []).flatMap((note, i) => (isOurNote(note.content) ? [locationKey(noteCells[i].address)] : [])),
          ...(comments?.items ?? []).flatMap((comment, i) => (isOurNote(comment.content) ? [locationKey(commentCells[i].address)] : [])),
        ]),
        visibility: new Map(reads.map((r) => [r.name, String(r.sheet.visibility)])),
        workbookProtected: structure?.protected ?? false,
      } satisfies KnownState;
    });
    known = state;
    return state;
  }

  async function current(): Promise<KnownState> {
    return known ?? read();
  }

  function cellOf(sheet: SheetSnapshot, a1: string): { value: CellValue; numberFormat?: string } {
    const { row, column } = parseCell(a1);
    const r = row - 1 - sheet.startRow;
    const c = column - sheet.startColumn;
    return { value: sheet.values[r]?.[c] ?? null, numberFormat: sheet.numberFormats?.[r]?.[c] };
  }

  function isOurs(sheet: SheetSnapshot, a1: string): boolean {
    const { value, numberFormat } = cellOf(sheet, a1);
    return isOurHeader(value, numberFormat) || isOurScoreCell(value, numberFormat);
  }

  function isFree(sheet: SheetSnapshot, a1: string): boolean {
    const { value } = cellOf(sheet, a1);
    return value === null || (typeof value === 'string' && value.trim() === '') || isOurs(sheet, a1);
  }

  /** Refuses, before anything is queued, sheets that are protected, missing, or cells that are not ours. */
  function guard(state: KnownState, targets: { sheet: string; cells: string[] }[]): void {
    const missing = targets.filter((t) => !state.sheets.has(t.sheet)).map((t) => t.sheet);
    if (missing.length) throw sheetMissingError(missing);
    const locked = targets.filter((t) => state.sheets.get(t.sheet)?.protected).map((t) => t.sheet);
    if (locked.length) throw sheetProtectedError(locked);
    for (const t of targets) {
      const sheet = state.sheets.get(t.sheet)!;
      const taken = t.cells.filter((a1) => !isFree(sheet, a1));
      if (taken.length) throw wouldOverwriteError(t.sheet, taken);
    }
  }

  /** Queues the removal of our value, format, fill and note/comment from one cell. */
  function queueClear(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, a1: string, state: KnownState): void {
    const range = sheet.getRange(a1);
    range.values = [['']];
    range.numberFormat = [['General']];
    range.format.fill.clear();
    queueRemoveAnnotations(context, sheet, range, name, a1, state);
  }

  function queueRemoveAnnotations(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    range: Excel.Range,
    name: string,
    a1: string,
    state: KnownState,
  ): void {
    // Only annotations the read saw (asking for a missing one would fail the whole batch), and only ours.
    const key = cellKey(name, a1);
    if (!state.ourAnnotations.has(key)) return;
    if (has('1.18') && state.notes.has(key)) sheet.notes.getItem(a1).delete();
    if (has('1.10') && state.comments.has(key)) context.workbook.comments.getItemByCell(range).delete();
  }

  async function writeResults(plans: SheetWritePlan[], options: WriteOptions = {}): Promise<WriteSummary> {
    const caps = capabilities();
    const summary: WriteSummary = { written: 0, cleared: 0, annotations: 0, annotation: caps.annotation, keptUserAnnotations: [] };
    try {
      const active = plans.filter((p) => p.writes.length > 0 || p.clear.length > 0);
      if (active.length === 0) return summary;
      const state = await current();
      guard(
        state,
        active.map((p) => ({ sheet: p.sheet, cells: [...p.clear, ...p.writes.map((w) => w.address)] })),
      );
      const notesOn = (options.notes ?? true) && caps.annotation !== 'fill';
      const fillsOn = options.fills ?? true;

      await runWrite(async (context) => {
        for (const plan of active) {
          const sheet = context.workbook.worksheets.getItem(plan.sheet);
          const snap = state.sheets.get(plan.sheet)!;
          for (const a1 of plan.clear) queueClear(context, sheet, plan.sheet, a1, state);
          summary.cleared += plan.clear.length;
          for (const w of plan.writes) {
            const range = sheet.getRange(w.address);
            const ours = isOurs(snap, w.address);
            // Format first, so a number stays a number in a column formatted as text.
            range.numberFormat = [[w.numberFormat]];
            range.values = [[w.value]];
            if (fillsOn && w.fill) range.format.fill.color = w.fill;
            else if (ours) range.format.fill.clear();
            // Our old note goes before the new one is added; a user's note stays (see below).
            queueRemoveAnnotations(context, sheet, range, plan.sheet, w.address, state);
            summary.written += 1;
            if (!notesOn || !w.note) continue;
            const field = caps.annotation === 'notes' ? state.notes : state.comments;
            const key = cellKey(plan.sheet, w.address);
            if (field.has(key) && !state.ourAnnotations.has(key)) {
              summary.keptUserAnnotations.push(`${plan.sheet}!${w.address}`);
              continue;
            }
            if (caps.annotation === 'notes') sheet.notes.add(range, w.note);
            else context.workbook.comments.add(range, w.note);
            summary.annotations += 1;
          }
        }
        await context.sync();
      });
      return summary;
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      // The workbook changed (or may have): the next write reads afresh unless a read comes first.
      known = undefined;
    }
  }

  async function clearResults(targets: ClearTarget[]): Promise<number> {
    try {
      const active = targets.filter((t) => t.cells.length > 0);
      if (active.length === 0) return 0;
      const state = await current();
      guard(state, active);
      await runWrite(async (context) => {
        for (const target of active) {
          const sheet = context.workbook.worksheets.getItem(target.sheet);
          for (const a1 of target.cells) queueClear(context, sheet, target.sheet, a1, state);
        }
        await context.sync();
      });
      return active.reduce((n, t) => n + t.cells.length, 0);
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      known = undefined;
    }
  }

  /** Refuses, before anything is queued, to write one of our sheets where Excel would refuse or a user's sheet would go. */
  function guardOwnSheet(state: KnownState, name: string, isOurs: (sheet: SheetSnapshot) => boolean): SheetSnapshot | undefined {
    const existing = state.sheets.get(name);
    if (existing && !isOurs(existing)) throw sheetNameTakenError(name);
    if (existing?.protected) throw sheetProtectedError([name]);
    if (!existing && state.workbookProtected) throw workbookProtectedError(name);
    return existing;
  }

  async function writeAcceptances(plan: AcceptanceSheetPlan): Promise<void> {
    let next: KnownState | undefined;
    try {
      const state = await current();
      const existing = guardOwnSheet(state, plan.sheet, () => true);
      const wanted = plan.veryHidden ? 'VeryHidden' : 'Visible';
      const hide = state.visibility.get(plan.sheet) !== wanted;
      if (existing && hide && state.workbookProtected) throw workbookProtectedError(plan.sheet);
      const width = Math.max(1, ...plan.rows.map((r) => r.length));
      // Text throughout: a cell list such as "1E5" or a date must not turn into a number.
      const text = plan.rows.map((row) => Array.from({ length: width }, (_, c) => (row[c] === null || row[c] === undefined ? '' : String(row[c]))));
      // The sheet is added and hidden first, on its own: an empty hidden sheet of ours is harmless
      // should the write fail, while a sheet left visible with the reviewers' names is not.
      if (!existing || hide) {
        await runStructure(async (context) => {
          const sheets = context.workbook.worksheets;
          const sheet = existing ? sheets.getItem(plan.sheet) : sheets.add(plan.sheet);
          if (hide) sheet.visibility = wanted as Excel.SheetVisibility;
          await context.sync();
        });
      }
      await runWrite(async (context) => {
        const sheet = context.workbook.worksheets.getItem(plan.sheet);
        if (existing) sheet.getUsedRange().clear();
        if (text.length > 0) {
          const range = sheet.getRange(`A1:${columnLetter(width - 1)}${text.length}`);
          range.numberFormat = text.map((row) => row.map(() => '@'));
          range.values = text;
        }
        await context.sync();
      });
      // Only our sheet changed, and we know how: a write that follows needs no new read.
      const written: SheetSnapshot = {
        name: plan.sheet,
        startRow: 0,
        startColumn: 0,
        values: text.map((row) => row.map((v) => (v === '' ? null : v))),
        numberFormats: text.map((row) => row.map(() => '@')),
        merges: [],
        protected: false,
      };
      const sheets = existing ? state.snapshot.sheets.map((s) => (s.name === plan.sheet ? written : s)) : [...state.snapshot.sheets, written];
      next = {
        ...state,
        snapshot: { sheets },
        sheets: new Map(sheets.map((s) => [s.name, s])),
        visibility: new Map([...state.visibility, [plan.sheet, wanted]]),
      };
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      known = next;
    }
  }

  async function writeReportSheet(plan: ReportSheetPlan): Promise<ReportSheetSummary> {
    try {
      const state = await current();
      const existing = guardOwnSheet(state, plan.sheet, isOurReportSheet);
      const linksOn = has('1.7');
      const width = Math.max(1, plan.columnWidths.length, ...plan.rows.map((r) => r.length));
      const cellAt = (row: ReportCell[], c: number): ReportCell => row[c] ?? { value: null };
      let links = 0;
      if (!existing) {
        await runStructure(async (context) => {
          context.workbook.worksheets.add(plan.sheet);
          await context.sync();
        });
      }
      await runWrite(async (context) => {
        const sheet = context.workbook.worksheets.getItem(plan.sheet);
        if (existing) sheet.getUsedRange().clear();
        plan.columnWidths.forEach((chars, c) => {
          sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = columnPoints(chars);
        });
        if (plan.rows.length > 0) {
          const all = sheet.getRange(`A1:${columnLetter(width - 1)}${plan.rows.length}`);
          // Text stays text: Excel would read "1/2" as a date or "=…" as a formula.
          all.numberFormat = plan.rows.map((row) =>
            Array.from({ length: width }, (_, c) => {
              const cell = cellAt(row, c);
              return typeof cell.value === 'string' ? '@' : (cell.numberFormat ?? 'General');
            }),
          );
          all.values = plan.rows.map((row) => Array.from({ length: width }, (_, c) => cellAt(row, c).value ?? ''));
        }
        // The message column (the widest) wraps, so a long message prints in full.
        const wide = plan.columnWidths.indexOf(Math.max(...plan.columnWidths));
        plan.rows.forEach((row, r) => {
          row.forEach((cell, c) => {
            if (cell.value === null) return;
            const range = sheet.getRange(`${columnLetter(c)}${r + 1}`);
            if (cell.link && linksOn) {
              range.hyperlink = { documentReference: qualify(cell.link.sheet, cell.link.cell), textToDisplay: String(cell.value) };
              range.format.font.color = LINK_COLOR;
              range.format.font.underline = 'Single' as Excel.RangeUnderlineStyle;
              links += 1;
            }
            if (cell.style) styleCell(range, cell.style);
            if (c === wide && row.length > 1) range.format.wrapText = true;
          });
        });
        await context.sync();
      });
      return { sheet: plan.sheet, rows: plan.rows.length, links, created: !existing };
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      known = undefined;
    }
  }

  async function selectCells(sheetName: string, cells: string[]): Promise<void> {
    const multi = cells.length > 1 && cells.length <= MAX_SELECT_AREAS && has('1.18');
    try {
      await run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        if (multi) sheet.getRanges(cells.join(', ')).select();
        else if (cells.length > 0) sheet.getRange(boundingArea(cells)).select();
        await context.sync();
      });
    } catch (error) {
      throw toAdapterError(error);
    }
  }

  return {
    async readSnapshot() {
      try {
        return (await read()).snapshot;
      } catch (error) {
        throw toAdapterError(error);
      }
    },
    writeResults,
    clearResults,
    writeAcceptances,
    writeReportSheet,
    selectCells,
    capabilities,
  };
}

const LINK_COLOR = '#0563C1';

function isUndoNotSupported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'UndoNotSupported';
}

/** How the report's styles look in Excel (as the CLI's copy has them). */
const STYLE_FONT: Record<ReportStyle, { bold?: boolean; italic?: boolean; size?: number; color?: string }> = {
  title: { bold: true, size: 16 },
  heading: { bold: true, size: 13 },
  header: { bold: true },
  label: { bold: true },
  total: { bold: true },
  error: { bold: true, color: '#C50F1F' },
  warning: { bold: true, color: '#8A6100' },
  info: { color: '#0F6CBD' },
  accepted: { italic: true, color: '#616161' },
};

function styleCell(range: Excel.Range, style: ReportStyle): void {
  const look = STYLE_FONT[style];
  const font = range.format.font;
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size) font.size = look.size;
  if (look.color) font.color = look.color;
  if (style === 'header') range.format.fill.color = '#F0F0F0';
}

/** Column width in characters (as the core plans it) → points, as Range.format.columnWidth takes it. */
function columnPoints(characters: number): number {
  // Excel's default font: 7-pixel digits plus 5 pixels of padding, at 96 dpi (0.75 pt per pixel).
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The smallest range holding every given cell or range. */
function boundingArea(cells: string[]): string {
  const rects = cells.map((c) => parseRange(c));
  return rangeAddress({
    top: Math.min(...rects.map((r) => r.top)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    left: Math.min(...rects.map((r) => r.left)),
    right: Math.max(...rects.map((r) => r.right)),
  });
}

function locationKey(address: string): string {
  const { sheet, area } = parseQualified(address);
  return cellKey(sheet ?? '', area);
}

function normaliseValue(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** One sheet's snapshot from its row bands (each band's used range sits at its own offset). */
function assembleSheet(read: SheetRead): SheetSnapshot {
  const merges = new Set<string>();
  for (const areas of read.merges) {
    if (areas.isNullObject) continue;
    for (const part of splitAreaList(areas.address)) merges.add(parseQualified(part).area);
  }
  const snapshot: SheetSnapshot = {
    name: read.name,
    startRow: 0,
    startColumn: 0,
    values: [],
    numberFormats: [],
    merges: [...merges],
    protected: read.protection?.protected ?? false,
  };
  const bands = read.bands.filter((band) => !band.isNullObject);
  if (bands.length === 0) return snapshot;

  const top = Math.min(...bands.map((b) => b.rowIndex));
  const left = Math.min(...bands.map((b) => b.columnIndex));
  const bottom = Math.max(...bands.map((b) => b.rowIndex + b.values.length - 1));
  const right = Math.max(...bands.map((b) => b.columnIndex + (b.values[0]?.length ?? 1) - 1));
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(width).fill(null));
  const formats: string[][] = Array.from({ length: bottom - top + 1 }, () => new Array<string>(width).fill('General'));
  for (const band of bands) {
    const bandValues = band.values;
    const bandFormats = band.numberFormat;
    bandValues.forEach((row, r) =>
      row.forEach((value, c) => {
        const y = band.rowIndex - top + r;
        const x = band.columnIndex - left + c;
        values[y][x] = normaliseValue(value);
        formats[y][x] = String(bandFormats[r]?.[c] ?? 'General');
      }),
    );
  }
  return { ...snapshot, startRow: top, startColumn: left, values, numberFormats: formats };
}

/** The adapter over the real Excel, for the task pane (call after Office.onReady). */
export function createOfficeWorkbookAdapter(): WorkbookAdapter {
  return createWorkbookAdapter({
    run: Excel.run as ExcelRun,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}
