// 指标值: filled, typed, parsed, plausible; against last year's table.
// Each rule's valid and invalid cases for the harness (tester.ts), on sheets built directly
// (tables.ts, grids.ts); the first invalid case is the rule's example in docs/RULES.md.
import { ruleCases, type RuleCases } from './tester.js';
import { contentDiffers, costUnit, dateSerial, lowerIsBetter, negative, notNumber, percentOver100, qualitativeNumber, qualitativeUnit, quantitativeShare, satisfactionRange, timelinessUnit, typeInvalid, unitMismatch, unitMissing, vagueTarget, valueEmpty } from './valueFormat.js';
import { belowLastYear, farAboveLastYear } from './previous.js';
import { checkWorkbook } from '../check.js';
import { wholeSpendingForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/grids.js';
import { DEFAULT_COLUMNS, rowsWith, snapshot, validRows } from '../../../test/helpers/tables.js';

// The valid table's rows start at 12: row i of validRows() is sheet row 12 + i; 指标值 is column F.
// 适当性 (财预〔2015〕88号)
const optIn = { rules: { 'value-format/vague-target': 'info' as const } };
// 可行性 against last year's self-evaluated table: 24 场 targeted, 30 held.
const selfEvaluated = (actual: number) => checkWorkbook(snapshot({ columns: [...DEFAULT_COLUMNS.slice(0, 8), 'actual'], rows: rowsWith(3, { actual }).map((r, i) => (i === 3 ? r : { ...r, actual: r.value ?? null })) })).tables[0].indicators;

export const valueFormatCases: RuleCases[] = [
  ruleCases(valueEmpty, {
    valid: [
      { title: 'every value filled', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'a blank value', workbook: snapshot({ rows: rowsWith(4, { value: null }) }), errors: [{ messageId: 'empty', cells: ['F16'] }] },
      { title: 'target hidden in the name', workbook: snapshot({ rows: rowsWith(4, { name: '年度资金支付完成率100%', value: null }) }), errors: [{ messageId: 'empty', cells: ['F16'], data: { name: '年度资金支付完成率100%' } }] },
    ],
  }),
  ruleCases(typeInvalid, {
    valid: [
      { title: '定量 and 定性', workbook: snapshot({}) },
      { title: 'full-width and spaced 定量', workbook: snapshot({ rows: rowsWith(0, { type: ' 定量 ' }) }) },
    ],
    invalid: [
      { title: 'type 数量', workbook: snapshot({ rows: rowsWith(0, { type: '数量' }) }), errors: [{ messageId: 'typeInvalid', cells: ['E12'] }] },
      { title: 'type left blank', workbook: snapshot({ rows: rowsWith(0, { type: '' }) }), errors: [{ messageId: 'typeInvalid', cells: ['E12'] }] },
    ],
  }),
  ruleCases(notNumber, {
    valid: [
      { title: 'comparators in every form', workbook: snapshot({
        rows: validRows().map((r, i) => (i === 3 ? { ...r, value: '＞＝８' } : i === 5 ? { ...r, value: '不超过3' } : i === 7 ? { ...r, value: '95%以上', unit: '%' } : r)),
      }) },
      { title: 'a deadline date is a value', workbook: snapshot({ rows: rowsWith(5, { value: '2026年6月底前', unit: '', remark: '' }) }) },
    ],
    invalid: [
      { title: '稳步提升 as a 定量 value', workbook: snapshot({ rows: rowsWith(3, { value: '稳步提升' }) }), errors: [{ messageId: 'notNumber', cells: ['F15'], data: { name: '核心服务工作完成项', value: '稳步提升' } }] },
    ],
  }),
  ruleCases(unitMissing, {
    valid: [
      { title: 'unit inside the value', workbook: snapshot({ rows: rowsWith(0, { value: '100%', unit: '' }) }) },
      { title: 'value and unit in one 「指标值及单位」 column', workbook: snapshot(wholeSpendingForm()) },
    ],
    invalid: [
      { title: 'no unit anywhere', workbook: snapshot({ rows: rowsWith(3, { unit: '' }) }), errors: [{ messageId: 'unitMissing', cells: ['G15', 'F15'] }] },
    ],
  }),
  ruleCases(unitMismatch, {
    valid: [
      { title: 'same unit, full-width ％', workbook: snapshot({ rows: rowsWith(0, { value: '100％', unit: '%' }) }) },
      { title: 'a zero-width space after 95', workbook: snapshot({ rows: rowsWith(4, { value: '95\u200B', unit: '%', remark: '' }) }) },
    ],
    invalid: [
      { title: '≥8项 with unit 次', workbook: snapshot({ rows: rowsWith(3, { value: '≥8项', unit: '次' }) }), errors: [{ messageId: 'unitMismatch', cells: ['F15', 'G15'] }] },
    ],
  }),
  ruleCases(qualitativeNumber, {
    valid: [
      { title: 'words for a 定性 value', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'a 定性 value of 100', workbook: snapshot({ rows: rowsWith(2, { value: 100 }) }), errors: [{ messageId: 'qualitativeNumber', cells: ['F14'] }] },
    ],
  }),
  ruleCases(qualitativeUnit, {
    valid: [
      { title: 'unit "-" on a 定性 row', workbook: snapshot({ rows: rowsWith(2, { unit: '-' }) }) },
    ],
    invalid: [
      { title: 'unit 项 on a 定性 row', workbook: snapshot({ rows: rowsWith(2, { unit: '项' }) }), errors: [{ messageId: 'qualitativeUnit', cells: ['G14'] }] },
    ],
  }),
  ruleCases(percentOver100, {
    valid: [
      { title: '100 %, and 1 formatted 0%', workbook: snapshot({ rows: rowsWith(0, { value: 1, valueFormat: '0%' }) }) },
      { title: 'a growth rate may exceed 100 %', workbook: snapshot({ rows: rowsWith(4, { name: '服务人次增长率', value: 120 }) }) },
    ],
    invalid: [
      { title: '办结率 ≥ 120 %', workbook: snapshot({ rows: rowsWith(4, { value: '≥120' }) }), errors: [{ messageId: 'percentOver100', cells: ['F16'] }] },
      { title: '1.2 formatted 0% (displayed 120%)', workbook: snapshot({ rows: rowsWith(4, { value: 1.2, valueFormat: '0%' }) }), errors: [{ messageId: 'percentOver100', cells: ['F16'] }] },
    ],
  }),
  ruleCases(negative, {
    valid: [
      { title: '≤ −5 % on a 变动率', workbook: snapshot({ rows: rowsWith(1, { name: '“三公”经费变动率', value: '≤-5' }) }) },
    ],
    invalid: [
      { title: 'a negative count', workbook: snapshot({ rows: rowsWith(3, { value: -2 }) }), errors: [{ messageId: 'negative', cells: ['F15'] }] },
    ],
  }),
  ruleCases(contentDiffers, {
    valid: [
      { title: 'description repeats the figure', workbook: snapshot({}) },
      { title: 'figures in other units are not compared', workbook: snapshot({ rows: rowsWith(0, { content: '在职 8 人，编制 11 人，执行率 100%' }) }) },
      { title: '「每月不少于 2 场」 beside 24 场', workbook: snapshot(wholeSpendingForm()) },
    ],
    invalid: [
      { title: '不低于 95% beside ≥85', workbook: snapshot({ rows: rowsWith(7, { value: '≥85' }) }), errors: [{ messageId: 'contentDiffers', cells: ['F19', 'I19'], data: { name: '职工整体满意度', stated: 95, value: '≥85', unit: '%' } }] },
      { title: '「每月不少于 3 场」 beside 24 场', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[4][7] = '每月不少于 3 场'; return g; })), errors: [{ messageId: 'contentDiffers', cells: ['G5', 'H5'] }] },
    ],
  }),
  ruleCases(lowerIsBetter, {
    valid: [
      { title: '控制率 with ≤', workbook: snapshot({}) },
      { title: '经费使用合规率 is higher-is-better', workbook: snapshot({ rows: rowsWith(4, { name: '人员经费使用合规率', value: '≥100' }) }) },
      { title: '反向 with ≤ from 指标方向', workbook: snapshot(wholeSpendingForm()) },
      { title: '正向 in 指标性质 overrides a name ending in 成本', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[5][2] = '送戏下乡节约成本'; return g; })) },
    ],
    invalid: [
      { title: '控制率 with ≥', workbook: snapshot({ rows: rowsWith(1, { value: '≥0' }) }), errors: [{ messageId: 'lowerIsBetter', cells: ['F13'] }] },
      { title: '成本 with 不低于', workbook: snapshot({ rows: rowsWith(4, { name: '单位服务成本', value: '不低于5', unit: '万元', remark: '' }) }), errors: [{ messageId: 'lowerIsBetter', cells: ['F16'] }] },
      { title: '反向 in 指标性质 while 指标方向 says ≥', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[6][5] = '≥'; return g; })), errors: [{ messageId: 'lowerIsBetter', cells: ['G7'] }] },
    ],
  }),
  ruleCases(timelinessUnit, {
    valid: [
      { title: '时效 in 工作日', workbook: snapshot({}) },
      // Deadlines, frequencies and per-period descriptions (DOMAIN §2a).
      { title: '「24小时内」「3个工作日内」「12月底前」', workbook: snapshot(wholeSpendingForm()) },
      { title: '「1次/月」 and 「每季度1次」 in 时效', workbook: snapshot({ rows: rowsWith(5, { value: '每季度1次', unit: '', remark: '' }) }) },
      { title: 'a deadline date in 时效', workbook: snapshot({ rows: rowsWith(5, { value: '2026年12月31日前', unit: '', remark: '' }) }) },
    ],
    invalid: [
      { title: '时效 in 项', workbook: snapshot({ rows: rowsWith(5, { value: '≤3', unit: '项', remark: '' }) }), errors: [{ messageId: 'timelinessUnit', cells: ['G17'] }] },
    ],
  }),
  ruleCases(dateSerial, {
    valid: [
      { title: 'a 时效 row in 工作日', workbook: snapshot({}) },
    ],
    invalid: [
      { title: 'a 时效 value stored as the serial 44561', workbook: snapshot({ rows: rowsWith(5, { value: 44561, unit: '', remark: '' }) }), errors: [{ messageId: 'dateSerial', cells: ['F17'], data: { name: '应急事项响应时间', serial: '44561', date: '2021-12-31' } }] },
      { title: 'a 度量单位 holding 44561', workbook: snapshot({ rows: rowsWith(5, { value: '≤3', unit: '44561', remark: '' }) }), errors: [{ messageId: 'dateSerial', cells: ['G17'] }] },
    ],
  }),
  ruleCases(vagueTarget, {
    valid: [
      { title: 'off unless a reviewer turns it on', workbook: snapshot({ rows: rowsWith(2, { value: '稳步提升' }) }) },
      { title: '定性 targets a reviewer can check (健全)', workbook: snapshot({ rows: validRows().map((r) => (r.type === '定性' ? { ...r, value: '健全' } : r)) }), options: optIn },
    ],
    invalid: [
      { title: '「稳步提升」 as a 定性 target', workbook: snapshot({ rows: rowsWith(2, { value: '稳步提升' }) }), options: optIn, errors: [{ messageId: 'vagueTarget', cells: ['F14'], data: { name: '财务管理制度健全性', value: '稳步提升' } }, { messageId: 'vagueTarget', cells: ['F18'], data: { name: '劳动关系和谐度', value: '提升' } }] },
    ],
  }),
  ruleCases(quantitativeShare, {
    valid: [
      { title: 'no least share set', workbook: snapshot({ rows: validRows().map((r) => ({ ...r, type: '定性', value: '健全', unit: '' })) }) },
      { title: 'the valid table against a least 60 %', workbook: snapshot({}), options: { minQuantitativeShare: 0.6 } },
    ],
    invalid: [
      { title: 'a table of 定性 rows against a least 60 %', workbook: snapshot({ rows: validRows().map((r) => ({ ...r, type: '定性', value: '健全', unit: '' })) }), options: { minQuantitativeShare: 0.6 }, errors: [{ messageId: 'quantitativeShare', cells: ['E11'], data: { share: 0, least: 0.6, count: 0, total: 10 } }] },
    ],
  }),
  ruleCases(costUnit, {
    valid: [
      { title: 'a cost in 万元/家', workbook: snapshot(wholeSpendingForm()) },
    ],
    invalid: [
      { title: 'a cost in 场', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[6][1] = '成本指标'; g[6][2] = '活动成本控制'; g[6][6] = '≤20场'; return g; })), errors: [{ messageId: 'costUnit', cells: ['G7'] }] },
    ],
  }),
  ruleCases(satisfactionRange, {
    valid: [
      { title: '满意度 ≥90%', workbook: snapshot(wholeSpendingForm()) },
    ],
    invalid: [
      { title: '满意度 in 分', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[14][6] = '≥90分'; return g; })), errors: [{ messageId: 'notPercent', cells: ['G15'], data: { name: '群众满意度', value: '≥90分' } }] },
      { title: '满意度 ≥50%', workbook: snapshot(withRows(wholeSpendingForm(), (g) => { g[14][6] = '≥50%'; return g; })), errors: [{ messageId: 'belowSixty', cells: ['G15'], data: { name: '群众满意度', value: '≥50%' } }] },
    ],
  }),
  ruleCases(belowLastYear, {
    valid: [
      { title: 'a target at last year\'s actual', workbook: snapshot({}), options: { previous: selfEvaluated(8) } },
    ],
    invalid: [
      { title: 'a target of ≥8 项 below last year\'s 10 项', workbook: snapshot({}), options: { previous: selfEvaluated(10) }, errors: [{ messageId: 'belowLastYear', cells: ['F15'], data: { name: '核心服务工作完成项', target: '≥8', last: '10项', what: 'actual' } }] },
    ],
  }),
  ruleCases(farAboveLastYear, {
    valid: [
      { title: 'a target within twice last year\'s actual', workbook: snapshot({}), options: { previous: selfEvaluated(5) } },
    ],
    invalid: [
      { title: 'a target of ≥8 项 after 3 项 last year', workbook: snapshot({}), options: { previous: selfEvaluated(3) }, errors: [{ messageId: 'farAboveLastYear', cells: ['F15'], data: { name: '核心服务工作完成项', target: '≥8', last: '3项' } }] },
    ],
  }),
];
