import { wholeSpendingForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/layouts.js';
import { failing, passing } from '../../../test/helpers/ruleCases.js';
import { DEFAULT_COLUMNS, check, rowsWith, validRows } from '../../../test/helpers/workbooks.js';

// The valid table's rows start at 12: row i of validRows() is sheet row 12 + i; 指标值 is column F.
describe('value-format rules', () => {
  passing('value-format/empty', 'every value filled', {});
  failing('value-format/empty', 'a blank value', { rows: rowsWith(4, { value: null }) }, { cells: ['F16'] });
  failing('value-format/empty', 'target hidden in the name', { rows: rowsWith(4, { name: '年度资金支付完成率100%', value: null }) }, { zh: /年度资金支付完成率100%/ });

  passing('value-format/type-invalid', '定量 and 定性', {});
  passing('value-format/type-invalid', 'full-width and spaced 定量', { rows: rowsWith(0, { type: ' 定量 ' }) });
  failing('value-format/type-invalid', 'type 数量', { rows: rowsWith(0, { type: '数量' }) }, { cells: ['E12'] });
  failing('value-format/type-invalid', 'type left blank', { rows: rowsWith(0, { type: '' }) });

  passing('value-format/not-number', 'comparators in every form', {
    rows: validRows().map((r, i) => (i === 3 ? { ...r, value: '＞＝８' } : i === 5 ? { ...r, value: '不超过3' } : i === 7 ? { ...r, value: '95%以上', unit: '%' } : r)),
  });
  failing('value-format/not-number', '稳步提升 as a 定量 value', { rows: rowsWith(3, { value: '稳步提升' }) }, { cells: ['F15'], zh: /定量指标的指标值应为数值/ });

  passing('value-format/unit-missing', 'unit inside the value', { rows: rowsWith(0, { value: '100%', unit: '' }) });
  failing('value-format/unit-missing', 'no unit anywhere', { rows: rowsWith(3, { unit: '' }) }, { cells: ['G15', 'F15'] });

  passing('value-format/unit-mismatch', 'same unit, full-width ％', { rows: rowsWith(0, { value: '100％', unit: '%' }) });
  failing('value-format/unit-mismatch', '≥8项 with unit 次', { rows: rowsWith(3, { value: '≥8项', unit: '次' }) }, { cells: ['F15', 'G15'] });

  passing('value-format/qualitative-number', 'words for a 定性 value', {});
  failing('value-format/qualitative-number', 'a 定性 value of 100', { rows: rowsWith(2, { value: 100 }) }, { cells: ['F14'] });

  passing('value-format/qualitative-unit', 'unit "-" on a 定性 row', { rows: rowsWith(2, { unit: '-' }) });
  failing('value-format/qualitative-unit', 'unit 项 on a 定性 row', { rows: rowsWith(2, { unit: '项' }) }, { cells: ['G14'] });

  passing('value-format/percent-over-100', '100 %, and 1 formatted 0%', { rows: rowsWith(0, { value: 1, valueFormat: '0%' }) });
  passing('value-format/percent-over-100', 'a growth rate may exceed 100 %', { rows: rowsWith(4, { name: '服务人次增长率', value: 120 }) });
  failing('value-format/percent-over-100', '办结率 ≥ 120 %', { rows: rowsWith(4, { value: '≥120' }) }, { cells: ['F16'] });
  failing('value-format/percent-over-100', '1.2 formatted 0% (displayed 120%)', { rows: rowsWith(4, { value: 1.2, valueFormat: '0%' }) });

  passing('value-format/negative', '≤ −5 % on a 变动率', { rows: rowsWith(1, { name: '“三公”经费变动率', value: '≤-5' }) });
  failing('value-format/negative', 'a negative count', { rows: rowsWith(3, { value: -2 }) }, { cells: ['F15'] });

  passing('value-format/content-differs', 'description repeats the figure', {});
  passing('value-format/content-differs', 'figures in other units are not compared', { rows: rowsWith(0, { content: '在职 8 人，编制 11 人，执行率 100%' }) });
  failing('value-format/content-differs', '不低于 95% beside ≥85', { rows: rowsWith(7, { value: '≥85' }) }, { cells: ['F19', 'I19'], zh: /95%.*≥85/ });

  passing('value-format/lower-is-better', '控制率 with ≤', {});
  passing('value-format/lower-is-better', '经费使用合规率 is higher-is-better', { rows: rowsWith(4, { name: '人员经费使用合规率', value: '≥100' }) });
  failing('value-format/lower-is-better', '控制率 with ≥', { rows: rowsWith(1, { value: '≥0' }) }, { cells: ['F13'] });
  failing('value-format/lower-is-better', '成本 with 不低于', { rows: rowsWith(4, { name: '单位服务成本', value: '不低于5', unit: '万元', remark: '' }) });

  passing('value-format/timeliness-unit', '时效 in 工作日', {});
  failing('value-format/timeliness-unit', '时效 in 项', { rows: rowsWith(5, { value: '≤3', unit: '项', remark: '' }) }, { cells: ['G17'] });

  passing('value-format/date-serial', 'a 时效 row in 工作日', {});
  failing('value-format/date-serial', 'a 时效 value stored as the serial 44561', { rows: rowsWith(5, { value: 44561, unit: '', remark: '' }) }, { cells: ['F17'], zh: /44561 看起来是日期 2021-12-31/ });
  failing('value-format/date-serial', 'a 度量单位 holding 44561', { rows: rowsWith(5, { value: '≤3', unit: '44561', remark: '' }) }, { cells: ['G17'] });

  // Deadlines, frequencies and per-period descriptions (DOMAIN §2a).
  passing('value-format/timeliness-unit', '「24小时内」「3个工作日内」「12月底前」', wholeSpendingForm());
  passing('value-format/timeliness-unit', '「1次/月」 and 「每季度1次」 in 时效', { rows: rowsWith(5, { value: '每季度1次', unit: '', remark: '' }) });
  passing('value-format/timeliness-unit', 'a deadline date in 时效', { rows: rowsWith(5, { value: '2026年12月31日前', unit: '', remark: '' }) });
  passing('value-format/not-number', 'a deadline date is a value', { rows: rowsWith(5, { value: '2026年6月底前', unit: '', remark: '' }) });
  passing('value-format/content-differs', '「每月不少于 2 场」 beside 24 场', wholeSpendingForm());
  failing('value-format/content-differs', '「每月不少于 3 场」 beside 24 场', withRows(wholeSpendingForm(), (g) => { g[4][7] = '每月不少于 3 场'; return g; }), { cells: ['G5', 'H5'] });
  passing('value-format/unit-mismatch', 'a zero-width space after 95', { rows: rowsWith(4, { value: '95\u200B', unit: '%', remark: '' }) });
  passing('value-format/unit-missing', 'value and unit in one 「指标值及单位」 column', wholeSpendingForm());
  passing('value-format/lower-is-better', '反向 with ≤ from 指标方向', wholeSpendingForm());
  failing('value-format/lower-is-better', '反向 in 指标性质 while 指标方向 says ≥', withRows(wholeSpendingForm(), (g) => { g[6][5] = '≥'; return g; }), { cells: ['G7'] });
  passing('value-format/lower-is-better', '正向 in 指标性质 overrides a name ending in 成本', withRows(wholeSpendingForm(), (g) => { g[5][2] = '送戏下乡节约成本'; return g; }));

  // 适当性 (财预〔2015〕88号)
  const optIn = { rules: { 'value-format/vague-target': 'info' as const } };
  passing('value-format/vague-target', 'off unless a reviewer turns it on', { rows: rowsWith(2, { value: '稳步提升' }) });
  passing('value-format/vague-target', '定性 targets a reviewer can check (健全)', { rows: validRows().map((r) => (r.type === '定性' ? { ...r, value: '健全' } : r)) }, optIn);
  failing('value-format/vague-target', '「稳步提升」 as a 定性 target', { rows: rowsWith(2, { value: '稳步提升' }) }, { cells: ['F14'], zh: /较笼统/ }, optIn);
  passing('value-format/quantitative-share', 'no least share set', { rows: validRows().map((r) => ({ ...r, type: '定性', value: '健全', unit: '' })) });
  passing('value-format/quantitative-share', 'the valid table against a least 60 %', {}, { minQuantitativeShare: 0.6 });
  failing('value-format/quantitative-share', 'a table of 定性 rows against a least 60 %', { rows: validRows().map((r) => ({ ...r, type: '定性', value: '健全', unit: '' })) }, { zh: /定量指标 0 个，占 0%.*低于要求的 60%/ }, { minQuantitativeShare: 0.6 });
  passing('value-format/cost-unit', 'a cost in 万元/家', wholeSpendingForm());
  failing('value-format/cost-unit', 'a cost in 场', withRows(wholeSpendingForm(), (g) => { g[6][1] = '成本指标'; g[6][2] = '活动成本控制'; g[6][6] = '≤20场'; return g; }), { cells: ['G7'] });
  passing('value-format/satisfaction-range', '满意度 ≥90%', wholeSpendingForm());
  failing('value-format/satisfaction-range', '满意度 in 分', withRows(wholeSpendingForm(), (g) => { g[14][6] = '≥90分'; return g; }), { cells: ['G15'], zh: /不是百分比/ });
  failing('value-format/satisfaction-range', '满意度 ≥50%', withRows(wholeSpendingForm(), (g) => { g[14][6] = '≥50%'; return g; }), { zh: /低于 60%/ });

  // 可行性 against last year's self-evaluated table: 24 场 targeted, 30 held.
  const selfEvaluated = (actual: number) => check({ columns: [...DEFAULT_COLUMNS.slice(0, 8), 'actual'], rows: rowsWith(3, { actual }).map((r, i) => (i === 3 ? r : { ...r, actual: r.value ?? null })) }).tables[0].indicators;
  passing('value-format/below-last-year', 'a target at last year\'s actual', {}, { previous: selfEvaluated(8) });
  failing('value-format/below-last-year', 'a target of ≥8 项 below last year\'s 10 项', {}, { cells: ['F15'], zh: /低于上年实际完成值 10项/ }, { previous: selfEvaluated(10) });
  passing('value-format/far-above-last-year', 'a target within twice last year\'s actual', {}, { previous: selfEvaluated(5) });
  failing('value-format/far-above-last-year', 'a target of ≥8 项 after 3 项 last year', {}, { cells: ['F15'], zh: /上年实际 3项 的 2 倍以上/ }, { previous: selfEvaluated(3) });
});
