// The simulated WPS 表格 (ET): a window.Application over the same in-memory workbook model the
// Excel simulator serves, typed by the members picked from et-jsapi-declare (../../wps/et.ts), so
// it cannot offer what WPS does not declare. It keeps the quirks the adapter must live with:
// 1-based Item, Address() a method, Value2 a scalar for one cell and rows for more, NumberFormat
// (and HasFormula, MergeCells) null when the cells differ, colours as BGR integers, ColumnWidth in
// characters, AddComment refused on a cell that has a comment, every write refused on a sheet
// with ProtectContents, and Range.Select() refused off the active sheet. Each member touched is
// one call, as each is one round trip into WPS's object model: `calls` is what tests and the
// bench count.
import { address, columnLetter, type CellValue, type RangeRef } from '../../../core/index.js';
import {
  XL_NONE,
  XL_SHEET_HIDDEN,
  XL_SHEET_VERY_HIDDEN,
  XL_SHEET_VISIBLE,
  bgrOf,
  hexOfBgr,
  type EtApplication,
  type EtCells,
  type EtComment,
  type EtDocumentProperties,
  type EtDocumentProperty,
  type EtFont,
  type EtHyperlinks,
  type EtInterior,
  type EtPluginStorage,
  type EtRange,
  type EtRangeCount,
  type EtTaskPane,
  type EtWorkbook,
  type EtWorksheet,
  type EtWorksheets,
} from '../../wps/et.js';
import {
  cellAt,
  createSheet,
  findSheet,
  formatArea,
  mergedRects,
  parseAreaAddress,
  setCellField,
  sheetNameProblem,
  usedBounds,
  type CellFont,
  type CellModel,
  type SheetModel,
  type SheetVisibility,
  type WorkbookModel,
} from '../model.js';

/** A failure as WPS's object model throws it (a COM error surfaced as an Error). */
export class EtError extends Error {
  override readonly name = 'EtError';
  constructor(
    readonly code: 'Protected' | 'StructureProtected' | 'NotFound' | 'InvalidArgument' | 'HasComment' | 'NotActive',
    message: string,
  ) {
    super(message);
  }
}

/** One Value2 write: where, its shape, and whether the screen was being updated. */
export interface ValueWrite {
  sheet: string;
  address: string;
  rows: number;
  columns: number;
  screenUpdating: boolean;
}

export interface EtSimulatorOptions {
  /** Workbook.Name; default "工作簿1.xlsx". */
  workbookName?: string;
  /** Custom document properties the file already has. */
  properties?: Record<string, string>;
  /** URLs CreateTaskPane was asked for are resolved against this (for the record only). */
  onTaskPane?: (pane: SimTaskPane) => void;
}

export interface SimTaskPane extends EtTaskPane {
  readonly url: string;
  readonly title?: string;
}

export interface EtSimulator {
  readonly model: WorkbookModel;
  /** What window.Application would be inside WPS 表格. */
  readonly application: EtApplication;
  /** Object-model calls (member reads, writes and method calls) over the simulator's life. */
  readonly calls: number;
  /** Calls by member, e.g. "Range.Value2". */
  readonly callsByMember: ReadonlyMap<string, number>;
  /** Every Value2 write, in order. */
  readonly valueWrites: readonly ValueWrite[];
  /** The workbook's custom document properties. */
  readonly properties: Map<string, string | number | boolean>;
  readonly taskPanes: readonly SimTaskPane[];
  /** A person typing into a cell (not counted as calls). */
  edit(sheet: string, cell: string, value: CellValue): void;
}

interface Host {
  model: WorkbookModel;
  call(member: string): void;
  screenUpdating: boolean;
  valueWrites: ValueWrite[];
}

const STANDARD_FONT_SIZE = 11;
/** Interior.Color of a cell without a fill (white), as Excel reports it. */
const NO_FILL_COLOR = 16_777_215;

function assertWritable(sheet: SheetModel, what: string): void {
  // WPS's wording for a protected sheet.
  if (sheet.protected) throw new EtError('Protected', `您试图更改的单元格或图表位于受保护的工作表中（${sheet.name}）：${what}被拒绝。`);
}

