// Proxy objects of the simulated Excel JavaScript API. Like Office.js: methods and property sets are
// queued and applied at context.sync(); a property can be read only after load() and a sync,
// otherwise the read throws PropertyNotLoaded. Objects are resolved against the model when the
// queued command that first uses them runs, so a batch sees its own earlier writes.
import { address, columnLetter, type RangeRef, type CellValue } from '../../core/index.js';
import { SimError, propertyNotLoaded } from './simError.js';
import {
  type CellFont,
  type CellHyperlink,
  type CellModel,
  type SheetModel,
  type SheetVisibility,
  type WorkbookModel,
  cellPosition,
  createSheet,
  findSheet,
  isVisibleSheet,
  sheetNameProblem,
  formatArea,
  mergedRects,
  parseAreaAddress,
  quoteSheetName,
  setCellField,
  usedBounds,
  customPropertyKey,
} from './model.js';

/** Where the simulated Excel runs: the web has payload limits, Windows and Mac have undo rules. */
export type SimPlatform = 'windows' | 'mac' | 'web';

/** Estimated bytes of one sync, as Office.js would serialise it. */
export interface SyncPayload {
  requestBytes: number;
  responseBytes: number;
}

/** Shared state of one simulator: its model, the API version it pretends to have, counters. */
export interface SimHost {
  model: WorkbookModel;
  /** Highest ExcelApi requirement set supported, e.g. "1.18". */
  apiVersion: string;
  platform: SimPlatform;
  /** How the platform stores a number format code it is given (some rewrite escapes or case). */
  formatRewrite?: (code: string) => string;
  /** Called after every sync with whether the model changed and what it cost. */
  afterSync(changed: boolean, payload: SyncPayload): void;
  /** Worksheet.onChanged handlers registered by add-ins, by sheet; they outlive their Excel.run. */
  changeHandlers: Map<SheetModel, Set<ChangeHandler>>;
}

/** As Excel.WorksheetChangedEventArgs, as far as the simulator fills it. */
export interface SimChangedEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
  /** ExcelApi 1.14: "ThisLocalAddin" for the add-in's own writes; absent below. */
  triggerSource?: 'ThisLocalAddin' | 'Unknown';
}

export type ChangeHandler = (event: SimChangedEvent) => Promise<unknown>;

/** Calls the sheet's onChanged handlers after the current task, as Excel delivers events. */
export function fireChanged(host: SimHost, sheet: SheetModel, address: string, fromAddin: boolean, source: 'Local' | 'Remote' = 'Local'): void {
  const handlers = host.changeHandlers.get(sheet);
  if (!handlers || handlers.size === 0) return;
  const event: SimChangedEvent = { type: 'WorksheetChanged', worksheetId: sheet.name, address, changeType: 'RangeEdited', source };
  if (versionAtLeast(host.apiVersion, '1.14')) event.triggerSource = fromAddin ? 'ThisLocalAddin' : 'Unknown';
  for (const handler of [...handlers]) setTimeout(() => void handler(event), 0);
}

/** Excel on the web refuses a request or a response above 5 MB, per sync. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/**
 * Bytes of one action in a request besides its arguments (an object path, a method, a property
 * set). With it a one-cell write of value + format costs ≈ 480 B, + fill ≈ 940 B, + note ≈ 1.3 KB,
 * close to what Office.js's serializer was measured to send (OFFICE-NOTES.md: 408 B, 793 B, 1.2 KB;
 * a read band ≈ 500 B).
 */
export const ACTION_BYTES = 150;

/** About the length of `value` as JSON (UTF-8), without building the string. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'number':
      return String(value).length;
    case 'boolean':
      return value ? 4 : 5;
    case 'string': {
      let n = 2;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        n += c < 0x80 ? (c === 34 || c === 92 ? 2 : 1) : c < 0x800 ? 2 : 3;
      }
      return n;
    }
    default:
      break;
  }
  if (Array.isArray(value)) {
    let n = 1 + Math.max(1, value.length);
    for (const v of value) n += jsonBytes(v);
    return n;
  }
  if (typeof value === 'object') {
    let n = 2;
    for (const [k, v] of Object.entries(value)) n += jsonBytes(k) + 2 + jsonBytes(v);
    return n;
  }
  return 4;
}

function payloadError(kind: 'Request' | 'Response', bytes: number): SimError {
  return new SimError(
    `${kind}PayloadSizeLimitExceeded`,
    `The ${kind.toLowerCase()} payload size (${bytes} bytes) has exceeded the limit of ${PAYLOAD_LIMIT} bytes. Split the work into several context.sync() calls.`,
  );
}

export function versionAtLeast(have: string, need: string): boolean {
  const [hMajor, hMinor = 0] = have.split('.').map(Number);
  const [nMajor, nMinor = 0] = need.split('.').map(Number);
  return hMajor > nMajor || (hMajor === nMajor && hMinor >= nMinor);
}

/** Merged areas are reported only up to this count, as Excel documents for getMergedAreasOrNullObject. */
export const MERGED_AREAS_LIMIT = 512;

type Op = () => void;

export class SimRequestContext {
  readonly workbook: SimWorkbook;
  private queue: Op[] = [];
  private objects: SimObject<unknown>[] = [];
  private closed = false;
  private changed = false;
  private syncing = false;
  private requestBytes = 0;
  private responseBytes = 0;
  syncCount = 0;

  constructor(
    readonly host: SimHost,
    readonly runOptions: Excel.RunOptions = {},
  ) {
    this.workbook = new SimWorkbook(this);
    // The workbook object is part of every request, not an action the batch added.
    this.requestBytes = 0;
  }

  /** Resolves after applying every queued command in order; the first failing command rejects. */
  async sync(): Promise<void> {
    this.assertOpen();
    this.syncCount += 1;
    const queue = this.queue;
    this.queue = [];
    const requestBytes = this.requestBytes;
    this.requestBytes = 0;
    this.responseBytes = 0;
    await Promise.resolve();
    const limited = this.host.platform === 'web';
    let refused = false;
    // Which watched sheets this sync changes: their handlers hear of it afterwards.
    const watched = [...this.host.changeHandlers.keys()].map((sheet) => [sheet, sheet.revision ?? 0] as const);
    this.syncing = true;
    try {
      if (limited && requestBytes > PAYLOAD_LIMIT) {
        refused = true;
        throw payloadError('Request', requestBytes);
      }
      for (const op of queue) op();
      if (limited && this.responseBytes > PAYLOAD_LIMIT) {
        // The commands ran but nothing comes back: no loaded value is readable.
        refused = true;
        throw payloadError('Response', this.responseBytes);
      }
    } finally {
      this.syncing = false;
      // Commands before a failure stay applied, as in Excel.
      for (const object of this.objects) {
        if (refused) object._forget();
        else object._settle();
      }
      this.objects = [];
      const changed = this.changed;
      this.changed = false;
      for (const [sheet, revision] of watched) {
        if ((sheet.revision ?? 0) !== revision) fireChanged(this.host, sheet, formatArea(usedBounds(sheet, false) ?? { top: 1, bottom: 1, left: 0, right: 0 }), true);
      }
      this.host.afterSync(changed, { requestBytes, responseBytes: this.responseBytes });
    }
  }

  get hasPending(): boolean {
    return this.queue.length > 0;
  }

