// Conformance: the Office adapter over the simulated Excel and the WPS adapter over the simulated
// ET, on the same workbooks, give the same snapshot, and leave the same workbook after a write, a
// re-run, 忽略 and clearing. Both simulators serve one workbook model, so "the same workbook" is
// compared cell by cell: values, formats, fills, notes, fonts, links, sheets and their visibility.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { createWorkbookAdapter } from '../../src/adapters/office/index.js';
import { createExcel, fromExcelJs, type CellModel, type WorkbookModel } from '../../src/adapters/simulator/index.js';
import { createEt } from '../../src/adapters/simulator/et/index.js';
import { createWpsAdapter } from '../../src/adapters/wps/index.js';
import { ACCEPTED_SHEET, type WorkbookSnapshot } from '../../src/core/index.js';
import { runAccept, runCheck, runClear, runReport, type CheckResult, type RunCheckOptions, type WorkbookPort } from '../../src/workflow/index.js';
import { DEFAULT_COLUMNS, validRows, writeTable, type TableSpec } from '../helpers/workbooks.js';

async function seed(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile('test/fixtures/ningxian-2026.xlsx');
  return workbook;
}

/** Two hosts over two copies of one workbook. */
function hosts(load: () => WorkbookModel): { excel: { model: WorkbookModel; port: WorkbookPort }; wps: { model: WorkbookModel; port: WorkbookPort; calls: () => number } } {
  const excelModel = load();
  const excel = createExcel(excelModel);
  const etModel = load();
  const et = createEt(etModel);
  return {
    excel: { model: excelModel, port: createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported }) },
    wps: { model: etModel, port: createWpsAdapter(et.application), calls: () => et.calls },
  };
}

/** What a user could see of a workbook, in a form toEqual compares exactly. */
function workbookState(model: WorkbookModel) {
  return {
    active: model.activeSheet,
    sheets: model.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility ?? 'Visible',
      protected: s.protected,
      merges: [...s.merges].sort(),
      widths: [...(s.columnWidths ?? new Map<number, number>())].sort((a, b) => a[0] - b[0]),
      cells: Object.fromEntries([...s.cells].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]): [string, CellModel] => [k, { ...v }])),
    })),
  };
}

/** Merges in one order: the two adapters find them in different orders. */
function comparable(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { sheets: snapshot.sheets.map((s) => ({ ...s, merges: [...s.merges].sort() })) };
}

const OPTIONS: RunCheckOptions = { write: true, notes: true, fills: true, reservedPoints: 0, lang: 'zh' };

/** Resolves to the first check's result (the same from both hosts). */
async function conforms(load: () => WorkbookModel, options: RunCheckOptions = OPTIONS): Promise<CheckResult> {
  const { excel, wps } = hosts(load);
  const original = workbookState(excel.model);
  expect(workbookState(wps.model)).toEqual(original);

  expect(comparable(await wps.port.readSnapshot())).toEqual(comparable(await excel.port.readSnapshot()));

  const first = [await runCheck(excel.port, options), await runCheck(wps.port, options)];
  expect(first[1]).toEqual(first[0]);
  expect(workbookState(wps.model)).toEqual(workbookState(excel.model));
  // Something was written wherever there is a table (else the comparison above proves little).
  if (first[0].report.tables.length > 0) expect(workbookState(wps.model)).not.toEqual(original);
  const written = workbookState(excel.model);

  // A re-run finds our column and rewrites it the same.
  const again = [await runCheck(excel.port, options), await runCheck(wps.port, options)];
  expect(again[1]).toEqual(again[0]);
  expect(workbookState(excel.model)).toEqual(written);
  expect(workbookState(wps.model)).toEqual(written);

  // 忽略 a finding, where there is one: the very hidden sheet is written the same.
  const finding = first[0].report.tables.flatMap((t) => t.findings).find((f) => f.severity !== 'info');
  if (finding) {
    const accept = { accept: finding, reason: '已核实', by: '审核人', date: '2026-05-01' };
    const accepted = [await runAccept(excel.port, accept, options), await runAccept(wps.port, accept, options)];
    expect(accepted[1]).toEqual(accepted[0]);
    expect(workbookState(wps.model)).toEqual(workbookState(excel.model));
    expect(wps.model.sheets.find((s) => s.name === ACCEPTED_SHEET)?.visibility).toBe('VeryHidden');
  }

  // Clearing restores every cell of the user's sheets.
  const cleared = [await runClear(excel.port), await runClear(wps.port)];
  expect(cleared[1]).toBe(cleared[0]);
  expect(workbookState(wps.model)).toEqual(workbookState(excel.model));
  const userSheets = (state: ReturnType<typeof workbookState>) => state.sheets.filter((s) => s.name !== ACCEPTED_SHEET);
  expect(userSheets(workbookState(wps.model))).toEqual(userSheets(original));
  return first[0];
}

