import { createSession, localDate } from './session.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { memorySettingsStore, type SettingsStore } from './settings.js';
import { fakeAdapter, tableSheet, workbook } from './testing.js';

function setup(language = 'zh-CN', settings: SettingsStore = memorySettingsStore()) {
  const { adapter, calls } = fakeAdapter(workbook(tableSheet('目标表')));
  return { host: createSession({ port: adapter, settings, displayLanguage: () => language }), calls };
}

const notesOf = (calls: ReturnType<typeof setup>['calls']) =>
  // The first line of each note is our mark; the findings follow.
  calls.writes.flat().flatMap((p) => p.writes.flatMap((w) => (w.note ? [w.note.split('\n').slice(1).join('\n')] : [])));

test('check writes notes in the display language unless the pane chose one', async () => {
  const en = setup('en-US');
  await en.host.check({ ...DEFAULT_SETTINGS, notes: true });
  expect(notesOf(en.calls).some((n) => n.startsWith('Error'))).toBe(true);

  const zh = setup('en-US');
  await zh.host.check({ ...DEFAULT_SETTINGS, notes: true, lang: 'zh' });
  expect(notesOf(zh.calls).some((n) => n.startsWith('错误'))).toBe(true);
  expect(notesOf(zh.calls).some((n) => n.startsWith('Error'))).toBe(false);
});

test('check follows the toggles: notes and fills by default, none when switched off, nothing written when off', async () => {
  const { host, calls } = setup();
  const result = await host.check({ ...DEFAULT_SETTINGS, notes: false, fills: false });
  expect(result.report.tables).toHaveLength(1);
  const writes = calls.writes.flat().flatMap((p) => p.writes);
  expect(writes.length).toBeGreaterThan(1);
  expect(writes.every((w) => w.note === undefined && w.fill === undefined)).toBe(true);

  await host.check(DEFAULT_SETTINGS);
  expect(calls.writes[1].flatMap((p) => p.writes).some((w) => w.fill !== undefined)).toBe(true);
  expect(calls.writes[1].flatMap((p) => p.writes).some((w) => w.note !== undefined)).toBe(true);

  const off = await host.check({ ...DEFAULT_SETTINGS, writeScores: false });
  expect(calls.writes).toHaveLength(2);
  expect(off.written).toEqual([]);
});

test('clear counts the cells an earlier check wrote', async () => {
  const { host } = setup();
  const { written } = await host.check(DEFAULT_SETTINGS);
  expect(await host.clear()).toBe(written[0].cells);
  expect(await host.clear()).toBe(0);
});

test('select, capabilities and settings are passed through', async () => {
  const store = memorySettingsStore();
  const { host, calls } = setup('zh-CN', store);
  await host.select('目标表', ['F7']);
  expect(calls.selections).toEqual([{ sheet: '目标表', cells: ['F7'] }]);
  expect(await host.capabilities()).toEqual({ annotation: 'comments', mergesRead: true, undoGroup: false });
  expect(host.displayLanguage()).toBe('zh-CN');

  expect(await host.loadSettings()).toBeNull();
  await host.saveSettings({ ...DEFAULT_SETTINGS, reservedPoints: 10 });
  expect(await host.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, reservedPoints: 10 });
});

test('stored settings from an older version are cleaned up on load', async () => {
  const store: SettingsStore = {
    load: () => Promise.resolve({ writeScores: 'yes', fills: true, extra: 1 }),
    save: () => Promise.resolve(),
  };
  const { host } = setup('zh-CN', store);
  expect(await host.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, fills: true });
});

test('rule settings and the profile saved in the pane reach the core', async () => {
  const { host } = setup();
  const plain = await host.check({ ...DEFAULT_SETTINGS, writeScores: false });
  expect(plain.report.tables[0].findings.some((f) => f.rule === 'value-format/not-number')).toBe(true);
  const off = await host.check({ ...DEFAULT_SETTINGS, writeScores: false, rules: { 'value-format/not-number': 'off' } });
  expect(off.report.tables[0].findings.some((f) => f.rule === 'value-format/not-number')).toBe(false);
  const national = await host.check({ ...DEFAULT_SETTINGS, writeScores: false, profile: 'national' });
  expect(national.report.tables[0].findings.some((f) => f.rule === 'structure/unknown-level1')).toBe(true);
  const gansu = await host.check({ ...DEFAULT_SETTINGS, writeScores: false, profile: 'gansu-county' });
  expect(gansu.report.tables[0].findings.some((f) => f.rule === 'structure/unknown-level1')).toBe(false);
});

test('忽略 records today’s date from the host; the report is dated too', async () => {
  const { adapter, calls } = fakeAdapter(workbook(tableSheet('目标表')));
  const host = createSession({ port: adapter, settings: memorySettingsStore(), displayLanguage: () => 'zh-CN', today: () => '2026-05-01' });
  const finding = (await host.check(DEFAULT_SETTINGS)).report.tables[0].findings.find((f) => f.rule === 'value-format/not-number')!;
  const accepted = await host.accept(finding, { reason: '口径待定' }, DEFAULT_SETTINGS);
  expect(accepted.report.tables[0].findings.find((f) => f.rule === finding.rule)?.accepted).toEqual({ reason: '口径待定', date: '2026-05-01' });
  const undone = await host.unaccept(finding, DEFAULT_SETTINGS);
  expect(undone.report.tables[0].findings.find((f) => f.rule === finding.rule)?.accepted).toBeUndefined();
  expect(calls.acceptances).toHaveLength(2);

  const report = await host.writeReport({ ...DEFAULT_SETTINGS, lang: 'en' });
  expect(report.sheet).toBe('校验报告');
  expect(calls.reports[0].rows[1].map((c) => c.value)).toEqual(['Checked on', '2026-05-01']);
});

test('localDate is the local calendar date', () => {
  expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
});

test('忽略 with a 审核人 name stores it as the acceptance’s by, read back on the next check', async () => {
  const { adapter } = fakeAdapter(workbook(tableSheet('目标表')));
  const host = createSession({ port: adapter, settings: memorySettingsStore(), displayLanguage: () => 'zh-CN', today: () => '2026-05-01' });
  const finding = (await host.check(DEFAULT_SETTINGS)).report.tables[0].findings.find((f) => f.rule === 'value-format/not-number')!;
  await host.accept(finding, { reason: '口径待定', by: '张会计' }, DEFAULT_SETTINGS);
  const again = await host.check(DEFAULT_SETTINGS);
  expect(again.report.tables[0].findings.find((f) => f.rule === finding.rule)?.accepted).toEqual({ reason: '口径待定', by: '张会计', date: '2026-05-01' });
});
