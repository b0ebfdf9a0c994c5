// Text normalisation: templates differ in full-width characters, spaces, line breaks and
// required-field stars, so every comparison of labels goes through these.
import type { CellValue } from '../types.js';

/** Full-width → half-width (NFKC), plus the comparator signs NFKC leaves alone. */
// Only characters outside Latin/CJK ideographs can change under NFKC; most cells have none,
// and NFKC was the core's hottest call on large tables.
const MAY_CHANGE = /[^\u0020-\u1fff\u4e00-\u9fff]/;

/** Zero-width and other invisible characters that a copy from a web page or PDF leaves in cells. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const HAS_INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

export function stripInvisible(s: string): string {
  // Testing first is cheaper than a replace on the many cells that have none.
  return HAS_INVISIBLE.test(s) ? s.replace(INVISIBLE, '') : s;
}

export function toHalfWidth(s: string): string {
  if (!MAY_CHANGE.test(s)) return s;
  return stripInvisible(s)
    .normalize('NFKC')
    .replace(/[≧]/g, '≥')
    .replace(/[≦]/g, '≤')
    .replace(/[“”〝〞]/g, '"')
    .replace(/[‘’]/g, "'");
}

/** A header or row label reduced to what it says: no spaces, breaks, stars, bracket styles. */
const labelCache = new Map<string, string>();

export function normaliseLabel(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  const key = String(value);
  let hit = labelCache.get(key);
  if (hit === undefined) {
    hit = normaliseUncached(key);
    if (labelCache.size > 20000) labelCache.clear();
    labelCache.set(key, hit);
  }
  return hit;
}

function normaliseUncached(value: string): string {
  return toHalfWidth(value)
    .replace(/\s+/g, '')
    .replace(/^[*※]+/, '')
    .replace(/[:：]$/, '');
}

/** Cell text as a person reads it (numbers rendered plainly), trimmed. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return stripInvisible(value).trim();
}

/** 142.82000000000002 → "142.82": up to 10 significant decimals, no float noise. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(12)));
}

export { roundCents, fixed2 } from './numbers.js';

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
