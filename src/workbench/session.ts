// One open workbook: the file's bytes (a download patches them with what the pane wrote, so
// everything else of the file stays byte for byte), the simulated Excel over its model, and how
// its cells look (read once with exceljs).
import ExcelJS from 'exceljs';
import { checkPackageLimits, damagedText, patchWorkbook, readableCopy, readCustomProperties, whyUnreadable, WorkbookProblem } from '../adapters/xlsx/index.js';
import { createExcel, DEFAULT_API_VERSION, editsOfModel, fromExcelJs, markSaved, type ExcelSimulator } from '../adapters/simulator/index.js';
import { createWorkbookAdapter } from '../adapters/office/index.js';
import { checkWorkbook, type CheckOptions, type Indicator } from '../core/index.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSM_MIME = 'application/vnd.ms-excel.sheet.macroEnabled.12';

/** What exceljs knows about a cell's look that the simulator's model does not keep. */
export interface CellLook {
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  /** Font colour "#RRGGBB". */
  color?: string;
}

export interface SheetLook {
  /** Column widths in characters, by 0-based column, where the file sets one. */
  columnWidths: Map<number, number>;
  defaultColumnWidth: number;
  /** Row heights in points, by 1-based row, where the file sets one. */
  rowHeights: Map<number, number>;
  cells: Map<string, CellLook>;
}

export interface WorkbookSession {
  /** Distinguishes sessions opened from files of the same name. */
  id: number;
  /** File name as opened, e.g. "ningxian-2026.xlsx". */
  name: string;
  workbook: ExcelJS.Workbook;
  /** The file as opened, then as last saved: the model's changes are relative to these bytes. */
  bytes: Uint8Array;
  excel: ExcelSimulator;
  /** By sheet name. */
  look: Map<string, SheetLook>;
}

export const DEFAULT_COLUMN_WIDTH = 8.43;

let nextSessionId = 1;

function horizontal(value: unknown): CellLook['align'] {
  if (value === 'center' || value === 'centerContinuous' || value === 'distributed' || value === 'justify') return 'center';
  if (value === 'right') return 'right';
  if (value === 'left' || value === 'fill') return 'left';
  return undefined;
}

function vertical(value: unknown): CellLook['valign'] {
  if (value === 'top') return 'top';
  if (value === 'middle' || value === 'distributed' || value === 'justify') return 'middle';
  if (value === 'bottom') return 'bottom';
  return undefined;
}

function cellLook(cell: ExcelJS.Cell): CellLook | undefined {
  const look: CellLook = {};
  const a = cell.alignment;
  if (a) {
    const h = horizontal(a.horizontal);
    const v = vertical(a.vertical);
    if (h) look.align = h;
    if (v) look.valign = v;
    if (a.wrapText) look.wrap = true;
  }
  const f = cell.font;
  if (f) {
    if (f.bold) look.bold = true;
    if (f.italic) look.italic = true;
    if (typeof f.size === 'number' && f.size !== 11) look.size = f.size;
    const argb = f.color?.argb;
    if (argb && /^[0-9a-f]{8}$/i.test(argb) && argb.slice(2).toUpperCase() !== '000000') look.color = `#${argb.slice(2)}`;
  }
  return Object.keys(look).length > 0 ? look : undefined;
}

function sheetLook(ws: ExcelJS.Worksheet): SheetLook {
  const look: SheetLook = {
    columnWidths: new Map(),
    defaultColumnWidth: ws.properties.defaultColWidth ?? DEFAULT_COLUMN_WIDTH,
    rowHeights: new Map(),
    cells: new Map(),
  };
  // ws.columns reads the defined columns; getColumn() would create them.
  (ws.columns ?? []).forEach((column, i) => {
    const index = (column.number ?? i + 1) - 1;
    if (column.hidden) look.columnWidths.set(index, 0);
    else if (typeof column.width === 'number') look.columnWidths.set(index, column.width);
  });
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) look.rowHeights.set(r, 0);
    else if (typeof row.height === 'number') look.rowHeights.set(r, row.height);
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const l = cellLook(cell);
      if (l) look.cells.set(cell.address, l);
    });
  });
  return look;
}