  /** Queues a command; `bytes` is the size of its arguments in the request. */
  _enqueue(op: Op, bytes = 0): void {
    this.assertOpen();
    this.queue.push(op);
    this.requestBytes += ACTION_BYTES + bytes;
  }

  _register(object: SimObject<unknown>): void {
    this.assertOpen();
    this.objects.push(object);
    // An object made by the batch is an action of the request; items of a loaded collection are not.
    if (!this.syncing) this.requestBytes += ACTION_BYTES;
  }

  /** Counts loaded data into the response of the running sync. */
  _respond(bytes: number): void {
    this.responseBytes += bytes;
  }

  /**
   * Inside a merged undo group (ExcelApi 1.20) Windows and Mac refuse a member that cannot be
   * undone; the web accepts it.
   */
  _undoable(api: string): void {
    if (this.runOptions.mergeUndoGroup && this.host.platform !== 'web') {
      throw new SimError(
        'UndoNotSupported',
        `${api} cannot be undone, so it is not allowed inside an Excel.run with mergeUndoGroup: true.`,
        api,
      );
    }
  }

  _markChanged(): void {
    this.changed = true;
  }

  _close(): void {
    this.closed = true;
  }

  /** Excel.run(eventResult.context, …): a finished context used again, to remove event handlers. */
  _reopen(): void {
    this.closed = false;
  }

  _supports(version: string): boolean {
    return versionAtLeast(this.host.apiVersion, version);
  }

  /** Queues a failure when the simulated Excel lacks `version`; true when it has it. */
  _require(version: string, api: string): boolean {
    if (this._supports(version)) return true;
    this._enqueue(() => {
      throw apiNotFound(version, api);
    });
    return false;
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new SimError(
        'InvalidObjectPath',
        'The object path is not valid: this request context has finished (its Excel.run returned). Use objects only inside their own Excel.run.',
      );
    }
  }
}

function apiNotFound(version: string, api: string): SimError {
  return new SimError('ApiNotFound', `${api} needs ExcelApi ${version}, which this Excel does not support.`, api);
}

function assertWritable(sheet: SheetModel, what: string): void {
  if (sheet.protected) {
    throw new SimError(
      'AccessDenied',
      `The cell or chart you're trying to change is on a protected sheet (${sheet.name}); ${what} was refused.`,
      what,
    );
  }
}

type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

function loadPaths(arg: LoadArg): string[][] {
  const list = (v: string | string[] | undefined): string[] =>
    v === undefined ? [] : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
  const names = typeof arg === 'object' && !Array.isArray(arg) ? [...list(arg.select), ...list(arg.expand)] : list(arg);
  return names.map((n) => n.split('/').map((s) => s.trim()));
}

/** Base of every proxy: a lazily resolved target, loaded properties, and Office.js's read rule. */
export abstract class SimObject<T> {
  #resolved = false;
  #target: T | null = null;
  #settledNull: boolean | undefined;
  readonly #resolver: () => T | null;
  readonly #orNull: boolean;
  protected readonly loaded = new Map<string, unknown>();
  protected abstract readonly typeName: string;
  protected abstract readonly scalarNames: readonly string[];

  constructor(
    readonly context: SimRequestContext,
    resolver: () => T | null,
    /** True for *OrNullObject results: a missing target is a null object, not ItemNotFound. */
    orNull = false,
  ) {
    this.#resolver = resolver;
    this.#orNull = orNull;
    context._register(this as SimObject<unknown>);
  }

