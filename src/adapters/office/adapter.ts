// The adapter between Office.js and the core: reads a WorkbookSnapshot (one sync for a one-sheet
// workbook: the sheet list and a blind look at the active sheet; then sizes, values, and formats and
// merges of the sheets that may hold a table), applies the core's write plans after re-reading the
// cells they touch, clears our cells, writes our two sheets (the very hidden accepted findings, the
// 校验报告), and selects cells for the pane. On Excel on the web every step is split into syncs
// under an estimated byte budget (5 MB per request and per response is Excel's limit).
// It takes Excel.run and the requirement check as parameters, so tests and the workbench hand in
// the simulator; only createOfficeWorkbookAdapter touches the globals.
import { columnLetter, RESULT_HEADER_BOLD_FORMAT, type AcceptanceSheetPlan, isOurSheet, isOurNote, isOurReportSheet, type ReportCell, type ReportSheetPlan, type ReportStyle, type CellValue, type LocalizedText, type SheetSnapshot, type SheetWritePlan, type WorkbookSnapshot } from '../../core/index.js';
import { HEADER_FILL, LINK_COLOR, REPORT_FONTS } from '../reportStyles.js';
import { parseQualified, qualify, splitAreaList } from './addresses.js';
import { after, isPayloadError, syncJobs, textBytes, WEB_BUDGET, type Job } from './batches.js';
import { canonicalMarkFormat } from './formatMark.js';
import { cellOf, guardOwnSheet, guardTargets, isOurs } from '../writeGuard.js';
import { boundingArea, equalRuns, normaliseValue, runsOf, type CellRun, columnRange } from '../cellRuns.js';
import { textSheet, withSheet } from '../ownSheetState.js';
import {
  formulaCellsError,
  mergesGivenUp,
  staleSnapshotError,
  toAdapterError,
  unsupportedError,
  workbookProtectedError,
  } from './errors.js';

/** Excel.run's two shapes used here: run(batch) and run(options, batch). */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Goes on in an earlier context (Office.js: how event handlers are removed). */
  <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** Office.context.requirements.isSetSupported. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export interface WorkbookAdapterOptions {
  run: ExcelRun;
  isSetSupported: IsSetSupported;
  /**
   * Rows of the active sheet read blind in the first sync, with the sheet list (the active sheet is
   * usually the table, so a one-sheet workbook is read in one sync). A longer active sheet is read
   * like the others, by its used range. Default 20,000 on the desktop, 1,000 on the web.
   */
  eagerRows?: number;
  /**
   * "web": Excel on the web, where a request or a response above 5 MB fails, so reads and writes
   * are split into syncs of at most `payloadBudget` estimated bytes. "desktop" (default): unbounded.
   */
  platform?: 'web' | 'desktop';
  /** Estimated bytes per sync on the web; default 2.5 MB (half of Excel's limit). */
  payloadBudget?: number;
}

export type AnnotationMode = 'notes' | 'comments' | 'fill';

export type UndoMode = 'none' | 'per-sync' | 'one-step';

export interface AdapterCapabilities {
  /** Findings go into notes (ExcelApi 1.18), else comments (1.10), else only the fill colour shows them. */
  annotation: AnnotationMode;
  /** Merged areas are read (ExcelApi 1.13); otherwise merges = [] and the core infers them. */
  mergesRead: boolean;
  /** A write or clear is one undo step (ExcelApi 1.20). */
  undoGroup: boolean;
  /**
   * What Ctrl+Z does after a write: below ExcelApi 1.19 add-in writes clear the undo stack ("by
   * design"), 1.19 makes each sync one step (a large write on the web takes several), 1.20 groups
   * a whole write into one step.
   */
  undo: UndoMode;
  /** Several separate cells can be selected at once (ExcelApi 1.18); otherwise their bounding range. */
  multiSelect: boolean;
  /** The 校验报告 sheet links to cells (Range.hyperlink, ExcelApi 1.7); otherwise it shows the addresses as text. */
  hyperlinks: boolean;
  /** Edits to checked sheets can be watched (Worksheet.onChanged, ExcelApi 1.7) for a live re-check. */
  liveRecheck: boolean;
}

