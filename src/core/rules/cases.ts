// Every rule's cases, by topic, as the registry (index.ts) lists the rules: the meta-test checks
// that each registered rule has its cases here, and docs:rules takes its examples from them.
import type { RuleCases } from './tester.js';
import { structureCases } from './structure.cases.js';
import { weightsCases } from './weights.cases.js';
import { budgetCases } from './budget.cases.js';
import { valueFormatCases } from './valueFormat.cases.js';
import { scoringCases } from './scoring.cases.js';

export const ruleCaseList: readonly RuleCases[] = [...structureCases, ...weightsCases, ...budgetCases, ...valueFormatCases, ...scoringCases];
