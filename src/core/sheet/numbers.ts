// The core's one rounding and its tolerances: points, scores, sums and every report's figures go
// through here, so no two places round 1.005 differently.

/** Amounts (万元) and points agree when they differ by at most half a cent. */
export const TOLERANCE = 0.005;
/** Float noise below any figure a table states (0.1 + 0.2 − 0.3). */
export const FLOAT_NOISE = 1e-9;

/** |a − b| within `tolerance` (default half a cent), float noise aside. */
export function withinTolerance(a: number, b: number, tolerance = TOLERANCE): boolean {
  return Math.abs(a - b) <= tolerance + FLOAT_NOISE;
}

/**
 * Rounded to 0.01 (points, scores and their sums), half away from zero as a person rounds on
 * paper, ignoring float noise: 1.005 → 1.01 and 2.905 → 2.91 (Math.round(1.005 * 100) gives 1.00).
 */
export function roundCents(n: number): number {
  if (!Number.isFinite(n)) return n;
  const cents = Number((Math.abs(n) * 100).toPrecision(12));
  const r = Math.round(cents) / 100;
  return n < 0 ? -r : r;
}

/** Two decimals, for points and scores. */
export function fixed2(n: number): string {
  return roundCents(n).toFixed(2);
}
