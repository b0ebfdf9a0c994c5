// 预算情况 (万元): amounts are numbers ≥ 0, parts add up to totals, income balances spending,
// and figures quoted in the text agree with the table.
import type { BudgetKey, BudgetLine, CellValue, LocalizedText } from '../types.js';
import type { TableModel } from '../recognise/tableModel.js';
import { defineRule, nearlyEqual, type Message } from './rule.js';
import { formatNumber, roundCents, toHalfWidth } from '../sheet/text.js';
import { fundsExecution } from '../scoring/execution.js';

const n = formatNumber;

export const BUDGET_LABEL: Record<BudgetKey, LocalizedText> = {
  personnel: { zh: '人员经费', en: 'staff costs' },
  publicUse: { zh: '公用经费', en: 'running costs' },
  basicTotal: { zh: '基本支出合计', en: 'basic spending total' },
  projectLocal: { zh: '项目支出', en: 'project spending' },
  transfer: { zh: '对下转移支付', en: 'transfers to lower levels' },
  expenseTotal: { zh: '支出合计', en: 'spending total' },
  srcUpper: { zh: '上级财政补助', en: 'transfer from above' },
  srcLocal: { zh: '本级财政安排', en: 'local appropriation' },
  srcOther: { zh: '其他资金', en: 'other funds' },
  incomeTotal: { zh: '收入预算合计', en: 'income budget total' },
  expenseBudgetTotal: { zh: '支出预算合计', en: 'spending budget total' },
};

/** Amount of a line: blank counts as 0; undefined when absent from the table or not a number. */
function amount(line: BudgetLine | undefined): number | undefined {
  if (!line) return undefined;
  if (line.blank) return 0;
  return line.amount;
}

function valid(line: BudgetLine | undefined): boolean {
  return line !== undefined && (line.blank || (line.amount !== undefined && line.amount >= 0));
}

export const amountInvalid = defineRule<{ key: BudgetKey; raw: string }, 'amountInvalid'>({
  id: 'budget/amount-invalid',
  severity: 'error',
  topic: 'budget',
  dimension: 'appropriateness',
  description: { zh: '预算金额应为不小于 0 的数字（空白按 0 计）。', en: 'Budget amounts are numbers ≥ 0 (blank counts as 0).' },
  messages: {
    amountInvalid: {
      zh: ({ key, raw }) => `预算情况中「${BUDGET_LABEL[key].zh}」的金额「${raw}」不是不小于 0 的数字，请填写以万元为单位的金额。`,
      en: ({ key, raw }) => `The amount "${raw}" for ${BUDGET_LABEL[key].en} is not a number ≥ 0; enter the amount in 10,000 yuan.`,
    },
  },
  check({ table }, report) {
    for (const [key, line] of Object.entries(table.budget) as [BudgetKey, BudgetLine][]) {
      if (valid(line)) continue;
      report({ messageId: 'amountInvalid', cells: [line.cell], data: { key, raw: String(line.raw) } });
    }
  },
});

interface SumData {
  total: BudgetKey;
  parts: BudgetKey[];
  sum: number;
  value: number;
}

/** The message of every parts-and-total rule. */
const PARTS_DIFFER: Message<SumData> = {
  zh: ({ total, parts, sum, value }) => `${parts.map((k) => BUDGET_LABEL[k].zh).join(' + ')} = ${n(sum)} 万元，与${BUDGET_LABEL[total].zh} ${n(value)} 万元不符，请核对金额。`,
  en: ({ total, parts, sum, value }) => `${parts.map((k) => BUDGET_LABEL[k].en).join(' + ')} = ${n(sum)}, which differs from the ${BUDGET_LABEL[total].en} ${n(value)} (10,000 yuan); check the amounts.`,
};

