// The exceljs adapter: an exceljs Workbook → the core's snapshot, and the core's write plans →
// the same Workbook. Touches only the cells a plan names, so a saved copy keeps everything else.
import type ExcelJS from 'exceljs';
import {
  isOurNote,
  isOurReportSheet,
  RESULT_HEADER_FORMAT,
  RESULT_NUMBER_FORMAT,
  type AcceptanceSheetPlan,
  type CellValue,
  type ReportCell,
  type ReportSheetPlan,
  type ReportStyle,
  type SheetSnapshot,
  type SheetWritePlan,
  type WorkbookSnapshot,
} from '../core/index.js';

type ExcelCellValue = ExcelJS.CellValue;

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** What a cell shows, as the core reads it: formula results, plain text of rich text, error codes. */
export function plainValue(v: ExcelCellValue, date1904 = false): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // Excel's serial day number, as Office.js reports dates.
    return (v.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
  }
  if (typeof v === 'object') {
    if ('error' in v && typeof v.error === 'string') return v.error;
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelCellValue }).result;
      if (result !== null && typeof result === 'object' && 'error' in result) return String((result as { error: string }).error);
      return plainValue(result ?? null, date1904);
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
  }
  return null;
}

interface MergeIndex {
  _merges?: Record<string, { range?: string; tl?: string; br?: string }>;
}

/** Merged areas as A1 ranges. exceljs keeps them privately; `worksheet.model` would serialise the whole sheet. */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const index = (ws as unknown as MergeIndex)._merges ?? {};
  const out: string[] = [];
  for (const m of Object.values(index)) {
    if (m && typeof m.range === 'string') out.push(m.range);
  }
  return out;
}

export function snapshotOfSheet(ws: ExcelJS.Worksheet, date1904 = false): SheetSnapshot {
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  let first = Infinity;
  let last = 0;
  let left = Infinity;
  let right = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    // The row's own cells, empty ones included, without creating any (eachCell with
    // includeEmpty would add cells to the user's workbook).
    (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells.forEach((cell, i) => {
      if (!cell) return;
      // A formatted empty cell counts too: the plan must see it to leave it alone.
      const formatted = cell.numFmt !== undefined && cell.numFmt !== '' && cell.numFmt !== 'General';
      if ((cell.value === null || cell.value === undefined) && !formatted) return;
      const c = i + 1;
      if (r < first) first = r;
      if (r > last) last = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const merges = mergesOf(ws);
  if (rowCount === 0 || first === Infinity) return { name: ws.name, startRow: 0, startColumn: 0, values: [], numberFormats: [], merges, protected: isProtected(ws) };
  // Only rows that exist are filled in: a stray cell at row 1,048,576 must not cost a million rows.
  const values: CellValue[][] = new Array(last - first + 1);
  const numberFormats: string[][] = new Array(last - first + 1);
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vs: CellValue[] = [];
    const fs: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.findCell(c);
      vs.push(cell ? plainValue(cell.value, date1904) : null);
      fs.push(cell?.numFmt ?? '');
    }
    values[r - first] = vs;
    numberFormats[r - first] = fs;
  });
  return { name: ws.name, startRow: first - 1, startColumn: left - 1, values, numberFormats, merges, protected: isProtected(ws) };
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return p?.sheet === true;
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const date1904 = (wb.properties as { date1904?: boolean } | undefined)?.date1904 === true;
  return { sheets: wb.worksheets.map((ws) => snapshotOfSheet(ws, date1904)) };
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };

/** The text of a cell's note, however exceljs holds it (a string or rich text). */
function noteText(cell: ExcelJS.Cell): string | undefined {
  const note = cell.note as unknown;
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : undefined;
}

/** Apply the core's plans. Clears our old cells, then writes; never touches another cell. */
export function applyPlans(wb: ExcelJS.Workbook, plans: SheetWritePlan[]): void {
  for (const plan of plans) {
    const ws = wb.getWorksheet(plan.sheet);
    if (!ws) continue;
    for (const a of plan.clear) clearCell(ws.getCell(a));
    for (const w of plan.writes) {
      const cell = ws.getCell(w.address);
      const wasOurs = cell.numFmt === RESULT_NUMBER_FORMAT || cell.numFmt === RESULT_HEADER_FORMAT;
      cell.value = w.value;
      cell.numFmt = w.numberFormat;
      if (w.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(w.fill) } };
      else if (wasOurs) cell.fill = NO_FILL;
      // A note the user wrote on the cell stays; ours is replaced (or removed when there is none).
      const existing = noteText(cell);
      if (existing === undefined || isOurNote(existing)) cell.note = w.note ?? (undefined as unknown as string);
    }
  }
}

