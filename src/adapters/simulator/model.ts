// The plain workbook the simulator serves through its Excel API double and the workbench renders.
// Cells are keyed by their A1 address; only cells holding something are stored.
import { address, columnLetter, parseCell, type RangeRef, type CellValue } from '../../core/index.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellModel {
  /** As Excel's Range.values shows it: null for an empty cell, "#REF!" for an error. */
  value: CellValue;
  /** Excel number format; undefined means "General". */
  numberFormat?: string;
  /** Solid fill colour "#RRGGBB"; undefined for none. */
  fill?: string;
  /** Note text (ExcelApi 1.18 notes; exceljs notes). */
  note?: string;
  /** Threaded comment text (ExcelApi 1.10 comments). */
  comment?: string;
  /** Hyperlink set through Range.hyperlink (ExcelApi 1.7) or read from the file. */
  hyperlink?: CellHyperlink;
  /** Font set through Range.format.font; the file's own fonts stay in the workbench's look. */
  font?: CellFont;
  /** Wrap text set through Range.format.wrapText. */
  wrap?: boolean;
  /** A formula ("=IF(A1>0,\"\",1)"); `value` is then its cached result, "" shown as null. */
  formula?: string;
}

/** As Excel's RangeHyperlink: a web address, or a place in this workbook ("'Sheet'!A1"). */
export interface CellHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
}

export interface CellFont {
  bold?: boolean;
  italic?: boolean;
  /** "#RRGGBB". */
  color?: string;
  /** Points. */
  size?: number;
  underline?: boolean;
}

export type CellField = 'value' | 'numberFormat' | 'fill' | 'note' | 'comment' | 'hyperlink' | 'font' | 'wrap' | 'formula';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetModel {
  name: string;
  /** Cells by A1 address ("B12"). */
  cells: Map<string, CellModel>;
  /** Merged areas as A1 ranges ("A12:A22"). */
  merges: string[];
  protected: boolean;
  /** What was changed through the API since the model was built, by cell: editsOfModel writes only this. */
  changes: Map<string, Set<CellField>>;
  /** Excel's Worksheet.visibility; undefined is "Visible". */
  visibility?: SheetVisibility;
  /** Column widths in points set through Range.format.columnWidth, by 0-based column. */
  columnWidths?: Map<number, number>;
  /** True for a sheet added through the API: editsOfModel adds it to the file whole. */
  added?: boolean;
  /** True when visibility or column widths changed through the API (editsOfModel writes them). */
  sheetChanged?: boolean;
  /** Counts cell changes, so the simulator can tell which sheets a sync changed (Worksheet.onChanged). */
  revision?: number;
}

export interface Selection {
  sheet: string;
  /** A1 cells or ranges, one per selected area. */
  areas: string[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Name of the active sheet. */
  activeSheet: string;
  selection: Selection | null;
  /** Workbook structure protection (Workbook.protection, ExcelApi 1.7): no sheet may be added, hidden or shown. */
  protected?: boolean;
  /** Custom document properties (Workbook.properties.custom, ExcelApi 1.7) as text, by key as stored, in file order. */
  customProperties?: Map<string, string>;
  /** Keys of custom properties set or deleted through the API since the model was built or saved. */
  customChanges?: Set<string>;
}

/** The stored key of a custom property: keys compare without regard to case, as in Excel. */
export function customPropertyKey(model: WorkbookModel, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const k of model.customProperties?.keys() ?? []) if (k.toLowerCase() === wanted) return k;
  return undefined;
}

export function createSheet(name: string, options: { merges?: string[]; protected?: boolean } = {}): SheetModel {
  return {
    name,
    cells: new Map(),
    merges: [...(options.merges ?? [])],
    protected: options.protected ?? false,
    changes: new Map(),
  };
}

export function createWorkbookModel(sheets: SheetModel[], activeSheet?: string): WorkbookModel {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  return { sheets, activeSheet: activeSheet ?? sheets[0].name, selection: null };
}

export interface SheetFromRowsOptions {
  /** 1-based sheet row of rows[0]; default 1. */
  startRow?: number;
  /** 0-based sheet column of rows[r][0]; default 0. */
  startColumn?: number;
  /** Number formats, same shape as rows. */
  numberFormats?: (string | undefined)[][];
  merges?: string[];
  protected?: boolean;
}

/** A sheet from a grid of values (null and "" leave the cell empty). */
export function sheetFromRows(name: string, rows: CellValue[][], options: SheetFromRowsOptions = {}): SheetModel {
  const sheet = createSheet(name, options);
  const top = options.startRow ?? 1;
  const left = options.startColumn ?? 0;
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const numberFormat = options.numberFormats?.[r]?.[c];
      const cell: CellModel = { value: value === '' ? null : value };
      if (numberFormat && numberFormat !== 'General') cell.numberFormat = numberFormat;
      if (!isEmptyCell(cell)) sheet.cells.set(address(top + r, left + c), cell);
    }),
  );
  return sheet;
}

/** True unless the sheet is hidden or very hidden (what Excel shows as a tab). */
export function isVisibleSheet(sheet: SheetModel): boolean {
  return (sheet.visibility ?? 'Visible') === 'Visible';
}

/** Why Excel would refuse `name` for a new sheet, or null when it is fine. */
export function sheetNameProblem(model: WorkbookModel, name: string): string | null {
  if (name.trim() === '' || name.length > 31) return 'a sheet name has 1 to 31 characters';
  if (/[\\/?*[\]:]/.test(name)) return 'a sheet name cannot contain \\ / ? * [ ] :';
  if (name.startsWith("'") || name.endsWith("'")) return 'a sheet name cannot begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved';
  // Excel compares sheet names without regard to case.
  if (model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return `a sheet named '${name}' exists`;
  return null;
}

export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  return model.sheets.find((s) => s.name === name);
}

