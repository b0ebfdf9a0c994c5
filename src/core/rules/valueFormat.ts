// 指标值: filled, typed 定量/定性, parsed as [comparator] number [unit] for 定量, with
// plausibility checks on percentages, signs, direction and the unit of 时效指标.
import type { IndicatorRow } from '../recognise/tableModel.js';
import { defineRule } from './rule.js';
import { formatNumber, toHalfWidth } from '../sheet/text.js';
import { looksLikeDateSerial, serialDate } from '../sheet/value.js';
import { columnLetter as columnLetterOf } from '../sheet/a1.js';
import { belowLastYear, farAboveLastYear } from './previous.js';
import { isLowerBetter } from '../recognise/direction.js';

export { belowLastYear, farAboveLastYear };

const n = formatNumber;

function valueCells(r: IndicatorRow): string[] {
  return r.cells.value ? [r.cells.value] : [];
}

/** An Excel date serial where a time or unit belongs (44561 = 2021-12-31), as the date it stands for. */
function dateSerialOf(r: IndicatorRow): string | undefined {
  const unit = toHalfWidth(r.unitText).trim();
  if (/^\d+$/.test(unit) && looksLikeDateSerial(Number(unit))) return serialDate(Number(unit));
  const v = r.value;
  if (/时效/.test(r.level2) && v.kind === 'number' && v.unit === '' && r.unit === '' && v.number !== undefined && looksLikeDateSerial(v.number)) return serialDate(v.number);
  return undefined;
}

/** The unit an indicator is measured in: 度量单位, else the unit written in the value. */
function unitOf(r: IndicatorRow): string {
  return r.unit !== '' ? r.unit : r.value.unit;
}

export const valueEmpty = defineRule<{ name: string }, 'empty'>({
  id: 'value-format/empty',
  severity: 'error',
  topic: 'value-format',
  dimension: 'completeness',
  description: { zh: '每个三级指标都应填写指标值。', en: 'Every indicator has a target value.' },
  messages: {
    empty: {
      zh: ({ name }) => `三级指标「${name}」的指标值为空，请在指标值列填写目标值（目标写在指标名称中不算填写）。`,
      en: ({ name }) => `Indicator "${name}" has no target value; fill in the value column (a target inside the name does not count).`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.value.kind === 'empty') report({ messageId: 'empty', cells: valueCells(r), data: { name: r.name }, indicatorRow: r.row });
    }
  },
});

export const typeInvalid = defineRule<{ name: string; text: string }, 'typeInvalid'>({
  id: 'value-format/type-invalid',
  severity: 'error',
  topic: 'value-format',
  dimension: 'completeness',
  description: { zh: '指标值类型应为「定量」或「定性」。', en: 'The value type is 定量 (quantitative) or 定性 (qualitative).' },
  messages: {
    typeInvalid: {
      zh: ({ name, text }) => `三级指标「${name}」的指标值类型「${text}」应为「定量」或「定性」，请改正。`,
      en: ({ name, text }) => `The value type "${text}" of indicator "${name}" should be 定量 or 定性; correct it.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.typeInferred || r.type !== '') continue;
      report({ messageId: 'typeInvalid', cells: r.cells.type ? [r.cells.type] : [], data: { name: r.name, text: r.typeText }, indicatorRow: r.row });
    }
  },
});

export const notNumber = defineRule<{ name: string; value: string }, 'notNumber'>({
  id: 'value-format/not-number',
  severity: 'error',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '定量指标的指标值应为数值，可带比较符号和单位，如「≥95」「100%」。',
    en: 'A quantitative target is a number, optionally with a comparator and unit, e.g. "≥95", "100%".',
  },
  messages: {
    notNumber: {
      zh: ({ name, value }) => `定量指标「${name}」的指标值「${value}」不是数值。定量指标的指标值应为数值，请改为如「≥95」的形式，或将指标值类型改为定性。`,
      en: ({ name, value }) => `Quantitative indicator "${name}" has the value "${value}", which is not a number. Write a number such as "≥95", or make the indicator qualitative.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.type === '定量' && r.value.kind === 'text') report({ messageId: 'notNumber', cells: valueCells(r), data: { name: r.name, value: r.valueText }, indicatorRow: r.row });
    }
  },
});

