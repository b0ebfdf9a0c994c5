// Between exceljs workbooks and the simulator's model. fromExcelJs keeps what Excel's Range.values
// would show (formula results, error text, dates as serial numbers); applyToExcelJs writes back
// only the fields the API changed, so a downloaded copy keeps everything else of the original.
// Sheets added through the API are added to the file whole, with their visibility.
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/types.js';
import { linkFormula } from '../../cli/exceljsAdapter.js';
import { parseQualified } from '../../excel/addresses.js';
import {
  type CellHyperlink,
  type CellModel,
  type SheetModel,
  type SheetVisibility,
  type WorkbookModel,
  createSheet,
  createWorkbookModel,
  isEmptyCell,
} from './model.js';

// exceljs's ValueType numbers (the enum is not importable as a type-only import).
const VALUE_MERGE = 1;

/** Excel serial day number of a JS date (exceljs reads dates as UTC). */
export function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569;
}

function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if (value instanceof Date) return excelSerial(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.error === 'string') return v.error;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if ('text' in v) return plainValue(v.text);
  }
  return String(value);
}

function noteText(note: ExcelJS.Cell['note'] | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as ExcelJS.Comment).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : undefined;
}

function solidFill(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

/** A link of the file: a HYPERLINK("#'S'!A1", …) formula, or exceljs's { text, hyperlink } value. */
function hyperlinkOf(value: unknown): CellHyperlink | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { formula?: unknown; hyperlink?: unknown; tooltip?: unknown };
  if (typeof v.formula === 'string') {
    const m = /^\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(v.formula);
    if (!m) return undefined;
    const target = m[1].replace(/""/g, '"');
    return target.startsWith('#') ? { documentReference: target.slice(1) } : { address: target };
  }
  if (typeof v.hyperlink !== 'string') return undefined;
  const link: CellHyperlink = v.hyperlink.startsWith('#') ? { documentReference: v.hyperlink.slice(1) } : { address: v.hyperlink };
  if (typeof v.tooltip === 'string' && v.tooltip) link.screenTip = v.tooltip;
  return link;
}

const VISIBILITY: Record<string, SheetVisibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
const STATE: Record<SheetVisibility, ExcelJS.WorksheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function sheetFromExcelJs(ws: ExcelJS.Worksheet): SheetModel {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  const sheet = createSheet(ws.name, { merges: ws.model.merges ?? [], protected: protection?.sheet === true });
  const visibility = VISIBILITY[ws.state];
  if (visibility && visibility !== 'Visible') sheet.visibility = visibility;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const merged = (cell.type as number) === VALUE_MERGE;
      const model: CellModel = { value: merged ? null : plainValue(cell.value) };
      const link = merged ? undefined : hyperlinkOf(cell.value);
      if (link) model.hyperlink = link;
      if (cell.numFmt && cell.numFmt !== 'General') model.numberFormat = cell.numFmt;
      const fill = solidFill(cell.fill);
      if (fill) model.fill = fill;
      const note = merged ? undefined : noteText(cell.note);
      if (note !== undefined) model.note = note;
      if (!isEmptyCell(model)) sheet.cells.set(cell.address, model);
    });
  });
  return sheet;
}

/** The simulator's model of an exceljs workbook (sheets in tab order, the active tab active). */
export function fromExcelJs(workbook: ExcelJS.Workbook): WorkbookModel {
  const worksheets = workbook.worksheets;
  const model = createWorkbookModel(worksheets.map(sheetFromExcelJs));
  const activeTab = workbook.views?.[0]?.activeTab;
  if (typeof activeTab === 'number' && worksheets[activeTab]) model.activeSheet = worksheets[activeTab].name;
  return model;
}

/**
 * Writes the model's changed fields into `workbook` (which should be the one the model came
 * from). Style objects are replaced, not mutated: exceljs shares them between cells.
 * Comments have no exceljs form; a comment is written as the cell's note when it has none.
 * Returns the number of cells touched.
 */
