// Layouts (grids.ts) written into a real exceljs workbook, then read like any file.
import ExcelJS from 'exceljs';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import type { WorkbookSnapshot } from '../../src/core/index.js';
import type { Layout } from './grids.js';

export { isLayout, withRows, type Layout } from './grids.js';

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