/** Parts → total, when the total is filled and every part present is a valid amount. */
function sumCheck(table: TableModel, total: BudgetKey, parts: BudgetKey[]): SumData | undefined {
  const t = table.budget[total];
  if (!t || t.blank || !valid(t)) return undefined;
  const present = parts.filter((k) => table.budget[k] !== undefined);
  if (present.length === 0 || present.some((k) => !valid(table.budget[k]))) return undefined;
  const sum = present.reduce((a, k) => a + (amount(table.budget[k]) ?? 0), 0);
  const value = amount(t) ?? 0;
  return nearlyEqual(sum, value) ? undefined : { total, parts: present, sum, value };
}

function cellsOf(table: TableModel, keys: BudgetKey[]): string[] {
  return keys.map((k) => table.budget[k]?.cell).filter((c): c is string => c !== undefined);
}

/** Parts add up to their total (when the total is filled and every part is a valid amount). */
function sumRule(id: string, total: BudgetKey, parts: BudgetKey[], description: LocalizedText) {
  return defineRule<SumData, 'partsDiffer'>({
    id,
    severity: 'error',
    topic: 'budget',
    dimension: 'appropriateness',
    description,
    messages: { partsDiffer: PARTS_DIFFER },
    check({ table }, report) {
      const d = sumCheck(table, total, parts);
      if (d) report({ messageId: 'partsDiffer', cells: cellsOf(table, [...d.parts, d.total]), data: d });
    },
  });
}

export const basicSum = sumRule('budget/basic-sum', 'basicTotal', ['personnel', 'publicUse'], {
  zh: '人员经费 + 公用经费 = 基本支出合计。',
  en: 'Staff costs + running costs = basic spending total.',
});

const EXPENSE_PARTS: BudgetKey[] = ['basicTotal', 'projectLocal', 'transfer'];

export const expenseSum = defineRule<SumData, 'partsDiffer'>({
  id: 'budget/expense-sum',
  severity: 'error',
  topic: 'budget',
  dimension: 'appropriateness',
  description: { zh: '基本支出 + 项目支出 + 对下转移支付 = 支出合计。', en: 'Basic + project spending + transfers = spending total.' },
  messages: { partsDiffer: PARTS_DIFFER },
  check({ table }, report) {
    const d = sumCheck(table, 'expenseTotal', EXPENSE_PARTS);
    if (!d) return;
    // Holding without 对下转移支付 is the info rule's case, not an error.
    if (table.budget.transfer && !sumCheck(table, 'expenseTotal', ['basicTotal', 'projectLocal'])) return;
    report({ messageId: 'partsDiffer', cells: cellsOf(table, [...d.parts, d.total]), data: d });
  },
});

export const transferInsideProject = defineRule<Record<string, never>, 'transferInProject'>({
  id: 'budget/transfer-in-project',
  severity: 'info',
  topic: 'budget',
  dimension: 'appropriateness',
  description: {
    zh: '支出合计只在不计对下转移支付时成立：对下转移支付可能已包含在项目支出中。',
    en: 'The spending total holds only without transfers: they may already be inside project spending.',
  },
  messages: {
    transferInProject: {
      zh: '支出合计等于基本支出与项目支出之和，未计对下转移支付；如对下转移支付已含在项目支出中，可忽略此提示。',
      en: 'The spending total equals basic plus project spending without the transfers; if the transfers are part of project spending, ignore this.',
    },
  },
  check({ table }, report) {
    const transfer = amount(table.budget.transfer);
    if (!transfer) return;
    if (!sumCheck(table, 'expenseTotal', EXPENSE_PARTS)) return;
    if (sumCheck(table, 'expenseTotal', ['basicTotal', 'projectLocal'])) return;
    report({ messageId: 'transferInProject', cells: cellsOf(table, ['transfer', 'expenseTotal']), data: {} });
  },
});

export const incomeSum = sumRule('budget/income-sum', 'incomeTotal', ['srcUpper', 'srcLocal', 'srcOther'], {
  zh: '上级财政补助 + 本级财政安排 + 其他资金 = 收入预算合计。',
  en: 'Transfer from above + local appropriation + other funds = income total.',
});

