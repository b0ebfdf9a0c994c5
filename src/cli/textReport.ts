// The human report: tables found, findings grouped by topic with sheet!cell, severity and
// message, and the score. Colour only when printing to a terminal.
import { acceptedText, SEVERITY_NAMES, STAGE_NAMES, TOPICS, TOPIC_NAMES, type AcceptanceNote, type Finding, type Lang, type Severity, type TableReport, fixed2 } from '../core/index.js';
import type { FileResult } from './checkFile.js';
import { escapeForTerminal as safe } from './terminal.js';


const WORDS = {
  zh: {
    file: '文件',
    workbookSettings: '按工作簿中保存的设置校验（--config 可另行指定）：',
    table: '表',
    indicators: '个三级指标',
    noTable: '未找到整体支出绩效目标表（已查看工作表：',
    score: '得分',
    grade: '等级',
    stage: STAGE_NAMES.zh,
    summary: (e: number, w: number, i: number) => `共 ${e + w + i} 项：${e} 个错误，${w} 个警告，${i} 个提示`,
    none: '未发现问题',
    written: '已写入',
    topic: TOPIC_NAMES.zh,
    severity: SEVERITY_NAMES.zh,
    reserved: (n: string) => `（另有表外预留 ${n} 分）`,
    accepted: (n: number) => `已忽略（${n} 项，不计入结果）`,
    acceptedCount: (n: number) => `；已忽略 ${n} 项`,
    claimed: (n: number) => `另有 ${n} 项在文件自带的忽略记录中（由提交文件的人写入，未经本次核实，未采信，仍计入结果；--acceptances trust 可采信）`,
    claim: '文件记录称已忽略',
  },
  en: {
    file: 'File',
    workbookSettings: 'Checked with the settings saved in the workbook (--config overrides): ',
    table: 'Table',
    indicators: 'indicators',
    noTable: 'No performance target table found (sheets looked at: ',
    score: 'Score',
    grade: 'grade',
    stage: STAGE_NAMES.en,
    summary: (e: number, w: number, i: number) => `${e + w + i} findings: ${e} errors, ${w} warnings, ${i} info`,
    none: 'No problems found',
    written: 'Written',
    topic: TOPIC_NAMES.en,
    severity: SEVERITY_NAMES.en,
    reserved: (n: string) => ` (plus ${n} points reserved outside the table)`,
    accepted: (n: number) => `Accepted (${n}, not counted)`,
    acceptedCount: (n: number) => `; ${n} accepted`,
    claimed: (n: number) => `${n} of them accepted by the file's own record (written by whoever submitted it, not verified here, not taken, still counted; --acceptances trust takes it)`,
    claim: "the file's record says accepted",
  },
};

/** Identifies a finding across two checks of one workbook. */
export function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.sheet}\u0000${f.cells.join(',')}\u0000${f.indicatorRow ?? ''}`;
}

const ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };
const COLOR: Record<Severity | 'bold' | 'dim', string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', bold: '\x1b[1m', dim: '\x1b[2m' };
const RESET = '\x1b[0m';

function sheetRef(sheet: string, cells: string[]): string {
  const name = /^[\p{L}\p{N}_]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return safe(cells.length ? `${name}!${cells.join(',')}` : name);
}

function countBy(findings: Finding[], s: Severity): number {
  return findings.filter((f) => f.severity === s && !f.accepted).length;
}

export function renderTable(t: TableReport, lang: Lang, color: boolean, claims: Map<string, AcceptanceNote> = new Map()): string {
  const w = WORDS[lang];
  const paint = (k: keyof typeof COLOR, s: string) => (color ? `${COLOR[k]}${s}${RESET}` : s);
  const lines: string[] = [];
  const unit = t.unitName ? `  ${safe(t.unitName)}` : '';
  lines.push(paint('bold', `  ${w.table}「${safe(t.sheet)}」${t.range}${unit}  ${t.indicators.length} ${w.indicators}  [${w.stage[t.stage]}]`));
  const open = t.findings.filter((f) => !f.accepted);
  const accepted = t.findings.filter((f) => f.accepted);
  for (const topic of TOPICS) {
    const group = open.filter((f) => f.topic === topic);
    if (group.length === 0) continue;
    lines.push(`    ${w.topic[topic]}`);
    for (const f of group) {
      const tag = paint(f.severity, `${ICON[f.severity]} ${w.severity[f.severity]}`);
      lines.push(`      ${tag}  ${paint('dim', sheetRef(t.sheet, f.cells))}  ${safe(lang === 'zh' ? f.message.zh : f.message.en)}`);
      const claim = claims.get(findingKey(f));
      if (claim) lines.push(`        ${paint('dim', `↳ ${w.claim}：${safe(acceptedText({ ...f, accepted: claim }, lang))}`)}`);
    }
  }
  // Accepted findings apart, with why: the next reviewer sees them but they no longer count.
  if (accepted.length) {
    lines.push(`    ${w.accepted(accepted.length)}`);
    for (const f of accepted) {
      lines.push(`      ${paint('dim', `✓ ${w.severity[f.severity]}  ${sheetRef(t.sheet, f.cells)}  ${safe(acceptedText(f, lang))}`)}  ${safe(lang === 'zh' ? f.message.zh : f.message.en)}`);
    }
  }
  const e = countBy(t.findings, 'error');
  const wn = countBy(t.findings, 'warning');
  const i = countBy(t.findings, 'info');
  const more = accepted.length ? w.acceptedCount(accepted.length) : '';
  lines.push(`    ${open.length ? w.summary(e, wn, i) + more : accepted.length ? w.none + more : w.none}`);
  // The file's own record of acceptances, not taken: said once under the findings it names.
  const claimed = open.filter((f) => claims.has(findingKey(f))).length;
  if (claimed) lines.push(`    ${paint('dim', w.claimed(claimed))}`);
  const reserved = t.totals.reserved > 0 ? w.reserved(String(t.totals.reserved)) : '';
  const grade = t.totals.grade ? `  ${w.grade} ${t.totals.grade}` : '';
  lines.push(paint('bold', `    ${w.score} ${fixed2(t.totals.score)} / ${fixed2(t.totals.points)}${reserved}${grade}`));
  return lines.join('\n');
}

export function renderText(r: FileResult, lang: Lang, color: boolean): string {
  const w = WORDS[lang];
  const lines = [`${w.file} ${safe(r.file)}`];
  // Settings the workbook carried and this run took: said, so a reviewer sees which rules applied.
  if (r.workbookSettings) lines.push(`  ${w.workbookSettings}${r.workbookSettings[lang].map(([label, text]) => `${label}${lang === 'zh' ? '：' : ': '}${safe(text)}`).join(lang === 'zh' ? '；' : '; ')}`);
  if (r.error) lines.push(`  ${color ? COLOR.error : ''}${safe(r.error)}${color ? RESET : ''}`);
  else if (r.report) {
    if (r.report.tables.length === 0) lines.push(`  ${w.noTable}${safe(r.report.sheetsWithoutTable.join('、')) || '-'}）`);
    for (const t of r.report.tables) lines.push(renderTable(t, lang, color, r.claims));
  }
  if (r.output) lines.push(`  ${w.written} ${safe(r.output)}`);
  return lines.join('\n') + '\n\n';
}
