// The rule module shape, after ESLint/stylelint rules: one place declares a rule's id, severity,
// topic, documentation and messages; `check` reports what it finds through `report`.
import type { CheckOptions, Dimension, Finding, LocalizedText, Severity, Topic } from '../types.js';
import type { IndicatorRow, Level1Group, TableModel } from '../recognise/model.js';
import type { SelfEvalScore } from '../scoring/selfEvaluation.js';

export interface RuleContext {
  table: TableModel;
  options: Required<Pick<CheckOptions, 'reservedPoints'>> & CheckOptions;
  /** The 一级 weight each group counts with: from its 权重 cell, or from settings when the table has no 权重 column. */
  level1Weight: Map<Level1Group, number | undefined>;
  /** 'table' when weights come from the table, 'settings' when from defaults or options. */
  weightSource: 'table' | 'settings';
  /** Points reserved outside the table, as used for Σ一级 = 100 − reserved. */
  reserved: number;
  /** 分值 of every indicator. */
  points: Map<IndicatorRow, number>;
  /** Year-end scores, in the self-evaluation stage only. */
  evaluations?: Map<IndicatorRow, SelfEvalScore>;
}

export interface Report<D> {
  cells: string[];
  data: D;
  indicatorRow?: number;
}

export interface RuleSpec<D> {
  /** "topic/name", stable: settings and accepted findings refer to it. */
  id: string;
  severity: Severity;
  topic: Topic;
  /** The 审核维度 (财预〔2015〕88号) the rule serves. */
  dimension: Dimension;
  /** What the rule checks, for the docs and the settings list. */
  description: LocalizedText;
  /** False for a rule that runs only when the settings give it a severity (a reviewer's opt-in). */
  recommended?: boolean;
  message(data: D): LocalizedText;
  check(context: RuleContext, report: (r: Report<D>) => void): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  topic: Topic;
  dimension: Dimension;
  description: LocalizedText;
  /** False: off unless the settings turn it on. */
  recommended: boolean;
  run(context: RuleContext): Finding[];
}

export function defineRule<D>(spec: RuleSpec<D>): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    topic: spec.topic,
    dimension: spec.dimension,
    description: spec.description,
    recommended: spec.recommended ?? true,
    run(context) {
      const found: Finding[] = [];
      spec.check(context, (r) => {
        found.push({
          rule: spec.id,
          severity: spec.severity,
          topic: spec.topic,
          dimension: spec.dimension,
          sheet: context.table.sheet,
          cells: r.cells,
          message: spec.message(r.data),
          ...(r.indicatorRow !== undefined ? { indicatorRow: r.indicatorRow } : {}),
        });
      });
      return found;
    },
  };
}

/** Sums compare within the budget tolerance of ±0.005 (万元) and points' 0.005. */
export const TOLERANCE = 0.005;

export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE + 1e-9;
}
