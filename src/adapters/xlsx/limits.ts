// Checks made on the zip directory and the sheet parts before any workbook library loads the file:
// a huge file, a zip bomb, too many parts, or a row or column index beyond Excel's grid would
// otherwise keep a reader busy for minutes or exhaust memory (exceljs allocates up to the index).
import type { LocalizedText } from '../../core/index.js';
import { entryData, entryText, readZip, ZipError, type ZipArchive } from './zip.js';

export interface PackageLimits {
  fileBytes: number;
  /** Inflated size of one part. */
  partBytes: number;
  /** Inflated size of all parts together. */
  totalBytes: number;
  parts: number;
}

// A 1,048,576-row table of ten columns is about 300 MiB of sheet XML: within these.
export const LIMITS: PackageLimits = { fileBytes: 200 * 2 ** 20, partBytes: 512 * 2 ** 20, totalBytes: 1024 * 2 ** 20, parts: 20_000 };

export interface LimitProblem {
  text: LocalizedText;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;
const MiB = (n: number): string => `${Math.round(n / 2 ** 20)} MiB`;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The first cell reference beyond Excel's grid in a sheet part (rows' r, cells' r, ref and sqref ranges). */
export function outOfGrid(xml: string): string | undefined {
  // One pass over every r, ref and sqref attribute: a row's r is a number, a cell's or a range's holds letters.
  for (const m of xml.matchAll(/\s(?:r|ref|sqref)\s*=\s*"([^"]*)"/g)) {
    const v = m[1];
    if (/^\d+$/.test(v)) {
      if (Number(v) > MAX_ROW) return `row ${v}`;
      continue;
    }
    for (const cell of v.matchAll(/\$?([A-Za-z]{1,})\$?(\d+)/g)) {
      if (cell[1].length > 3 || columnNumber(cell[1]) > MAX_COLUMN || Number(cell[2]) > MAX_ROW) return cell[0];
    }
  }
  return undefined;
}

/**
 * Undefined when the package is within the limits; else what is wrong, in both languages. A
 * package whose zip directory cannot be read is left to the reader's own message.
 */
export function checkPackageLimits(bytes: Uint8Array, name: string, limits: PackageLimits = LIMITS): LimitProblem | undefined {
  if (bytes.length > limits.fileBytes) {
    return { text: { zh: `${name} 过大（${MiB(bytes.length)}，上限 ${MiB(limits.fileBytes)}），未打开`, en: `${name} is too large (${MiB(bytes.length)}; the limit is ${MiB(limits.fileBytes)}); not opened` } };
  }
  let zip: ZipArchive;
  try {
    zip = readZip(bytes);
  } catch (e) {
    if (e instanceof ZipError) return undefined;
    throw e;
  }
  if (zip.entries.length > limits.parts) {
    return { text: { zh: `${name} 含 ${zip.entries.length} 个部件（上限 ${limits.parts}），不像正常的工作簿，未打开`, en: `${name} holds ${zip.entries.length} parts (the limit is ${limits.parts}); not opened` } };
  }
  let total = 0;
  for (const e of zip.entries) {
    total += e.size;
    if (e.size > limits.partBytes || total > limits.totalBytes) {
      return {
        text: {
          zh: `${name} 解压后过大（部件 ${e.name} ${MiB(e.size)}，合计至少 ${MiB(total)}；上限 ${MiB(limits.partBytes)} / ${MiB(limits.totalBytes)}），可能是“压缩炸弹”，未打开`,
          en: `${name} inflates too far (part ${e.name} ${MiB(e.size)}, at least ${MiB(total)} in all; limits ${MiB(limits.partBytes)} / ${MiB(limits.totalBytes)}); perhaps a zip bomb; not opened`,
        },
      };
    }
  }
  for (const e of zip.entries) {
    // Every part is inflated into a buffer of its declared size and its CRC checked: a bomb that
    // lies about its size is caught here, before a reader inflates it without bound.
    const sheet = /^xl\/(worksheets|chartsheets|dialogsheets)\/[^/]+\.xml$/i.test(e.name);
    let text = '';
    try {
      if (sheet) text = entryText(zip, e);
      else entryData(zip, e);
    } catch (err) {
      if (err instanceof ZipError || err instanceof Error) {
        return { text: { zh: `${name} 的部件 ${e.name} 已损坏（${err.message}），未打开`, en: `Part ${e.name} of ${name} is damaged (${err.message}); not opened` } };
      }
      throw err;
    }
    if (!sheet) continue;
    const bad = outOfGrid(text);
    if (bad) {
      return {
        text: {
          zh: `${name} 的工作表部件 ${e.name} 引用了 Excel 表格范围之外的位置（${bad}；最多 ${MAX_ROW} 行、${MAX_COLUMN} 列），未打开`,
          en: `Sheet part ${e.name} of ${name} refers beyond Excel's grid (${bad}; at most ${MAX_ROW} rows and ${MAX_COLUMN} columns); not opened`,
        },
      };
    }
  }
  return undefined;
}
