// docs/RULES.md, written from the registry and the harness cases: the table of rules, then each
// rule's messages and its first invalid case as the example — a case the tests run, so the
// example cannot drift from what the rule does. scripts/rules-doc.mjs writes it; the meta-test
// compares the file with it.
import type { Rule } from './rule.js';
import { runCase, type RuleCases } from './tester.js';

const TOPIC = { structure: '结构 structure', weights: '权重 weights', budget: '预算 budget', 'value-format': '指标值 value-format', scoring: '评分 scoring' };
const DIMENSION = { completeness: '完整性 completeness', relevance: '相关性 relevance', appropriateness: '适当性 appropriateness', feasibility: '可行性 feasibility' };
const SEVERITY = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

/** A table cell's text: no line breaks, no bare pipes. */
const cell = (s: string) => s.replace(/\n/g, ' ').replace(/\|/g, '\\|');

function example(rule: Rule, cases: RuleCases | undefined): string[] {
  const c = cases?.invalid[0];
  const f = c ? runCase(rule, c).found[0] : undefined;
  if (!c || !f) return ['例 Example: —'];
  const options = c.options && Object.keys(c.options).length > 0 ? `（设置 options: ${Object.keys(c.options).join(', ')}）` : '';
  return [
    `例 Example — ${c.title}${options}:`,
    '',
    `- 工作表 sheet「${f.sheet}」，单元格 cells ${f.cells.length ? f.cells.join(', ') : '—'}，消息 message \`${f.messageId}\``,
    `- ${f.message.zh}`,
    `- ${f.message.en}`,
  ];
}

export function rulesDoc(rules: readonly Rule[], cases: readonly RuleCases[]): string {
  const lines = [
    '# 校验规则 / Rules',
    '',
    '由 `npm run docs:rules` 从规则注册表和规则用例生成。Generated from the rule registry and the rule cases by `npm run docs:rules`.',
    '',
    '审核维度 (dimension) after 财预〔2015〕88号: 完整性 completeness, 相关性 relevance, 适当性 appropriateness, 可行性 feasibility.',
    '',
    '| 规则 rule | 级别 severity | 主题 topic | 审核维度 dimension | 说明 | description |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rules) lines.push(`| \`${r.id}\` | ${SEVERITY[r.severity]} | ${TOPIC[r.topic]} | ${DIMENSION[r.dimension]} | ${cell(r.description.zh)} | ${cell(r.description.en)} |`);
  lines.push('', '## 示例 Examples', '', '每条规则的第一个失败用例（测试中实际运行）。Each rule\'s first failing case, as the tests run it.');
  for (const r of rules) {
    lines.push('', `### \`${r.id}\``, '', `消息 messages: ${Object.keys(r.messages).map((m) => `\`${m}\``).join(', ')}`, '');
    lines.push(...example(r, cases.find((c) => c.rule === r)));
  }
  return lines.join('\n') + '\n';
}
