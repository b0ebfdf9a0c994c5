// An in-memory Excel for tests and the offline workbench: `run` behaves like Excel.run over a
// WorkbookModel, `isSetSupported` like Office.context.requirements.isSetSupported for a chosen
// ExcelApi version, and listeners hear about every sync so a UI can re-render.
import type { WorkbookModel } from './model.js';
import { setCellField, findSheet, parseAreaAddress } from './model.js';
import type { CellValue } from '../../core/index.js';
import { fireChanged, SimRequestContext, type SimHost, type SimPlatform, type SyncPayload, versionAtLeast } from './proxies.js';

/** Excel.run's two shapes used by the adapter: run(batch) and run(options, batch). */
export interface SimRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

export type SimEvent =
  | { type: 'sync'; changed: boolean; syncs: number; requestBytes: number; responseBytes: number }
  | { type: 'run'; syncs: number; options: Excel.RunOptions; error?: unknown };

export interface SimulatorOptions {
  /** Highest ExcelApi requirement set to pretend to support; default "1.20". */
  apiVersion?: string;
  /**
   * "web" enforces Excel on the web's 5 MB per request and per response; "windows" (default) and
   * "mac" refuse members that cannot be undone inside a merged undo group.
   */
  platform?: SimPlatform;
  /** How the platform rewrites a number format code it stores (e.g. escaping "-" as "\\-"). */
  formatRewrite?: (code: string) => string;
}

export interface ExcelSimulator {
  readonly model: WorkbookModel;
  /** Excel.run over the model; pass it to createWorkbookAdapter. */
  readonly run: SimRun;
  /** Office.context.requirements.isSetSupported for the simulated version. */
  readonly isSetSupported: (name: string, minVersion?: string | number) => boolean;
  /** A stand-in for the global `Office` object, as far as requirement checks go. */
  readonly office: { context: { requirements: { isSetSupported: (name: string, minVersion?: string | number) => boolean } } };
  /** The simulated ExcelApi version; may be changed between runs. */
  apiVersion: string;
  /** The simulated platform; may be changed between runs. */
  platform: SimPlatform;
  /** Estimated request and response bytes of each sync of the last finished run. */
  readonly lastRunPayloads: SyncPayload[];
  /** context.sync() calls made by the last finished run (including run's own final sync). */
  readonly lastRunSyncs: number;
  /** Options the last run was started with ({} for run(batch)). */
  readonly lastRunOptions: Excel.RunOptions;
  /** context.sync() calls over the simulator's life. */
  readonly totalSyncs: number;
  readonly runs: number;
  /**
   * A person typing `value` into `cell` of `sheet` (or a co-author, `remote`): the model changes
   * and the sheet's onChanged handlers hear of it, as from Excel.
   */
  edit(sheet: string, cell: string, value: CellValue, remote?: boolean): void;
  /** Calls `listener` after each sync and each finished run; returns the unsubscribe function. */
  subscribe(listener: (event: SimEvent) => void): () => void;
}

export const DEFAULT_API_VERSION = '1.20';

export function createExcel(model: WorkbookModel, options: SimulatorOptions = {}): ExcelSimulator {
  const listeners = new Set<(event: SimEvent) => void>();
  let totalSyncs = 0;
  let runs = 0;
  let lastRunSyncs = 0;
  let lastRunOptions: Excel.RunOptions = {};
  let payloads: SyncPayload[] = [];
  let lastRunPayloads: SyncPayload[] = [];
  let current: SimRequestContext | null = null;

  const emit = (event: SimEvent): void => {
    for (const listener of [...listeners]) listener(event);
  };

  const host: SimHost = {
    model,
    apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
    platform: options.platform ?? 'windows',
    formatRewrite: options.formatRewrite,
    changeHandlers: new Map(),
    afterSync(changed, payload) {
      totalSyncs += 1;
      payloads.push(payload);
      emit({ type: 'sync', changed, syncs: current?.syncCount ?? 0, ...payload });
    },
  };

  const isSetSupported = (name: string, minVersion?: string | number): boolean =>
    name === 'ExcelApi' && versionAtLeast(host.apiVersion, minVersion === undefined ? '1.1' : String(minVersion));

  async function run<T>(
    first: Excel.RunOptions | SimRequestContext | ((context: Excel.RequestContext) => Promise<T>),
    second?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof first === 'function' ? first : second;
    if (!batch) throw new TypeError('Excel.run needs a batch function');
    // Excel.run(eventResult.context, batch) goes on with that context (to remove event handlers).
    const reused = first instanceof SimRequestContext ? first : undefined;
    const runOptions: Excel.RunOptions = typeof first === 'function' || reused ? {} : { ...(first as Excel.RunOptions) };
    if (reused) reused._reopen();
    const context = reused ?? new SimRequestContext(host, runOptions);
    const previous = current;
    const outerPayloads = payloads;
    payloads = [];
    current = context;
    let error: unknown;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      // Excel.run sends whatever the batch left queued.
      if (context.hasPending) await context.sync();
      return result;
    } catch (e) {
      error = e;
      throw e;
    } finally {
      context._close();
      current = previous;
      runs += 1;
      lastRunSyncs = context.syncCount;
      lastRunOptions = runOptions;
      lastRunPayloads = payloads;
      payloads = outerPayloads;
      emit(error === undefined ? { type: 'run', syncs: context.syncCount, options: runOptions } : { type: 'run', syncs: context.syncCount, options: runOptions, error });
    }
  }

  return {
    model,
    run: run as SimRun,
    isSetSupported,
    office: { context: { requirements: { isSetSupported } } },
    get apiVersion() {
      return host.apiVersion;
    },
    set apiVersion(version: string) {
      host.apiVersion = version;
    },
    get platform() {
      return host.platform;
    },
    set platform(platform: SimPlatform) {
      host.platform = platform;
    },
    get lastRunPayloads() {
      return lastRunPayloads;
    },
    get lastRunSyncs() {
      return lastRunSyncs;
    },
    get lastRunOptions() {
      return lastRunOptions;
    },
    get totalSyncs() {
      return totalSyncs;
    },
    get runs() {
      return runs;
    },
    edit(sheetName, cell, value, remote = false) {
      const sheet = findSheet(model, sheetName);
      const rect = parseAreaAddress(cell);
      if (!sheet || !rect) throw new Error(`no cell ${sheetName}!${cell}`);
      setCellField(sheet, rect.top, rect.left, 'value', value);
      fireChanged(host, sheet, cell, false, remote ? 'Remote' : 'Local');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
