// The exceljs reading adapter: an exceljs Workbook → the core's snapshot. Writing is the package
// writer's (src/adapters/xlsx): exceljs regenerates what it writes and shares style objects
// between cells, so a copy written through it lost parts and restyled the user's cells.
import type ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/index.js';

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
