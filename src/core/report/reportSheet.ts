// The 校验报告 sheet: what a reviewer hands back — the date, each table's score by 一级, and every
// finding with a link to its cell. Planned here as plain rows; adapters write them.
import type { CellValue, Finding, Lang, LocalizedText, Report, Severity, SheetSnapshot, TableReport } from '../types.js';
import { cellText, roundCents } from '../sheet/text.js';
import { SEVERITY_NAMES, TOPIC_NAMES } from './labels.js';
import type { CheckedWith } from './checkedWith.js';

export const REPORT_SHEET = '校验报告';
export const REPORT_TITLE: LocalizedText = { zh: '整体支出绩效目标表校验报告', en: 'Performance target table check report' };

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

export interface Level1Score {
  name: string;
  weight?: number;
  /** Σ分值 of its 三级. */
  points: number;
  /** Σ得分 of its 三级. */
  score: number;
}

/** Words of the report (sheet and HTML), in both languages. */
export const REPORT_WORDS = {
  zh: {
    title: REPORT_TITLE.zh,
    date: '校验日期',
    sheetsWithoutTable: '未找到绩效目标表的工作表',
    unitName: '单位（部门）名称',
    where: '位置',
    stage: '阶段',
    stages: { target: '目标设定', 'self-evaluation': '年度自评' },
    findings: '问题',
    level1: '一级指标',
    weight: '权重',
    points: '分值',
    score: '得分',
    total: '合计',
    reserved: '表外预留分值',
    grade: '等级',
    severity: '级别',
    topic: '主题',
    cells: '单元格',
    message: '说明',
    acceptedColumn: '忽略原因',
    acceptedTag: '已忽略',
    acceptedList: '已忽略的问题',
    noFindings: '未发现问题',
    noReason: '（未写原因）',
    severities: SEVERITY_NAMES.zh,
    topics: TOPIC_NAMES.zh,
    summary: (e: number, w: number, i: number, a: number) => `${e} 个错误，${w} 个警告，${i} 个提示${a ? `；已忽略 ${a} 项` : ''}`,
  },
  en: {
    title: REPORT_TITLE.en,
    date: 'Checked on',
    sheetsWithoutTable: 'Sheets without a table',
    unitName: 'Unit (department)',
    where: 'Location',
    stage: 'Stage',
    stages: { target: 'target setting', 'self-evaluation': 'year-end self-evaluation' },
    findings: 'Findings',
    level1: 'First level',
    weight: 'Weight',
    points: 'Points',
    score: 'Score',
    total: 'Total',
    reserved: 'Reserved outside the table',
    grade: 'Grade',
    severity: 'Severity',
    topic: 'Topic',
    cells: 'Cells',
    message: 'Message',
    acceptedColumn: 'Accepted because',
    acceptedTag: 'accepted',
    acceptedList: 'Accepted findings',
    noFindings: 'No problems found',
    noReason: '(no reason given)',
    severities: SEVERITY_NAMES.en,
    topics: TOPIC_NAMES.en,
    summary: (e: number, w: number, i: number, a: number) => `${e} errors, ${w} warnings, ${i} info${a ? `; ${a} accepted` : ''}`,
  },
};


/** Σ分值 and Σ得分 under each 一级 (by its rows), with the weight it counted with. */
export function level1Scores(table: TableReport): Level1Score[] {
  return table.level1.map((g) => {
    const rows = table.indicators.filter((i) => i.row >= g.rows[0] && i.row <= g.rows[1]);
    return {
      name: g.name,
      ...(g.weight !== undefined ? { weight: g.weight } : {}),
      points: roundCents(rows.reduce((a, i) => a + i.points, 0)),
      score: roundCents(rows.reduce((a, i) => a + i.score, 0)),
    };
  });
}

/** Counts of open findings by severity, and of accepted ones. */
export function findingCounts(findings: Finding[]): Record<Severity, number> & { accepted: number } {
  const n = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of findings) {
    if (f.accepted) n.accepted++;
    else n[f.severity]++;
  }
  return n;
}

/** Who, when and why, as one line ("口径待定（张三，2026-05-01）"). */
export function acceptedText(f: Finding, lang: Lang): string {
  if (!f.accepted) return '';
  const w = REPORT_WORDS[lang];
  const who = [f.accepted.by, f.accepted.date].filter((x): x is string => !!x).join(lang === 'zh' ? '，' : ', ');
  const reason = f.accepted.reason || w.noReason;
  return who ? (lang === 'zh' ? `${reason}（${who}）` : `${reason} (${who})`) : reason;
}

