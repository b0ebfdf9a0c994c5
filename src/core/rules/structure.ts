// 结构: the table's shape — names present and unique, every 二级 with its 三级, descriptions,
// and what was taken from settings because the table did not say it.
import { defineRule } from './rule.js';
import { formatNumber, normaliseLabel } from '../sheet/text.js';
import { columnLetter } from '../sheet/a1.js';
import type { TableModel } from '../recognise/tableModel.js';
import { level2Key, libraryMatches } from '../profiles/library.js';
import { vanished } from './previous.js';

export { vanished };

export const noWeightColumn = defineRule<{ weights: string }, 'noWeightColumn'>({
  id: 'structure/no-weight-column',
  severity: 'info',
  topic: 'structure',
  dimension: 'completeness',
  description: {
    zh: '表中没有权重列时，一级指标权重取自设置（全国通用表按财预〔2020〕10号：产出 50、效益 30、满意度 10，预留 10 分给预算执行率）。',
    en: 'Without a weight column the first-level weights come from the settings (national form: output 50, outcome 30, satisfaction 10, 10 reserved for budget execution).',
  },
  messages: {
    noWeightColumn: {
      zh: ({ weights }) => `表中没有权重列，一级指标权重按设置取值：${weights}。`,
      en: ({ weights }) => `The table has no weight column; first-level weights are taken from the settings: ${weights}.`,
    },
  },
  check({ table, weightSource, level1Weight }, report) {
    // A 分值 or 二级 权重 column is a weight column too: the table then states its weights.
    if (weightSource !== 'settings' || table.columns.points !== undefined || table.columns.l2weight !== undefined) return;
    const weights = table.level1.map((g) => `${g.name} ${formatNumber(level1Weight.get(g) ?? 0)}`).join('，');
    report({ messageId: 'noWeightColumn', cells: [`${columnLetter(table.left)}${table.headerRow}`], data: { weights } });
  },
});

export const typeInferred = defineRule<{ count: number }, 'typeInferred'>({
  id: 'structure/type-inferred',
  severity: 'info',
  topic: 'structure',
  dimension: 'completeness',
  description: { zh: '表中没有指标值类型列时，按指标值推断定量或定性。', en: 'Without a value-type column, 定量/定性 is inferred from the value.' },
  messages: {
    typeInferred: {
      zh: ({ count }) => `表中没有指标值类型列，已按指标值推断 ${count} 个指标的定量/定性类型。`,
      en: ({ count }) => `The table has no value-type column; the type of ${count} indicators was inferred from their values.`,
    },
  },
  check({ table }, report) {
    if (table.columns.type !== undefined) return;
    const value = table.columns.value ?? table.left;
    report({ messageId: 'typeInferred', cells: [`${columnLetter(value)}${table.headerRow}`], data: { count: table.indicators.length } });
  },
});

export const emptyName = defineRule<{ value: string }, 'emptyName'>({
  id: 'structure/empty-name',
  severity: 'error',
  topic: 'structure',
  dimension: 'completeness',
  description: { zh: '已填写内容的指标行应有三级指标名称。', en: 'A filled indicator row has a third-level name.' },
  messages: {
    emptyName: {
      zh: ({ value }) => `此行填写了指标值「${value}」等内容，但三级指标名称为空，请填写指标名称。`,
      en: ({ value }) => `This row has content (value "${value}") but no third-level indicator name; fill in the name.`,
    },
  },
  check({ table }, report) {
    for (const r of table.indicators) {
      if (r.name === '') report({ messageId: 'emptyName', cells: r.cells.l3 ? [r.cells.l3] : [], data: { value: r.valueText }, indicatorRow: r.row });
    }
  },
});

