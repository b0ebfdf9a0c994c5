// Passing and failing cases of a rule, written so that the registry test can see (by reading
// the test files) that every rule is exercised both ways.
import type { CheckOptions } from '../../src/core/index.js';
import { check, findingsOf, type TableSpec } from './workbooks.js';
import type { Layout } from './layouts.js';

export function failing(rule: string, title: string, spec: TableSpec | TableSpec[] | Layout, expected?: { cells?: string[]; count?: number; zh?: RegExp }, options?: CheckOptions): void {
  test(`${rule} reports: ${title}`, () => {
    const found = findingsOf(check(spec, options), rule);
    expect(found.length).toBeGreaterThan(0);
    if (expected?.count !== undefined) expect(found).toHaveLength(expected.count);
    if (expected?.cells) expect(found[0].cells).toEqual(expected.cells);
    if (expected?.zh) expect(found[0].message.zh).toMatch(expected.zh);
    for (const f of found) {
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(f.message.en.length).toBeGreaterThan(10);
    }
  });
}

export function passing(rule: string, title: string, spec: TableSpec | TableSpec[] | Layout, options?: CheckOptions): void {
  test(`${rule} stays quiet: ${title}`, () => {
    const report = check(spec, options);
    expect(report.tables.length).toBeGreaterThan(0);
    expect(findingsOf(report, rule)).toEqual([]);
  });
}
