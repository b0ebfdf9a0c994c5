import ExcelJS from 'exceljs';
import { type CellValue, type SheetWritePlan, NOTE_MARK, RESULT_HEADER_FORMAT, RESULT_NUMBER_FORMAT, ACCEPTED_SHEET, checkWorkbook, columnLetter, planAcceptanceSheet, planReportSheet, readAcceptances, REPORT_SHEET, REPORT_TITLE } from '../../core/index.js';

/** A note as the core writes it: our mark on the first line. */
const ours = (text: string) => `${NOTE_MARK}\n${text}`;
import {
  createExcel,
  createSheet,
  createWorkbookModel,
  fromExcelJs,
  sheetFromRows,
  type ExcelSimulator,
  type WorkbookModel,
} from '../simulator/index.js';
import { createWorkbookAdapter, ExcelAdapterError, toAdapterError, type ExcelRun, type WorkbookAdapter } from './index.js';

const FIXTURE = 'test/fixtures/ningxian-2026.xlsx';

async function fixtureWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(FIXTURE);
  return workbook;
}

function setup(model: WorkbookModel, apiVersion = '1.20', eagerRows?: number): { excel: ExcelSimulator; adapter: WorkbookAdapter } {
  const excel = createExcel(model, { apiVersion });
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported, eagerRows });
  return { excel, adapter };
}

/** A table of `rows` indicator rows with H:I merged on every row (one merged area per row). */
function bigTable(rows: number): WorkbookModel {
  const grid: CellValue[][] = [['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '']];
  for (let i = 0; i < rows; i++) grid.push(['产出指标', i === 0 ? 100 : null, '数量指标', `指标${i + 1}`, '定量', i, '项', `说明${i}`, null]);
  const merges = Array.from({ length: rows + 1 }, (_, i) => `H${i + 1}:I${i + 1}`);
  return createWorkbookModel([sheetFromRows('大表', grid, { merges })]);
}

async function fails(p: Promise<unknown>): Promise<ExcelAdapterError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelAdapterError);
    return e as ExcelAdapterError;
  }
  throw new Error('expected a rejection');
}

const plan = (writes: SheetWritePlan['writes'], clear: string[] = [], sheet = '表'): SheetWritePlan => ({
  sheet,
  column: 'D',
  clear,
  writes,
  skipped: [],
});

describe('readSnapshot', () => {
  test('the seed workbook, one sheet: in 1 sync, equal to what exceljs reads (values, merges, start offsets)', async () => {
    const workbook = await fixtureWorkbook();
    const { excel, adapter } = setup(fromExcelJs(workbook));
    const snapshot = await adapter.readSnapshot();
    expect(excel.lastRunSyncs).toBe(1);

    const ws = workbook.worksheets[0];
    const sheet = snapshot.sheets[0];
    expect(snapshot.sheets.map((s) => s.name)).toEqual(workbook.worksheets.map((w) => w.name));
    expect([...sheet.merges].sort()).toEqual([...ws.model.merges].sort());
    expect(sheet.protected).toBe(false);

    // Independently from exceljs: the anchor cells that hold a value, and their bounding box.
    const expected = new Map<string, CellValue>();
    let top = Infinity;
    let left = Infinity;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const v = cell.value;
        const plain = v !== null && typeof v === 'object' && 'result' in v ? (v.result as CellValue) : (v as CellValue);
        if (plain === null || plain === undefined || plain === '') return;
        expected.set(cell.address, plain);
        top = Math.min(top, Number(cell.row) - 1);
        left = Math.min(left, Number(cell.col) - 1);
      }),
    );
    expect([sheet.startRow, sheet.startColumn]).toEqual([top, left]);
    const seen = new Map<string, CellValue>();
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) seen.set(`${String.fromCharCode(65 + sheet.startColumn + c)}${sheet.startRow + r + 1}`, v);
      }),
    );
    expect(seen).toEqual(expected);
    expect(sheet.numberFormats?.length).toBe(sheet.values.length);
  });

  test('a generated 2,000-row table with 2,001 merged areas, the only sheet: 1 sync, every row and merge read', async () => {
    const { excel, adapter } = setup(bigTable(2000));
    const snapshot = await adapter.readSnapshot();
    expect(excel.lastRunSyncs).toBe(1);
    const sheet = snapshot.sheets[0];
    expect(sheet.values).toHaveLength(2001);
    expect(sheet.values[2000].slice(3, 6)).toEqual(['指标2000', '定量', 1999]);
    expect(sheet.merges).toHaveLength(2001);
    expect(sheet.merges).toContain('H2001:I2001');
  });

  test('an active sheet longer than the blind first look is read by its used range: 4 syncs, no more', async () => {
    const { excel, adapter } = setup(bigTable(6_000), '1.20', 5_000);
    const snapshot = await adapter.readSnapshot();
    // list + first look, sizes, values, formats + merges
    expect(excel.lastRunSyncs).toBe(4);
    expect(snapshot.sheets[0].values).toHaveLength(6_001);
    expect(snapshot.sheets[0].values[6_000][3]).toBe('指标6000');
    expect(snapshot.sheets[0].merges).toHaveLength(6_001);

    const roomy = setup(bigTable(6_000), '1.20', 10_000);
    await roomy.adapter.readSnapshot();
    expect(roomy.excel.lastRunSyncs).toBe(1);
  });

  test('many sheets take 3 syncs (list, sizes, values; no table, so no formats); empty sheets, offsets, protection and error values come through', async () => {
    const sheets = Array.from({ length: 12 }, (_, i) =>
      sheetFromRows(`S${i}`, [['a', i, '#REF!']], { startRow: 3 + i, startColumn: 2, protected: i === 5 }),
    );
    const { excel, adapter } = setup(createWorkbookModel([...sheets, createSheet('空白')]));
    const snapshot = await adapter.readSnapshot();
    expect(excel.lastRunSyncs).toBe(3);
    expect(snapshot.sheets).toHaveLength(13);
    expect(snapshot.sheets[4]).toMatchObject({ name: 'S4', startRow: 6, startColumn: 2, values: [['a', 4, '#REF!']], protected: false });
    expect(snapshot.sheets[5].protected).toBe(true);
    expect(snapshot.sheets[12]).toMatchObject({ name: '空白', values: [], merges: [] });
  });

  test('ExcelApi 1.12: merges are not read (the core infers them) and reading still works', async () => {
    const { adapter } = setup(bigTable(10), '1.12');
    expect(adapter.capabilities()).toEqual({ annotation: 'comments', mergesRead: false, undoGroup: false, undo: 'none', multiSelect: false, hyperlinks: true, liveRecheck: true });
    const snapshot = await adapter.readSnapshot();
    expect(snapshot.sheets[0].merges).toEqual([]);
    expect(snapshot.sheets[0].values).toHaveLength(11);
  });

  test('ExcelApi below 1.4 is refused with a readable message', async () => {
    const { adapter } = setup(bigTable(3), '1.3');
    const error = await fails(adapter.readSnapshot());
    expect(error.code).toBe('unsupported');
    expect(error.text.zh).toMatch(/Excel/);
    expect(error.text.en).toMatch(/ExcelApi 1\.4/);
  });
});

