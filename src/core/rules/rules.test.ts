// One test over all rules: registered, documented, and exercised by a passing and a failing case.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { rules } from './index.js';
import * as structure from './structure.js';
import * as weights from './weights.js';
import * as budget from './budget.js';
import * as valueFormat from './valueFormat.js';
import * as scoring from './scoring.js';
import type { Rule } from './rule.js';

const here = path.resolve('src/core/rules');
const testSources = readdirSync(here)
  .filter((f) => f.endsWith('.test.ts') && f !== 'rules.test.ts')
  .map((f) => readFileSync(path.join(here, f), 'utf8'))
  .join('\n');

function isRule(x: unknown): x is Rule {
  return typeof x === 'object' && x !== null && 'id' in x && 'run' in x;
}

describe('the rule registry', () => {
  const exported = [structure, weights, budget, valueFormat, scoring].flatMap((m) => Object.values(m).filter(isRule));

  test('every rule module export is registered, once, under a unique id', () => {
    expect(exported.length).toBeGreaterThan(30);
    for (const r of exported) expect(rules).toContain(r);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test.each(rules.map((r) => [r.id, r] as const))('%s declares its topic, severity and documentation', (id, r) => {
    expect(id).toMatch(new RegExp(`^${r.topic}/[a-z0-9-]+$`));
    expect(['error', 'warning', 'info']).toContain(r.severity);
    expect(['completeness', 'relevance', 'appropriateness', 'feasibility']).toContain(r.dimension);
    expect(r.description.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(r.description.en.length).toBeGreaterThan(10);
  });

  test('docs/RULES.md lists every rule with its description (npm run docs:rules)', () => {
    const doc = readFileSync(path.resolve('docs/RULES.md'), 'utf8');
    for (const r of rules) {
      expect(doc).toContain(`\`${r.id}\``);
      expect(doc).toMatch(new RegExp(`\\| \`${r.id}\` \\|[^\\n]*\\| [^|]* ${r.dimension} \\|`));
      expect(doc).toContain(r.description.zh);
    }
  });

  test.each(rules.map((r) => [r.id] as const))('%s has a failing and a passing case', (id) => {
    expect(testSources).toContain(`failing('${id}'`);
    expect(testSources).toContain(`passing('${id}'`);
  });
});
