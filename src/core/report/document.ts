// The 校验报告 as one neutral document: what it says, in order, with no layout. The sheet writer
// (planReportSheet) and the CLI's HTML renderer both render this, so the two cannot drift apart.
import type { CellValue, Dimension, Finding, Lang, Report, Severity, TableReport, Topic } from '../types.js';
import { roundCents } from '../sheet/text.js';
import { DIMENSION_NAMES, SEVERITY_NAMES, STAGE_NAMES, TOPIC_NAMES } from './labels.js';
import type { CheckedWith } from './checkedWith.js';

/** A label and its value; `link` points into the workbook. */
export interface ReportFact {
  label: string;
  value: CellValue;
  link?: { sheet: string; cell: string };
}

export interface Level1Score {
  name: string;
  weight?: number;
  /** Σ分值 of its 三级. */
  points: number;
  /** Σ得分 of its 三级. */
  score: number;
}

export interface ReportFinding {
  severity: Severity;
  /** "错误". */
  severityName: string;
  /** As the sheet prints it: "错误", or "错误（已忽略）" for an accepted one. */
  severityText: string;
  topic: Topic;
  topicText: string;
  dimension: Dimension;
  dimensionText: string;
  sheet: string;
  /** "B12, B23", or '' for a finding on the whole sheet. */
  cells: string;
  /** The first cell, for a link. */
  firstCell?: string;
  message: string;
  /** Who accepted it, when and why; '' when it is open. */
  acceptance: string;
  accepted: boolean;
}

export interface ReportTable {
  heading: string;
  facts: ReportFact[];
  scores: Level1Score[];
  /** Σ权重 when every 一级 states one. */
  weightTotal?: number;
  points: number;
  score: number;
  reserved: number;
  grade?: string;
  /** Open findings first (in report order), accepted ones after them. */
  findings: ReportFinding[];
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  date: string;
  /** What the check ran with (模板, 预留分值, rules changed), as label and text. */
  checkedWith: [string, string][];
  sheetsWithoutTable: string[];
  tables: ReportTable[];
}

/** Words of the report (sheet and HTML), in both languages. */
export const REPORT_WORDS = {
  zh: {
    title: '整体支出绩效目标表校验报告',
    date: '校验日期',
    sheetsWithoutTable: '未找到绩效目标表的工作表',
    unitName: '单位（部门）名称',
    where: '位置',
    stage: '阶段',
    stages: STAGE_NAMES.zh,
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
    dimension: '审核维度',
    cells: '单元格',
    message: '说明',
    acceptedColumn: '忽略原因',
    acceptedTag: '已忽略',
    acceptedList: '已忽略的问题',
    noFindings: '未发现问题',
    noReason: '（未写原因）',
    severities: SEVERITY_NAMES.zh,
    topics: TOPIC_NAMES.zh,
    dimensions: DIMENSION_NAMES.zh,
    list: '、',
    summary: (e: number, w: number, i: number, a: number) => `${e} 个错误，${w} 个警告，${i} 个提示${a ? `；已忽略 ${a} 项` : ''}`,
  },
  en: {
    title: 'Performance target table check report',
    date: 'Checked on',
    sheetsWithoutTable: 'Sheets without a table',
    unitName: 'Unit (department)',
    where: 'Location',
    stage: 'Stage',
    stages: STAGE_NAMES.en,
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
    dimension: 'Review dimension',
    cells: 'Cells',
    message: 'Message',
    acceptedColumn: 'Accepted because',
    acceptedTag: 'accepted',
    acceptedList: 'Accepted findings',
    noFindings: 'No problems found',
    noReason: '(no reason given)',
    severities: SEVERITY_NAMES.en,
    topics: TOPIC_NAMES.en,
    dimensions: DIMENSION_NAMES.en,
    list: ', ',
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

function tableOf(t: TableReport, lang: Lang): ReportTable {
  const w = REPORT_WORDS[lang];
  const count = findingCounts(t.findings);
  const facts: ReportFact[] = [];
  if (t.unitName) facts.push({ label: w.unitName, value: t.unitName });
  facts.push({ label: w.where, value: `${t.sheet}!${t.range}`, link: { sheet: t.sheet, cell: t.range.split(':')[0] } });
  facts.push({ label: w.stage, value: w.stages[t.stage] });
  facts.push({ label: w.findings, value: t.findings.length ? w.summary(count.error, count.warning, count.info, count.accepted) : w.noFindings });
  const scores = level1Scores(t);
  const weightTotal = scores.every((s) => s.weight !== undefined) ? roundCents(scores.reduce((a, s) => a + (s.weight ?? 0), 0)) : undefined;
  const findings = orderedFindings(t.findings).map((f): ReportFinding => {
    const cell = firstCell(f);
    return {
      severity: f.severity,
      severityName: w.severities[f.severity],
      severityText: f.accepted ? `${w.severities[f.severity]}${lang === 'zh' ? `（${w.acceptedTag}）` : ` (${w.acceptedTag})`}` : w.severities[f.severity],
      topic: f.topic,
      topicText: w.topics[f.topic],
      dimension: f.dimension,
      dimensionText: w.dimensions[f.dimension],
      sheet: t.sheet,
      cells: f.cells.join(', '),
      ...(cell ? { firstCell: cell } : {}),
      message: lang === 'zh' ? f.message.zh : f.message.en,
      acceptance: acceptedText(f, lang),
      accepted: f.accepted !== undefined,
    };
  });
  return {
    heading: t.unitName ? `${t.unitName} · ${t.sheet}` : t.sheet,
    facts,
    scores,
    ...(weightTotal !== undefined ? { weightTotal } : {}),
    points: t.totals.points,
    score: t.totals.score,
    reserved: t.totals.reserved,
    ...(t.totals.grade ? { grade: t.totals.grade } : {}),
    findings,
  };
}

/** The 校验报告 of one report. `date` is printed as given (the caller's clock, e.g. "2026-05-01"). */
export function reportDocument(report: Report, options: { lang?: Lang; date: string; checkedWith?: CheckedWith }): ReportDocument {
  const lang = options.lang ?? 'zh';
  return {
    lang,
    title: REPORT_WORDS[lang].title,
    date: options.date,
    checkedWith: options.checkedWith?.[lang] ?? [],
    sheetsWithoutTable: report.sheetsWithoutTable,
    tables: report.tables.map((t) => tableOf(t, lang)),
  };
}