interface PairData {
  a: BudgetKey;
  b: BudgetKey;
  va: number;
  vb: number;
}

function pairRule(id: string, a: BudgetKey, b: BudgetKey, description: LocalizedText) {
  return defineRule<PairData, 'notEqual'>({
    id,
    severity: 'error',
    topic: 'budget',
    dimension: 'appropriateness',
    description,
    messages: {
      notEqual: {
        zh: (d) => `${BUDGET_LABEL[d.a].zh} ${n(d.va)} 万元与${BUDGET_LABEL[d.b].zh} ${n(d.vb)} 万元不相等，请核对。`,
        en: (d) => `The ${BUDGET_LABEL[d.a].en} ${n(d.va)} differs from the ${BUDGET_LABEL[d.b].en} ${n(d.vb)} (10,000 yuan); check them.`,
      },
    },
    check({ table }, report) {
      const la = table.budget[a];
      const lb = table.budget[b];
      if (!la || !lb || la.blank || lb.blank || !valid(la) || !valid(lb)) return;
      const va = amount(la) ?? 0;
      const vb = amount(lb) ?? 0;
      if (!nearlyEqual(va, vb)) report({ messageId: 'notEqual', cells: [la.cell, lb.cell], data: { a, b, va, vb } });
    },
  });
}

export const expenseMatch = pairRule('budget/expense-total-match', 'expenseTotal', 'expenseBudgetTotal', {
  zh: '支出合计 = 支出预算合计。',
  en: 'Spending total = spending budget total.',
});

export const balance = pairRule('budget/balance', 'incomeTotal', 'expenseBudgetTotal', {
  zh: '收入预算合计 = 支出预算合计（收支平衡）。',
  en: 'Income total = spending budget total (the budget balances).',
});

const TOTAL_PARTS: [BudgetKey, BudgetKey[]][] = [
  ['basicTotal', ['personnel', 'publicUse']],
  ['expenseTotal', EXPENSE_PARTS],
  ['incomeTotal', ['srcUpper', 'srcLocal', 'srcOther']],
];

export const totalBlank = defineRule<{ total: BudgetKey; sum: number }, 'totalBlank'>({
  id: 'budget/total-blank',
  severity: 'warning',
  topic: 'budget',
  dimension: 'appropriateness',
  description: { zh: '分项已填写而合计空白。', en: 'A total is blank while its parts are filled.' },
  messages: {
    totalBlank: {
      zh: ({ total, sum }) => `${BUDGET_LABEL[total].zh}空白，而其分项合计为 ${n(sum)} 万元，请填写合计金额。`,
      en: ({ total, sum }) => `The ${BUDGET_LABEL[total].en} is blank while its parts add up to ${n(sum)} (10,000 yuan); fill in the total.`,
    },
  },
  check({ table }, report) {
    for (const [total, parts] of TOTAL_PARTS) {
      const t = table.budget[total];
      if (!t || !t.blank) continue;
      const filled = parts.filter((k) => {
        const line = table.budget[k];
        return line !== undefined && !line.blank && line.amount !== undefined;
      });
      if (filled.length === 0) continue;
      const sum = filled.reduce((a, k) => a + (amount(table.budget[k]) ?? 0), 0);
      report({ messageId: 'totalBlank', cells: [t.cell], data: { total, sum } });
    }
  },
});

/** The table's overall budget: 支出合计, else 支出预算合计, else 收入预算合计, else the sum of parts. */
export function budgetTotal(table: TableModel): number | undefined {
  for (const k of ['expenseTotal', 'expenseBudgetTotal', 'incomeTotal'] as const) {
    const line = table.budget[k];
    if (line && !line.blank && line.amount !== undefined) return line.amount;
  }
  const parts = EXPENSE_PARTS.map((k) => table.budget[k]).filter((l) => l && !l.blank && l.amount !== undefined);
  return parts.length ? parts.reduce((a, l) => a + (l?.amount ?? 0), 0) : undefined;
}

