// Geometry of the rendered grid, kept apart from React so it can be tested on its own: how far
// to draw, which cells merged areas span or hide, what is selected, and sizes in pixels.
import { address, parseCell, type RangeRef } from '../core/index.js';
import { MAX_COLUMNS, parseAreaAddress, usedBounds, type CellModel, type Selection, type SheetModel, type WorkbookModel } from '../adapters/simulator/index.js';
import { DEFAULT_COLUMN_WIDTH, type SheetLook } from './session.js';

/** Empty rows and columns drawn past the used range, as Excel shows a little of the empty sheet. */
export const ROW_PADDING = 10;
export const COLUMN_PADDING = 2;
export const MIN_ROWS = 40;
export const MIN_COLUMNS = 12;
/** Beyond these a sheet is cut off with a note; nobody reads a 16,384-column table in a browser. */
export const MAX_RENDER_ROWS = 20_000;
export const MAX_RENDER_COLUMNS = 200;
/** Rows added to the DOM at a time as the user scrolls down. */
export const ROW_CHUNK = 250;

export interface GridExtent {
  /** Rows 1..rows are drawn (in chunks). */
  rows: number;
  /** Columns 0..columns-1 are drawn. */
  columns: number;
  /** True when the sheet reaches beyond what is drawn. */
  clipped: boolean;
}

export function gridExtent(sheet: SheetModel, selection: Selection | null): GridExtent {
  const used = usedBounds(sheet, false);
  let bottom = used?.bottom ?? 0;
  let right = used?.right ?? -1;
  const extend = (r: RangeRef) => {
    // Whole rows or columns (selected as "3:7") do not stretch the other dimension.
    if (r.bottom < 1_048_576) bottom = Math.max(bottom, r.bottom);
    if (r.right < MAX_COLUMNS - 1) right = Math.max(right, r.right);
  };
  for (const m of sheet.merges) {
    const r = parseAreaAddress(m);
    if (r) extend(r);
  }
  if (selection?.sheet === sheet.name) for (const r of selectionRects(selection)) extend(r);
  const rows = Math.max(bottom + ROW_PADDING, MIN_ROWS);
  const columns = Math.max(right + 1 + COLUMN_PADDING, MIN_COLUMNS);
  return {
    rows: Math.min(rows, MAX_RENDER_ROWS),
    columns: Math.min(columns, MAX_RENDER_COLUMNS),
    clipped: bottom > MAX_RENDER_ROWS || right + 1 > MAX_RENDER_COLUMNS,
  };
}

export interface MergeSpan {
  /** The merged area clipped to the drawn rows and columns. */
  rect: RangeRef;
  /** Its top-left cell in the sheet, whose value it shows (above `rect` when clipped at the top). */
  anchor: string;
}

export interface MergeLayout {
  /** First drawn cell of each merged area → the area. */
  spans: Map<string, MergeSpan>;
  /** Drawn cells hidden under a merged area. */
  covered: Set<string>;
  /** Row → the last row any merged area starting to draw on it reaches. */
  reach: Map<number, number>;
}

/** Rows first..last of the sheet, as drawn. */
export interface RowWindow {
  first: number;
  last: number;
}

/** Merged areas within the drawn rows and columns 0..columns-1; areas cut by the window start draw from it. */
export function mergeLayout(merges: string[], rows: RowWindow, columns: number): MergeLayout {
  const layout: MergeLayout = { spans: new Map(), covered: new Set(), reach: new Map() };
  const taken = (r: RangeRef) => {
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) {
        const a = address(row, c);
        if (layout.covered.has(a) || layout.spans.has(a)) return true;
      }
    return false;
  };
  for (const m of merges) {
    const full = parseAreaAddress(m);
    if (!full || full.top > rows.last || full.bottom < rows.first || full.left >= columns) continue;
    const r: RangeRef = {
      top: Math.max(full.top, rows.first),
      left: full.left,
      bottom: Math.min(full.bottom, rows.last),
      right: Math.min(full.right, columns - 1),
    };
    if (full.top === full.bottom && full.left === full.right) continue;
    // Overlapping merges cannot come from Excel; draw the first and ignore the rest.
    if (taken(r)) continue;
    layout.spans.set(address(r.top, r.left), { rect: r, anchor: address(full.top, full.left) });
    layout.reach.set(r.top, Math.max(layout.reach.get(r.top) ?? r.top, r.bottom));
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) if (row !== r.top || c !== r.left) layout.covered.add(address(row, c));
  }
  return layout;
}

