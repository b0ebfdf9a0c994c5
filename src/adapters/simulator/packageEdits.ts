// What the pane changed through the simulated Excel API, as edits for the package writer: only the
// changed fields of changed cells on the user's sheets; our own sheets (校验报告, the accepted
// findings) whole, since the model holds every cell of them; custom properties set or deleted.
import { isOurSheet, REPORT_SHEET, type CellValue } from '../../core/index.js';
import { parseQualified } from '../office/addresses.js';
import { linkFormula, type CellEdit, type FormulaValue, type OwnSheet, type SheetEdit, type SheetState, type WorkbookEdit } from '../xlsx/index.js';
import type { CellModel, SheetModel, SheetVisibility, WorkbookModel } from './model.js';

const STATE: Record<SheetVisibility, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** Points → Excel's column width in characters (7-pixel digits, 5 pixels of padding, 96 dpi). */
export function characters(points: number): number {
  const pixels = (points * 4) / 3;
  return Math.max(0, Math.round(((pixels - 5) / 7) * 100) / 100);
}

/** A link into this workbook as a HYPERLINK formula; a web link the same way, showing its text. */
function linkedValue(cell: CellModel, ownSheet: string): CellValue | FormulaValue {
  const link = cell.hyperlink;
  const text = cell.value === null ? '' : String(cell.value);
  if (link?.documentReference) {
    const { sheet, area } = parseQualified(link.documentReference);
    // A reference without a sheet points into the cell's own sheet.
    return linkFormula(text || link.documentReference, sheet ?? ownSheet, area);
  }
  if (link?.address) {
    const target = link.address.replace(/"/g, '""');
    const shown = (text || link.address).replace(/"/g, '""');
    return { formula: `HYPERLINK("${target}","${shown}")`, result: text || link.address };
  }
  return cell.value;
}

function wholeCell(address: string, cell: CellModel, sheet: string): CellEdit {
  const edit: CellEdit = { address, value: linkedValue(cell, sheet) };
  if (cell.numberFormat !== undefined) edit.numberFormat = cell.numberFormat;
  if (cell.fill !== undefined) edit.fill = cell.fill;
  if (cell.font !== undefined) edit.font = cell.font;
  if (cell.wrap) edit.wrap = true;
  return edit;
}

function ownSheet(sheet: SheetModel): OwnSheet {
  const cells = [...sheet.cells].map(([address, cell]) => wholeCell(address, cell, sheet.name));
  const widths: (number | undefined)[] = [];
  for (const [column, points] of sheet.columnWidths ?? []) widths[column] = characters(points);
  return { name: sheet.name, state: STATE[sheet.visibility ?? 'Visible'], cells, columnWidths: widths, landscape: sheet.name === REPORT_SHEET };
}

function changedCells(sheet: SheetModel): SheetEdit {
  const cells: CellEdit[] = [];
  for (const [address, fields] of sheet.changes) {
    const now = sheet.cells.get(address) ?? { value: null };
    const edit: CellEdit = { address };
    if (fields.has('value') || fields.has('hyperlink')) edit.value = linkedValue(now, sheet.name);
    if (fields.has('numberFormat')) edit.numberFormat = now.numberFormat ?? null;
    if (fields.has('fill')) edit.fill = now.fill ?? null;
    // A font taken back to nothing set (our header's bold off): the cell's own font without bold, not the default font.
    if (fields.has('font')) edit.font = now.font ?? { bold: false };
    if (fields.has('wrap')) edit.wrap = now.wrap === true;
    // Comments (ExcelApi 1.10) have no threaded form we write: they go in as notes, as Excel's fallback does.
    if (fields.has('note') || fields.has('comment')) edit.note = now.note ?? now.comment ?? null;
    cells.push(edit);
  }
  return { sheet: sheet.name, cells };
}

/** The edits that bring the file the model came from up to the model; empty when nothing changed. */
export function editsOfModel(model: WorkbookModel): WorkbookEdit {
  const edit: WorkbookEdit = { sheets: [], ownSheets: [] };
  if (model.customChanges?.size) {
    const props = model.customProperties ?? new Map<string, string>();
    const keys = [...model.customChanges];
    edit.properties = { set: keys.filter((k) => props.has(k)).map((k): [string, string] => [k, props.get(k) as string]), remove: keys.filter((k) => !props.has(k)) };
  }
  for (const sheet of model.sheets) {
    const changed = sheet.changes.size > 0 || sheet.sheetChanged === true || sheet.added === true;
    if (!changed) continue;
    if (sheet.added || isOurSheet(sheet.name)) edit.ownSheets.push(ownSheet(sheet));
    else edit.sheets.push(changedCells(sheet));
  }
  return edit;
}
