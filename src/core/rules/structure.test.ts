// The structure rules, case by case, through the rule harness: cases in structure.cases.ts.
import { testRules } from '../../../test/helpers/ruleCases.js';
import { structureCases } from './structure.cases.js';

testRules(structureCases);