/** The cell at a 1-based row and 0-based column, or undefined when nothing is stored there. */
export function cellAt(sheet: SheetModel, row: number, column: number): CellModel | undefined {
  return sheet.cells.get(address(row, column));
}

export function isEmptyCell(cell: CellModel): boolean {
  return (
    (cell.value === null || cell.value === '') &&
    (cell.numberFormat === undefined || cell.numberFormat === 'General') &&
    cell.fill === undefined &&
    cell.note === undefined &&
    cell.comment === undefined &&
    cell.hyperlink === undefined &&
    cell.font === undefined &&
    cell.wrap === undefined &&
    cell.formula === undefined
  );
}

/** Sets one field of a cell and records the change (for editsOfModel). */
export function setCellField<F extends CellField>(
  sheet: SheetModel,
  row: number,
  column: number,
  field: F,
  value: CellModel[F],
): void {
  const key = address(row, column);
  const cell: CellModel = { ...(sheet.cells.get(key) ?? { value: null }) };
  if (field === 'value') cell.value = value === '' || value === undefined ? null : (value as CellValue);
  else if (field === 'numberFormat') cell.numberFormat = value === 'General' ? undefined : (value as string | undefined);
  else if (value === undefined) delete cell[field];
  else cell[field] = value;
  if (isEmptyCell(cell)) sheet.cells.delete(key);
  else sheet.cells.set(key, cell);
  const fields = sheet.changes.get(key) ?? new Set<CellField>();
  fields.add(field);
  sheet.changes.set(key, fields);
  sheet.revision = (sheet.revision ?? 0) + 1;
}

// Parsing A1 keys dominates large simulated reads; keys repeat, so remember them.
const parsedKeys = new Map<string, { row: number; column: number }>();

/** 1-based row and 0-based column of a cell key ("B12"). */
export function cellPosition(key: string): { row: number; column: number } {
  let position = parsedKeys.get(key);
  if (!position) {
    position = parseCell(key);
    if (parsedKeys.size > 2_000_000) parsedKeys.clear();
    parsedKeys.set(key, position);
  }
  return position;
}

const parsedMerges = new WeakMap<SheetModel, { source: string[]; length: number; rects: RangeRef[] }>();

/** The sheet's merged areas as rectangles (cached until the merges list changes). */
export function mergedRects(sheet: SheetModel): RangeRef[] {
  const cached = parsedMerges.get(sheet);
  if (cached && cached.source === sheet.merges && cached.length === sheet.merges.length) return cached.rects;
  const rects = sheet.merges.map((m) => parseAreaAddress(m)).filter((r): r is RangeRef => r !== null);
  parsedMerges.set(sheet, { source: sheet.merges, length: sheet.merges.length, rects });
  return rects;
}

/** Bounds of the stored cells (valuesOnly: of cells holding a value), or null for an empty sheet. */
export function usedBounds(sheet: SheetModel, valuesOnly: boolean, within?: RangeRef): RangeRef | null {
  let bounds: RangeRef | null = null;
  for (const [key, cell] of sheet.cells) {
    // A formula counts as a value even when it shows "", as in Excel.
    if (valuesOnly ? (cell.value === null || cell.value === '') && cell.formula === undefined : isEmptyCell(cell)) continue;
    const { row, column } = cellPosition(key);
    if (within && (row < within.top || row > within.bottom || column < within.left || column > within.right)) continue;
    if (!bounds) bounds = { top: row, bottom: row, left: column, right: column };
    else {
      bounds.top = Math.min(bounds.top, row);
      bounds.bottom = Math.max(bounds.bottom, row);
      bounds.left = Math.min(bounds.left, column);
      bounds.right = Math.max(bounds.right, column);
    }
  }
  return bounds;
}

/** Parses "A1", "$A$1:B2", whole rows "3:7" and whole columns "B:D" (no sheet prefix). */
export function parseAreaAddress(a1: string): RangeRef | null {
  const text = a1.trim().replace(/\$/g, '').toUpperCase();
  const cells = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(text);
  if (cells) {
    const a = parseCell(`${cells[1]}${cells[2]}`);
    const b = cells[3] ? parseCell(`${cells[3]}${cells[4]}`) : a;
    return checked({
      top: Math.min(a.row, b.row),
      bottom: Math.max(a.row, b.row),
      left: Math.min(a.column, b.column),
      right: Math.max(a.column, b.column),
    });
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(text);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2])];
    return checked({ top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLUMNS - 1 });
  }
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (columns) {
    const a = parseCell(`${columns[1]}1`).column;
    const b = parseCell(`${columns[2]}1`).column;
    return checked({ top: 1, bottom: MAX_ROWS, left: Math.min(a, b), right: Math.max(a, b) });
  }
  return null;
}

function checked(r: RangeRef): RangeRef | null {
  return r.top >= 1 && r.bottom <= MAX_ROWS && r.left >= 0 && r.right < MAX_COLUMNS ? r : null;
}

/** A1 text of a rectangle the way Excel writes it: "B3", "B3:D9", "3:7" (whole rows), "B:D" (whole columns). */
export function formatArea(r: RangeRef): string {
  if (r.left === 0 && r.right === MAX_COLUMNS - 1) return `${r.top}:${r.bottom}`;
  if (r.top === 1 && r.bottom === MAX_ROWS) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  const a = address(r.top, r.left);
  const b = address(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}

/** Sheet name as it prefixes an address: quoted unless it is plain letters, digits and underscores. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}