function smallModel(protectedSheet = false): WorkbookModel {
  return createWorkbookModel([
    sheetFromRows(
      '表',
      [
        ['三级指标', '指标值', null],
        ['数量', 10, null],
        ['质量', '稳步提升', null],
        ['时效', 100, null],
      ],
      { protected: protectedSheet },
    ),
  ]);
}

const WRITES: SheetWritePlan['writes'] = [
  { address: 'C1', value: '得分', numberFormat: RESULT_HEADER_FORMAT },
  { address: 'C2', value: 3, numberFormat: RESULT_NUMBER_FORMAT },
  { address: 'C3', value: 0, numberFormat: RESULT_NUMBER_FORMAT, fill: '#FDE7E9', note: ours('错误：指标值不是数值') },
  { address: 'C4', value: 3, numberFormat: RESULT_NUMBER_FORMAT, fill: '#FFF4CE', note: ours('警告：目标可能偏低') },
];

describe('writeResults', () => {
  test('ExcelApi 1.20: one undo group of 2 syncs (re-read, write), values/formats/fills/notes written', async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    const summary = await adapter.writeResults([plan(WRITES)]);
    expect(excel.lastRunSyncs).toBe(2); // re-read of the targets, then the write
    expect(excel.lastRunOptions).toEqual({ mergeUndoGroup: true });
    expect(summary).toMatchObject({ written: 4, annotations: 2, annotation: 'notes', keptUserAnnotations: [] });
    const cells = excel.model.sheets[0].cells;
    expect(cells.get('C1')).toEqual({ value: '得分', numberFormat: RESULT_HEADER_FORMAT });
    expect(cells.get('C3')).toEqual({ value: 0, numberFormat: RESULT_NUMBER_FORMAT, fill: '#FDE7E9', note: ours('错误：指标值不是数值') });
    expect(cells.get('B3')?.value).toBe('稳步提升');
  });

  test('without a read first it reads then writes (re-read + write)', async () => {
    const { excel, adapter } = setup(smallModel());
    const runsBefore = excel.runs;
    await adapter.writeResults([plan(WRITES)]);
    expect(excel.runs - runsBefore).toBe(2);
    expect(excel.lastRunSyncs).toBe(2); // re-read of the targets, then the write
  });

  test('a protected target sheet: refused with a zh + en message, nothing written, no write batch sent', async () => {
    const { excel, adapter } = setup(smallModel(true));
    await adapter.readSnapshot();
    const runs = excel.runs;
    const error = await fails(adapter.writeResults([plan(WRITES)]));
    expect(error.code).toBe('sheet-protected');
    expect(error.text.zh).toContain('受保护');
    expect(error.text.en).toContain('protected');
    expect(error.message).not.toMatch(/at .*\.ts/);
    expect(excel.runs).toBe(runs);
    expect(excel.model.sheets[0].cells.has('C1')).toBe(false);
  });

  test("a plan aimed at a user's cell is refused before anything is written", async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    const error = await fails(adapter.writeResults([plan([{ address: 'B2', value: 1, numberFormat: RESULT_NUMBER_FORMAT }])]));
    expect(error.code).toBe('would-overwrite');
    expect(error.detail.cells).toEqual(['B2']);
    expect(excel.model.sheets[0].cells.get('B2')?.value).toBe(10);
  });

  test('ExcelApi 1.10: comments instead of notes, no undo grouping', async () => {
    const { excel, adapter } = setup(smallModel(), '1.10');
    await adapter.readSnapshot();
    const summary = await adapter.writeResults([plan(WRITES)]);
    expect(summary.annotation).toBe('comments');
    expect(excel.lastRunSyncs).toBe(3); // re-read of the targets, the write, then the comments (a user note may refuse one)
    expect(excel.lastRunOptions).toEqual({});
    expect(excel.model.sheets[0].cells.get('C3')).toEqual({
      value: 0,
      numberFormat: RESULT_NUMBER_FORMAT,
      fill: '#FDE7E9',
      comment: ours('错误：指标值不是数值'),
    });
  });

  test('ExcelApi 1.4: fill colour only, no merges', async () => {
    const { excel, adapter } = setup(smallModel(), '1.4');
    expect(adapter.capabilities()).toEqual({ annotation: 'fill', mergesRead: false, undoGroup: false, undo: 'none', multiSelect: false, hyperlinks: false, liveRecheck: false });
    await adapter.readSnapshot();
    const summary = await adapter.writeResults([plan(WRITES)]);
    expect(summary.annotations).toBe(0);
    expect(excel.model.sheets[0].cells.get('C3')).toEqual({ value: 0, numberFormat: RESULT_NUMBER_FORMAT, fill: '#FDE7E9' });
  });

  test('notes and fills can be switched off', async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    await adapter.writeResults([plan(WRITES)], { notes: false, fills: false });
    expect(excel.model.sheets[0].cells.get('C3')).toEqual({ value: 0, numberFormat: RESULT_NUMBER_FORMAT });
  });

  test("a re-run replaces our notes and fills; a user's note on an empty cell is kept", async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    await adapter.writeResults([plan(WRITES)]);
    // The user adds a note to an empty cell the next run writes into.
    excel.model.sheets[0].cells.set('C5', { value: null, note: '用户的批注' });
    await adapter.readSnapshot();
    const rerun = await adapter.writeResults([
      plan([
        { address: 'C3', value: 3, numberFormat: RESULT_NUMBER_FORMAT },
        { address: 'C4', value: 2.5, numberFormat: RESULT_NUMBER_FORMAT, fill: '#FDE7E9', note: ours('新的') },
        { address: 'C5', value: 1, numberFormat: RESULT_NUMBER_FORMAT, note: ours('我们的') },
      ]),
    ]);
    expect(excel.lastRunSyncs).toBe(2); // re-read of the targets, then the write
    const cells = excel.model.sheets[0].cells;
    expect(cells.get('C3')).toEqual({ value: 3, numberFormat: RESULT_NUMBER_FORMAT });
    expect(cells.get('C4')).toEqual({ value: 2.5, numberFormat: RESULT_NUMBER_FORMAT, fill: '#FDE7E9', note: ours('新的') });
    expect(cells.get('C5')).toEqual({ value: 1, numberFormat: RESULT_NUMBER_FORMAT, note: '用户的批注' });
    expect(rerun.keptUserAnnotations).toEqual(['表!C5']);
  });

  test('clear cells of an earlier run go first, in the same write sync', async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    await adapter.writeResults([plan(WRITES)]);
    await adapter.readSnapshot();
    await adapter.writeResults([plan([{ address: 'C1', value: '得分', numberFormat: RESULT_HEADER_FORMAT }], ['C2', 'C3', 'C4'])]);
    expect(excel.lastRunSyncs).toBe(2); // re-read of the targets, then the write
    const cells = excel.model.sheets[0].cells;
    expect(['C2', 'C3', 'C4'].map((a) => cells.has(a))).toEqual([false, false, false]);
  });
});

