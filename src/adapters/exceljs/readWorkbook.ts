// Opening a file a user hands us: every way it can be wrong gets a clear message, never a stack trace.
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import type { LocalizedText } from '../../core/index.js';
import { checkPackageLimits, LIMITS, producerOf, readableCopy, whyUnreadable } from '../xlsx/index.js';

export class InputError extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}


export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** The file's bytes, from which the snapshot was read and which a copy patches. */
  bytes: Buffer;
}

/** Reads and opens an .xlsx file; throws InputError with a Chinese and English message when it cannot. */
export async function readWorkbookFile(path: string): Promise<OpenedWorkbook> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new InputError({ zh: `找不到文件：${path}`, en: `File not found: ${path}` });
  }
  if (stat.isDirectory()) throw new InputError({ zh: `${path} 是文件夹，请指定 .xlsx 文件`, en: `${path} is a folder; give an .xlsx file` });
  // Refused before it is read into memory.
  if (stat.size > LIMITS.fileBytes) throw new InputError(sizeText(path, stat.size));
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (e) {
    throw new InputError({ zh: `无法读取文件 ${path}：${(e as Error).message}`, en: `Cannot read ${path}: ${(e as Error).message}` });
  }
  return { workbook: await openWorkbook(buffer, path), bytes: buffer };
}

function sizeText(name: string, size: number): LocalizedText {
  const mib = (n: number): string => `${Math.round(n / 2 ** 20)} MiB`;
  return { zh: `${name} 过大（${mib(size)}，上限 ${mib(LIMITS.fileBytes)}），未打开`, en: `${name} is too large (${mib(size)}; the limit is ${mib(LIMITS.fileBytes)}); not opened` };
}

export async function openWorkbook(buffer: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const why = whyUnreadable(buffer, name);
  if (why) throw new InputError(why);
  // Limits before loading: exceljs would allocate up to any row index and inflate any bomb.
  const problem = checkPackageLimits(buffer, name);
  if (problem) throw new InputError(problem.text);
  // Valid forms exceljs trips over (openpyxl's absolute targets, x: prefixes, rows without r) are
  // rewritten for reading only; the copy we write patches the original bytes.
  let readable;
  try {
    readable = readableCopy(buffer);
  } catch (e) {
    throw new InputError({
      zh: `${name} 已损坏，无法打开（${(e as Error).message}）。请在 Excel 中打开并修复后另存`,
      en: `${name} is damaged and cannot be opened (${(e as Error).message}); open and repair it in Excel`,
    });
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(readable.bytes as unknown as ArrayBuffer);
  } catch (e) {
    // The zip and its parts are sound (checked above): name what is unusual rather than say "damaged".
    const producer = producerOf(buffer);
    const by = producer ? { zh: `（由 ${producer} 写入）`, en: ` (written by ${producer})` } : { zh: '', en: '' };
    const odd = readable.unusual.length ? { zh: `；其中有 ${readable.unusual.join('、')}`, en: `; it has ${readable.unusual.join(', ')}` } : { zh: '', en: '' };
    throw new InputError({
      zh: `${name}${by.zh} 的结构本工具的读取库 exceljs 不支持（${(e as Error).message}${odd.zh}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再校验`,
      en: `${name}${by.en} uses a structure that exceljs, the reader this tool uses, does not support (${(e as Error).message}${odd.en}); open it in Excel or WPS and save it as .xlsx`,
    });
  }
  return wb;
}
