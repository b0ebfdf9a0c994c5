// Host-neutral helpers of the workbook adapters (Excel and WPS): cells grouped into runs of one
// column, equal neighbours, the bounding area of several cells, and a read value as the core takes it.
import { columnLetter, parseCell, parseRange, rangeAddress, type CellValue } from '../core/index.js';

/** Cells of one column, rows top..bottom (1-based). */
export interface CellRun {
  column: number;
  top: number;
  bottom: number;
}

/** Cells grouped by column into runs of consecutive rows, in column then row order. */
export function runsOf(cells: string[]): CellRun[] {
  const parsed = [...new Set(cells)].map((a1) => parseCell(a1)).sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: CellRun[] = [];
  for (const { row, column } of parsed) {
    const last = runs[runs.length - 1];
    if (last && last.column === column && last.bottom === row - 1) last.bottom = row;
    else runs.push({ column, top: row, bottom: row });
  }
  return runs;
}

/** "J12" or "J12:J46": rows top..bottom of one column. */
export function columnRange(column: number, top: number, bottom: number): string {
  const letter = columnLetter(column);
  return top === bottom ? `${letter}${top}` : `${letter}${top}:${letter}${bottom}`;
}

/** Index ranges [from, to] of equal neighbours. */
export function equalRuns<T>(items: T[]): { from: number; to: number }[] {
  const parts: { from: number; to: number }[] = [];
  items.forEach((item, i) => {
    const last = parts[parts.length - 1];
    if (last && items[last.to] === item) last.to = i;
    else parts.push({ from: i, to: i });
  });
  return parts;
}

/** The smallest range holding every given cell or range. */
export function boundingArea(cells: string[]): string {
  const rects = cells.map((c) => parseRange(c));
  return rangeAddress({
    top: Math.min(...rects.map((r) => r.top)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    left: Math.min(...rects.map((r) => r.left)),
    right: Math.max(...rects.map((r) => r.right)),
  });
}

/** A value as the host reads it → the core's cell value ('' is empty). */
export function normaliseValue(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}
