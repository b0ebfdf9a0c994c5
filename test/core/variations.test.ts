// The layout variations of DOMAIN.md §2: each is recognised by meaning, with no false alarms.
import ExcelJS from 'exceljs';
import { snapshotOf } from '../../src/adapters/exceljs/snapshot.js';
import { checkWorkbook } from '../../src/core/index.js';
import { DEFAULT_COLUMNS, buildWorkbook, check, validRows, writeTable, type RowSpec } from '../helpers/workbooks.js';

const rulesOf = (r: ReturnType<typeof check>, i = 0) => r.tables[i].findings.map((f) => f.rule);

describe('layout variations', () => {
  test('the valid table: no findings, points 100, every row scored', () => {
    const r = check({});
    expect(r.tables).toHaveLength(1);
    expect(rulesOf(r)).toEqual([]);
    expect(r.tables[0].totals).toEqual({ points: 100, score: 100, reserved: 0 });
  });

  test('blank rows above, table starting in column C, another sheet before it', () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('填表说明');
    notes.getCell('A1').value = '请按要求填写下表，金额单位为万元。';
    notes.getCell('A2').value = '一级指标、二级指标按模板填写';
    const staff = wb.addWorksheet('人员名单');
    staff.addRow(['姓名', '职务']);
    staff.addRow(['张三', '主席']);
    writeTable(wb.addWorksheet('Sheet3'), { at: { row: 4, column: 3 } });
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].sheet).toBe('Sheet3');
    expect(r.tables[0].range).toBe('C4:K24');
    expect(r.tables[0].columns.l3).toBe('F');
    expect(r.sheetsWithoutTable).toEqual(['填表说明', '人员名单']);
    expect(rulesOf(r)).toEqual([]);
  });

  test('several tables: two sheets, and two tables on one sheet', () => {
    const r = check([{ sheet: '总工会' }, { sheet: '妇联', unitName: '妇联' }, { sheet: '妇联', unitName: '团委', rows: validRows().map((x, i) => (i === 3 ? { ...x, weight: 20 } : x)) }]);
    expect(r.tables.map((t) => [t.sheet, t.unitName])).toEqual([
      ['总工会', '测试单位'],
      ['妇联', '妇联'],
      ['妇联', '团委'],
    ]);
    expect(r.tables.map((t) => t.indicators.length)).toEqual([10, 10, 10]);
    expect(rulesOf(r, 1)).toEqual([]);
    expect(rulesOf(r, 2)).toEqual(['weights/level1-sum']);
    expect(r.tables[2].headerRow).toBeGreaterThan(r.tables[1].lastIndicatorRow);
  });

  test.each(['filled', 'first-only'] as const)('labels %s instead of merged give the same groups and points', (layout) => {
    const merged = check({});
    const other = check({ layout });
    expect(rulesOf(other)).toEqual([]);
    expect(other.tables[0].level1.map((g) => [g.name, g.weight, g.rows])).toEqual(merged.tables[0].level1.map((g) => [g.name, g.weight, g.rows]));
    expect(other.tables[0].indicators.map((i) => [i.level2, i.points])).toEqual(merged.tables[0].indicators.map((i) => [i.level2, i.points]));
  });

  test('a blank spacer column inside the table', () => {
    const r = check({ spacerAfter: 'l2' });
    expect(r.tables[0].columns.l3).toBe('E');
    expect(rulesOf(r)).toEqual([]);
  });

  test('header labels with line breaks, spaces, stars and full-width brackets', () => {
    const r = check({ labels: { l1: '一级\n指标', weight: '权重（%）', name: '三级\n指标', value: ' 指标值 ', unit: '*计量单位', content: '指标解释', type: '指标值\r\n类型' } });
    expect(r.tables[0].columns).toMatchObject({ l1: 'A', weight: 'B', l3: 'D', value: 'F', unit: 'G', content: 'H', type: 'E' });
    expect(rulesOf(r)).toEqual([]);
  });

  test('provincial synonyms: 部门(单位)名称, *年度总体绩效目标, 年度指标值, 指标值说明', () => {
    const wb = buildWorkbook({ labels: { value: '*年度指标值', content: '指标值说明' } });
    const ws = wb.worksheets[0];
    ws.getCell('A2').value = '部门(单位)名称';
    ws.getCell('A3').value = '*年度总体绩效目标';
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables[0].unitName).toBe('测试单位');
    expect(r.tables[0].goal).toContain('152.82万元');
    expect(r.tables[0].columns.value).toBe('F');
    expect(rulesOf(r)).toEqual([]);
  });

  test('numbers as text, 1 formatted 0%, ≥95% inside the value, full-width digits', () => {
    const rows = validRows().map((x, i): RowSpec => (i === 0 ? { ...x, value: 1, valueFormat: '0%' } : i === 4 ? { ...x, value: '１００', unit: '％' } : i === 7 ? { ...x, value: '≥95%', unit: '' } : x));
    const r = check({ rows });
    expect(rulesOf(r)).toEqual([]);
    const values = r.tables[0].indicators.map((i) => i.value);
    expect(values[0]).toMatchObject({ number: 100, unit: '%' });
    expect(values[4]).toMatchObject({ number: 100 });
    expect(values[7]).toMatchObject({ comparator: '>=', number: 95, unit: '%' });
  });

  test('指标性质 column holding the comparator apart from the number, and 评(扣)分标准', () => {
    const columns = ['l1', 'weight', 'l2', 'name', 'type', 'comparator', 'value', 'unit', 'content', 'remark'] as const;
    const rows = validRows().map((x) => {
      if (typeof x.value !== 'string') return x;
      const m = /^([≥≤])(.*)$/.exec(x.value);
      return m ? { ...x, comparator: m[1], value: Number(m[2]) } : x;
    });
    const wb = buildWorkbook({ columns: [...columns], rows });
    wb.worksheets[0].getCell('K11').value = '评(扣)分标准';
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables[0].columns.scoring).toBe('K');
    expect(r.tables[0].indicators[1].value).toMatchObject({ comparator: '<=', number: 0 });
    expect(r.tables[0].indicators[3].value).toMatchObject({ comparator: '>=', number: 8 });
    expect(rulesOf(r)).toEqual([]);
  });

  test('national form without 权重: 产出 50, 效益 30, 满意度 10, 10 reserved; said once (info)', () => {
    const rows: RowSpec[] = [
      { l1: '产出指标', l2: '数量指标', name: '培训人次', type: '定量', value: '≥500', unit: '人次', remark: '不少于 500 人次' },
      { l2: '质量指标', name: '培训合格率', type: '定量', value: '≥95', unit: '%', remark: '合格率不低于 95%' },
      { l2: '时效指标', name: '完成时间', type: '定量', value: '≤12', unit: '月', remark: '12 月前完成' },
      { l1: '效益指标', l2: '社会效益', name: '就业能力提升', type: '定性', value: '明显提升', remark: '学员就业能力提升' },
      { l1: '满意度指标', l2: '服务对象满意度', name: '学员满意度', type: '定量', value: '≥90', unit: '%', remark: '满意度不低于 90%' },
    ];
    const r = check({ columns: DEFAULT_COLUMNS.filter((c) => c !== 'weight'), rows });
    const t = r.tables[0];
    expect(t.level1.map((g) => [g.name, g.weight])).toEqual([
      ['产出指标', 50],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
    expect(t.totals).toEqual({ points: 90, score: 90, reserved: 10 });
    expect(rulesOf(r)).toEqual(['structure/no-weight-column']);
    expect(t.findings[0].severity).toBe('info');
  });

  test('national form with 成本指标 as a 一级: it shares 产出\'s 50 by indicator count', () => {
    const rows: RowSpec[] = [
      { l1: '产出指标', l2: '数量指标', name: '培训人次', type: '定量', value: '≥500', unit: '人次', remark: '培训人次' },
      { name: '培训班次', type: '定量', value: '≥10', unit: '期', remark: '培训班次' },
      { name: '覆盖乡镇数', type: '定量', value: '≥18', unit: '个', remark: '覆盖乡镇' },
      { l1: '成本指标', l2: '经济成本指标', name: '人均培训成本', type: '定量', value: '≤600', unit: '元', remark: '人均成本' },
      { l1: '效益指标', l2: '社会效益', name: '就业能力提升', type: '定性', value: '明显提升', remark: '就业能力' },
      { l1: '满意度指标', l2: '服务对象满意度', name: '学员满意度', type: '定量', value: '≥90', unit: '%', remark: '满意度' },
    ];
    const t = check({ columns: DEFAULT_COLUMNS.filter((c) => c !== 'weight'), rows }).tables[0];
    expect(t.level1.map((g) => [g.name, g.weight])).toEqual([
      ['产出指标', 37.5],
      ['成本指标', 12.5],
      ['效益指标', 30],
      ['满意度指标', 10],
    ]);
  });

  test('settings give the 一级 weights of a table without 权重', () => {
    const t = check({ columns: DEFAULT_COLUMNS.filter((c) => c !== 'weight') }, { level1Weights: { 基本运行指标: 10, 重点履职指标: 40, 部门综合指标: 30, 可持续发展能力指标: 20 } }).tables[0];
    expect(t.level1.map((g) => g.weight)).toEqual([10, 40, 30, 20]);
    expect(t.totals.points).toBe(100);
  });

  test('a per-三级 分值 column gives each row its points', () => {
    const columns = ['l1', 'weight', 'l2', 'name', 'points', 'type', 'value', 'unit', 'content', 'remark'] as const;
    const pts = [4, 3, 3, 10, 10, 10, 15, 15, 15, 15];
    const t = check({ columns: [...columns], rows: validRows().map((x, i) => ({ ...x, points: pts[i] })) }).tables[0];
    expect(t.indicators.map((i) => i.points)).toEqual(pts);
  });

  test('二级 weights are split equally over their 三级', () => {
    const columns = ['l1', 'weight', 'l2', 'l2weight', 'name', 'type', 'value', 'unit', 'content', 'remark'] as const;
    const l2w: Record<string, number> = { 预算收支管理: 6, 财会管理: 4, 数量指标: 10, 质量指标: 10, 时效指标: 10, 社会效益: 15, 服务对象满意度: 15, 制度建设: 15, 改革创新: 15 };
    const t = check({ columns: [...columns], rows: validRows().map((x) => ({ ...x, l2weight: x.l2 ? l2w[x.l2] : undefined })) }).tables[0];
    expect(t.indicators.slice(0, 3).map((i) => i.points)).toEqual([3, 3, 4]);
  });

  test('a 实际完成值 column puts the table in the self-evaluation stage', () => {
    const columns = [...DEFAULT_COLUMNS.slice(0, 8), 'actual', 'remark'] as typeof DEFAULT_COLUMNS;
    const t = check({ columns, rows: validRows().map((x) => ({ ...x, actual: typeof x.value === 'number' ? x.value : x.value })) }).tables[0];
    expect(t.stage).toBe('self-evaluation');
    expect(t.columns.actual).toBe('I');
  });

  test('notes and signatures below the table are not indicators', () => {
    const r = check({ below: [[], ['注：金额单位为万元'], ['填报人：李四', '', '联系电话：123']] });
    expect(r.tables[0].indicators).toHaveLength(10);
    expect(rulesOf(r)).toEqual([]);
  });

  test('a sheet that is no table, and an empty workbook sheet: reported, never a crash', () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空白');
    const other = wb.addWorksheet('其他');
    other.addRow(['一级指标', '说明']);
    other.addRow(['三级指标', '指标值']);
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables).toEqual([]);
    expect(r.sheetsWithoutTable).toEqual(['空白', '其他']);
  });
});

describe('multi-row headers', () => {
  test('a two-row header: 绩效指标 over 一级/二级/三级, the other labels merged down over both rows', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getRow(1).values = ['绩效指标', null, null, null, '指标值类型', '指标值', '度量单位', '指标值内容', '备注'];
    ws.getRow(2).values = ['一级指标', '权重', '二级指标', '三级指标'];
    ws.mergeCells('A1:D1');
    for (const c of ['E', 'F', 'G', 'H', 'I']) ws.mergeCells(`${c}1:${c}2`);
    validRows().forEach((r, i) => {
      ws.getRow(3 + i).values = [r.l1 ?? null, r.weight ?? null, r.l2 ?? null, r.name ?? null, r.type ?? null, r.value ?? null, r.unit ?? null, r.content ?? null, r.remark ?? null];
    });
    const r = checkWorkbook(snapshotOf(wb));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0].headerRow).toBe(2);
    expect(r.tables[0].firstIndicatorRow).toBe(3);
    expect(r.tables[0].columns).toMatchObject({ l1: 'A', l3: 'D', value: 'F', remark: 'I' });
    expect(r.tables[0].indicators).toHaveLength(10);
    expect(r.tables[0].findings.map((f) => f.rule)).toEqual([]);
  });
});