describe('the Office adapter and the WPS adapter agree', () => {
  let seedBook: ExcelJS.Workbook;
  beforeAll(async () => {
    seedBook = await seed();
  });

  test('on the seed (宁县 2026): snapshot, write, re-run, 忽略 and clear', async () => {
    const result = await conforms(() => fromExcelJs(seedBook));
    expect(result.report.tables).toHaveLength(1);
    expect(result.written[0].cells).toBeGreaterThan(10);
  });

  test('on the seed with a user note where our score goes, a user remark beside the table and writing without notes or fills', async () => {
    const load = () => {
      const model = fromExcelJs(seedBook);
      model.sheets[0].cells.set('J13', { value: '用户备注', fill: '#FFFF00' });
      // The error row's score cell (K24, once J13 pushes the column right) already has the user's note.
      model.sheets[0].cells.set('K24', { value: null, note: '用户批注' });
      return model;
    };
    const result = await conforms(load);
    expect(result.written[0].column).toBe('K');
    expect(result.keptUserAnnotations).toEqual([`${result.written[0].sheet}!K24`]);
    await conforms(load, { ...OPTIONS, notes: false, fills: false });
  });

  test('on generated tables (merged and filled layouts, moved, with and without budget)', async () => {
    const specArb: fc.Arbitrary<TableSpec> = fc.record({
      rows: fc.subarray(validRows(), { minLength: 1 }).map((rows) => (rows[0].l1 === undefined ? [{ ...rows[0], l1: '基本运行指标', weight: 10 }, ...rows.slice(1)] : rows)),
      layout: fc.constantFrom<TableSpec['layout']>('merged', 'filled'),
      at: fc.record({ row: fc.integer({ min: 1, max: 6 }), column: fc.integer({ min: 1, max: 4 }) }),
      budget: fc.constantFrom<TableSpec['budget']>(undefined, null),
    });
    await fc.assert(
      fc.asyncProperty(specArb, fc.option(fc.constantFrom('用户备注', 7, '得分'), { nil: undefined }), async (spec, userValue) => {
        const book = new ExcelJS.Workbook();
        const ws = book.addWorksheet('整体支出绩效目标表');
        const { headerRow } = writeTable(ws, spec);
        if (userValue !== undefined) ws.getCell(headerRow + 2, (spec.at?.column ?? 1) + DEFAULT_COLUMNS.length).value = userValue;
        book.addWorksheet('说明').getCell('A1').value = '填报说明';
        await conforms(() => fromExcelJs(book));
      }),
      { numRuns: 25, seed: 15 },
    );
  });

  test('the 校验报告: the same sheet, values, formats, widths, links and styles — except italic, which the WPS adapter does not use', async () => {
    const { excel, wps } = hosts(() => fromExcelJs(seedBook));
    const options = { ...OPTIONS, date: '2026-05-01' };
    // One finding accepted, so the report has an accepted (italic in Excel) row.
    const checked = await runCheck(excel.port, OPTIONS);
    await runCheck(wps.port, OPTIONS);
    const finding = checked.report.tables[0].findings.find((f) => f.severity === 'error')!;
    const accept = { accept: finding, reason: '已核实', by: '审核人', date: '2026-05-01' };
    await runAccept(excel.port, accept, OPTIONS);
    await runAccept(wps.port, accept, OPTIONS);
    const written = [await runReport(excel.port, options), await runReport(wps.port, options)];
    expect(written[1]).toEqual(written[0]);
    const withoutItalic = (state: ReturnType<typeof workbookState>) => ({
      ...state,
      sheets: state.sheets.map((s) => ({
        ...s,
        cells: Object.fromEntries(
          Object.entries(s.cells).map(([k, c]) => {
            if (!c.font?.italic) return [k, c];
            const { italic: _italic, ...font } = c.font;
            return [k, Object.keys(font).length ? { ...c, font } : (({ font: _font, ...rest }) => rest)(c)];
          }),
        ),
      })),
    });
    expect(workbookState(wps.model)).toEqual(withoutItalic(workbookState(excel.model)));
    expect(wps.model.sheets.at(-1)?.name).toBe('校验报告');
    expect(excel.model.sheets.some((s) => [...s.cells.values()].some((c) => c.font?.italic))).toBe(true);
    // Refreshed: still one report, the same again.
    written.push(await runReport(excel.port, options), await runReport(wps.port, options));
    expect(written[3]).toEqual(written[2]);
    expect(workbookState(wps.model)).toEqual(withoutItalic(workbookState(excel.model)));
  });

  test('a protected sheet: both leave it alone and say so', async () => {
    const load = () => {
      const model = fromExcelJs(seedBook);
      model.sheets[0].protected = true;
      return model;
    };
    const { excel, wps } = hosts(load);
    const results = [await runCheck(excel.port, OPTIONS), await runCheck(wps.port, OPTIONS)];
    expect(results[1]).toEqual(results[0]);
    expect(results[1].written.every((w) => w.protected)).toBe(true);
    expect(workbookState(wps.model)).toEqual(workbookState(load()));
  });
});
