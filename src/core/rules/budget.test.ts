import { executionBlockForm, selfEvaluationForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/layouts.js';
import { failing, passing } from '../../../test/helpers/ruleCases.js';
import { VALID_BUDGET, rowsWith } from '../../../test/helpers/workbooks.js';

const budget = (patch: Partial<typeof VALID_BUDGET>) => ({ budget: { ...VALID_BUDGET, ...patch } });

// Cells of the builder's budget block: amounts in D5..D10 (spending) and F5..F9 (sources).
describe('budget rules', () => {
  passing('budget/amount-invalid', 'numbers, numeric text and blanks', budget({ personnel: '130.40', transfer: null }));
  failing('budget/amount-invalid', 'text in an amount', budget({ projectLocal: '待定' }), { cells: ['D8'], zh: /项目支出.*待定/ });
  failing('budget/amount-invalid', 'a negative amount', budget({ srcUpper: -1 }), { cells: ['F5'] });

  passing('budget/basic-sum', '130.4 + 12.42 = 142.82', {});
  passing('budget/basic-sum', 'total computed by a formula', budget({ basicTotal: { formula: 'D5+D6', result: 142.82 } }));
  failing('budget/basic-sum', '130.4 + 12.42 ≠ 140', budget({ basicTotal: 140 }), { cells: ['D5', 'D6', 'D7'], zh: /142.82 万元，与基本支出合计 140 万元不符/ });

  passing('budget/expense-sum', 'basic + project = total', {});
  failing('budget/expense-sum', 'total 150 for 152.82 of parts', budget({ expenseTotal: 150, expenseBudgetTotal: 150, incomeTotal: 150, srcUpper: 7.18 }), { cells: ['D7', 'D8', 'D9', 'D10'] });

  passing('budget/transfer-in-project', 'no transfer', {});
  failing('budget/transfer-in-project', 'total holds only without the transfer', budget({ transfer: 5 }), { cells: ['D9', 'D10'] });

  passing('budget/income-sum', 'sources add up', {});
  failing('budget/income-sum', 'sources 10 + 142.82 ≠ 160', budget({ incomeTotal: 160 }), { cells: ['F5', 'F6', 'F7', 'F8'] });

  passing('budget/expense-total-match', 'both 152.82', {});
  failing('budget/expense-total-match', '支出合计 152.82 vs 支出预算合计 150', budget({ expenseBudgetTotal: 150 }), { cells: ['D10', 'F9'] });

  passing('budget/balance', 'income = spending', {});
  failing('budget/balance', 'income 152.82 vs spending budget 150', budget({ expenseBudgetTotal: 150 }), { cells: ['F8', 'F9'] });

  passing('budget/total-blank', 'totals filled', {});
  passing('budget/total-blank', 'everything blank', { budget: { personnel: null, publicUse: null, basicTotal: null, projectLocal: null, expenseTotal: null, srcUpper: null, srcLocal: null, srcOther: null, incomeTotal: null, expenseBudgetTotal: null } });
  failing('budget/total-blank', '支出合计 blank beside filled parts', budget({ expenseTotal: null }), { cells: ['D10'], zh: /支出合计空白/ });

  passing('budget/goal-amount', 'goal names the total', {});
  passing('budget/goal-amount', 'goal names a part (人员经费)', { goal: '其中人员经费 130.4万元，保障运行。' });
  failing('budget/goal-amount', 'goal names 200万元', { goal: '规范使用200万元财政资金。' }, { cells: ['B3'], zh: /200 万元与预算合计 152.82 万元不一致/ });

  passing('budget/indicator-amount', '机关运行经费 5.52 万元 within 公用经费', { rows: rowsWith(1, { remark: '机关运行经费（5.52 万元）不超支' }) });
  failing('budget/indicator-amount', '机关运行经费 20 万元 above 公用经费 12.42', { rows: rowsWith(1, { remark: '机关运行经费（20 万元）不超支' }) }, { cells: ['I13'], zh: /20 万元大于公用经费 12.42 万元/ });
  failing('budget/indicator-amount', 'an amount above the whole budget', { rows: rowsWith(4, { content: '投入 500万元' }) }, { zh: /大于预算合计/ });

  passing('budget/funds-sum', '总额 90 = 财政资金 80 + 财政专户管理资金 10', executionBlockForm(90));
  failing('budget/funds-sum', '总额 0 beside parts of 90', executionBlockForm(0), { cells: ['C4', 'C5', 'C6', 'C7', 'C3'], zh: /预算执行情况：.*= 90 万元，与总额 0 万元不符/ });
  passing('budget/funds-sum', 'the 自评表 block, column by column', selfEvaluationForm());
  failing('budget/funds-sum', '全年执行数 of the parts ≠ the total', withRows(selfEvaluationForm(), (g) => { g[5][4] = 80; return g; }), { zh: /「全年执行数」/ });
  passing('budget/funds-total-blank', 'a filled total', executionBlockForm(90));
  failing('budget/funds-total-blank', 'a blank total', executionBlockForm(null), { cells: ['C3'], zh: /总额空白，而其分项合计为 90 万元/ });
  passing('budget/funds-execution', '执行率 95% and 得分 9.5 as computed', selfEvaluationForm());
  failing('budget/funds-execution', '执行率 given as 100%', withRows(selfEvaluationForm(), (g) => { g[4][6] = 1; return g; }), { cells: ['G5'], zh: /执行率填写为 100%.*应为 95%/ });
  failing('budget/funds-execution', '得分 given as 10', withRows(selfEvaluationForm(), (g) => { g[4][7] = 10; return g; }), { cells: ['H5'], zh: /得分填写为 10.00.*应为 9.50/ });
});
