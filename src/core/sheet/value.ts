// The 指标值 parser: [comparator] number [unit], in every way offices write it.
import type { CellValue, Comparator, ParsedValue } from '../types.js';
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

// Deadlines ("24小时内", "12月底前") are ≤ a time.
const SUFFIX_WORDS: [string, Comparator][] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
  ['之前', '<='],
  ['以前', '<='],
  ['内', '<='],
  ['前', '<='],
];

/** 每月, 每季度 … as the unit's period: "每季度1次" → 1 次/季度. */
const PERIOD = /^每(?:个)?(日|天|工作日|周|月|季度|季|半年|年|学期)/;

/** Full dates: "2023年12月31日前", "2023-12-31", "2023.12.31" (a trailing 前/之前 makes it a deadline). */
const DATE = /^(\d{4})[年./-](\d{1,2})(?:[月./-](\d{1,2})日?|月(?:底|末)?)?(前|之前|以前|底前)?$/;

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
  // "月底" of "12月底前" is the month; "个工作日" is 工作日.
  const u = toHalfWidth(unit).replace(/\s+/g, '').replace(/^个(?=[^个])/, '').replace(/^(月|年|季度|周)(底|末)$/, '$1');
  if (u === '-' || u === '/' || u === '—' || u === '--' || u === '无') return '';
  if (u === '百分比' || u === '百分率') return '%';
  return u;
}

/** True when the format shows numbers as dates (yyyy/m/d, m月d日). */
export function isDateFormat(numberFormat: string | undefined): boolean {
  if (!numberFormat) return false;
  const f = numberFormat.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[ymd]/i.test(f) && !/^general$/i.test(f);
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** An Excel date serial as ISO yyyy-mm-dd (1900 system). */
export function serialDate(serial: number): string {
  return new Date(EPOCH_1900 + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** True when a number is plausibly a date serial of this century's budgets (1990–2060). */
export function looksLikeDateSerial(n: number): boolean {
  return Number.isInteger(n) && n >= 32874 && n <= 58440;
}

/** A day without its year: "12月31日前". */
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})日(前|之前|以前)?$/;

function dateValue(raw: string, iso: string, comparator?: Comparator): ParsedValue {
  return { raw, kind: 'number', number: Number(iso.replace(/-/g, '')), unit: '日期', date: iso, comparator };
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
    if (isDateFormat(numberFormat) && looksLikeDateSerial(raw)) return dateValue(serialDate(raw), serialDate(raw), extra);
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
  let half = toHalfWidth(text).replace(/\s+/g, '');
  const period = PERIOD.exec(half);
  if (period) half = half.slice(period[0].length);
  const { comparator: lead, rest } = readComparator(half);
  const d = period ? null : DATE.exec(rest);
  if (d) {
    const [y, mo, day] = [Number(d[1]), Number(d[2]), d[3] === undefined ? undefined : Number(d[3])];
    // "1000.5" or "2023.5" is a number: a date needs a plausible year and, without 年, its day.
    const plausible = y >= 1990 && y <= 2100 && (rest.includes('年') || day !== undefined);
    if (plausible && mo >= 1 && mo <= 12 && (day === undefined || (day >= 1 && day <= 31))) {
      // "2023年12月前" / "2023年12月底前": the month's last day.
      const last = day ?? new Date(Date.UTC(y, mo, 0)).getUTCDate();
      const iso = `${y}-${String(mo).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
      return dateValue(text, iso, lead ?? (d[4] ? '<=' : extra));
    }
  }
  const md = period ? null : MONTH_DAY.exec(rest);
  if (md && Number(md[1]) >= 1 && Number(md[1]) <= 12 && Number(md[2]) >= 1 && Number(md[2]) <= 31) {
    return dateValue(text, `--${md[1].padStart(2, '0')}-${md[2].padStart(2, '0')}`, lead ?? (md[3] ? '<=' : extra));
  }
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
  let unit = normaliseUnit(tail);
  // Anything longer or holding more figures is prose ("3项左右完成2项"), not a value.
  if (unit.length > UNIT_MAX || /\d/.test(unit)) return { raw: text, kind: 'text', unit: '' };
  if (period) unit = `${unit}/${period[1] === '季' ? '季度' : period[1]}`;
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
