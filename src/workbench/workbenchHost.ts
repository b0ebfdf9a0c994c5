// The pane's host in the workbench: the same src/excel adapter as inside Excel, handed the
// simulator's Excel.run, so the page exercises the real read → sync → write path. Each pane
// action is measured in context.sync() calls, which is what a real Excel round trip costs.
import { createWorkbookAdapter } from '../excel/index.js';
import { createAdapterHost } from '../taskpane/adapterHost.js';
import type { PaneHost } from '../taskpane/host.js';
import type { SettingsStore } from '../taskpane/settings.js';
import type { ExcelSimulator } from './simulator/index.js';

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
}

export interface WorkbenchHostOptions {
  settings: SettingsStore;
  /** BCP 47 tag of the page's language. */
  displayLanguage: () => string;
  onAction?: (record: ActionRecord) => void;
  /** Today's date for acceptances and the report; defaults to the local date. */
  today?: () => string;
}

export function createWorkbenchHost(excel: ExcelSimulator, options: WorkbenchHostOptions): PaneHost {
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const inner = createAdapterHost({
    adapter,
    settings: options.settings,
    displayLanguage: options.displayLanguage,
    ...(options.today ? { today: options.today } : {}),
  });

  async function measured<T>(action: PaneAction, work: () => Promise<T>): Promise<T> {
    const syncs = excel.totalSyncs;
    const runs = excel.runs;
    const started = performance.now();
    let ok = false;
    try {
      const result = await work();
      ok = true;
      return result;
    } finally {
      options.onAction?.({
        action,
        syncs: excel.totalSyncs - syncs,
        runs: excel.runs - runs,
        ms: Math.round(performance.now() - started),
        ok,
      });
    }
  }

  return {
    ...inner,
    check: (settings) => measured('check', () => inner.check(settings)),
    clear: () => measured('clear', () => inner.clear()),
    select: (sheet, cells) => measured('select', () => inner.select(sheet, cells)),
    accept: (finding, note, settings) => measured('accept', () => inner.accept(finding, note, settings)),
    unaccept: (finding, settings) => measured('unaccept', () => inner.unaccept(finding, settings)),
    writeReport: (settings) => measured('report', () => inner.writeReport(settings)),
  };
}
