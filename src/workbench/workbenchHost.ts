// The pane's host in the workbench: the same src/adapters/office adapter as inside Excel, handed the
// simulator's Excel.run, so the page exercises the real read → sync → write path. Each pane
// action is measured in context.sync() calls, which is what a real Excel round trip costs. The
// page can also play WPS 表格: the WPS adapter over the ET simulator, on the same model, measured
// in object-model calls.
import { createWorkbookAdapter } from '../adapters/office/index.js';
import { createWpsAdapter } from '../adapters/wps/index.js';
import { createSession, type CheckResult, type Session, type SettingsStore } from '../workflow/index.js';
import type { Indicator } from '../core/index.js';
import type { ExcelSimulator, WorkbookModel } from '../adapters/simulator/index.js';
import { createEt } from '../adapters/simulator/et/index.js';

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
  /** Set when the simulated host is WPS: object-model calls the action made (syncs and runs are then 0). */
  wpsCalls?: number;
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
  /** Last year's indicators (上年表), when one was opened beside the workbook. */
  previous?: () => Indicator[] | undefined;
}

/** What a host's actions are measured by: Excel's syncs and runs, or WPS's object-model calls. */
interface Counter {
  syncs(): number;
  runs(): number;
  wpsCalls?(): number;
}

function measuredSession(inner: Session, counter: Counter, options: WorkbenchHostOptions): Session {
  async function measured<T>(action: PaneAction, work: () => Promise<T>, written?: (result: T) => ActionRecord['written']): Promise<T> {
    const syncs = counter.syncs();
    const runs = counter.runs();
    const calls = counter.wpsCalls?.() ?? 0;
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
        syncs: counter.syncs() - syncs,
        runs: counter.runs() - runs,
        ms: Math.round(performance.now() - started),
        ok,
        ...(counter.wpsCalls ? { wpsCalls: counter.wpsCalls() - calls } : {}),
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

function sessionOver(port: Parameters<typeof createSession>[0]['port'], options: WorkbenchHostOptions): Session {
  return createSession({
    port,
    settings: options.settings,
    displayLanguage: options.displayLanguage,
    ...(options.today ? { today: options.today } : {}),
    ...(options.previous ? { previous: options.previous } : {}),
  });
}

export function createWorkbenchHost(excel: ExcelSimulator, options: WorkbenchHostOptions): Session {
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  return measuredSession(sessionOver(adapter, options), { syncs: () => excel.totalSyncs, runs: () => excel.runs }, options);
}

/** The same workbook in simulated WPS 表格: the WPS adapter over the ET simulator (issue 15). */
export function createWpsWorkbenchHost(model: WorkbookModel, options: WorkbenchHostOptions): Session {
  const et = createEt(model);
  return measuredSession(sessionOver(createWpsAdapter(et.application), options), { syncs: () => 0, runs: () => 0, wpsCalls: () => et.calls }, options);
}