/** Every "142.82万元" (or "142.82 万元") figure in a text. */
export function amountsIn(text: string): number[] {
  const out: number[] = [];
  const re = /(\d+(?:\.\d+)?)\s*万元/g;
  for (const m of toHalfWidth(text).matchAll(re)) out.push(Number(m[1]));
  return out;
}

export const goalAmount = defineRule<{ quoted: number; total: number }, 'goalAmount'>({
  id: 'budget/goal-amount',
  severity: 'warning',
  topic: 'budget',
  dimension: 'appropriateness',
  description: { zh: '年度绩效目标中写的资金额应与预算合计一致。', en: 'The amount named in the annual goal matches the budget total.' },
  messages: {
    goalAmount: {
      zh: ({ quoted, total }) => `年度绩效目标中写的 ${n(quoted)} 万元与预算合计 ${n(total)} 万元不一致，请核对。`,
      en: ({ quoted, total }) => `The annual goal names ${n(quoted)} (10,000 yuan) but the budget total is ${n(total)}; check them.`,
    },
  },
  check({ table }, report) {
    const total = budgetTotal(table);
    if (total === undefined || !table.goal) return;
    const quoted = amountsIn(table.goal);
    if (quoted.length === 0 || quoted.some((q) => nearlyEqual(q, total))) return;
    // Figures smaller than the total may be parts (e.g. 人员经费); only the largest is the claimed total.
    const largest = Math.max(...quoted);
    if (largest < total) {
      const lines = Object.values(table.budget).map((l) => amount(l));
      if (lines.some((v) => v !== undefined && nearlyEqual(v, largest))) return;
    }
    report({ messageId: 'goalAmount', cells: table.goalCell ? [table.goalCell] : [], data: { quoted: largest, total } });
  },
});

const labelOf = (key: BudgetKey | 'total'): LocalizedText => (key === 'total' ? { zh: '预算合计', en: 'budget total' } : BUDGET_LABEL[key]);

/** Which budget line a money amount in an indicator's text belongs to, by the words before it. */
function lineFor(text: string): BudgetKey | undefined {
  if (/人员经费|工资|人员支出/.test(text)) return 'personnel';
  if (/公用经费|机关运行经费|运行经费|公用支出/.test(text)) return 'publicUse';
  if (/基本支出/.test(text)) return 'basicTotal';
  if (/项目支出|项目资金|项目经费/.test(text)) return 'projectLocal';
  if (/转移支付/.test(text)) return 'transfer';
  return undefined;
}

export const indicatorAmount = defineRule<{ name: string; quoted: number; key: BudgetKey | 'total'; limit: number }, 'aboveLine' | 'aboveTotal'>({
  id: 'budget/indicator-amount',
  severity: 'warning',
  topic: 'budget',
  dimension: 'appropriateness',
  description: {
    zh: '指标中写的资金额不应大于其所属预算项的金额。',
    en: 'A money amount written in an indicator is not larger than the budget line it belongs to.',
  },
  messages: {
    aboveLine: {
      zh: ({ name, quoted, key, limit }) => `指标「${name}」中写的 ${n(quoted)} 万元大于${labelOf(key).zh} ${n(limit)} 万元，请核对。`,
      en: ({ name, quoted, key, limit }) => `Indicator "${name}" names ${n(quoted)} (10,000 yuan), more than the ${labelOf(key).en} ${n(limit)}; check it.`,
    },
    aboveTotal: {
      zh: ({ name, quoted, limit }) => `指标「${name}」中写的 ${n(quoted)} 万元大于预算合计 ${n(limit)} 万元，请核对。`,
      en: ({ name, quoted, limit }) => `Indicator "${name}" names ${n(quoted)} (10,000 yuan), more than the budget total ${n(limit)}; check it.`,
    },
  },
  check({ table }, report) {
    const total = budgetTotal(table);
    for (const r of table.indicators) {
      for (const [text, cell] of [
        [r.name, r.cells.l3],
        [r.content, r.cells.content],
        [r.remark, r.cells.remark],
      ] as const) {
        if (!text || !text.includes('万')) continue;
        for (const m of toHalfWidth(text).matchAll(/(\d+(?:\.\d+)?)\s*万元/g)) {
          const quoted = Number(m[1]);
          const before = toHalfWidth(text).slice(0, m.index ?? 0);
          const key = lineFor(before.slice(-20)) ?? lineFor(r.name);
          const line = key ? amount(table.budget[key]) : undefined;
          const limit = line !== undefined && line > 0 ? line : total;
          if (limit === undefined || quoted <= limit + 0.005) continue;
          const ofLine = line !== undefined && line > 0 && key !== undefined;
          report({
            messageId: ofLine ? 'aboveLine' : 'aboveTotal',
            cells: cell ? [cell] : [],
            data: { name: r.name, quoted, key: ofLine ? key : 'total', limit },
            indicatorRow: r.row,
          });
        }
      }
    }
  },
});

