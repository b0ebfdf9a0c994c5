// Sheets laid out cell by cell, as published templates are: a grid of values with its merged
// areas and number formats, and the core's snapshot of them built directly — no exceljs, no
// adapter — for tests of the core alone (the rule harness). layouts.ts writes the same layouts
// into real exceljs workbooks for tests that read files.
import { address, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../../src/core/index.js';

export interface Layout {
  sheet?: string;
  /** Row by row from A1; null or undefined leaves a cell blank. */
  grid: (CellValue | undefined)[][];
  merges?: string[];
  /** Number formats by A1 address. */
  formats?: Record<string, string>;
}

export function isLayout(x: unknown): x is Layout {
  return typeof x === 'object' && x !== null && 'grid' in x;
}

/** Rows of a layout, changed: `edit(rows)` returns the grid to use (rows are copied first). */
export function withRows(layout: Layout, edit: (rows: (CellValue | undefined)[][]) => (CellValue | undefined)[][]): Layout {
  return { ...layout, grid: edit(layout.grid.map((r) => [...r])) };
}

/** The snapshot of one layout, from A1, as an adapter would hand it to the core. */
export function sheetOf(layout: Layout, name = layout.sheet ?? '绩效目标表'): SheetSnapshot {
  const width = Math.max(0, ...layout.grid.map((r) => r.length));
  const values = layout.grid.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
  const formats = layout.formats ?? {};
  const numberFormats = values.map((r, i) => r.map((_, c) => formats[address(i + 1, c)] ?? ''));
  return { name, startRow: 0, startColumn: 0, values, numberFormats, merges: [...(layout.merges ?? [])] };
}

/** A workbook of layouts, one sheet each (unnamed ones after the first are 表2, 表3, …). */
export function workbookOf(...layouts: Layout[]): WorkbookSnapshot {
  return { sheets: layouts.map((l, i) => sheetOf(l, l.sheet ?? (i === 0 ? '绩效目标表' : `表${i + 1}`))) };
}
