// What is wrong with a file a user hands us, from its first bytes: one set of messages, in both
// languages, for the CLI and the workbench alike — never a library's own words or address.
import type { LocalizedText } from '../../core/index.js';

/** A file that cannot be opened as a workbook, with what to do about it. */
export class WorkbookProblem extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = 'WorkbookProblem';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Whether `needle` occurs in `bytes`; jumps by the engine's own indexOf to each candidate start. */
function includes(bytes: Uint8Array, needle: Uint8Array): boolean {
  for (let i = bytes.indexOf(needle[0]); i !== -1 && i + needle.length <= bytes.length; i = bytes.indexOf(needle[0], i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16 = (s: string) => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0), 0]));

/** Why these bytes are no .xlsx workbook (an .xls, an encrypted file, a renamed CSV …), or undefined. */
export function whyUnreadable(bytes: Uint8Array, name: string): LocalizedText | undefined {
  if (bytes.length === 0) return { zh: `文件为空（0 字节）：${name}`, en: `The file is empty (0 bytes): ${name}` };
  if (startsWith(bytes, OLE)) {
    if (includes(bytes, utf16('EncryptedPackage'))) {
      return { zh: `${name} 设有打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再校验`, en: `${name} is password-encrypted; remove the password in Excel and save it as .xlsx` };
    }
    return { zh: `${name} 是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再校验`, en: `${name} is an old Excel 97-2003 (.xls) file; save it as .xlsx first` };
  }
  if (startsWith(bytes, ZIP_EMPTY)) return { zh: `${name} 是空的压缩包，不是 Excel 工作簿`, en: `${name} is an empty zip, not a workbook` };
  if (!startsWith(bytes, ZIP)) {
    return { zh: `${name} 不是 .xlsx 工作簿（可能是 CSV、文本或其他格式改了扩展名），请在 Excel 中另存为 .xlsx`, en: `${name} is not an .xlsx workbook (perhaps a CSV or another file renamed); save it as .xlsx` };
  }
  const xlsb = includes(bytes, ascii('xl/workbook.bin'));
  if (!xlsb && !includes(bytes, ascii('xl/workbook.xml'))) {
    return { zh: `${name} 是压缩文件但不是 Excel 工作簿（例如 Word 文档改了扩展名）`, en: `${name} is a zip file but not an Excel workbook (e.g. a renamed Word document)` };
  }
  if (xlsb) return { zh: `${name} 是二进制工作簿 (.xlsb)，请另存为 .xlsx`, en: `${name} is a binary workbook (.xlsb); save it as .xlsx` };
  return undefined;
}

/** A zip whose parts are broken beyond reading. */
export function damagedText(name: string): LocalizedText {
  return { zh: `${name} 已损坏，无法打开。请在 Excel 或 WPS 中打开并修复后另存为 .xlsx 再校验`, en: `${name} is damaged and cannot be opened; open and repair it in Excel or WPS, then save it as .xlsx` };
}
