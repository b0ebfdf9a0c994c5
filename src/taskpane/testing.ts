// Helpers for the task-pane tests: jsdom stubs Fluent needs, a fake host, and hand-built reports.
import type { Finding, Report, TableReport } from '../core/index.js';
import type { CheckResult, PaneCapabilities, Session, PaneSettings, ReportWritten } from '../workflow/index.js';

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

export interface FakeHost extends Session {
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
  overrides: Partial<Session> & { result?: CheckResult; caps?: PaneCapabilities; language?: string } = {},
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