export const duplicateName = defineRule<{ name: string; first: string }, 'duplicateName'>({
  id: 'structure/duplicate-name',
  severity: 'warning',
  topic: 'structure',
  dimension: 'appropriateness',
  description: { zh: '同一张表中三级指标名称不应重复。', en: 'Third-level names are unique within a table.' },
  messages: {
    duplicateName: {
      zh: ({ name, first }) => `三级指标「${name}」与 ${first} 的指标重名，请区分或合并。`,
      en: ({ name, first }) => `Indicator "${name}" repeats the name at ${first}; distinguish or merge them.`,
    },
  },
  check({ table }, report) {
    const seen = new Map<string, string>();
    for (const r of table.indicators) {
      if (r.name === '') continue;
      const key = r.name.replace(/\s+/g, '');
      const first = seen.get(key);
      if (first && r.cells.l3) report({ messageId: 'duplicateName', cells: [r.cells.l3, first], data: { name: r.name, first }, indicatorRow: r.row });
      else if (r.cells.l3) seen.set(key, r.cells.l3);
    }
  },
});

export const level2Empty = defineRule<{ name: string }, 'level2Empty'>({
  id: 'structure/level2-empty',
  severity: 'warning',
  topic: 'structure',
  dimension: 'completeness',
  description: { zh: '每个二级指标下至少应有一个三级指标。', en: 'Every second-level indicator has at least one third-level indicator.' },
  messages: {
    level2Empty: {
      zh: ({ name }) => `二级指标「${name}」下没有三级指标，请补充或删除该二级指标。`,
      en: ({ name }) => `Second-level indicator "${name}" has no third-level indicators; add some or remove it.`,
    },
  },
  check({ table }, report) {
    for (const g of table.level1) {
      for (const s of g.level2) {
        // A 二级 of only template slots (「指标1：」「/」) is not applicable, not missing.
        if (s.indicators.length === 0 && s.slots === 0) report({ messageId: 'level2Empty', cells: s.labelCell ? [s.labelCell] : [], data: { name: s.name } });
      }
    }
  },
});

export const noDescription = defineRule<{ name: string }, 'noDescription'>({
  id: 'structure/no-description',
  severity: 'info',
  topic: 'structure',
  dimension: 'completeness',
  description: { zh: '指标值内容与备注都为空时，审核人无从了解指标口径。', en: 'Description and remark both empty: reviewers cannot tell what the indicator measures.' },
  messages: {
    noDescription: {
      zh: ({ name }) => `指标「${name}」的指标值内容和备注都为空，建议说明指标的含义和计算口径。`,
      en: ({ name }) => `Indicator "${name}" has neither description nor remark; consider explaining what it measures.`,
    },
  },
  check({ table }, report) {
    if (table.columns.content === undefined && table.columns.remark === undefined) return;
    // A required description column has its own warning.
    if (table.required.some((c) => c.column === table.columns.content)) return;
    for (const r of table.indicators) {
      if (r.content !== '' || r.remark !== '') continue;
      const cells = [r.cells.content ?? r.cells.remark].filter((c): c is string => c !== undefined);
      report({ messageId: 'noDescription', cells, data: { name: r.name }, indicatorRow: r.row });
    }
  },
});

export const unknownLevel1 = defineRule<{ name: string; allowed: string }, 'unknownLevel1'>({
  id: 'structure/unknown-level1',
  severity: 'warning',
  topic: 'structure',
  dimension: 'relevance',
  description: {
    zh: '选择了模板（规则设置中的一级指标集合）时，表中每个一级指标都应属于该模板。',
    en: 'When a template is chosen (the first-level set in the settings), every first-level indicator belongs to it.',
  },
  messages: {
    unknownLevel1: {
      zh: ({ name, allowed }) => `一级指标「${name}」不在所选模板的一级指标中（${allowed}），请核对指标名称或所选模板。`,
      en: ({ name, allowed }) => `First-level indicator "${name}" is not one of the chosen template's (${allowed}); check the name or the template.`,
    },
  },
  check({ table, options }, report) {
    const allowed = options.allowedLevel1 ?? [];
    if (allowed.length === 0) return;
    const names = new Set(allowed.map((a) => normaliseLabel(a)));
    for (const g of table.level1) {
      if (g.name === '' || names.has(normaliseLabel(g.name))) continue;
      report({ messageId: 'unknownLevel1', cells: g.labelCell ? [g.labelCell] : [], data: { name: g.name, allowed: allowed.join('、') } });
    }
  },
});