/** Rows to draw so that `row` shows: grow the window when it is near, jump to a new one when far. */
export function windowFor(current: RowWindow, row: number, total: number): RowWindow {
  const margin = 20;
  if (row >= current.first && row <= current.last) return current;
  if (row > current.last && row <= current.last + ROW_CHUNK) return { first: current.first, last: Math.min(total, row + margin) };
  if (row < current.first && row >= current.first - ROW_CHUNK) return { first: Math.max(1, row - margin), last: current.last };
  return { first: Math.max(1, row - ROW_CHUNK / 2), last: Math.min(total, row + ROW_CHUNK / 2) };
}

export function selectionRects(selection: Selection | null): RangeRef[] {
  if (!selection) return [];
  return selection.areas.map((a) => parseAreaAddress(a)).filter((r): r is RangeRef => r !== null);
}

export function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** The selected areas that touch rows row..reach: what a row's cells need to know. */
export function rowSelectionKey(rects: RangeRef[], row: number, reach: number): string {
  return rects
    .filter((r) => r.top <= reach && r.bottom >= row)
    .map((r) => `${r.top},${r.left},${r.bottom},${r.right}`)
    .join(';');
}

/** What the name box shows: the selected areas, as Excel writes them. */
export function nameBoxText(selection: Selection | null, sheet: string): string {
  if (!selection || selection.sheet !== sheet) return '';
  return selection.areas.join(',');
}

/** The active cell: top-left of the first selected area. */
export function activeCell(selection: Selection | null): string | null {
  const first = selectionRects(selection)[0];
  return first ? address(first.top, first.left) : null;
}

/**
 * Excel column width in characters → pixels (7 px per character of the default font, 5 px
 * padding). A width set through the API (points, in the model) wins over the file's.
 */
export function columnPixels(look: SheetLook | undefined, column: number, sheet?: SheetModel): number {
  const points = sheet?.columnWidths?.get(column);
  if (points !== undefined) return Math.round((points * 4) / 3);
  const width = look?.columnWidths.get(column) ?? look?.defaultColumnWidth ?? DEFAULT_COLUMN_WIDTH;
  return width <= 0 ? 0 : Math.round(width * 7 + 5);
}

export const DEFAULT_ROW_PIXELS = 20;

/** Row height in points → pixels; rows without a set height grow to fit wrapped text. */
export function rowPixels(look: SheetLook | undefined, row: number): number {
  const points = look?.rowHeights.get(row);
  return points === undefined ? DEFAULT_ROW_PIXELS : Math.round((points * 4) / 3);
}

/**
 * The cell an arrow key moves to from `from`, as in Excel: out of a merged area in the direction
 * of travel, onto the top-left cell of a merged area it lands in, never off the drawn grid.
 */
export function stepCell(merges: string[], from: string, dRow: number, dColumn: number, limits: { rows: number; columns: number }): string {
  const rects = merges.map((m) => parseAreaAddress(m)).filter((r): r is RangeRef => r !== null);
  const mergeAt = (row: number, column: number) =>
    rects.find((r) => r.top <= row && row <= r.bottom && r.left <= column && column <= r.right);
  let { row, column } = parseCell(from);
  const here = mergeAt(row, column);
  if (here) {
    if (dRow > 0) row = here.bottom;
    if (dRow < 0) row = here.top;
    if (dColumn > 0) column = here.right;
    if (dColumn < 0) column = here.left;
  }
  row = Math.min(Math.max(row + dRow, 1), limits.rows);
  column = Math.min(Math.max(column + dColumn, 0), limits.columns - 1);
  const there = mergeAt(row, column);
  return there ? address(there.top, there.left) : address(row, column);
}