export const unitMissing = defineRule<{ name: string }, 'unitMissing'>({
  id: 'value-format/unit-missing',
  severity: 'error',
  topic: 'value-format',
  dimension: 'completeness',
  description: { zh: '定量指标应写明度量单位（在度量单位列或指标值中）。', en: 'A quantitative indicator states its unit (in the unit column or in the value).' },
  messages: {
    unitMissing: {
      zh: ({ name }) => `定量指标「${name}」没有度量单位，请在度量单位列填写（如 %、项、次、工作日）。`,
      en: ({ name }) => `Quantitative indicator "${name}" has no unit; fill in the unit column (e.g. %, items, times, working days).`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.type !== '定量' || r.value.kind !== 'number' || unitOf(r) !== '' || dateSerialOf(r)) continue;
      const cells = [r.cells.unit, r.cells.value].filter((c): c is string => c !== undefined);
      report({ messageId: 'unitMissing', cells, data: { name: r.name }, indicatorRow: r.row });
    }
  },
});

export const unitMismatch = defineRule<{ name: string; inValue: string; column: string }, 'unitMismatch'>({
  id: 'value-format/unit-mismatch',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: { zh: '指标值中写的单位应与度量单位一致。', en: 'A unit written inside the value agrees with the unit column.' },
  messages: {
    unitMismatch: {
      zh: ({ name, inValue, column }) => `指标「${name}」的指标值中单位为「${inValue}」，与度量单位「${column}」不一致，请统一。`,
      en: ({ name, inValue, column }) => `Indicator "${name}" has the unit "${inValue}" in its value but "${column}" in the unit column; make them agree.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.value.kind !== 'number' || r.value.unit === '' || r.unit === '' || r.value.unit === r.unit) continue;
      // A date, or a frequency in the unit's own count ("1次/月" beside 次), agrees.
      if (r.value.date !== undefined || r.value.unit.startsWith(`${r.unit}/`)) continue;
      const cells = [r.cells.value, r.cells.unit].filter((c): c is string => c !== undefined);
      report({ messageId: 'unitMismatch', cells, data: { name: r.name, inValue: r.value.unit, column: r.unitText }, indicatorRow: r.row });
    }
  },
});

export const qualitativeNumber = defineRule<{ name: string; value: string }, 'qualitativeNumber'>({
  id: 'value-format/qualitative-number',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: { zh: '定性指标的指标值不应是一个数字。', en: 'A qualitative target is not a bare number.' },
  messages: {
    qualitativeNumber: {
      zh: ({ name, value }) => `定性指标「${name}」的指标值是数字「${value}」，请确认指标值类型是否应为定量，或用文字描述目标。`,
      en: ({ name, value }) => `Qualitative indicator "${name}" has the number "${value}" as its value; should it be quantitative, or be described in words?`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.type === '定性' && !r.typeInferred && r.value.kind === 'number') report({ messageId: 'qualitativeNumber', cells: valueCells(r), data: { name: r.name, value: r.valueText }, indicatorRow: r.row });
    }
  },
});

export const qualitativeUnit = defineRule<{ name: string; unit: string }, 'qualitativeUnit'>({
  id: 'value-format/qualitative-unit',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: { zh: '定性指标的度量单位应为空或「-」。', en: 'A qualitative indicator has no unit (blank or "-").' },
  messages: {
    qualitativeUnit: {
      zh: ({ name, unit }) => `定性指标「${name}」填写了度量单位「${unit}」，定性指标的度量单位应为空或「-」。`,
      en: ({ name, unit }) => `Qualitative indicator "${name}" has the unit "${unit}"; a qualitative indicator's unit is blank or "-".`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.type === '定性' && r.unit !== '') report({ messageId: 'qualitativeUnit', cells: r.cells.unit ? [r.cells.unit] : [], data: { name: r.name, unit: r.unitText }, indicatorRow: r.row });
    }
  },
});