export const templateSlots = defineRule<{ count: number }, 'templateSlots'>({
  id: 'structure/template-slots',
  severity: 'info',
  topic: 'structure',
  dimension: 'completeness',
  description: {
    zh: '模板自带的空白占位行（「指标1：」「……」「/」）不是指标，已跳过，不计分也不报错。',
    en: "A printed template's empty slot rows (指标1:, ……, /) are not indicators: skipped, neither scored nor reported.",
  },
  messages: {
    templateSlots: {
      zh: ({ count }) => `表中有 ${count} 行模板占位（如「指标1：」「……」）未填写指标，已跳过；如不需要可删除这些行。`,
      en: ({ count }) => `${count} template slot rows (such as 指标1:) hold no indicator and were skipped; delete them if they are not needed.`,
    },
  },
  check({ table }, report) {
    if (table.slotRows === 0) return;
    report({ messageId: 'templateSlots', cells: table.slotCell ? [table.slotCell] : [], data: { count: table.slotRows } });
  },
});

export const requiredBlank = defineRule<{ label: string; count: number; rows: string }, 'requiredBlank'>({
  id: 'structure/required-blank',
  severity: 'warning',
  topic: 'structure',
  dimension: 'completeness',
  description: {
    zh: '模板标注为必填（*）的列，以及指标值设定依据，每个指标都应填写。',
    en: 'Columns the template marks required (*), and the basis of each target value, are filled on every indicator row.',
  },
  messages: {
    requiredBlank: {
      zh: ({ label, count, rows }) => `「${label}」为必填项，有 ${count} 个指标未填写（第 ${rows} 行），请补充。`,
      en: ({ label, count, rows }) => `"${label}" is required, but ${count} indicators leave it blank (rows ${rows}); fill it in.`,
    },
  },
  check({ table }, report) {
    // Blank names, values, types and units have rules of their own (a 定性 row needs no unit).
    const covered = new Set([table.columns.l1, table.columns.l2, table.columns.l3, table.columns.value, table.columns.type, table.columns.unit]);
    for (const req of table.required) {
      if (covered.has(req.column)) continue;
      const blank = table.indicators.filter((r) => isBlankCell(table, r.row, req.column));
      if (blank.length === 0) continue;
      const shown = blank.slice(0, 8).map((r) => r.row).join('、') + (blank.length > 8 ? '…' : '');
      report({ messageId: 'requiredBlank', cells: blank.map((r) => `${columnLetter(req.column)}${r.row}`), data: { label: req.label, count: blank.length, rows: shown } });
    }
  },
});

function isBlankCell(table: TableModel, row: number, column: number): boolean {
  const v = table.grid.value(row, column);
  return v === null || (typeof v === 'string' && v.trim() === '');
}


export const level2Required = defineRule<{ level1: string; missing: string }, 'level2Required'>({
  id: 'structure/level2-required',
  severity: 'warning',
  topic: 'structure',
  dimension: 'completeness',
  description: {
    zh: '所选模板要求的二级指标应当齐全（全国通用表按财预〔2020〕10号指标体系框架：产出含数量、质量、时效、成本，满意度含服务对象满意度）。',
    en: 'The second-level indicators the chosen template requires are present (national form, after the Cai Yu [2020] No. 10 framework: quantity, quality, timeliness and cost under output; beneficiary satisfaction).',
  },
  messages: {
    level2Required: {
      zh: ({ level1, missing }) => `「${level1}」下缺少所选模板要求的二级指标：${missing}，请补充相应的三级指标。`,
      en: ({ level1, missing }) => `"${level1}" lacks second-level indicators the chosen template requires: ${missing}; add indicators for them.`,
    },
  },
  check({ table, options }, report) {
    const required = options.requiredLevel2;
    if (!required) return;
    for (const [level1, names] of Object.entries(required)) {
      const g = table.level1.find((x) => normaliseLabel(x.name) === normaliseLabel(level1));
      if (!g) continue; // a missing 一级 is unknown-level1's or the template's matter
      const present = new Set(g.level2.filter((s) => s.indicators.length > 0).map((s) => level2Key(s.name)));
      const missing = names.filter((n) => !present.has(level2Key(n)));
      if (missing.length === 0) continue;
      report({ messageId: 'level2Required', cells: g.labelCell ? [g.labelCell] : [], data: { level1: g.name, missing: missing.join('、') } });
    }
  },
});

