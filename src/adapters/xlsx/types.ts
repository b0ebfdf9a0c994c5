// What the package writer is asked to do: edits of single cells on existing sheets, and whole
// sheets of ours. Both the CLI (from the core's plans) and the workbench (from the simulator's
// change log) describe their writes this way; the writer knows nothing of either.
import type { CellValue } from '../../core/index.js';
import type { PropertyEdit } from './customProperties.js';

export interface FormulaValue {
  formula: string;
  /** The cached result, shown until the file is recalculated. */
  result: CellValue;
}

export interface FontChange {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points. */
  size?: number;
  /** "#RRGGBB". */
  color?: string;
}

/**
 * One cell. A field left out is not changed; null removes it (value: empty cell, numberFormat:
 * General, fill: none, font: the default font, note: our note removed — a user's note is never
 * touched).
 */
export interface CellEdit {
  address: string;
  value?: CellValue | FormulaValue;
  numberFormat?: string | null;
  /** "#RRGGBB". */
  fill?: string | null;
  /** Fills of ours ("#RRGGBB") to take off when the cell has one and `fill` is not given: a fill of the user's stays. */
  dropFills?: string[];
  font?: FontChange | null;
  wrap?: boolean;
  /** Written only when the cell has no note of the user's; marked text expected (see isOurNote). */
  note?: string | null;
  /**
   * Our header's bold: the cell is made bold where its font is not, and then gets this number
   * format (a mark) instead of `numberFormat`, so a later clear knows the bold was ours.
   */
  boldMark?: string;
  /** On a clear: where the cell's number format is this mark, the bold it stands for goes too. */
  dropBoldMark?: string;
}

export interface SheetEdit {
  sheet: string;
  cells: CellEdit[];
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

/** A sheet of ours written whole: replaces the sheet of that name when there is one, else added after the others. */
export interface OwnSheet {
  name: string;
  state: SheetState;
  cells: CellEdit[];
  /** Column widths in characters, by 0-based column (undefined: default width). */
  columnWidths?: (number | undefined)[];
  /** Print landscape, one page wide. */
  landscape?: boolean;
}

export interface WorkbookEdit {
  sheets: SheetEdit[];
  ownSheets: OwnSheet[];
  /** Custom document properties to set or remove (docProps/custom.xml); the user's others stay. */
  properties?: PropertyEdit;
}

/** What the writer did not do, for the caller to report. */
export interface PatchResult {
  bytes: Uint8Array;
  /** Sheets named in the edit that the workbook does not have. */
  missingSheets: string[];
  /** Notes not written because the user has a note on that cell. */
  keptUserNotes: string[];
  /** Sheets of ours not added because the workbook's structure is protected (lockStructure). */
  lockedOut: string[];
}
