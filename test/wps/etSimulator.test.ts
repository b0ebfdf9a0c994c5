// The ET simulator's quirks, each as WPS shows it, since the WPS adapter is written against them.
import { createEt, EtError } from '../../src/adapters/simulator/et/index.js';
import { createWorkbookModel, sheetFromRows } from '../../src/adapters/simulator/index.js';
import { bgrOf, hexOfBgr } from '../../src/adapters/wps/et.js';

function workbook() {
  const sheet = sheetFromRows('表1', [
    ['指标', '值'],
    ['数量', 5],
  ], { numberFormats: [[undefined, undefined], [undefined, '0%']], merges: ['A3:B3'] });
  sheet.cells.set('A4', { value: '备注', note: '用户的批注' });
  const locked = sheetFromRows('锁定', [['x']], { protected: true });
  return createEt(createWorkbookModel([sheet, locked]));
}

test('Worksheets.Item counts from 1 and takes a name; 0 and unknown names throw', () => {
  const et = workbook();
  const sheets = et.application.ActiveWorkbook.Worksheets;
  expect(sheets.Count).toBe(2);
  expect(sheets.Item(1).Name).toBe('表1');
  expect(sheets.Item(2).Name).toBe('锁定');
  expect(sheets.Item('锁定').Index).toBe(2);
  expect(() => sheets.Item(0)).toThrow(EtError);
  expect(() => sheets.Item('无')).toThrow(/下标越界/);
});

test('Value2 is a scalar for one cell and rows for more; Address() is a method giving absolute A1', () => {
  const et = workbook();
  const sheet = et.application.ActiveSheet;
  expect(sheet.Range('B2').Value2).toBe(5);
  expect(sheet.Range('C9').Value2).toBeUndefined();
  expect(sheet.Range('A1:B2').Value2).toEqual([['指标', '值'], ['数量', 5]]);
  expect(sheet.Range('A1:B2').Address()).toBe('$A$1:$B$2');
  expect(sheet.Range('A1:B2').Item(2, 2).Address()).toBe('$B$2');
  expect(sheet.Range('B1:B9').Cells.Item(3, 1).Address()).toBe('$B$3');
  expect(sheet.UsedRange.Address()).toBe('$A$1:$B$4');
});

test('NumberFormat, MergeCells and HasFormula are null where the cells differ', () => {
  const et = workbook();
  const sheet = et.application.ActiveSheet;
  expect(sheet.Range('B2').NumberFormat).toBe('0%');
  expect(sheet.Range('A1:A2').NumberFormat).toBe('General');
  expect(sheet.Range('B1:B2').NumberFormat).toBeNull();
  expect(sheet.Range('A3:B3').MergeCells).toBe(true);
  expect(sheet.Range('A2:A3').MergeCells).toBeNull();
  expect(sheet.Range('A1').MergeCells).toBe(false);
  expect(sheet.Range('B3').MergeArea.Address()).toBe('$A$3:$B$3');
  expect(sheet.Range('A1:B2').HasFormula).toBe(false);
});

test('colours are BGR integers; ColorIndex -4142 is no fill', () => {
  expect(bgrOf('#FF0000')).toBe(0x0000ff);
  expect(hexOfBgr(0x0000ff)).toBe('#FF0000');
  const et = workbook();
  const cell = et.application.ActiveSheet.Range('A1');
  expect(cell.Interior.ColorIndex).toBe(-4142);
  cell.Interior.Color = bgrOf('#FDE7E9');
  expect(et.model.sheets[0].cells.get('A1')?.fill).toBe('#FDE7E9');
  expect(cell.Interior.Color).toBe(bgrOf('#FDE7E9'));
  cell.Interior.ColorIndex = -4142;
  expect(et.model.sheets[0].cells.get('A1')?.fill).toBeUndefined();
});

test('AddComment fails on a cell that has a comment; Comment is null or has Text()', () => {
  const et = workbook();
  const sheet = et.application.ActiveSheet;
  expect(sheet.Range('A1').Comment).toBeNull();
  expect(sheet.Range('A4').Comment?.Text()).toBe('用户的批注');
  expect(() => sheet.Range('A4').AddComment('ours')).toThrow(/已有批注/);
  sheet.Range('A1').AddComment('ours');
  expect(et.model.sheets[0].cells.get('A1')?.note).toBe('ours');
  sheet.Range('A1').ClearComments();
  expect(et.model.sheets[0].cells.get('A1')?.note).toBeUndefined();
});

test('every write on a sheet with ProtectContents fails and changes nothing', () => {
  const et = workbook();
  const locked = et.application.ActiveWorkbook.Worksheets.Item('锁定');
  expect(locked.ProtectContents).toBe(true);
  const cell = locked.Range('A1');
  expect(() => (cell.Value2 = 'y')).toThrow(/受保护/);
  expect(() => (cell.NumberFormat = '@')).toThrow(/受保护/);
  expect(() => (cell.Interior.Color = 255)).toThrow(/受保护/);
  expect(() => cell.AddComment('n')).toThrow(/受保护/);
  expect(et.model.sheets[1].cells.get('A1')).toEqual({ value: 'x' });
});

test('Select() works only on the active sheet; every member touched is counted', () => {
  const et = workbook();
  const before = et.calls;
  const locked = et.application.ActiveWorkbook.Worksheets.Item(2);
  expect(() => locked.Range('A1').Select()).toThrow(/不是活动工作表/);
  locked.Activate();
  locked.Range('A1').Select();
  expect(et.model.selection).toEqual({ sheet: '锁定', areas: ['A1'] });
  // ActiveWorkbook, Worksheets, Item, Range, Select (refused), Activate, Range, Select
  expect(et.calls - before).toBe(8);
  expect(et.callsByMember.get('Range.Select')).toBe(2);
});

test('Value2 set with a block records one write of its shape; a short block is refused', () => {
  const et = workbook();
  const sheet = et.application.ActiveSheet;
  et.application.ScreenUpdating = false;
  sheet.Range('C1:C2').Value2 = [['得分'], [3]];
  expect(et.valueWrites).toEqual([{ sheet: '表1', address: 'C1:C2', rows: 2, columns: 1, screenUpdating: false }]);
  expect(et.model.sheets[0].cells.get('C2')?.value).toBe(3);
  expect(() => (sheet.Range('D1:D3').Value2 = [[1], [2]])).toThrow(EtError);
});

test('custom document properties: Item of a missing name throws; Add adds text of at most 255 characters', () => {
  const et = workbook();
  const props = et.application.ActiveWorkbook.CustomDocumentProperties;
  expect(() => props.Item('a')).toThrow(/没有名为/);
  props.Add('a', false, 4, 'text');
  expect(props.Item('a').Value).toBe('text');
  expect(() => props.Add('b', false, 4, 'x'.repeat(256))).toThrow(/255/);
});

test('Worksheets.Add puts a new sheet after the given one and makes it active; very hidden needs an open structure', () => {
  const et = workbook();
  const sheets = et.application.ActiveWorkbook.Worksheets;
  const added = sheets.Add(undefined, sheets.Item(sheets.Count));
  expect(added.Index).toBe(3);
  expect(et.model.activeSheet).toBe(added.Name);
  added.Name = '_jixiao_accepted';
  added.Visible = 2;
  expect(et.model.sheets[2].visibility).toBe('VeryHidden');
  expect(et.model.activeSheet).toBe('表1');
  et.model.protected = true;
  expect(() => sheets.Add()).toThrow(/结构受保护/);
});
