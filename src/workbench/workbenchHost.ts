// The pane's host in the workbench: the same src/adapters/office adapter as inside Excel, handed the
// simulator's Excel.run, so the page exercises the real read → sync → write path. Each pane
// action is measured in context.sync() calls, which is what a real Excel round trip costs.
import { createWorkbookAdapter } from '../adapters/office/index.js';
import { createSession, type CheckResult, type Session, type SettingsStore } from '../workflow/index.js';
import type { ExcelSimulator } from '../adapters/simulator/index.js';

export type PaneAction = 'check' | 'clear' | 'select' | 'accept' | 'unaccept' | 'report';

export interface ActionRecord {
  action: PaneAction;
  /** context.sync() calls the action made (Excel.run's own final sync included). */
  syncs: number;
  /** Excel.run batches it took. */
  runs: number;
  /** Wall time in milliseconds. */
  ms: number;
  ok: boolean;
  /** The header cell of the 得分 column a check wrote, for the page to scroll to. */
  written?: { sheet: string; cell: string };
}

/** Where the first 得分 column of a result is headed ("J11" on its sheet). */
function writtenHeader(r: CheckResult): ActionRecord['written'] {
  const w = r.written.find((x) => !x.protected && x.cells > 0);
  if (!w) return undefined;
  const table = r.report.tables.find((t) => t.sheet === w.sheet);
  return { sheet: w.sheet, cell: `${w.column}${table?.headerRow ?? 1}` };
}

export interface WorkbenchHostOptions {
  settings: SettingsStore;
  /** BCP 47 tag of the page's language. */
  displayLanguage: () => string;
  onAction?: (record: ActionRecord) => void;
  /** Today's date for acceptances and the report; defaults to the local date. */
  today?: () => string;
}

export function createWorkbenchHost(excel: ExcelSimulator, options: WorkbenchHostOptions): Session {
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const inner = createSession({
    port: adapter,
    settings: options.settings,
    displayLanguage: options.displayLanguage,
    ...(options.today ? { today: options.today } : {}),
  });

  async function measured<T>(action: PaneAction, work: () => Promise<T>, written?: (result: T) => ActionRecord['written']): Promise<T> {
    const syncs = excel.totalSyncs;
    const runs = excel.runs;
    const started = performance.now();
    let ok = false;
    let header: ActionRecord['written'];
    try {
      const result = await work();
      ok = true;
      header = written?.(result);
      return result;
    } finally {
      options.onAction?.({
        action,
        syncs: excel.totalSyncs - syncs,
        runs: excel.runs - runs,
        ms: Math.round(performance.now() - started),
        ok,
        ...(header ? { written: header } : {}),
      });
    }
  }

  return {
    ...inner,
    check: (settings) => measured('check', () => inner.check(settings), writtenHeader),
    clear: () => measured('clear', () => inner.clear()),
    select: (sheet, cells) => measured('select', () => inner.select(sheet, cells)),
    accept: (finding, note, settings) => measured('accept', () => inner.accept(finding, note, settings)),
    unaccept: (finding, settings) => measured('unaccept', () => inner.unaccept(finding, settings)),
    writeReport: (settings) => measured('report', () => inner.writeReport(settings)),
  };
}
