// What the pane shows when Excel refuses something: a short sentence in Chinese and English,
// never an Office.js stack trace. The original error stays in `cause` for debugging.
import type { Lang, LocalizedText } from '../../core/index.js';

export type AdapterErrorCode =
  | 'sheet-protected'
  | 'workbook-protected'
  | 'sheet-name-taken'
  | 'would-overwrite'
  | 'stale'
  | 'formula-cells'
  | 'not-found'
  | 'cell-edit-mode'
  | 'too-large'
  | 'unsupported'
  | 'access-denied'
  | 'busy'
  | 'undo-not-supported'
  | 'excel-error';

export interface AdapterErrorDetail {
  /** Office.js error code (OfficeExtension.Error.code), when Excel raised it. */
  excelCode?: string;
  sheets?: string[];
  cells?: string[];
}

export class ExcelAdapterError extends Error {
  override readonly name = 'ExcelAdapterError';

  constructor(
    readonly code: AdapterErrorCode,
    readonly text: LocalizedText,
    readonly detail: AdapterErrorDetail = {},
    options?: { cause?: unknown },
  ) {
    super(`${text.zh}\n${text.en}`, options);
  }

  /** The message in one language, for the pane. */
  localized(lang: Lang): string {
    return this.text[lang];
  }
}

const list = (names: string[]): string => names.map((n) => `「${n}」`).join('、');
const listEn = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');

export function sheetProtectedError(sheets: string[]): ExcelAdapterError {
  return new ExcelAdapterError(
    'sheet-protected',
    {
      zh: `工作表${list(sheets)}受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护），再重新校验。`,
      en: `Sheet ${listEn(sheets)} is protected, so nothing was written. Unprotect it (Review → Unprotect Sheet) and check again.`,
    },
    { sheets },
  );
}

export function workbookProtectedError(sheet: string): ExcelAdapterError {
  return new ExcelAdapterError(
    'workbook-protected',
    {
      zh: `工作簿结构受保护，无法添加工作表「${sheet}」，未写入任何内容。请先撤销工作簿保护（审阅 → 保护工作簿），再重试。`,
      en: `The workbook's structure is protected, so sheet "${sheet}" cannot be added and nothing was written. Unprotect the workbook (Review → Protect Workbook) and try again.`,
    },
    { sheets: [sheet] },
  );
}

export function sheetNameTakenError(sheet: string): ExcelAdapterError {
  return new ExcelAdapterError(
    'sheet-name-taken',
    {
      zh: `工作簿中已有名为「${sheet}」的工作表，且不是本工具生成的。为保护其内容，未写入任何内容。请重命名该工作表后重试。`,
      en: `The workbook already has a sheet named "${sheet}" that this tool did not write. To keep its content nothing was written. Rename that sheet and try again.`,
    },
    { sheets: [sheet] },
  );
}

export function wouldOverwriteError(sheet: string, cells: string[]): ExcelAdapterError {
  const shown = cells.slice(0, 5).join(', ') + (cells.length > 5 ? ' …' : '');
  return new ExcelAdapterError(
    'would-overwrite',
    {
      zh: `工作表「${sheet}」的单元格 ${shown} 已有内容（可能在校验后被修改），为保护原有数据未写入任何内容。请重新校验。`,
      en: `Cells ${shown} on sheet "${sheet}" hold content (perhaps edited after the check); to keep your data nothing was written. Check again.`,
    },
    { sheets: [sheet], cells },
  );
}

const shownCells = (cells: string[]): string => cells.slice(0, 5).join(', ') + (cells.length > 5 ? ' …' : '');

export function staleSnapshotError(sheet: string, cells: string[]): ExcelAdapterError {
  const shown = shownCells(cells);
  return new ExcelAdapterError(
    'stale',
    {
      zh: `校验之后，工作表「${sheet}」的单元格 ${shown} 已被修改（输入了内容、插入或删除了行列，或有人同时在编辑）。为免覆盖或写错位置，未写入任何内容。请重新校验。`,
      en: `Since the check, cells ${shown} on sheet "${sheet}" have changed (typed over, rows or columns inserted or deleted, or a co-author's edit). So as not to overwrite or misplace anything, nothing was written. Check again.`,
    },
    { sheets: [sheet], cells },
  );
}

export function formulaCellsError(sheet: string, cells: string[]): ExcelAdapterError {
  const shown = shownCells(cells);
  return new ExcelAdapterError(
    'formula-cells',
    {
      zh: `工作表「${sheet}」的单元格 ${shown} 含有公式（可能显示为空白）。本工具从不覆盖公式，未写入任何内容。请删除或移走这些公式后重新校验。`,
      en: `Cells ${shown} on sheet "${sheet}" hold formulas (they may look blank). This tool never writes over a formula, so nothing was written. Delete or move those formulas and check again.`,
    },
    { sheets: [sheet], cells },
  );
}