  get isNullObject(): boolean {
    if (this.#settledNull === undefined) throw propertyNotLoaded('isNullObject', this.typeName);
    return this.#settledNull;
  }

  /** The target while a sync runs; a missing target throws ItemNotFound unless this is a null object. */
  _target(): T | null {
    if (!this.#resolved) {
      this.#target = this.#resolver();
      this.#resolved = true;
    }
    if (this.#target === null && !this.#orNull) {
      throw new SimError('ItemNotFound', `The requested ${this.typeName} does not exist.`, this.typeName);
    }
    return this.#target;
  }

  /** Target that must exist (commands on a null object are refused rather than guessed). */
  _required(what: string): T {
    const t = this._target();
    if (t === null) {
      throw new SimError('InvalidOperation', `${this.typeName}.${what} was called on a null object; test isNullObject first.`);
    }
    return t;
  }

  /** After a sync: isNullObject becomes readable for objects the batch could resolve. */
  _settle(): void {
    if (this.#settledNull !== undefined) return;
    try {
      if (!this.#resolved) {
        this.#target = this.#resolver();
        this.#resolved = true;
      }
      this.#settledNull = this.#target === null;
    } catch {
      // An object whose parent could not be found stays unsettled.
    }
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.context._enqueue(() => this._load(paths), jsonBytes(paths));
    return this;
  }

  /** After a refused sync: nothing was loaded. */
  _forget(): void {
    this.loaded.clear();
    this.#settledNull = undefined;
  }

  _load(paths: string[][]): void {
    const t = this._target();
    this.#settledNull = t === null;
    if (t === null) return;
    const wanted = paths.length === 0 ? this.scalarNames.filter((n) => this._loadsByDefault(n)).map((n) => [n]) : paths;
    for (const [head, ...rest] of wanted) {
      if (this.scalarNames.includes(head)) {
        const value = this._readScalar(head, t);
        this.loaded.set(head, value);
        this.context._respond(head.length + 4 + jsonBytes(value));
        continue;
      }
      const child = this._navigation(head);
      if (!child) throw new SimError('InvalidArgument', `${this.typeName} has no property '${head}' to load.`);
      child._load(rest.length ? [rest] : []);
    }
  }

  protected _get<V>(name: string): V {
    if (this.#settledNull === true) {
      throw new SimError('InvalidOperation', `${this.typeName}.${name} read on a null object; test isNullObject first.`);
    }
    if (!this.loaded.has(name)) throw propertyNotLoaded(name, this.typeName);
    return this.loaded.get(name) as V;
  }

  /** A property set: remembered locally (as Office.js does) and applied at sync. */
  protected _set(name: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.set(name, value);
    this.context._enqueue(() => {
      apply(this._required(`set ${name}`));
      this.context._markChanged();
    }, jsonBytes(value));
  }

  /** A method call; `bytes` is the size of its arguments. */
  protected _call(what: string, apply: (t: T) => void, changes = true, bytes = 0): void {
    this.context._enqueue(() => {
      apply(this._required(what));
      if (changes) this.context._markChanged();
    }, bytes);
  }

  protected abstract _readScalar(name: string, target: T): unknown;

  /** Whether load() without names loads this property (not when the simulated Excel lacks it). */
  protected _loadsByDefault(_name: string): boolean {
    return true;
  }

  readonly #children = new Map<string, SimObject<unknown>>();

  /** Navigation properties return the same proxy every time, as in Office.js. */
  protected _child<C extends SimObject<unknown>>(name: string, create: () => C): C {
    let child = this.#children.get(name);
    if (!child) {
      child = create();
      this.#children.set(name, child);
    }
    return child as C;
  }

  protected _navigation(_name: string): SimObject<unknown> | undefined {
    return undefined;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` is readable after load + sync; load('name') loads each item's name. */
abstract class SimCollection<T, I extends SimObject<unknown>> extends SimObject<T> {
  protected readonly scalarNames: readonly string[] = [];
  private loadedItems: I[] | undefined;

  get items(): I[] {
    if (this.loadedItems === undefined) throw propertyNotLoaded('items', this.typeName);
    return this.loadedItems;
  }

  protected abstract _list(target: T): I[];

  override _load(paths: string[][]): void {
    const t = this._target();
    if (t === null) return;
    const items = this._list(t);
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
    for (const item of items) item._load(itemPaths);
    this.loadedItems = items;
  }

  protected _readScalar(): unknown {
    return undefined;
  }
}

// ---------------------------------------------------------------- workbook

export class SimWorkbook extends SimObject<WorkbookModel> {
  protected readonly typeName = 'Workbook';
  protected readonly scalarNames = ['name'] as const;
  readonly worksheets: SimWorksheetCollection;

  constructor(context: SimRequestContext) {
    super(context, () => context.host.model);
    this.worksheets = new SimWorksheetCollection(context);
  }

  get name(): string {
    return this._get('name');
  }

  /** ExcelApi 1.18 */
  get notes(): SimNoteCollection {
    return this._child('notes', () => {
      this.context._require('1.18', 'Workbook.notes');
      return new SimNoteCollection(this.context, null);
    });
  }

  /** ExcelApi 1.10 */
  get comments(): SimCommentCollection {
    return this._child('comments', () => {
      this.context._require('1.10', 'Workbook.comments');
      return new SimCommentCollection(this.context, null);
    });
  }

  /** ExcelApi 1.7 */
  get protection(): SimWorkbookProtection {
    return this._child('protection', () => {
      this.context._require('1.7', 'Workbook.protection');
      return new SimWorkbookProtection(this.context, () => this.context.host.model);
    });
  }

  /** ExcelApi 1.7 */
  get properties(): SimDocumentProperties {
    return this._child('properties', () => {
      this.context._require('1.7', 'Workbook.properties');
      return new SimDocumentProperties(this.context, () => this.context.host.model);
    });
  }

  getSelectedRange(): SimRange {
    const model = this.context.host.model;
    return new SimRange(this.context, () => {
      const sel = model.selection ?? { sheet: model.activeSheet, areas: ['A1'] };
      const sheet = findSheet(model, sel.sheet);
      const rect = parseAreaAddress(sel.areas[0] ?? 'A1');
      return sheet && rect ? { sheet, rect } : null;
    });
  }

  protected _readScalar(): unknown {
    return 'Workbook';
  }

  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name !== 'protection') return undefined;
    if (!this.context._supports('1.7')) throw apiNotFound('1.7', 'Workbook.protection');
    return this.protection;
  }
}

export class SimWorkbookProtection extends SimObject<WorkbookModel> {
  protected readonly typeName = 'WorkbookProtection';
  protected readonly scalarNames = ['protected'] as const;

  get protected(): boolean {
    return this._get('protected');
  }

  protected _readScalar(_name: string, model: WorkbookModel): unknown {
    return model.protected ?? false;
  }
}

function assertStructureOpen(model: WorkbookModel, what: string): void {
  if (model.protected) {
    throw new SimError('AccessDenied', `The workbook's structure is protected; ${what} was refused.`, what);
  }
}

export class SimWorksheetCollection extends SimCollection<WorkbookModel, SimWorksheet> {
  protected readonly typeName = 'WorksheetCollection';

  constructor(context: SimRequestContext) {
    super(context, () => context.host.model);
  }

  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, () => findSheet(this.context.host.model, key) ?? null);
  }

  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this.context, () => findSheet(this.context.host.model, key) ?? null, true);
  }

  /** ExcelApi 1.1: a new sheet at the end of the tabs (not activated), named `name` or SheetN. */
  add(name?: string): SimWorksheet {
    let added: SheetModel | null = null;
    this._call('add', (model) => {
      // office-js #6170: adding a sheet clears the undo stack on desktop.
      this.context._undoable('WorksheetCollection.add');
      assertStructureOpen(model, 'adding a sheet');
      let sheetName = name;
      if (sheetName === undefined) {
        let n = model.sheets.length + 1;
        while (sheetNameProblem(model, `Sheet${n}`)) n += 1;
        sheetName = `Sheet${n}`;
      }
      const problem = sheetNameProblem(model, sheetName);
      if (problem) {
        const code = /exists/.test(problem) ? 'ItemAlreadyExists' : 'InvalidArgument';
        throw new SimError(code, `WorksheetCollection.add: ${problem}.`, 'WorksheetCollection.add');
      }
      const sheet = createSheet(sheetName);
      sheet.added = true;
      model.sheets.push(sheet);
      added = sheet;
    });
    return new SimWorksheet(this.context, () => added);
  }

  getActiveWorksheet(): SimWorksheet {
    const model = this.context.host.model;
    return new SimWorksheet(this.context, () => findSheet(model, model.activeSheet) ?? model.sheets[0]);
  }

  protected _list(model: WorkbookModel): SimWorksheet[] {
    return model.sheets.map((sheet) => new SimWorksheet(this.context, () => sheet));
  }
}

// ---------------------------------------------------------------- worksheet

export class SimWorksheet extends SimObject<SheetModel> {
  protected readonly typeName = 'Worksheet';
  protected readonly scalarNames = ['name', 'position', 'visibility', 'id'] as const;

  get name(): string {
    return this._get('name');
  }

  get position(): number {
    return this._get('position');
  }

  get visibility(): SheetVisibility {
    return this._get('visibility');
  }