export interface WatchOptions {
  /** Quiet time after the last edit before `onChange` is called; default 800 ms. */
  debounceMs?: number;
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
  /**
   * Every worksheet's used range, merged areas and protection, and number formats where a table may
   * be: 1 sync for a one-sheet workbook without annotations, else 4 on the desktop (more on the web).
   */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /**
   * Re-reads the cells the plans touch (refusing when they changed since the read, or hold a
   * formula), then clears each plan's `clear` cells and writes its cells: 2 syncs on the desktop
   * (3 in comments mode); refuses protected sheets.
   */
  writeResults(plans: SheetWritePlan[], options?: WriteOptions): Promise<WriteSummary>;
  /** Empties exactly the given cells of ours (value, format, fill, note/comment) after a re-read; returns the count. */
  clearResults(targets: ClearTarget[]): Promise<number>;
  /**
   * Replaces the very hidden sheet of accepted findings with the plan's rows (adding it when
   * missing, and hiding it, outside the merged undo group); refuses a protected sheet, or a
   * protected workbook when it must add it.
   */
  writeAcceptances(plan: AcceptanceSheetPlan): Promise<void>;
  /**
   * Adds the 校验报告 sheet (outside the merged undo group), or refreshes it when an earlier run wrote it: values,
   * links to cells (ExcelApi 1.7), styles and column widths. Refuses a user's own sheet of that
   * name, a protected sheet or workbook.
   */
  writeReportSheet(plan: ReportSheetPlan): Promise<ReportSheetSummary>;
  /** Activates `sheet` and selects the cells (A1 cells or ranges). */
  selectCells(sheet: string, cells: string[]): Promise<void>;
  capabilities(): AdapterCapabilities;
  /** What the last read could not do as asked (a sheet's merges inferred instead of read), for the pane to show. */
  readWarnings(): LocalizedText[];
  /**
   * Calls `onChange` with the sheets edited, once edits have paused (debounced; never once per
   * keystroke), for a live re-check. Our own writes are not reported. Resolves to the function that
   * stops watching, or null where Excel has no onChanged (below ExcelApi 1.7).
   */
  watchChanges(sheets: string[], onChange: (sheets: string[]) => void, options?: WatchOptions): Promise<(() => Promise<void>) | null>;
}

/** Rows per values read (a band is also the unit the budget splits by). */
export const VALUE_BAND_ROWS = 5_000;
/**
 * Rows per merged-areas read: Excel fails a read of more than 512 merged areas, so a band holds at
 * most 4 merges per row; a band that still fails is halved, down to one row, then given up.
 */
export const MERGE_BAND_ROWS = 128;
const DEFAULT_EAGER_ROWS = 20_000;
/** Rows of the 校验报告 per values write. */
const REPORT_BAND_ROWS = 500;
const WEB_EAGER_ROWS = 1_000;
const MAX_SELECT_AREAS = 200;
/** Below ExcelApi 1.14, change events this soon after our own write are taken for its echo. */
const OWN_EVENTS_MS = 1_000;

// Estimated bytes, after what Office.js's serializer was measured to send (OFFICE-NOTES.md).
/** One action of a request (an object path, a method call, a property set) besides its arguments. */
const ACTION = 150;
/** A read response, per cell: values (long texts cost more: a refused sync is halved and retried) and number formats. */
const VALUE_CELL = 20;
const FORMAT_CELL = 16;
/** A merged-areas read: its address text, per merge expected (≈ 2 per row in these tables). */
const MERGE_ROW = 60;

/** A sheet holds a table candidate when some cell names an indicator (指标) or our 得分. */
const CANDIDATE = /指标|得分/;

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
  /** What the read could not do as asked (merges given up), for the pane. */
  warnings: LocalizedText[];
}

/** A block of cells read from a sheet: values, and number formats where they were read. */
interface Block {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formats?: unknown[][];
}

/** What is gathered about one sheet while reading. */
interface SheetRead {
  name: string;
  sheet: Excel.Worksheet;
  protection?: Excel.WorksheetProtection;
  /** Used range (values only): null object for an empty sheet. */
  used?: Excel.Range;
  blocks: Block[];
  /** Null when the merges were not read (no candidate, ExcelApi < 1.13, or given up). */
  merges: Set<string> | null;
  /** True when its number formats were read. */
  formats: boolean;
}

/** Bounds of a used range, 0-based as Range.rowIndex/columnIndex give them. */
interface Bounds {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

const cellKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

export function createWorkbookAdapter(options: WorkbookAdapterOptions): WorkbookAdapter {
  const { run, isSetSupported } = options;
  const eagerRows = Math.max(1, options.eagerRows ?? (options.platform === 'web' ? WEB_EAGER_ROWS : DEFAULT_EAGER_ROWS));
  const budget = options.platform === 'web' ? (options.payloadBudget ?? WEB_BUDGET) : Infinity;
  const has = (version: string): boolean => isSetSupported('ExcelApi', version);
  let known: KnownState | undefined;
  let lastWarnings: LocalizedText[] = [];

  function capabilities(): AdapterCapabilities {
    return {
      annotation: has('1.18') ? 'notes' : has('1.10') ? 'comments' : 'fill',
      mergesRead: has('1.13'),
      undoGroup: has('1.20'),
      undo: has('1.20') ? 'one-step' : has('1.19') ? 'per-sync' : 'none',
      multiSelect: has('1.18'),
      hyperlinks: has('1.7'),
      liveRecheck: has('1.7'),
    };
  }

  /**
   * Cell writes go through here: one undo step where Excel can group them (ExcelApi 1.20). Should
   * Excel still refuse a member as not undoable, the batch runs again ungrouped: our writes are
   * idempotent (values and formats set again, annotations only added where none is).
   */
  async function runWrite<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return ownWrite(async () => {
      if (!has('1.20')) return run(batch);
      try {
        return await run({ mergeUndoGroup: true }, batch);
      } catch (error) {
        if (!isUndoNotSupported(error)) throw error;
        return run(batch);
      }
    });
  }

