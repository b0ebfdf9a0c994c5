// Counting and wording shared by the summary, the findings list and the live announcement.
import type { Finding, Severity, TableReport } from '../core/index.js';
import type { UiStrings } from './i18n.js';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityCounts = Record<Severity, number> & { accepted: number };

/** Open findings by severity; accepted ones are counted apart and no longer count. */
export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const n = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of findings) {
    if (f.accepted) n.accepted += 1;
    else n[f.severity] += 1;
  }
  return n;
}

const fmt = (n: number) => n.toFixed(2);
/** Points as a reviewer writes them: 10, 7.5 (not 10.00). */
const points = (n: number) => String(Number(n.toFixed(2)));

/** "得分 87.00 / 90.00（表外 10 分未计入）": Σ得分 / Σ分值, the points outside the table apart. */
export function scoreLine(t: TableReport, s: UiStrings): string {
  return s.score(fmt(t.totals.score), fmt(t.totals.points), t.totals.reserved > 0 ? points(t.totals.reserved) : undefined);
}

export function tableTitle(t: TableReport, s: UiStrings): string {
  return `${t.sheet} · ${t.unitName.trim() || s.unitUnknown}`;
}
