// 有未下载的更改 follows what the workbook holds: written and cleared again is no change.
import { createExcel, createWorkbookModel, markSaved, sheetFromRows, setCellField } from '../adapters/simulator/index.js';
import { hasUnsavedChanges, navigationTarget, savedState } from './sheetView.js';

function model() {
  return createWorkbookModel([sheetFromRows('目标表', [['一级指标', '权重'], ['产出指标', 60]])]);
}

test('a fresh workbook has nothing to download', () => {
  const m = model();
  expect(hasUnsavedChanges(m, savedState(m))).toBe(false);
});

test('a written cell is a change; writing it back as it was is none', () => {
  const m = model();
  const saved = savedState(m);
  const sheet = m.sheets[0];
  setCellField(sheet, 1, 2, 'value', '得分');
  setCellField(sheet, 1, 2, 'numberFormat', ';;;@');
  expect(hasUnsavedChanges(m, saved)).toBe(true);
  // 清除结果 empties the cell and its format again.
  setCellField(sheet, 1, 2, 'value', null);
  setCellField(sheet, 1, 2, 'numberFormat', undefined);
  expect(hasUnsavedChanges(m, saved)).toBe(false);
  // A user's cell changed and changed back is no change either.
  setCellField(sheet, 2, 1, 'value', 50);
  expect(hasUnsavedChanges(m, saved)).toBe(true);
  setCellField(sheet, 2, 1, 'value', 60);
  expect(hasUnsavedChanges(m, saved)).toBe(false);
});

test('a sheet added through the API (the accepted findings) is a change', async () => {
  const m = model();
  const saved = savedState(m);
  const excel = createExcel(m);
  await excel.run(async (context) => {
    context.workbook.worksheets.add('_jixiao_accepted');
    await context.sync();
  });
  expect(hasUnsavedChanges(m, saved)).toBe(true);
});

test('after a download the new state is the saved one', () => {
  const m = model();
  setCellField(m.sheets[0], 1, 2, 'value', '得分');
  markSaved(m);
  expect(hasUnsavedChanges(m, savedState(m))).toBe(false);
});

describe('navigationTarget: Excel’s keys in the grid', () => {
  const limits = { rows: 60, columns: 14 };
  const sheet = () => sheetFromRows('S', [['a', 'b', 'c', 'd'], ['e', 'f'], ['g']], { merges: ['B5:C6'] });

  test('Home goes to column A of the row, Ctrl+Home to A1', () => {
    expect(navigationTarget('Home', false, 'C2', sheet(), limits, 20)).toBe('A2');
    expect(navigationTarget('Home', true, 'C3', sheet(), limits, 20)).toBe('A1');
  });

  test('End goes to the last used column of the row, Ctrl+End to the last used cell', () => {
    expect(navigationTarget('End', false, 'A2', sheet(), limits, 20)).toBe('B2');
    expect(navigationTarget('End', false, 'A1', sheet(), limits, 20)).toBe('D1');
    expect(navigationTarget('End', true, 'A1', sheet(), limits, 20)).toBe('D3');
  });

  test('PageDown and PageUp move a screenful of rows, within the sheet and onto a merge’s anchor', () => {
    expect(navigationTarget('PageDown', false, 'A1', sheet(), limits, 20)).toBe('A21');
    expect(navigationTarget('PageDown', false, 'A50', sheet(), limits, 20)).toBe('A60');
    expect(navigationTarget('PageUp', false, 'A10', sheet(), limits, 20)).toBe('A1');
    expect(navigationTarget('PageDown', false, 'C1', sheet(), limits, 4)).toBe('B5');
  });

  test('other keys are not navigation', () => {
    expect(navigationTarget('x', false, 'A1', sheet(), limits, 20)).toBeNull();
  });
});
