// 结构: names, 二级/三级, descriptions, templates, the 共性指标 library and last year's table.
// Each rule's valid and invalid cases for the harness (tester.ts), on sheets built directly
// (tables.ts, grids.ts); the first invalid case is the rule's example in docs/RULES.md.
import { ruleCases, type RuleCases } from './tester.js';
import { duplicateName, emptyName, goalMissing, level2Empty, level2Required, libraryLevel2, libraryNearMatch, noDescription, noWeightColumn, requiredBlank, templateSlots, typeInferred, unknownLevel1 } from './structure.js';
import { vanished } from './previous.js';
import { checkWorkbook } from '../check.js';
import { PROFILES } from '../profiles/profiles.js';
import { selfEvaluationForm, wholeSpendingForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/grids.js';
import { DEFAULT_COLUMNS, rowsWith, snapshot, validRows } from '../../../test/helpers/tables.js';

const noWeight = DEFAULT_COLUMNS.filter((c) => c !== 'weight');
const noType = DEFAULT_COLUMNS.filter((c) => c !== 'type');
const gansu = PROFILES['gansu-county'].options;
const national = { requiredLevel2: PROFILES.national.options.requiredLevel2 };
const withCost = { ...withRows(wholeSpendingForm(), (g) => { g[9][1] = '成本指标'; g[9][2] = '单场活动平均成本'; g[9][6] = '≤0.5万元'; return g; }) };
withCost.merges = (withCost.merges ?? []).map((m) => (m === 'B8:B10' ? 'B8:B9' : m));
// 相关性: the profile's 共性指标 library
const library = PROFILES.national.options.library;
// 可行性: last year's table
const lastYear = checkWorkbook(snapshot(wholeSpendingForm())).tables[0].indicators;

export const structureCases: RuleCases[] = [
  ruleCases(noWeightColumn, {
    valid: [
      { title: 'the table has 权重', workbook: snapshot({}) },
      { title: 'a per-三级 分值 column states the weights', workbook: snapshot(wholeSpendingForm()) },
    ],
    invalid: [
      { title: 'no 权重 column: equal split of 100 over 4 一级', workbook: snapshot({ columns: noWeight }), errors: [{ messageId: 'noWeightColumn', cells: ['A11'], data: { weights: '基本运行指标 25，重点履职指标 25，部门综合指标 25，可持续发展能力指标 25' } }] },
    ],
  }),
  ruleCases(typeInferred, {
    valid: [
      { title: 'the table has 指标值类型', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'no 指标值类型 column', workbook: snapshot({ columns: noType }), errors: [{ messageId: 'typeInferred', cells: ['E11'], data: { count: 10 } }] },
    ],
  }),
  ruleCases(emptyName, {
    valid: [
      { title: 'every row named', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'a value without a name', workbook: snapshot({ rows: rowsWith(4, { name: '' }) }), errors: [{ messageId: 'emptyName', cells: ['D16'] }] },
    ],
  }),
  ruleCases(duplicateName, {
    valid: [
      { title: 'names unique', workbook: snapshot({}) },
      { title: 'slots 「指标1：」 under several 二级 are no duplicates', workbook: snapshot(selfEvaluationForm()) },
    ],
    invalid: [
      { title: 'the same name twice', workbook: snapshot({ rows: rowsWith(5, { name: '职工诉求办结率' }) }), errors: [{ messageId: 'duplicateName', cells: ['D17', 'D16'] }] },
    ],
  }),
  ruleCases(level2Empty, {
    valid: [
      { title: 'every 二级 has 三级', workbook: snapshot({}) },
      { title: 'a 二级 of only template slots is not applicable', workbook: snapshot(selfEvaluationForm()) },
    ],
    invalid: [
      { title: 'a 二级 row with nothing under it', workbook: snapshot({
        rows: [...validRows().slice(0, 3), { l2: '采购管理' }, ...validRows().slice(3)],
      }), errors: [{ messageId: 'level2Empty', cells: ['C15'], data: { name: '采购管理' } }] },
    ],
  }),
  ruleCases(noDescription, {
    valid: [
      { title: 'description or remark present', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'both empty', workbook: snapshot({ rows: rowsWith(2, { remark: '' }) }), errors: [{ messageId: 'noDescription', cells: ['H14'] }] },
    ],
  }),
  ruleCases(unknownLevel1, {
    valid: [
      { title: 'every 一级 is one of the Gansu template', workbook: snapshot({}), options: gansu },
      { title: 'no template chosen: any 一级 goes', workbook: snapshot({ rows: rowsWith(0, { l1: '产出指标' }) }) },
      { title: 'names compared as labels (spaces, full-width)', workbook: snapshot({ rows: rowsWith(3, { l1: ' 重点履职 指标' }) }), options: gansu },
    ],
    invalid: [
      { title: 'a national 一级 under the Gansu template', workbook: snapshot({ rows: rowsWith(0, { l1: '产出指标' }) }), options: gansu, errors: [{ messageId: 'unknownLevel1', cells: ['A12'], data: { name: '产出指标', allowed: '基本运行指标、重点履职指标、部门综合指标、可持续发展能力指标' } }] },
      { title: 'Gansu 一级 under the national template', workbook: snapshot({}), options: PROFILES.national.options, errors: [{ messageId: 'unknownLevel1', cells: ['A12'] }, { messageId: 'unknownLevel1', cells: ['A15'] }, { messageId: 'unknownLevel1', cells: ['A18'] }, { messageId: 'unknownLevel1', cells: ['A20'] }] },
    ],
  }),
  ruleCases(templateSlots, {
    valid: [
      // Published forms (DOMAIN §2a): template slots, 分值 columns, split blocks.
      { title: 'a form with every slot filled in', workbook: snapshot(wholeSpendingForm()) },
    ],
    invalid: [
      { title: 'the 自评表 with 「指标2：」「……」「/」 slots left in', workbook: snapshot(selfEvaluationForm()), errors: [{ messageId: 'templateSlots', cells: ['D13'], data: { count: 5 } }] },
    ],
  }),
  ruleCases(requiredBlank, {
    valid: [
      { title: 'every starred 「*指标解释」 filled', workbook: snapshot({ labels: { content: '*指标值内容' }, rows: validRows().map((r) => ({ ...r, content: r.content ?? '说明' })) }) },
      { title: 'a starred 「*计量单位」 blank on 定性 rows', workbook: snapshot({ labels: { unit: '*计量单位' } }) },
    ],
    invalid: [
      { title: 'a starred 「*指标解释」 left blank on some rows', workbook: snapshot({ labels: { content: '*指标解释' } }), errors: [{ messageId: 'requiredBlank', cells: ['H14', 'H16', 'H17', 'H19', 'H20', 'H21'], data: { label: '指标解释', count: 6, rows: '14、16、17、19、20、21' } }] },
      { title: '指标值设定依据 left blank', workbook: snapshot({ labels: { content: '指标值设定依据' }, rows: validRows().map((r, i) => ({ ...r, content: i === 0 ? '' : '依据三定方案' })) }), errors: [{ messageId: 'requiredBlank', cells: ['H12'], data: { label: '指标值设定依据', count: 1, rows: '12' } }] },
    ],
  }),
  ruleCases(level2Required, {
    valid: [
      { title: 'no template chosen', workbook: snapshot(wholeSpendingForm()) },
      { title: 'the national template: 产出 with 数量、质量、时效、成本', workbook: snapshot(withCost), options: national },
    ],
    invalid: [
      { title: 'the national template: 产出 without 成本指标', workbook: snapshot(wholeSpendingForm()), options: national, errors: [{ messageId: 'level2Required', cells: ['A5'], data: { level1: '产出指标', missing: '成本指标' } }] },
    ],
  }),
  ruleCases(goalMissing, {
    valid: [
      { title: 'the goal filled', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'the goal left blank beside its label', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[2][1] = null; return g; })), errors: [{ messageId: 'goalMissing', cells: ['A3'] }] },
    ],
  }),
  ruleCases(libraryNearMatch, {
    valid: [
      { title: 'no library without a profile', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[14][2] = '群众满意程度'; return g; })) },
      { title: 'the standard 群众满意度', workbook: snapshot(wholeSpendingForm()), options: { library } },
    ],
    invalid: [
      { title: '「群众满意程度」 near 群众满意度', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[14][2] = '群众满意程度'; return g; })), options: { library }, errors: [{ messageId: 'libraryNearMatch', cells: ['C15'], data: { name: '群众满意程度', standard: '群众满意度', unit: '%' } }] },
    ],
  }),
  ruleCases(libraryLevel2, {
    valid: [
      { title: '群众满意度 under 服务对象满意度指标', workbook: snapshot(wholeSpendingForm()), options: { library } },
    ],
    invalid: [
      { title: '验收合格率 filed under 时效指标', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[8][2] = '验收合格率'; g[8][6] = '100%'; return g; })), options: { library }, errors: [{ messageId: 'libraryLevel2', cells: ['B8'], data: { name: '验收合格率', level2: '时效指标', expected: '质量' } }] },
    ],
  }),
  ruleCases(vanished, {
    valid: [
      { title: 'the same indicators as last year', workbook: snapshot(wholeSpendingForm()), options: { previous: lastYear } },
    ],
    invalid: [
      { title: 'last year\'s 送戏下乡场次 dropped', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[5][2] = '文艺培训场次'; return g; })), options: { previous: lastYear }, errors: [{ messageId: 'vanishedIndicator', cells: ['C4'], data: { names: '「送戏下乡场次」', count: 1 } }] },
    ],
  }),
];
