// One definition of a cell we may write (core/write/marks.ts isFreeCell), used by the planner, the
// Office adapter's last check before a write and the package writer: a cell holding only spaces,
// or an empty cell the user formatted, is theirs everywhere.
import { isFreeCell, RESULT_HEADER_FORMAT, RESULT_NUMBER_FORMAT, type SheetWritePlan, type WorkbookSnapshot } from '../../src/core/index.js';
import { editsOfPlans } from '../../src/adapters/xlsx/index.js';
import { createExcel, createWorkbookModel, sheetFromRows } from '../../src/adapters/simulator/index.js';
import { createWorkbookAdapter } from '../../src/adapters/office/index.js';

test('free: nothing at all, or ours; not free: spaces, text, a number, an empty cell with the user\'s format', () => {
  expect(isFreeCell(null, undefined)).toBe(true);
  expect(isFreeCell('', 'General')).toBe(true);
  expect(isFreeCell('得分', RESULT_HEADER_FORMAT)).toBe(true);
  expect(isFreeCell(3.5, RESULT_NUMBER_FORMAT)).toBe(true);
  expect(isFreeCell('  ', undefined)).toBe(false);
  expect(isFreeCell('审核意见', undefined)).toBe(false);
  expect(isFreeCell(0, 'General')).toBe(false);
  expect(isFreeCell(null, '0.00%')).toBe(false);
});

const plan: SheetWritePlan = { sheet: 'S', column: 'B', clear: [], writes: [{ address: 'B1', value: '得分', numberFormat: RESULT_HEADER_FORMAT }], skipped: [] };

test('the package writer refuses a cell of only spaces', () => {
  const snapshot: WorkbookSnapshot = { sheets: [{ name: 'S', startRow: 0, startColumn: 0, values: [['x', '  ']], merges: [] }] };
  const refused: string[] = [];
  const [edit] = editsOfPlans([plan], snapshot, refused);
  expect(refused).toEqual(['S!B1']);
  expect(edit.cells).toEqual([]);
});

test('the Office adapter refuses a cell of only spaces, as the planner and the package writer do (it used to take it as free)', async () => {
  const model = createWorkbookModel([sheetFromRows('S', [['x', '  ']])]);
  const excel = createExcel(model, { apiVersion: '1.20' });
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  await adapter.readSnapshot();
  await expect(adapter.writeResults([plan], { notes: false, fills: false })).rejects.toMatchObject({ code: 'would-overwrite' });
  expect(model.sheets[0].cells.get('B1')?.value).toBe('  ');
});
