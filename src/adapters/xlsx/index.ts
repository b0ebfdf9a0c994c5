// The .xlsx package writer, shared by the CLI and the workbench (no Node or DOM APIs).
export { patchWorkbook, readCustomProperties, PackageError } from './patch.js';
export { CUSTOM_FMTID, type PropertyEdit } from './customProperties.js';
export { editsOfPlans, editsOfClear, clearEdit, acceptanceSheet, reportSheet, linkFormula } from './plans.js';
export { readZip, writeZip, entryData, entryText, crc32, useCodec, fflateCodec, ZipError, type Codec, type ZipArchive, type ZipEntry } from './zip.js';
export { commentText, NOTE_AUTHOR } from './notes.js';
export { checkPackageLimits, LIMITS, type PackageLimits, type LimitProblem } from './limits.js';
export * from './types.js';
export { readableCopy, producerOf, type Readable } from './readable.js';
export { WorkbookProblem, whyUnreadable, damagedText } from './unreadable.js';
export { createCopyPort, type CopyPort } from './copyPort.js';