/** Open findings first (in report order), accepted ones after them. */
export function orderedFindings(findings: Finding[]): Finding[] {
  return [...findings.filter((f) => !f.accepted), ...findings.filter((f) => f.accepted)];
}

/** The first cell a finding names ("B12" of "B12:B22"), for its link. */
export function firstCell(f: Finding): string | undefined {
  const first = f.cells[0];
  return first ? first.split(':')[0].replace(/\$/g, '') : undefined;
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

function tableBlock(t: TableReport, lang: Lang): ReportCell[][] {
  const w = REPORT_WORDS[lang];
  const rows: ReportCell[][] = [];
  const label = (s: string): ReportCell => ({ value: s, style: 'label' });
  const header = (...xs: string[]): ReportCell[] => xs.map((x) => ({ value: x, style: 'header' }));
  const num = (n: number | undefined, style?: ReportStyle): ReportCell => (n === undefined ? { value: null } : { value: n, numberFormat: NUMBER, ...(style ? { style } : {}) });
  const count = findingCounts(t.findings);
  const anchor = t.range.split(':')[0];
  rows.push([{ value: t.unitName ? `${t.unitName} · ${t.sheet}` : t.sheet, style: 'heading' }]);
  if (t.unitName) rows.push([label(w.unitName), { value: t.unitName }]);
  rows.push([label(w.where), { value: `${t.sheet}!${t.range}`, link: { sheet: t.sheet, cell: anchor } }]);
  rows.push([label(w.stage), { value: w.stages[t.stage] }]);
  rows.push([label(w.findings), { value: t.findings.length ? w.summary(count.error, count.warning, count.info, count.accepted) : w.noFindings }]);
  rows.push([]);

  rows.push(header(w.level1, w.weight, w.points, w.score));
  const scores = level1Scores(t);
  for (const s of scores) rows.push([{ value: s.name }, num(s.weight), num(s.points), num(s.score)]);
  const weights = scores.every((s) => s.weight !== undefined) ? roundCents(scores.reduce((a, s) => a + (s.weight ?? 0), 0)) : undefined;
  rows.push([{ value: w.total, style: 'total' }, num(weights, 'total'), num(t.totals.points, 'total'), num(t.totals.score, 'total')]);
  if (t.totals.reserved > 0) rows.push([label(w.reserved), num(t.totals.reserved)]);
  if (t.totals.grade) rows.push([label(w.grade), { value: t.totals.grade, style: 'total' }]);
  rows.push([]);

  if (t.findings.length) {
    rows.push(header(w.severity, w.topic, w.cells, w.message, w.acceptedColumn));
    for (const f of orderedFindings(t.findings)) {
      const cell = firstCell(f);
      const style: ReportStyle = f.accepted ? 'accepted' : f.severity;
      rows.push([
        { value: f.accepted ? `${w.severities[f.severity]}（${w.acceptedTag}）` : w.severities[f.severity], style },
        { value: w.topics[f.topic] },
        cell ? { value: f.cells.join(', '), link: { sheet: t.sheet, cell } } : { value: null },
        { value: lang === 'zh' ? f.message.zh : f.message.en },
        { value: f.accepted ? acceptedText(f, lang) : null },
      ]);
    }
    rows.push([]);
  }
  return rows;
}

/** The whole 校验报告 sheet for a report. `date` is printed as given (the caller's clock, e.g. "2026-05-01"). */
export function planReportSheet(report: Report, options: { lang?: Lang; date: string; checkedWith?: CheckedWith }): ReportSheetPlan {
  const lang = options.lang ?? 'zh';
  const w = REPORT_WORDS[lang];
  const rows: ReportCell[][] = [[{ value: w.title, style: 'title' }], [{ value: w.date, style: 'label' }, { value: options.date }]];
  for (const [label, text] of options.checkedWith?.[lang] ?? []) rows.push([{ value: label, style: 'label' }, { value: text }]);
  if (report.sheetsWithoutTable.length) rows.push([{ value: w.sheetsWithoutTable, style: 'label' }, { value: report.sheetsWithoutTable.join(lang === 'zh' ? '、' : ', ') }]);
  rows.push([]);
  for (const t of report.tables) rows.push(...tableBlock(t, lang));
  return { sheet: REPORT_SHEET, rows, columnWidths: [22, 12, 18, 80, 30] };
}
