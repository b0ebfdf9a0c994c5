// 分值 and 得分 (DOMAIN.md §4): each 三级's share of the weight above it, rounded to 0.01 by
// largest remainder so each 一级's points sum exactly to its weight; then the stage's score.
import type { IndicatorRow, Level1Group, TableModel } from '../recognise/tableModel.js';
import { scoreQualitative, scoreQuantitative, withPublishedQualitative, type SelfEvalScore } from './selfEvaluation.js';
import { isLowerBetter } from '../recognise/direction.js';
import { roundCents } from '../sheet/text.js';

/**
 * Split `total` over `count` shares in hundredths. Shares are equal, so every remainder ties
 * and the earlier rows take the extra cent.
 */
export function splitEqually(total: number, count: number): number[] {
  if (count <= 0) return [];
  const cents = Math.max(0, Math.round(total * 100));
  const base = Math.floor(cents / count);
  let extra = cents - base * count;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = base + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    out.push(c / 100);
  }
  return out;
}

export function allocatePoints(table: TableModel, level1Weight: Map<Level1Group, number | undefined>): Map<IndicatorRow, number> {
  const points = new Map<IndicatorRow, number>();
  const ownColumn = table.columns.points !== undefined;
  const level2Weights = table.columns.l2weight !== undefined;
  for (const g of table.level1) {
    if (ownColumn) {
      for (const r of g.indicators) points.set(r, Math.max(0, roundCents(r.ownWeight ?? 0)));
      continue;
    }
    if (level2Weights && g.level2.length > 0 && g.level2.every((s) => s.weight !== undefined || s.indicators.length === 0)) {
      const loose = g.indicators.filter((r) => !g.level2.some((s) => s.indicators.includes(r)));
      for (const r of loose) points.set(r, 0);
      for (const s of g.level2) {
        const shares = splitEqually(s.weight ?? 0, s.indicators.length);
        s.indicators.forEach((r, i) => points.set(r, shares[i]));
      }
      continue;
    }
    const shares = splitEqually(level1Weight.get(g) ?? 0, g.indicators.length);
    g.indicators.forEach((r, i) => points.set(r, shares[i]));
  }
  return points;
}

/** Year-end: score each row's 实际完成值 against its target. */
export function evaluateActuals(table: TableModel, points: Map<IndicatorRow, number>): Map<IndicatorRow, SelfEvalScore> {
  const out = new Map<IndicatorRow, SelfEvalScore>();
  for (const r of table.indicators) {
    const w = points.get(r) ?? 0;
    const actual = r.actual ?? { raw: '', kind: 'empty' as const, unit: '' };
    if (r.type === '定性') {
      const ours = scoreQualitative({ points: w, actualText: r.actualText ?? '', targetText: r.valueText });
      out.set(r, r.published === undefined ? ours : withPublishedQualitative(ours, w, r.published));
    } else {
      // 指标性质 正向/反向 wins over what the name suggests.
      const lowerIsBetter = r.direction ? r.direction === 'lower' : isLowerBetter(r.name) || undefined;
      out.set(r, scoreQuantitative({ points: w, target: r.value, actual, name: r.name, unit: r.unit, lowerIsBetter }));
    }
  }
  return out;
}