export function sheetMissingError(sheets: string[]): ExcelAdapterError {
  return new ExcelAdapterError(
    'not-found',
    {
      zh: `找不到工作表${list(sheets)}（可能已被重命名或删除）。请重新校验。`,
      en: `Sheet ${listEn(sheets)} was not found (it may have been renamed or deleted). Check again.`,
    },
    { sheets },
  );
}

/** Not an error: the read went on without this sheet's merged areas. */
export function mergesGivenUp(sheet: string): LocalizedText {
  return {
    zh: `工作表「${sheet}」的合并单元格太多（一行超过 512 个），Excel 无法读取，已改为根据空白标签推断合并关系。如校验结果有误，请减少该表的合并单元格。`,
    en: `Sheet "${sheet}" has too many merged cells for Excel to report (over 512 in one row), so merges were inferred from blank labels. If findings look wrong, unmerge cells on that sheet.`,
  };
}

export function unsupportedError(): ExcelAdapterError {
  return new ExcelAdapterError('unsupported', {
    zh: '此版本的 Excel 太旧，不支持读取工作表（需要 ExcelApi 1.4，即 Excel 2016 或更新版本）。',
    en: 'This version of Excel is too old to read the sheets (ExcelApi 1.4, Excel 2016 or later, is needed).',
  });
}

const BY_EXCEL_CODE: Record<string, [AdapterErrorCode, LocalizedText]> = {
  InvalidOperationInCellEditMode: [
    'cell-edit-mode',
    {
      zh: 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。',
      en: 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
    },
  ],
  ItemNotFound: [
    'not-found',
    {
      zh: '找不到工作表或单元格（可能已被重命名或删除）。请重新校验。',
      en: 'A sheet or cell was not found (it may have been renamed or deleted). Check again.',
    },
  ],
  AccessDenied: [
    'access-denied',
    {
      zh: 'Excel 拒绝了修改：工作表或工作簿可能受保护，或文件为只读。',
      en: 'Excel refused the change: the sheet or workbook may be protected, or the file is read-only.',
    },
  ],
  RequestPayloadSizeLimitExceeded: [
    'too-large',
    {
      zh: '要读写的数据太多，超出了 Excel 单次请求的上限。请删除多余的空行空列，或把表格移到单独的工作表。',
      en: 'Too much data for one Excel request. Delete unused rows and columns, or move the table to a sheet of its own.',
    },
  ],
  ApiNotFound: [
    'unsupported',
    {
      zh: '此版本的 Excel 不支持所需的功能。请更新 Office 后重试。',
      en: 'This version of Excel lacks a feature that is needed. Update Office and try again.',
    },
  ],
  UndoNotSupported: [
    'undo-not-supported',
    {
      zh: '此版本的 Excel 无法把这次修改作为一步撤销。请重试；修改后可用“清除结果”撤回本工具写入的内容。',
      en: 'This Excel cannot make this change one undo step. Try again; 清除结果 (Clear results) removes what this tool wrote.',
    },
  ],
  ActivityLimitReached: [
    'busy',
    { zh: 'Excel 正忙，请稍后重试。', en: 'Excel is busy. Try again in a moment.' },
  ],
};
BY_EXCEL_CODE.ResponsePayloadSizeLimitExceeded = BY_EXCEL_CODE.RequestPayloadSizeLimitExceeded;
BY_EXCEL_CODE.RangeExceedsLimit = BY_EXCEL_CODE.RequestPayloadSizeLimitExceeded;
BY_EXCEL_CODE.NotImplemented = BY_EXCEL_CODE.ApiNotFound;
BY_EXCEL_CODE.UnsupportedOperation = BY_EXCEL_CODE.ApiNotFound;
BY_EXCEL_CODE.ServiceNotAvailable = BY_EXCEL_CODE.ActivityLimitReached;
BY_EXCEL_CODE.Conflict = BY_EXCEL_CODE.ActivityLimitReached;

/** Any failure → ExcelAdapterError with a readable message (Office.js errors are mapped by code). */
export function toAdapterError(error: unknown): ExcelAdapterError {
  if (error instanceof ExcelAdapterError) return error;
  const excelCode =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : undefined;
  const known = excelCode ? BY_EXCEL_CODE[excelCode] : undefined;
  if (known) return new ExcelAdapterError(known[0], known[1], { excelCode }, { cause: error });
  const tag = excelCode ? `（${excelCode}）` : '';
  return new ExcelAdapterError(
    'excel-error',
    {
      zh: `Excel 操作失败${tag}。请重试；如仍失败，请保存并重新打开工作簿。`,
      en: `The Excel operation failed${excelCode ? ` (${excelCode})` : ''}. Try again; if it keeps failing, save and reopen the workbook.`,
    },
    { excelCode },
    { cause: error },
  );
}
