// Published forms from other provinces (DOMAIN §2a), read as a reviewer would: the right
// table, the right weights and scores, and no finding on a correct row.
import fc from 'fast-check';
import { checkWorkbook, planResults, type CellValue, type Report } from '../../src/core/index.js';
import { layoutSnapshot, withRows, type Layout } from '../helpers/layouts.js';
import { executionBlockForm, projectTargetForm, selfEvaluationForm, wholeSpendingForm } from '../helpers/published.js';

const run = (layout: Layout): Report => checkWorkbook(layoutSnapshot(layout));
const notInfo = (r: Report) => r.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info');
const rules = (r: Report) => r.tables.flatMap((t) => t.findings).map((f) => f.rule).sort();

describe('the national 项目支出绩效自评表, filled in', () => {
  const report = run(selfEvaluationForm());
  const table = report.tables[0];

  test('is one table at year end, its unit the 实施单位, not a label', () => {
    expect(report.tables).toHaveLength(1);
    expect(table.stage).toBe('self-evaluation');
    expect(table.unitName).toBe('某县职工服务中心');
  });

  test('一级 labels that state their points are named without them and weigh what they say', () => {
    expect(table.level1.map((g) => [g.name, g.weight])).toEqual([
      ['产出指标', 50],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
  });

  test('the goal is what is written under 预期目标, not the heading', () => {
    expect(table.goal).toBe('新建职工服务阵地 3 处，职工满意度达到 90% 以上');
  });

  test('a bare 「指标2：」 with a value is an indicator without a name', () => {
    const layout = withRows(selfEvaluationForm(), (g) => {
      g[12][4] = '≥2处';
      g[12][5] = '2处';
      return g;
    });
    const t = run(layout).tables[0];
    expect(t.slotRows).toBe(4);
    expect(t.findings.filter((f) => f.rule === 'structure/empty-name').map((f) => f.cells)).toEqual([['D13']]);
  });

  test('template slots are skipped, a slot prefix is stripped from a real name', () => {
    expect(table.indicators.map((i) => i.name)).toEqual(['新建服务阵地数量', '工程验收合格率', '项目完成时间', '职工服务覆盖率', '职工满意度']);
    expect(table.slotRows).toBe(5);
  });

  test('the 项目资金 block gives 10 reserved points and the 执行率 score', () => {
    expect(table.totals).toMatchObject({ points: 90, reserved: 10 });
    expect(table.execution).toEqual({ rate: 0.95, points: 10, score: 9.5 });
  });

  test('scores by the 10号 formulas; only the published 9 against 8.62 is a finding, with both figures', () => {
    expect(table.indicators.map((i) => i.score)).toEqual([20, 20, 10, 28.67, 8.62]);
    expect(table.indicators.map((i) => i.publishedScore)).toEqual([20, 20, 10, 28.67, 9]);
    expect(notInfo(report).map((f) => [f.rule, f.cells])).toEqual([['scoring/published-differs', ['H21']]]);
    expect(notInfo(report)[0].message.zh).toContain('9.00');
    expect(notInfo(report)[0].message.zh).toContain('8.62');
  });

  describe('a 定性 row: the evaluator\'s figure within the tier\'s range stands', () => {
    const qualitative = (actual: string, published: number) =>
      run(
        withRows(selfEvaluationForm(), (g) => {
          g[13][4] = '验收合格';
          g[13][5] = actual;
          g[13][7] = published;
          g[13][8] = '部分设备待调试，下年完成';
          return g;
        }),
      ).tables[0];
    test.each([
      ['全部验收合格，运行良好', 20, 20],
      ['部分达成年度指标并具有一定效果', 15, 15],
      ['达成年度指标', 17, 17],
    ])('%s published %d is taken as %d, no finding on the row', (actual, published, score) => {
      const t = qualitative(actual, published);
      expect(t.indicators[1].score).toBe(score);
      expect(t.findings.filter((f) => f.indicatorRow === 14)).toEqual([]);
    });
    test('部分达成 published 19 (above its 60–80 %) is audited against 14', () => {
      const t = qualitative('部分达成年度指标并具有一定效果', 19);
      expect(t.indicators[1].score).toBe(14);
      expect(t.findings.filter((f) => f.indicatorRow === 14).map((f) => f.rule)).toEqual(['scoring/published-differs']);
    });
  });

  test('with no free column right of the table, the plan writes no header over a user\'s cell', () => {
    // Every column from J to the sheet's edge is taken on the header row (J by text, K:XFD by a merge).
    const layout = withRows(selfEvaluationForm(), (g) => g.map((row, i) => [...row, i === 10 ? '用户的列' : null]));
    const snapshot = layoutSnapshot({ ...layout, merges: [...(layout.merges ?? []), 'K11:XFD11'] });
    const [plan] = planResults(snapshot, checkWorkbook(snapshot));
    expect(plan.writes.map((w) => w.address)).not.toContain('J11');
    expect(plan.skipped).toContain('J11');
  });

  test('our column beside its own 得分 is headed 复核得分, right of the table', () => {
    const snapshot = layoutSnapshot(selfEvaluationForm());
    const [plan] = planResults(snapshot, checkWorkbook(snapshot));
    expect(plan.column).toBe('J');
    expect(plan.writes[0]).toMatchObject({ address: 'J11', value: '复核得分' });
  });
});

describe('a 整体支出 form with 分值, 指标性质 and 指标方向, split by a page break', () => {
  const report = run(wholeSpendingForm());
  const table = report.tables[0];

  test('the repeated header continues the table and the split 效益指标 is one 一级', () => {
    expect(report.tables).toHaveLength(1);
    expect(table.level1.map((g) => g.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(table.level1[1].level2.map((s) => s.name)).toEqual(['社会效益指标', '可持续影响指标']);
    expect(table.indicators).toHaveLength(10);
  });

  test('weights are the 分值 the table states (60/30/10 = 100), nothing reserved, no false alarm', () => {
    expect(table.level1.map((g) => g.weight)).toEqual([60, 30, 10]);
    expect(table.totals).toEqual({ points: 100, score: 100, reserved: 0 });
    expect(notInfo(report)).toEqual([]);
    expect(rules(report)).toEqual(['structure/type-inferred', 'weights/national-departure']);
  });

  test('指标性质 and 指标方向 are both read: the comparator from one, the direction from the other', () => {
    expect(table.columns).toMatchObject({ nature: 'E', comparator: 'F', value: 'G' });
    expect(table.indicators[0].value).toMatchObject({ comparator: '>=', number: 24, unit: '场' });
    expect(table.indicators[2].value).toMatchObject({ comparator: '<=', number: 0, unit: '%' });
  });

  test('an unknown column is kept as another column, never fatal', () => {
    const layout = withRows(wholeSpendingForm(), (g) => g.map((row, i) => [...row, i === 3 || i === 12 ? '责任科室' : i > 3 ? '办公室' : null]));
    const t = run(layout).tables[0];
    expect(t.otherColumns).toEqual([{ column: 'J', label: '责任科室' }]);
    expect(notInfo(run(layout))).toEqual([]);
  });
});

test('the Beijing 项目支出绩效目标申报表: 权重 per 三级 adding up to 90, 10 left for 预算执行率, no finding', () => {
  const report = run(projectTargetForm());
  const t = report.tables[0];
  expect(t.unitName).toBe('某区养老服务指导中心');
  expect(t.level1.map((g) => g.weight)).toEqual([50, 30, 10]);
  expect(t.totals).toMatchObject({ points: 90, reserved: 10 });
  expect(rules(report)).toEqual(['structure/type-inferred']);
});

describe('other header words for the value column', () => {
  test.each(['年度指标值', '目标值', '年度目标值', '预期目标值', '当年预期实现值', '全年指标值', '计划指标值', '指标值（含单位）', '目标值及单位'])('%s', (label) => {
    const layout = withRows(wholeSpendingForm(), (g) => {
      g[3][6] = label;
      g[12][6] = label;
      return g;
    });
    const report = run(layout);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0].indicators).toHaveLength(10);
    expect(notInfo(report)).toEqual([]);
  });
});

test('「指标名称」 under 一级/二级 columns is the 三级 column', () => {
  const layout = withRows(wholeSpendingForm(), (g) => {
    g[3][2] = '指标名称';
    g[12][2] = '指标名称';
    return g;
  });
  const report = run(layout);
  expect(report.tables[0].indicators).toHaveLength(10);
  expect(notInfo(report)).toEqual([]);
});

describe('the unit name', () => {
  test('from the value beside 部门（单位）名称', () => {
    expect(run(wholeSpendingForm()).tables[0].unitName).toBe('XX县文化旅游广电局');
  });
  test('a blank 主管部门 does not take the next label 实施单位', () => {
    const layout = withRows(selfEvaluationForm(), (g) => {
      g[2][1] = null;
      g[2][6] = null;
      return g;
    });
    // Nor the project's name or the title: without a unit's name there is none.
    expect(run(layout).tables[0].unitName).toBe('');
  });
  test('written in the label cell itself: 「单位名称：XX县教育局」', () => {
    const layout = withRows(executionBlockForm(), (g) => {
      g[1] = ['单位名称：XX县教育局', null, null, null, null, null];
      return g;
    });
    expect(run(layout).tables[0].unitName).toBe('XX县教育局');
  });
});

describe('the 预算执行情况 block', () => {
  test('a total of 0 beside parts of 90 is an error, and the block is not read as 预算情况', () => {
    const report = run(executionBlockForm(0));
    expect(notInfo(report).map((f) => f.rule)).toEqual(['budget/funds-sum']);
    expect(report.tables[0].budget).toEqual({});
  });
  test('a correct block gives no finding', () => {
    expect(notInfo(run(executionBlockForm(90)))).toEqual([]);
  });
  test('laid across one row with the amounts below: 总额 0 beside 80 + 10 is an error too', () => {
    const layout = withRows(executionBlockForm(), (g) => {
      const rows = [
        ['预算执行情况（万元）', '总额', '财政资金', '财政专户管理资金', '单位资金', '其他资金'],
        [null, 0, 80, 10, 0, null],
      ];
      return [g[0], g[1], ...rows, ...g.slice(7)];
    });
    const report = run(layout);
    expect(notInfo(report).map((f) => [f.rule, f.cells])).toEqual([['budget/funds-sum', ['C4', 'D4', 'E4', 'F4', 'B4']]]);
  });
});

// Random placements of slots, split blocks and label spellings in an otherwise correct table.
describe('property: furniture never becomes findings', () => {
  const slotTexts = ['指标1：', '指标2:', '指标3', '……', '…', '/', '／'];
  const stated: Record<string, number> = { 产出指标: 60, 效益指标: 30, 满意度指标: 10 };
  const spell = (name: string, style: number): string => {
    if (style === 1) return name.replace('指标', '\n指标');
    if (style === 2) return ` ${name} `;
    if (style === 3) return `${name}\n（${stated[name]}分）`;
    return name;
  };
  test('zero warnings or errors, the same 分值', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...slotTexts)), { maxLength: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (slots, style) => {
          const base = wholeSpendingForm();
          let rows = base.grid.slice(4).filter((r) => r[2] !== '三级指标');
          // 一级 and 二级 filled down on every row, so rows can be moved and slots inserted anywhere.
          let l1: CellValue | undefined = null;
          let l2: CellValue | undefined = null;
          rows = rows.map((r) => {
            l1 = r[0] ?? l1;
            l2 = r[1] ?? l2;
            return [spell(String(l1), style), l2, ...r.slice(2)];
          });
          for (const [at, text] of slots) {
            const host = rows[Math.min(at, rows.length - 1)];
            rows.splice(Math.min(at, rows.length - 1) + 1, 0, [host[0], host[1], text, null, null, null, null, null, null]);
          }
          const layout: Layout = { grid: [...base.grid.slice(0, 4), ...rows], merges: ['A1:I1', 'B2:I2', 'B3:I3'] };
          const report = run(layout);
          expect(report.tables).toHaveLength(1);
          expect(notInfo(report)).toEqual([]);
          const t = report.tables[0];
          expect(t.indicators.map((i) => i.points)).toEqual([20, 10, 10, 10, 5, 5, 10, 10, 10, 10]);
          expect(t.level1.map((g) => g.name)).toEqual(['产出指标', '效益指标', '满意度指标']);
          expect(t.slotRows ?? 0).toBe(slots.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});
