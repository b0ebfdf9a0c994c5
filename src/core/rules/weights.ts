// 权重: every 一级 weight present and positive, Σ一级 = 100 (less reserved points),
// and 二级 weights / per-三级 分值 adding up to their parent.
import { defineRule, nearlyEqual } from './rule.js';
import { formatNumber } from '../sheet/text.js';
import { NATIONAL_WEIGHTS } from '../profiles/national.js';

const n = formatNumber;

export const level1Missing = defineRule<{ name: string; text: string }, 'missing' | 'notNumber'>({
  id: 'weights/level1-missing',
  severity: 'error',
  topic: 'weights',
  dimension: 'appropriateness',
  description: { zh: '每个一级指标都应填写大于 0 的数值权重。', en: 'Every first-level indicator has a numeric weight above 0.' },
  messages: {
    missing: {
      zh: ({ name }) => `一级指标「${name}」未填写权重，请填写该指标的权重。`,
      en: ({ name }) => `First-level indicator "${name}" has no weight; fill in its weight.`,
    },
    notNumber: {
      zh: ({ name, text }) => `一级指标「${name}」的权重「${text}」不是大于 0 的数值，请改为数字。`,
      en: ({ name, text }) => `The weight "${text}" of first-level indicator "${name}" is not a number above 0; enter a number.`,
    },
  },
  check({ table }, report) {
    if (table.columns.weight === undefined) return;
    for (const g of table.level1) {
      if (g.weight !== undefined && g.weight > 0) continue;
      report({ messageId: g.weightText === '' ? 'missing' : 'notNumber', cells: g.weightCell ? [g.weightCell] : [], data: { name: g.name, text: g.weightText } });
    }
  },
});

interface SumData {
  sum: number;
  expected: number;
  reserved: number;
  /** What was added up: the 一级 weights, or the 三级 分值 where the table gives only those. */
  basis: 'weights' | 'points';
}

const summed = ({ basis }: SumData) => (basis === 'points' ? { zh: '三级指标分值合计', en: 'Third-level points add up to' } : { zh: '一级指标权重合计', en: 'First-level weights add up to' });
const adjust = ({ basis }: SumData) => (basis === 'points' ? { zh: '请调整各指标分值', en: 'Adjust the points' } : { zh: '请调整各一级指标权重', en: 'Adjust the weights' });

export const level1Sum = defineRule<SumData, 'notHundred' | 'notHundredLessReserved'>({
  id: 'weights/level1-sum',
  severity: 'error',
  topic: 'weights',
  dimension: 'appropriateness',
  description: {
    zh: '一级指标权重合计应为 100（设置了预留分值时为 100 减预留分值）；表中只有三级分值时，分值合计同样如此。',
    en: 'First-level weights add up to 100 (100 less the reserved points when set); so do the third-level points where only they are given.',
  },
  messages: {
    notHundred: {
      zh: (d) => `${summed(d).zh} ${n(d.sum)}，应为 100，${adjust(d).zh}；如有表外评分项（如预算执行率），请在设置中填写预留分值。`,
      en: (d) => `${summed(d).en} ${n(d.sum)}, not 100. ${adjust(d).en}, or set the reserved points if an item (e.g. budget execution rate) is scored outside the table.`,
    },
    notHundredLessReserved: {
      zh: (d) => `${summed(d).zh} ${n(d.sum)}，应为 ${n(d.expected)}（100 分中预留 ${n(d.reserved)} 分在表外评分），${adjust(d).zh}。`,
      en: (d) => `${summed(d).en} ${n(d.sum)}; they should be ${n(d.expected)} (${n(d.reserved)} of 100 points are reserved outside the table). ${adjust(d).en}.`,
    },
  },
  check({ table, weightSource, reserved, level1Weight }, report) {
    if (weightSource !== 'table') return;
    const weights = table.level1.map((g) => level1Weight.get(g));
    if (weights.some((w) => w === undefined)) return; // level1-missing says it
    const sum = weights.reduce<number>((a, w) => a + (w ?? 0), 0);
    const expected = 100 - reserved;
    if (nearlyEqual(sum, expected)) return;
    const basis = table.columns.weight === undefined && table.level1.every((g) => g.labelPoints === undefined) ? 'points' : 'weights';
    const cells = table.level1
      .map((g) => g.weightCell ?? (g.labelPoints !== undefined ? g.labelCell : undefined) ?? g.indicators[0]?.cells.points)
      .filter((c): c is string => c !== undefined);
    report({ messageId: reserved > 0 ? 'notHundredLessReserved' : 'notHundred', cells, data: { sum, expected, reserved, basis } });
  },
});

