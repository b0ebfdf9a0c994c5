// checkWorkbook: snapshot → recognition → model → rules → scores → report.
import type { Acceptance, CheckOptions, Finding, Indicator, Report, Severity, TableReport, WorkbookSnapshot } from './types.js';
import { ACCEPTED_SHEET, markAccepted, mergeAcceptances, readAcceptances } from './write/acceptance.js';
import { REPORT_SHEET } from './report/reportSheet.js';
import type { Level1Group, TableModel } from './recognise/tableModel.js';
import { SheetGrids } from './sheet/grid.js';
import { recogniseSheet } from './recognise/recognise.js';
import { rules, type Rule, type RuleContext } from './rules/index.js';
import { fundsExecution } from './scoring/execution.js';
import { libraryMatches } from './profiles/library.js';
import { allocatePoints, evaluateActuals, splitEqually } from './scoring/points.js';
import { gradeOf } from './scoring/grade.js';
import { columnLetter, rangeAddress } from './sheet/a1.js';
import { normaliseLabel, roundCents } from './sheet/text.js';

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

import { NATIONAL_WEIGHTS } from './profiles/national.js';
export { NATIONAL_WEIGHTS };

/**
 * 一级 weights by name. A 成本指标 the settings do not name shares 产出指标's weight with the 产出
 * groups by indicator count (all of it when there is no 产出 group), as DOMAIN §2 says.
 */
function weightsByName(table: TableModel, set: Readonly<Record<string, number>>): Map<Level1Group, number | undefined> {
  const byName = new Map(Object.entries(set).map(([k, v]) => [normaliseLabel(k), v]));
  const level1Weight = new Map<Level1Group, number | undefined>();
  for (const g of table.level1) level1Weight.set(g, byName.get(normaliseLabel(g.name)));
  const output = byName.get('产出指标');
  if (output === undefined || byName.has('成本指标')) return level1Weight;
  const sharing = table.level1.filter((g) => ['产出指标', '成本指标'].includes(normaliseLabel(g.name)));
  if (!sharing.some((g) => normaliseLabel(g.name) === '成本指标')) return level1Weight;
  const count = sharing.reduce((a, g) => a + g.indicators.length, 0);
  if (sharing.length === 1 || count === 0) {
    for (const g of sharing) level1Weight.set(g, count === 0 ? 0 : output);
    return level1Weight;
  }
  const shares = splitEqually(output, count);
  let i = 0;
  for (const g of sharing) {
    const part = shares.slice(i, i + g.indicators.length).reduce((a, b) => a + b, 0);
    i += g.indicators.length;
    level1Weight.set(g, roundCents(part));
  }
  return level1Weight;
}

/** Points the table reserves outside its indicators, where it says so: the 项目资金 block's 分值, or 「绩效指标(90分)」. */
function statedReserved(table: TableModel): number | undefined {
  const funds = table.funds?.total.cells.points?.amount;
  if (funds !== undefined && funds > 0 && funds < 100) return funds;
  if (table.statedIndicatorPoints !== undefined && table.statedIndicatorPoints > 0 && table.statedIndicatorPoints <= 100) return 100 - table.statedIndicatorPoints;
  return undefined;
}

/** A 一级's weight as the table states it: its label's points, else the sum of its 三级 分值. */
function statedWeight(table: TableModel, g: Level1Group): number | undefined {
  if (g.labelPoints !== undefined) return g.labelPoints;
  if (table.columns.points === undefined || !g.indicators.some((r) => r.ownWeight !== undefined)) return undefined;
  return roundCents(g.indicators.reduce((a, r) => a + (r.ownWeight ?? 0), 0));
}

/** National Σ90 with nothing stated: 10号's 10 points for 预算执行率 are outside the table. */
function inferredReserved(table: TableModel, sum: number): number {
  return table.national && Math.abs(sum - 90) < 0.01 ? 10 : 0;
}

/**
 * Where each 一级 weight comes from. The table's own statements win (a 权重 column, points in the
 * labels, per-三级 分值); the settings or 10号's defaults apply only where the table states nothing.
 */