describe('clearResults', () => {
  test('removes exactly our cells (value, format, fill, note): a re-read, then one sync', async () => {
    const { excel, adapter } = setup(smallModel());
    const before = new Map(excel.model.sheets[0].cells);
    await adapter.readSnapshot();
    await adapter.writeResults([plan(WRITES)]);
    await adapter.readSnapshot();
    const count = await adapter.clearResults([{ sheet: '表', cells: ['C1', 'C2', 'C3', 'C4'] }]);
    expect(count).toBe(4);
    expect(excel.lastRunSyncs).toBe(2); // re-read of the targets, then the write
    expect(excel.lastRunOptions).toEqual({ mergeUndoGroup: true });
    expect(excel.model.sheets[0].cells).toEqual(before);
  });

  test("a note the user put on one of our score cells survives a re-run and 清除结果", async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    await adapter.writeResults([plan(WRITES)]);
    // The reviewer writes their own remark on C2 (ours, without a note) and replaces ours on C3.
    const cells = excel.model.sheets[0].cells;
    cells.set('C2', { ...cells.get('C2')!, note: '请复核' });
    cells.set('C3', { ...cells.get('C3')!, note: '已与单位沟通' });
    await adapter.readSnapshot();
    const rerun = await adapter.writeResults([plan(WRITES)]);
    expect(rerun.keptUserAnnotations).toEqual(['表!C3']);
    expect(cells.get('C2')?.note).toBe('请复核');
    expect(cells.get('C3')?.note).toBe('已与单位沟通');
    expect(cells.get('C4')?.note).toBe(ours('警告：目标可能偏低'));
    await adapter.readSnapshot();
    await adapter.clearResults([{ sheet: '表', cells: ['C1', 'C2', 'C3', 'C4'] }]);
    for (const [a1, note] of [['C2', '请复核'], ['C3', '已与单位沟通']]) {
      expect(cells.get(a1)).toMatchObject({ value: null, note });
      expect(cells.get(a1)?.numberFormat ?? 'General').toBe('General');
      expect(cells.get(a1)?.fill).toBeUndefined();
    }
    expect(cells.get('C4')?.note).toBeUndefined();
  });

  test('removes comments written in comments mode', async () => {
    const { excel, adapter } = setup(smallModel(), '1.10');
    const before = new Map(excel.model.sheets[0].cells);
    await adapter.readSnapshot();
    await adapter.writeResults([plan(WRITES)]);
    await adapter.clearResults([{ sheet: '表', cells: ['C1', 'C2', 'C3', 'C4'] }]);
    expect(excel.model.sheets[0].cells).toEqual(before);
  });

  test("refuses to clear a user's cell, and protected sheets", async () => {
    const { adapter } = setup(smallModel());
    expect((await fails(adapter.clearResults([{ sheet: '表', cells: ['B3'] }]))).code).toBe('would-overwrite');
    const locked = setup(smallModel(true));
    expect((await fails(locked.adapter.clearResults([{ sheet: '表', cells: ['C1'] }]))).code).toBe('sheet-protected');
  });
});

describe('selectCells and errors', () => {
  test('ExcelApi 1.18 selects each cell; older Excel selects their bounding range', async () => {
    const model = createWorkbookModel([sheetFromRows('A', [[1]]), sheetFromRows('表', [[1]])]);
    const { excel, adapter } = setup(model);
    await adapter.selectCells('表', ['B12', 'B23', 'D10:D12']);
    expect(excel.lastRunSyncs).toBe(1);
    expect(model.activeSheet).toBe('表');
    expect(model.selection).toEqual({ sheet: '表', areas: ['B12', 'B23', 'D10:D12'] });

    excel.apiVersion = '1.10';
    await adapter.selectCells('A', ['B12', 'D10:D12']);
    expect(model.selection).toEqual({ sheet: 'A', areas: ['B10:D12'] });
    await adapter.selectCells('表', ['F24']);
    expect(model.selection).toEqual({ sheet: '表', areas: ['F24'] });
  });

  test('an Excel error becomes a readable ExcelAdapterError keeping the Excel code', async () => {
    const { adapter } = setup(smallModel());
    const error = await fails(adapter.selectCells('没有这个表', ['A1']));
    expect(error.code).toBe('not-found');
    expect(error.detail.excelCode).toBe('ItemNotFound');
    expect(error.localized('zh')).toContain('找不到');
    expect(error.localized('en')).toContain('not found');
  });
});