  /** Reading needs ExcelApi 1.1, setting 1.2. Excel keeps at least one sheet visible. */
  set visibility(value: SheetVisibility) {
    if (!this.context._require('1.2', 'Worksheet.visibility')) return;
    this._set('visibility', value, (sheet) => {
      this.context._undoable('Worksheet.visibility');
      if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') {
        throw new SimError('InvalidArgument', `'${String(value)}' is not a sheet visibility.`, 'Worksheet.visibility');
      }
      const model = this.context.host.model;
      if ((sheet.visibility ?? 'Visible') === value) return;
      assertStructureOpen(model, 'changing a sheet\'s visibility');
      if (value !== 'Visible' && !model.sheets.some((s) => s !== sheet && isVisibleSheet(s))) {
        throw new SimError('InvalidOperation', 'A workbook must keep at least one visible sheet.', 'Worksheet.visibility');
      }
      sheet.visibility = value;
      sheet.sheetChanged = true;
      if (model.activeSheet === sheet.name && value !== 'Visible') {
        model.activeSheet = model.sheets.find(isVisibleSheet)?.name ?? model.activeSheet;
      }
    });
  }

  get id(): string {
    return this._get('id');
  }

  #onChanged: SimChangedHandlers | undefined;

  /** ExcelApi 1.7: handlers hear of every change to the sheet, the add-in's own writes included. */
  get onChanged(): SimChangedHandlers {
    if (!this.#onChanged) {
      this.context._require('1.7', 'Worksheet.onChanged');
      this.#onChanged = new SimChangedHandlers(this.context, () => this._target());
    }
    return this.#onChanged;
  }

  /** ExcelApi 1.2 */
  get protection(): SimWorksheetProtection {
    return this._child('protection', () => {
      this.context._require('1.2', 'Worksheet.protection');
      return new SimWorksheetProtection(this.context, () => this._target());
    });
  }

  /** ExcelApi 1.18 */
  get notes(): SimNoteCollection {
    return this._child('notes', () => {
      this.context._require('1.18', 'Worksheet.notes');
      return new SimNoteCollection(this.context, () => this._target());
    });
  }

  /** ExcelApi 1.10 */
  get comments(): SimCommentCollection {
    return this._child('comments', () => {
      this.context._require('1.10', 'Worksheet.comments');
      return new SimCommentCollection(this.context, () => this._target());
    });
  }

  getRange(a1?: string): SimRange {
    return new SimRange(this.context, () => {
      const sheet = this._target();
      if (sheet === null) return null;
      const rect = parseAreaAddress(a1 === undefined ? '1:1048576' : stripSheet(a1, sheet.name));
      if (!rect) throw new SimError('InvalidArgument', `The address '${a1}' is not valid.`, 'Worksheet.getRange');
      return { sheet, rect };
    });
  }

  /** ExcelApi 1.9: areas separated by commas or semicolons. */
  getRanges(a1: string): SimRangeAreas {
    this.context._require('1.9', 'Worksheet.getRanges');
    return new SimRangeAreas(this.context, () => {
      const sheet = this._target();
      if (sheet === null) return null;
      const rects = a1.split(/[,;]/).map((part) => parseAreaAddress(stripSheet(part, sheet.name)));
      if (rects.length === 0 || rects.some((r) => r === null)) {
        throw new SimError('InvalidArgument', `The address '${a1}' is not valid.`, 'Worksheet.getRanges');
      }
      return { sheet, rects: rects as RangeRef[] };
    });
  }

  getCell(row: number, column: number): SimRange {
    return new SimRange(this.context, () => {
      const sheet = this._target();
      return sheet && { sheet, rect: { top: row + 1, bottom: row + 1, left: column, right: column } };
    });
  }

  /** ExcelApi 1.1; an empty sheet gives A1. */
  getUsedRange(valuesOnly = false): SimRange {
    return new SimRange(this.context, () => {
      const sheet = this._target();
      if (sheet === null) return null;
      return { sheet, rect: usedBounds(sheet, valuesOnly) ?? { top: 1, bottom: 1, left: 0, right: 0 } };
    });
  }

  /** ExcelApi 1.4 */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    this.context._require('1.4', 'Worksheet.getUsedRangeOrNullObject');
    return new SimRange(
      this.context,
      () => {
        const sheet = this._target();
        const rect = sheet && usedBounds(sheet, valuesOnly);
        return sheet && rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this._call(
      'activate',
      (sheet) => {
        if (!isVisibleSheet(sheet)) {
          throw new SimError('InvalidOperation', `Sheet '${sheet.name}' is hidden and cannot be activated.`, 'Worksheet.activate');
        }
        this.context.host.model.activeSheet = sheet.name;
      },
      true,
    );
  }

  protected _readScalar(name: string, sheet: SheetModel): unknown {
    const model = this.context.host.model;
    switch (name) {
      case 'name':
        return sheet.name;
      case 'position':
        return model.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility ?? 'Visible';
      default:
        return `{sheet-${model.sheets.indexOf(sheet)}}`;
    }
  }

  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name !== 'protection') return undefined;
    // Runs inside a sync: fail now rather than queue.
    if (!this.context._supports('1.2')) throw apiNotFound('1.2', 'Worksheet.protection');
    return this._child('protection', () => new SimWorksheetProtection(this.context, () => this._target()));
  }
}

/** OfficeExtension.EventHandlers of Worksheet.onChanged. */
export class SimChangedHandlers {
  constructor(
    private readonly context: SimRequestContext,
    private readonly sheet: () => SheetModel | null,
  ) {}

  /** Registered at the next sync; remove() too (then sync that result's context). */
  add(handler: ChangeHandler): { context: SimRequestContext; remove(): void } {
    const handlers = this.context.host.changeHandlers;
    let target: SheetModel | null = null;
    this.context._enqueue(() => {
      target = this.sheet();
      if (!target) throw new SimError('ItemNotFound', 'The requested Worksheet does not exist.', 'Worksheet.onChanged');
      const set = handlers.get(target) ?? new Set<ChangeHandler>();
      set.add(handler);
      handlers.set(target, set);
    });
    return {
      context: this.context,
      remove: () =>
        this.context._enqueue(() => {
          if (target) handlers.get(target)?.delete(handler);
        }),
    };
  }
}

function stripSheet(a1: string, sheetName: string): string {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return a1;
  const prefix = a1.slice(0, bang).trim();
  const name = prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  if (name !== sheetName) {
    throw new SimError('InvalidArgument', `The address '${a1}' is not on sheet '${sheetName}'.`);
  }
  return a1.slice(bang + 1);
}

export class SimWorksheetProtection extends SimObject<SheetModel> {
  protected readonly typeName = 'WorksheetProtection';
  protected readonly scalarNames = ['protected'] as const;

  get protected(): boolean {
    return this._get('protected');
  }

  protected _readScalar(_name: string, sheet: SheetModel): unknown {
    return sheet.protected;
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeTarget {
  sheet: SheetModel;
  rect: RangeRef;
}

function rangeAddress(t: RangeTarget): string {
  return `${quoteSheetName(t.sheet.name)}!${formatArea(t.rect)}`;
}

function cellsOf(rect: RangeRef, each: (row: number, column: number, r: number, c: number) => void): void {
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let column = rect.left; column <= rect.right; column++) each(row, column, row - rect.top, column - rect.left);
  }
}

function gridOf<V>(t: RangeTarget, read: (cell: CellModel | undefined) => V): V[][] {
  const letters: string[] = [];
  for (let column = t.rect.left; column <= t.rect.right; column++) letters.push(columnLetter(column));
  const rows: V[][] = [];
  for (let row = t.rect.top; row <= t.rect.bottom; row++) {
    rows.push(letters.map((letter) => read(t.sheet.cells.get(`${letter}${row}`))));
  }
  return rows;
}

/** A 2-D value for a range: a grid of its exact size, or one value for every cell. */
function valueAt<V>(grid: V | V[][], r: number, c: number, t: RangeTarget, what: string): V {
  if (!Array.isArray(grid)) return grid;
  const rows = t.rect.bottom - t.rect.top + 1;
  const columns = t.rect.right - t.rect.left + 1;
  if (grid.length !== rows || grid.some((line) => !Array.isArray(line) || line.length !== columns)) {
    throw new SimError(
      'InvalidArgument',
      `The number of rows or columns in the input array for ${what} doesn't match the size of the range ${rangeAddress(t)}.`,
      `Range.${what}`,
    );
  }
  return grid[r][c];
}

const CELL_CAP = 5_000_000;

export class SimRange extends SimObject<RangeTarget> {
  protected readonly typeName = 'Range';
  protected readonly scalarNames = [
    'address',
    'values',
    'numberFormat',
    'text',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'cellCount',
    'hyperlink',
    'formulas',
  ] as const;

  protected override _loadsByDefault(name: string): boolean {
    return name !== 'hyperlink' || this.context._supports('1.7');
  }

  /** ExcelApi 1.7: the top-left cell's hyperlink (with its text), or null. */
  get hyperlink(): Excel.RangeHyperlink | null {
    return this._get('hyperlink');
  }

