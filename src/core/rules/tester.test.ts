// The harness itself: it runs only the rule under test, honours the settings the checker
// honours, and counts the tables it saw, so a valid case on no table cannot pass.
import { runCase } from './tester.js';
import { valueEmpty, vagueTarget } from './valueFormat.js';
import { level1Missing } from './weights.js';
import { rowsWith, snapshot } from '../../../test/helpers/tables.js';

describe('the rule harness', () => {
  // Row 16 has no value and 一级 「重点履职指标」 no weight: two rules' findings in one sheet.
  const twoProblems = snapshot({ rows: rowsWith(4, { value: null }).map((r, i) => (i === 3 ? { ...r, weight: null } : r)) });

  test('runs only the rule under test', () => {
    const run = runCase(valueEmpty, { title: 'two problems', workbook: twoProblems });
    expect(run.tables).toBe(1);
    expect(run.found.map((f) => [f.messageId, f.cells])).toEqual([['empty', ['F16']]]);
    expect(runCase(level1Missing, { title: 'two problems', workbook: twoProblems }).found.map((f) => [f.messageId, f.cells])).toEqual([['missing', ['B15']]]);
  });

  test('keeps the data the message is filled in from, beside the message', () => {
    const [f] = runCase(valueEmpty, { title: 'two problems', workbook: twoProblems }).found;
    expect(f.data).toEqual({ name: '职工诉求办结率' });
    expect(f.message.zh).toContain('职工诉求办结率');
    expect(f.sheet).toBe('整体支出绩效目标表');
  });

  test('honours the settings: an opt-in rule runs only when given a severity, any rule can be turned off', () => {
    const vague = snapshot({ rows: rowsWith(2, { value: '稳步提升' }) });
    expect(runCase(vagueTarget, { title: 'opt-in', workbook: vague }).found).toEqual([]);
    // 稳步提升 in row 14, and the valid table's own 「提升」 in row 18.
    expect(runCase(vagueTarget, { title: 'opted in', workbook: vague, options: { rules: { [vagueTarget.id]: 'info' } } }).found.map((f) => f.cells)).toEqual([['F14'], ['F18']]);
    expect(runCase(valueEmpty, { title: 'off', workbook: twoProblems, options: { rules: { [valueEmpty.id]: 'off' } } }).found).toEqual([]);
  });

  test('counts no table on a sheet that holds none', () => {
    const run = runCase(valueEmpty, { title: 'no table', workbook: { sheets: [{ name: '说明', startRow: 0, startColumn: 0, values: [['填表说明']], merges: [] }] } });
    expect(run).toEqual({ tables: 0, found: [] });
  });
});