  // Our own writes raise onChanged too. From ExcelApi 1.14 the event says so (triggerSource);
  // below, events during a write and shortly after it are taken for ours.
  let writing = 0;
  let quietUntil = 0;
  async function ownWrite<T>(write: () => Promise<T>): Promise<T> {
    writing += 1;
    try {
      return await write();
    } finally {
      writing -= 1;
      quietUntil = Date.now() + OWN_EVENTS_MS;
    }
  }

  async function watchChanges(sheets: string[], onChange: (sheets: string[]) => void, watch: WatchOptions = {}): Promise<(() => Promise<void>) | null> {
    if (!has('1.7') || sheets.length === 0) return null;
    const debounceMs = watch.debounceMs ?? 800;
    const edited = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handlerFor = (name: string) => async (event: Excel.WorksheetChangedEventArgs) => {
      if (String(event.triggerSource ?? '') === 'ThisLocalAddin') return;
      if (event.triggerSource === undefined && (writing > 0 || Date.now() < quietUntil)) return;
      edited.add(name);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const names = [...edited];
        edited.clear();
        onChange(names);
      }, debounceMs);
    };
    try {
      const results = await run(async (context) => {
        const added = sheets.map((name) => context.workbook.worksheets.getItem(name).onChanged.add(handlerFor(name)));
        await context.sync();
        return added;
      });
      return async () => {
        if (timer !== undefined) clearTimeout(timer);
        await run(results[0].context as Excel.RequestContext, async (context) => {
          for (const result of results) result.remove();
          await context.sync();
        });
      };
    } catch (error) {
      throw toAdapterError(error);
    }
  }

  /**
   * Adding or hiding a sheet is not undoable on Windows and Mac: inside a merged undo group it
   * throws UndoNotSupported. So it runs on its own, before the grouped cell writes.
   */
  function runStructure(batch: (context: Excel.RequestContext) => Promise<void>): Promise<void> {
    return ownWrite(() => run(batch));
  }

  /** Jobs reading values (and number formats) of a sheet's used range, band by band. */
  function bandJobs(entry: SheetRead, bounds: Bounds, what: 'values' | 'numberFormat'): Job[] {
    const jobs: Job[] = [];
    const last = bounds.rowIndex + bounds.rowCount;
    for (let top = bounds.rowIndex + 1; top <= last; top += VALUE_BAND_ROWS) {
      jobs.push(bandJob(entry, bounds, top, Math.min(top + VALUE_BAND_ROWS - 1, last), what));
    }
    return jobs;
  }

  function bandJob(entry: SheetRead, bounds: Bounds, top: number, bottom: number, what: 'values' | 'numberFormat'): Job {
    const left = columnLetter(bounds.columnIndex);
    const right = columnLetter(bounds.columnIndex + bounds.columnCount - 1);
    const cells = (bottom - top + 1) * bounds.columnCount;
    return {
      request: 3 * ACTION,
      response: cells * (what === 'values' ? VALUE_CELL : FORMAT_CELL),
      queue() {
        const band = entry.sheet.getRange(`${left}${top}:${right}${bottom}`);
        if (what === 'values') band.load('values');
        else band.load('numberFormat');
        return after(band, (loaded) => {
          const block: Block = { rowIndex: top - 1, columnIndex: bounds.columnIndex, values: [] };
          if (what === 'values') block.values = loaded.values;
          else block.formats = loaded.numberFormat;
          entry.blocks.push(block);
        });
      },
      split: () => (bottom > top ? halves(top, bottom).map(([t, b]) => bandJob(entry, bounds, t, b, what)) : undefined),
    };
  }

  /** Jobs reading a sheet's merged areas over the used rows, in bands Excel accepts. */
  function mergeJobs(entry: SheetRead, bounds: Bounds): Job[] {
    const jobs: Job[] = [];
    const last = bounds.rowIndex + bounds.rowCount;
    for (let top = bounds.rowIndex + 1; top <= last; top += MERGE_BAND_ROWS) {
      jobs.push(mergeJob(entry, top, Math.min(top + MERGE_BAND_ROWS - 1, last)));
    }
    return jobs;
  }

  function mergeJob(entry: SheetRead, top: number, bottom: number): Job {
    return {
      request: 3 * ACTION,
      response: (bottom - top + 1) * MERGE_ROW,
      fragile: true,
      queue() {
        // Returns only merges whose top-left cell is in the band, so bands never report one twice.
        const merged = entry.sheet.getRange(`${top}:${bottom}`).getMergedAreasOrNullObject();
        merged.load('address');
        return after(merged, (loaded) => {
          if (loaded.isNullObject || !entry.merges) return;
          for (const part of splitAreaList(loaded.address)) entry.merges.add(parseQualified(part).area);
        });
      },
      split: () => (bottom > top ? halves(top, bottom).map(([t, b]) => mergeJob(entry, t, b)) : undefined),
      // Even one row holds too many merged areas: the core infers this sheet's merges instead.
      giveUp: () => {
        entry.merges = null;
        return true;
      },
    };
  }

  async function read(): Promise<KnownState> {
    if (!has('1.4')) throw unsupportedError();
    const caps = capabilities();
    const warnings: LocalizedText[] = [];
    const state = await run(async (context) => {
      const queueList = () => {
        // Every sheet, hidden and very hidden ones included: the core reads acceptances from one.
        const worksheets = context.workbook.worksheets;
        worksheets.load('items/name,items/visibility');
        const structure = has('1.7') ? context.workbook.protection : undefined;
        structure?.load('protected');
        const notes = caps.annotation === 'notes' ? context.workbook.notes : undefined;
        notes?.load('items/content');
        const comments = has('1.10') ? context.workbook.comments : undefined;
        comments?.load('items/id,items/content');
        return { worksheets, structure, notes, comments };
      };

      // First sync: the sheet list and annotations, and a first look at the active sheet (usually
      // the table): its used range and its first rows, whole. A one-sheet workbook needs no other.
      let list = queueList();
      let guess: ReturnType<typeof queueGuess> | undefined = queueGuess(context, caps.mergesRead);
      try {
        await context.sync();
      } catch (error) {
        // The blind look is what Excel refused (too large, too many merges): ask for the list alone.
        if (!isPayloadError(error) && !(caps.mergesRead && guess.merges.length > 0)) throw error;
        guess = undefined;
        list = queueList();
        await context.sync();
      }
      const { worksheets, structure, notes, comments } = list;

      const reads: SheetRead[] = worksheets.items.map((sheet) => ({ name: sheet.name, sheet, blocks: [], merges: null, formats: false }));
      const complete = guess && guessComplete(guess);
      const guessed = complete ? reads.find((r) => r.name === guess!.sheet.name) : undefined;
      if (guessed && guess) {
        guessed.protection = guess.protection;
        if (!guess.band.isNullObject) {
          guessed.blocks.push({ rowIndex: guess.band.rowIndex, columnIndex: guess.band.columnIndex, values: guess.band.values, formats: guess.band.numberFormat });
        }
        guessed.formats = true;
        if (caps.mergesRead) {
          guessed.merges = new Set();
          for (const areas of guess.merges) {
            if (areas.isNullObject) continue;
            for (const part of splitAreaList(areas.address)) guessed.merges.add(parseQualified(part).area);
          }
        }
      }

      // Second sync: the size of every other sheet, and where the annotations are.
      const others = reads.filter((r) => r !== guessed);
      for (const entry of others) {
        entry.used = entry.sheet.getUsedRangeOrNullObject(true);
        entry.used.load('rowIndex,rowCount,columnIndex,columnCount');
        if (has('1.2')) {
          entry.protection = entry.sheet.protection;
          entry.protection.load('protected');
        }
      }
      const noteCells = (notes?.items ?? []).map((note) => note.getLocation().load('address'));
      const commentCells = (comments?.items ?? []).map((comment) => comment.getLocation().load('address'));
      if (others.length > 0 || noteCells.length > 0 || commentCells.length > 0) await context.sync();

      // Then their values, inside the used range only, in as many syncs as the budget needs.
      const sized = others.flatMap((entry) => (entry.used && !entry.used.isNullObject ? [{ entry, bounds: boundsOf(entry.used) }] : []));
      await syncJobs(context, sized.flatMap(({ entry, bounds }) => bandJobs(entry, bounds, 'values')), budget);

      // Number formats and merged areas only where a table may be (a long list of amounts has none).
      const candidates = sized.filter(({ entry }) => holdsCandidate(entry));
      for (const { entry } of candidates) {
        entry.formats = true;
        if (caps.mergesRead) entry.merges = new Set();
      }
      await syncJobs(
        context,
        candidates.flatMap(({ entry, bounds }) => [...bandJobs(entry, bounds, 'numberFormat'), ...(caps.mergesRead ? mergeJobs(entry, bounds) : [])]),
        budget,
      );
      for (const { entry } of candidates) {
        if (caps.mergesRead && entry.merges === null) warnings.push(mergesGivenUp(entry.name));
      }

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
        warnings,
      } satisfies KnownState;
    });
    known = state;
    lastWarnings = state.warnings;
    return state;
  }

  /** The blind first look at the active sheet: used range, protection, first rows with formats, their merges. */
  function queueGuess(context: Excel.RequestContext, mergesRead: boolean) {
    const activeSheet = context.workbook.worksheets.getActiveWorksheet();
    let protection: Excel.WorksheetProtection | undefined;
    if (has('1.2')) {
      // A proxy of its own: the linter takes a navigation on a loaded proxy for a read.
      protection = context.workbook.worksheets.getActiveWorksheet().protection;
      protection.load('protected');
    }
    activeSheet.load('name');
    const used = activeSheet.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    const band = activeSheet.getRange(`1:${eagerRows}`).getUsedRangeOrNullObject(true);
    band.load('values,numberFormat,rowIndex,columnIndex');
    const merges: Excel.RangeAreas[] = [];
    for (let top = 1; mergesRead && top <= eagerRows; top += MERGE_BAND_ROWS) {
      const merged = activeSheet.getRange(`${top}:${Math.min(top + MERGE_BAND_ROWS - 1, eagerRows)}`).getMergedAreasOrNullObject();
      merged.load('address');
      merges.push(merged);
    }
    return { sheet: activeSheet, used, protection, band, merges };
  }

  function guessComplete(guess: ReturnType<typeof queueGuess>): boolean {
    return guess.used.isNullObject || guess.used.rowIndex + guess.used.rowCount <= eagerRows;
  }

  async function current(): Promise<KnownState> {
    return known ?? read();
  }

  /** Refuses, before anything is queued, sheets that are protected, missing, or cells that are not ours. */
  const guard = (state: KnownState, targets: { sheet: string; cells: string[] }[]): void => guardTargets(state.sheets, targets);

  /**
   * Jobs that re-read, inside the write's own Excel.run, what the write depends on: the target
   * cells (values and formulas) and, on their rows, the table's cells left of them. A value typed,
   * a row inserted or deleted, or a co-author's edit since the check shows as a difference.
   */
  function verifyJobs(sheet: Excel.Worksheet, snap: SheetSnapshot, cells: string[], found: { changed: string[]; formulas: string[] }): Job[] {
    return runsOf(cells).map((run) => {
      const rows = run.bottom - run.top + 1;
      const left = Math.min(snap.startColumn, run.column);
      const columns = run.column - left + 1;
      return {
        request: 4 * ACTION,
        response: rows * (columns + 1) * VALUE_CELL,
        queue() {
          // One range from the table's left edge to the target column: values of all, formulas of the last.
          const rows = sheet.getRange(`${columnLetter(left)}${run.top}:${columnLetter(run.column)}${run.bottom}`);
          rows.load('values,formulas');
          return after(rows, (loaded) => {
            loaded.values.forEach((line, r) =>
              line.forEach((value, c) => {
                const a1 = `${columnLetter(left + c)}${run.top + r}`;
                const formula: unknown = loaded.formulas[r]?.[c];
                const target = left + c === run.column;
                const isFormula = typeof formula === 'string' && formula.startsWith('=');
                if (target && isFormula) found.formulas.push(a1);
                // A formula's result may recalculate (=NOW()): only typed values tell of an edit.
                else if (!isFormula && normaliseValue(value) !== cellOf(snap, a1).value) found.changed.push(a1);
              }),
            );
          });
        },
      };
    });
  }

  /** Re-reads the targets of a write and refuses it when the workbook changed since the read. */
  async function verify(context: Excel.RequestContext, state: KnownState, targets: { sheet: string; cells: string[] }[]): Promise<void> {
    const results = targets.map((t) => ({ sheet: t.sheet, changed: [] as string[], formulas: [] as string[] }));
    const jobs = targets.flatMap((t, i) =>
      verifyJobs(context.workbook.worksheets.getItem(t.sheet), state.sheets.get(t.sheet)!, t.cells, results[i]),
    );
    await syncJobs(context, jobs, budget);
    const formulas = results.find((r) => r.formulas.length > 0);
    if (formulas) throw formulaCellsError(formulas.sheet, formulas.formulas);
    const changed = results.find((r) => r.changed.length > 0);
    if (changed) throw staleSnapshotError(changed.sheet, changed.changed);
  }

  /** Jobs removing our value, format, fill and note/comment from cells: a run of rows at a time. */
  function clearJobs(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, cells: string[], state: KnownState): Job[] {
    const jobs: Job[] = runsOf(cells).map((run) => {
      const rows = run.bottom - run.top + 1;
      return {
        request: 6 * ACTION + rows * 16,
        response: 0,
        queue() {
          const cleared = sheet.getRange(runAddress(run));
          cleared.values = Array.from({ length: rows }, () => ['']);
          cleared.numberFormat = Array.from({ length: rows }, () => ['General']);
          cleared.format.fill.clear();
        },
      };
    });
    // A header we made bold (its mark says so) is given its own weight back.
    const snap = state.sheets.get(name);
    for (const a1 of cells) {
      if (snap && cellOf(snap, a1).numberFormat === RESULT_HEADER_BOLD_FORMAT) jobs.push({ request: 4 * ACTION, response: 0, queue: () => void (sheet.getRange(a1).format.font.bold = false) });
    }
    for (const a1 of cells) {
      if (state.ourAnnotations.has(cellKey(name, a1))) jobs.push(removeAnnotationJob(context, sheet, name, a1, state));
    }
    return jobs;
  }

  /** Removes our note or comment from a cell (only annotations the read saw, and only ours). */
  function removeAnnotationJob(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, a1: string, state: KnownState): Job {
    return { request: 4 * ACTION, response: 0, queue: () => queueRemoveAnnotations(context, sheet, name, a1, state) };
  }

  function queueRemoveAnnotations(context: Excel.RequestContext, sheet: Excel.Worksheet, name: string, a1: string, state: KnownState): void {
    // Asking for a missing annotation would fail the whole batch.
    const key = cellKey(name, a1);
    if (!state.ourAnnotations.has(key)) return;
    if (has('1.18') && state.notes.has(key)) sheet.notes.getItem(a1).delete();
    if (has('1.10') && state.comments.has(key)) context.workbook.comments.getItemByCell(sheet.getRange(a1)).delete();
  }

  async function writeResults(plans: SheetWritePlan[], options: WriteOptions = {}): Promise<WriteSummary> {
    const caps = capabilities();
    const summary: WriteSummary = { written: 0, cleared: 0, annotations: 0, annotation: caps.annotation, keptUserAnnotations: [] };
    try {
      const active = plans.filter((p) => p.writes.length > 0 || p.clear.length > 0);
      if (active.length === 0) return summary;
      const state = await current();
      const targets = active.map((p) => ({ sheet: p.sheet, cells: [...p.clear, ...p.writes.map((w) => w.address)] }));
      guard(state, targets);
      const notesOn = (options.notes ?? true) && caps.annotation !== 'fill';
      const fillsOn = options.fills ?? true;

      await runWrite(async (context) => {
        // Whether each header to be bold is bold already, read in the verifying sync.
        const boldNow = new Map<string, Excel.RangeFont>();
        for (const plan of active) {
          for (const w of plan.writes) if (w.bold) boldNow.set(cellKey(plan.sheet, w.address), context.workbook.worksheets.getItem(plan.sheet).getRange(w.address).format.font.load('bold'));
        }
        await verify(context, state, targets);
        const jobs: Job[] = [];
        const comments: CommentAdd[] = [];
        for (const plan of active) {
          const sheet = context.workbook.worksheets.getItem(plan.sheet);
          const snap = state.sheets.get(plan.sheet)!;
          jobs.push(...clearJobs(context, sheet, plan.sheet, plan.clear, state));
          summary.cleared += plan.clear.length;
          // Made bold by us (not bold before, or marked so by an earlier run): marked for 清除结果.
          const planned = plan.writes.map((w) => {
            if (!w.bold) return w;
            const font = boldNow.get(cellKey(plan.sheet, w.address));
            const ours = cellOf(snap, w.address).numberFormat === RESULT_HEADER_BOLD_FORMAT;
            if (!ours && font?.bold === true) return w;
            if (font?.bold !== true) jobs.push({ request: 4 * ACTION, response: 0, queue: () => void (sheet.getRange(w.address).format.font.bold = true) });
            return { ...w, numberFormat: RESULT_HEADER_BOLD_FORMAT };
          });
          const byAddress = new Map(planned.map((w) => [w.address, w]));
          const runs = runsOf(plan.writes.map((w) => w.address));
          for (const run of runs) {
            const writes = cellsOfRun(run).map((a1) => byAddress.get(a1)!);
            jobs.push(valuesJob(sheet, run, writes));
            // Fills by runs of one colour; our old fill goes where the new cell has none.
            const fills = writes.map((w) => (fillsOn && w.fill ? w.fill : isOurs(snap, w.address) ? null : undefined));
            for (const part of equalRuns(fills)) {
              const fill = fills[part.from];
              if (fill === undefined) continue;
              jobs.push(fillJob(sheet, { column: run.column, top: run.top + part.from, bottom: run.top + part.to }, fill));
            }
          }
          for (const w of plan.writes) {
            summary.written += 1;
            const key = cellKey(plan.sheet, w.address);
            // Our old note goes before the new one is added.
            if (state.ourAnnotations.has(key)) jobs.push(removeAnnotationJob(context, sheet, plan.sheet, w.address, state));
            if (!notesOn || !w.note) continue;
            // A cell holds one note or one threaded comment: a user's of either kind stays, and ours is not added.
            if ((state.notes.has(key) || state.comments.has(key)) && !state.ourAnnotations.has(key)) {
              summary.keptUserAnnotations.push(`${plan.sheet}!${w.address}`);
              continue;
            }
            if (caps.annotation === 'notes') jobs.push(annotationJob(context, sheet, w.address, w.note, caps.annotation));
            else comments.push({ sheet, name: plan.sheet, a1: w.address, note: w.note });
            summary.annotations += 1;
          }
        }
        await syncJobs(context, jobs, budget);
        await addComments(context, comments, summary);
      });
      return summary;
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      // The workbook changed (or may have): the next write reads afresh unless a read comes first.
      known = undefined;
    }
  }

  /** One column run written as one 2-D number format and one 2-D values (format first, so a number stays a number). */
  function valuesJob(sheet: Excel.Worksheet, run: CellRun, writes: SheetWritePlan['writes']): Job {
    return {
      request: 3 * ACTION + writes.reduce((n, w) => n + textBytes(w.numberFormat) + textBytes(String(w.value ?? '')) + 4, 0),
      response: 0,
      queue() {
        const column = sheet.getRange(runAddress(run));
        column.numberFormat = writes.map((w) => [w.numberFormat]);
        column.values = writes.map((w) => [w.value]);
      },
    };
  }

  function fillJob(sheet: Excel.Worksheet, run: CellRun, fill: string | null): Job {
    return {
      request: 4 * ACTION + 12,
      response: 0,
      queue() {
        const range = sheet.getRange(runAddress(run));
        if (fill === null) range.format.fill.clear();
        else range.format.fill.color = fill;
      },
    };
  }

  /**
   * Comments go last. Below ExcelApi 1.18 a user's note is invisible to the API, yet a cell
   * holding one refuses a comment. Excel stops a sync at the failing command, so the first of ours
   * that is missing afterwards is that cell: it is counted as the user's, and the rest go on.
   */
  async function addComments(context: Excel.RequestContext, adds: CommentAdd[], summary: WriteSummary): Promise<void> {
    let rest = adds;
    while (rest.length > 0) {
      try {
        await syncJobs(context, rest.map((add) => annotationJob(context, add.sheet, add.a1, add.note, 'comments')), budget);
        return;
      } catch (error) {
        if (isPayloadError(error)) throw error;
        const all = context.workbook.comments;
        all.load('items');
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- only after a refused comment, once per such cell
        await context.sync();
        const where = all.items.map((comment) => comment.getLocation().load('address'));
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- as above
        await context.sync();
        const present = new Set(where.map((range) => locationKey(range.address)));
        const failed = rest.findIndex((add) => !present.has(cellKey(add.name, add.a1)));
        if (failed < 0) throw error;
        summary.keptUserAnnotations.push(`${rest[failed].name}!${rest[failed].a1}`);
        summary.annotations -= 1;
        rest = rest.slice(failed + 1);
      }
    }
  }

  function annotationJob(context: Excel.RequestContext, sheet: Excel.Worksheet, a1: string, note: string, mode: AnnotationMode): Job {
    return {
      request: 3 * ACTION + textBytes(note) + textBytes(a1),
      response: 0,
      queue() {
        const range = sheet.getRange(a1);
        if (mode === 'notes') sheet.notes.add(range, note);
        else context.workbook.comments.add(range, note);
      },
    };
  }

  async function clearResults(targets: ClearTarget[]): Promise<number> {
    try {
      const active = targets.filter((t) => t.cells.length > 0);
      if (active.length === 0) return 0;
      const state = await current();
      guard(state, active);
      await runWrite(async (context) => {
        await verify(context, state, active);
        const jobs = active.flatMap((t) => clearJobs(context, context.workbook.worksheets.getItem(t.sheet), t.sheet, t.cells, state));
        await syncJobs(context, jobs, budget);
      });
      return active.reduce((n, t) => n + t.cells.length, 0);
    } catch (error) {
      throw toAdapterError(error);
    } finally {
      known = undefined;
    }
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
        const jobs: Job[] = [{ request: 3 * ACTION, response: 0, queue: () => (existing ? sheet.getUsedRange().clear() : undefined) }];
        for (let top = 0; top < text.length; top += REPORT_BAND_ROWS) {
          const rows = text.slice(top, top + REPORT_BAND_ROWS);
          jobs.push({
            request: 3 * ACTION + rows.reduce((n, row) => n + row.reduce((m, v) => m + textBytes(v) + 6, 0), 0),
            response: 0,
            queue() {
              const band = sheet.getRange(`A${top + 1}:${columnLetter(width - 1)}${top + rows.length}`);
              band.numberFormat = rows.map((row) => row.map(() => '@'));
              band.values = rows;
            },
          });
        }
        await syncJobs(context, jobs, budget);
      });
      // Only our sheet changed, and we know how: a write that follows needs no new read.
      const sheets = withSheet(state.snapshot.sheets, textSheet(plan.sheet, text));
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
      // The message column (the widest) wraps, so a long message prints in full.
      const wide = plan.columnWidths.indexOf(Math.max(...plan.columnWidths));
      await runWrite(async (context) => {
        const sheet = context.workbook.worksheets.getItem(plan.sheet);
        const jobs: Job[] = [
          {
            request: (plan.columnWidths.length + 2) * 3 * ACTION,
            response: 0,
            queue() {
              if (existing) sheet.getUsedRange().clear();
              plan.columnWidths.forEach((chars, c) => {
                sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = columnPoints(chars);
              });
            },
          },
        ];
        // Values and formats by bands of rows, each band one 2-D values and one 2-D numberFormat.
        for (let top = 0; top < plan.rows.length; top += REPORT_BAND_ROWS) {
          const rows = plan.rows.slice(top, top + REPORT_BAND_ROWS);
          // Text stays text: Excel would read "1/2" as a date or "=…" as a formula.
          const formats = rows.map((row) =>
            Array.from({ length: width }, (_, c) => {
              const cell = cellAt(row, c);
              return typeof cell.value === 'string' ? '@' : (cell.numberFormat ?? 'General');
            }),
          );
          const values = rows.map((row) => Array.from({ length: width }, (_, c) => cellAt(row, c).value ?? ''));
          const bytes = rows.reduce((n, row, r) => n + formats[r].reduce((m, f, c) => m + textBytes(f) + textBytes(String(values[r][c])) + 2, 0) + row.length, 0);
          jobs.push({
            request: 3 * ACTION + bytes,
            response: 0,
            queue() {
              const band = sheet.getRange(`A${top + 1}:${columnLetter(width - 1)}${top + rows.length}`);
              band.numberFormat = formats;
              band.values = values;
            },
          });
        }
        // Links and styles cell by cell (≈ 2.7 KB a finding's row): the budget splits them over syncs.
        plan.rows.forEach((row, r) => {
          const styled = row.flatMap((cell, c) =>
            cell.value !== null && ((cell.link && linksOn) || cell.style || (c === wide && row.length > 1)) ? [{ cell, c }] : [],
          );
          if (styled.length === 0) return;
          links += styled.filter(({ cell }) => cell.link && linksOn).length;
          jobs.push({
            request: styled.reduce((n, { cell }) => n + 9 * ACTION + textBytes(String(cell.value)) * (cell.link ? 2 : 0), 0),
            response: 0,
            queue() {
              for (const { cell, c } of styled) {
                const range = sheet.getRange(`${columnLetter(c)}${r + 1}`);
                if (cell.link && linksOn) {
                  range.hyperlink = { documentReference: qualify(cell.link.sheet, cell.link.cell), textToDisplay: String(cell.value) };
                  range.format.font.color = LINK_COLOR;
                  range.format.font.underline = 'Single' as Excel.RangeUnderlineStyle;
                }
                if (cell.style) styleCell(range, cell.style);
                if (c === wide && row.length > 1) range.format.wrapText = true;
              }
            },
          });
        });
        await syncJobs(context, jobs, budget);
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
    readWarnings: () => [...lastWarnings],
    watchChanges,
  };
}