function resolveWeights(table: TableModel, options: CheckOptions): Pick<RuleContext, 'level1Weight' | 'weightSource' | 'reserved'> {
  const stated = statedReserved(table);
  if (table.columns.weight !== undefined) {
    const level1Weight = new Map<Level1Group, number | undefined>();
    for (const g of table.level1) level1Weight.set(g, g.weight);
    return { level1Weight, weightSource: 'table', reserved: stated ?? options.reservedPoints ?? 0 };
  }
  const fromTable = new Map(table.level1.map((g) => [g, statedWeight(table, g)]));
  const withIndicators = table.level1.filter((g) => g.indicators.length > 0 || g.labelPoints !== undefined);
  if (withIndicators.length > 0 && withIndicators.every((g) => fromTable.get(g) !== undefined)) {
    const sum = roundCents([...fromTable.values()].reduce<number>((a, w) => a + (w ?? 0), 0));
    return { level1Weight: fromTable, weightSource: 'table', reserved: stated ?? options.reservedPoints ?? inferredReserved(table, sum) };
  }
  const defaults = defaultWeights(table, options);
  // Labels that state points keep them; the defaults fill in only the rest.
  for (const [g, w] of fromTable) if (w !== undefined) defaults.level1Weight.set(g, w);
  return stated !== undefined ? { ...defaults, reserved: stated } : defaults;
}

function defaultWeights(table: TableModel, options: CheckOptions): Pick<RuleContext, 'level1Weight' | 'weightSource' | 'reserved'> {
  const set = options.level1Weights;
  if (set && Object.keys(set).length > 0) {
    const level1Weight = weightsByName(table, set);
    const sum = [...level1Weight.values()].reduce<number>((a, w) => a + (w ?? 0), 0);
    return { level1Weight, weightSource: 'settings', reserved: options.reservedPoints ?? Math.max(0, 100 - sum) };
  }
  if (table.national) {
    return { level1Weight: weightsByName(table, NATIONAL_WEIGHTS), weightSource: 'settings', reserved: options.reservedPoints ?? 10 };
  }
  const reserved = options.reservedPoints ?? 0;
  const shares = splitEqually(100 - reserved, table.level1.length);
  const level1Weight = new Map<Level1Group, number | undefined>();
  table.level1.forEach((g, i) => level1Weight.set(g, shares[i]));
  return { level1Weight, weightSource: 'settings', reserved };
}

/** Whether the settings leave a rule on: not 'off', and given a severity when it is an opt-in. */
export function isRuleOn(rule: Rule, settings: CheckOptions['rules']): boolean {
  const setting = settings?.[rule.id];
  return setting !== 'off' && (rule.recommended || setting !== undefined);
}

/** Run every rule the settings leave on, with the severity they give. */
function runRules(context: RuleContext, settings: CheckOptions['rules']): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!isRuleOn(rule, settings)) continue;
    const setting = settings?.[rule.id];
    for (const f of rule.run(context)) findings.push(setting && setting !== 'off' ? { ...f, severity: setting } : f);
  }
  return findings;
}

/** What the rules see of one table: its weights, points and year-end scores (the rule harness runs one rule in it). */
export function ruleContext(table: TableModel, options: CheckOptions): RuleContext {
  const weights = resolveWeights(table, options);
  const points = allocatePoints(table, weights.level1Weight);
  const evaluations = table.columns.actual !== undefined ? evaluateActuals(table, points) : undefined;
  return { table, options: { ...options, reservedPoints: weights.reserved }, ...weights, points, evaluations };
}

