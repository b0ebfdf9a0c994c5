// The budget rules, case by case, through the rule harness: cases in budget.cases.ts.
import { testRules } from '../../../test/helpers/ruleCases.js';
import { budgetCases } from './budget.cases.js';

testRules(budgetCases);
