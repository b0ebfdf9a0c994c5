import { check } from '../../../test/helpers/workbooks.js';
import { selfEvaluationForm, wholeSpendingForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/layouts.js';
import { failing, passing } from '../../../test/helpers/ruleCases.js';
import { DEFAULT_COLUMNS, rowsWith, validRows } from '../../../test/helpers/workbooks.js';
import { PROFILES } from '../index.js';

const noWeight = DEFAULT_COLUMNS.filter((c) => c !== 'weight');
const noType = DEFAULT_COLUMNS.filter((c) => c !== 'type');

describe('structure rules', () => {
  passing('structure/no-weight-column', 'the table has 权重', {});
  failing('structure/no-weight-column', 'no 权重 column: equal split of 100 over 4 一级', { columns: noWeight }, { zh: /基本运行指标 25/ });

  passing('structure/type-inferred', 'the table has 指标值类型', {});
  failing('structure/type-inferred', 'no 指标值类型 column', { columns: noType }, { zh: /推断 10 个指标/ });

  passing('structure/empty-name', 'every row named', {});
  failing('structure/empty-name', 'a value without a name', { rows: rowsWith(4, { name: '' }) }, { cells: ['D16'] });

  passing('structure/duplicate-name', 'names unique', {});
  failing('structure/duplicate-name', 'the same name twice', { rows: rowsWith(5, { name: '职工诉求办结率' }) }, { cells: ['D17', 'D16'] });

  passing('structure/level2-empty', 'every 二级 has 三级', {});
  failing('structure/level2-empty', 'a 二级 row with nothing under it', {
    rows: [...validRows().slice(0, 3), { l2: '采购管理' }, ...validRows().slice(3)],
  }, { cells: ['C15'], zh: /采购管理/ });

  passing('structure/no-description', 'description or remark present', {});
  failing('structure/no-description', 'both empty', { rows: rowsWith(2, { remark: '' }) }, { cells: ['H14'] });

  const gansu = PROFILES['gansu-county'].options;
  passing('structure/unknown-level1', 'every 一级 is one of the Gansu template', {}, gansu);
  passing('structure/unknown-level1', 'no template chosen: any 一级 goes', { rows: rowsWith(0, { l1: '产出指标' }) });
  passing('structure/unknown-level1', 'names compared as labels (spaces, full-width)', { rows: rowsWith(3, { l1: ' 重点履职 指标' }) }, gansu);
  failing('structure/unknown-level1', 'a national 一级 under the Gansu template', { rows: rowsWith(0, { l1: '产出指标' }) }, {
    cells: ['A12'],
    count: 1,
    zh: /^一级指标「产出指标」不在所选模板的一级指标中（基本运行指标、重点履职指标、部门综合指标、可持续发展能力指标）/,
  }, gansu);
  failing('structure/unknown-level1', 'Gansu 一级 under the national template', {}, { count: 4, cells: ['A12'] }, PROFILES.national.options);

  // Published forms (DOMAIN §2a): template slots, 分值 columns, split blocks.
  passing('structure/template-slots', 'a form with every slot filled in', wholeSpendingForm());
  failing('structure/template-slots', 'the 自评表 with 「指标2：」「……」「/」 slots left in', selfEvaluationForm(), { count: 1, cells: ['D13'], zh: /5 行模板占位/ });
  passing('structure/level2-empty', 'a 二级 of only template slots is not applicable', selfEvaluationForm());
  passing('structure/no-weight-column', 'a per-三级 分值 column states the weights', wholeSpendingForm());
  passing('structure/duplicate-name', 'slots 「指标1：」 under several 二级 are no duplicates', selfEvaluationForm());

  // 完整性 (财预〔2015〕88号)
  passing('structure/required-blank', 'every starred 「*指标解释」 filled', { labels: { content: '*指标值内容' }, rows: validRows().map((r) => ({ ...r, content: r.content ?? '说明' })) });
  failing('structure/required-blank', 'a starred 「*指标解释」 left blank on some rows', { labels: { content: '*指标解释' } }, { count: 1, zh: /「指标解释」为必填项，有 \d+ 个指标未填写/ });
  failing('structure/required-blank', '指标值设定依据 left blank', { labels: { content: '指标值设定依据' }, rows: validRows().map((r, i) => ({ ...r, content: i === 0 ? '' : '依据三定方案' })) }, { cells: ['H12'], zh: /「指标值设定依据」为必填项，有 1 个指标未填写（第 12 行）/ });
  passing('structure/required-blank', 'a starred 「*计量单位」 blank on 定性 rows', { labels: { unit: '*计量单位' } });
  const national = { requiredLevel2: PROFILES.national.options.requiredLevel2 };
  passing('structure/level2-required', 'no template chosen', wholeSpendingForm());
  failing('structure/level2-required', 'the national template: 产出 without 成本指标', wholeSpendingForm(), { cells: ['A5'], zh: /「产出指标」下缺少所选模板要求的二级指标：成本指标/ }, national);
  const withCost = { ...withRows(wholeSpendingForm(), (g) => { g[9][1] = '成本指标'; g[9][2] = '单场活动平均成本'; g[9][6] = '≤0.5万元'; return g; }) };
  withCost.merges = (withCost.merges ?? []).map((m) => (m === 'B8:B10' ? 'B8:B9' : m));
  passing('structure/level2-required', 'the national template: 产出 with 数量、质量、时效、成本', withCost, national);
  passing('structure/goal-missing', 'the goal filled', {});
  failing('structure/goal-missing', 'the goal left blank beside its label', withRows(wholeSpendingForm(), (g) => { g[2][1] = null; return g; }), { cells: ['A3'] });

  // 相关性: the profile's 共性指标 library
  const library = PROFILES.national.options.library;
  passing('structure/library-near-match', 'no library without a profile', withRows(wholeSpendingForm(), (g) => { g[14][2] = '群众满意程度'; return g; }));
  passing('structure/library-near-match', 'the standard 群众满意度', wholeSpendingForm(), { library });
  failing('structure/library-near-match', '「群众满意程度」 near 群众满意度', withRows(wholeSpendingForm(), (g) => { g[14][2] = '群众满意程度'; return g; }), { cells: ['C15'], zh: /与共性指标「群众满意度」（单位 %）相近/ }, { library });
  passing('structure/library-level2', '群众满意度 under 服务对象满意度指标', wholeSpendingForm(), { library });
  failing('structure/library-level2', '验收合格率 filed under 时效指标', withRows(wholeSpendingForm(), (g) => { g[8][2] = '验收合格率'; g[8][6] = '100%'; return g; }), { cells: ['B8'], zh: /「验收合格率」应列在「质量」下，表中列在「时效指标」下/ }, { library });

  // 可行性: last year's table
  const lastYear = check(wholeSpendingForm()).tables[0].indicators;
  passing('structure/vanished-indicator', 'the same indicators as last year', wholeSpendingForm(), { previous: lastYear });
  failing('structure/vanished-indicator', 'last year\'s 送戏下乡场次 dropped', withRows(wholeSpendingForm(), (g) => { g[5][2] = '文艺培训场次'; return g; }), { cells: ['C4'], zh: /上年的 1 个定量指标本年未出现：「送戏下乡场次」/ }, { previous: lastYear });
});