function checkTable(table: TableModel, options: CheckOptions, accepted: Acceptance[]): TableReport {
  const context = ruleContext(table, options);
  const { points, evaluations } = context;
  const weights = context;
  const selfEvaluation = table.columns.actual !== undefined;
  const findings = runRules(context, options.rules);
  const nameOfRow = new Map(table.indicators.map((r) => [r.row, r.name]));
  for (const f of findings) {
    const name = f.indicatorRow === undefined ? '' : (nameOfRow.get(f.indicatorRow) ?? '').trim();
    if (name) f.indicator = name;
  }
  markAccepted(findings, (row) => nameOfRow.get(row), accepted);

  // Accepted findings no longer count towards a row's status (and so its score).
  const worst = new Map<number, Severity>();
  for (const f of findings) {
    if (f.indicatorRow === undefined || f.accepted) continue;
    const prev = worst.get(f.indicatorRow);
    if (!prev || SEVERITY_RANK[f.severity] > SEVERITY_RANK[prev]) worst.set(f.indicatorRow, f.severity);
  }
  const indicators: Indicator[] = table.indicators.map((r) => {
    const p = points.get(r) ?? 0;
    const status = worst.get(r.row) ?? 'ok';
    const evaluation = evaluations?.get(r);
    const score = evaluation ? evaluation.score : status === 'error' ? 0 : p;
    return {
      row: r.row,
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      type: r.type,
      typeInferred: r.typeInferred,
      valueText: r.valueText,
      value: r.value,
      unit: r.unitText,
      content: r.content,
      remark: r.remark,
      ...(r.ownWeight !== undefined ? { ownWeight: r.ownWeight } : {}),
      ...(r.actualText !== undefined ? { actualText: r.actualText } : {}),
      ...(r.published !== undefined ? { publishedScore: r.published } : {}),
      points: p,
      score,
      status,
      ...(evaluation ? { scoreNote: evaluation.note } : {}),
    };
  });
  const execution = fundsExecution(table);
  const totalPoints = roundCents(indicators.reduce((a, i) => a + i.points, 0));
  const totalScore = roundCents(indicators.reduce((a, i) => a + i.score, 0));
  const columns: TableReport['columns'] = {};
  for (const [k, c] of Object.entries(table.columns)) columns[k as keyof typeof columns] = columnLetter(c as number);
  return {
    sheet: table.sheet,
    headerRow: table.headerRow,
    firstIndicatorRow: table.firstIndicatorRow,
    lastIndicatorRow: table.lastIndicatorRow,
    range: rangeAddress({ top: table.top, left: table.left, bottom: table.lastIndicatorRow, right: table.right }),
    unitName: table.unitName,
    goal: table.goal,
    stage: selfEvaluation ? 'self-evaluation' : 'target',
    columns,
    ...(table.others.length ? { otherColumns: table.others.map((o) => ({ column: columnLetter(o.column), label: o.label })) } : {}),
    ...(table.slotRows ? { slotRows: table.slotRows } : {}),
    ...(options.library ? { individual: libraryMatches(table, options.library).individual.map((r) => r.name) } : {}),
    level1: table.level1.map((g) => ({
      name: g.name,
      ...(g.weightCell ? { weightCell: g.weightCell } : {}),
      ...(weights.level1Weight.get(g) !== undefined ? { weight: weights.level1Weight.get(g) } : {}),
      rows: g.rows,
      level2: g.level2.map((s) => ({ name: s.name, rows: s.rows, ...(s.weight !== undefined ? { weight: s.weight } : {}), ...(s.weightCell ? { weightCell: s.weightCell } : {}) })),
    })),
    indicators,
    budget: table.budget,
    ...(execution ? { execution } : {}),
    findings,
    totals: {
      points: totalPoints,
      score: totalScore,
      // What the table scores plus what is reserved never passes 100.
      reserved: roundCents(Math.max(0, Math.min(weights.reserved, 100 - totalPoints))),
      ...(selfEvaluation ? { grade: gradeOf(totalScore, totalPoints > 0 ? totalPoints : 100) } : {}),
    },
  };
}


/** Sheets the checker itself writes: never recognised, never listed as "no table". */
export function isOurSheet(name: string): boolean {
  return name === ACCEPTED_SHEET || name === REPORT_SHEET;
}

/**
 * Check every sheet of a workbook. Never throws on odd input: a sheet that is no table is listed as
 * such. Acceptances stored in the workbook and those in `options.accepted` mark their findings.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}, grids = new SheetGrids()): Report {
  const report: Report = { tables: [], sheetsWithoutTable: [] };
  const ignored = new Set((options.ignoreStored ?? []).map((a) => JSON.stringify(a)));
  const stored = readAcceptances(snapshot).filter((a) => !ignored.has(JSON.stringify(a)));
  const accepted = mergeAcceptances(stored, options.accepted ?? []);
  for (const sheet of snapshot.sheets) {
    if (isOurSheet(sheet.name)) continue;
    const tables = recogniseSheet(grids.of(sheet));
    if (tables.length === 0) report.sheetsWithoutTable.push(sheet.name);
    for (const t of tables) report.tables.push(checkTable(t, options, accepted));
  }
  return report;
}