describe('our own sheets: accepted findings and the 校验报告 (issue 8)', () => {
  const ACCEPTED = [
    ['rule', 'sheet', 'indicator', 'cells', 'reason', 'by', 'date'],
    ['value-format/not-number', '表', '数量', 'B2', '口径待定', null, '2026-05-01'],
  ];

  function withAccepted(visibility: 'Visible' | 'VeryHidden' = 'VeryHidden'): WorkbookModel {
    const model = smallModel();
    const hidden = sheetFromRows(ACCEPTED_SHEET, ACCEPTED);
    hidden.visibility = visibility;
    model.sheets.push(hidden);
    return model;
  }

  test('readSnapshot includes the very hidden sheet, in 3 syncs, and the core reads acceptances from it', async () => {
    const { excel, adapter } = setup(withAccepted());
    const snapshot = await adapter.readSnapshot();
    // The table is the active sheet (first look); the hidden one is sized, then its values read.
    expect(excel.lastRunSyncs).toBe(3);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['表', ACCEPTED_SHEET]);
    expect(readAcceptances(snapshot)).toEqual([
      { rule: 'value-format/not-number', sheet: '表', indicator: '数量', cells: ['B2'], reason: '口径待定', date: '2026-05-01' },
    ]);
  });

  test('writeAcceptances adds the sheet very hidden outside the merged undo group (Windows refuses it inside), then its rows as text in 1 grouped sync', async () => {
    const { excel, adapter } = setup(smallModel());
    const runs: Excel.RunOptions[] = [];
    excel.subscribe((e) => {
      if (e.type === 'run') runs.push(e.options);
    });
    const plan = planAcceptanceSheet([
      { rule: 'value-format/not-number', sheet: '表', indicator: '质量', cells: ['B3'], reason: '1E5', date: '2026-05-01' },
    ]);
    await adapter.writeAcceptances(plan);
    // read, add + hide (ungrouped), rows (grouped)
    expect(runs).toEqual([{}, {}, { mergeUndoGroup: true }]);
    expect(excel.lastRunSyncs).toBe(1);
    const sheet = excel.model.sheets[1];
    expect(sheet).toMatchObject({ name: ACCEPTED_SHEET, visibility: 'VeryHidden' });
    expect(sheet.cells.get('E2')).toEqual({ value: '1E5', numberFormat: '@' });
    expect(sheet.cells.get('A1')?.value).toBe('rule');
    // The user's sheet is untouched and still the active one.
    expect(excel.model.activeSheet).toBe('表');
    expect(excel.model.sheets[0].cells.get('B3')?.value).toBe('稳步提升');

    // Read back through the adapter, the core sees the same acceptance.
    expect(readAcceptances(await adapter.readSnapshot())).toEqual([
      { rule: 'value-format/not-number', sheet: '表', indicator: '质量', cells: ['B3'], reason: '1E5', date: '2026-05-01' },
    ]);
  });

  test('writing again replaces the rows (fewer rows leave nothing behind); a following write needs no new read', async () => {
    const { excel, adapter } = setup(withAccepted());
    await adapter.readSnapshot();
    await adapter.writeAcceptances(planAcceptanceSheet([]));
    expect(excel.lastRunSyncs).toBe(1);
    const sheet = excel.model.sheets[1];
    expect([...sheet.cells.keys()].sort()).toEqual(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1']);
    expect(sheet.visibility).toBe('VeryHidden');

    // The adapter knows what it wrote: the 得分 column goes in with one run and one sync.
    const runs = excel.runs;
    await adapter.writeResults([plan(WRITES)]);
    expect(excel.runs - runs).toBe(1);
    expect(excel.lastRunSyncs).toBe(2); // re-read of the targets, then the write
  });

  test('an accepted sheet that a user left visible is hidden again', async () => {
    const { excel, adapter } = setup(withAccepted('Visible'));
    await adapter.writeAcceptances(planAcceptanceSheet([]));
    expect(excel.model.sheets[1].visibility).toBe('VeryHidden');
  });

  test('a protected accepted sheet, or a protected workbook that would need a new sheet, is refused: nothing written', async () => {
    const locked = withAccepted();
    locked.sheets[1].protected = true;
    const one = setup(locked);
    await one.adapter.readSnapshot();
    const runs = one.excel.runs;
    const error = await fails(one.adapter.writeAcceptances(planAcceptanceSheet([])));
    expect(error.code).toBe('sheet-protected');
    expect(one.excel.runs).toBe(runs);
    expect(locked.sheets[1].cells.get('A2')?.value).toBe('value-format/not-number');

    const model = smallModel();
    model.protected = true;
    const two = setup(model);
    const refused = await fails(two.adapter.writeAcceptances(planAcceptanceSheet([])));
    expect(refused.code).toBe('workbook-protected');
    expect(refused.text.zh).toContain('工作簿结构受保护');
    expect(refused.text.en).toContain('protected');
    expect(model.sheets).toHaveLength(1);

    // An existing very hidden sheet can still be rewritten in a protected workbook: no sheet is added or shown.
    const existing = withAccepted();
    existing.protected = true;
    const three = setup(existing);
    await three.adapter.writeAcceptances(planAcceptanceSheet([]));
    expect(existing.sheets[1].cells.has('A2')).toBe(false);
  });

  async function seedReport(apiVersion = '1.20') {
    const model = fromExcelJs(await fixtureWorkbook());
    const { excel, adapter } = setup(model, apiVersion);
    const snapshot = await adapter.readSnapshot();
    const report = checkWorkbook(snapshot);
    return { excel, adapter, model, report, table: model.sheets[0].name };
  }

  test('writeReportSheet adds 校验报告 in 1 sync: values, links to the cells (ExcelApi 1.7), styles, widths', async () => {
    const { excel, adapter, model, report, table } = await seedReport();
    const planned = planReportSheet(report, { lang: 'zh', date: '2026-05-01' });
    const summary = await adapter.writeReportSheet(planned);
    expect(excel.lastRunSyncs).toBe(1);
    expect(excel.lastRunOptions).toEqual({ mergeUndoGroup: true });
    const sheet = model.sheets.find((s) => s.name === REPORT_SHEET)!;
    expect(model.sheets.map((s) => s.name)).toEqual([table, REPORT_SHEET]);
    expect(model.activeSheet).toBe(table);
    const links = planned.rows.flat().filter((c) => c.link).length;
    expect(summary).toEqual({ sheet: REPORT_SHEET, rows: planned.rows.length, links, created: true });
    expect(sheet.cells.get('A1')).toMatchObject({ value: REPORT_TITLE.zh, font: { bold: true, size: 16 } });
    expect(sheet.cells.get('B2')?.value).toBe('2026-05-01');
    // The F24 finding's row links to F24 on the table's sheet.
    const f24 = [...sheet.cells.entries()].find(([, c]) => c.value === 'F24');
    expect(f24?.[1].hyperlink).toEqual({ documentReference: `'${table}'!F24` });
    expect(f24?.[1].font).toMatchObject({ color: '#0563C1', underline: true });
    expect(sheet.columnWidths?.get(3)).toBe(423.75);
    // Text is written as text, numbers keep their format.
    expect([...sheet.cells.values()].filter((c) => typeof c.value === 'string').every((c) => c.numberFormat === '@')).toBe(true);
    expect([...sheet.cells.values()].some((c) => typeof c.value === 'number' && c.numberFormat === '0.00')).toBe(true);
    // The user's sheet is as it was.
    expect(model.sheets[0].changes.size).toBe(0);
  });

  test('a refresh replaces our report in 1 sync and leaves nothing of the longer one behind; below ExcelApi 1.7 addresses are text', async () => {
    const { excel, adapter, model, report } = await seedReport();
    await adapter.writeReportSheet(planReportSheet(report, { lang: 'zh', date: '2026-05-01' }));
    const empty = { tables: [], sheetsWithoutTable: [] };
    await adapter.readSnapshot();
    const summary = await adapter.writeReportSheet(planReportSheet(empty, { lang: 'en', date: '2026-05-02' }));
    expect(excel.lastRunSyncs).toBe(1);
    expect(summary).toMatchObject({ created: false, links: 0, rows: 3 });
    const sheets = model.sheets.filter((s) => s.name === REPORT_SHEET);
    expect(sheets).toHaveLength(1);
    expect([...sheets[0].cells.keys()].sort()).toEqual(['A1', 'A2', 'B2']);
    expect(sheets[0].cells.get('A1')?.value).toBe(REPORT_TITLE.en);

    const old = await seedReport('1.6');
    const plain = await old.adapter.writeReportSheet(planReportSheet(old.report, { lang: 'zh', date: '2026-05-01' }));
    expect(plain.links).toBe(0);
    const sheet = old.model.sheets.find((s) => s.name === REPORT_SHEET)!;
    expect([...sheet.cells.values()].some((c) => c.hyperlink)).toBe(false);
    expect([...sheet.cells.values()].some((c) => c.value === 'F24')).toBe(true);
    expect(old.adapter.capabilities().hyperlinks).toBe(false);
  });

  test("a user's own sheet named 校验报告, a protected report sheet or workbook: refused, nothing written", async () => {
    const mine = smallModel();
    mine.sheets.push(sheetFromRows(REPORT_SHEET, [['我的报告']]));
    const one = setup(mine);
    const taken = await fails(one.adapter.writeReportSheet(planReportSheet({ tables: [], sheetsWithoutTable: [] }, { date: '2026-05-01' })));
    expect(taken.code).toBe('sheet-name-taken');
    expect(taken.text.zh).toContain('校验报告');
    expect(mine.sheets[1].cells.get('A1')?.value).toBe('我的报告');
    expect(mine.sheets[1].changes.size).toBe(0);

    const ours = smallModel();
    ours.sheets.push(sheetFromRows(REPORT_SHEET, [[REPORT_TITLE.zh]], { protected: true }));
    const two = setup(ours);
    expect((await fails(two.adapter.writeReportSheet(planReportSheet({ tables: [], sheetsWithoutTable: [] }, { date: 'x' })))).code).toBe(
      'sheet-protected',
    );

    const locked = smallModel();
    locked.protected = true;
    const three = setup(locked);
    await three.adapter.readSnapshot();
    const runs = three.excel.runs;
    expect((await fails(three.adapter.writeReportSheet(planReportSheet({ tables: [], sheetsWithoutTable: [] }, { date: 'x' })))).code).toBe(
      'workbook-protected',
    );
    expect(three.excel.runs).toBe(runs);
    expect(locked.sheets).toHaveLength(1);
  });
});

