// Grade of a table's total score (财预〔2020〕10号): ≥ 90 优, ≥ 80 良, ≥ 60 中, else 差.

export type Grade = '优' | '良' | '中' | '差';

/**
 * Grade of `score` out of `outOf` points, on the percentage; boundaries are inclusive.
 * A table with no points (outOf ≤ 0 or not finite) grades 差: there is nothing earned to grade.
 */
export function gradeOf(score: number, outOf = 100): Grade {
  if (!Number.isFinite(score) || !Number.isFinite(outOf) || outOf <= 0) return '差';
  // Trim float noise so that 81 of 90 is exactly 90 %, not 89.99999999999999 %.
  const percent = Number(((score / outOf) * 100).toFixed(9));
  if (percent >= 90) return '优';
  if (percent >= 80) return '良';
  if (percent >= 60) return '中';
  return '差';
}