function cellsOf(rect: RangeRef, visit: (row: number, column: number, r: number, c: number) => void): void {
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let column = rect.left; column <= rect.right; column++) visit(row, column, row - rect.top, column - rect.left);
  }
}

/** One value for all the cells, or null when they differ (how WPS answers for a mixed range). */
function uniform<T>(rect: RangeRef, read: (row: number, column: number) => T): T | null {
  let first: T | undefined;
  let seen = false;
  for (let row = rect.top; row <= rect.bottom; row++) {
    for (let column = rect.left; column <= rect.right; column++) {
      const v = read(row, column);
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

function absolute(rect: RangeRef): string {
  const a = `$${columnLetter(rect.left)}$${rect.top}`;
  const b = `$${columnLetter(rect.right)}$${rect.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

class SimComment implements EtComment {
  constructor(
    private readonly host: Host,
    private readonly text: string,
  ) {}
  Text(): string {
    this.host.call('Comment.Text');
    return this.text;
  }
}

class SimCount implements EtRangeCount {
  constructor(
    private readonly host: Host,
    private readonly member: string,
    private readonly n: number,
  ) {}
  get Count(): number {
    this.host.call(this.member);
    return this.n;
  }
}

class SimInterior implements EtInterior {
  constructor(private readonly range: SimRange) {}
  get Color(): number {
    this.range.host.call('Interior.Color');
    const fill = uniform(this.range.rect, (row, column) => cellAt(this.range.sheet, row, column)?.fill);
    return fill ? bgrOf(fill) : NO_FILL_COLOR;
  }
  set Color(bgr: number) {
    this.range.host.call('Interior.Color=');
    assertWritable(this.range.sheet, '设置填充');
    this.range.each((row, column) => setCellField(this.range.sheet, row, column, 'fill', hexOfBgr(bgr)));
  }
  get ColorIndex(): number {
    this.range.host.call('Interior.ColorIndex');
    const none = uniform(this.range.rect, (row, column) => cellAt(this.range.sheet, row, column)?.fill === undefined);
    return none ? XL_NONE : 1;
  }
  /** Only xlColorIndexNone (-4142) is simulated: it removes the fill. */
  set ColorIndex(index: number) {
    this.range.host.call('Interior.ColorIndex=');
    assertWritable(this.range.sheet, '清除填充');
    if (index !== XL_NONE) throw new EtError('InvalidArgument', `ColorIndex ${index} is not simulated.`);
    this.range.each((row, column) => setCellField(this.range.sheet, row, column, 'fill', undefined));
  }
}

class SimFont implements EtFont {
  constructor(private readonly range: SimRange) {}
  private read<T>(member: string, pick: (font: CellFont) => T): T | null {
    this.range.host.call(`Font.${member}`);
    return uniform(this.range.rect, (row, column) => pick(cellAt(this.range.sheet, row, column)?.font ?? {}));
  }
  private write<K extends keyof CellFont>(member: string, key: K, stored: CellFont[K] | undefined): void {
    this.range.host.call(`Font.${member}=`);
    assertWritable(this.range.sheet, '设置字体');
    this.range.each((row, column) => {
      const font: CellFont = { ...(cellAt(this.range.sheet, row, column)?.font ?? {}) };
      if (stored === undefined) delete font[key];
      else font[key] = stored;
      setCellField(this.range.sheet, row, column, 'font', Object.keys(font).length ? font : undefined);
    });
  }
  get Bold(): boolean | null {
    return this.read('Bold', (f) => f.bold ?? false);
  }
  set Bold(v: boolean | null) {
    this.write('Bold', 'bold', v ? true : undefined);
  }
  get Color(): number | null {
    return this.read('Color', (f) => bgrOf(f.color ?? '#000000'));
  }
  set Color(bgr: number | null) {
    const hex = hexOfBgr(bgr ?? 0);
    this.write('Color', 'color', hex === '#000000' ? undefined : hex);
  }
  get Size(): number | null {
    return this.read('Size', (f) => f.size ?? STANDARD_FONT_SIZE);
  }
  set Size(v: number | null) {
    this.write('Size', 'size', v === null || v === STANDARD_FONT_SIZE ? undefined : v);
  }
  get Underline(): number | null {
    return this.read('Underline', (f) => (f.underline ? 2 : XL_NONE));
  }
  set Underline(v: number | null) {
    this.write('Underline', 'underline', v !== null && v !== XL_NONE ? true : undefined);
  }
}

class SimCells implements EtCells {
  constructor(private readonly range: SimRange) {}
  Item(row: number, column: number): EtRange {
    this.range.host.call('Cells.Item');
    return this.range.offsetCell(row, column);
  }
}

class SimRange implements EtRange {
  constructor(
    readonly host: Host,
    readonly sheet: SheetModel,
    readonly rect: RangeRef,
  ) {}

  each(visit: (row: number, column: number, r: number, c: number) => void): void {
    cellsOf(this.rect, visit);
  }

  private cell(row: number, column: number): CellModel | undefined {
    return cellAt(this.sheet, row, column);
  }

  private get single(): boolean {
    return this.rect.top === this.rect.bottom && this.rect.left === this.rect.right;
  }

  offsetCell(row: number, column: number): SimRange {
    if (!Number.isInteger(row) || !Number.isInteger(column) || row < 1 || column < 1) {
      throw new EtError('InvalidArgument', `Item(${row}, ${column}): rows and columns count from 1.`);
    }
    const top = this.rect.top + row - 1;
    const left = this.rect.left + column - 1;
    return new SimRange(this.host, this.sheet, { top, bottom: top, left, right: left });
  }

  get Row(): number {
    this.host.call('Range.Row');
    return this.rect.top;
  }
  get Column(): number {
    this.host.call('Range.Column');
    return this.rect.left + 1;
  }
  get Rows(): EtRangeCount {
    this.host.call('Range.Rows');
    return new SimCount(this.host, 'Rows.Count', this.rect.bottom - this.rect.top + 1);
  }
  get Columns(): EtRangeCount {
    this.host.call('Range.Columns');
    return new SimCount(this.host, 'Columns.Count', this.rect.right - this.rect.left + 1);
  }
  get Count(): number {
    this.host.call('Range.Count');
    return (this.rect.bottom - this.rect.top + 1) * (this.rect.right - this.rect.left + 1);
  }

  get Value2(): unknown {
    this.host.call('Range.Value2');
    // An empty cell is VBA's Empty: undefined in JavaScript.
    const read = (row: number, column: number): unknown => this.cell(row, column)?.value ?? undefined;
    if (this.single) return read(this.rect.top, this.rect.left);
    const rows: unknown[][] = [];
    for (let row = this.rect.top; row <= this.rect.bottom; row++) {
      const line: unknown[] = [];
      for (let column = this.rect.left; column <= this.rect.right; column++) line.push(read(row, column));
      rows.push(line);
    }
    return rows;
  }
  set Value2(v: unknown) {
    this.host.call('Range.Value2=');
    assertWritable(this.sheet, '写入数值');
    const block = Array.isArray(v);
    this.host.valueWrites.push({
      sheet: this.sheet.name,
      address: formatArea(this.rect),
      rows: this.rect.bottom - this.rect.top + 1,
      columns: this.rect.right - this.rect.left + 1,
      screenUpdating: this.host.screenUpdating,
    });
    this.each((row, column, r, c) => {
      let value: unknown = v;
      if (block) {
        const line: unknown = (v as unknown[])[r];
        // A block smaller than the range leaves #N/A in Excel; we refuse it instead of guessing.
        if (!Array.isArray(line) || c >= line.length) throw new EtError('InvalidArgument', `Value2: the block does not cover ${address(row, column)}.`);
        value = line[c];
      }
      if (this.cell(row, column)?.formula !== undefined) setCellField(this.sheet, row, column, 'formula', undefined);
      const stored: CellValue = value === undefined || value === null || value === '' ? null : typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
      setCellField(this.sheet, row, column, 'value', stored);
    });
  }

  get Formula(): unknown {
    this.host.call('Range.Formula');
    const read = (row: number, column: number): string => {
      const cell = this.cell(row, column);
      return cell?.formula ?? (cell?.value === null || cell?.value === undefined ? '' : String(cell.value));
    };
    if (this.single) return read(this.rect.top, this.rect.left);
    const rows: string[][] = [];
    for (let row = this.rect.top; row <= this.rect.bottom; row++) {
      const line: string[] = [];
      for (let column = this.rect.left; column <= this.rect.right; column++) line.push(read(row, column));
      rows.push(line);
    }
    return rows;
  }
  set Formula(_v: unknown) {
    this.host.call('Range.Formula=');
    throw new EtError('InvalidArgument', 'Setting Formula is not simulated: the adapter never writes formulas.');
  }

  get HasFormula(): boolean | null {
    this.host.call('Range.HasFormula');
    return uniform(this.rect, (row, column) => this.cell(row, column)?.formula !== undefined);
  }

  get NumberFormat(): string | null {
    this.host.call('Range.NumberFormat');
    return uniform(this.rect, (row, column) => this.cell(row, column)?.numberFormat ?? 'General');
  }
  set NumberFormat(code: string | null) {
    this.host.call('Range.NumberFormat=');
    assertWritable(this.sheet, '设置数字格式');
    this.each((row, column) => setCellField(this.sheet, row, column, 'numberFormat', code ?? 'General'));
  }

  get Interior(): EtInterior {
    this.host.call('Range.Interior');
    return new SimInterior(this);
  }
  get Font(): EtFont {
    this.host.call('Range.Font');
    return new SimFont(this);
  }

  get ColumnWidth(): number | null {
    this.host.call('Range.ColumnWidth');
    throw new EtError('InvalidArgument', 'Reading ColumnWidth is not simulated: the adapter only sets it.');
  }
  /** Characters of the standard font; stored in points as Office.js's columnWidth holds them. */
  set ColumnWidth(characters: number | null) {
    this.host.call('Range.ColumnWidth=');
    assertWritable(this.sheet, '设置列宽');
    if (characters === null || !Number.isFinite(characters) || characters < 0) throw new EtError('InvalidArgument', `${characters} is not a column width.`);
    const points = Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
    this.sheet.columnWidths ??= new Map();
    for (let column = this.rect.left; column <= this.rect.right; column++) this.sheet.columnWidths.set(column, points);
    this.sheet.sheetChanged = true;
  }

  get WrapText(): boolean | null {
    this.host.call('Range.WrapText');
    return uniform(this.rect, (row, column) => this.cell(row, column)?.wrap ?? false);
  }
  set WrapText(v: boolean | null) {
    this.host.call('Range.WrapText=');
    assertWritable(this.sheet, '设置自动换行');
    this.each((row, column) => setCellField(this.sheet, row, column, 'wrap', v ? true : undefined));
  }

  get Comment(): EtComment | null {
    this.host.call('Range.Comment');
    const note = this.cell(this.rect.top, this.rect.left)?.note;
    return note === undefined ? null : new SimComment(this.host, note);
  }
  AddComment(text: string): EtComment {
    this.host.call('Range.AddComment');
    assertWritable(this.sheet, '添加批注');
    const { top, left } = this.rect;
    if (this.cell(top, left)?.note !== undefined) throw new EtError('HasComment', `${address(top, left)} 已有批注，无法再添加。`);
    setCellField(this.sheet, top, left, 'note', text);
    return new SimComment(this.host, text);
  }
  ClearComments(): void {
    this.host.call('Range.ClearComments');
    assertWritable(this.sheet, '删除批注');
    this.each((row, column) => {
      if (this.cell(row, column)?.note !== undefined) setCellField(this.sheet, row, column, 'note', undefined);
    });
  }

  get MergeCells(): boolean | null {
    this.host.call('Range.MergeCells');
    const merges = mergedRects(this.sheet);
    return uniform(this.rect, (row, column) => merges.some((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right));
  }
  set MergeCells(_v: boolean | null) {
    this.host.call('Range.MergeCells=');
    throw new EtError('InvalidArgument', 'Merging is not simulated: the adapter never merges.');
  }
  get MergeArea(): EtRange {
    this.host.call('Range.MergeArea');
    const { top, left } = this.rect;
    const merge = mergedRects(this.sheet).find((m) => top >= m.top && top <= m.bottom && left >= m.left && left <= m.right);
    return new SimRange(this.host, this.sheet, merge ?? { top, bottom: top, left, right: left });
  }

  Address(): string {
    this.host.call('Range.Address');
    return absolute(this.rect);
  }

  Select(): unknown {
    this.host.call('Range.Select');
    // As in Excel: only a range on the active sheet can be selected.
    if (this.host.model.activeSheet !== this.sheet.name) throw new EtError('NotActive', `Select：工作表“${this.sheet.name}”不是活动工作表。`);
    this.host.model.selection = { sheet: this.sheet.name, areas: [formatArea(this.rect)] };
    return true;
  }

  get Cells(): EtCells {
    this.host.call('Range.Cells');
    return new SimCells(this);
  }

  Item(row: number, column: number): EtRange {
    this.host.call('Range.Item');
    return this.offsetCell(row, column);
  }
}

const VISIBILITY_NUMBER: Record<SheetVisibility, number> = { Visible: XL_SHEET_VISIBLE, Hidden: XL_SHEET_HIDDEN, VeryHidden: XL_SHEET_VERY_HIDDEN };

class SimHyperlinks implements EtHyperlinks {
  constructor(
    private readonly host: Host,
    private readonly sheet: SheetModel,
  ) {}
  Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown {
    this.host.call('Hyperlinks.Add');
    assertWritable(this.sheet, '添加超链接');
    if (!(anchor instanceof SimRange) || anchor.sheet !== this.sheet) throw new EtError('InvalidArgument', 'Hyperlinks.Add: the anchor must be a range of this sheet.');
    const { top, left } = anchor.rect;
    const link = { ...(address ? { address } : {}), ...(subAddress ? { documentReference: subAddress.replace(/^#/, '') } : {}), ...(screenTip ? { screenTip } : {}) };
    setCellField(this.sheet, top, left, 'hyperlink', link);
    setCellField(this.sheet, top, left, 'value', textToDisplay ?? address ?? subAddress ?? '');
    return link;
  }
}

class SimWorksheet implements EtWorksheet {
  constructor(
    private readonly host: Host,
    readonly sheet: SheetModel,
  ) {}
  get Name(): string {
    this.host.call('Worksheet.Name');
    return this.sheet.name;
  }
  set Name(name: string) {
    this.host.call('Worksheet.Name=');
    if (name === this.sheet.name) return;
    const problem = sheetNameProblem(this.host.model, name);
    if (problem) throw new EtError('InvalidArgument', `工作表名称无效：${problem}`);
    if (this.host.model.activeSheet === this.sheet.name) this.host.model.activeSheet = name;
    this.sheet.name = name;
  }
  get Index(): number {
    this.host.call('Worksheet.Index');
    return this.host.model.sheets.indexOf(this.sheet) + 1;
  }
  get Visible(): number {
    this.host.call('Worksheet.Visible');
    return VISIBILITY_NUMBER[this.sheet.visibility ?? 'Visible'];
  }
  set Visible(v: number) {
    this.host.call('Worksheet.Visible=');
    const wanted = (Object.keys(VISIBILITY_NUMBER) as SheetVisibility[]).find((k) => VISIBILITY_NUMBER[k] === v);
    if (!wanted) throw new EtError('InvalidArgument', `${v} is not a sheet visibility.`);
    if ((this.sheet.visibility ?? 'Visible') === wanted) return;
    if (this.host.model.protected) throw new EtError('StructureProtected', '工作簿结构受保护，无法隐藏或显示工作表。');
    if (wanted !== 'Visible' && this.host.model.sheets.filter((s) => (s.visibility ?? 'Visible') === 'Visible').length === 1 && (this.sheet.visibility ?? 'Visible') === 'Visible') {
      throw new EtError('InvalidArgument', '工作簿中至少要有一张可见的工作表。');
    }
    this.sheet.visibility = wanted === 'Visible' ? undefined : wanted;
    this.sheet.sheetChanged = true;
    if (wanted !== 'Visible' && this.host.model.activeSheet === this.sheet.name) {
      this.host.model.activeSheet = this.host.model.sheets.find((s) => (s.visibility ?? 'Visible') === 'Visible')!.name;
    }
  }
  get ProtectContents(): boolean {
    this.host.call('Worksheet.ProtectContents');
    return this.sheet.protected;
  }
  /** The cells holding anything (formats too, as in Excel); A1 on an empty sheet. */
  get UsedRange(): EtRange {
    this.host.call('Worksheet.UsedRange');
    return new SimRange(this.host, this.sheet, usedBounds(this.sheet, false) ?? { top: 1, bottom: 1, left: 0, right: 0 });
  }
  Range(a1: string): EtRange {
    this.host.call('Worksheet.Range');
    const rect = parseAreaAddress(a1);
    if (!rect) throw new EtError('InvalidArgument', `Range("${a1}") is not an address.`);
    return new SimRange(this.host, this.sheet, rect);
  }
  Activate(): void {
    this.host.call('Worksheet.Activate');
    if ((this.sheet.visibility ?? 'Visible') !== 'Visible') throw new EtError('InvalidArgument', `无法激活隐藏的工作表“${this.sheet.name}”。`);
    this.host.model.activeSheet = this.sheet.name;
  }
  get Hyperlinks(): EtHyperlinks {
    this.host.call('Worksheet.Hyperlinks');
    return new SimHyperlinks(this.host, this.sheet);
  }
}

class SimWorksheets implements EtWorksheets {
  constructor(private readonly host: Host) {}
  get Count(): number {
    this.host.call('Worksheets.Count');
    return this.host.model.sheets.length;
  }
  Item(index: number | string): EtWorksheet {
    this.host.call('Worksheets.Item');
    const { sheets } = this.host.model;
    const sheet = typeof index === 'number' ? sheets[index - 1] : findSheet(this.host.model, index) ?? sheets.find((s) => s.name.toLowerCase() === index.toLowerCase());
    // Index 0 is out of range: Item counts from 1.
    if (!sheet) throw new EtError('NotFound', `Worksheets.Item(${JSON.stringify(index)})：下标越界。`);
    return new SimWorksheet(this.host, sheet);
  }
  /** A new sheet "SheetN" before `before` or after `after` (before the active one when neither); it becomes active. */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet {
    this.host.call('Worksheets.Add');
    const { model } = this.host;
    if (model.protected) throw new EtError('StructureProtected', '工作簿结构受保护，无法添加工作表。');
    let n = model.sheets.length + 1;
    while (sheetNameProblem(model, `Sheet${n}`)) n += 1;
    const sheet = createSheet(`Sheet${n}`);
    sheet.added = true;
    const anchor = (before ?? after) as SimWorksheet | undefined;
    const at = anchor ? model.sheets.indexOf(anchor.sheet) + (after && !before ? 1 : 0) : model.sheets.findIndex((s) => s.name === model.activeSheet);
    model.sheets.splice(Math.max(0, at), 0, sheet);
    model.activeSheet = sheet.name;
    return new SimWorksheet(this.host, sheet);
  }
}

class SimProperty implements EtDocumentProperty {
  constructor(
    private readonly host: Host,
    private readonly store: Map<string, string | number | boolean>,
    private readonly name: string,
  ) {}
  get Value(): string | number | boolean {
    this.host.call('DocumentProperty.Value');
    return this.store.get(this.name)!;
  }
  set Value(v: string | number | boolean) {
    this.host.call('DocumentProperty.Value=');
    if (typeof v === 'string' && v.length > 255) throw new EtError('InvalidArgument', '文档属性的文本最多 255 个字符。');
    this.store.set(this.name, v);
  }
}

class SimProperties implements EtDocumentProperties {
  constructor(
    private readonly host: Host,
    private readonly store: Map<string, string | number | boolean>,
  ) {}
  Item(name: string): EtDocumentProperty {
    this.host.call('CustomDocumentProperties.Item');
    if (!this.store.has(name)) throw new EtError('NotFound', `没有名为“${name}”的文档属性。`);
    return new SimProperty(this.host, this.store, name);
  }
  Add(name: string, _linkToContent: false, type: number, value: string): EtDocumentProperty {
    this.host.call('CustomDocumentProperties.Add');
    if (this.store.has(name)) throw new EtError('InvalidArgument', `文档属性“${name}”已存在。`);
    if (type !== 4) throw new EtError('InvalidArgument', `Only text properties (type 4) are simulated, not ${type}.`);
    if (value.length > 255) throw new EtError('InvalidArgument', '文档属性的文本最多 255 个字符。');
    this.store.set(name, value);
    return new SimProperty(this.host, this.store, name);
  }
}

class SimWorkbook implements EtWorkbook {
  constructor(
    private readonly host: Host,
    private readonly name: string,
    private readonly store: Map<string, string | number | boolean>,
  ) {}
  get Name(): string {
    this.host.call('Workbook.Name');
    return this.name;
  }
  get Worksheets(): EtWorksheets {
    this.host.call('Workbook.Worksheets');
    return new SimWorksheets(this.host);
  }
  get ProtectStructure(): boolean {
    this.host.call('Workbook.ProtectStructure');
    return this.host.model.protected ?? false;
  }
  get CustomDocumentProperties(): EtDocumentProperties {
    this.host.call('Workbook.CustomDocumentProperties');
    return new SimProperties(this.host, this.store);
  }
}

export function createEt(model: WorkbookModel, options: EtSimulatorOptions = {}): EtSimulator {
  let calls = 0;
  const byMember = new Map<string, number>();
  const host: Host = {
    model,
    screenUpdating: true,
    valueWrites: [],
    call(member) {
      calls += 1;
      byMember.set(member, (byMember.get(member) ?? 0) + 1);
    },
  };
  const properties = new Map<string, string | number | boolean>(Object.entries(options.properties ?? {}));
  const workbook = new SimWorkbook(host, options.workbookName ?? '工作簿1.xlsx', properties);
  const panes: SimTaskPane[] = [];
  const storage = new Map<string, string>();

  const pluginStorage: EtPluginStorage = {
    getItem(key) {
      host.call('PluginStorage.getItem');
      return storage.get(key) ?? null;
    },
    setItem(key, value) {
      host.call('PluginStorage.setItem');
      storage.set(key, String(value));
    },
  };

  const application: EtApplication = {
    get ActiveWorkbook() {
      host.call('Application.ActiveWorkbook');
      return workbook;
    },
    get ActiveSheet() {
      host.call('Application.ActiveSheet');
      return new SimWorksheet(host, findSheet(model, model.activeSheet) ?? model.sheets[0]);
    },
    get ScreenUpdating() {
      host.call('Application.ScreenUpdating');
      return host.screenUpdating;
    },
    set ScreenUpdating(on: boolean) {
      host.call('Application.ScreenUpdating=');
      host.screenUpdating = on;
    },
    CreateTaskPane(url: string, title?: string) {
      host.call('Application.CreateTaskPane');
      const pane: SimTaskPane = { url, ...(title === undefined ? {} : { title }), ID: panes.length + 1, Visible: false, DockPosition: 2 };
      panes.push(pane);
      options.onTaskPane?.(pane);
      return pane;
    },
    GetTaskPane(id: number) {
      host.call('Application.GetTaskPane');
      const pane = panes.find((p) => p.ID === id);
      if (!pane) throw new EtError('NotFound', `没有 ID 为 ${id} 的任务窗格。`);
      return pane;
    },
    get PluginStorage() {
      host.call('Application.PluginStorage');
      return pluginStorage;
    },
  };

  return {
    model,
    application,
    get calls() {
      return calls;
    },
    callsByMember: byMember,
    valueWrites: host.valueWrites,
    properties,
    taskPanes: panes,
    edit(sheetName, cell, value) {
      const sheet = findSheet(model, sheetName);
      const rect = parseAreaAddress(cell);
      if (!sheet || !rect) throw new Error(`no cell ${sheetName}!${cell}`);
      setCellField(sheet, rect.top, rect.left, 'value', value);
    },
  };
}
