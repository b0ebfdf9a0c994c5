import ExcelJS from 'exceljs';
import { fromExcelJs } from './index.js';

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
