import { createSheet, sheetFromRows } from '../adapters/simulator/index.js';
import {
  COLUMN_PADDING,
  MIN_COLUMNS,
  MIN_ROWS,
  ROW_PADDING,
  activeCell,
  columnPixels,
  gridExtent,
  mergeLayout,
  nameBoxText,
  rowSelectionKey,
  selectionRects,
  stepCell,
  windowFor,
} from './sheetView.js';
import type { SheetLook } from './session.js';

describe('gridExtent', () => {
  test('an empty sheet still shows a screenful of cells', () => {
    expect(gridExtent(createSheet('S'), null)).toEqual({ rows: MIN_ROWS, columns: MIN_COLUMNS, clipped: false });
  });

  test('pads the used range, reaches merges and a selection on the sheet, not on another', () => {
    const sheet = sheetFromRows('S', [['a']], { startRow: 100, startColumn: 20, merges: ['A1:A120'] });
    expect(gridExtent(sheet, null)).toEqual({ rows: 120 + ROW_PADDING, columns: 21 + COLUMN_PADDING, clipped: false });
    expect(gridExtent(sheet, { sheet: 'S', areas: ['AZ300'] }).rows).toBe(300 + ROW_PADDING);
    expect(gridExtent(sheet, { sheet: 'Other', areas: ['AZ300'] }).rows).toBe(120 + ROW_PADDING);
    // A whole-column selection does not stretch the grid to the last row.
    expect(gridExtent(sheet, { sheet: 'S', areas: ['B:B'] }).rows).toBe(120 + ROW_PADDING);
  });

  test('stops at the drawing limits and says so', () => {
    const sheet = sheetFromRows('S', [['x']], { startRow: 50_000, startColumn: 500 });
    const extent = gridExtent(sheet, null);
    expect(extent.clipped).toBe(true);
    expect(extent.rows).toBeLessThan(50_000);
    expect(extent.columns).toBeLessThan(500);
  });
});

describe('mergeLayout', () => {
  test('anchors span their area; the other cells are covered', () => {
    const layout = mergeLayout(['A12:A22', 'B2:I2'], { first: 1, last: 40 }, 12);
    expect(layout.spans.get('A12')).toEqual({ rect: { top: 12, left: 0, bottom: 22, right: 0 }, anchor: 'A12' });
    expect(layout.covered.has('A13')).toBe(true);
    expect(layout.covered.has('A12')).toBe(false);
    expect(layout.covered.has('I2')).toBe(true);
    expect(layout.reach.get(12)).toBe(22);
  });

  test('clips areas to the drawn window and ignores overlaps and single cells', () => {
    const layout = mergeLayout(['A30:C60', 'B31:B32', 'D5:D5', 'Z1:Z3'], { first: 1, last: 40 }, 12);
    expect(layout.spans.get('A30')?.rect).toEqual({ top: 30, left: 0, bottom: 40, right: 2 });
    expect(layout.spans.has('B31')).toBe(false);
    expect(layout.spans.has('D5')).toBe(false);
    expect(layout.spans.has('Z1')).toBe(false);
  });

  test('an area cut by the window start draws from the first row, showing its anchor', () => {
    const layout = mergeLayout(['A5:A2004', 'B5:B6'], { first: 1700, last: 1900 }, 12);
    expect(layout.spans.get('A1700')).toEqual({ rect: { top: 1700, left: 0, bottom: 1900, right: 0 }, anchor: 'A5' });
    expect(layout.spans.has('B5')).toBe(false);
    expect(layout.covered.has('A1701')).toBe(true);
  });
});

describe('windowFor', () => {
  const current = { first: 1, last: 250 };
  test('keeps, grows or moves the drawn rows so a row shows', () => {
    expect(windowFor(current, 100, 2010)).toBe(current);
    expect(windowFor(current, 300, 2010)).toEqual({ first: 1, last: 320 });
    expect(windowFor(current, 1804, 2010)).toEqual({ first: 1679, last: 1929 });
    expect(windowFor({ first: 1679, last: 1929 }, 1500, 2010)).toEqual({ first: 1480, last: 1929 });
    expect(windowFor({ first: 1679, last: 1929 }, 3, 2010)).toEqual({ first: 1, last: 128 });
    expect(windowFor(current, 2005, 2010)).toEqual({ first: 1880, last: 2010 });
  });
});

describe('selection', () => {
  const selection = { sheet: 'S', areas: ['F24', 'B12:B22'] };

  test('the name box shows the areas; the active cell is the first one', () => {
    expect(nameBoxText(selection, 'S')).toBe('F24,B12:B22');
    expect(nameBoxText(selection, 'T')).toBe('');
    expect(activeCell(selection)).toBe('F24');
    expect(activeCell(null)).toBeNull();
  });

  test('a row knows the areas that touch it or a merged area anchored on it', () => {
    const rects = selectionRects({ sheet: 'S', areas: ['B20'] });
    expect(rowSelectionKey(rects, 20, 20)).toBe('20,1,20,1');
    // Row 12 anchors B12:B22, which holds B20.
    expect(rowSelectionKey(rects, 12, 22)).toBe('20,1,20,1');
    expect(rowSelectionKey(rects, 12, 12)).toBe('');
  });
});

test('column widths in characters become pixels; hidden columns vanish', () => {
  const look: SheetLook = { columnWidths: new Map([[3, 24], [5, 0]]), defaultColumnWidth: 8.43, rowHeights: new Map(), cells: new Map() };
  expect(columnPixels(undefined, 0)).toBe(64);
  expect(columnPixels(look, 3)).toBe(173);
  expect(columnPixels(look, 5)).toBe(0);
  // A width set through the API (points) wins: the 校验报告's 22-character column.
  const sheet = createSheet('校验报告');
  sheet.columnWidths = new Map([[3, 119.25]]);
  expect(columnPixels(look, 3, sheet)).toBe(159);
  expect(columnPixels(look, 4, sheet)).toBe(64);
});

test('arrow keys step over merged areas and stop at the grid edge', () => {
  const merges = ['A12:A22', 'B12:B22', 'C12:C14'];
  const limits = { rows: 56, columns: 12 };
  expect(stepCell(merges, 'F24', 1, 0, limits)).toBe('F25');
  expect(stepCell(merges, 'D13', 0, -1, limits)).toBe('C12');
  expect(stepCell(merges, 'C12', 1, 0, limits)).toBe('C15');
  expect(stepCell(merges, 'C12', 0, -1, limits)).toBe('B12');
  expect(stepCell(merges, 'A1', -1, -1, limits)).toBe('A1');
  expect(stepCell(merges, 'L56', 1, 1, limits)).toBe('L56');
});
