// The whole round as the task pane runs it, against the simulator built from the seed workbook:
// read → check → plan → write → read → re-run → clear.
import ExcelJS from 'exceljs';
import { checkWorkbook, planClear, planResults, isOurHeader, RESULT_HEADER_BOLD_FORMAT, type WorkbookSnapshot } from '../../core/index.js';
import { createExcel, fromExcelJs, type CellModel } from '../simulator/index.js';
import { createWorkbookAdapter } from './index.js';

async function seedModel() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile('test/fixtures/ningxian-2026.xlsx');
  return fromExcelJs(workbook);
}

function ourHeaders(snapshot: WorkbookSnapshot): string[] {
  const found: string[] = [];
  for (const sheet of snapshot.sheets) {
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (isOurHeader(v, sheet.numberFormats?.[r]?.[c])) found.push(`${sheet.name}!${r + sheet.startRow + 1}:${c + sheet.startColumn}`);
      }),
    );
  }
  return found;
}

describe.each(['1.20', '1.10', '1.4'])('full loop on the seed workbook, ExcelApi %s', (apiVersion) => {
  test('write, re-run, clear: one 得分 column, users’ cells untouched, every original cell restored', async () => {
    const model = await seedModel();
    const sheet = model.sheets[0];
    // A user's remark right of the table, on an indicator row.
    sheet.cells.set('J13', { value: '用户备注' });
    const original = new Map<string, CellModel>([...sheet.cells].map(([k, v]) => [k, { ...v }]));
    const excel = createExcel(model, { apiVersion });
    const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });

    const first = await adapter.readSnapshot();
    expect(excel.lastRunSyncs).toBe(1);
    const report = checkWorkbook(first);
    expect(report.tables).toHaveLength(1);
    const plans = planResults(first, report, { lang: 'zh' });
    // J holds the user's remark on a table row, so the 得分 column goes to K.
    expect(plans.map((p) => p.column)).toEqual(['K']);
    const summary = await adapter.writeResults(plans);
    // re-read of the targets, the write (and in comments mode the comments)
    expect(excel.lastRunSyncs).toBe(apiVersion === '1.10' ? 3 : 2);
    expect(summary.written).toBe(plans[0].writes.length);
    // The one error row (服务职工总人次, row 24) carries its finding where the Excel version allows,
    // and our header the table's findings on no indicator row (Σ weights 90).
    expect(summary.annotations).toBe(apiVersion === '1.4' ? 0 : 2);
    const header = sheet.cells.get('K11');
    expect(header).toMatchObject({ value: '得分', numberFormat: RESULT_HEADER_BOLD_FORMAT, font: { bold: true } });
    expect(header?.note ?? header?.comment ?? '').toMatch(apiVersion === '1.4' ? /^$/ : /一级指标权重合计 90/);
    const annotation = sheet.cells.get('K24');
    expect(annotation?.value).toBe(0);
    expect(annotation?.note ?? annotation?.comment ?? '').toMatch(apiVersion === '1.4' ? /^$/ : /服务职工总人次/);
    expect(sheet.cells.get('J13')?.value).toBe('用户备注');
    for (const [key, cell] of original) {
      if (!plans[0].writes.some((w) => w.address === key)) expect(sheet.cells.get(key)).toEqual(cell);
    }

    const second = await adapter.readSnapshot();
    expect(ourHeaders(second)).toHaveLength(1);
    const rerun = planResults(second, checkWorkbook(second), { lang: 'zh' });
    expect(rerun.map((p) => p.column)).toEqual(plans.map((p) => p.column));
    await adapter.writeResults(rerun);
    expect(excel.lastRunSyncs).toBe(apiVersion === '1.10' ? 3 : 2);

    const third = await adapter.readSnapshot();
    expect(ourHeaders(third)).toHaveLength(1);
    expect(sheet.cells.get('J13')?.value).toBe('用户备注');

    const targets = planClear(third);
    expect(targets.reduce((n, t) => n + t.cells.length, 0)).toBeGreaterThan(0);
    await adapter.clearResults(targets);
    expect(excel.lastRunSyncs).toBe(2); // re-read of the targets, then the write
    expect(sheet.cells).toEqual(original);
  });
});