/**
 * What the workbook held when it was opened or last downloaded, to tell whether it holds
 * anything not yet downloaded. Cells are replaced, never changed in place, by the simulator, so
 * copying the maps keeps the cells as they were.
 */
export interface SavedState {
  sheets: Map<string, { cells: Map<string, CellModel>; visibility: string; columnWidths: string }>;
  /** The custom properties (where the settings are kept), as JSON. */
  properties: string;
}

const propertiesText = (model: WorkbookModel) => JSON.stringify([...(model.customProperties ?? new Map<string, string>())].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

const widthsText = (sheet: SheetModel) => JSON.stringify([...(sheet.columnWidths ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]));

export function savedState(model: WorkbookModel): SavedState {
  return {
    sheets: new Map(
      model.sheets.map((sheet) => [sheet.name, { cells: new Map(sheet.cells), visibility: sheet.visibility ?? 'Visible', columnWidths: widthsText(sheet) }]),
    ),
    properties: propertiesText(model),
  };
}

const CELL_FIELDS: (keyof CellModel)[] = ['value', 'numberFormat', 'fill', 'note', 'comment', 'hyperlink', 'font', 'wrap'];

function sameCell(a: CellModel | undefined, b: CellModel | undefined): boolean {
  return CELL_FIELDS.every((f) => JSON.stringify(a?.[f] ?? null) === JSON.stringify(b?.[f] ?? null));
}

/**
 * True when the workbook differs from `saved`: a sheet added or gone, shown or hidden, a column
 * resized, or a cell changed. A cell written and then cleared again (清除结果) is no change.
 */
export function hasUnsavedChanges(model: WorkbookModel, saved: SavedState): boolean {
  if (model.sheets.length !== saved.sheets.size || propertiesText(model) !== saved.properties) return true;
  for (const sheet of model.sheets) {
    const before = saved.sheets.get(sheet.name);
    if (!before) return true;
    if ((sheet.visibility ?? 'Visible') !== before.visibility || widthsText(sheet) !== before.columnWidths) return true;
    for (const key of sheet.changes.keys()) if (!sameCell(before.cells.get(key), sheet.cells.get(key))) return true;
  }
  return false;
}

/**
 * Where Excel's navigation keys move the active cell: Home to column A of the row, Ctrl+Home to
 * A1, End (the workbench has no End mode) to the row's last used column, Ctrl+End to the last
 * used cell, PageDown / PageUp a screenful of rows. Null for any other key.
 */
export function navigationTarget(
  key: string,
  ctrl: boolean,
  from: string,
  sheet: SheetModel,
  limits: { rows: number; columns: number },
  pageRows: number,
): string | null {
  const { row } = parseCell(from);
  const used = usedBounds(sheet, false);
  switch (key) {
    case 'Home':
      return ctrl ? 'A1' : address(row, 0);
    case 'End': {
      if (ctrl) return used ? address(used.bottom, used.right) : 'A1';
      const inRow = usedBounds(sheet, false, { top: row, bottom: row, left: 0, right: MAX_COLUMNS - 1 });
      return stepCell(sheet.merges, address(row, inRow ? inRow.right : used ? used.right : 0), 0, 0, limits);
    }
    case 'PageDown':
      return stepCell(sheet.merges, from, Math.max(1, pageRows), 0, limits);
    case 'PageUp':
      return stepCell(sheet.merges, from, -Math.max(1, pageRows), 0, limits);
    default:
      return null;
  }
}
