// The scoring rules, case by case, through the rule harness: cases in scoring.cases.ts.
import { testRules } from '../../../test/helpers/ruleCases.js';
import { scoringCases } from './scoring.cases.js';

testRules(scoringCases);
