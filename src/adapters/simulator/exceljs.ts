// From an exceljs workbook to the simulator's model: fromExcelJs keeps what Excel's Range.values
// would show (formula results, error text, dates as serial numbers, 1904 workbooks too), read by
// the same cell reading as the CLI's snapshot (adapters/exceljs). Writing back is the package
// writer's (packageEdits.ts → src/adapters/xlsx), which changes only what the API changed.
import type ExcelJS from 'exceljs';
import { plainValue as shownValue } from '../exceljs/snapshot.js';
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

/** What Range.values shows: the one exceljs reading of a cell (adapters/exceljs), an empty text as empty. */
function plainValue(value: ExcelJS.CellValue, date1904: boolean) {
  const v = shownValue(value, date1904);
  return v === '' ? null : v;
}

function sheetFromExcelJs(ws: ExcelJS.Worksheet, date1904: boolean): SheetModel {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
  const sheet = createSheet(ws.name, { merges: ws.model.merges ?? [], protected: protection?.sheet === true });
  const visibility = VISIBILITY[ws.state];
  if (visibility && visibility !== 'Visible') sheet.visibility = visibility;
  ws.eachRow({ includeEmpty: false }, (row) => {
    // Empty cells too: one the file makes bold (a header row's) reads bold through Range.format.font.
    row.eachCell({ includeEmpty: true }, (cell) => {
      const merged = (cell.type as number) === VALUE_MERGE;
      const model: CellModel = { value: merged ? null : plainValue(cell.value, date1904) };
      const link = merged ? undefined : hyperlinkOf(cell.value);
      if (link) model.hyperlink = link;
      if (cell.numFmt && cell.numFmt !== 'General') model.numberFormat = cell.numFmt;
      const fill = solidFill(cell.fill);
      if (fill) model.fill = fill;
      const note = merged ? undefined : noteText(cell.note);
      if (note !== undefined) model.note = note;
      if (cell.font?.bold) model.font = { bold: true };
      if (!isEmptyCell(model)) sheet.cells.set(cell.address, model);
    });
  });
  return sheet;
}

/** The simulator's model of an exceljs workbook (sheets in tab order, the active tab active). */
export function fromExcelJs(workbook: ExcelJS.Workbook): WorkbookModel {
  const worksheets = workbook.worksheets;
  const date1904 = (workbook.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  const model = createWorkbookModel(worksheets.map((ws) => sheetFromExcelJs(ws, date1904)));
  const activeTab = workbook.views?.[0]?.activeTab;
  if (typeof activeTab === 'number' && worksheets[activeTab]) model.activeSheet = worksheets[activeTab].name;
  return model;
}

/** Forgets recorded changes, e.g. after the model was saved. */
export function markSaved(model: WorkbookModel): void {
  for (const sheet of model.sheets) {
    sheet.changes.clear();
    sheet.added = false;
    sheet.sheetChanged = false;
  }
  model.customChanges?.clear();
}
