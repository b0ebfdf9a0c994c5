// After an adapter writes our accepted-findings sheet it knows that sheet exactly (text cells from
// A1), so the next write needs no new read: the same snapshot of it in Excel and in WPS.
import type { SheetSnapshot } from '../core/index.js';

/** Our sheet as written: `text` from A1, every cell formatted as text. */
export function textSheet(name: string, text: string[][]): SheetSnapshot {
  return {
    name,
    startRow: 0,
    startColumn: 0,
    values: text.map((row) => row.map((v) => (v === '' ? null : v))),
    numberFormats: text.map((row) => row.map(() => '@')),
    merges: [],
    protected: false,
  };
}

/** The sheets with `sheet` in place of the one of its name, or added last. */
export function withSheet(sheets: SheetSnapshot[], sheet: SheetSnapshot): SheetSnapshot[] {
  return sheets.some((s) => s.name === sheet.name) ? sheets.map((s) => (s.name === sheet.name ? sheet : s)) : [...sheets, sheet];
}
