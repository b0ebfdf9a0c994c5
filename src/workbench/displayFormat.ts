// Cell text as Excel displays it: a value run through its number format. Covers what the
// tables and our marker formats use (General, 0.00, #,##0, 0%, sections, literals, dates);
// anything exotic falls back to General rather than failing.
import type { CellValue } from '../core/index.js';

/** Excel's General: at most 11 characters, switching to scientific notation for very large/small numbers. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = abs.toExponential(5).split('e');
    const m = mantissa.replace(/\.?0+$/, '');
    const e = Number(exponent);
    return `${sign}${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const intDigits = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, 11 - intDigits - 1 - sign.length);
  const text = abs.toFixed(Math.min(decimals, 20));
  return sign + (text.includes('.') ? text.replace(/\.?0+$/, '') : text);
}

/** Splits a format into its ;-separated sections, respecting quotes, escapes and [brackets]. */
export function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      current += ch + format[++i];
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    else if (ch === ';' && !quoted && !bracket) {
      sections.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  sections.push(current);
  return sections;
}

type Token = { kind: 'literal'; text: string } | { kind: 'code'; text: string };

/** Separates literal text ("…", \x, _x, *x, [..]) from format codes. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: Token['kind'], text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind) last.text += text;
    else tokens.push({ kind, text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end === -1 ? section.length : end;
      push('literal', section.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      push('literal', section[i + 1] ?? '');
      i += 1;
    } else if (ch === '_') {
      // Space the width of the next character.
      push('literal', ' ');
      i += 1;
    } else if (ch === '*') {
      // Repeat-to-fill: nothing to fill in a browser cell.
      i += 1;
    } else if (ch === '[') {
      // Colours, locales and conditions: no text of their own.
      const end = section.indexOf(']', i + 1);
      i = end === -1 ? section.length : end;
    } else {
      push('code', ch);
    }
  }
  return tokens;
}

const DATE_CODES = /[ymdhs]/i;

function isDateSection(tokens: Token[]): boolean {
  const code = tokens
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  return DATE_CODES.test(code.replace(/General|E[+-]/gi, '')) && !/[0#?]/.test(code.replace(/s+\.0+/gi, ''));
}

/** Excel serial day number → UTC date parts (the 1900 leap-year bug only matters before March 1900). */
function serialParts(serial: number) {
  const ms = Math.round((serial - 25_569) * 86_400_000);
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    min: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

function formatDate(serial: number, tokens: Token[]): string {
  const p = serialParts(serial);
  const twelveHour = tokens.some((t) => t.kind === 'code' && /AM\/PM|A\/P/i.test(t.text));
  let out = '';
  let lastWasHour = false;
  for (const token of tokens) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    const code = token.text.replace(/AM\/PM/gi, '\uE001').replace(/A\/P/gi, '\uE002');
    const runs = code.match(/y+|m+|d+|h+|s+|\uE001|\uE002|[^ymdhs\uE001\uE002]+/gi) ?? [];
    runs.forEach((run, i) => {
      const lower = run.toLowerCase();
      const c = lower[0];
      if (c === 'y') out += lower.length <= 2 ? String(p.y % 100).padStart(2, '0') : String(p.y);
      else if (c === 'm') {
        // "m" after an hour or before seconds means minutes.
        const next = runs.slice(i + 1).find((r) => /[ymdhs]/i.test(r[0]));
        const minutes = lastWasHour || (next !== undefined && next[0].toLowerCase() === 's');
        if (minutes) out += lower.length >= 2 ? String(p.min).padStart(2, '0') : String(p.min);
        else out += lower.length >= 2 ? String(p.m).padStart(2, '0') : String(p.m);
      } else if (c === 'd') out += lower.length >= 2 ? String(p.d).padStart(2, '0') : String(p.d);
      else if (c === 'h') {
        const h = twelveHour ? ((p.h + 11) % 12) + 1 : p.h;
        out += lower.length >= 2 ? String(h).padStart(2, '0') : String(h);
      } else if (c === 's') out += lower.length >= 2 ? String(p.s).padStart(2, '0') : String(p.s);
      else if (run === '\uE001') out += p.h < 12 ? 'AM' : 'PM';
      else if (run === '\uE002') out += p.h < 12 ? 'A' : 'P';
      else out += run;
      if (/[ymdhs]/i.test(c)) lastWasHour = c === 'h';
    });
  }
  return out;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A number through one section's codes (no sign handling: the caller decides). */
function formatNumberSection(n: number, tokens: Token[]): string {
  const code = tokens
    .filter((t) => t.kind === 'code')
    .map((t) => t.text)
    .join('');
  if (/General/i.test(code)) {
    return tokens.map((t) => (t.kind === 'literal' ? t.text : t.text.replace(/General/i, formatGeneral(n)))).join('');
  }
  const first = code.search(/[0#?]/);
  if (first === -1) {
    // Only literals (e.g. a section "-"): show them.
    return tokens.map((t) => t.text.replace(/@/g, '')).join('');
  }
  const percents = (code.match(/%/g) ?? []).length;
  let value = n * 100 ** percents;
  const scientific = /E[+-]/i.exec(code);

  // The number part runs from the first to the last placeholder of the codes.
  let numberPart = '';
  let seen = 0;
  const lastIndex = code.search(/[0#?][^0#?]*$/);
  const before: string[] = [];
  const after: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'literal') {
      (seen <= first ? before : after).push(token.text);
      continue;
    }
    for (const ch of token.text) {
      const inNumber = seen >= first && seen <= lastIndex;
      if (inNumber) numberPart += ch;
      else (seen < first ? before : after).push(ch);
      seen += 1;
    }
  }

  if (scientific) {
    const [mantissaCodes, exponentCodes = '0'] = numberPart.split(/E[+-]/i);
    const [, fracCodes = ''] = mantissaCodes.split('.');
    const decimals = (fracCodes.match(/[0#?]/g) ?? []).length;
    const [m, e] = value.toExponential(decimals).split('e');
    const exp = Number(e);
    const expDigits = (exponentCodes.match(/0/g) ?? []).length || 1;
    const sign = exp < 0 ? '-' : scientific[0].endsWith('+') ? '+' : '';
    return before.join('') + `${m}E${sign}${String(Math.abs(exp)).padStart(expDigits, '0')}` + after.join('');
  }

  const [intPattern, fracCodes = ''] = numberPart.split('.');
  // Commas right after the last digit placeholder scale by 1,000 each ("#,##0," shows thousands).
  let scale = 0;
  while (after[0] === ',') {
    after.shift();
    scale += 1;
  }
  value /= 1000 ** scale;
  const grouping = intPattern.includes(',');
  const maxDecimals = (fracCodes.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracCodes.match(/0/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;

  const fixed = Math.abs(value).toFixed(maxDecimals);
  let [intDigits, fracDigits = ''] = fixed.split('.');
  while (fracDigits.length > minDecimals && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = groupThousands(intDigits);
  const showPoint = numberPart.includes('.') && (fracDigits.length > 0 || minDecimals === 0);
  const body = intDigits + (showPoint ? `.${fracDigits}` : '');
  return before.join('') + body + after.join('');
}

function pickNumberSection(sections: string[], n: number): { section: string; signed: boolean } {
  const count = sections.length;
  if (count === 1) return { section: sections[0], signed: n < 0 };
  if (n > 0) return { section: sections[0], signed: false };
  if (n < 0) return { section: sections[1], signed: false };
  return count >= 3 ? { section: sections[2], signed: false } : { section: sections[0], signed: false };
}

/** Text of a value as Excel shows it under `numberFormat` (undefined = General). */
export function formatCellValue(value: CellValue, numberFormat?: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const format = numberFormat && numberFormat.trim() !== '' ? numberFormat : 'General';
  const sections = splitSections(format);

  if (typeof value === 'string') {
    // Text goes through the 4th section, or a lone section holding @; otherwise as typed.
    const textSection = sections.length >= 4 ? sections[3] : sections.length === 1 && sections[0].includes('@') ? sections[0] : null;
    if (textSection === null) return value;
    return tokenize(textSection)
      .map((t) => (t.kind === 'literal' ? t.text : t.text.replace(/@/g, value)))
      .join('');
  }

  if (format === 'General' || format === '@') return formatGeneral(value);
  const { section, signed } = pickNumberSection(sections, value);
  if (section === '') return '';
  const tokens = tokenize(section);
  try {
    if (isDateSection(tokens)) return formatDate(value, tokens);
    // Sections other than a lone first one carry their own sign as a literal.
    const text = formatNumberSection(Math.abs(value), tokens);
    return signed ? `-${text}` : text;
  } catch {
    return formatGeneral(value);
  }
}
