// Read access to one sheet snapshot in sheet coordinates (1-based rows, 0-based columns),
// with merged areas resolved: a cell inside a merge reads as the merge's top-left value.
import type { CellValue, SheetSnapshot } from './types.js';
import { parseRange, type RangeRef } from './a1.js';

export class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  private readonly mergeOf = new Map<number, RangeRef>();
  readonly merges: RangeRef[];

  constructor(private readonly sheet: SheetSnapshot) {
    this.name = sheet.name;
    this.firstRow = sheet.startRow + 1;
    this.lastRow = sheet.startRow + sheet.values.length;
    this.firstColumn = sheet.startColumn;
    let width = 0;
    for (const row of sheet.values) if (row && row.length > width) width = row.length;
    this.lastColumn = sheet.startColumn + width - 1;
    this.merges = [];
    for (const a1 of sheet.merges) {
      let m: RangeRef;
      try {
        m = parseRange(a1);
      } catch {
        continue; // an address we cannot read is ignored, not fatal
      }
      // Clip to the used range: a merge reaching to row 1,048,576 must not cost a million entries.
      const bottom = Math.min(m.bottom, this.lastRow);
      const right = Math.min(m.right, this.lastColumn);
      if (bottom < m.top || right < m.left) continue;
      const clipped = { top: m.top, left: m.left, bottom, right };
      this.merges.push(clipped);
      for (let r = clipped.top; r <= bottom; r++) {
        for (let c = clipped.left; c <= right; c++) this.mergeOf.set(this.key(r, c), clipped);
      }
    }
  }

  private key(row: number, column: number): number {
    return row * 16384 + column;
  }

  /** The raw value of the cell itself (blank for the non-top-left cells of a merge). */
  raw(row: number, column: number): CellValue {
    const r = this.sheet.values[row - 1 - this.sheet.startRow];
    if (!r) return null;
    const v = r[column - this.sheet.startColumn];
    return v === undefined ? null : v;
  }

  /** False for rows the snapshot does not hold at all (sparse snapshots skip empty rows). */
  hasRow(row: number): boolean {
    return this.sheet.values[row - 1 - this.sheet.startRow] !== undefined;
  }

  numberFormat(row: number, column: number): string {
    const r = this.sheet.numberFormats?.[row - 1 - this.sheet.startRow];
    return r?.[column - this.sheet.startColumn] ?? '';
  }

  merge(row: number, column: number): RangeRef | undefined {
    return this.mergeOf.get(this.key(row, column));
  }

  /** The value a person sees at the cell: the merge's top-left value inside a merge. */
  value(row: number, column: number): CellValue {
    const m = this.mergeOf.get(this.key(row, column));
    return m ? this.raw(m.top, m.left) : this.raw(row, column);
  }

  /** Top-left cell of the merge holding the cell, or the cell itself. */
  anchor(row: number, column: number): { row: number; column: number } {
    const m = this.mergeOf.get(this.key(row, column));
    return m ? { row: m.top, column: m.left } : { row, column };
  }

  /** Number format at the anchor of the cell. */
  format(row: number, column: number): string {
    const a = this.anchor(row, column);
    return this.numberFormat(a.row, a.column);
  }

  get isProtected(): boolean {
    return this.sheet.protected === true;
  }
}