export const level2Missing = defineRule<{ name: string }, 'level2Missing'>({
  id: 'weights/level2-missing',
  severity: 'error',
  topic: 'weights',
  dimension: 'appropriateness',
  description: { zh: '表中有二级指标权重列时，每个二级指标都应填写权重。', en: 'Where the table has a second-level weight column, every second-level indicator has a weight there.' },
  messages: {
    level2Missing: {
      zh: ({ name }) => `二级指标「${name}」的权重为空，而表中设有二级权重列，请填写该二级指标的权重。`,
      en: ({ name }) => `Second-level indicator "${name}" has no weight although the table has a second-level weight column; fill it in.`,
    },
  },
  check({ table }, report) {
    if (table.columns.l2weight === undefined) return;
    for (const g of table.level1) {
      for (const s of g.level2) {
        if (s.weightText !== '' || s.indicators.length === 0) continue;
        report({ messageId: 'level2Missing', cells: [s.weightCell ?? s.labelCell].filter((c): c is string => c !== undefined), data: { name: s.name } });
      }
    }
  },
});

export const nationalDeparture = defineRule<{ list: string }, 'nationalDeparture'>({
  id: 'weights/national-departure',
  severity: 'info',
  topic: 'weights',
  dimension: 'appropriateness',
  description: {
    zh: '全国通用表的一级权重与财预〔2020〕10号建议的产出 50、效益 30、满意度 10 不同（该办法允许调整，仅作提示）。',
    en: 'A national form whose first-level weights differ from the 50/30/10 suggested by Cai Yu [2020] No. 10 (allowed; for information).',
  },
  messages: {
    nationalDeparture: {
      zh: ({ list }) => `一级指标权重与财预〔2020〕10号的建议值不同：${list}。该办法允许按实际调整，请确认是有意为之。`,
      en: ({ list }) => `First-level weights differ from the values suggested by Cai Yu [2020] No. 10: ${list}. Adjustment is allowed; please confirm it is intended.`,
    },
  },
  check({ table, weightSource, level1Weight }, report) {
    if (!table.national || weightSource !== 'table') return;
    const differing = table.level1.filter((g) => {
      const suggested = NATIONAL_WEIGHTS[g.name];
      const w = level1Weight.get(g);
      return suggested !== undefined && w !== undefined && !nearlyEqual(w, suggested);
    });
    if (differing.length === 0) return;
    const list = differing.map((g) => `${g.name} ${n(level1Weight.get(g) ?? 0)}（建议 ${n(NATIONAL_WEIGHTS[g.name])}）`).join('，');
    const cells = differing.map((g) => g.weightCell ?? g.labelCell).filter((c): c is string => c !== undefined);
    report({ messageId: 'nationalDeparture', cells, data: { list } });
  },
});