/** Reads an .xlsx (as bytes) into a new session over a fresh simulated Excel. */
export async function openWorkbook(
  data: ArrayBuffer | Uint8Array,
  name: string,
  apiVersion: string = DEFAULT_API_VERSION,
): Promise<WorkbookSession> {
  const bytes = data instanceof Uint8Array ? new Uint8Array(data) : new Uint8Array(data.slice(0));
  // The CLI's messages for a file that is no workbook (an .xls, encrypted, a renamed text file …).
  const why = whyUnreadable(bytes, name);
  if (why) throw new WorkbookProblem(why);
  // The same limits as the CLI, before exceljs sees the file (it would hang on a row 2147483647).
  const problem = checkPackageLimits(bytes, name);
  if (problem) throw new WorkbookProblem(problem.text);
  const workbook = new ExcelJS.Workbook();
  // Read through the reading copy (valid forms exceljs refuses are brought to Excel's); a
  // download patches `bytes`, the file as opened. A library's own error is no message for a user.
  try {
    const readable = readableCopy(bytes).bytes;
    await workbook.xlsx.load(readable.buffer.slice(readable.byteOffset, readable.byteOffset + readable.byteLength) as ArrayBuffer);
  } catch {
    throw new WorkbookProblem(damagedText(name));
  }
  if (workbook.worksheets.length === 0) throw new WorkbookProblem({ zh: `${name} 中没有工作表`, en: `${name} holds no worksheet` });
  const model = fromExcelJs(workbook);
  // exceljs does not read custom document properties; the settings saved in the workbook are there.
  model.customProperties = readCustomProperties(bytes);
  const look = new Map(workbook.worksheets.map((ws) => [ws.name, sheetLook(ws)] as const));
  return { id: nextSessionId++, name, workbook, bytes, excel: createExcel(model, { apiVersion }), look };
}

/** The workbook with everything the pane wrote (and cleared), as .xlsx bytes. */
export async function saveWorkbook(session: WorkbookSession): Promise<Blob> {
  const { model } = session.excel;
  const edit = editsOfModel(model);
  if (edit.sheets.length || edit.ownSheets.length || edit.properties) session.bytes = patchWorkbook(session.bytes, edit).bytes;
  // The bytes now hold these changes; the next save adds only newer ones.
  markSaved(model);
  return new Blob([session.bytes as Uint8Array<ArrayBuffer>], { type: /\.xlsm$/i.test(session.name) ? XLSM_MIME : XLSX_MIME });
}

/** "ningxian-2026.xlsx" → "ningxian-2026.checked.xlsx" (not ".checked.checked" on a second round); .xlsm stays .xlsm. */
export function downloadName(name: string): string {
  const ext = /\.xlsm$/i.test(name) ? '.xlsm' : '.xlsx';
  const base = name.replace(/\.xls[xm]$/i, '').replace(/\.checked$/i, '') || 'workbook';
  return `${base}.checked${ext}`;
}

/**
 * 上年表: last year's checked or self-evaluated table, opened beside the workbook, read as the
 * add-in reads a workbook and checked with the same settings; its indicators (and their actuals)
 * are this year's yardstick. Resolves to [] when it holds no table.
 */
export async function readPreviousYear(data: ArrayBuffer | Uint8Array, name: string, options: CheckOptions = {}): Promise<Indicator[]> {
  const last = await openWorkbook(data, name);
  const adapter = createWorkbookAdapter({ run: last.excel.run, isSetSupported: last.excel.isSetSupported });
  const report = checkWorkbook(await adapter.readSnapshot(), options);
  return report.tables.flatMap((t) => t.indicators);
}