export const percentOver100 = defineRule<{ name: string; value: string }, 'percentOver100'>({
  id: 'value-format/percent-over-100',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'feasibility',
  description: { zh: '以 % 计的比率目标（≥、>、= 或无符号）不应超过 100%。', en: 'A percentage rate target (≥, >, = or none) is not above 100 %.' },
  messages: {
    percentOver100: {
      zh: ({ name, value }) => `指标「${name}」的指标值「${value}」超过 100%，比率一般不超过 100%，请核对。`,
      en: ({ name, value }) => `Indicator "${name}" has the value "${value}", above 100 %; a rate is normally at most 100 %.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      const v = r.value;
      if (v.kind !== 'number' || v.number === undefined || unitOf(r) !== '%') continue;
      if (v.comparator === '<=' || v.comparator === '<') continue;
      if (/增长率|变动率|增幅|变化率|提高|增长/.test(r.name)) continue;
      if (v.number > 100) report({ messageId: 'percentOver100', cells: valueCells(r), data: { name: r.name, value: r.valueText }, indicatorRow: r.row });
    }
  },
});

export const negative = defineRule<{ name: string; value: string }, 'negative'>({
  id: 'value-format/negative',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'feasibility',
  description: { zh: '指标值一般不为负数（变动率、增长率以 ≤ 表示下降的除外）。', en: 'Targets are not negative (except ≤ on change or growth rates).' },
  messages: {
    negative: {
      zh: ({ name, value }) => `指标「${name}」的指标值「${value}」为负数，请核对。`,
      en: ({ name, value }) => `Indicator "${name}" has a negative value "${value}"; check it.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      const v = r.value;
      if (v.kind !== 'number' || v.number === undefined || v.number >= 0) continue;
      if ((v.comparator === '<=' || v.comparator === '<') && /变动率|增长率|变化率|增幅/.test(r.name)) continue;
      report({ messageId: 'negative', cells: valueCells(r), data: { name: r.name, value: r.valueText }, indicatorRow: r.row });
    }
  },
});

const patterns = new Map<string, RegExp>();

function figurePattern(unit: string): RegExp {
  let re = patterns.get(unit);
  if (!re) {
    const escaped = unit.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
    re = new RegExp(`(\\d+(?:\\.\\d+)?)个?${escaped}`, 'g');
    patterns.set(unit, re);
  }
  re.lastIndex = 0;
  return re;
}

/** How many of a period make a year: "每月不少于 2 场" is 24 场 a year. */
const PER_YEAR: [RegExp, number][] = [
  [/(每个?月|月均|每月度)[^\d]{0,6}$/, 12],
  [/(每个?季度?|季均)[^\d]{0,6}$/, 4],
  [/(每个?周|周均)[^\d]{0,6}$/, 52],
  [/每半年[^\d]{0,6}$/, 2],
];

/**
 * Figures stated in prose with a unit, e.g. "不低于 95%" → 95 (%), "3 个工作日" → 3 (工作日). A
 * figure per month, quarter or week is stated both as written and as a year's total, either of which may match.
 */
function statedFigures(text: string, unit: string): number[][] {
  if (!text || unit === '') return [];
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const out: number[][] = [];
  if (!t.includes(unit)) return out;
  const re = figurePattern(unit);
  for (const m of t.matchAll(re)) {
    const f = Number(m[1]);
    // "2026 年" beside unit 年 is a year, not a figure.
    if (unit === '年' && f >= 1900) continue;
    const before = t.slice(Math.max(0, (m.index ?? 0) - 10), m.index);
    const per = PER_YEAR.find(([p]) => p.test(before));
    out.push(per ? [f, f * per[1]] : [f]);
  }
  return out;
}