describe('undo groups on Windows and Mac (issue 16)', () => {
  test('忽略 and 生成校验报告 on Microsoft 365 desktop: sheets are added and hidden outside the group, cells grouped', async () => {
    for (const platform of ['windows', 'mac'] as const) {
      const model = fromExcelJs(await fixtureWorkbook());
      const excel = createExcel(model, { apiVersion: '1.20', platform });
      const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
      const report = checkWorkbook(await adapter.readSnapshot());
      await adapter.writeAcceptances(
        planAcceptanceSheet([{ rule: 'value-format/not-number', sheet: model.sheets[0].name, indicator: 'x', cells: ['F24'], date: '2026-05-01' }]),
      );
      await adapter.writeReportSheet(planReportSheet(report, { lang: 'zh', date: '2026-05-01' }));
      expect(model.sheets.map((s) => [s.name, s.visibility ?? 'Visible'])).toEqual([
        [model.sheets[0].name, 'Visible'],
        [ACCEPTED_SHEET, 'VeryHidden'],
        [REPORT_SHEET, 'Visible'],
      ]);
      expect(excel.lastRunOptions).toEqual({ mergeUndoGroup: true });
    }
  });

  test('a grouped write that Excel refuses with UndoNotSupported runs again ungrouped', async () => {
    const excel = createExcel(smallModel(), { apiVersion: '1.20' });
    const seen: Excel.RunOptions[] = [];
    // An Excel that refuses every merged group (as a member we did not foresee would make it).
    const run = (async (first: unknown) => {
      if (typeof first === 'function') {
        seen.push({});
        return excel.run(first as (c: Excel.RequestContext) => Promise<unknown>);
      }
      seen.push(first as Excel.RunOptions);
      throw Object.assign(new Error('The operation is not supported within an undo group.'), { code: 'UndoNotSupported' });
    }) as ExcelRun;
    const adapter = createWorkbookAdapter({ run, isSetSupported: excel.isSetSupported });
    await adapter.writeResults([plan(WRITES)]);
    expect(seen).toEqual([{}, { mergeUndoGroup: true }, {}]);
    expect(excel.model.sheets[0].cells.get('C1')?.value).toBe('得分');
  });

  test('UndoNotSupported that still comes through is a readable message', () => {
    const error = toAdapterError(Object.assign(new Error('x'), { code: 'UndoNotSupported' }));
    expect(error.code).toBe('undo-not-supported');
    expect(error.text.zh).toContain('撤销');
  });
});