  /**
   * ExcelApi 1.7. Links every cell of the range; textToDisplay becomes the top-left cell's value.
   * null or {} removes the links.
   */
  set hyperlink(link: Excel.RangeHyperlink | null) {
    if (!this.context._require('1.7', 'Range.hyperlink')) return;
    this._set('hyperlink', link, (t) => {
      assertWritable(t.sheet, 'setting a hyperlink');
      const target: CellHyperlink = {};
      if (link?.address) target.address = link.address;
      if (link?.documentReference) target.documentReference = link.documentReference.replace(/^#/, '');
      if (link?.screenTip) target.screenTip = link.screenTip;
      const none = target.address === undefined && target.documentReference === undefined;
      cellsOf(t.rect, (row, column, r, c) => {
        setCellField(t.sheet, row, column, 'hyperlink', none ? undefined : { ...target });
        if (!none && r === 0 && c === 0) {
          const text = link?.textToDisplay ?? target.address ?? target.documentReference ?? '';
          setCellField(t.sheet, row, column, 'value', text);
        }
      });
    });
  }

  get address(): string {
    return this._get('address');
  }

  get values(): CellValue[][] {
    return this._get('values');
  }

  set values(grid: CellValue[][]) {
    this._set('values', grid, (t) => {
      assertWritable(t.sheet, 'writing values');
      cellsOf(t.rect, (row, column, r, c) => {
        const v = valueAt<CellValue>(grid, r, c, t, 'values');
        // A value typed over a formula replaces it.
        if (t.sheet.cells.get(address(row, column))?.formula !== undefined) setCellField(t.sheet, row, column, 'formula', undefined);
        setCellField(t.sheet, row, column, 'value', v === undefined ? null : v);
      });
    });
  }

  /** Formulas where a cell has one, else its value ("" for an empty cell), as Excel reads them. */
  get formulas(): CellValue[][] {
    return this._get('formulas');
  }

  /** "=…" sets a formula (its result is not computed: the cell shows ""); anything else a value. */
  set formulas(grid: CellValue[][]) {
    this._set('formulas', grid, (t) => {
      assertWritable(t.sheet, 'writing formulas');
      cellsOf(t.rect, (row, column, r, c) => {
        const v = valueAt<CellValue>(grid, r, c, t, 'formulas');
        const formula = typeof v === 'string' && v.startsWith('=') ? v : undefined;
        setCellField(t.sheet, row, column, 'formula', formula);
        setCellField(t.sheet, row, column, 'value', formula !== undefined || v === undefined ? null : v);
      });
    });
  }

  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }

  set numberFormat(grid: string[][]) {
    this._set('numberFormat', grid, (t) => {
      assertWritable(t.sheet, 'setting number formats');
      const rewrite = this.context.host.formatRewrite;
      cellsOf(t.rect, (row, column, r, c) => {
        const code = valueAt<string>(grid, r, c, t, 'numberFormat');
        setCellField(t.sheet, row, column, 'numberFormat', rewrite && typeof code === 'string' ? rewrite(code) : code);
      });
    });
  }

  get text(): string[][] {
    return this._get('text');
  }

  get rowIndex(): number {
    return this._get('rowIndex');
  }

  get columnIndex(): number {
    return this._get('columnIndex');
  }

  get rowCount(): number {
    return this._get('rowCount');
  }

  get columnCount(): number {
    return this._get('columnCount');
  }

  get cellCount(): number {
    return this._get('cellCount');
  }

  get format(): SimRangeFormat {
    return this._child('format', () => new SimRangeFormat(this.context, () => this._target()));
  }

