// The rule module shape, after ESLint/typescript-eslint rules: one place declares a rule's id,
// severity, topic, dimension, documentation and its messages by id, both languages side by side;
// `check` reports what it finds through `report`, naming a message by its id. The ids are a union
// per rule (typescript-eslint's MessageIds), so a mistyped id fails the typecheck.
import type { CheckOptions, Dimension, Finding, LocalizedText, Severity, Topic } from '../types.js';
import type { IndicatorRow, Level1Group, TableModel } from '../recognise/tableModel.js';
import type { SelfEvalScore } from '../scoring/selfEvaluation.js';
import { TOLERANCE, withinTolerance } from '../sheet/numbers.js';

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

/** A message in one language: fixed text, or text filled in from what the rule found. */
export type MessageText<D> = string | ((data: D) => string);

/** One message of a rule, in both languages. */
export interface Message<D> {
  zh: MessageText<D>;
  en: MessageText<D>;
}

/** What a rule's check reports: the message by id, the cells it is about and the data its text needs. */
export interface Reported<D, M extends string> {
  messageId: M;
  cells: string[];
  data: D;
  indicatorRow?: number;
}

export interface RuleSpec<D, M extends string> {
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
  messages: Record<M, Message<D>>;
  check(context: RuleContext, report: (r: Reported<D, M>) => void): void;
}

export interface Rule<M extends string = string> {
  id: string;
  severity: Severity;
  topic: Topic;
  dimension: Dimension;
  description: LocalizedText;
  /** False: off unless the settings turn it on. */
  recommended: boolean;
  /** Its messages by id; their data is the rule's own, so they are read here, rendered only by `run`. */
  messages: Readonly<Record<M, Message<never>>>;
  /** What the check reports, with its message rendered: the rule harness asserts on the id, cells and data. */
  find(context: RuleContext): Found<M>[];
  run(context: RuleContext): Finding[];
}

/** One report of a rule's check, its data kept beside the rendered message. */
export interface Found<M extends string = string> extends Reported<unknown, M> {
  message: LocalizedText;
}

function render<D>(text: MessageText<D>, data: D): string {
  return typeof text === 'string' ? text : text(data);
}

export function defineRule<D, M extends string>(spec: RuleSpec<D, M>): Rule<M> {
  const find = (context: RuleContext): Found<M>[] => {
    const found: Found<M>[] = [];
    spec.check(context, (r) => {
      const message = spec.messages[r.messageId];
      found.push({ ...r, message: { zh: render(message.zh, r.data), en: render(message.en, r.data) } });
    });
    return found;
  };
  return {
    id: spec.id,
    severity: spec.severity,
    topic: spec.topic,
    dimension: spec.dimension,
    description: spec.description,
    recommended: spec.recommended ?? true,
    messages: spec.messages,
    find,
    run: (context) =>
      find(context).map((r) => ({
        rule: spec.id,
        messageId: r.messageId,
        severity: spec.severity,
        topic: spec.topic,
        dimension: spec.dimension,
        sheet: context.table.sheet,
        cells: r.cells,
        message: r.message,
        ...(r.indicatorRow !== undefined ? { indicatorRow: r.indicatorRow } : {}),
      })),
  };
}

/** Sums compare within the budget tolerance of ±0.005 (万元) and points' 0.005 (sheet/numbers.ts). */
export { TOLERANCE };

export function nearlyEqual(a: number, b: number): boolean {
  return withinTolerance(a, b);
}
