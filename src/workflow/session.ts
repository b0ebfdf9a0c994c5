// The one session every host runs: snapshot → core → write plans → writes through the host's
// port, for the check, 忽略 / 取消忽略, the 校验报告 and clearing. One place, so Excel, the
// workbench, the CLI and WPS cannot drift apart.
import { checkAndPlan, checkedWith, langFromTag, type LocalizedText, ACCEPTED_SHEET, REPORT_SHEET, checkWorkbook, isOurReportSheet, mergeAcceptances, planAcceptanceSheet, planClear, planReportSheet, readAcceptances, markAccepted, type AcceptanceSheetPlan, type ReportSheetPlan, type Acceptance, type CheckOptions, type Finding, type Indicator, type Lang, type WorkbookSnapshot } from '../core/index.js';
import type { CheckResult, PaneCapabilities, PanePort, ReportWritten, WorkbookPort } from './port.js';
import { checkOptionsOf, normalizeSettings, type PaneSettings, type SettingsStore } from './settings.js';

export interface RunCheckOptions {
  /** Write the 得分 column; when false the workbook is only read. */
  write: boolean;
  notes: boolean;
  fills: boolean;
  /** Points reserved outside the table; undefined leaves it to `check` and the table itself. */
  reservedPoints?: number;
  /** The rest of the core's options (template, rule settings); reservedPoints above wins. */
  check?: CheckOptions;
  /** Language of the notes and the report written into the workbook. */
  lang: Lang;
  /** Also add (or refresh) the 校验报告 sheet from the same check, dated `date`. */
  report?: { date: string };
}

function coreOptions(options: RunCheckOptions): CheckOptions {
  return options.reservedPoints === undefined ? { ...options.check } : { ...options.check, reservedPoints: options.reservedPoints };
}

/** The sheets a write must leave alone: a protected sheet would make the whole write fail. */
function protectedSheets(snapshot: WorkbookSnapshot): Set<string> {
  return new Set(snapshot.sheets.filter((s) => s.protected).map((s) => s.name));
}

export async function runCheck(port: WorkbookPort, options: RunCheckOptions): Promise<CheckResult> {
  return checkAndWrite(port, await port.readSnapshot(), options);
}

/**
 * Checks a snapshot just read and writes the 得分 column (and the 校验报告) when asked. The one
 * policy for protected sheets: they are left out and named in `written`, the rest is written.
 */
async function checkAndWrite(port: WorkbookPort, snapshot: WorkbookSnapshot, options: RunCheckOptions): Promise<CheckResult> {
  if (!options.write) return { report: checkWorkbook(snapshot, coreOptions(options)), written: [] };
  const { report, plans } = checkAndPlan(snapshot, coreOptions(options), { notes: options.notes, fills: options.fills, lang: options.lang });
  const locked = protectedSheets(snapshot);
  const writable = plans.filter((p) => !locked.has(p.sheet));
  const result: CheckResult = { report, written: [] };
  if (writable.some((p) => p.writes.length > 0 || p.clear.length > 0)) {
    const summary = await port.writeResults(writable, { notes: options.notes, fills: options.fills });
    if (summary?.keptUserAnnotations?.length) result.keptUserAnnotations = summary.keptUserAnnotations;
    if (summary?.refused?.length) result.refused = summary.refused;
  }
  result.written = plans.map((p) =>
    locked.has(p.sheet)
      ? { sheet: p.sheet, column: p.column, cells: 0, skipped: p.skipped, protected: true }
      : { sheet: p.sheet, column: p.column, cells: p.writes.length, skipped: p.skipped },
  );
  if (options.report) {
    const existing = snapshot.sheets.find((s) => s.name === REPORT_SHEET);
    // A sheet of the user's by that name is theirs: never replaced, and said so.
    if (existing && !isOurReportSheet(existing)) result.reportRefused = 'name-taken';
    else if (existing?.protected) result.reportRefused = 'protected';
    else {
      const plan = planReportSheet(report, { lang: options.lang, date: options.report.date, checkedWith: checkedWith(coreOptions(options)) });
      result.reportWritten = reportWritten(await port.writeReportSheet(plan), plan);
    }
  }
  return result;
}

