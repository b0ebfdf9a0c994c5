import { selfEvaluationForm, wholeSpendingForm } from '../../../test/helpers/published.js';
import { withRows } from '../../../test/helpers/layouts.js';
import { failing, passing } from '../../../test/helpers/ruleCases.js';
import { rowsWith, validRows, type RowSpec } from '../../../test/helpers/workbooks.js';

describe('weights rules', () => {
  passing('weights/level1-missing', 'every 一级 has a positive weight', {});
  failing('weights/level1-missing', 'a blank weight', { rows: rowsWith(3, { weight: null }) }, { cells: ['B15'] });
  failing('weights/level1-missing', 'a weight typed as words', { rows: rowsWith(3, { weight: '三十' }) }, { zh: /三十/ });
  failing('weights/level1-missing', 'a zero weight', { rows: rowsWith(0, { weight: 0 }) }, { cells: ['B12'] });

  passing('weights/level1-sum', 'weights total 100', {});
  passing('weights/level1-sum', 'weights typed as text total 100', { rows: rowsWith(0, { weight: '10' }) });
  passing('weights/level1-missing', 'weights written 「10%」 and 「30分」', { rows: rowsWith(3, { weight: '30分' }).map((r, i) => (i === 0 ? { ...r, weight: '10%' } : r)) });
  passing('weights/level1-sum', 'weights written 「10%」 and 「30分」 total 100', { rows: rowsWith(3, { weight: '30分' }).map((r, i) => (i === 0 ? { ...r, weight: '10%' } : r)) });
  passing('weights/level1-sum', '90 with 10 reserved points', { rows: rowsWith(3, { weight: 20 }) }, { reservedPoints: 10 });
  failing('weights/level1-sum', 'weights total 90', { rows: rowsWith(3, { weight: 20 }) }, { cells: ['B12', 'B15', 'B18', 'B20'], zh: /合计 90，应为 100/ });
  failing('weights/level1-sum', 'reserved points change what is expected', {}, { zh: /应为 90（100 分中预留 10 分/ }, { reservedPoints: 10 });

  const l2Columns = ['l1', 'weight', 'l2', 'l2weight', 'name', 'type', 'value', 'unit', 'content', 'remark'] as const;
  const l2Rows = (second: number): RowSpec[] =>
    validRows().map((r) => ({ ...r, l2weight: r.l2 ? ({ 预算收支管理: 5, 财会管理: second, 数量指标: 10, 质量指标: 10, 时效指标: 10, 社会效益: 15, 服务对象满意度: 15, 制度建设: 15, 改革创新: 15 } as Record<string, number>)[r.l2] : undefined }));
  passing('weights/level2-sum', '二级 weights add up to the 一级 weight', {
    columns: [...l2Columns],
    rows: l2Rows(5),
  });
  failing('weights/level2-sum', '二级 weights 5 + 4 under a 10', { columns: [...l2Columns], rows: l2Rows(4) }, { zh: /合计 9，与一级权重 10 不一致/ });

  const pointsColumns = ['l1', 'weight', 'l2', 'name', 'points', 'type', 'value', 'unit', 'content', 'remark'] as const;
  const pointsOf = [4, 3, 3, 10, 10, 10, 15, 15, 15, 15];
  passing('weights/points-sum', 'per-三级 分值 add up to each 一级', { columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: pointsOf[i] })) });
  failing('weights/points-sum', '分值 4 + 3 + 2 under a 10', { columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: i === 2 ? 2 : pointsOf[i] })) }, { zh: /合计 9，与其权重 10 不一致/ });

  passing('weights/points-invalid', 'every 分值 is a number', { columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: pointsOf[i] })) });
  failing('weights/points-invalid', 'a 分值 left blank', { columns: [...pointsColumns], rows: validRows().map((r, i) => ({ ...r, points: i === 1 ? null : pointsOf[i] })) }, { cells: ['E13'] });

  const l2Blank = l2Rows(5).map((r) => (r.l2 === '财会管理' ? { ...r, l2weight: null } : r));
  passing('weights/level2-missing', 'every 二级 has its weight', { columns: [...l2Columns], rows: l2Rows(5) });
  failing('weights/level2-missing', 'a blank 二级 weight in a 二级 weight column', { columns: [...l2Columns], rows: l2Blank }, { count: 1, cells: ['D14'], zh: /财会管理/ });

  passing('weights/national-departure', 'labels stating 50/30/10', selfEvaluationForm());
  failing('weights/national-departure', '分值 adding up to 60/30/10', wholeSpendingForm(), { count: 1, cells: ['A5'], zh: /产出指标 60（建议 50）/ });

  // The table's own statements win over 10号's defaults.
  passing('weights/points-sum', '分值 60/30/10 without a 一级 weight column', wholeSpendingForm());
  passing('weights/level1-sum', '分值 60/30/10 add up to 100', wholeSpendingForm());
  passing('weights/level1-sum', 'labels 50/30/10 with 10 for 预算执行率 in the 项目资金 block', selfEvaluationForm());
  failing('weights/level1-sum', '分值 adding up to 95', withRows(wholeSpendingForm(), (g) => { g[4][3] = 15; return g; }), { zh: /三级指标分值合计 95，应为 100/ });
  failing('weights/points-sum', 'a label stating 50 over 分值 of 45', withRows(selfEvaluationForm(), (g) => { g[11][6] = 15; return g; }), { zh: /「产出指标」下三级指标分值合计 45，与其权重 50 不一致/ });
});