export function applyToExcelJs(model: WorkbookModel, workbook: ExcelJS.Workbook): number {
  let touched = 0;
  for (const sheet of model.sheets) {
    let ws = workbook.getWorksheet(sheet.name);
    if (!ws && sheet.added) {
      ws = workbook.addWorksheet(sheet.name);
      // A new sheet goes in whole: every cell it holds, whatever the change log says.
      for (const [key, cell] of sheet.cells) {
        const fields = sheet.changes.get(key) ?? new Set();
        for (const field of Object.keys(cell) as (keyof CellModel)[]) fields.add(field);
        sheet.changes.set(key, fields);
      }
    }
    if (sheet.changes.size === 0 && !sheet.sheetChanged && !sheet.added) continue;
    if (!ws) throw new Error(`applyToExcelJs: the workbook has no sheet named "${sheet.name}"`);
    ws.state = STATE[sheet.visibility ?? 'Visible'];
    for (const [column, points] of sheet.columnWidths ?? []) ws.getColumn(column + 1).width = characters(points);
    for (const [key, fields] of sheet.changes) {
      const cell = ws.getCell(key);
      const now = sheet.cells.get(key) ?? { value: null };
      // A linked cell's value is its HYPERLINK formula, so value and link are written together.
      if (fields.has('value') || fields.has('hyperlink')) cell.value = linkedValue(now, sheet.name);
      if (fields.has('font')) {
        const style = { ...cell.style };
        if (now.font === undefined) delete style.font;
        else {
          const f = now.font;
          style.font = {
            ...(f.bold ? { bold: true } : {}),
            ...(f.italic ? { italic: true } : {}),
            ...(f.underline ? { underline: 'single' as const } : {}),
            ...(f.size ? { size: f.size } : {}),
            ...(f.color ? { color: { argb: `FF${f.color.slice(1)}` } } : {}),
          };
        }
        cell.style = style;
      }
      if (fields.has('wrap')) {
        const style = { ...cell.style };
        const alignment = { ...(style.alignment ?? {}) };
        if (now.wrap) alignment.wrapText = true;
        else delete alignment.wrapText;
        style.alignment = alignment;
        cell.style = style;
      }
      if (fields.has('numberFormat')) {
        const style = { ...cell.style };
        if (now.numberFormat === undefined) delete style.numFmt;
        else style.numFmt = now.numberFormat;
        cell.style = style;
      }
      if (fields.has('fill')) {
        const style = { ...cell.style };
        if (now.fill === undefined) delete style.fill;
        else style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${now.fill.slice(1)}` } };
        cell.style = style;
      }
      if (fields.has('note') || fields.has('comment')) {
        const text = now.note ?? now.comment;
        if (text === undefined) {
          // exceljs has no public way to remove a note.
          (cell as unknown as { _comment?: unknown })._comment = undefined;
        } else {
          cell.note = text;
        }
      }
      touched += 1;
    }
  }
  return touched;
}

/** Forgets recorded changes, e.g. after the model was saved. */
export function markSaved(model: WorkbookModel): void {
  for (const sheet of model.sheets) {
    sheet.changes.clear();
    sheet.added = false;
    sheet.sheetChanged = false;
  }
}

/** Points → Excel's column width in characters (7-pixel digits, 5 pixels of padding, 96 dpi). */
function characters(points: number): number {
  const pixels = (points * 4) / 3;
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/**
 * The cell value to write: a link into this workbook as a HYPERLINK formula (exceljs's own internal
 * links go nowhere in Excel, exceljs #3027 — see src/cli/exceljsAdapter.ts), a web link as exceljs's
 * hyperlink value, else the plain value.
 */
function linkedValue(cell: CellModel, ownSheet: string): ExcelJS.CellValue {
  const link = cell.hyperlink;
  const text = cell.value === null ? '' : String(cell.value);
  if (link?.documentReference) {
    const { sheet, area } = parseQualified(link.documentReference);
    // A reference without a sheet points into the cell's own sheet.
    return linkFormula(text || link.documentReference, sheet ?? ownSheet, area);
  }
  if (link?.address) return { text: text || link.address, hyperlink: link.address, ...(link.screenTip ? { tooltip: link.screenTip } : {}) };
  return cell.value;
}
