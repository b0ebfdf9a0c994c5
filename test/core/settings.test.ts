// Rule settings: the config JSON (validated, with errors naming the bad key), the named profiles,
// and what turning a rule off or changing its severity does to rows and scores.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { ConfigError, PROFILES, checkWorkbook, parseConfig, rules, toConfigJson, type CheckOptions } from '../../src/core/index.js';
import { DEFAULT_COLUMNS, check, findingsOf, readFixture, rowsWith } from '../helpers/workbooks.js';

function configError(json: unknown): ConfigError {
  try {
    parseConfig(json);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(json)}`);
}

describe('parseConfig', () => {
  test('an empty object: no options, no profile', () => {
    expect(parseConfig({})).toEqual({ options: {} });
  });

  test('a library of 共性指标 is read and checked', () => {
    expect(parseConfig({ library: [{ name: '验收合格率', level2: '质量', unit: '%', direction: 'higher', range: [90, 100] }, { name: '群众满意度' }] }).options.library).toEqual([
      { name: '验收合格率', level2: '质量', unit: '%', direction: 'higher', range: [90, 100] },
      { name: '群众满意度', level2: '', unit: '' },
    ]);
    expect(() => parseConfig({ library: [{ level2: '质量' }] })).toThrow(/library\[0\]/);
    expect(() => parseConfig({ library: [{ name: 'x', direction: 'up' }] })).toThrow(/library\[0\]\.direction/);
  });

  test('minQuantitativeShare and requiredLevel2 are read and checked', () => {
    expect(parseConfig({ minQuantitativeShare: 0.6, requiredLevel2: { 产出指标: ['成本指标'] } }).options).toEqual({ minQuantitativeShare: 0.6, requiredLevel2: { 产出指标: ['成本指标'] } });
    expect(() => parseConfig({ minQuantitativeShare: 60 })).toThrow(/minQuantitativeShare/);
    expect(() => parseConfig({ requiredLevel2: { 产出指标: '成本指标' } })).toThrow(/requiredLevel2\.产出指标/);
  });

  test('a profile gives its options; keys given override them', () => {
    const national = parseConfig({ profile: 'national' });
    expect(national.profile).toBe('national');
    expect(national.options).toEqual({
      allowedLevel1: ['产出指标', '效益指标', '满意度指标', '成本指标'],
      level1Weights: { 产出指标: 50, 效益指标: 30, 满意度指标: 10 },
      reservedPoints: 10,
      requiredLevel2: { 产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'], 满意度指标: ['服务对象满意度指标'] },
      library: PROFILES.national.options.library,
    });
    const gansu = parseConfig({ profile: 'gansu-county', reservedPoints: 10, rules: { 'budget/total-blank': 'off', 'weights/level1-sum': 'warning' } });
    expect(gansu.options).toEqual({
      allowedLevel1: ['基本运行指标', '重点履职指标', '部门综合指标', '可持续发展能力指标'],
      reservedPoints: 10,
      rules: { 'budget/total-blank': 'off', 'weights/level1-sum': 'warning' },
      library: PROFILES['gansu-county'].options.library,
    });
  });

  test('the returned options do not share arrays with the profile (a caller may change them)', () => {
    const a = parseConfig({ profile: 'national' });
    a.options.allowedLevel1?.push('其他');
    expect(PROFILES.national.options.allowedLevel1).toHaveLength(4);
  });

  test('every key at once', () => {
    const json = { reservedPoints: 5, rules: { 'value-format/not-number': 'info' }, allowedLevel1: [' 产出指标 ', '效益指标'], level1Weights: { 产出指标: 60, 效益指标: 35 } };
    expect(parseConfig(json).options).toEqual({ reservedPoints: 5, rules: { 'value-format/not-number': 'info' }, allowedLevel1: ['产出指标', '效益指标'], level1Weights: { 产出指标: 60, 效益指标: 35 } });
  });

  test('toConfigJson gives back a config that parses to the same options', () => {
    const config = parseConfig({ profile: 'gansu-county', rules: { 'budget/goal-amount': 'off' } });
    const json = toConfigJson(config);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect(parseConfig(json)).toEqual(config);
  });

  test('an unknown key is an error naming it, with a suggestion for a typo', () => {
    const e = configError({ reservedPoint: 10 });
    expect(e.key).toBe('reservedPoint');
    expect(e.text.zh).toContain('未知设置项「reservedPoint」');
    expect(e.text.zh).toContain('reservedPoints');
    expect(e.text.en).toContain('Unknown setting "reservedPoint" (did you mean "reservedPoints"?)');
  });

  test('an unknown rule id is an error naming it', () => {
    const e = configError({ rules: { 'value-format/not-numbr': 'off' } });
    expect(e.key).toBe('rules.value-format/not-numbr');
    expect(e.text.zh).toMatch(/未知规则「value-format\/not-numbr」（是否应为「value-format\/not-number」？）/);
    expect(e.text.en).toContain('unknown rule "value-format/not-numbr"');
  });

  test.each([
    ['profile', { profile: 'gansu' }, /profile.*未知模板 "gansu"/],
    ['reservedPoints', { reservedPoints: '10' }, /reservedPoints.*"10"/],
    ['reservedPoints', { reservedPoints: 100 }, /reservedPoints.*100/],
    ['rules.weights/level1-sum', { rules: { 'weights/level1-sum': 'warn' } }, /off、error、warning 或 info，而不是 "warn"/],
    ['rules', { rules: ['weights/level1-sum'] }, /rules/],
    ['allowedLevel1', { allowedLevel1: '产出指标' }, /allowedLevel1.*非空列表/],
    ['allowedLevel1', { allowedLevel1: [] }, /allowedLevel1/],
    ['level1Weights.产出指标', { level1Weights: { 产出指标: '50' } }, /level1Weights\.产出指标.*"50"/],
  ])('a bad value of %s is an error naming the key and the value', (key, json, zh) => {
    const e = configError(json);
    expect(e.key).toBe(key);
    expect(e.text.zh).toMatch(zh);
    expect(e.text.en).toContain(key);
    expect(e.message).toBe(e.text.en);
  });

  test('not an object at all', () => {
    for (const json of [null, [], 'national', 3]) expect(configError(json).text.zh).toContain('JSON 对象');
  });
});

describe('rule settings in checkWorkbook', () => {
  const invalidRow = { rows: rowsWith(4, { value: '稳步提升' }) }; // row 16: 职工诉求办结率, 定量 with text

  test("a rule turned off reports nothing and no longer costs the row its points", () => {
    const before = check(invalidRow).tables[0];
    expect(findingsOf(check(invalidRow), 'value-format/not-number')).toHaveLength(1);
    expect(before.indicators.find((i) => i.row === 16)).toMatchObject({ status: 'error', score: 0 });

    const after = check(invalidRow, { rules: { 'value-format/not-number': 'off' } }).tables[0];
    expect(after.findings.map((f) => f.rule)).not.toContain('value-format/not-number');
    expect(after.indicators.find((i) => i.row === 16)).toMatchObject({ status: 'ok', score: before.indicators.find((i) => i.row === 16)?.points });
  });

  test('a severity override changes the finding and the row: a warning keeps the points', () => {
    const t = check(invalidRow, { rules: { 'value-format/not-number': 'warning' } }).tables[0];
    const f = t.findings.find((x) => x.rule === 'value-format/not-number');
    expect(f?.severity).toBe('warning');
    const row = t.indicators.find((i) => i.row === 16);
    expect(row?.status).toBe('warning');
    expect(row?.score).toBe(row?.points);
  });

  test('raising a warning to an error makes the row score 0', () => {
    const spec = { rows: rowsWith(7, { name: '职工诉求办结率' }) }; // duplicate-name, a warning, on row 19
    const t = check(spec, { rules: { 'structure/duplicate-name': 'error' } }).tables[0];
    expect(t.findings.find((f) => f.rule === 'structure/duplicate-name')?.severity).toBe('error');
    expect(t.indicators.find((i) => i.row === 19)).toMatchObject({ status: 'error', score: 0 });
  });

  test('an id that is no rule is ignored by checkWorkbook itself (parseConfig is where it is refused)', () => {
    const options = { rules: { 'no/such-rule': 'off' } } as CheckOptions;
    expect(check(invalidRow, options).tables[0].findings.length).toBe(check(invalidRow).tables[0].findings.length);
  });

  test('every registered rule can be set by id', () => {
    const all = Object.fromEntries(rules.map((r) => [r.id, 'off'])) as CheckOptions['rules'];
    expect(parseConfig({ rules: all }).options.rules).toEqual(all);
    expect(check(invalidRow, { rules: all }).tables[0].findings).toEqual([]);
  });

  test('the seed with the Gansu profile: its 一级 are the template\'s; the weights error stays', async () => {
    const snapshot = snapshotOf(await readFixture('ningxian-2026.xlsx'));
    const t = checkWorkbook(snapshot, parseConfig({ profile: 'gansu-county' }).options).tables[0];
    expect(t.findings.map((f) => f.rule).sort()).toEqual(['budget/total-blank', 'value-format/not-number', 'weights/level1-sum']);
  });

  test('the seed with the national profile: each Gansu 一级 is reported once at its label', async () => {
    const snapshot = snapshotOf(await readFixture('ningxian-2026.xlsx'));
    const t = checkWorkbook(snapshot, parseConfig({ profile: 'national' }).options).tables[0];
    const unknown = t.findings.filter((f) => f.rule === 'structure/unknown-level1');
    expect(unknown.map((f) => f.cells)).toEqual([['A12'], ['A23'], ['A33'], ['A40']]);
    expect(unknown[0].message.zh).toBe('一级指标「基本运行指标」不在所选模板的一级指标中（产出指标、效益指标、满意度指标、成本指标），请核对指标名称或所选模板。');
  });
});

describe('national profile weights on a table without 权重', () => {
  const noWeight = DEFAULT_COLUMNS.filter((c) => c !== 'weight');
  const nationalRows = [
    { l1: '产出指标', l2: '数量指标', name: '培训人次', type: '定量', value: '≥100', unit: '人次', remark: '全年培训不少于 100 人次' },
    { l2: '质量指标', name: '培训合格率', type: '定量', value: '≥95', unit: '%', remark: '合格率不低于 95%' },
    { l1: '成本指标', l2: '经济成本指标', name: '人均培训成本', type: '定量', value: '≤200', unit: '元', remark: '人均不超过 200 元' },
    { l1: '效益指标', l2: '社会效益', name: '技能提升人数', type: '定量', value: '≥80', unit: '人', remark: '技能提升不少于 80 人' },
    { l1: '满意度指标', l2: '服务对象满意度', name: '学员满意度', type: '定量', value: '≥90', unit: '%', remark: '满意度不低于 90%' },
  ];

  test('成本指标 not named in the settings shares 产出指标\'s 50 by indicator count, as by default', () => {
    const byProfile = check({ columns: noWeight, rows: nationalRows }, parseConfig({ profile: 'national' }).options).tables[0];
    const byDefault = check({ columns: noWeight, rows: nationalRows }).tables[0];
    const weights = byProfile.level1.map((g) => [g.name, g.weight]);
    expect(weights).toEqual([
      ['产出指标', 33.34],
      ['成本指标', 16.66],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
    expect(byDefault.level1.map((g) => [g.name, g.weight])).toEqual(weights);
    expect(byProfile.totals).toMatchObject({ points: 90, reserved: 10 });
    expect(findingsOf(check({ columns: noWeight, rows: nationalRows }, parseConfig({ profile: 'national' }).options), 'structure/unknown-level1')).toEqual([]);
  });

  test('a 成本指标 weight given in the settings is used as given', () => {
    const t = check({ columns: noWeight, rows: nationalRows }, { level1Weights: { 产出指标: 40, 成本指标: 10, 效益指标: 30, 满意度指标: 10 } }).tables[0];
    expect(t.level1.map((g) => g.weight)).toEqual([40, 10, 30, 10]);
  });
});

test("README's example config is valid", () => {
  const readme = readFileSync(path.resolve('README.md'), 'utf8');
  const block = /\*\*规则设置 \/ Rule settings\*\*[\s\S]*?```json\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  const { options, profile } = parseConfig(JSON.parse(block![1]));
  expect(profile).toBe('gansu-county');
  expect(options.rules).toEqual({ 'budget/goal-amount': 'off', 'structure/no-description': 'warning' });
});