// 项目资金 / 预算执行情况: the total and its parts, column by column (年初预算数, 全年预算数, 全年执行数).
const FUNDS_COLUMN_NAME: Record<'amount' | 'initial' | 'budget' | 'executed', LocalizedText> = {
  amount: { zh: '金额', en: 'amount' },
  initial: { zh: '年初预算数', en: 'initial budget' },
  budget: { zh: '全年预算数', en: 'full-year budget' },
  executed: { zh: '全年执行数', en: 'full-year spending' },
};
const FUNDS_SUMMED = ['amount', 'initial', 'budget', 'executed'] as const;

interface FundsSum {
  block: string;
  column: (typeof FUNDS_SUMMED)[number];
  total: string;
  parts: string;
  sum: number;
  value?: number;
  cells: string[];
}

function fundsSums(table: TableModel): FundsSum[] {
  const funds = table.funds;
  if (!funds || funds.parts.length === 0) return [];
  const out: FundsSum[] = [];
  for (const column of FUNDS_SUMMED) {
    const total = funds.total.cells[column];
    if (!total) continue;
    const parts = funds.parts.map((p) => ({ p, c: p.cells[column] })).filter((x) => x.c !== undefined);
    // Parts that are not numbers are the template's "—"; only filled parts are summed.
    if (!parts.some((x) => x.c?.amount !== undefined)) continue;
    if (parts.some((x) => !x.c?.blank && x.c?.amount === undefined)) continue;
    const sum = parts.reduce((a, x) => a + (x.c?.amount ?? 0), 0);
    out.push({
      block: funds.title,
      column,
      total: funds.total.label,
      parts: parts.map((x) => x.p.label).join(' + '),
      sum,
      ...(total.amount !== undefined ? { value: total.amount } : {}),
      cells: [...parts.map((x) => x.c?.cell as string), total.cell],
    });
  }
  return out;
}

export const fundsSum = defineRule<FundsSum & { value: number }, 'partsDiffer'>({
  id: 'budget/funds-sum',
  severity: 'error',
  topic: 'budget',
  dimension: 'appropriateness',
  description: {
    zh: '项目资金（预算执行情况）中，年度资金总额应等于本年财政拨款、上年结转资金和其他资金之和（逐列核对）。',
    en: 'In the project funds block the total equals the sum of its parts (this year’s appropriation, carry-over, other funds), column by column.',
  },
  messages: {
    partsDiffer: {
      zh: ({ block, column, total, parts, sum, value }) => `${block}${FUNDS_COLUMN_NAME[column].zh === '金额' ? '' : `「${FUNDS_COLUMN_NAME[column].zh}」`}：${parts} = ${n(sum)} 万元，与${total} ${n(value)} 万元不符，请核对金额。`,
      en: ({ block, column, sum, value }) => `${block} (${FUNDS_COLUMN_NAME[column].en}): the parts add up to ${n(sum)}, but the total is ${n(value)} (10,000 yuan); check the amounts.`,
    },
  },
  check({ table }, report) {
    for (const d of fundsSums(table)) {
      if (d.value === undefined || nearlyEqual(d.sum, d.value)) continue;
      report({ messageId: 'partsDiffer', cells: d.cells, data: { ...d, value: d.value } });
    }
  },
});

