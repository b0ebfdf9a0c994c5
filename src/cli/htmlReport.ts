// The HTML 校验报告: one self-contained, printable page for every file checked — inline CSS, no
// scripts, no external resources, every text escaped. It renders the same report document
// (core/report/document.ts) as the 校验报告 sheet.
import path from 'node:path';
import { REPORT_WORDS, reportDocument, type CheckedWith, type Lang, type ReportFinding, type ReportTable, fixed2 } from '../core/index.js';
import type { FileResult } from './checkFile.js';
import { stageName, summaryRows, SUMMARY_WORDS } from './batch.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const MORE = {
  zh: { file: '文件', files: (n: number) => `${n} 个文件`, noTable: '未找到整体支出绩效目标表（已查看工作表：', unreadable: '无法读取' },
  en: { file: 'File', files: (n: number) => `${n} file${n === 1 ? '' : 's'}`, noTable: 'No performance target table found (sheets looked at: ', unreadable: 'Cannot be read' },
};

const CSS = `
*{box-sizing:border-box}
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC",SimSun,sans-serif;color:#1b1b1b;margin:24px auto;max-width:1100px;padding:0 16px;font-size:14px;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:18px;margin:28px 0 4px;border-bottom:2px solid #444;padding-bottom:2px}
h3{font-size:16px;margin:20px 0 6px}
h4{font-size:14px;margin:14px 0 4px}
.meta,.path{color:#555;margin:0 0 8px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 10px}
dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%;margin:0 0 12px}
th,td{border:1px solid #999;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#eee}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.cells{white-space:nowrap;font-family:Consolas,"Courier New",monospace}
tfoot th,tfoot td{font-weight:bold}
table.scores{width:auto;min-width:60%}
.findings th:nth-child(-n+2),.findings td:nth-child(-n+2){white-space:nowrap}
.sev-error{color:#a4262c;font-weight:bold}
.sev-warning{color:#8a6100;font-weight:bold}
.sev-info{color:#0f6cbd}
.accepted td{color:#555}
.error{color:#a4262c;font-weight:bold}
@page{size:A4 landscape;margin:12mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:11pt}section.file+section.file{break-before:page}tr,dl{break-inside:avoid}thead{display:table-header-group}h2,h3,h4{break-after:avoid}}
`;

function findingRows(list: ReportFinding[], withReason: boolean): string {
  const e = escapeHtml;
  return list
    .map((f) => {
      const where = f.cells ? `${f.sheet}!${f.cells.replace(/, /g, ',')}` : f.sheet;
      const reason = withReason ? `<td>${e(f.acceptance)}</td>` : '';
      return `<tr${f.accepted ? ' class="accepted"' : ''}><td class="sev-${f.severity}">${e(f.severityName)}</td><td>${e(f.topicText)}</td><td>${e(f.dimensionText)}</td><td class="cells">${e(where)}</td><td>${e(f.message)}</td>${reason}</tr>`;
    })
    .join('\n');
}

function tableSection(t: ReportTable, lang: Lang): string {
  const w = REPORT_WORDS[lang];
  const e = escapeHtml;
  const out: string[] = [];
  out.push(`<h3>${e(t.heading)}</h3>`);
  out.push('<dl>');
  for (const fact of t.facts) out.push(`<dt>${e(fact.label)}</dt><dd>${e(String(fact.value ?? ''))}</dd>`);
  out.push('</dl>');

  out.push(`<table class="scores"><thead><tr><th>${e(w.level1)}</th><th class="num">${e(w.weight)}</th><th class="num">${e(w.points)}</th><th class="num">${e(w.score)}</th></tr></thead><tbody>`);
  for (const s of t.scores) {
    out.push(`<tr><td>${e(s.name)}</td><td class="num">${s.weight === undefined ? '' : fixed2(s.weight)}</td><td class="num">${fixed2(s.points)}</td><td class="num">${fixed2(s.score)}</td></tr>`);
  }
  out.push(`</tbody><tfoot><tr><th>${e(w.total)}</th><td class="num">${t.weightTotal === undefined ? '' : fixed2(t.weightTotal)}</td><td class="num">${fixed2(t.points)}</td><td class="num">${fixed2(t.score)}</td></tr>`);
  if (t.reserved > 0) out.push(`<tr><th>${e(w.reserved)}</th><td class="num">${fixed2(t.reserved)}</td><td></td><td></td></tr>`);
  if (t.grade) out.push(`<tr><th>${e(w.grade)}</th><td colspan="3">${e(t.grade)}</td></tr>`);
  out.push('</tfoot></table>');

  const open = t.findings.filter((f) => !f.accepted);
  const accepted = t.findings.filter((f) => f.accepted);
  const head = (reason: boolean) =>
    `<thead><tr><th>${e(w.severity)}</th><th>${e(w.topic)}</th><th>${e(w.dimension)}</th><th>${e(w.cells)}</th><th>${e(w.message)}</th>${reason ? `<th>${e(w.acceptedColumn)}</th>` : ''}</tr></thead>`;
  if (open.length) out.push(`<table class="findings">${head(false)}<tbody>\n${findingRows(open, false)}\n</tbody></table>`);
  if (accepted.length) {
    out.push(`<h4>${e(w.acceptedList)}</h4>`);
    out.push(`<table class="findings accepted-list">${head(true)}<tbody>\n${findingRows(accepted, true)}\n</tbody></table>`);
  }
  return out.join('\n');
}