export const level2Sum = defineRule<{ name: string; sum: number; weight: number }, 'level2Sum'>({
  id: 'weights/level2-sum',
  severity: 'error',
  topic: 'weights',
  dimension: 'appropriateness',
  description: { zh: '二级指标权重之和应等于所属一级指标的权重。', en: 'Second-level weights add up to their first-level weight.' },
  messages: {
    level2Sum: {
      zh: ({ name, sum, weight }) => `一级指标「${name}」下二级指标权重合计 ${n(sum)}，与一级权重 ${n(weight)} 不一致，请调整。`,
      en: ({ name, sum, weight }) => `Second-level weights under "${name}" add up to ${n(sum)}, not its weight ${n(weight)}; adjust them.`,
    },
  },
  check({ table, level1Weight }, report) {
    if (table.columns.l2weight === undefined) return;
    for (const g of table.level1) {
      const weight = level1Weight.get(g);
      if (weight === undefined || g.level2.length === 0) continue;
      if (g.level2.some((s) => s.weight === undefined)) continue;
      const sum = g.level2.reduce((a, s) => a + (s.weight ?? 0), 0);
      if (nearlyEqual(sum, weight)) continue;
      const cells = [g.weightCell, ...g.level2.map((s) => s.weightCell)].filter((c): c is string => c !== undefined);
      report({ messageId: 'level2Sum', cells, data: { name: g.name, sum, weight } });
    }
  },
});

export const pointsSum = defineRule<{ parent: string; sum: number; weight: number }, 'pointsSum'>({
  id: 'weights/points-sum',
  severity: 'error',
  topic: 'weights',
  dimension: 'appropriateness',
  description: {
    zh: '三级指标分值之和应等于所属二级（无二级权重时为一级）指标的权重，每个分值都应为数字。',
    en: 'Third-level points add up to their parent weight (second level if weighted, else first level); each is a number.',
  },
  messages: {
    pointsSum: {
      zh: ({ parent, sum, weight }) => `「${parent}」下三级指标分值合计 ${n(sum)}，与其权重 ${n(weight)} 不一致，请调整分值。`,
      en: ({ parent, sum, weight }) => `Third-level points under "${parent}" add up to ${n(sum)}, not its weight ${n(weight)}; adjust them.`,
    },
  },
  check({ table, level1Weight }, report) {
    if (table.columns.points === undefined) return;
    const useLevel2 = table.columns.l2weight !== undefined;
    for (const g of table.level1) {
      const groups = useLevel2
        ? g.level2.map((s) => ({ parent: s.name, weight: s.weight, cell: s.weightCell, rows: s.indicators }))
        : [{ parent: g.name, weight: level1Weight.get(g), cell: g.weightCell, rows: g.indicators }];
      for (const p of groups) {
        if (p.weight === undefined || p.rows.length === 0) continue;
        const sum = p.rows.reduce((a, r) => a + (r.ownWeight ?? 0), 0);
        if (nearlyEqual(sum, p.weight)) continue;
        const cells = [p.cell, ...p.rows.map((r) => r.cells.points)].filter((c): c is string => c !== undefined);
        report({ messageId: 'pointsSum', cells, data: { parent: p.parent, sum, weight: p.weight } });
      }
    }
  },
});

export const pointsInvalid = defineRule<{ name: string; text: string }, 'pointsInvalid'>({
  id: 'weights/points-invalid',
  severity: 'error',
  topic: 'weights',
  dimension: 'appropriateness',
  description: { zh: '表中有三级分值列时，每个三级指标都应填写数值分值。', en: 'Where the table has a per-indicator points column, each indicator has a numeric value there.' },
  messages: {
    pointsInvalid: {
      zh: ({ name, text }) => `三级指标「${name}」的分值「${text}」不是数字，请填写分值。`,
      en: ({ name, text }) => `The points "${text}" of indicator "${name}" are not a number; fill them in.`,
    },
  },
  check({ table }, report) {
    if (table.columns.points === undefined) return;
    for (const r of table.indicators) {
      if (r.ownWeight !== undefined && r.ownWeight >= 0) continue;
      report({ messageId: 'pointsInvalid', cells: r.cells.points ? [r.cells.points] : [], data: { name: r.name, text: r.ownWeightText ?? '' }, indicatorRow: r.row });
    }
  },
});

export const weightRules = [level1Missing, level1Sum, level2Missing, level2Sum, pointsSum, pointsInvalid, nationalDeparture];