export const fundsTotalBlank = defineRule<FundsSum, 'fundsTotalBlank'>({
  id: 'budget/funds-total-blank',
  severity: 'warning',
  topic: 'budget',
  dimension: 'appropriateness',
  description: { zh: '项目资金的分项已填写而年度资金总额空白。', en: 'Project fund parts are filled but the total is blank.' },
  messages: {
    fundsTotalBlank: {
      zh: ({ total, sum }) => `${total}空白，而其分项合计为 ${n(sum)} 万元，请填写总额。`,
      en: ({ total, sum }) => `The total (${total}) is blank while its parts add up to ${n(sum)} (10,000 yuan); fill it in.`,
    },
  },
  check({ table }, report) {
    for (const d of fundsSums(table)) {
      const total = table.funds?.total.cells[d.column];
      if (total?.blank && d.sum > 0) report({ messageId: 'fundsTotalBlank', cells: [total.cell], data: d });
    }
  },
});

/** A rate as written: 0.95, 95, "95%" or 0.95 formatted 0% → 0.95. */
function rateOf(raw: CellValue, text: string): number | undefined {
  if (typeof raw === 'number') return raw > 1.5 ? raw / 100 : raw;
  const t = toHalfWidth(text).replace(/\s+/g, '');
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return undefined;
  const x = Number(m[1]);
  return m[2] === '%' || x > 1.5 ? x / 100 : x;
}

export const fundsExecutionDiffers = defineRule<{ published: string; ours: string }, 'rateDiffers' | 'scoreDiffers'>({
  id: 'budget/funds-execution',
  severity: 'warning',
  topic: 'budget',
  dimension: 'appropriateness',
  description: {
    zh: '项目资金的执行率应为全年执行数 ÷ 全年预算数，得分应为分值 × 执行率（不超过分值）。',
    en: 'The execution rate is full-year spending ÷ full-year budget, and its score is points × rate (at most the points).',
  },
  messages: {
    rateDiffers: {
      zh: ({ published, ours }) => `执行率填写为 ${published}，按全年执行数 ÷ 全年预算数应为 ${ours}，请核对。`,
      en: ({ published, ours }) => `The execution rate is given as ${published}; spending ÷ budget gives ${ours}.`,
    },
    scoreDiffers: {
      zh: ({ published, ours }) => `预算执行率得分填写为 ${published}，按分值 × 执行率应为 ${ours}，请核对。`,
      en: ({ published, ours }) => `The execution score is given as ${published}; points × rate gives ${ours}.`,
    },
  },
  check({ table }, report) {
    const e = fundsExecution(table);
    const t = table.funds?.total.cells;
    if (!e || !t) return;
    if (t.rate && !t.rate.blank) {
      const published = rateOf(t.rate.raw, String(t.rate.raw ?? ''));
      if (published !== undefined && Math.abs(published - e.rate) > 0.001) {
        report({ messageId: 'rateDiffers', cells: [t.rate.cell], data: { published: `${n(roundCents(published * 100))}%`, ours: `${n(roundCents(e.rate * 100))}%` } });
      }
    }
    if (t.score?.amount !== undefined && e.score !== undefined && Math.abs(t.score.amount - e.score) > 0.01 + 1e-9) {
      report({ messageId: 'scoreDiffers', cells: [t.score.cell], data: { published: t.score.amount.toFixed(2), ours: e.score.toFixed(2) } });
    }
  },
});

export const budgetRules = [amountInvalid, basicSum, expenseSum, transferInsideProject, incomeSum, expenseMatch, balance, totalBlank, goalAmount, indicatorAmount, fundsSum, fundsTotalBlank, fundsExecutionDiffers];