describe('Excel on the web: 5 MB per sync (issue 16)', () => {
  function web(model: WorkbookModel, budget?: number) {
    const excel = createExcel(model, { apiVersion: '1.20', platform: 'web' });
    const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported, platform: 'web', payloadBudget: budget });
    const payloads: { requestBytes: number; responseBytes: number }[] = [];
    excel.subscribe((e) => {
      if (e.type === 'sync') payloads.push({ requestBytes: e.requestBytes, responseBytes: e.responseBytes });
    });
    return { excel, adapter, payloads };
  }

  /** A detail sheet of formatted amounts, 10,000 × 26, beside the seed's table. */
  async function withDetail(): Promise<WorkbookModel> {
    const model = fromExcelJs(await fixtureWorkbook());
    const rows = Array.from({ length: 10_000 }, (_, r) => Array.from({ length: 26 }, (_, c) => 1000 + r * 26 + c + 0.25));
    const formats = rows.map((row) => row.map(() => '#,##0.00'));
    model.sheets.push(sheetFromRows('明细', rows, { numberFormats: formats }));
    return model;
  }

  test('a workbook with a 260k-cell detail sheet is read on the web, no sync above 5 MB; formats only of the table', async () => {
    const { adapter, payloads } = web(await withDetail());
    const snapshot = await adapter.readSnapshot();
    expect(snapshot.sheets[1].values).toHaveLength(10_000);
    expect(snapshot.sheets[1].values[9_999][25]).toBe(1000 + 9_999 * 26 + 25 + 0.25);
    // The detail sheet holds no indicator: its 260k number formats are not asked for.
    expect(snapshot.sheets[1].numberFormats).toBeUndefined();
    expect(snapshot.sheets[0].numberFormats?.length).toBe(snapshot.sheets[0].values.length);
    const largest = Math.max(...payloads.map((p) => Math.max(p.requestBytes, p.responseBytes)));
    expect(largest).toBeLessThan(5 * 1024 * 1024);
    expect(payloads.length).toBeGreaterThan(3);
  });

  test('250 sheets are read on the web: requests stay small because only bands inside each used range are asked for', async () => {
    const seed = fromExcelJs(await fixtureWorkbook()).sheets[0];
    const sheets = Array.from({ length: 250 }, (_, i) => {
      const copy = createSheet(`表${i + 1}`, { merges: seed.merges });
      for (const [key, cell] of seed.cells) copy.cells.set(key, { ...cell });
      return copy;
    });
    const { adapter, payloads } = web(createWorkbookModel(sheets));
    const snapshot = await adapter.readSnapshot();
    expect(snapshot.sheets).toHaveLength(250);
    expect(checkWorkbook(snapshot).tables).toHaveLength(250);
    expect(Math.max(...payloads.map((p) => p.requestBytes))).toBeLessThan(5 * 1024 * 1024);
  });

  test('estimates too low for the workbook: Excel refuses the sync, the adapter halves and retries', async () => {
    // Long texts in every cell: 40 B per cell is far too little.
    const long = '这是一段很长的指标说明文字，'.repeat(12);
    const rows = Array.from({ length: 3_000 }, (_, r) => Array.from({ length: 20 }, (_, c) => `${long}${r}-${c}`));
    const model = createWorkbookModel([createSheet('封面'), sheetFromRows('说明', rows)]);
    const { excel, adapter } = web(model, 4_900_000);
    let refused = 0;
    excel.subscribe((e) => {
      if (e.type === 'sync' && e.responseBytes > 5 * 1024 * 1024) refused += 1;
    });
    const snapshot = await adapter.readSnapshot();
    expect(refused).toBeGreaterThan(0);
    expect(snapshot.sheets[1].values[2_999][19]).toBe(`${long}2999-19`);
  });

  test('writing 6,000 scores with fill and note is split into syncs under 5 MB; each column run is one values + one numberFormat', async () => {
    const grid: CellValue[][] = [['三级指标', '指标值']];
    for (let i = 0; i < 6_000; i++) grid.push([`指标${i}`, i]);
    const model = createWorkbookModel([sheetFromRows('表', grid)]);
    const { excel, adapter, payloads } = web(model);
    await adapter.readSnapshot();
    const writes: SheetWritePlan['writes'] = [{ address: 'C1', value: '得分', numberFormat: RESULT_HEADER_FORMAT }];
    for (let i = 0; i < 6_000; i++) {
      writes.push({ address: `C${i + 2}`, value: 1, numberFormat: RESULT_NUMBER_FORMAT, fill: i % 2 ? '#FDE7E9' : undefined, note: ours(`第${i}行：指标值不是数值，请填写数值。`) });
    }
    payloads.length = 0;
    const summary = await adapter.writeResults([plan(writes)]);
    expect(summary.annotations).toBe(6_000);
    expect(model.sheets[0].cells.get('C6001')).toMatchObject({ value: 1, numberFormat: RESULT_NUMBER_FORMAT, fill: '#FDE7E9' });
    expect(Math.max(...payloads.map((p) => p.requestBytes))).toBeLessThan(5 * 1024 * 1024);
    expect(excel.lastRunSyncs).toBeGreaterThan(2);
  });

  test('the same write on the desktop is one re-read and one write sync', async () => {
    const grid: CellValue[][] = [['三级指标', '指标值']];
    for (let i = 0; i < 6_000; i++) grid.push([`指标${i}`, i]);
    const { excel, adapter } = setup(createWorkbookModel([sheetFromRows('表', grid)]));
    await adapter.readSnapshot();
    const writes = Array.from({ length: 6_000 }, (_, i) => ({ address: `C${i + 2}`, value: 1, numberFormat: RESULT_NUMBER_FORMAT, note: ours('x') }));
    await adapter.writeResults([plan(writes)]);
    expect(excel.lastRunSyncs).toBe(2);
  });
});

