// The jest driver of the rule harness (src/core/rules/tester.ts): every valid case stays quiet,
// every invalid case reports exactly its expected findings — message id, cells and data — in
// order, each with a message in both languages. No case reads the wording: that is the rule's.
import { runCase, type RuleCases } from '../../src/core/rules/tester.js';

/** Expected data, key by key: numbers to 6 places (sums of amounts carry float noise). */
function expectData(actual: unknown, expected: Record<string, unknown>): void {
  expect(typeof actual).toBe('object');
  const got = actual as Record<string, unknown>;
  for (const [key, want] of Object.entries(expected)) {
    if (typeof want === 'number') expect(got[key]).toBeCloseTo(want, 6);
    else expect(got[key]).toEqual(want);
  }
}

export function testRules(list: readonly RuleCases[]): void {
  for (const { rule, valid, invalid } of list) {
    describe(rule.id, () => {
      test.each(valid.map((c) => [c.title, c] as const))(`${rule.id} stays quiet: %s`, (_title, c) => {
        const run = runCase(rule, c);
        expect(run.tables).toBeGreaterThan(0);
        expect(run.found.map((f) => ({ messageId: f.messageId, cells: f.cells }))).toEqual([]);
      });
      test.each(invalid.map((c) => [c.title, c] as const))(`${rule.id} reports: %s`, (_title, c) => {
        const run = runCase(rule, c);
        expect(run.found.map((f) => ({ messageId: f.messageId, cells: f.cells }))).toEqual(c.errors.map((e) => ({ messageId: e.messageId, cells: e.cells })));
        c.errors.forEach((e, i) => {
          if (e.data) expectData(run.found[i].data, e.data);
        });
        for (const f of run.found) {
          expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
          expect(f.message.en.length).toBeGreaterThan(10);
        }
      });
    });
  }
}