export const goalMissing = defineRule<Record<string, never>, 'goalMissing'>({
  id: 'structure/goal-missing',
  severity: 'warning',
  topic: 'structure',
  dimension: 'completeness',
  description: { zh: '表中有「年度绩效目标」一栏时应当填写。', en: 'Where the table has an annual goal (年度绩效目标) row, it is filled in.' },
  messages: {
    goalMissing: {
      zh: '年度绩效目标未填写，请概括本年度资金使用要达到的产出和效果。',
      en: 'The annual goal is blank; summarise the outputs and effects the year’s funds are to achieve.',
    },
  },
  check({ table }, report) {
    if (table.goalLabelCell && table.goal === '') report({ messageId: 'goalMissing', cells: [table.goalLabelCell], data: {} });
  },
});

export const libraryNearMatch = defineRule<{ name: string; standard: string; unit: string }, 'libraryNearMatch'>({
  id: 'structure/library-near-match',
  severity: 'info',
  topic: 'structure',
  dimension: 'relevance',
  description: {
    zh: '三级指标名称与共性指标库中的指标相近时，建议采用标准名称和单位，便于汇总和比较（指标库随模板提供，可在设置中修改）。',
    en: "A third-level name close to one in the profile's common-indicator library: use the standard name and unit, so tables can be compared (the library can be edited in the settings).",
  },
  messages: {
    libraryNearMatch: {
      zh: ({ name, standard, unit }) => `指标「${name}」与共性指标「${standard}」${unit ? `（单位 ${unit}）` : ''}相近；如为同一指标，建议采用标准名称${unit ? '和单位' : ''}。`,
      en: ({ name, standard, unit }) => `Indicator "${name}" is close to the common indicator "${standard}"${unit ? ` (in ${unit})` : ''}; if it is the same, use the standard name${unit ? ' and unit' : ''}.`,
    },
  },
  check({ table, options }, report) {
    if (!options.library) return;
    for (const [r, m] of libraryMatches(table, options.library).rows) {
      if (m.kind !== 'near' || !r.cells.l3) continue;
      report({ messageId: 'libraryNearMatch', cells: [r.cells.l3], data: { name: r.name, standard: m.entry.name, unit: m.entry.unit === '日期' ? '' : m.entry.unit } });
    }
  },
});

export const libraryLevel2 = defineRule<{ name: string; level2: string; expected: string }, 'libraryLevel2'>({
  id: 'structure/library-level2',
  severity: 'warning',
  topic: 'structure',
  dimension: 'relevance',
  description: {
    zh: '共性指标应列在指标库规定的二级指标下（如「验收合格率」属于质量指标）。',
    en: 'A common indicator is filed under the second level the library gives it (e.g. 验收合格率 under quality).',
  },
  messages: {
    libraryLevel2: {
      zh: ({ name, level2, expected }) => `共性指标「${name}」应列在「${expected}」下，表中列在「${level2}」下，请调整归类。`,
      en: ({ name, level2, expected }) => `The common indicator "${name}" belongs under "${expected}", but the table files it under "${level2}"; move it.`,
    },
  },
  check({ table, options }, report) {
    if (!options.library) return;
    for (const [r, m] of libraryMatches(table, options.library).rows) {
      if (m.kind === 'near' || m.entry.level2 === '' || r.level2 === '' || level2Key(r.level2) === level2Key(m.entry.level2)) continue;
      report({ messageId: 'libraryLevel2', cells: [r.cells.l2 ?? r.cells.l3].filter((c): c is string => c !== undefined), data: { name: r.name, level2: r.level2, expected: m.entry.level2 }, indicatorRow: r.row });
    }
  },
});

export const structureRules = [templateSlots, requiredBlank, level2Required, goalMissing, libraryNearMatch, libraryLevel2, vanished, noWeightColumn, typeInferred, emptyName, duplicateName, level2Empty, noDescription, unknownLevel1];