function reportWritten(summary: Partial<ReportWritten> | void, plan: ReportSheetPlan): ReportWritten {
  return {
    sheet: summary?.sheet ?? plan.sheet,
    rows: summary?.rows ?? plan.rows.length,
    links: summary?.links ?? 0,
    created: summary?.created ?? true,
  };
}

/** Clears what earlier runs wrote; resolves to the number of cells cleared. */
export async function runClear(port: WorkbookPort): Promise<number> {
  const snapshot = await port.readSnapshot();
  const locked = protectedSheets(snapshot);
  const targets = planClear(snapshot).filter((t) => t.cells.length > 0 && !locked.has(t.sheet));
  if (targets.length === 0) return 0;
  const cleared = await port.clearResults(targets);
  return typeof cleared === 'number' ? cleared : targets.reduce((n, t) => n + t.cells.length, 0);
}

/** 忽略 a finding (with who, when and why), or 取消忽略 one. */
export type AcceptanceChange =
  | { accept: Finding; reason?: string; by?: string; date: string }
  | { unaccept: Finding };

/** True when the core would mark `f` accepted by `a` (the core's own matching, not a copy of it). */
function covers(a: Acceptance, f: Finding): boolean {
  const probe: Finding = { ...f };
  delete probe.accepted;
  markAccepted([probe], () => f.indicator, [a]);
  return probe.accepted !== undefined;
}

/** The snapshot as it is after the accepted sheet was replaced by `plan`. */
function withAcceptances(snapshot: WorkbookSnapshot, plan: AcceptanceSheetPlan): WorkbookSnapshot {
  const sheet = { name: ACCEPTED_SHEET, startRow: 0, startColumn: 0, values: plan.rows, merges: [] };
  return { sheets: [...snapshot.sheets.filter((s) => s.name !== ACCEPTED_SHEET), sheet] };
}

/** The stored acceptances after `changes`: each finding carries its indicator's name, so no check is needed. */
function changedAcceptances(stored: Acceptance[], changes: AcceptanceChange[]): Acceptance[] {
  let list = stored;
  for (const change of changes) {
    if ('accept' in change) {
      const f = change.accept;
      const acceptance: Acceptance = {
        rule: f.rule,
        sheet: f.sheet,
        cells: [...f.cells],
        ...(f.indicator ? { indicator: f.indicator } : {}),
        ...(change.reason?.trim() ? { reason: change.reason.trim() } : {}),
        ...(change.by?.trim() ? { by: change.by.trim() } : {}),
        date: change.date,
      };
      list = mergeAcceptances(list, [acceptance]);
    } else list = list.filter((a) => !covers(a, change.unaccept));
  }
  return list;
}

/**
 * Stores the changes in the workbook's accepted sheet, then checks once (and writes the 得分
 * column as runCheck does) on the snapshot already read: only our hidden sheet changed.
 */
export async function runAccept(port: WorkbookPort, change: AcceptanceChange | AcceptanceChange[], options: RunCheckOptions): Promise<CheckResult> {
  const snapshot = await port.readSnapshot();
  const plan = planAcceptanceSheet(changedAcceptances(readAcceptances(snapshot), Array.isArray(change) ? change : [change]));
  await port.writeAcceptances(plan);
  return checkAndWrite(port, withAcceptances(snapshot, plan), options);
}

/** Checks the workbook and adds (or refreshes) the 校验报告 sheet, dated `date`. */
export async function runReport(port: WorkbookPort, options: RunCheckOptions & { date: string }): Promise<ReportWritten> {
  const snapshot = await port.readSnapshot();
  const report = checkWorkbook(snapshot, coreOptions(options));
  const plan = planReportSheet(report, { lang: options.lang, date: options.date, checkedWith: checkedWith(coreOptions(options)) });
  return reportWritten(await port.writeReportSheet(plan), plan);
}

