// Odd workbooks users will feed the tool: each gives a finding or a clear answer, never a crash or a hang.
import ExcelJS from 'exceljs';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { checkWorkbook, planResults, type WorkbookSnapshot } from '../../src/core/index.js';
import { VALID_BUDGET, buildWorkbook, rowsWith, saved, writeTable } from '../helpers/workbooks.js';

const rulesOf = (s: WorkbookSnapshot) => checkWorkbook(s).tables.flatMap((t) => t.findings.map((f) => `${f.rule} ${f.cells.join(',')}`));

describe('odd workbooks', () => {
  test('a workbook with no worksheets (e.g. only chart sheets): no table, no crash', () => {
    const r = checkWorkbook({ sheets: [] });
    expect(r).toEqual({ tables: [], sheetsWithoutTable: [] });
  });

  test('#REF! and #DIV/0! in budget amounts are amount errors; rich text reads as its text', async () => {
    const wb = buildWorkbook({ budget: { ...VALID_BUDGET, personnel: { formula: '#REF!+1', result: { error: '#REF!' } } as never, basicTotal: { formula: 'D5/0', result: { error: '#DIV/0!' } } as never } });
    wb.worksheets[0].getCell('D15').value = { richText: [{ text: '核心服务' }, { font: { bold: true }, text: '工作完成项' }] };
    const snap = snapshotOf(await saved(wb));
    const r = checkWorkbook(snap);
    const found = rulesOf(snap);
    expect(found).toContain('budget/amount-invalid D5');
    expect(found).toContain('budget/amount-invalid D7');
    expect(r.tables[0].indicators[3].name).toBe('核心服务工作完成项');
    expect(r.tables[0].findings.find((f) => f.cells.includes('D5'))?.message.zh).toContain('#REF!');
  });

  test('a date typed where a number belongs is read as its serial number and checked as such', () => {
    const wb = buildWorkbook({ rows: rowsWith(3, { value: new Date(Date.UTC(2026, 0, 8)) as never }) });
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables[0].indicators[3].value.kind).toBe('number');
    expect(r.tables[0].indicators[3].value.number).toBe(46030);
  });

  test('one stray cell at row 1,048,576 far below the table', () => {
    const wb = buildWorkbook({});
    wb.worksheets[0].getCell('A1048576').value = 'x';
    const snap = snapshotOf(wb);
    expect(snap.sheets[0].values.length).toBe(1048576);
    const r = checkWorkbook(snap);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].lastIndicatorRow).toBe(21);
    expect(r.tables[0].findings).toEqual([]);
    expect(planResults(snap, r)[0].column).toBe('J');
  });

  test('200 sheets, one of them a table', () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < 199; i++) wb.addWorksheet(`名单${i}`).addRow(['姓名', '科室', i]);
    writeTable(wb.addWorksheet('目标表'), {});
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables.map((t) => t.sheet)).toEqual(['目标表']);
    expect(r.sheetsWithoutTable).toHaveLength(199);
  });

  test('a merged area overlapping the header row', () => {
    const wb = buildWorkbook({});
    const ws = wb.worksheets[0];
    ws.unMergeCells('A4:A10');
    ws.mergeCells('A10:A11'); // the 预算 label's merge now runs into the header
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].indicators).toHaveLength(10);
  });

  test('a header row with no indicator rows below it is no table', () => {
    const wb = buildWorkbook({ rows: [] });
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables).toEqual([]);
    expect(r.sheetsWithoutTable).toEqual(['整体支出绩效目标表']);
  });

  test('two header rows in one sheet, the first with no rows: one table, read from the second', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    writeTable(ws, { title: null, unitName: null, goal: null, budget: null, at: { row: 2, column: 1 } });
    // The header typed again right above the real one (a copy-paste leftover).
    ws.getRow(1).values = ['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注'];
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].headerRow).toBe(2);
    expect(r.tables[0].indicators).toHaveLength(10);
    expect(r.tables[0].findings).toEqual([]);
  });

  test('every cell of a random grid of labels and numbers: recognition never throws', () => {
    const labels = ['一级指标', '权重', '二级指标', '三级指标', '指标值', '度量单位', '定量', '定性', '≥95', '合计', '人员经费', '', null, 3, -1, '#REF!'];
    const values = Array.from({ length: 60 }, (_, r) => Array.from({ length: 12 }, (_, c) => labels[(r * 7 + c * 13) % labels.length]));
    expect(() => checkWorkbook({ sheets: [{ name: 's', startRow: 0, startColumn: 0, values, merges: ['A1:B3', 'C2:C40', 'ZZ1:ZZ2', 'bogus', 'D5:D4'] }] })).not.toThrow();
  });
});

