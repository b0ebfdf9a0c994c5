// 结构: the table's shape — names present and unique, every 二级 with its 三级, descriptions,
// and what was taken from settings because the table did not say it.
import { defineRule } from './rule.js';
import { formatNumber, normaliseLabel } from '../text.js';
import { columnLetter } from '../a1.js';

export const noWeightColumn = defineRule<{ weights: string }>({
  id: 'structure/no-weight-column',
  severity: 'info',
  topic: 'structure',
  description: {
    zh: '表中没有权重列时，一级指标权重取自设置（全国通用表按财预〔2020〕10号：产出 50、效益 30、满意度 10，预留 10 分给预算执行率）。',
    en: 'Without a weight column the first-level weights come from the settings (national form: output 50, outcome 30, satisfaction 10, 10 reserved for budget execution).',
  },
  message: ({ weights }) => ({
    zh: `表中没有权重列，一级指标权重按设置取值：${weights}。`,
    en: `The table has no weight column; first-level weights are taken from the settings: ${weights}.`,
  }),
  check({ table, weightSource, level1Weight }, report) {
    // A 分值 or 二级 权重 column is a weight column too: the table then states its weights.
    if (weightSource !== 'settings' || table.columns.points !== undefined || table.columns.l2weight !== undefined) return;
    const weights = table.level1.map((g) => `${g.name} ${formatNumber(level1Weight.get(g) ?? 0)}`).join('，');
    report({ cells: [`${columnLetter(table.left)}${table.headerRow}`], data: { weights } });
  },
});

export const typeInferred = defineRule<{ count: number }>({
  id: 'structure/type-inferred',
  severity: 'info',
  topic: 'structure',
  description: { zh: '表中没有指标值类型列时，按指标值推断定量或定性。', en: 'Without a value-type column, 定量/定性 is inferred from the value.' },
  message: ({ count }) => ({
    zh: `表中没有指标值类型列，已按指标值推断 ${count} 个指标的定量/定性类型。`,
    en: `The table has no value-type column; the type of ${count} indicators was inferred from their values.`,
  }),
  check({ table }, report) {
    if (table.columns.type !== undefined) return;
    const value = table.columns.value ?? table.left;
    report({ cells: [`${columnLetter(value)}${table.headerRow}`], data: { count: table.indicators.length } });
  },
});

export const emptyName = defineRule<{ value: string }>({
  id: 'structure/empty-name',
  severity: 'error',
  topic: 'structure',
  description: { zh: '已填写内容的指标行应有三级指标名称。', en: 'A filled indicator row has a third-level name.' },
  message: ({ value }) => ({
    zh: `此行填写了指标值「${value}」等内容，但三级指标名称为空，请填写指标名称。`,
    en: `This row has content (value "${value}") but no third-level indicator name; fill in the name.`,
  }),
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.name === '') report({ cells: r.cells.l3 ? [r.cells.l3] : [], data: { value: r.valueText }, indicatorRow: r.row });
    }
  },
});

export const duplicateName = defineRule<{ name: string; first: string }>({
  id: 'structure/duplicate-name',
  severity: 'warning',
  topic: 'structure',
  description: { zh: '同一张表中三级指标名称不应重复。', en: 'Third-level names are unique within a table.' },
  message: ({ name, first }) => ({
    zh: `三级指标「${name}」与 ${first} 的指标重名，请区分或合并。`,
    en: `Indicator "${name}" repeats the name at ${first}; distinguish or merge them.`,
  }),
  check({ table }, report) {
    const seen = new Map<string, string>();
    for (const r of table.indicators) {
      if (r.name === '') continue;
      const key = r.name.replace(/\s+/g, '');
      const first = seen.get(key);
      if (first && r.cells.l3) report({ cells: [r.cells.l3, first], data: { name: r.name, first }, indicatorRow: r.row });
      else if (r.cells.l3) seen.set(key, r.cells.l3);
    }
  },
});

