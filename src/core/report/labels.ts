// The names of severities and topics, in one place for every report (CLI text, HTML, the
// 校验报告 sheet, cell notes and the task pane).
import type { Dimension, Lang, Severity, Topic } from '../types.js';

export const SEVERITY_NAMES: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export const TOPIC_NAMES: Record<Lang, Record<Topic, string>> = {
  zh: { structure: '结构', weights: '权重', budget: '预算', 'value-format': '指标值', scoring: '评分' },
  en: { structure: 'Structure', weights: 'Weights', budget: 'Budget', 'value-format': 'Target values', scoring: 'Scoring' },
};

/** Report order of the topics. */
export const TOPICS: readonly Topic[] = ['structure', 'weights', 'budget', 'value-format', 'scoring'];

/** The 审核维度 of 财预〔2015〕88号, in the guidance's order. */
export const DIMENSION_NAMES: Record<Lang, Record<Dimension, string>> = {
  zh: { completeness: '完整性', relevance: '相关性', appropriateness: '适当性', feasibility: '可行性' },
  en: { completeness: 'Completeness', relevance: 'Relevance', appropriateness: 'Appropriateness', feasibility: 'Feasibility' },
};

export const DIMENSIONS: readonly Dimension[] = ['completeness', 'relevance', 'appropriateness', 'feasibility'];

/** "zh-CN", "zh-Hant-TW" → zh; anything else → en. */
export function langFromTag(tag: string | undefined | null): Lang {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The stage a table is in, in every report's words (pane, sheet, CLI, HTML, summary). */
export const STAGE_NAMES: Record<Lang, Record<'target' | 'self-evaluation', string>> = {
  zh: { target: '目标设定', 'self-evaluation': '年度自评' },
  en: { target: 'target setting', 'self-evaluation': 'year-end self-evaluation' },
};
