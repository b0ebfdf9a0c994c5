// Sheets laid out cell by cell, as published templates are: a grid of values with its merged
// areas and number formats, written into a real exceljs workbook (then read like any file).
import ExcelJS from 'exceljs';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import type { CellValue, WorkbookSnapshot } from '../../src/core/index.js';

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

export function layoutWorkbook(layouts: Layout | Layout[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  (Array.isArray(layouts) ? layouts : [layouts]).forEach((layout, i) => {
    const ws = wb.addWorksheet(layout.sheet ?? (i === 0 ? '绩效目标表' : `表${i + 1}`));
    layout.grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of layout.merges ?? []) ws.mergeCells(m);
    for (const [a1, f] of Object.entries(layout.formats ?? {})) ws.getCell(a1).numFmt = f;
  });
  return wb;
}

export function layoutSnapshot(layouts: Layout | Layout[]): WorkbookSnapshot {
  return snapshotOf(layoutWorkbook(layouts));
}

/** Rows of a layout, changed: `edit(rows)` returns the grid to use (rows are copied first). */
export function withRows(layout: Layout, edit: (rows: (CellValue | undefined)[][]) => (CellValue | undefined)[][]): Layout {
  return { ...layout, grid: edit(layout.grid.map((r) => [...r])) };
}