export const level2Empty = defineRule<{ name: string }>({
  id: 'structure/level2-empty',
  severity: 'warning',
  topic: 'structure',
  description: { zh: '每个二级指标下至少应有一个三级指标。', en: 'Every second-level indicator has at least one third-level indicator.' },
  message: ({ name }) => ({
    zh: `二级指标「${name}」下没有三级指标，请补充或删除该二级指标。`,
    en: `Second-level indicator "${name}" has no third-level indicators; add some or remove it.`,
  }),
  check({ table }, report) {
    for (const g of table.level1) {
      for (const s of g.level2) {
        // A 二级 of only template slots (「指标1：」「/」) is not applicable, not missing.
        if (s.indicators.length === 0 && s.slots === 0) report({ cells: s.labelCell ? [s.labelCell] : [], data: { name: s.name } });
      }
    }
  },
});

export const noDescription = defineRule<{ name: string }>({
  id: 'structure/no-description',
  severity: 'info',
  topic: 'structure',
  description: { zh: '指标值内容与备注都为空时，审核人无从了解指标口径。', en: 'Description and remark both empty: reviewers cannot tell what the indicator measures.' },
  message: ({ name }) => ({
    zh: `指标「${name}」的指标值内容和备注都为空，建议说明指标的含义和计算口径。`,
    en: `Indicator "${name}" has neither description nor remark; consider explaining what it measures.`,
  }),
  check({ table }, report) {
    if (table.columns.content === undefined && table.columns.remark === undefined) return;
    for (const r of table.indicators) {
      if (r.content !== '' || r.remark !== '') continue;
      const cells = [r.cells.content ?? r.cells.remark].filter((c): c is string => c !== undefined);
      report({ cells, data: { name: r.name }, indicatorRow: r.row });
    }
  },
});

export const unknownLevel1 = defineRule<{ name: string; allowed: string }>({
  id: 'structure/unknown-level1',
  severity: 'warning',
  topic: 'structure',
  description: {
    zh: '选择了模板（规则设置中的一级指标集合）时，表中每个一级指标都应属于该模板。',
    en: 'When a template is chosen (the first-level set in the settings), every first-level indicator belongs to it.',
  },
  message: ({ name, allowed }) => ({
    zh: `一级指标「${name}」不在所选模板的一级指标中（${allowed}），请核对指标名称或所选模板。`,
    en: `First-level indicator "${name}" is not one of the chosen template's (${allowed}); check the name or the template.`,
  }),
  check({ table, options }, report) {
    const allowed = options.allowedLevel1 ?? [];
    if (allowed.length === 0) return;
    const names = new Set(allowed.map((a) => normaliseLabel(a)));
    for (const g of table.level1) {
      if (g.name === '' || names.has(normaliseLabel(g.name))) continue;
      report({ cells: g.labelCell ? [g.labelCell] : [], data: { name: g.name, allowed: allowed.join('、') } });
    }
  },
});

export const templateSlots = defineRule<{ count: number }>({
  id: 'structure/template-slots',
  severity: 'info',
  topic: 'structure',
  description: {
    zh: '模板自带的空白占位行（「指标1：」「……」「/」）不是指标，已跳过，不计分也不报错。',
    en: "A printed template's empty slot rows (指标1:, ……, /) are not indicators: skipped, neither scored nor reported.",
  },
  message: ({ count }) => ({
    zh: `表中有 ${count} 行模板占位（如「指标1：」「……」）未填写指标，已跳过；如不需要可删除这些行。`,
    en: `${count} template slot rows (such as 指标1:) hold no indicator and were skipped; delete them if they are not needed.`,
  }),
  check({ table }, report) {
    if (table.slotRows === 0) return;
    report({ cells: table.slotCell ? [table.slotCell] : [], data: { count: table.slotRows } });
  },
});

export const structureRules = [templateSlots, noWeightColumn, typeInferred, emptyName, duplicateName, level2Empty, noDescription, unknownLevel1];
