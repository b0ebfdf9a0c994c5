// Read access to one sheet snapshot in sheet coordinates (1-based rows, 0-based columns),
// with merged areas resolved: a cell inside a merge reads as the merge's top-left value.
import type { CellValue, SheetSnapshot } from '../types.js';
import { parseRange, type RangeRef } from './a1.js';

/** Cells above which a merge is kept in a list rather than indexed cell by cell. */
const BIG_MERGE = 50_000;

export class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  private readonly mergeOf = new Map<number, RangeRef>();
  private readonly bigMerges: (RangeRef & { anchor: RangeRef })[] = [];
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
      if (m.top < 1) continue; // "A0": no such row; Excel never writes it, a damaged file might
      const top = Math.max(m.top, this.firstRow);
      const left = Math.max(m.left, this.firstColumn);
      const bottom = Math.min(m.bottom, this.lastRow);
      const right = Math.min(m.right, this.lastColumn);
      if (bottom < top || right < left) continue;
      const clipped = { top: m.top, left: m.left, bottom, right };
      this.merges.push(clipped);
      // A huge merge (a whole column block) is looked up by scanning, not one map entry per cell.
      if ((bottom - top + 1) * (right - left + 1) > BIG_MERGE) {
        this.bigMerges.push({ top, left, bottom, right, anchor: clipped });
        continue;
      }
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) this.mergeOf.set(this.key(r, c), clipped);
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
    const m = this.mergeOf.get(this.key(row, column));
    if (m || this.bigMerges.length === 0) return m;
    return this.bigMerges.find((b) => b.top <= row && row <= b.bottom && b.left <= column && column <= b.right)?.anchor;
  }

  /** The value a person sees at the cell: the merge's top-left value inside a merge. */
  value(row: number, column: number): CellValue {
    const m = this.merge(row, column);
    return m ? this.raw(m.top, m.left) : this.raw(row, column);
  }

  /** Top-left cell of the merge holding the cell, or the cell itself. */
  anchor(row: number, column: number): { row: number; column: number } {
    const m = this.merge(row, column);
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

/**
 * One Grid per sheet snapshot for the length of one check-and-plan: the check and the planner read
 * the same sheets, and a Grid indexes every merged cell when it is made.
 */
export class SheetGrids {
  private readonly made = new Map<SheetSnapshot, Grid>();

  of(sheet: SheetSnapshot): Grid {
    let grid = this.made.get(sheet);
    if (!grid) this.made.set(sheet, (grid = new Grid(sheet)));
    return grid;
  }
}
