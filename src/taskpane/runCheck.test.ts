import { checkWorkbook, planClear, planResults } from '../core/index.js';
import { runCheck, runClear } from './runCheck.js';
import { fakeAdapter, tableSheet, workbook } from './testing.js';

const options = { write: true, notes: true, fills: true, reservedPoints: 0, lang: 'zh' as const };

test('runCheck reports what the core finds and writes the core’s plan', async () => {
  const snapshot = workbook(tableSheet('目标表'), { name: '说明', startRow: 0, startColumn: 0, values: [['填表说明']], merges: [] });
  const before = structuredClone(snapshot);
  const { adapter, calls } = fakeAdapter(snapshot);

  const result = await runCheck(adapter, options);

  const expectedReport = checkWorkbook(before, { reservedPoints: 0 });
  expect(result.report).toEqual(expectedReport);
  expect(result.report.tables).toHaveLength(1);
  expect(result.report.sheetsWithoutTable).toEqual(['说明']);
  const expectedPlans = planResults(before, expectedReport, { notes: true, fills: true, lang: 'zh' });
  expect(calls.writes).toEqual([expectedPlans]);
  expect(result.written).toEqual(
    expectedPlans.map((p) => ({ sheet: p.sheet, column: p.column, cells: p.writes.length, skipped: p.skipped })),
  );
  expect(result.written[0].cells).toBeGreaterThan(0);
});

test('reserved points reach the core', async () => {
  const snapshot = workbook(tableSheet('目标表'));
  const { adapter } = fakeAdapter(snapshot);
  const result = await runCheck(adapter, { ...options, write: false, reservedPoints: 10 });
  expect(result.report).toEqual(checkWorkbook(workbook(tableSheet('目标表')), { reservedPoints: 10 }));
});

test('with writing off the workbook is only read', async () => {
  const { adapter, calls } = fakeAdapter(workbook(tableSheet('目标表')));
  const result = await runCheck(adapter, { ...options, write: false });
  expect(calls.writes).toEqual([]);
  expect(result.written).toEqual([]);
  expect(result.report.tables).toHaveLength(1);
});

test('a protected sheet is left alone and reported as such', async () => {
  const open = tableSheet('可写');
  const locked = { ...tableSheet('受保护'), protected: true };
  const { adapter, calls } = fakeAdapter(workbook(open, locked));
  const result = await runCheck(adapter, options);
  expect(calls.writes).toHaveLength(1);
  expect(calls.writes[0].map((p) => p.sheet)).toEqual(['可写']);
  expect(result.written.find((w) => w.sheet === '受保护')).toMatchObject({ protected: true, cells: 0 });
  expect(result.written.find((w) => w.sheet === '可写')?.cells).toBeGreaterThan(0);
});

test('runClear removes what runCheck wrote, and nothing else', async () => {
  const snapshot = workbook(tableSheet('目标表'));
  const original = structuredClone(snapshot);
  const { adapter, calls } = fakeAdapter(snapshot);

  expect(await runClear(adapter)).toBe(0);
  expect(calls.clears).toEqual([]);

  await runCheck(adapter, options);
  const afterWrite = structuredClone(snapshot);
  const targets = planClear(afterWrite);
  const n = await runClear(adapter);

  expect(calls.clears).toEqual([targets]);
  expect(n).toBe(targets.reduce((k, t) => k + t.cells.length, 0));
  expect(n).toBeGreaterThan(0);
  // The user's cells are as they were; only empty cells remain where we wrote.
  const sheet = snapshot.sheets[0];
  original.sheets[0].values.forEach((row, r) => row.forEach((v, c) => expect(sheet.values[r][c]).toEqual(v)));
  expect(planClear(snapshot).every((t) => t.cells.length === 0)).toBe(true);
});

test('what the adapter reports (kept user notes, cells cleared) is passed on', async () => {
  const { adapter } = fakeAdapter(workbook(tableSheet('目标表')));
  const reporting = {
    ...adapter,
    writeResults: async (...args: Parameters<typeof adapter.writeResults>) => {
      await adapter.writeResults(...args);
      return { keptUserAnnotations: ["'目标表'!J7"] };
    },
    clearResults: async (...args: Parameters<typeof adapter.clearResults>) => {
      await adapter.clearResults(...args);
      return 3;
    },
  };
  expect((await runCheck(reporting, options)).keptUserAnnotations).toEqual(["'目标表'!J7"]);
  expect(await runClear(reporting)).toBe(3);
});
