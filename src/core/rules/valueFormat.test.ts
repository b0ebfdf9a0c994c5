// The valueFormat rules, case by case, through the rule harness: cases in valueFormat.cases.ts.
import { testRules } from '../../../test/helpers/ruleCases.js';
import { valueFormatCases } from './valueFormat.cases.js';

testRules(valueFormatCases);