export const contentDiffers = defineRule<{ name: string; stated: number; value: string; unit: string }, 'contentDiffers'>({
  id: 'value-format/content-differs',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '指标值内容或备注中写的数值应与指标值一致（同一单位）。',
    en: 'A figure stated in the description or remark (same unit) matches the target value.',
  },
  messages: {
    contentDiffers: {
      zh: ({ name, stated, value, unit }) => `指标「${name}」的说明中写的是 ${n(stated)}${unit}，而指标值为「${value}」，请统一。`,
      en: ({ name, stated, value, unit }) => `Indicator "${name}" states ${n(stated)}${unit} in its description but its value is "${value}"; make them agree.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      const v = r.value;
      if (v.kind !== 'number' || v.number === undefined) continue;
      const unit = unitOf(r);
      for (const [text, cell] of [
        [r.content, r.cells.content],
        [r.remark, r.cells.remark],
      ] as const) {
        const figures = statedFigures(text, unit);
        if (figures.length === 0 || figures.some((ways) => ways.some((f) => Math.abs(f - (v.number ?? NaN)) < 1e-9))) continue;
        const cells = [r.cells.value, cell].filter((c): c is string => c !== undefined);
        report({ messageId: 'contentDiffers', cells, data: { name: r.name, stated: figures[0][0], value: r.valueText, unit }, indicatorRow: r.row });
        break;
      }
    }
  },
});


export const lowerIsBetter = defineRule<{ name: string; value: string }, 'lowerIsBetter'>({
  id: 'value-format/lower-is-better',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '越低越好的指标（指标性质为反向，或控制率、变动率、投诉率、差错率、成本、经费）不应用 ≥ 表示。',
    en: 'Lower-is-better indicators (control, change, complaint, error rates; costs) are not written with ≥.',
  },
  messages: {
    lowerIsBetter: {
      zh: ({ name, value }) => `指标「${name}」越低越好，但指标值「${value}」用了「≥」，请确认是否应为「≤」。`,
      en: ({ name, value }) => `Lower is better for "${name}", but its value "${value}" uses "≥"; should it be "≤"?`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      const c = r.value.comparator;
      const lower = r.direction ? r.direction === 'lower' : isLowerBetter(r.name);
      if ((c === '>=' || c === '>') && lower) report({ messageId: 'lowerIsBetter', cells: valueCells(r), data: { name: r.name, value: r.valueText }, indicatorRow: r.row });
    }
  },
});

const TIME_UNITS = new Set(['日', '天', '工作日', '周', '月', '个月', '季度', '年', '半年', '小时', '分钟', '%', '日期']);

/** A time, a % rate, a date, or a frequency ("次/月", "1次/季度"): all valid 时效 targets. */
function isTimeUnit(unit: string): boolean {
  if (TIME_UNITS.has(unit)) return true;
  const per = /\/(.+)$/.exec(unit);
  return per !== null && TIME_UNITS.has(per[1]);
}

export const timelinessUnit = defineRule<{ name: string; unit: string }, 'timelinessUnit'>({
  id: 'value-format/timeliness-unit',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '时效指标应以时间（日、工作日、周、月、季度、年、小时）或 % 比率计量。',
    en: 'Timeliness indicators are measured in time (days, weeks, months, quarters, years, hours) or a % rate.',
  },
  messages: {
    timelinessUnit: {
      zh: ({ name, unit }) => `时效指标「${name}」的单位「${unit}」不是时间单位，请改为日、工作日、月等时间单位或 % 比率。`,
      en: ({ name, unit }) => `Timeliness indicator "${name}" is measured in "${unit}", not a unit of time; use days, months, … or a % rate.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (!/时效/.test(r.level2) || r.type !== '定量') continue;
      const unit = unitOf(r);
      if (unit === '' || isTimeUnit(unit) || dateSerialOf(r)) continue;
      report({ messageId: 'timelinessUnit', cells: [r.cells.unit ?? r.cells.value].filter((c): c is string => c !== undefined), data: { name: r.name, unit }, indicatorRow: r.row });
    }
  },
});