function clearCell(cell: ExcelJS.Cell): void {
  cell.value = null;
  cell.numFmt = 'General';
  cell.fill = NO_FILL;
  if (isOurNote(noteText(cell))) cell.note = undefined as unknown as string;
}

/** Remove exactly the cells named (our cells from an earlier run). */
export function applyClear(wb: ExcelJS.Workbook, targets: { sheet: string; cells: string[] }[]): void {
  for (const t of targets) {
    const ws = wb.getWorksheet(t.sheet);
    if (!ws) continue;
    for (const a of t.cells) clearCell(ws.getCell(a));
  }
}

/** A sheet of ours is replaced whole: removed and added again (at the end of the tabs). */
function freshSheet(wb: ExcelJS.Workbook, name: string, options: Partial<ExcelJS.AddWorksheetOptions>): ExcelJS.Worksheet {
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  return wb.addWorksheet(name, options);
}

/** Write the accepted findings into the very hidden `_jixiao_accepted` sheet, replacing its old rows. */
export function applyAcceptanceSheet(wb: ExcelJS.Workbook, plan: AcceptanceSheetPlan): void {
  const ws = freshSheet(wb, plan.sheet, { state: plan.veryHidden ? 'veryHidden' : 'visible' });
  plan.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      // Text as text: a cell list such as "1E5" or a date must not turn into a number.
      if (v !== null) ws.getCell(r + 1, c + 1).value = typeof v === 'string' ? v : String(v);
    }),
  );
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const STYLE_FONT: Partial<Record<ReportStyle, Partial<ExcelJS.Font>>> = {
  title: { bold: true, size: 16 },
  heading: { bold: true, size: 13 },
  header: { bold: true },
  label: { bold: true },
  total: { bold: true },
  error: { bold: true, color: { argb: 'FFC50F1F' } },
  warning: { bold: true, color: { argb: 'FF8A6100' } },
  info: { color: { argb: 'FF0F6CBD' } },
  accepted: { italic: true, color: { argb: 'FF616161' } },
};

/** A string literal inside a formula: doubled quotes, and at most Excel's 255 characters. */
function formulaText(s: string): string {
  const short = s.length > 255 ? `${s.slice(0, 254)}…` : s;
  return `"${short.replace(/"/g, '""')}"`;
}

/**
 * A link to a cell of this workbook as a HYPERLINK formula. exceljs writes a `{ text, hyperlink }`
 * value whose target looks internal with both an external relationship and a `location`, which Excel
 * joins into "#'S'!F24##'S'!F24" (exceljs issue #3027) — a link that goes nowhere. The formula works
 * in Excel, WPS and LibreOffice alike; its cached result is the text shown.
 */
export function linkFormula(text: string, sheet: string, cell: string): ExcelJS.CellFormulaValue {
  return { formula: `HYPERLINK(${formulaText(`#${quoteSheet(sheet)}!${cell}`)},${formulaText(text)})`, result: text, date1904: false };
}

function writeReportCell(ws: ExcelJS.Worksheet, row: number, column: number, cell: ReportCell): void {
  const target = ws.getCell(row, column);
  if (cell.link && cell.value !== null) {
    target.value = linkFormula(String(cell.value), cell.link.sheet, cell.link.cell);
    target.font = { color: { argb: 'FF0563C1' }, underline: 'single' };
  } else if (cell.value !== null) target.value = cell.value;
  const font = cell.style ? STYLE_FONT[cell.style] : undefined;
  if (font) target.font = { ...target.font, ...font };
  if (cell.style === 'header') target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
}

/**
 * Write (or refresh) the 校验报告 sheet. Returns false, writing nothing, when a sheet of that name
 * exists that we did not write: it is the user's.
 */
export function applyReportSheet(wb: ExcelJS.Workbook, plan: ReportSheetPlan): boolean {
  const existing = wb.getWorksheet(plan.sheet);
  if (existing && !isOurReportSheet(snapshotOfSheet(existing))) return false;
  const ws = freshSheet(wb, plan.sheet, {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } as Partial<ExcelJS.PageSetup> as ExcelJS.PageSetup,
  });
  plan.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // The message column wraps so that a long message prints in full.
  const wide = plan.columnWidths.indexOf(Math.max(...plan.columnWidths)) + 1;
  plan.rows.forEach((row, r) => {
    row.forEach((cell, c) => writeReportCell(ws, r + 1, c + 1, cell));
    const message = ws.getCell(r + 1, wide);
    if (row.length > 1 && message.value !== null) message.alignment = { wrapText: true, vertical: 'top' };
  });
  return true;
}
