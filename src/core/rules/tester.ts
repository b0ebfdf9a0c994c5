// The rule harness, after ESLint's RuleTester: a rule's valid cases (it stays quiet) and invalid
// cases (it reports exactly these findings: message id and cells, and where it matters the data
// its message is filled in from). A case runs only the rule under test, on a snapshot built
// directly, through the same recognition and weights the checker uses. The cases are data, so
// the jest driver (test/helpers/ruleCases.ts) and `npm run docs:rules` read the same ones.
import type { CheckOptions, WorkbookSnapshot } from '../types.js';
import { isOurSheet, isRuleOn, ruleContext } from '../check.js';
import { Grid } from '../sheet/grid.js';
import { recogniseSheet } from '../recognise/recognise.js';
import type { Found, Rule } from './rule.js';

export interface RuleCase {
  title: string;
  workbook: WorkbookSnapshot;
  options?: CheckOptions;
}

/** A finding an invalid case expects; `data` is compared key by key (numbers to 6 places). */
export interface ExpectedFinding<M extends string = string> {
  messageId: M;
  cells: string[];
  data?: Record<string, unknown>;
}

export interface InvalidCase<M extends string = string> extends RuleCase {
  /** Every finding the rule reports, in order. */
  errors: ExpectedFinding<M>[];
}

export interface RuleCases<M extends string = string> {
  rule: Rule<M>;
  valid: RuleCase[];
  invalid: InvalidCase<M>[];
}

/** A rule's cases; the rule types the message ids its invalid cases may expect. */
export function ruleCases<M extends string>(rule: Rule<M>, cases: { valid: RuleCase[]; invalid: InvalidCase<NoInfer<M>>[] }): RuleCases<M> {
  return { rule, ...cases };
}

export interface CaseRun<M extends string = string> {
  /** Tables recognised: a valid case on no table at all proves nothing. */
  tables: number;
  found: (Found<M> & { sheet: string })[];
}

/** Run one rule on a case's workbook, as the checker would with the case's options. */
export function runCase<M extends string>(rule: Rule<M>, c: RuleCase): CaseRun<M> {
  const options = c.options ?? {};
  const run: CaseRun<M> = { tables: 0, found: [] };
  for (const sheet of c.workbook.sheets) {
    if (isOurSheet(sheet.name)) continue;
    for (const table of recogniseSheet(new Grid(sheet))) {
      run.tables++;
      if (!isRuleOn(rule, options.rules)) continue;
      for (const f of rule.find(ruleContext(table, options))) run.found.push({ ...f, sheet: sheet.name });
    }
  }
  return run;
}