export const dateSerial = defineRule<{ name: string; serial: string; date: string }, 'dateSerial'>({
  id: 'value-format/date-serial',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '指标值或度量单位中的五位数（如 44561）往往是 Excel 把日期存成的序号，应写成日期或时间。',
    en: 'A five-digit number in a value or unit (e.g. 44561) is often a date Excel stored as its serial; write the date or a time instead.',
  },
  messages: {
    dateSerial: {
      zh: ({ name, serial, date }) => `指标「${name}」中的 ${serial} 看起来是日期 ${date}（Excel 的日期序号），请写成「${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日前」或改用时间单位。`,
      en: ({ name, serial, date }) => `The ${serial} of indicator "${name}" looks like the date ${date} (an Excel date serial); write it as a date or use a unit of time.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      const date = dateSerialOf(r);
      if (!date) continue;
      const serialInUnit = /^\d+$/.test(toHalfWidth(r.unitText).trim());
      const serial = serialInUnit ? toHalfWidth(r.unitText).trim() : r.valueText;
      const cell = serialInUnit ? r.cells.unit : r.cells.value;
      report({ messageId: 'dateSerial', cells: cell ? [cell] : [], data: { name: r.name, serial, date }, indicatorRow: r.row });
    }
  },
});

/** Words that describe a direction, not a target a reviewer can check (财预〔2021〕101号: targets are to be specific and measurable). */
const VAGUE = /(稳步|逐步|有所|进一步|持续|不断|明显|显著|大幅|较大|普遍)(提升|提高|改善|增强|加强|增长|好转|上升)|^(提升|提高|改善|增强|加强)$|达到预期|符合预期|较好|较高|显著|良好|有效|明显/;

export const vagueTarget = defineRule<{ name: string; value: string }, 'vagueTarget'>({
  id: 'value-format/vague-target',
  severity: 'info',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '指标值写成「稳步提升」「有所提高」「达到预期」「较好」「显著」等笼统说法时，审核人无法检验，建议量化或写明可检验的标准。',
    en: 'A target such as 稳步提升 (steadily improve) or 达到预期 (as expected) cannot be checked; quantify it or state a verifiable standard.',
  },
  // A reviewer's opt-in: most templates' 定性 rows are written this way.
  recommended: false,
  messages: {
    vagueTarget: {
      zh: ({ name, value }) => `指标「${name}」的指标值「${value}」较笼统，难以检验是否完成，建议量化（如「≥95%」「≥3项」）或写明可检验的标准。`,
      en: ({ name, value }) => `The target "${value}" of "${name}" is vague and hard to verify; quantify it (e.g. "≥95%") or state a verifiable standard.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.value.kind !== 'text' || /\d/.test(r.valueText) || !VAGUE.test(toHalfWidth(r.valueText).replace(/\s+/g, ''))) continue;
      // A 定量 row with words is already an error (not-number); this is for 定性 rows.
      if (r.type === '定量') continue;
      report({ messageId: 'vagueTarget', cells: valueCells(r), data: { name: r.name, value: r.valueText }, indicatorRow: r.row });
    }
  },
});

export const quantitativeShare = defineRule<{ share: number; least: number; count: number; total: number }, 'quantitativeShare'>({
  id: 'value-format/quantitative-share',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '设置了定量指标最低占比时，表中定量指标的比例不应低于它（默认不检查）。',
    en: 'Where a least share of quantitative indicators is set, the table has at least that share (off by default).',
  },
  messages: {
    quantitativeShare: {
      zh: ({ share, least, count, total }) => `表中定量指标 ${count} 个，占 ${n(Math.round(share * 100))}%（共 ${total} 个），低于要求的 ${n(Math.round(least * 100))}%，请将可量化的指标改为定量。`,
      en: ({ share, least, count, total }) => `${count} of ${total} indicators (${n(Math.round(share * 100))} %) are quantitative, below the required ${n(Math.round(least * 100))} %; make measurable ones quantitative.`,
    },
  },
  check({ table, options }, report) {
    const least = options.minQuantitativeShare;
    if (least === undefined || table.indicators.length === 0) return;
    const count = table.indicators.filter((r) => r.type === '定量').length;
    const share = count / table.indicators.length;
    if (share + 1e-9 >= least) return;
    const cell = table.columns.type ?? table.columns.value;
    report({ messageId: 'quantitativeShare', cells: cell === undefined ? [] : [`${columnLetterOf(cell)}${table.headerRow}`], data: { share, least, count, total: table.indicators.length } });
  },
});