  getCell(row: number, column: number): SimRange {
    return this.derived((t) => {
      const top = t.rect.top + row;
      const left = t.rect.left + column;
      return { top, bottom: top, left, right: left };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this.derived((t) => ({
      top: t.rect.top + rowOffset,
      bottom: t.rect.bottom + rowOffset,
      left: t.rect.left + columnOffset,
      right: t.rect.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this.derived((t) => ({
      ...t.rect,
      bottom: t.rect.bottom + deltaRows,
      right: t.rect.right + deltaColumns,
    }));
  }

  /** ExcelApi 1.4 */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    this.context._require('1.4', 'Range.getUsedRangeOrNullObject');
    return new SimRange(
      this.context,
      () => {
        const t = this._target();
        const rect = t && usedBounds(t.sheet, valuesOnly, t.rect);
        return t && rect ? { sheet: t.sheet, rect } : null;
      },
      true,
    );
  }

  /**
   * ExcelApi 1.13. As Excel does, only merged areas whose top-left cell lies in this range are
   * returned, and more than 512 of them make the request fail.
   */
  getMergedAreasOrNullObject(): SimRangeAreas {
    this.context._require('1.13', 'Range.getMergedAreasOrNullObject');
    return new SimRangeAreas(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        const rects = mergedRects(t.sheet).filter((m) => inside(m.top, m.left, t.rect));
        if (rects.length > MERGED_AREAS_LIMIT) {
          throw new SimError(
            'GeneralException',
            `More than ${MERGED_AREAS_LIMIT} merged areas in ${rangeAddress(t)}; read them in smaller ranges.`,
            'Range.getMergedAreasOrNullObject',
          );
        }
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true,
    );
  }

  select(): void {
    this._call('select', (t) => {
      const model = this.context.host.model;
      model.activeSheet = t.sheet.name;
      model.selection = { sheet: t.sheet.name, areas: [formatArea(t.rect)] };
    });
  }

  /**
   * Clears values and formats (applyTo "All", "Contents" or "Formats"); "All" removes hyperlinks
   * too. Notes and comments stay. Only cells holding something are visited, so clearing a whole
   * sheet costs what it holds.
   */
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this._call('clear', (t) => {
      assertWritable(t.sheet, 'clearing');
      const keys = [...t.sheet.cells.keys()].filter((key) => {
        const { row, column } = cellPosition(key);
        return inside(row, column, t.rect);
      });
      for (const key of keys) {
        const { row, column } = cellPosition(key);
        if (applyTo !== 'Formats') setCellField(t.sheet, row, column, 'value', null);
        if (applyTo !== 'Contents') {
          setCellField(t.sheet, row, column, 'numberFormat', undefined);
          setCellField(t.sheet, row, column, 'fill', undefined);
          // Recorded even where the model holds none: the file's own font or wrapping goes too.
          setCellField(t.sheet, row, column, 'font', undefined);
          setCellField(t.sheet, row, column, 'wrap', undefined);
        }
        if (applyTo === 'All') setCellField(t.sheet, row, column, 'hyperlink', undefined);
      }
    });
  }

  private derived(rect: (t: RangeTarget) => RangeRef): SimRange {
    return new SimRange(this.context, () => {
      const t = this._target();
      if (t === null) return null;
      const r = rect(t);
      if (r.top < 1 || r.left < 0 || r.bottom < r.top || r.right < r.left || r.bottom > 1_048_576 || r.right >= 16_384) {
        throw new SimError('InvalidArgument', 'The resulting range is outside the worksheet grid.', 'Range');
      }
      return { sheet: t.sheet, rect: r };
    });
  }

  protected _readScalar(name: string, t: RangeTarget): unknown {
    const rows = t.rect.bottom - t.rect.top + 1;
    const columns = t.rect.right - t.rect.left + 1;
    if ((name === 'values' || name === 'numberFormat' || name === 'text' || name === 'formulas') && rows * columns > CELL_CAP) {
      throw new SimError('GeneralException', `Reading ${rows * columns} cells at once exceeds the limit.`, `Range.${name}`);
    }
    switch (name) {
      case 'address':
        return rangeAddress(t);
      case 'values':
        return gridOf(t, (cell) => (cell && cell.value !== null ? cell.value : ''));
      case 'numberFormat':
        return gridOf(t, (cell) => cell?.numberFormat ?? 'General');
      case 'formulas':
        return gridOf(t, (cell) => cell?.formula ?? (cell && cell.value !== null ? cell.value : ''));
      case 'text':
        return gridOf(t, (cell) => (cell && cell.value !== null ? String(cell.value) : ''));
      case 'rowIndex':
        return t.rect.top - 1;
      case 'columnIndex':
        return t.rect.left;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return columns;
      case 'hyperlink': {
        if (!this.context._supports('1.7')) throw apiNotFound('1.7', 'Range.hyperlink');
        const cell = t.sheet.cells.get(address(t.rect.top, t.rect.left));
        if (!cell?.hyperlink) return null;
        return { ...cell.hyperlink, textToDisplay: cell.value === null ? '' : String(cell.value) };
      }
      default:
        return rows * columns;
    }
  }

  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'format' ? this.format : undefined;
  }
}

function inside(row: number, column: number, rect: RangeRef): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

/** Excel's standard column width: 8.43 characters, 64 pixels, 48 points. */
export const STANDARD_COLUMN_POINTS = 48;

export class SimRangeFormat extends SimObject<RangeTarget> {
  protected readonly typeName = 'RangeFormat';
  protected readonly scalarNames = ['columnWidth', 'wrapText'] as const;

  get fill(): SimRangeFill {
    return this._child('fill', () => new SimRangeFill(this.context, () => this._target()));
  }

  /** ExcelApi 1.1 */
  get font(): SimRangeFont {
    return this._child('font', () => new SimRangeFont(this.context, () => this._target()));
  }

  /** ExcelApi 1.2: points; null when the columns differ. */
  get columnWidth(): number | null {
    return this._get('columnWidth');
  }

  set columnWidth(points: number) {
    if (!this.context._require('1.2', 'RangeFormat.columnWidth')) return;
    this._set('columnWidth', points, (t) => {
      assertWritable(t.sheet, 'setting a column width');
      if (!Number.isFinite(points) || points < 0) {
        throw new SimError('InvalidArgument', `${points} is not a column width.`, 'RangeFormat.columnWidth');
      }
      t.sheet.columnWidths ??= new Map();
      for (let column = t.rect.left; column <= t.rect.right; column++) t.sheet.columnWidths.set(column, points);
      t.sheet.sheetChanged = true;
    });
  }

  /** ExcelApi 1.1: null when the cells differ. */
  get wrapText(): boolean | null {
    return this._get('wrapText');
  }

  set wrapText(wrap: boolean) {
    this._set('wrapText', wrap, (t) => {
      assertWritable(t.sheet, 'setting text wrapping');
      cellsOf(t.rect, (row, column) => setCellField(t.sheet, row, column, 'wrap', wrap ? true : undefined));
    });
  }

  protected _readScalar(name: string, t: RangeTarget): unknown {
    if (name === 'columnWidth') {
      if (!this.context._supports('1.2')) throw apiNotFound('1.2', 'RangeFormat.columnWidth');
      const widths = new Set<number>();
      for (let column = t.rect.left; column <= t.rect.right && widths.size < 2; column++) {
        widths.add(t.sheet.columnWidths?.get(column) ?? STANDARD_COLUMN_POINTS);
      }
      return widths.size === 1 ? [...widths][0] : null;
    }
    const wraps = new Set(gridOf(t, (cell) => cell?.wrap === true).flat());
    return wraps.size === 1 ? [...wraps][0] : null;
  }

  protected override _loadsByDefault(name: string): boolean {
    return name !== 'columnWidth' || this.context._supports('1.2');
  }

  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
}

type FontKey = keyof CellFont;

/** Range.format.font (ExcelApi 1.1): reads give null when the cells differ. */
export class SimRangeFont extends SimObject<RangeTarget> {
  protected readonly typeName = 'RangeFont';
  protected readonly scalarNames = ['bold', 'italic', 'color', 'size', 'underline'] as const;

  get bold(): boolean | null {
    return this._get('bold');
  }

  set bold(v: boolean) {
    this.setFont('bold', v, v ? true : undefined);
  }

  get italic(): boolean | null {
    return this._get('italic');
  }

  set italic(v: boolean) {
    this.setFont('italic', v, v ? true : undefined);
  }

  /** "#RRGGBB". */
  get color(): string | null {
    return this._get('color');
  }

  set color(v: string) {
    const color = normaliseColor(v);
    this.setFont('color', v, color === '#000000' ? undefined : color);
  }

  get size(): number | null {
    return this._get('size');
  }

  set size(v: number) {
    this.setFont('size', v, v === 11 ? undefined : v);
  }

  /** "None" or "Single" (other styles are stored as single). */
  get underline(): string | null {
    return this._get('underline');
  }

  set underline(v: string) {
    this.setFont('underline', v, v && v !== 'None' ? true : undefined);
  }

  private setFont<K extends FontKey>(key: K, shown: unknown, stored: CellFont[K] | undefined): void {
    this._set(key, shown, (t) => {
      assertWritable(t.sheet, 'setting a font');
      cellsOf(t.rect, (row, column) => {
        const font: CellFont = { ...(t.sheet.cells.get(address(row, column))?.font ?? {}) };
        if (stored === undefined) delete font[key];
        else font[key] = stored;
        setCellField(t.sheet, row, column, 'font', Object.keys(font).length ? font : undefined);
      });
    });
  }

  protected _readScalar(name: string, t: RangeTarget): unknown {
    const read = (cell: CellModel | undefined): unknown => {
      const f = cell?.font;
      switch (name) {
        case 'bold':
          return f?.bold === true;
        case 'italic':
          return f?.italic === true;
        case 'color':
          return f?.color ?? '#000000';
        case 'size':
          return f?.size ?? 11;
        default:
          return f?.underline ? 'Single' : 'None';
      }
    };
    const seen = new Set(gridOf(t, read).flat());
    return seen.size === 1 ? [...seen][0] : null;
  }
}

export class SimRangeFill extends SimObject<RangeTarget> {
  protected readonly typeName = 'RangeFill';
  protected readonly scalarNames = ['color'] as const;

  /** "#RRGGBB"; "#FFFFFF" when there is no fill; null when the cells differ. */
  get color(): string | null {
    return this._get('color');
  }

  set color(color: string | null) {
    this._set('color', color, (t) => {
      assertWritable(t.sheet, 'setting a fill');
      const value = color === null ? undefined : normaliseColor(color);
      cellsOf(t.rect, (row, column) => setCellField(t.sheet, row, column, 'fill', value));
    });
  }

  clear(): void {
    this._call('clear', (t) => {
      assertWritable(t.sheet, 'clearing a fill');
      cellsOf(t.rect, (row, column) => setCellField(t.sheet, row, column, 'fill', undefined));
    });
  }

  protected _readScalar(_name: string, t: RangeTarget): unknown {
    const colors = new Set(gridOf(t, (cell) => cell?.fill ?? '#FFFFFF').flat());
    return colors.size === 1 ? [...colors][0] : null;
  }
}

function normaliseColor(color: string): string {
  return /^#?[0-9a-f]{6}$/i.test(color) ? `#${color.replace('#', '').toUpperCase()}` : color;
}

export interface AreasTarget {
  sheet: SheetModel;
  rects: RangeRef[];
}

export class SimRangeAreas extends SimObject<AreasTarget> {
  protected readonly typeName = 'RangeAreas';
  protected readonly scalarNames = ['address', 'areaCount', 'cellCount'] as const;

  get address(): string {
    return this._get('address');
  }

  get areaCount(): number {
    return this._get('areaCount');
  }

  get cellCount(): number {
    return this._get('cellCount');
  }

  get areas(): SimRangeCollection {
    return this._child(
      'areas',
      () =>
        new SimRangeCollection(this.context, () => {
          const t = this._target();
          return t && t.rects.map((rect) => ({ sheet: t.sheet, rect }));
        }),
    );
  }

  /** ExcelApi 1.18 */
  select(): void {
    if (!this.context._require('1.18', 'RangeAreas.select')) return;
    this._call('select', (t) => {
      const model = this.context.host.model;
      model.activeSheet = t.sheet.name;
      model.selection = { sheet: t.sheet.name, areas: t.rects.map(formatArea) };
    });
  }

  protected _readScalar(name: string, t: AreasTarget): unknown {
    if (name === 'areaCount') return t.rects.length;
    if (name === 'cellCount') {
      return t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    }
    return t.rects.map((rect) => rangeAddress({ sheet: t.sheet, rect })).join(', ');
  }

  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'areas' ? this.areas : undefined;
  }
}

export class SimRangeCollection extends SimCollection<RangeTarget[], SimRange> {
  protected readonly typeName = 'RangeCollection';