describe('merged areas beyond 512 in a band (issue 16)', () => {
  /** A table with `perRow` merged areas on every one of its rows. */
  function merged(rows: number, perRow: number): WorkbookModel {
    const grid: CellValue[][] = [];
    const merges: string[] = [];
    for (let r = 1; r <= rows; r++) {
      grid.push(Array.from({ length: perRow * 2 }, (_, c) => (c % 2 === 0 ? `指标${r}-${c}` : null)));
      for (let m = 0; m < perRow; m++) merges.push(`${columnLetter(2 * m)}${r}:${columnLetter(2 * m + 1)}${r}`);
    }
    return createWorkbookModel([createSheet('封面'), sheetFromRows('表', grid, { merges })]);
  }

  test('a table with 3 merges per row over 400 rows is read whole (Excel refuses > 512 in one read)', async () => {
    const { adapter } = setup(merged(400, 3));
    const snapshot = await adapter.readSnapshot();
    expect(snapshot.sheets[1].merges).toHaveLength(1_200);
    expect(adapter.readWarnings()).toEqual([]);
  });

  test('the same as the active sheet, read blind in the first sync: still whole', async () => {
    const model = merged(400, 3);
    model.activeSheet = '表';
    const { adapter } = setup(model);
    expect((await adapter.readSnapshot()).sheets[1].merges).toHaveLength(1_200);
  });

  test('more than 512 merges in a single row: merges are inferred, with a message saying so', async () => {
    const { adapter } = setup(merged(3, 600));
    const snapshot = await adapter.readSnapshot();
    expect(snapshot.sheets[1].values).toHaveLength(3);
    expect(snapshot.sheets[1].merges).toEqual([]);
    const [warning] = adapter.readWarnings();
    expect(warning.zh).toContain('合并单元格太多');
    expect(warning.en).toContain('inferred');
  });
});

describe('the write checks what it writes over (issue 16)', () => {
  test('a value typed into a target cell after the check: refused with a clear message, nothing written', async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    excel.model.sheets[0].cells.set('C3', { value: '刚输入的' });
    const error = await fails(adapter.writeResults([plan(WRITES)]));
    expect(error.code).toBe('stale');
    expect(error.text.zh).toContain('已被修改');
    expect(error.text.zh).toContain('请重新校验');
    expect(error.detail.cells).toEqual(['C3']);
    expect(excel.model.sheets[0].cells.get('C1')).toBeUndefined();
    expect(excel.model.sheets[0].cells.get('C3')).toEqual({ value: '刚输入的' });
    // Refused, the adapter forgets its snapshot: the next write reads afresh, and the user's cell is theirs.
    const again = await fails(adapter.writeResults([plan(WRITES)]));
    expect(again.code).toBe('would-overwrite');
  });

  test('a formula in the table that recalculates to another value is no edit: the write goes ahead', async () => {
    const model = smallModel();
    model.sheets[0].cells.set('A2', { value: 1, formula: '=NOW()' });
    const { excel, adapter } = setup(model);
    await adapter.readSnapshot();
    excel.model.sheets[0].cells.set('A2', { value: 2, formula: '=NOW()' });
    await adapter.writeResults([plan(WRITES)]);
    expect(model.sheets[0].cells.get('C1')?.value).toBe('得分');
  });

  test('a row inserted above the table after the check shifts the rows: refused', async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.readSnapshot();
    // Insert row 1: everything moves down one row.
    const sheet = excel.model.sheets[0];
    const moved = new Map([...sheet.cells].map(([key, cell]) => [key.replace(/\d+$/, (n) => String(Number(n) + 1)), cell]));
    sheet.cells = moved;
    const error = await fails(adapter.writeResults([plan(WRITES)]));
    expect(error.code).toBe('stale');
    expect(sheet.cells.get('C1')).toBeUndefined();
  });

  test('clearResults also refuses when our cell was typed over since the read', async () => {
    const { excel, adapter } = setup(smallModel());
    await adapter.writeResults([plan(WRITES)]);
    await adapter.readSnapshot();
    excel.model.sheets[0].cells.set('C2', { value: 42, numberFormat: RESULT_NUMBER_FORMAT });
    const error = await fails(adapter.clearResults([{ sheet: '表', cells: ['C1', 'C2', 'C3', 'C4'] }]));
    expect(error.code).toBe('stale');
    expect(excel.model.sheets[0].cells.get('C1')?.value).toBe('得分');
  });

  test('a formula that shows "" is the user\'s: never written over', async () => {
    const model = smallModel();
    model.sheets[0].cells.set('C3', { value: null, formula: '=IF(B3="","",B3)' });
    const { adapter } = setup(model);
    const snapshot = await adapter.readSnapshot();
    // The cell looks blank to the core …
    expect(snapshot.sheets[0].values[2][2]).toBeNull();
    // … but the write sees the formula.
    const error = await fails(adapter.writeResults([plan(WRITES)]));
    expect(error.code).toBe('formula-cells');
    expect(error.text.zh).toContain('公式');
    expect(error.detail.cells).toEqual(['C3']);
    expect(model.sheets[0].cells.get('C3')).toEqual({ value: null, formula: '=IF(B3="","",B3)' });
    expect(model.sheets[0].cells.get('C1')).toBeUndefined();
  });
});

describe('a cell holds a note or a threaded comment (issue 16)', () => {
  test("a user's threaded comment stays and our note is not added there (nor where the user has a note)", async () => {
    {
      const model = smallModel();
      model.sheets[0].cells.set('C3', { value: null, comment: '用户的批注' });
      model.sheets[0].cells.set('C4', { value: null, note: '用户的备注' });
      const { adapter } = setup(model, '1.20');
      const summary = await adapter.writeResults([plan(WRITES)]);
      expect(summary.keptUserAnnotations).toEqual(['表!C3', '表!C4']);
      expect(summary.annotations).toBe(0);
      expect(model.sheets[0].cells.get('C3')).toMatchObject({ value: 0, comment: '用户的批注' });
      expect(model.sheets[0].cells.get('C3')?.note).toBeUndefined();
      expect(model.sheets[0].cells.get('C4')).toMatchObject({ value: 3, note: '用户的备注' });
      expect(model.sheets[0].cells.get('C4')?.comment).toBeUndefined();
    }
  });
});

