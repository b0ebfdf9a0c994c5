// The weights rules, case by case, through the rule harness: cases in weights.cases.ts.
import { testRules } from '../../../test/helpers/ruleCases.js';
import { weightsCases } from './weights.cases.js';

testRules(weightsCases);
