// The rule registry: every rule the checker runs, in report order.
import type { Rule } from './rule.js';
import { structureRules } from './structure.js';
import { weightRules } from './weights.js';
import { budgetRules } from './budget.js';
import { valueFormatRules } from './valueFormat.js';
import { scoringRules } from './scoring.js';

export const rules: readonly Rule[] = [...structureRules, ...weightRules, ...budgetRules, ...valueFormatRules, ...scoringRules];

export type { Rule, RuleContext } from './rule.js';
