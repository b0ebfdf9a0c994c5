// Writes docs/RULES.md from the rule registry and the rule cases (run: npm run docs:rules, which
// compiles the sources first). The registry test fails when the file falls behind them.
import { writeFileSync, mkdirSync } from 'node:fs';
import { rules } from '../build/src/core/rules/index.js';
import { ruleCaseList } from '../build/src/core/rules/cases.js';
import { rulesDoc } from '../build/src/core/rules/doc.js';

mkdirSync('docs', { recursive: true });
writeFileSync('docs/RULES.md', rulesDoc(rules, ruleCaseList));
console.log(`docs/RULES.md: ${rules.length} rules, ${ruleCaseList.reduce((a, c) => a + c.invalid.length, 0)} failing and ${ruleCaseList.reduce((a, c) => a + c.valid.length, 0)} passing cases`);