describe('merges and formats that could cost or lose something', () => {
  test('a merge over a whole column block below a stray far cell: fast, and still read as one merge', () => {
    const wb = buildWorkbook({});
    const ws = wb.worksheets[0];
    ws.getCell('Z1048576').value = 'x';
    const snap = snapshotOf(wb);
    snap.sheets[0].merges.push('K30:Y1048000');
    const r = checkWorkbook(snap);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].findings).toEqual([]);
    expect(planResults(snap, r)[0].column).toBe('J');
  });

  test('a merge written with row 0 (a damaged file) is ignored, not reported as cell "C0"', () => {
    const snap = snapshotOf(buildWorkbook({}));
    snap.sheets[0].merges.push('C3:C0');
    const cells = checkWorkbook(snap).tables.flatMap((t) => [...t.findings.flatMap((f) => f.cells), ...Object.values(t.budget).map((l) => l?.cell ?? '')]);
    expect(cells.some((c) => /^[A-Z]+0$/.test(c))).toBe(false);
  });

  test('a negative 一级 weight never gives negative points', () => {
    const r = checkWorkbook(snapshotOf(buildWorkbook({ rows: rowsWith(0, { weight: -1 }) })));
    expect(r.tables[0].indicators.every((i) => i.points >= 0 && i.score >= 0)).toBe(true);
    expect(r.tables[0].findings.map((f) => f.rule)).toContain('weights/level1-missing');
  });

  test('an empty cell the user formatted right of the table is theirs: the 得分 column moves past it', () => {
    const wb = buildWorkbook({});
    wb.worksheets[0].getCell('J14').numFmt = '0.0%';
    const snap = snapshotOf(wb);
    const plan = planResults(snap, checkWorkbook(snap))[0];
    expect(plan.column).toBe('K');
  });
});

describe("the user's notes and fills in the 得分 column (package writer)", () => {
  test('a note the user added to one of our cells survives a re-run and clearing; a fill of theirs on an empty cell stays', async () => {
    const { editsOfPlans, editsOfClear, patchWorkbook } = await import('../../src/adapters/xlsx/index.js');
    const { planClear } = await import('../../src/core/index.js');
    const { patchedBook, partText } = await import('../helpers/package.js');
    let wb = buildWorkbook({});
    wb.worksheets[0].getCell('J13').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
    let snap = snapshotOf(wb);
    wb = await patchedBook(wb, { sheets: editsOfPlans(planResults(snap, checkWorkbook(snap)), snap), ownSheets: [] });
    let ws = wb.worksheets[0];
    expect(ws.getCell('J12').value).toBe(3.34);
    expect(ws.getCell('J13').fill).toMatchObject({ fgColor: { argb: 'FF00B050' } });
    ws.getCell('J12').note = '请复核';
    snap = snapshotOf(wb);
    wb = await patchedBook(wb, { sheets: editsOfPlans(planResults(snap, checkWorkbook(snap)), snap), ownSheets: [] });
    ws = wb.worksheets[0];
    expect(ws.getCell('J12').note).toBe('请复核');
    const cleared = patchWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), { sheets: editsOfClear(planClear(snapshotOf(wb))), ownSheets: [] }).bytes;
    // exceljs reads no note on an empty cell (not even from its own files): the part itself is checked.
    expect(partText(cleared, 'xl/comments1.xml')).toContain('<comment ref="J12" authorId="0"><text><r><t>请复核</t></r></text></comment>');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(cleared) as unknown as ArrayBuffer);
    ws = wb.worksheets[0];
    expect(ws.getCell('J12').value).toBeNull();
    expect(ws.getCell('J11').value).toBeNull();
    // The user's fill on J13 outlives our score and its clearing.
    expect(ws.getCell('J13').fill).toMatchObject({ fgColor: { argb: 'FF00B050' } });
  });
});
