// 评分 (year-end self-evaluation): the actual values the scores rest on must be there and
// readable, and deviations explained.
import type { SelfEvalProblem } from '../scoring/selfEvaluation.js';
import type { IndicatorRow } from '../recognise/tableModel.js';
import { defineRule, type Message, type RuleContext } from './rule.js';
import type { Dimension } from '../types.js';

/** A rule that reports one kind of the scorer's problems, under one message id. */
function problemRule<M extends string>(kind: SelfEvalProblem['kind'], messageId: M, id: string, severity: 'error' | 'warning', dimension: Dimension, description: { zh: string; en: string }) {
  const message: Message<{ name: string; problem: SelfEvalProblem }> = {
    zh: ({ name, problem }) => `指标「${name}」：${problem.message.zh.replace(/[。.]?$/, '。')}`,
    en: ({ name, problem }) => `Indicator "${name}": ${problem.message.en}`,
  };
  return defineRule<{ name: string; problem: SelfEvalProblem }, M>({
    id,
    severity,
    topic: 'scoring',
    dimension,
    description,
    // A sentence ends with 。 in Chinese, as every other message does.
    messages: { [messageId]: message } as Record<M, typeof message>,
    check({ table, evaluations }, report) {
      if (!evaluations) return;
      for (const r of table.indicators) {
        for (const problem of evaluations.get(r)?.problems ?? []) {
          if (problem.kind !== kind) continue;
          report({ messageId, cells: cellsOf(r), data: { name: r.name, problem }, indicatorRow: r.row });
        }
      }
    },
  });
}

function cellsOf(r: IndicatorRow): string[] {
  return [r.cells.actual ?? r.cells.value].filter((c): c is string => c !== undefined);
}

export const actualMissing = problemRule('actual-missing', 'actualMissing', 'scoring/actual-missing', 'error', 'completeness', {
  zh: '自评阶段每个指标都应填写实际完成值。',
  en: 'At year end every indicator has its actual value.',
});
export const actualNotNumber = problemRule('actual-not-number', 'actualNotNumber', 'scoring/actual-not-number', 'error', 'completeness', {
  zh: '定量指标的实际完成值应为数值。',
  en: 'The actual value of a quantitative indicator is a number.',
});
export const actualUnit = problemRule('unit-mismatch', 'unitMismatch', 'scoring/actual-unit', 'error', 'completeness', {
  zh: '实际完成值的单位应与指标值相同。',
  en: 'The actual value is in the same unit as the target.',
});
export const actualUnrecognised = problemRule('actual-unrecognised', 'actualUnrecognised', 'scoring/actual-unrecognised', 'error', 'completeness', {
  zh: '定性指标的完成情况应写为 达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差。',
  en: 'A qualitative actual is one of 达成年度指标 / 部分达成… / 未达成….',
});
export const overTarget = problemRule('over-target', 'overTarget', 'scoring/over-target', 'warning', 'feasibility', {
  zh: '实际完成值达到目标 120% 及以上：目标可能设定偏低。',
  en: 'The actual is at least 120 % of the target: the target may have been set too low.',
});

export const deviationMissing = defineRule<{ name: string }, 'deviationMissing'>({
  id: 'scoring/deviation-missing',
  severity: 'warning',
  topic: 'scoring',
  dimension: 'completeness',
  description: { zh: '未得满分的指标应在偏差原因列说明原因和改进措施。', en: 'A row below full points explains the deviation in the deviation column.' },
  messages: {
    deviationMissing: {
      zh: ({ name }) => `指标「${name}」未达到目标，但偏差原因分析及改进措施为空，请填写。`,
      en: ({ name }) => `Indicator "${name}" fell short of its target but the deviation reason is blank; fill it in.`,
    },
  },
  check(context: RuleContext, report) {
    const { table, evaluations, points } = context;
    if (!evaluations || table.columns.deviation === undefined) return;
    for (const r of table.indicators) {
      const e = evaluations.get(r);
      if (!e || e.problems.some((p) => p.kind !== 'over-target')) continue;
      if (e.score + 0.005 >= (points.get(r) ?? 0) || (r.deviation ?? '') !== '') continue;
      report({ messageId: 'deviationMissing', cells: [r.cells.deviation].filter((c): c is string => c !== undefined), data: { name: r.name }, indicatorRow: r.row });
    }
  },
});

export const publishedDiffers = defineRule<{ name: string; published: number; ours: number; note: string }, 'publishedDiffers'>({
  id: 'scoring/published-differs',
  severity: 'warning',
  topic: 'scoring',
  dimension: 'appropriateness',
  description: {
    zh: '自评表自带的得分应与按财预〔2020〕10号计分公式算出的得分一致（相差不超过 0.01）。',
    en: "The table's own 得分 agrees (within 0.01) with the score the Cai Yu [2020] No. 10 formulas give.",
  },
  messages: {
    publishedDiffers: {
      zh: ({ name, published, ours, note }) => `指标「${name}」表中得分为 ${published.toFixed(2)}，按计分公式应为 ${ours.toFixed(2)}（${note}），请核对。`,
      en: ({ name, published, ours }) => `Indicator "${name}" is scored ${published.toFixed(2)} in the table; the formulas give ${ours.toFixed(2)}; check it.`,
    },
  },
  check({ table, evaluations }, report) {
    if (!evaluations || table.columns.published === undefined) return;
    for (const r of table.indicators) {
      const e = evaluations.get(r);
      if (!e || r.published === undefined || Math.abs(r.published - e.score) <= 0.01 + 1e-9) continue;
      report({ messageId: 'publishedDiffers', cells: [r.cells.published].filter((c): c is string => c !== undefined), data: { name: r.name, published: r.published, ours: e.score, note: e.note.zh }, indicatorRow: r.row });
    }
  },
});

export const scoringRules = [actualMissing, actualNotNumber, actualUnit, actualUnrecognised, overTarget, deviationMissing, publishedDiffers];
