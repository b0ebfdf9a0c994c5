// Between exceljs workbooks and the simulator's model. fromExcelJs keeps what Excel's Range.values
// would show (formula results, error text, dates as serial numbers); applyToExcelJs writes back
// only the fields the API changed, so a downloaded copy keeps everything else of the original.
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/types.js';
import {
  type CellModel,
  type SheetModel,
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

function sheetFromExcelJs(ws: ExcelJS.Worksheet): SheetModel {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  const sheet = createSheet(ws.name, { merges: ws.model.merges ?? [], protected: protection?.sheet === true });
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const merged = (cell.type as number) === VALUE_MERGE;
      const model: CellModel = { value: merged ? null : plainValue(cell.value) };
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
    if (sheet.changes.size === 0) continue;
    const ws = workbook.getWorksheet(sheet.name);
    if (!ws) throw new Error(`applyToExcelJs: the workbook has no sheet named "${sheet.name}"`);
    for (const [key, fields] of sheet.changes) {
      const cell = ws.getCell(key);
      const now = sheet.cells.get(key) ?? { value: null };
      if (fields.has('value')) cell.value = now.value;
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
  for (const sheet of model.sheets) sheet.changes.clear();
}