/** A batch's summary, worst first, each row linking to its file's section. */
function summarySection(results: FileResult[], lang: Lang): string {
  const e = escapeHtml;
  const w = SUMMARY_WORDS[lang];
  const index = new Map(results.map((r, i) => [r.file, i + 1]));
  const rows = summaryRows(results).map((r) => {
    const link = `<a href="#file-${index.get(r.file)}">${e(path.basename(r.file))}</a>`;
    const score = r.points !== undefined ? `${(r.score ?? 0).toFixed(2)} / ${r.points.toFixed(2)}` : '';
    return `<tr><td>${link}</td><td>${e(r.problem ?? (r.unit || r.sheet))}</td><td class="num">${r.errors}</td><td class="num">${r.warnings}</td><td class="num">${score}</td><td>${e(r.grade ?? '')}</td><td>${e(stageName(r.stage, lang))}</td></tr>`;
  });
  return `<section class="summary"><h2>${e(w.title)}</h2><table><thead><tr><th>${e(w.file)}</th><th>${e(w.unit)}</th><th class="num">${e(w.errors)}</th><th class="num">${e(w.warnings)}</th><th class="num">${e(w.score)}</th><th>${e(w.grade)}</th><th>${e(w.stage)}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The whole HTML document for the files of one run. */
export function renderHtml(results: FileResult[], options: { lang: Lang; date: string; checkedWith?: CheckedWith }): string {
  const { lang, date } = options;
  const w = REPORT_WORDS[lang];
  const m = MORE[lang];
  const e = escapeHtml;
  const colon = lang === 'zh' ? '：' : ': ';
  const body: string[] = [];
  body.push(`<h1>${e(w.title)}</h1>`);
  body.push(`<p class="meta">${e(w.date)}${colon}${e(date)} · ${e(m.files(results.length))}</p>`);
  if (results.length > 1) body.push(summarySection(results, lang));
  results.forEach((r, i) => {
    body.push(`<section class="file" id="file-${i + 1}">`);
    body.push(`<h2>${e(m.file)} ${e(path.basename(r.file))}</h2>`);
    body.push(`<p class="path">${e(r.file)}</p>`);
    if (r.error) body.push(`<p class="error">${e(m.unreadable)}${colon}${e(r.error)}</p>`);
    else if (r.report) {
      if (r.report.tables.length === 0) body.push(`<p class="error">${e(m.noTable)}${e(r.report.sheetsWithoutTable.join('、') || '-')}）</p>`);
      const doc = reportDocument(r.report, { lang, date, ...(r.workbookSettings ?? options.checkedWith ? { checkedWith: r.workbookSettings ?? options.checkedWith } : {}) });
      if (doc.checkedWith.length) body.push(`<dl class="checked-with">${doc.checkedWith.map(([label, text]) => `<dt>${e(label)}</dt><dd>${e(text)}</dd>`).join('')}</dl>`);
      for (const t of doc.tables) body.push(tableSection(t, lang));
    }
    body.push('</section>');
  });
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.title)} ${e(date)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
