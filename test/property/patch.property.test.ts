// Data safety of the CLI's copy on random tables with random user content right of them, through
// the package writer: the first run changes no user cell's XML, a second run changes nothing at
// all, and clearing leaves every cell of the user's as it was in the original file.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { editsOfClear, editsOfPlans, patchWorkbook, readZip, entryText } from '../../src/adapters/xlsx/index.js';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { checkWorkbook, planClear, planResults, type CellValue } from '../../src/core/index.js';
import { cellElements } from '../helpers/package.js';
import { DEFAULT_COLUMNS, validRows, writeTable, type RowSpec } from '../helpers/workbooks.js';

const SHEET = '整体支出绩效目标表';

const rowsArb: fc.Arbitrary<RowSpec[]> = fc
  .array(fc.record({ i: fc.integer({ min: 0, max: 9 }), value: fc.constantFrom<CellValue>('稳步', -5, '≥120', 150, '', 0.95) }), { maxLength: 4 })
  .map((changes) => {
    const rows = validRows();
    for (const c of changes) rows[c.i] = { ...rows[c.i], value: c.value };
    return rows;
  });

interface UserCell {
  right: number;
  offset: number;
  value: CellValue;
  fill?: string;
  numFmt?: string;
  note?: string;
}

const userArb: fc.Arbitrary<UserCell[]> = fc.array(
  fc.record(
    {
      right: fc.integer({ min: 1, max: 3 }),
      offset: fc.integer({ min: -2, max: 12 }),
      value: fc.oneof(fc.constantFrom<CellValue>('用户备注', '得分', ' ', 0, 3.5, true, '_x0041_'), fc.string({ minLength: 1, maxLength: 5 })),
      fill: fc.constantFrom('#FFFF00', '#FDE7E9'),
      // Not our mark formats: a number formatted 0.00;-0.00;0.00 is ours by definition (README).
      numFmt: fc.constantFrom('0.00', '0%', '@', 'yyyy-mm-dd', ';;;'),
      note: fc.constantFrom('请核对', '用户批注'),
    },
    { requiredKeys: ['right', 'offset', 'value'] },
  ),
  { maxLength: 8 },
);

async function original(rows: RowSpec[], user: UserCell[], blankGrid: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const { headerRow, nextRow } = writeTable(ws, { rows, title: null, budget: null });
  const right = DEFAULT_COLUMNS.length;
  // The template's bordered grid, blank column J included.
  if (blankGrid) for (let r = headerRow; r < nextRow; r++) ws.getCell(r, right + 1).border = { left: { style: 'thin' }, right: { style: 'thin' } };
  for (const u of user) {
    const row = headerRow + u.offset;
    if (row < 1) continue;
    const cell = ws.getCell(row, right + u.right);
    cell.value = u.value as ExcelJS.CellValue;
    if (u.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${u.fill.slice(1)}` } };
    if (u.numFmt) cell.numFmt = u.numFmt;
    if (u.note) cell.note = u.note;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function snapshotOfBytes(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return snapshotOf(wb);
}

async function run(bytes: Uint8Array): Promise<Uint8Array> {
  const snap = await snapshotOfBytes(bytes);
  return patchWorkbook(bytes, { sheets: editsOfPlans(planResults(snap, checkWorkbook(snap)), snap), ownSheets: [] }).bytes;
}

const sheetCells = (bytes: Uint8Array) => {
  const zip = readZip(bytes);
  return cellElements(entryText(zip, zip.byName.get('xl/worksheets/sheet1.xml')!));
};
const comments = (bytes: Uint8Array) => {
  const zip = readZip(bytes);
  const e = zip.byName.get('xl/comments1.xml');
  return e ? [...entryText(zip, e).matchAll(/<comment\b[\s\S]*?<\/comment>/g)].map((m) => m[0]).sort() : [];
};

test('write, re-run and clear change only our cells', async () => {
  await fc.assert(
    fc.asyncProperty(rowsArb, userArb, fc.boolean(), async (rows, user, blankGrid) => {
      const before = await original(rows, user, blankGrid);
      const once = await run(before);
      const cellsBefore = sheetCells(before);
      const cellsOnce = sheetCells(once);
      const column = planResults(await snapshotOfBytes(before), checkWorkbook(await snapshotOfBytes(before)))[0]?.column;
      // Every cell outside our column keeps its XML, style index included.
      for (const [ref, xml] of cellsBefore) if (!ref.startsWith(column ?? '?')) expect(cellsOnce.get(ref)).toBe(xml);
      // The user's notes stay.
      for (const c of comments(before)) expect(comments(once)).toContain(c);
      // A second run changes nothing at all.
      const twice = await run(once);
      expect([...sheetCells(twice)]).toEqual([...cellsOnce]);
      // Clearing: every cell that was there before is as it was, ours are empty again.
      const cleared = patchWorkbook(twice, { sheets: editsOfClear(planClear(await snapshotOfBytes(twice))), ownSheets: [] }).bytes;
      const after = sheetCells(cleared);
      const holds = (xml: string | undefined) => /<v>|<is>/.test(xml ?? '');
      for (const [ref, xml] of cellsBefore) {
        // A user's cell is as it was; a blank one we wrote and cleared is blank again.
        if (holds(xml) || !ref.startsWith(column ?? '?')) expect([ref, after.get(ref)]).toEqual([ref, xml]);
        else expect([ref, holds(after.get(ref))]).toEqual([ref, false]);
      }
      for (const [ref, xml] of after) if (!cellsBefore.has(ref)) expect([ref, holds(xml)]).toEqual([ref, false]);
      expect(comments(cleared)).toEqual(comments(before));
    }),
    { numRuns: 25 },
  );
}, 120_000);