function isUndoNotSupported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'UndoNotSupported';
}

function styleCell(range: Excel.Range, style: ReportStyle): void {
  const look = REPORT_FONTS[style];
  const font = range.format.font;
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size) font.size = look.size;
  if (look.color) font.color = look.color;
  if (style === 'header') range.format.fill.color = HEADER_FILL;
}

/** Column width in characters (as the core plans it) → points, as Range.format.columnWidth takes it. */
function columnPoints(characters: number): number {
  // Excel's default font: 7-pixel digits plus 5 pixels of padding, at 96 dpi (0.75 pt per pixel).
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function locationKey(address: string): string {
  const { sheet, area } = parseQualified(address);
  return cellKey(sheet ?? '', area);
}

/** A comment of ours still to add. */
interface CommentAdd {
  sheet: Excel.Worksheet;
  name: string;
  a1: string;
  note: string;
}

function cellsOfRun(run: CellRun): string[] {
  return Array.from({ length: run.bottom - run.top + 1 }, (_, i) => `${columnLetter(run.column)}${run.top + i}`);
}

function runAddress(run: CellRun): string {
  return columnRange(run.column, run.top, run.bottom);
}

function boundsOf(range: Excel.Range): Bounds {
  return { rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount };
}

/** [top, bottom] split in two (top < bottom). */
function halves(top: number, bottom: number): [number, number][] {
  const middle = Math.floor((top + bottom) / 2);
  return [
    [top, middle],
    [middle + 1, bottom],
  ];
}

function holdsCandidate(entry: SheetRead): boolean {
  if (isOurSheet(entry.name)) return false;
  return entry.blocks.some((block) => block.values.some((row) => row.some((v) => typeof v === 'string' && CANDIDATE.test(v))));
}

/** One sheet's snapshot from its blocks (values, and formats in blocks of their own or the same). */
function assembleSheet(read: SheetRead): SheetSnapshot {
  const snapshot: SheetSnapshot = {
    name: read.name,
    startRow: 0,
    startColumn: 0,
    values: [],
    numberFormats: [],
    merges: read.merges ? [...read.merges] : [],
    protected: read.protection?.protected ?? false,
  };
  const blocks = read.blocks.filter((b) => b.values.length > 0 || (b.formats?.length ?? 0) > 0);
  if (blocks.length === 0) return snapshot;
  const height = (b: Block) => (b.values.length || b.formats?.length) ?? 0;
  const width = (b: Block) => (b.values[0]?.length || b.formats?.[0]?.length) ?? 1;
  const top = Math.min(...blocks.map((b) => b.rowIndex));
  const left = Math.min(...blocks.map((b) => b.columnIndex));
  const bottom = Math.max(...blocks.map((b) => b.rowIndex + height(b) - 1));
  const right = Math.max(...blocks.map((b) => b.columnIndex + width(b) - 1));
  const columns = right - left + 1;
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(columns).fill(null));
  const formats: string[][] = Array.from({ length: bottom - top + 1 }, () => new Array<string>(columns).fill('General'));
  for (const block of blocks) {
    const dy = block.rowIndex - top;
    const dx = block.columnIndex - left;
    block.values.forEach((row, r) => row.forEach((value, c) => (values[dy + r][dx + c] = normaliseValue(value))));
    // A platform may rewrite our marks' format codes: the core sees them as we wrote them.
    block.formats?.forEach((row, r) => row.forEach((code, c) => (formats[dy + r][dx + c] = canonicalMarkFormat(String(code ?? 'General')))));
  }
  return { ...snapshot, startRow: top, startColumn: left, values, numberFormats: read.formats ? formats : undefined };
}

/** The adapter over the real Excel, for the task pane (call after Office.onReady). */
export function createOfficeWorkbookAdapter(): WorkbookAdapter {
  // Excel on the web has the 5 MB limit; a platform we cannot tell is treated as the web (safe, a few more syncs).
  // Office.PlatformType's values are these strings; older Office.js may lack the enum object.
  const platform = String(Office.context.diagnostics?.platform ?? Office.context.platform ?? '');
  const desktop = platform === 'PC' || platform === 'Mac';
  return createWorkbookAdapter({
    run: Excel.run as ExcelRun,
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    platform: desktop ? 'desktop' : 'web',
  });
}
