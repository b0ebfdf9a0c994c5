import { ACCEPTED_SHEET, checkedWith, checkWorkbook, planAcceptanceSheet, planClear, planReportSheet, planResults, readAcceptances } from '../core/index.js';
import type { CheckResult } from './port.js';
import { runAccept, runCheck, runClear, runReport } from './session.js';
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

describe('忽略 / 取消忽略 and the 校验报告 (issue 8)', () => {
  const NOT_NUMBER = 'value-format/not-number';

  function counted(snapshot: ReturnType<typeof workbook>) {
    const { adapter, calls } = fakeAdapter(snapshot);
    let reads = 0;
    const reading = {
      ...adapter,
      readSnapshot: () => {
        reads += 1;
        return adapter.readSnapshot();
      },
    };
    return { adapter: reading, calls, reads: () => reads };
  }

  const openFinding = (r: CheckResult) => r.report.tables[0].findings.find((f) => f.rule === NOT_NUMBER)!;
  const row7 = (r: CheckResult) => r.report.tables[0].indicators.find((i) => i.row === 7)!;

  test('accepting stores rule, sheet, indicator name, cells, reason and date, then checks again on the same read', async () => {
    const { adapter, calls, reads } = counted(workbook(tableSheet('目标表')));
    const first = await runCheck(adapter, options);
    const finding = openFinding(first);
    expect(finding.accepted).toBeUndefined();
    expect(row7(first).score).toBe(0);

    const after = await runAccept(adapter, { accept: finding, reason: '  口径待定 ', date: '2026-05-01' }, options);
    expect(reads()).toBe(2);
    expect(calls.acceptances).toEqual([
      planAcceptanceSheet([{ rule: NOT_NUMBER, sheet: '目标表', indicator: '服务职工总人次', cells: ['F7'], reason: '口径待定', date: '2026-05-01' }]),
    ]);
    expect(openFinding(after).accepted).toEqual({ reason: '口径待定', date: '2026-05-01' });
    // An accepted finding no longer costs the row its points, and the 得分 column says so.
    expect(row7(after).score).toBe(row7(after).points);
    expect(calls.writes).toHaveLength(2);
    // What a fresh check of the workbook finds is the same: the acceptance is in the workbook.
    expect((await runCheck(adapter, { ...options, write: false })).report).toEqual(after.report);
  });

  test('accepting again replaces the reason; 取消忽略 removes it, also one stored by cells only (as the CLI may)', async () => {
    const snapshot = workbook(tableSheet('目标表'));
    const { adapter, calls } = counted(snapshot);
    const finding = openFinding(await runCheck(adapter, options));
    await runAccept(adapter, { accept: finding, reason: '旧', date: '2026-05-01' }, options);
    const again = await runAccept(adapter, { accept: finding, reason: '新', date: '2026-05-02' }, options);
    expect(readAcceptances(snapshot)).toHaveLength(1);
    expect(openFinding(again).accepted).toEqual({ reason: '新', date: '2026-05-02' });

    const undone = await runAccept(adapter, { unaccept: openFinding(again) }, options);
    expect(openFinding(undone).accepted).toBeUndefined();
    expect(readAcceptances(snapshot)).toEqual([]);

    // An acceptance without the indicator name, and one of another rule, stored by hand.
    const rows = planAcceptanceSheet([
      { rule: NOT_NUMBER, sheet: '目标表', cells: ['F7'] },
      { rule: 'structure/no-description', sheet: '目标表', cells: ['H9'] },
    ]).rows;
    snapshot.sheets = [...snapshot.sheets.filter((s) => s.name !== ACCEPTED_SHEET), { name: ACCEPTED_SHEET, startRow: 0, startColumn: 0, values: rows, merges: [] }];
    const byCells = await runCheck(adapter, options);
    expect(openFinding(byCells).accepted).toEqual({});
    await runAccept(adapter, { unaccept: openFinding(byCells) }, options);
    expect(readAcceptances(snapshot)).toEqual([{ rule: 'structure/no-description', sheet: '目标表', cells: ['H9'] }]);
    expect(calls.acceptances).toHaveLength(4);
  });

  test('with writing off, 忽略 writes only the accepted sheet', async () => {
    const { adapter, calls } = counted(workbook(tableSheet('目标表')));
    const finding = openFinding(await runCheck(adapter, { ...options, write: false }));
    await runAccept(adapter, { accept: finding, date: '2026-05-01' }, { ...options, write: false });
    expect(calls.writes).toEqual([]);
    expect(calls.acceptances[0].rows[1]).toEqual([NOT_NUMBER, '目标表', '服务职工总人次', 'F7', null, null, '2026-05-01']);
  });

  test('rule settings and the template reach the core', async () => {
    const { adapter } = fakeAdapter(workbook(tableSheet('目标表')));
    const off = await runCheck(adapter, { ...options, write: false, check: { rules: { [NOT_NUMBER]: 'off' } } });
    expect(off.report.tables[0].findings.some((f) => f.rule === NOT_NUMBER)).toBe(false);
    const info = await runCheck(adapter, { ...options, write: false, check: { rules: { [NOT_NUMBER]: 'info' } } });
    expect(openFinding(info).severity).toBe('info');
    const national = await runCheck(adapter, { ...options, write: false, check: { allowedLevel1: ['产出指标', '效益指标', '满意度指标'] } });
    expect(national.report.tables[0].findings.filter((f) => f.rule === 'structure/unknown-level1').length).toBeGreaterThan(0);
  });

  test('the report is the core’s plan for this workbook, in the language and with the date asked', async () => {
    const snapshot = workbook(tableSheet('目标表'));
    const before = structuredClone(snapshot);
    const { adapter, calls } = fakeAdapter(snapshot);
    const written = await runReport(adapter, { ...options, lang: 'en', date: '2026-05-01', check: { rules: { [NOT_NUMBER]: 'warning' } } });
    const checkedWithOptions = { reservedPoints: 0, rules: { [NOT_NUMBER]: 'warning' as const } };
    // The report names what it was checked with (issue 17.5).
    const expected = planReportSheet(checkWorkbook(before, checkedWithOptions), { lang: 'en', date: '2026-05-01', checkedWith: checkedWith(checkedWithOptions) });
    expect(expected.rows.slice(2, 5).map((r) => r[1].value)).toEqual(['None (any first-level indicator accepted)', '0 points', `${NOT_NUMBER} (as warning)`]);
    expect(calls.reports).toEqual([expected]);
    expect(written).toEqual({ sheet: '校验报告', rows: expected.rows.length, links: expected.rows.flat().filter((c) => c.link).length, created: true });
    expect(calls.writes).toEqual([]);
  });
});
