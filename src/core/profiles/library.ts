// 相关性: an indicator library of 共性指标 per profile, and the matching of a table's 三级指标 to it —
// exact, then normalised, then fuzzy on characters (Chinese is matched by characters, not words).
import type { IndicatorRow, TableModel } from '../recognise/tableModel.js';
import type { LibraryIndicator } from '../types.js';
import { normaliseLabel, toHalfWidth } from '../sheet/text.js';

export type { LibraryIndicator };

export type LibraryMatch =
  | { kind: 'exact' | 'normalised'; entry: LibraryIndicator }
  | { kind: 'near'; entry: LibraryIndicator; similarity: number };

/**
 * A name reduced to what it says: half-width, no spaces, quotes or brackets, and the spellings
 * offices vary on made one (比率 → 率, 满意率 → 满意度, 完成情况 → 完成率 …).
 */
export function indicatorKey(name: string): string {
  return normaliseLabel(toHalfWidth(name))
    .replace(/["'“”‘’「」《》()[\]（）【】、，,.。:：;；\-—_]/g, '')
    .replace(/^指标\d+/, '')
    .replace(/比率$/, '率')
    .replace(/比例$/, '率')
    .replace(/满意率$/, '满意度')
    .replace(/(情况|水平)$/, '');
}

/** Dice's coefficient on character bigrams: 1 for the same string, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let both = 0;
  for (const [g, n] of ga) both += Math.min(n, gb.get(g) ?? 0);
  return (2 * both) / (a.length - 1 + (b.length - 1));
}

/** Least similarity for a near match: close enough that the standard name is what was meant. */
export const NEAR = 0.6;

export function matchIndicator(name: string, library: readonly LibraryIndicator[]): LibraryMatch | undefined {
  const exact = library.find((e) => e.name === name.trim());
  if (exact) return { kind: 'exact', entry: exact };
  const key = indicatorKey(name);
  if (key === '') return undefined;
  const normalised = library.find((e) => indicatorKey(e.name) === key);
  if (normalised) return { kind: 'normalised', entry: normalised };
  let best: LibraryMatch | undefined;
  for (const e of library) {
    const s = similarity(key, indicatorKey(e.name));
    if (s >= NEAR && (!best || best.kind !== 'near' || s > best.similarity)) best = { kind: 'near', entry: e, similarity: s };
  }
  return best;
}

/** A 二级 name compared as offices write it: 数量 = 数量指标, 服务对象满意度 = 服务对象满意度指标. */
export function level2Key(name: string): string {
  return normaliseLabel(name).replace(/指标$/, '');
}

export interface TableMatches {
  rows: Map<IndicatorRow, LibraryMatch>;
  /** 三级 with no library match: the table's own 个性指标. */
  individual: IndicatorRow[];
}

export function matchTable(table: TableModel, library: readonly LibraryIndicator[]): TableMatches {
  const rows = new Map<IndicatorRow, LibraryMatch>();
  const individual: IndicatorRow[] = [];
  for (const r of table.indicators) {
    const m = r.name === '' ? undefined : matchIndicator(r.name, library);
    if (m) rows.set(r, m);
    else individual.push(r);
  }
  return { rows, individual };
}

const matchesOf = new WeakMap<TableModel, TableMatches>();

/** A table's matches against a library, worked out once per table (several rules and the report ask). */
export function libraryMatches(table: TableModel, library: readonly LibraryIndicator[]): TableMatches {
  let m = matchesOf.get(table);
  if (!m) {
    m = matchTable(table, library);
    matchesOf.set(table, m);
  }
  return m;
}
