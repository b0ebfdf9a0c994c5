// The simulated Excel: a plain workbook model, an Excel.run double over it, and exceljs bridges.
export { createExcel, DEFAULT_API_VERSION } from './excel.js';
export type { ExcelSimulator, SimEvent, SimRun, SimulatorOptions } from './excel.js';
export { SimError, type SimErrorCode } from './simError.js';
export { CUSTOM_PROPERTY_LIMIT, ACTION_BYTES, MERGED_AREAS_LIMIT, PAYLOAD_LIMIT, STANDARD_COLUMN_POINTS, jsonBytes, versionAtLeast } from './proxies.js';
export type { SimPlatform, SyncPayload } from './proxies.js';
export {
  MAX_COLUMNS,
  MAX_ROWS,
  cellAt,
  createSheet,
  createWorkbookModel,
  customPropertyKey,
  findSheet,
  formatArea,
  isEmptyCell,
  isVisibleSheet,
  parseAreaAddress,
  quoteSheetName,
  setCellField,
  sheetNameProblem,
  sheetFromRows,
  usedBounds,
} from './model.js';
export type {
  CellField,
  CellFont,
  CellHyperlink,
  CellModel,
  Selection,
  SheetFromRowsOptions,
  SheetModel,
  SheetVisibility,
  WorkbookModel,
} from './model.js';
export { excelSerial, fromExcelJs, markSaved } from './exceljs.js';
export { editsOfModel, characters } from './packageEdits.js';