  protected _list(targets: RangeTarget[]): SimRange[] {
    return targets.map((t) => new SimRange(this.context, () => t));
  }
}

// ---------------------------------------------------------------- notes and comments

interface AnnotationTarget {
  sheet: SheetModel;
  cell: string;
}

type Scope = (() => SheetModel | null) | null;

/** Resolves a cell argument (a Range or an address, "A1" on a sheet, "Sheet!A1" on the workbook). */
function resolveCell(context: SimRequestContext, scope: Scope, cell: SimRange | string, api: string): AnnotationTarget {
  if (cell instanceof SimRange) {
    const t = cell._required(api);
    if (t.rect.top !== t.rect.bottom || t.rect.left !== t.rect.right) {
      throw new SimError('InvalidArgument', `${api}: the range must be a single cell.`, api);
    }
    return { sheet: t.sheet, cell: address(t.rect.top, t.rect.left) };
  }
  const bang = cell.lastIndexOf('!');
  let sheet: SheetModel | null | undefined;
  let local = cell;
  if (bang >= 0) {
    const prefix = cell.slice(0, bang).trim();
    const name = prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
    sheet = findSheet(context.host.model, name);
    local = cell.slice(bang + 1);
    if (scope && sheet !== scope()) throw new SimError('InvalidArgument', `${api}: '${cell}' is on another sheet.`, api);
  } else if (scope) {
    sheet = scope();
  } else {
    throw new SimError('InvalidArgument', `${api}: the address must include the sheet name ('Sheet1!A1').`, api);
  }
  const rect = parseAreaAddress(local);
  if (!sheet || !rect || rect.top !== rect.bottom || rect.left !== rect.right) {
    throw new SimError('InvalidArgument', `${api}: '${cell}' is not a single cell on an existing sheet.`, api);
  }
  return { sheet, cell: address(rect.top, rect.left) };
}

function cellsWith(model: WorkbookModel, scope: Scope, field: 'note' | 'comment'): AnnotationTarget[] {
  const sheets = scope ? [scope()].filter((s): s is SheetModel => s !== null) : model.sheets;
  const found: AnnotationTarget[] = [];
  for (const sheet of sheets) {
    for (const [cell, content] of sheet.cells) if (content[field] !== undefined) found.push({ sheet, cell });
  }
  return found;
}

export class SimNoteCollection extends SimCollection<WorkbookModel, SimNote> {
  protected readonly typeName = 'NoteCollection';

  constructor(
    context: SimRequestContext,
    private readonly scope: Scope,
  ) {
    super(context, () => context.host.model);
  }

  add(cellAddress: SimRange | string, content: string): SimNote {
    let added: AnnotationTarget | null = null;
    this._call('add', () => {
      const t = resolveCell(this.context, this.scope, cellAddress, 'NoteCollection.add');
      assertWritable(t.sheet, 'adding a note');
      if (t.sheet.cells.get(t.cell)?.note !== undefined) {
        throw new SimError('ItemAlreadyExists', `Cell ${t.cell} on '${t.sheet.name}' already has a note.`, 'NoteCollection.add');
      }
      assertNoOther(t, 'comment', 'NoteCollection.add');
      setAnnotation(t, 'note', String(content));
      added = t;
    }, true, jsonBytes(content) + 20);
    return new SimNote(this.context, () => added);
  }

  getItem(key: string): SimNote {
    return new SimNote(this.context, () => this.find(key));
  }

  getItemOrNullObject(key: string): SimNote {
    return new SimNote(this.context, () => this.find(key), true);
  }

  getItemAt(index: number): SimNote {
    return new SimNote(this.context, () => cellsWith(this.context.host.model, this.scope, 'note')[index] ?? null);
  }

  private find(key: string): AnnotationTarget | null {
    const t = resolveCell(this.context, this.scope, key, 'NoteCollection.getItem');
    return t.sheet.cells.get(t.cell)?.note !== undefined ? t : null;
  }

  protected _list(model: WorkbookModel): SimNote[] {
    return cellsWith(model, this.scope, 'note').map((t) => new SimNote(this.context, () => t));
  }
}

/** A cell holds a note or a threaded comment, never both. */
function assertNoOther(t: AnnotationTarget, other: 'note' | 'comment', api: string): void {
  if (t.sheet.cells.get(t.cell)?.[other] === undefined) return;
  const kind = other === 'note' ? 'a note' : 'a threaded comment';
  throw new SimError('InvalidOperation', `Cell ${t.cell} on '${t.sheet.name}' already has ${kind}; a cell holds a note or a threaded comment, not both.`, api);
}

function setAnnotation(t: AnnotationTarget, field: 'note' | 'comment', content: string | undefined): void {
  const { row, column } = parseCellKey(t.cell);
  setCellField(t.sheet, row, column, field, content);
}

function parseCellKey(cell: string): { row: number; column: number } {
  const rect = parseAreaAddress(cell);
  if (!rect) throw new SimError('InvalidArgument', `'${cell}' is not a cell address.`);
  return { row: rect.top, column: rect.left };
}

abstract class SimAnnotation extends SimObject<AnnotationTarget> {
  protected abstract readonly field: 'note' | 'comment';

  get content(): string {
    return this._get('content');
  }

  set content(text: string) {
    this._set('content', text, (t) => {
      assertWritable(t.sheet, `editing a ${this.field}`);
      setAnnotation(t, this.field, String(text));
    });
  }

  get authorName(): string {
    return this._get('authorName');
  }

