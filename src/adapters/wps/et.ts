// The part of WPS's ET object model (window.Application) the WPS adapter uses, and nothing more:
// every member is picked from et-jsapi-declare's declarations, so neither the adapter nor the ET
// simulator can use a member WPS does not declare. Overrides only narrow the declared types where
// they are known to be loose (TypedAny) or return objects we narrow in turn.
/// <reference types="et-jsapi-declare" />

/**
 * Members K of T, with some replaced by narrower types. An override naming a member outside K
 * makes the whole type `never`, so nothing can implement or use it.
 */
type Members<T, K extends keyof T, Over extends Partial<Record<K, unknown>> = Record<never, never>> = Exclude<keyof Over, K> extends never
  ? Omit<Pick<T, K>, keyof Over> & Over
  : never;

export type EtComment = Members<Et.Comment, 'Text'>;

export type EtInterior = Members<Et.Interior, 'Color' | 'ColorIndex', { Color: number; ColorIndex: number }>;

export type EtFont = Members<Et.Font, 'Bold' | 'Color' | 'Size' | 'Underline', { Bold: boolean | null; Color: number | null; Size: number | null; Underline: number | null }>;

/** A count-only view of Range.Rows / Range.Columns. */
export type EtRangeCount = Members<Et.Range, 'Count'>;

export type EtCells = Members<Et.Range, 'Item', { Item(row: number, column: number): EtRange }>;

export type EtRange = Members<
  Et.Range,
  | 'Row'
  | 'Column'
  | 'Rows'
  | 'Columns'
  | 'Count'
  | 'Value2'
  | 'Formula'
  | 'HasFormula'
  | 'NumberFormat'
  | 'Interior'
  | 'Font'
  | 'ColumnWidth'
  | 'WrapText'
  | 'Comment'
  | 'AddComment'
  | 'ClearComments'
  | 'MergeCells'
  | 'MergeArea'
  | 'Address'
  | 'Select'
  | 'Cells'
  | 'Item',
  {
    readonly Rows: EtRangeCount;
    readonly Columns: EtRangeCount;
    /** One cell: a scalar (undefined when empty); more: rows of values. Set either way. */
    Value2: unknown;
    Formula: unknown;
    /** True, false, or null when some cells hold a formula and some do not. */
    readonly HasFormula: boolean | null;
    /** Null when the cells' formats differ. */
    NumberFormat: string | null;
    readonly Interior: EtInterior;
    readonly Font: EtFont;
    /** In characters of the standard font (not points, as Office.js's columnWidth). */
    ColumnWidth: number | null;
    WrapText: boolean | null;
    /** The top-left cell's comment, or null. */
    readonly Comment: EtComment | null;
    AddComment(text: string): EtComment;
    /** True when every cell is merged, false when none, null when some are. */
    MergeCells: boolean | null;
    readonly MergeArea: EtRange;
    Address(): string;
    Select(): unknown;
    readonly Cells: EtCells;
    Item(row: number, column: number): EtRange;
  }
>;

export type EtHyperlinks = Members<Et.Hyperlinks, 'Add', { Add(anchor: EtRange, address: string, subAddress?: string, screenTip?: string, textToDisplay?: string): unknown }>;

export type EtWorksheet = Members<
  Et.Worksheet,
  'Name' | 'Index' | 'Visible' | 'ProtectContents' | 'UsedRange' | 'Range' | 'Activate' | 'Hyperlinks',
  {
    readonly UsedRange: EtRange;
    Range(a1: string): EtRange;
    readonly Hyperlinks: EtHyperlinks;
    /** -1 visible, 0 hidden, 2 very hidden (XlSheetVisibility). */
    Visible: number;
  }
>;

export type EtWorksheets = Members<
  Et.Sheets,
  'Count' | 'Item' | 'Add',
  {
    /** 1-based index, or a name. */
    Item(index: number | string): EtWorksheet;
    Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
  }
>;

export type EtDocumentProperty = Members<Kso.DocumentProperty, 'Value', { Value: string | number | boolean }>;

export type EtDocumentProperties = Members<
  Kso.DocumentProperties,
  'Item' | 'Add',
  {
    /** Throws when there is no such property. */
    Item(name: string): EtDocumentProperty;
    /** Type 4 is msoPropertyTypeString. */
    Add(name: string, linkToContent: false, type: number, value: string): EtDocumentProperty;
  }
>;

export type EtWorkbook = Members<
  Et.Workbook,
  'Name' | 'Worksheets' | 'ProtectStructure' | 'CustomDocumentProperties',
  { readonly Worksheets: EtWorksheets; readonly CustomDocumentProperties: EtDocumentProperties }
>;

export type EtTaskPane = Members<WPS.CustomTaskpane, 'ID' | 'Visible' | 'DockPosition', { DockPosition: number }>;

export type EtPluginStorage = Members<WPS.PluginStorage, 'getItem' | 'setItem', { getItem(key: string): string | null; setItem(key: string, value: string): void }>;

export type EtApplication = Members<Et.Application, 'ActiveWorkbook' | 'ActiveSheet' | 'ScreenUpdating', { readonly ActiveWorkbook: EtWorkbook; readonly ActiveSheet: EtWorksheet }> &
  Members<WPS.AddonRoot, 'CreateTaskPane' | 'GetTaskPane' | 'PluginStorage', { CreateTaskPane(url: string, title?: string): EtTaskPane; GetTaskPane(id: number): EtTaskPane; readonly PluginStorage: EtPluginStorage }>;

export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlColorIndexNone / xlUnderlineStyleNone. */
export const XL_NONE = -4142;
export const XL_UNDERLINE_SINGLE = 2;
/** msoPropertyTypeString. */
export const MSO_PROPERTY_STRING = 4;
/** msoCTPDockPositionRight. */
export const DOCK_RIGHT = 2;

/** "#RRGGBB" → the BGR integer Interior.Color and Font.Color take. */
export function bgrOf(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** A BGR integer → "#RRGGBB". */
export function hexOfBgr(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, '0').toUpperCase()}`;
}
