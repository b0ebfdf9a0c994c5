// What every workbook adapter checks before it writes, on the state it read: the target sheets
// exist and are not protected, and every target cell is free (isFreeCell) — the same refusals,
// with the same messages, in Excel and in WPS.
import { isFreeCell, isOurHeader, isOurScoreCell, parseCell, type CellValue, type SheetSnapshot } from '../core/index.js';
import { sheetMissingError, sheetNameTakenError, sheetProtectedError, workbookProtectedError, wouldOverwriteError } from './office/errors.js';

export function cellOf(sheet: SheetSnapshot, a1: string): { value: CellValue; numberFormat?: string } {
  const { row, column } = parseCell(a1);
  const r = row - 1 - sheet.startRow;
  const c = column - sheet.startColumn;
  return { value: sheet.values[r]?.[c] ?? null, numberFormat: sheet.numberFormats?.[r]?.[c] };
}

/** One of our cells (header or score), by its value and mark. */
export function isOurs(sheet: SheetSnapshot, a1: string): boolean {
  const { value, numberFormat } = cellOf(sheet, a1);
  return isOurHeader(value, numberFormat) || isOurScoreCell(value, numberFormat);
}

export function isFree(sheet: SheetSnapshot, a1: string): boolean {
  const { value, numberFormat } = cellOf(sheet, a1);
  return isFreeCell(value, numberFormat);
}

/** Refuses, before anything is queued, sheets that are protected, missing, or cells that are not ours. */
export function guardTargets(sheets: ReadonlyMap<string, SheetSnapshot>, targets: { sheet: string; cells: string[] }[]): void {
  const missing = targets.filter((t) => !sheets.has(t.sheet)).map((t) => t.sheet);
  if (missing.length) throw sheetMissingError(missing);
  const locked = targets.filter((t) => sheets.get(t.sheet)?.protected).map((t) => t.sheet);
  if (locked.length) throw sheetProtectedError(locked);
  for (const t of targets) {
    const sheet = sheets.get(t.sheet)!;
    const taken = t.cells.filter((a1) => !isFree(sheet, a1));
    if (taken.length) throw wouldOverwriteError(t.sheet, taken);
  }
}

/** Refuses to write one of our sheets where the host would refuse or a user's sheet would go. */
export function guardOwnSheet(
  state: { sheets: ReadonlyMap<string, SheetSnapshot>; workbookProtected: boolean },
  name: string,
  isOurs: (sheet: SheetSnapshot) => boolean,
): SheetSnapshot | undefined {
  const existing = state.sheets.get(name);
  if (existing && !isOurs(existing)) throw sheetNameTakenError(name);
  if (existing?.protected) throw sheetProtectedError([name]);
  if (!existing && state.workbookProtected) throw workbookProtectedError(name);
  return existing;
}
