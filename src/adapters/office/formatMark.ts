// Our cells are marked by their number format codes (src/core/marks.ts). A platform may hand a
// code back rewritten: escapes added ("\-"), literals quoted, keywords in another case. Compared in
// a normalised form, such a code still marks our cell. (A pure helper kept here, beside the one
// adapter that needs it, rather than in the core.)
import { RESULT_HEADER_BOLD_FORMAT, RESULT_HEADER_FORMAT, RESULT_NUMBER_FORMAT } from '../../core/index.js';

/** The code without backslash escapes, quotes around literals, surrounding blanks, and in lower case. */
export function normaliseFormatCode(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '\\' && i + 1 < code.length) {
      out += code[++i];
    } else if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) continue;
      out += code.slice(i + 1, end);
      i = end;
    } else {
      out += ch;
    }
  }
  return out.trim().toLowerCase();
}

const MARKS = [RESULT_HEADER_FORMAT, RESULT_HEADER_BOLD_FORMAT, RESULT_NUMBER_FORMAT];
const NORMALISED = new Map(MARKS.map((code) => [normaliseFormatCode(code), code]));

/** One of our marks' codes as we write it when `code` is the same mark rewritten; else `code` itself. */
export function canonicalMarkFormat(code: string): string {
  if (MARKS.includes(code)) return code;
  return NORMALISED.get(normaliseFormatCode(code)) ?? code;
}
