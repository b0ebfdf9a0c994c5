import ExcelJS from 'exceljs';
import { applyToExcelJs, createExcel, fromExcelJs, markSaved } from './index.js';

const FIXTURE = 'test/fixtures/ningxian-2026.xlsx';

async function load(source: string | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (typeof source === 'string') await workbook.xlsx.readFile(source);
  else await workbook.xlsx.load(source as unknown as ArrayBuffer);
  return workbook;
}

describe('fromExcelJs', () => {
  test('keeps every value exceljs reads, merges, and leaves merged non-anchor cells empty', async () => {
    const workbook = await load(FIXTURE);
    const model = fromExcelJs(workbook);
    const ws = workbook.worksheets[0];
    const sheet = model.sheets[0];
    expect(model.sheets.map((s) => s.name)).toEqual(workbook.worksheets.map((w) => w.name));
    expect(sheet.merges).toEqual(ws.model.merges);
    expect(sheet.protected).toBe(false);

    let anchors = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) {
          expect(sheet.cells.get(cell.address)?.value ?? null).toBeNull();
          return;
        }
        const v = cell.value;
        if (v === null || v === undefined || v === '') return;
        anchors += 1;
        const expected = typeof v === 'object' && 'result' in v ? v.result : v;
        expect(sheet.cells.get(cell.address)?.value).toEqual(expected);
      }),
    );
    expect(anchors).toBeGreaterThan(100);
    expect(sheet.cells.get('A1')?.value).toBe('宁县总工会整体支出绩效目标表');
  });

  test('reads formula results, rich text, errors, dates, notes, fills and protection', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('S');
    ws.getCell('A1').value = { formula: 'B1+1', result: 3 };
    ws.getCell('A2').value = { richText: [{ text: '基本' }, { text: '支出' }] };
    ws.getCell('A3').value = { error: '#REF!' };
    ws.getCell('A4').value = new Date(Date.UTC(2026, 0, 1));
    ws.getCell('A5').value = 'x';
    ws.getCell('A5').note = '批注';
    ws.getCell('A6').value = 1;
    ws.getCell('A6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } };
    ws.getCell('A6').numFmt = '0.00';
    await ws.protect('', {});
    const sheet = fromExcelJs(workbook).sheets[0];
    expect(sheet.cells.get('A1')?.value).toBe(3);
    expect(sheet.cells.get('A2')?.value).toBe('基本支出');
    expect(sheet.cells.get('A3')?.value).toBe('#REF!');
    expect(sheet.cells.get('A4')?.value).toBe(46023);
    expect(sheet.cells.get('A5')?.note).toBe('批注');
    expect(sheet.cells.get('A6')).toEqual({ value: 1, numberFormat: '0.00', fill: '#FDE7E9' });
    expect(sheet.protected).toBe(true);
  });
});

describe('applyToExcelJs', () => {
  test('round trip: writes through the API land in the file; every other cell and style is kept', async () => {
    const original = await load(FIXTURE);
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

    expect(applyToExcelJs(model, original)).toBe(2);
    const buffer = Buffer.from(await original.xlsx.writeBuffer());
    const reread = await load(buffer);
    const ws = reread.worksheets[0];
    expect(ws.getCell('J11').value).toBe('得分');
    expect(ws.getCell('J11').numFmt).toBe(';;;@');
    expect(ws.getCell('J24').value).toBe(0);
    expect(ws.getCell('J24').numFmt).toBe('0.00;-0.00;0.00');
    expect(ws.getCell('J24').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } });
    expect(ws.getCell('J24').note).toBe('指标值「稳步提升」不是数值');
    // Untouched cells are as before, styles included (exceljs shares style objects between cells).
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
    const model = fromExcelJs(workbook);
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
    applyToExcelJs(model, workbook);
    const reread = await load(Buffer.from(await workbook.xlsx.writeBuffer()));
    const b2 = reread.getWorksheet('S')!.getCell('B2');
    expect(b2.value).toBeNull();
    expect(b2.numFmt).toBeUndefined();
    expect(b2.fill).toBeUndefined();
    expect(b2.note).toBeUndefined();
    expect(reread.getWorksheet('S')!.getCell('B3').value).toBe('keep');
    markSaved(model);
    expect(applyToExcelJs(model, workbook)).toBe(0);
  });

  test('a sheet added through the API goes into the file whole: very hidden state, links as HYPERLINK formulas, widths, fonts', async () => {
    const original = await load(FIXTURE);
    const model = fromExcelJs(original);
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
    applyToExcelJs(model, original);
    markSaved(model);
    const reread = await load(Buffer.from(await original.xlsx.writeBuffer()));
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
    expect(report.getCell('C2').value).toMatchObject({ text: '网站', hyperlink: 'https://example.org/' });
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
    expect(applyToExcelJs(model, original)).toBe(0);
    expect(original.worksheets).toHaveLength(3);
  });
});