/** Under 成本指标 (as 二级, or as the 一级 of the 2021 national form). */
function isCostRow(r: IndicatorRow): boolean {
  return /成本/.test(r.level2) || /^成本指标$/.test(r.level1);
}

export const costUnit = defineRule<{ name: string; unit: string }, 'costUnit'>({
  id: 'value-format/cost-unit',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '成本指标应以金额（元、万元）、单位成本（元/人、万元/公里）或控制比率（%）计量。',
    en: 'Cost indicators are measured in money (元, 万元), a unit cost (元/人) or a control rate (%).',
  },
  messages: {
    costUnit: {
      zh: ({ name, unit }) => `成本指标「${name}」的单位「${unit}」不是金额或单位成本，请改为元、万元、元/人等，或用 % 表示成本控制率。`,
      en: ({ name, unit }) => `Cost indicator "${name}" is measured in "${unit}", not money or a unit cost; use 元, 万元, 元/人 … or a % rate.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (!isCostRow(r) || r.type !== '定量' || r.value.kind !== 'number') continue;
      const unit = unitOf(r);
      if (unit === '' || /元|%|百分点/.test(unit)) continue;
      report({ messageId: 'costUnit', cells: [r.cells.unit ?? r.cells.value].filter((c): c is string => c !== undefined), data: { name: r.name, unit }, indicatorRow: r.row });
    }
  },
});

export const satisfactionRange = defineRule<{ name: string; value: string }, 'notPercent' | 'belowSixty'>({
  id: 'value-format/satisfaction-range',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'appropriateness',
  description: {
    zh: '满意度指标应以 % 计，目标一般在 60% 到 100% 之间。',
    en: 'Satisfaction targets are percentages, normally between 60 % and 100 %.',
  },
  messages: {
    notPercent: {
      zh: ({ name, value }) => `满意度指标「${name}」的指标值「${value}」不是百分比，请以 % 表示（如「≥90%」）。`,
      en: ({ name, value }) => `Satisfaction indicator "${name}" has the value "${value}", not a percentage; write it in % (e.g. "≥90%").`,
    },
    belowSixty: {
      zh: ({ name, value }) => `满意度指标「${name}」的目标「${value}」低于 60%，请核对。`,
      en: ({ name, value }) => `Satisfaction target "${value}" of "${name}" is below 60 %; check it.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (!/满意/.test(r.level2 + r.level1 + r.name) || r.type !== '定量' || r.value.kind !== 'number' || r.value.number === undefined) continue;
      const unit = unitOf(r);
      // Above 100 % is percent-over-100's finding.
      if (unit === '%' && r.value.number >= 60) continue;
      if (unit === '' ) continue; // unit-missing says it
      report({ messageId: unit === '%' ? 'belowSixty' : 'notPercent', cells: valueCells(r), data: { name: r.name, value: r.valueText }, indicatorRow: r.row });
    }
  },
});

export const valueFormatRules = [valueEmpty, typeInvalid, notNumber, unitMissing, unitMismatch, qualitativeNumber, qualitativeUnit, percentOver100, negative, contentDiffers, lowerIsBetter, timelinessUnit, dateSerial, vagueTarget, quantitativeShare, costUnit, satisfactionRange, belowLastYear, farAboveLastYear];
