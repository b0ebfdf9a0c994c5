// The Excel adapter: Office.js in, WorkbookSnapshot out; SheetWritePlan in, cells written.
export {
  createOfficeWorkbookAdapter,
  createWorkbookAdapter,
  MERGE_BAND_ROWS,
  VALUE_BAND_ROWS,
} from './adapter.js';
export type {
  AdapterCapabilities,
  AnnotationMode,
  ClearTarget,
  ExcelRun,
  IsSetSupported,
  ReportSheetSummary,
  WorkbookAdapter,
  WorkbookAdapterOptions,
  WriteOptions,
  WriteSummary,
} from './adapter.js';
export { ExcelAdapterError, toAdapterError, type AdapterErrorCode, type AdapterErrorDetail } from './errors.js';
export { parseQualified, qualify, splitAreaList, type QualifiedAddress } from './addresses.js';
