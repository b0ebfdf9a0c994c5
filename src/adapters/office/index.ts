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
  UndoMode,
  ClearTarget,
  ExcelRun,
  IsSetSupported,
  ReportSheetSummary,
  WorkbookAdapter,
  WorkbookAdapterOptions,
  WatchOptions,
  WriteOptions,
  WriteSummary,
} from './adapter.js';
export { isPayloadError, syncJobs, WEB_BUDGET, WEB_PAYLOAD_LIMIT, type Job, type SyncStats } from './batches.js';
export { canonicalMarkFormat, normaliseFormatCode } from './formatMark.js';
export { ExcelAdapterError, toAdapterError, type AdapterErrorCode, type AdapterErrorDetail } from './errors.js';
export { parseQualified, qualify, splitAreaList, type QualifiedAddress } from './addresses.js';
export { officeDocumentProperties, settingsWithFallback } from './documentProperties.js';
