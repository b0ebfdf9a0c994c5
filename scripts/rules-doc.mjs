// Writes docs/RULES.md from the rule registry (run: npm run docs:rules). The registry test
// fails when the file falls behind the rules.
import { writeFileSync, mkdirSync } from 'node:fs';
import { rules } from '../build/src/core/rules/index.js';

const TOPIC = { structure: '结构 structure', weights: '权重 weights', budget: '预算 budget', 'value-format': '指标值 value-format', scoring: '评分 scoring' };
const DIMENSION = { completeness: '完整性 completeness', relevance: '相关性 relevance', appropriateness: '适当性 appropriateness', feasibility: '可行性 feasibility' };
const SEVERITY = { error: '错误 error', warning: '警告 warning', info: '提示 info' };
const lines = [
  '# 校验规则 / Rules',
  '',
  '由 `npm run docs:rules` 从规则注册表生成。Generated from the rule registry by `npm run docs:rules`.',
  '',
  '审核维度 (dimension) after 财预〔2015〕88号: 完整性 completeness, 相关性 relevance, 适当性 appropriateness, 可行性 feasibility.',
  '',
  '| 规则 rule | 级别 severity | 主题 topic | 审核维度 dimension | 说明 | description |',
  '|---|---|---|---|---|---|',
];
for (const r of rules) lines.push(`| \`${r.id}\` | ${SEVERITY[r.severity]} | ${TOPIC[r.topic]} | ${DIMENSION[r.dimension]} | ${r.description.zh} | ${r.description.en} |`);
mkdirSync('docs', { recursive: true });
writeFileSync('docs/RULES.md', lines.join('\n') + '\n');
console.log(`docs/RULES.md: ${rules.length} rules`);