describe('our marks when the platform rewrites format codes (issue 16)', () => {
  test('a re-run and 清除结果 still find our cells when Excel hands back "0.00;\\-0.00;0.00"', async () => {
    const model = smallModel();
    const excel = createExcel(model, { apiVersion: '1.20', formatRewrite: (code) => code.replace(/-/g, '\\-') });
    const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
    await adapter.writeResults([plan(WRITES)]);
    expect(model.sheets[0].cells.get('C2')?.numberFormat).toBe('0.00;\\-0.00;0.00');
    const snapshot = await adapter.readSnapshot();
    // The core sees our marks as written.
    expect(snapshot.sheets[0].numberFormats?.[1][2]).toBe(RESULT_NUMBER_FORMAT);
    // So writing again over our cells is allowed, and clearing removes them.
    await adapter.writeResults([plan(WRITES)]);
    await adapter.readSnapshot();
    expect(await adapter.clearResults([{ sheet: '表', cells: ['C1', 'C2', 'C3', 'C4'] }])).toBe(4);
    expect(model.sheets[0].cells.get('C2')).toBeUndefined();
  });
});

describe('the 校验报告 with 5,000 findings on the web (issue 16)', () => {
  test('its rows, links and styles are spread over syncs under 5 MB', async () => {
    const grid: CellValue[][] = [['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容']];
    for (let i = 0; i < 5_000; i++) grid.push(['产出指标', i === 0 ? 100 : null, '数量指标', `指标${i + 1}`, '定量', '稳步提升', '项', `说明${i}`]);
    const model = createWorkbookModel([sheetFromRows('大表', grid)]);
    const excel = createExcel(model, { apiVersion: '1.20', platform: 'web' });
    const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported, platform: 'web' });
    const report = checkWorkbook(await adapter.readSnapshot());
    const findings = report.tables.reduce((n, t) => n + t.findings.length, 0);
    expect(findings).toBeGreaterThanOrEqual(5_000);
    const planned = planReportSheet(report, { lang: 'zh', date: '2026-05-01' });
    const summary = await adapter.writeReportSheet(planned);
    expect(summary.rows).toBe(planned.rows.length);
    expect(summary.links).toBeGreaterThanOrEqual(5_000);
    const sheet = model.sheets.find((s) => s.name === REPORT_SHEET)!;
    // Every planned cell is there, the last rows included.
    const missing = planned.rows.flatMap((row, r) =>
      row.flatMap((cell, c) => (cell.value !== null && sheet.cells.get(`${columnLetter(c)}${r + 1}`)?.value !== cell.value ? [`${columnLetter(c)}${r + 1}`] : [])),
    );
    expect(missing).toEqual([]);
    expect(planned.rows.length).toBeGreaterThan(5_000);
    expect(excel.lastRunSyncs).toBeGreaterThan(1);
    expect(Math.max(...excel.lastRunPayloads.map((p) => p.requestBytes))).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('undo in three states (issue 16.6)', () => {
  test('below 1.19 writes clear the undo stack, 1.19 undoes per sync, 1.20 in one step', () => {
    const modes = ['1.18', '1.19', '1.20'].map((v) => setup(smallModel(), v).adapter.capabilities());
    expect(modes.map((c) => c.undo)).toEqual(['none', 'per-sync', 'one-step']);
    expect(modes.map((c) => c.undoGroup)).toEqual([false, false, true]);
  });
});

describe('below ExcelApi 1.18 a user\'s note is invisible to the API (issue 16.5)', () => {
  test('comments mode: the cell with a note refuses our comment; it is kept as the user\'s and the others get theirs', async () => {
    const model = smallModel();
    model.sheets[0].cells.set('C3', { value: null, note: '用户的备注' });
    const { adapter } = setup(model, '1.10');
    const summary = await adapter.writeResults([plan(WRITES)]);
    expect(summary.keptUserAnnotations).toEqual(['表!C3']);
    expect(summary.annotations).toBe(1);
    expect(model.sheets[0].cells.get('C3')).toMatchObject({ value: 0, note: '用户的备注' });
    expect(model.sheets[0].cells.get('C3')?.comment).toBeUndefined();
    expect(model.sheets[0].cells.get('C4')?.comment).toMatch(/目标可能偏低/);
  });
});

describe('live re-check: watching checked sheets (issue 16.10)', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('edits are reported once they pause, never once per keystroke; our own writes are not; stop ends it', async () => {
    for (const apiVersion of ['1.20', '1.13']) {
      const { excel, adapter } = setup(smallModel(), apiVersion);
      const calls: string[][] = [];
      const stop = await adapter.watchChanges(['表'], (sheets) => calls.push(sheets), { debounceMs: 30 });
      expect(stop).not.toBeNull();
      // Our own write (its events carry ThisLocalAddin from 1.14; below, they fall in the quiet time).
      await adapter.writeResults([plan(WRITES)]);
      await pause(80);
      expect(calls).toEqual([]);
      if (apiVersion === '1.13') await pause(1_000);
      // A person types three values in a row.
      excel.edit('表', 'B2', 11);
      excel.edit('表', 'B3', 12);
      excel.edit('表', 'B4', 13);
      await pause(80);
      expect(calls).toEqual([['表']]);
      await stop!();
      excel.edit('表', 'B2', 14);
      await pause(80);
      expect(calls).toHaveLength(1);
    }
  });

  test('a co-author\'s edit is reported too; below ExcelApi 1.7 there is nothing to watch', async () => {
    const { excel, adapter } = setup(smallModel());
    const calls: string[][] = [];
    const stop = await adapter.watchChanges(['表'], (sheets) => calls.push(sheets), { debounceMs: 10 });
    excel.edit('表', 'B2', 99, true);
    await pause(50);
    expect(calls).toEqual([['表']]);
    await stop!();
    const old = setup(smallModel(), '1.6');
    expect(old.adapter.capabilities().liveRecheck).toBe(false);
    expect(await old.adapter.watchChanges(['表'], () => undefined)).toBeNull();
  });
});