/** What a host's UI calls: the check → accept → plan → write session over one workbook port. */
export interface Session {
  /** Read the workbook, check it, and write results when `settings.writeScores` is on. */
  check(settings: PaneSettings): Promise<CheckResult>;
  /**
   * 忽略: store an acceptance of `finding` (with an optional reason, the reviewer's name and
   * today's date) in the workbook, then check again as `check` does.
   */
  accept(finding: Finding, note: { reason?: string; by?: string }, settings: PaneSettings): Promise<CheckResult>;
  /** 取消忽略: remove the stored acceptance(s) covering `finding`, then check again. */
  unaccept(finding: Finding, settings: PaneSettings): Promise<CheckResult>;
  /** 生成校验报告: check the workbook and add (or refresh) the 校验报告 sheet. */
  writeReport(settings: PaneSettings): Promise<ReportWritten>;
  /** Remove everything an earlier run wrote; resolves to the number of cells cleared. */
  clear(): Promise<number>;
  /** Select `cells` (A1 cells or ranges) on `sheet` and bring them into view. */
  select(sheet: string, cells: string[]): Promise<void>;
  /** Settings saved earlier (with the document in Excel), or null when none. */
  loadSettings(): Promise<PaneSettings | null>;
  saveSettings(settings: PaneSettings): Promise<void>;
  capabilities(): Promise<PaneCapabilities>;
  /**
   * Watch `sheets` for the user's edits (debounced; our own writes are not edits); resolves to a
   * function that stops watching, or null where the host cannot watch.
   */
  watch?(sheets: string[], onChange: (sheets: string[]) => void): Promise<(() => Promise<void>) | null>;
  /** What the last read had to give up (e.g. merged areas inferred), in both languages. */
  readWarnings?(): LocalizedText[];
  /** BCP 47 tag of the UI language of the host, e.g. "zh-CN" or "en-US". */
  displayLanguage(): string;
}

export interface SessionOptions {
  port: PanePort;
  settings: SettingsStore;
  /** BCP 47 tag, e.g. "zh-CN". */
  displayLanguage: () => string;
  /** Today as the report and an acceptance record it ("2026-05-01"); defaults to the local date. */
  today?: () => string;
  /** Last year's indicators (上年表), for the 可行性 comparisons; read at each check. */
  previous?: () => Indicator[] | undefined;
}

/** The local date as ISO "YYYY-MM-DD" (what a reviewer reads as today, not UTC's). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function createSession({ port: adapter, settings, displayLanguage, today = () => localDate(), previous }: SessionOptions): Session {
  const options = (s: PaneSettings): RunCheckOptions => ({
    write: s.writeScores,
    notes: s.notes,
    fills: s.fills,
    reservedPoints: s.reservedPoints,
    check: { ...checkOptionsOf(s), ...(previous?.() ? { previous: previous() } : {}) },
    lang: s.lang ?? langFromTag(displayLanguage()),
  });
  return {
    check: (s) => runCheck(adapter, options(s)),
    accept: (finding, note, s) => runAccept(adapter, { accept: finding, reason: note.reason, ...(note.by ? { by: note.by } : {}), date: today() }, options(s)),
    unaccept: (finding, s) => runAccept(adapter, { unaccept: finding }, options(s)),
    writeReport: (s) => runReport(adapter, { ...options(s), date: today() }),
    clear: () => runClear(adapter),
    select: async (sheet, cells) => {
      await adapter.selectCells(sheet, cells);
    },
    loadSettings: async () => normalizeSettings(await settings.load()),
    saveSettings: (s) => settings.save(s),
    capabilities: async () => adapter.capabilities(),
    ...(adapter.watchChanges ? { watch: (sheets: string[], onChange: (sheets: string[]) => void) => adapter.watchChanges!(sheets, onChange) } : {}),
    ...(adapter.readWarnings ? { readWarnings: () => adapter.readWarnings!() } : {}),
    displayLanguage,
  };
}
