// The 校验报告 sheet: what a reviewer hands back — the date, each table's score by 一级, and every
// finding with a link to its cell. The report document (document.ts) planned as plain rows;
// adapters write them.
import type { CellValue, Lang, LocalizedText, Report, Severity, SheetSnapshot } from '../types.js';
import { cellText } from '../sheet/text.js';
import { REPORT_WORDS, reportDocument, type ReportTable } from './document.js';
import type { CheckedWith } from './checkedWith.js';

export const REPORT_SHEET = '校验报告';
export const REPORT_TITLE: LocalizedText = { zh: REPORT_WORDS.zh.title, en: REPORT_WORDS.en.title };

/** How a cell should look; adapters may ignore it. */
export type ReportStyle = 'title' | 'heading' | 'header' | 'label' | 'total' | Severity | 'accepted';

export interface ReportCell {
  value: CellValue;
  /** Hyperlink to a cell of the workbook. */
  link?: { sheet: string; cell: string };
  style?: ReportStyle;
  numberFormat?: string;
}

export interface ReportSheetPlan {
  sheet: typeof REPORT_SHEET;
  /** The whole sheet from A1; replaces what an earlier run wrote there. */
  rows: ReportCell[][];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
}

/** True when the sheet named 校验报告 is one we wrote (its A1 is our title), so it may be replaced. */
export function isOurReportSheet(sheet: SheetSnapshot): boolean {
  if (sheet.name !== REPORT_SHEET) return false;
  if (sheet.values.length === 0) return true;
  if (sheet.startRow !== 0 || sheet.startColumn !== 0) return false;
  const a1 = cellText(sheet.values[0]?.[0] ?? null);
  return a1 === REPORT_TITLE.zh || a1 === REPORT_TITLE.en;
}

const NUMBER = '0.00';

function tableBlock(t: ReportTable, lang: Lang): ReportCell[][] {
  const w = REPORT_WORDS[lang];
  const rows: ReportCell[][] = [];
  const label = (s: string): ReportCell => ({ value: s, style: 'label' });
  const header = (...xs: string[]): ReportCell[] => xs.map((x) => ({ value: x, style: 'header' }));
  const num = (n: number | undefined, style?: ReportStyle): ReportCell => (n === undefined ? { value: null } : { value: n, numberFormat: NUMBER, ...(style ? { style } : {}) });
  rows.push([{ value: t.heading, style: 'heading' }]);
  for (const fact of t.facts) rows.push([label(fact.label), { value: fact.value, ...(fact.link ? { link: fact.link } : {}) }]);
  rows.push([]);

  rows.push(header(w.level1, w.weight, w.points, w.score));
  for (const s of t.scores) rows.push([{ value: s.name }, num(s.weight), num(s.points), num(s.score)]);
  rows.push([{ value: w.total, style: 'total' }, num(t.weightTotal, 'total'), num(t.points, 'total'), num(t.score, 'total')]);
  if (t.reserved > 0) rows.push([label(w.reserved), num(t.reserved)]);
  if (t.grade) rows.push([label(w.grade), { value: t.grade, style: 'total' }]);
  rows.push([]);

  if (t.findings.length) {
    rows.push(header(w.severity, w.topic, w.cells, w.message, w.acceptedColumn, w.dimension));
    for (const f of t.findings) {
      rows.push([
        { value: f.severityText, style: f.accepted ? 'accepted' : f.severity },
        { value: f.topicText },
        f.firstCell ? { value: f.cells, link: { sheet: f.sheet, cell: f.firstCell } } : { value: null },
        { value: f.message },
        { value: f.accepted ? f.acceptance : null },
        { value: f.dimensionText },
      ]);
    }
    rows.push([]);
  }
  return rows;
}

/** The whole 校验报告 sheet for a report. `date` is printed as given (the caller's clock, e.g. "2026-05-01"). */
export function planReportSheet(report: Report, options: { lang?: Lang; date: string; checkedWith?: CheckedWith }): ReportSheetPlan {
  const doc = reportDocument(report, options);
  const w = REPORT_WORDS[doc.lang];
  const rows: ReportCell[][] = [[{ value: doc.title, style: 'title' }], [{ value: w.date, style: 'label' }, { value: doc.date }]];
  for (const [label, text] of doc.checkedWith) rows.push([{ value: label, style: 'label' }, { value: text }]);
  if (doc.sheetsWithoutTable.length) rows.push([{ value: w.sheetsWithoutTable, style: 'label' }, { value: doc.sheetsWithoutTable.join(w.list) }]);
  rows.push([]);
  for (const t of doc.tables) rows.push(...tableBlock(t, doc.lang));
  return { sheet: REPORT_SHEET, rows, columnWidths: [22, 12, 18, 80, 30, 12] };
}
