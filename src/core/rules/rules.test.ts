// One test over all rules, walking the registry (the core index's `rules`): each rule module's
// rules are registered, documented, say every message in both languages, have valid and invalid
// cases in the harness that reach every message, and appear in docs/RULES.md as generated.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { rules } from '../index.js';
import { ruleCaseList } from './cases.js';
import { rulesDoc } from './doc.js';
import { runCase, type RuleCases } from './tester.js';
import type { Rule } from './rule.js';

const here = path.resolve('src/core/rules');
const modules = readdirSync(here).filter((f) => /^[a-zA-Z]+(\.cases)?\.ts$/.test(f));

function isRule(x: unknown): x is Rule {
  return typeof x === 'object' && x !== null && 'id' in x && 'messages' in x && 'run' in x;
}

function isRuleCases(x: unknown): x is RuleCases {
  return typeof x === 'object' && x !== null && 'rule' in x && 'valid' in x && 'invalid' in x;
}

async function exportsOf(files: string[]): Promise<unknown[]> {
  const loaded = await Promise.all(files.map((f) => import(path.join(here, f.replace(/\.ts$/, '')))));
  return loaded.flatMap((m: Record<string, unknown>) => Object.values(m)).flatMap((v) => (Array.isArray(v) ? v : [v]));
}

describe('the rule registry', () => {
  test('every rule a rule module exports is registered, once, under a unique id', async () => {
    const exported = (await exportsOf(modules.filter((f) => !f.includes('.cases.')))).filter(isRule);
    expect(exported.length).toBeGreaterThan(30);
    for (const r of exported) expect(rules).toContain(r);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every case list a cases module exports is in the case registry, and each rule has one', async () => {
    const exported = (await exportsOf(modules.filter((f) => f.includes('.cases.')))).filter(isRuleCases);
    expect(exported.length).toBe(ruleCaseList.length);
    for (const c of exported) expect(ruleCaseList).toContain(c);
    for (const c of ruleCaseList) expect(rules).toContain(c.rule);
    expect(new Set(ruleCaseList.map((c) => c.rule.id)).size).toBe(ruleCaseList.length);
  });

  describe.each(rules.map((r) => [r.id, r] as const))('%s', (id, r) => {
    const cases = ruleCaseList.find((c) => c.rule === r);

    test('declares its topic, severity, dimension and documentation', () => {
      expect(id).toMatch(new RegExp(`^${r.topic}/[a-z0-9-]+$`));
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(['completeness', 'relevance', 'appropriateness', 'feasibility']).toContain(r.dimension);
      expect(r.description.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.description.en.length).toBeGreaterThan(10);
    });

    test('says every message in both languages', () => {
      const messages = Object.entries(r.messages);
      expect(messages.length).toBeGreaterThan(0);
      for (const [messageId, m] of messages) {
        expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
        for (const text of [m.zh, m.en]) {
          expect(['string', 'function']).toContain(typeof text);
          if (typeof text === 'string') expect(text.length).toBeGreaterThan(10);
        }
        if (typeof m.zh === 'string') expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    test('has a valid and an invalid case, and its invalid cases reach every message', () => {
      expect(cases).toBeDefined();
      expect(cases?.valid.length).toBeGreaterThan(0);
      expect(cases?.invalid.length).toBeGreaterThan(0);
      const titles = [...(cases?.valid ?? []), ...(cases?.invalid ?? [])].map((c) => c.title);
      expect(new Set(titles).size).toBe(titles.length);
      const reached = new Set(cases?.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
      expect([...reached].sort()).toEqual(Object.keys(r.messages).sort());
    });

    test('its example in docs/RULES.md is its first invalid case', () => {
      const doc = readFileSync(path.resolve('docs/RULES.md'), 'utf8');
      expect(doc).toMatch(new RegExp(`\\| \`${id}\` \\|[^\\n]*\\| [^|]* ${r.dimension} \\|`));
      const first = cases?.invalid[0];
      const f = first && runCase(r, first).found[0];
      expect(f).toBeDefined();
      const section = doc.slice(doc.indexOf(`### \`${id}\``));
      expect(section).toContain(`例 Example — ${first?.title}`);
      expect(section).toContain(f?.message.zh);
    });
  });

  test('docs/RULES.md is as generated (npm run docs:rules)', () => {
    expect(readFileSync(path.resolve('docs/RULES.md'), 'utf8')).toBe(rulesDoc(rules, ruleCaseList));
  });
});