  delete(): void {
    this._call('delete', (t) => {
      assertWritable(t.sheet, `deleting a ${this.field}`);
      setAnnotation(t, this.field, undefined);
    });
  }

  getLocation(): SimRange {
    return new SimRange(this.context, () => {
      const t = this._target();
      if (t === null) return null;
      const { row, column } = parseCellKey(t.cell);
      return { sheet: t.sheet, rect: { top: row, bottom: row, left: column, right: column } };
    });
  }

  protected _readScalar(name: string, t: AnnotationTarget): unknown {
    switch (name) {
      case 'content':
        return t.sheet.cells.get(t.cell)?.[this.field] ?? '';
      case 'authorName':
        return 'Simulator';
      case 'id':
        return `${t.sheet.name}!${t.cell}`;
      default:
        return false;
    }
  }
}

export class SimNote extends SimAnnotation {
  protected readonly typeName = 'Note';
  protected readonly field = 'note';
  protected readonly scalarNames = ['content', 'authorName'] as const;
}

export class SimComment extends SimAnnotation {
  protected readonly typeName = 'Comment';
  protected readonly field = 'comment';
  protected readonly scalarNames = ['content', 'authorName', 'id', 'resolved'] as const;

  get id(): string {
    return this._get('id');
  }

  get resolved(): boolean {
    return this._get('resolved');
  }
}

export class SimCommentCollection extends SimCollection<WorkbookModel, SimComment> {
  protected readonly typeName = 'CommentCollection';

  constructor(
    context: SimRequestContext,
    private readonly scope: Scope,
  ) {
    super(context, () => context.host.model);
  }

  add(cellAddress: SimRange | string, content: string, _contentType?: string): SimComment {
    let added: AnnotationTarget | null = null;
    this._call('add', () => {
      const t = resolveCell(this.context, this.scope, cellAddress, 'CommentCollection.add');
      assertWritable(t.sheet, 'adding a comment');
      if (t.sheet.cells.get(t.cell)?.comment !== undefined) {
        throw new SimError('InvalidArgument', `Cell ${t.cell} on '${t.sheet.name}' already has a comment.`, 'CommentCollection.add');
      }
      assertNoOther(t, 'note', 'CommentCollection.add');
      setAnnotation(t, 'comment', String(content));
      added = t;
    }, true, jsonBytes(content) + 20);
    return new SimComment(this.context, () => added);
  }

  /** Throws ItemNotFound at sync when the cell has no comment, as Excel does. */
  getItemByCell(cellAddress: SimRange | string): SimComment {
    return new SimComment(this.context, () => {
      const t = resolveCell(this.context, this.scope, cellAddress, 'CommentCollection.getItemByCell');
      return t.sheet.cells.get(t.cell)?.comment !== undefined ? t : null;
    });
  }

  getItemAt(index: number): SimComment {
    return new SimComment(this.context, () => cellsWith(this.context.host.model, this.scope, 'comment')[index] ?? null);
  }

  protected _list(model: WorkbookModel): SimComment[] {
    return cellsWith(model, this.scope, 'comment').map((t) => new SimComment(this.context, () => t));
  }
}

// ---------------------------------------------------------------- document properties

/** Longest key or value Excel keeps for a custom property outside the web; longer ones are trimmed. */
export const CUSTOM_PROPERTY_LIMIT = 255;

export class SimDocumentProperties extends SimObject<WorkbookModel> {
  protected readonly typeName = 'DocumentProperties';
  protected readonly scalarNames = [] as const;

  get custom(): SimCustomPropertyCollection {
    return this._child('custom', () => new SimCustomPropertyCollection(this.context));
  }

  protected _readScalar(): unknown {
    return undefined;
  }

  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'custom' ? this.custom : undefined;
  }
}

interface CustomPropertyTarget {
  model: WorkbookModel;
  key: string;
}

export class SimCustomPropertyCollection extends SimCollection<WorkbookModel, SimCustomProperty> {
  protected readonly typeName = 'CustomPropertyCollection';

  constructor(context: SimRequestContext) {
    super(context, () => context.host.model);
  }

  /** Creates a new or sets an existing custom property (keys compare without case). */
  add(key: string, value: unknown): SimCustomProperty {
    let added: CustomPropertyTarget | null = null;
    this._call('add', (model) => {
      const k = this.trimmed(String(key));
      if (k.trim() === '') throw new SimError('InvalidArgument', 'CustomPropertyCollection.add: the key is empty.', 'CustomPropertyCollection.add');
      const stored = customPropertyKey(model, k) ?? k;
      setCustomProperty(model, stored, this.trimmed(value instanceof Date ? value.toISOString() : String(value)));
      added = { model, key: stored };
    }, true, jsonBytes(key) + jsonBytes(value));
    return new SimCustomProperty(this.context, () => added);
  }

  getItem(key: string): SimCustomProperty {
    return new SimCustomProperty(this.context, () => this.find(key));
  }

  getItemOrNullObject(key: string): SimCustomProperty {
    return new SimCustomProperty(this.context, () => this.find(key), true);
  }

  deleteAll(): void {
    this._call('deleteAll', (model) => {
      for (const k of [...(model.customProperties?.keys() ?? [])]) setCustomProperty(model, k, undefined);
    });
  }

  /** Excel on the web keeps long keys and values; the other platforms trim them to 255 characters. */
  private trimmed(text: string): string {
    return this.context.host.platform === 'web' ? text : text.slice(0, CUSTOM_PROPERTY_LIMIT);
  }

  private find(key: string): CustomPropertyTarget | null {
    const model = this.context.host.model;
    const stored = customPropertyKey(model, key);
    return stored === undefined ? null : { model, key: stored };
  }

  protected _list(model: WorkbookModel): SimCustomProperty[] {
    return [...(model.customProperties?.keys() ?? [])].map((key) => new SimCustomProperty(this.context, () => ({ model, key })));
  }
}

function setCustomProperty(model: WorkbookModel, key: string, value: string | undefined): void {
  const props = (model.customProperties ??= new Map());
  if (value === undefined) props.delete(key);
  else props.set(key, value);
  (model.customChanges ??= new Set()).add(key);
}

export class SimCustomProperty extends SimObject<CustomPropertyTarget> {
  protected readonly typeName = 'CustomProperty';
  protected readonly scalarNames = ['key', 'value', 'type'] as const;

  get key(): string {
    return this._get('key');
  }

  get type(): string {
    return this._get('type');
  }

  get value(): unknown {
    return this._get('value');
  }

  set value(value: unknown) {
    this._set('value', value, (t) => {
      const text = value instanceof Date ? value.toISOString() : String(value);
      setCustomProperty(t.model, t.key, this.context.host.platform === 'web' ? text : text.slice(0, CUSTOM_PROPERTY_LIMIT));
    });
  }

  delete(): void {
    this._call('delete', (t) => setCustomProperty(t.model, t.key, undefined));
  }

  protected _readScalar(name: string, t: CustomPropertyTarget): unknown {
    const value = t.model.customProperties?.get(t.key);
    if (value === undefined) throw new SimError('ItemNotFound', `The custom property '${t.key}' does not exist.`, 'CustomProperty');
    if (name === 'key') return t.key;
    // The model keeps every value as text, so each reads back as a String property.
    if (name === 'type') return 'String';
    return value;
  }
}
