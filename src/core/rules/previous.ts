// 可行性: this year's targets against last year's table (--previous): a target below what was
// already achieved, one far above it, and a 定量 indicator that vanished.
import type { IndicatorRow } from '../recognise/tableModel.js';
import type { Indicator, ParsedValue } from '../types.js';
import { defineRule } from './rule.js';
import { formatNumber } from '../sheet/text.js';
import { columnLetter } from '../sheet/a1.js';
import { parseValue } from '../sheet/value.js';
import { indicatorKey } from '../profiles/library.js';
import { isLowerBetter } from '../recognise/direction.js';

const n = formatNumber;

/** Last year's figure for a row: its 实际完成值 when the table was self-evaluated, else its target. */
interface LastYear {
  name: string;
  figure: ParsedValue;
  actual: boolean;
  type: string;
}

function lastYearOf(previous: readonly Indicator[]): Map<string, LastYear> {
  const out = new Map<string, LastYear>();
  for (const p of previous) {
    const actual = p.actualText !== undefined && p.actualText !== '' ? parseValue(p.actualText) : undefined;
    const figure = actual && actual.kind === 'number' ? actual : p.value;
    out.set(indicatorKey(p.name), { name: p.name, figure, actual: figure === actual, type: String(p.type) });
  }
  return out;
}

const cache = new WeakMap<readonly Indicator[], Map<string, LastYear>>();
function lastYear(previous: readonly Indicator[]): Map<string, LastYear> {
  let m = cache.get(previous);
  if (!m) {
    m = lastYearOf(previous);
    cache.set(previous, m);
  }
  return m;
}

function lowerIsBetter(r: IndicatorRow): boolean {
  const c = r.value.comparator;
  if (c === '<=' || c === '<') return true;
  if (c === '>=' || c === '>') return false;
  return r.direction ? r.direction === 'lower' : isLowerBetter(r.name);
}

/** Same unit on both sides (a bare number takes the row's unit). */
function comparable(r: IndicatorRow, last: LastYear): number | undefined {
  const v = r.value;
  const f = last.figure;
  if (v.kind !== 'number' || f.kind !== 'number' || v.number === undefined || f.number === undefined || v.date || f.date) return undefined;
  const unit = v.unit || r.unit;
  if (f.unit !== '' && unit !== '' && f.unit !== unit) return undefined;
  return f.number;
}

export const belowLastYear = defineRule<{ name: string; target: string; last: string; what: 'actual' | 'target' }, 'belowLastYear'>({
  id: 'value-format/below-last-year',
  severity: 'warning',
  topic: 'value-format',
  dimension: 'feasibility',
  description: {
    zh: '与上年表（--previous）比较：越高越好的定量指标，本年目标不应低于上年实际完成值（目标可能设定偏低）。',
    en: "Against last year's table (--previous): a higher-is-better target is not below last year's actual (the target may be set too low).",
  },
  messages: {
    belowLastYear: {
      zh: ({ name, target, last, what }) => `指标「${name}」本年目标「${target}」低于上年${what === 'actual' ? '实际完成值' : '目标值'} ${last}，目标可能设定偏低，请说明理由或调整。`,
      en: ({ name, target, last, what }) => `The target "${target}" of "${name}" is below last year's ${what} ${last}; it may be set too low. Explain or adjust it.`,
    },
  },
  check({ table, options }, report) {
    if (!options.previous) return;
    const last = lastYear(options.previous);
    for (const r of table.indicators) {
      const l = last.get(indicatorKey(r.name));
      if (!l || r.type !== '定量' || lowerIsBetter(r)) continue;
      const figure = comparable(r, l);
      if (figure === undefined || (r.value.number ?? 0) >= figure - 1e-9) continue;
      report({ messageId: 'belowLastYear', cells: [r.cells.value].filter((c): c is string => c !== undefined), data: { name: r.name, target: r.valueText, last: `${n(figure)}${l.figure.unit || r.unit}`, what: l.actual ? 'actual' : 'target' }, indicatorRow: r.row });
    }
  },
});

export const farAboveLastYear = defineRule<{ name: string; target: string; last: string }, 'farAboveLastYear'>({
  id: 'value-format/far-above-last-year',
  severity: 'info',
  topic: 'value-format',
  dimension: 'feasibility',
  description: {
    zh: '与上年表（--previous）比较：本年目标达到上年实际的 2 倍以上（非百分比指标）时，请确认可以实现。',
    en: "Against last year's table (--previous): a target at least twice last year's actual (not a percentage) — is it achievable?",
  },
  messages: {
    farAboveLastYear: {
      zh: ({ name, target, last }) => `指标「${name}」本年目标「${target}」是上年实际 ${last} 的 2 倍以上，请确认目标可以实现。`,
      en: ({ name, target, last }) => `The target "${target}" of "${name}" is at least twice last year's ${last}; check that it is achievable.`,
    },
  },
  check({ table, options }, report) {
    if (!options.previous) return;
    const last = lastYear(options.previous);
    for (const r of table.indicators) {
      const l = last.get(indicatorKey(r.name));
      if (!l || !l.actual || r.type !== '定量' || lowerIsBetter(r) || (r.value.unit || r.unit) === '%') continue;
      const figure = comparable(r, l);
      if (figure === undefined || figure <= 0 || (r.value.number ?? 0) < 2 * figure) continue;
      report({ messageId: 'farAboveLastYear', cells: [r.cells.value].filter((c): c is string => c !== undefined), data: { name: r.name, target: r.valueText, last: `${n(figure)}${l.figure.unit || r.unit}` }, indicatorRow: r.row });
    }
  },
});

export const vanished = defineRule<{ names: string; count: number }, 'vanishedIndicator'>({
  id: 'structure/vanished-indicator',
  severity: 'info',
  topic: 'structure',
  dimension: 'feasibility',
  description: {
    zh: '与上年表（--previous）比较：上年的定量指标本年不再出现时列出，供审核人确认是否有意删除。',
    en: "Against last year's table (--previous): last year's quantitative indicators missing this year are listed, for the reviewer to confirm.",
  },
  messages: {
    vanishedIndicator: {
      zh: ({ names, count }) => `上年的 ${count} 个定量指标本年未出现：${names}。如为有意调整，请在说明中写明理由。`,
      en: ({ names, count }) => `${count} of last year's quantitative indicators are missing this year: ${names}. If intended, say why.`,
    },
  },
  check({ table, options }, report) {
    if (!options.previous) return;
    const here = new Set(table.indicators.map((r) => indicatorKey(r.name)));
    const gone = options.previous.filter((p) => p.type === '定量' && !here.has(indicatorKey(p.name)));
    if (gone.length === 0) return;
    const l3 = table.columns.l3;
    report({ messageId: 'vanishedIndicator', cells: l3 === undefined ? [] : [`${columnLetter(l3)}${table.headerRow}`], data: { names: gone.map((p) => `「${p.name}」`).join('、'), count: gone.length } });
  },
});

