// The workbench's download path: what the pane writes through the simulated Excel becomes edits
// (editsOfModel) that the package writer patches into the file's bytes; read back with exceljs.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { patchWorkbook } from '../xlsx/index.js';
import { createExcel, editsOfModel, fromExcelJs, markSaved, type WorkbookModel } from './index.js';

const FIXTURE = 'test/fixtures/ningxian-2026.xlsx';

async function load(data: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

/** The file with the model's changes patched in, and how many cells they touch. */
function save(model: WorkbookModel, bytes: Uint8Array): { bytes: Uint8Array; cells: number } {
  const edit = editsOfModel(model);
  const cells = edit.sheets.reduce((n, s) => n + s.cells.length, 0);
  return { bytes: edit.sheets.length || edit.ownSheets.length ? patchWorkbook(bytes, edit).bytes : bytes, cells };
}

describe('editsOfModel + patchWorkbook', () => {
  test('round trip: writes through the API land in the file; every other cell and style is kept', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const original = await load(bytes);
    const model = fromExcelJs(original);
    const excel = createExcel(model);
    const name = model.sheets[0].name;
    const borderBefore = original.worksheets[0].getCell('I12').border;
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const header = sheet.getRange('J11');
      header.numberFormat = [[';;;@']];
      header.values = [['得分']];
      const score = sheet.getRange('J24');
      score.numberFormat = [['0.00;-0.00;0.00']];
      score.values = [[0]];
      score.format.fill.color = '#FDE7E9';
      sheet.notes.add('J24', '指标值「稳步提升」不是数值');
      await context.sync();
    });

    const saved = save(model, bytes);
    expect(saved.cells).toBe(2);
    const reread = await load(saved.bytes);
    const ws = reread.worksheets[0];
    expect(ws.getCell('J11').value).toBe('得分');
    expect(ws.getCell('J11').numFmt).toBe(';;;@');
    expect(ws.getCell('J24').value).toBe(0);
    expect(ws.getCell('J24').numFmt).toBe('0.00;-0.00;0.00');
    expect(ws.getCell('J24').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } });
    expect(ws.getCell('J24').note).toBe('指标值「稳步提升」不是数值');
    // Untouched cells are as before, styles included.
    expect(ws.getCell('I12').border).toEqual(borderBefore);
    expect(ws.getCell('I12').numFmt).toBe(original.worksheets[0].getCell('I12').numFmt);
    expect(ws.model.merges.sort()).toEqual([...model.sheets[0].merges].sort());
    const again = fromExcelJs(reread).sheets[0];
    for (const [key, cell] of model.sheets[0].cells) expect(again.cells.get(key)).toEqual(cell);
  });

  test('clearing through the API removes value, format, fill and note from the file', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('S');
    ws.getCell('B2').value = 3;
    ws.getCell('B2').numFmt = '0.00;-0.00;0.00';
    ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } };
    ws.getCell('B2').note = 'old';
    ws.getCell('B3').value = 'keep';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const model = fromExcelJs(await load(bytes));
    const excel = createExcel(model);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const cell = sheet.getRange('B2');
      cell.values = [['']];
      cell.numberFormat = [['General']];
      cell.format.fill.clear();
      sheet.notes.getItem('B2').delete();
      await context.sync();
    });
    const reread = await load(save(model, bytes).bytes);
    const b2 = reread.getWorksheet('S')!.getCell('B2');
    expect(b2.value).toBeNull();
    expect(b2.numFmt).toBeUndefined();
    expect(b2.fill).toBeUndefined();
    expect(b2.note).toBeUndefined();
    expect(reread.getWorksheet('S')!.getCell('B3').value).toBe('keep');
    markSaved(model);
    expect(save(model, bytes).cells).toBe(0);
  });

  test('a sheet added through the API goes into the file whole: very hidden state, links as HYPERLINK formulas, widths, fonts', async () => {
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    const model = fromExcelJs(await load(bytes));
    const excel = createExcel(model);
    const table = model.sheets[0].name;
    await excel.run(async (context) => {
      const hidden = context.workbook.worksheets.add('_hidden');
      hidden.getRange('A1:B2').values = [
        ['rule', 'sheet'],
        ['value-format/not-number', table],
      ];
      hidden.visibility = 'VeryHidden' as Excel.SheetVisibility;
      const report = context.workbook.worksheets.add('报告');
      report.getRange('A1').values = [['标题']];
      report.getRange('A1').format.font.bold = true;
      report.getRange('B2').hyperlink = { documentReference: `'${table}'!F24`, textToDisplay: 'F24' };
      report.getRange('C2').hyperlink = { address: 'https://example.org/', textToDisplay: '网站' };
      report.getRange('D:D').format.columnWidth = 119.25;
      report.getRange('D2').format.wrapText = true;
      report.getRange('D2').values = [['说明']];
      await context.sync();
    });
    const saved = save(model, bytes);
    markSaved(model);
    const reread = await load(saved.bytes);
    expect(reread.worksheets.map((w) => [w.name, w.state])).toEqual([
      [table, 'visible'],
      ['_hidden', 'veryHidden'],
      ['报告', 'visible'],
    ]);
    const hidden = reread.getWorksheet('_hidden')!;
    expect(hidden.getCell('B2').value).toBe(table);
    const report = reread.getWorksheet('报告')!;
    expect(report.getCell('A1').font).toMatchObject({ bold: true });
    expect(report.getCell('B2').value).toEqual({ formula: `HYPERLINK("#'${table}'!F24","F24")`, result: 'F24' });
    // A web link is a HYPERLINK formula too: no hyperlinks part to add.
    expect(report.getCell('C2').value).toEqual({ formula: 'HYPERLINK("https://example.org/","网站")', result: '网站' });
    expect(report.getColumn(4).width).toBe(22);
    expect(report.getCell('D2').alignment).toMatchObject({ wrapText: true });

    // Read back, the model has the same sheets, state and links.
    const again = fromExcelJs(reread);
    expect(again.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [table, undefined],
      ['_hidden', 'VeryHidden'],
      ['报告', undefined],
    ]);
    expect(again.sheets[2].cells.get('B2')).toEqual({ value: 'F24', hyperlink: { documentReference: `'${table}'!F24` } });
    expect(again.sheets[2].cells.get('C2')).toEqual({ value: '网站', hyperlink: { address: 'https://example.org/' } });
    // The table itself is as it was.
    expect(again.sheets[0].cells).toEqual(model.sheets[0].cells);
    // Nothing left to write after a save.
    expect(editsOfModel(model)).toEqual({ sheets: [], ownSheets: [] });
  });
});
