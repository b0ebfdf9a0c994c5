// Helpers for the task-pane tests: jsdom stubs Fluent needs, and hand-built reports.
import { parseCell } from '../core/a1.js';
import type { AcceptanceSheetPlan, ReportSheetPlan } from '../core/index.js';
import type { CellValue, Finding, Report, SheetSnapshot, SheetWritePlan, TableReport, WorkbookSnapshot } from '../core/types.js';
import type { PaneAdapter } from './adapterHost.js';
import type { CheckResult, PaneCapabilities, PaneHost, PaneSettings, ReportWritten } from './host.js';

/** Fluent's MessageBar needs ResizeObserver and Dialog needs matchMedia; jsdom has neither. */
export function installDomStubs(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  if (typeof window !== 'undefined' && !window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
}

export function finding(partial: Partial<Finding> & Pick<Finding, 'severity' | 'topic' | 'sheet'>): Finding {
  return {
    rule: `${partial.topic}.${partial.severity}`,
    dimension: 'completeness',
    cells: [],
    message: { zh: '问题', en: 'problem' },
    ...partial,
  };
}

export function table(partial: Partial<TableReport> & Pick<TableReport, 'sheet' | 'unitName'>): TableReport {
  return {
    headerRow: 6,
    firstIndicatorRow: 7,
    lastIndicatorRow: 30,
    range: 'A1:I30',
    goal: '',
    stage: 'target',
    columns: {},
    level1: [],
    indicators: [],
    budget: {},
    findings: [],
    totals: { points: 100, score: 100, reserved: 0 },
    ...partial,
  };
}

/** Two tables; the first has one finding of every severity, the second one warning. */
export function sampleReport(): Report {
  return {
    tables: [
      table({
        sheet: '宁县总工会',
        unitName: '宁县总工会',
        totals: { points: 90, score: 87, reserved: 0, grade: '良' },
        findings: [
          finding({
            rule: 'weights.sum',
            severity: 'error',
            topic: 'weights',
            sheet: '宁县总工会',
            cells: ['B12', 'B18', 'B28', 'B34', 'B40'],
            message: { zh: '一级指标权重合计为 90，应为 100', en: 'Level-1 weights total 90, not 100' },
          }),
          finding({
            rule: 'budget.blank-total',
            severity: 'warning',
            topic: 'budget',
            sheet: '宁县总工会',
            cells: ['D8'],
            message: { zh: '支出合计未填写', en: 'The expense total is blank' },
          }),
          finding({
            rule: 'value.content-empty',
            severity: 'info',
            topic: 'value-format',
            sheet: '宁县总工会',
            cells: ['H20', 'I20'],
            message: { zh: '指标值内容和备注均为空', en: 'Both the value description and the remark are empty' },
          }),
        ],
      }),
      table({
        sheet: '表2',
        unitName: '宁县财政局',
        totals: { points: 100, score: 100, reserved: 10 },
        findings: [
          finding({
            rule: 'value.percent-over-100',
            severity: 'warning',
            topic: 'value-format',
            sheet: '表2',
            cells: ['F15'],
            message: { zh: '百分比指标值超过 100%', en: 'Percentage target above 100%' },
          }),
        ],
      }),
    ],
    sheetsWithoutTable: ['说明'],
  };
}

export interface FakeHost extends PaneHost {
  checks: PaneSettings[];
  accepts: { finding: Finding; reason?: string; by?: string; settings: PaneSettings }[];
  unaccepts: { finding: Finding; settings: PaneSettings }[];
  reports: PaneSettings[];
  selections: { sheet: string; cells: string[] }[];
  saved: PaneSettings[];
  clears: number;
}

/** A deep copy of plain data (jsdom has no structuredClone). */
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

const sameFinding = (a: Finding, b: Finding) => a.rule === b.rule && a.sheet === b.sheet && a.cells.join() === b.cells.join();

/**
 * A host that answers from a report kept in memory: 忽略 marks the finding accepted (dated
 * 2026-05-01), 取消忽略 removes the mark, as the real host's re-check would show.
 */
export function fakeHost(
  overrides: Partial<PaneHost> & { result?: CheckResult; caps?: PaneCapabilities; language?: string } = {},
): FakeHost {
  const { result, caps, language, ...methods } = overrides;
  let current: CheckResult = clone(result ?? { report: sampleReport(), written: [] });
  const mark = (f: Finding, accepted: Finding['accepted']) => {
    current = clone(current);
    for (const t of current.report.tables) {
      for (const x of t.findings) {
        if (!sameFinding(x, f)) continue;
        if (accepted) x.accepted = accepted;
        else delete x.accepted;
      }
    }
    return Promise.resolve(current);
  };
  const host: FakeHost = {
    checks: [],
    accepts: [],
    unaccepts: [],
    reports: [],
    selections: [],
    saved: [],
    clears: 0,
    check: (s) => {
      host.checks.push(s);
      return Promise.resolve(current);
    },
    accept: (finding, note, settings) => {
      host.accepts.push({ finding, ...(note.reason !== undefined ? { reason: note.reason } : {}), ...(note.by !== undefined ? { by: note.by } : {}), settings });
      return mark(finding, { ...(note.reason ? { reason: note.reason } : {}), ...(note.by ? { by: note.by } : {}), date: '2026-05-01' });
    },
    unaccept: (finding, settings) => {
      host.unaccepts.push({ finding, settings });
      return mark(finding, undefined);
    },
    writeReport: (settings): Promise<ReportWritten> => {
      host.reports.push(settings);
      return Promise.resolve({ sheet: '校验报告', rows: 24, links: 6, created: host.reports.length === 1 });
    },
    clear: () => {
      host.clears += 1;
      return Promise.resolve(5);
    },
    select: (sheet, cells) => {
      host.selections.push({ sheet, cells });
      return Promise.resolve();
    },
    loadSettings: () => Promise.resolve(null),
    saveSettings: (s) => {
      host.saved.push(s);
      return Promise.resolve();
    },
    capabilities: () => Promise.resolve(caps ?? { annotation: 'notes', mergesRead: true, undoGroup: true }),
    displayLanguage: () => language ?? 'zh-CN',
    ...methods,
  };
  return host;
}

/** A small table in the seed's layout; 服务职工总人次 has a non-numeric 定量 value (an error). */
export function tableSheet(name: string): SheetSnapshot {
  const values: CellValue[][] = [
    [`宁县总工会整体支出绩效目标表`],
    ['单位（部门）名称', '宁县总工会'],
    ['年度绩效目标', '保障机关正常运转，服务职工。'],
    ['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注'],
    ['基本运行指标', 50, '预算收支管理', '预算执行率', '定量', '≥95', '%', '预算执行率不低于95%', ''],
    [null, null, '资产管理', '资产登记率', '定量', '100', '%', '资产全部登记入账', ''],
    ['重点履职指标', 50, '数量指标', '服务职工总人次', '定量', '稳步提升', '人次', '全年服务职工', ''],
    [null, null, '质量指标', '服务满意度', '定量', '≥90', '%', '职工满意度', ''],
  ];
  return { name, startRow: 0, startColumn: 0, values, merges: ['A1:I1', 'A5:A6', 'B5:B6', 'A7:A8', 'B7:B8'] };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** Applies plans to the snapshot as an Excel adapter would, so a later read sees our cells. */
export function fakeAdapter(snapshot: WorkbookSnapshot) {
  const calls = {
    writes: [] as SheetWritePlan[][],
    clears: [] as { sheet: string; cells: string[] }[][],
    selections: [] as { sheet: string; cells: string[] }[],
    acceptances: [] as AcceptanceSheetPlan[],
    reports: [] as ReportSheetPlan[],
  };
  /** Our sheets replace what was there, whole. */
  const replaceSheet = (name: string, values: CellValue[][]) => {
    const sheet: SheetSnapshot = { name, startRow: 0, startColumn: 0, values, merges: [] };
    const at = snapshot.sheets.findIndex((s) => s.name === name);
    if (at >= 0) snapshot.sheets[at] = sheet;
    else snapshot.sheets.push(sheet);
  };
  const put = (sheetName: string, a1: string, value: CellValue, format: string) => {
    const sheet = snapshot.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { row, column } = parseCell(a1);
    const r = row - 1 - sheet.startRow;
    const c = column - sheet.startColumn;
    sheet.numberFormats ??= sheet.values.map((cells) => cells.map(() => 'General'));
    while (sheet.values.length <= r) sheet.values.push([]);
    while (sheet.numberFormats.length <= r) sheet.numberFormats.push([]);
    while (sheet.values[r].length <= c) sheet.values[r].push(null);
    while (sheet.numberFormats[r].length <= c) sheet.numberFormats[r].push('General');
    sheet.values[r][c] = value;
    sheet.numberFormats[r][c] = format;
  };
  const adapter: PaneAdapter = {
    readSnapshot: () => Promise.resolve(clone(snapshot)),
    writeResults: (plans) => {
      calls.writes.push(plans);
      for (const p of plans) {
        for (const a of p.clear) put(p.sheet, a, null, 'General');
        for (const w of p.writes) put(p.sheet, w.address, w.value, w.numberFormat);
      }
      return Promise.resolve();
    },
    clearResults: (targets) => {
      calls.clears.push(targets);
      for (const t of targets) for (const a of t.cells) put(t.sheet, a, null, 'General');
      return Promise.resolve();
    },
    writeAcceptances: (plan) => {
      calls.acceptances.push(plan);
      replaceSheet(plan.sheet, clone(plan.rows));
      return Promise.resolve();
    },
    writeReportSheet: (plan) => {
      calls.reports.push(plan);
      replaceSheet(
        plan.sheet,
        plan.rows.map((row) => row.map((c) => c.value)),
      );
      return Promise.resolve({ sheet: plan.sheet, rows: plan.rows.length, links: plan.rows.flat().filter((c) => c.link).length, created: true });
    },
    selectCells: (sheet, cells) => {
      calls.selections.push({ sheet, cells });
      return Promise.resolve();
    },
    capabilities: () => ({ annotation: 'comments', mergesRead: true, undoGroup: false }),
  };
  return { adapter, calls };
}
