// The 指标值 parser: [comparator] number [unit], in every way offices write it.
import type { CellValue, Comparator, ParsedValue } from './types.js';
import { cellText, toHalfWidth } from './text.js';

// Word comparators, longest first so that 不低于 wins over 低于.
const PREFIX_WORDS: [string, Comparator][] = [
  ['大于或等于', '>='],
  ['大于等于', '>='],
  ['小于或等于', '<='],
  ['小于等于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['至少', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['至多', '<='],
  ['最多', '<='],
  ['高于', '>'],
  ['大于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['低于', '<'],
  ['小于', '<'],
  ['少于', '<'],
  ['等于', '='],
  ['达到', '>='],
  ['达', '>='],
];

const SUFFIX_WORDS: [string, Comparator][] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
];

const SIGNS: [string, Comparator][] = [
  ['>=', '>='],
  ['=>', '>='],
  ['≥', '>='],
  ['<=', '<='],
  ['=<', '<='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)/;
const UNIT_MAX = 8;

/** Read a comparator written as a sign or word at the start of s; returns it and the rest. */
export function readComparator(s: string): { comparator?: Comparator; rest: string } {
  const t = s.trim();
  for (const [sign, comparator] of SIGNS) {
    if (t.startsWith(sign)) return { comparator, rest: t.slice(sign.length).trim() };
  }
  for (const [word, comparator] of PREFIX_WORDS) {
    if (t.startsWith(word)) return { comparator, rest: t.slice(word.length).trim() };
  }
  return { rest: t };
}

export function normaliseUnit(unit: string): string {
  const u = toHalfWidth(unit).replace(/\s+/g, '').replace(/^个(?=[^个])/, '');
  if (u === '-' || u === '/' || u === '—' || u === '--' || u === '无') return '';
  if (u === '百分比' || u === '百分率') return '%';
  return u;
}

/** True when the format shows numbers as percentages (0.95 → "95%"). */
export function isPercentFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  // Ignore quoted literals and escaped characters before looking for '%'.
  return /%/.test(numberFormat.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/**
 * Parse a target or actual value. Never throws.
 * "≥95%" → {comparator '>=', number 95, unit '%'}; 0.95 with format "0%" → {number 95, unit '%'}.
 */
export function parseValue(raw: CellValue | undefined, numberFormat?: string, comparatorCell?: CellValue): ParsedValue {
  const extra = comparatorCell === undefined ? undefined : readComparator(toHalfWidth(cellText(comparatorCell))).comparator;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { raw: String(raw), kind: 'text', unit: '' };
    if (isPercentFormat(numberFormat)) {
      const number = Number((raw * 100).toPrecision(12));
      if (!Number.isFinite(number)) return { raw: String(raw), kind: 'text', unit: '' };
      return { raw: `${number}%`, kind: 'number', number, unit: '%', comparator: extra };
    }
    return { raw: cellText(raw), kind: 'number', number: raw, unit: '', comparator: extra };
  }
  const text = cellText(raw ?? null);
  if (text === '') return { raw: '', kind: 'empty', unit: '' };
  if (typeof raw === 'boolean') return { raw: text, kind: 'text', unit: '' };
  const half = toHalfWidth(text).replace(/\s+/g, '');
  const { comparator: lead, rest } = readComparator(half);
  const m = NUMBER.exec(rest);
  if (!m) return { raw: text, kind: 'text', unit: '' };
  const number = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(number)) return { raw: text, kind: 'text', unit: '' };
  let tail = rest.slice(m[1].length);
  let comparator = lead;
  for (const [word, c] of SUFFIX_WORDS) {
    const at = tail.indexOf(word);
    if (at >= 0 && tail.slice(at + word.length).length <= 1) {
      comparator = comparator ?? c;
      tail = tail.slice(0, at) + tail.slice(at + word.length);
      break;
    }
  }
  const unit = normaliseUnit(tail);
  // Anything longer or holding more figures is prose ("3项左右完成2项"), not a value.
  if (unit.length > UNIT_MAX || /\d/.test(unit)) return { raw: text, kind: 'text', unit: '' };
  return { raw: text, kind: 'number', number, unit, comparator: comparator ?? extra };
}

/** "≥", "≤", … as offices print them. */
export function comparatorSign(c: Comparator | undefined): string {
  switch (c) {
    case '>=':
      return '≥';
    case '<=':
      return '≤';
    case undefined:
      return '';
    default:
      return c;
  }
}
