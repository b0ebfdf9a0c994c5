// The jixiao-check command: check .xlsx files, print a report (or JSON), optionally write a
// scored copy with a 校验报告 sheet, and an HTML report. Exit 0: every file has a table and no
// open (unaccepted) error; 1: an open error finding or no table; 2: a file or the config could
// not be read.
import { randomBytes } from 'node:crypto';
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { checkWorkbook, ConfigError, mergeAcceptances, parseCell, parseConfig, parseRange, planAcceptanceSheet, planReportSheet, planResults, readAcceptances, rules, isOurReportSheet, ACCEPTED_SHEET, REPORT_SHEET, type Acceptance, type AcceptanceNote, type CheckOptions, type Finding, type Lang, type Report, type TableReport, type WorkbookSnapshot } from '../core/index.js';
import { acceptanceSheet, editsOfPlans, patchWorkbook, reportSheet, useCodec, type OwnSheet } from '../adapters/xlsx/index.js';
import { snapshotOf, snapshotOfSheet } from '../adapters/exceljs/snapshot.js';
import { InputError, readWorkbookFile, type OpenedWorkbook } from '../adapters/exceljs/readWorkbook.js';
import { escapeForTerminal } from './terminal.js';
import { findingKey, renderText } from './textReport.js';
import { zlibCodec } from '../adapters/exceljs/zlibCodec.js';

useCodec(zlibCodec);
import { renderHtml } from './htmlReport.js';
import { collectInputs, jobsFor, renderSummaryText, runPool, summaryRows, writeSummaryWorkbook, type BatchTask } from './batch.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
  /** The CLI's own entry script: several files are then checked on worker threads running it. */
  workerScript?: string;
  /** stderr is a terminal: show a batch's progress there. */
  progress?: boolean;
}

/** One --accept: a finding named by rule and a cell it concerns. */
export interface AcceptSpec {
  rule: string;
  sheet: string;
  cell: string;
  reason?: string;
  /** As typed, for messages. */
  text: string;
}

export interface CliOptions {
  json: boolean;
  out?: string;
  html?: string;
  config?: string;
  lang: Lang;
  reserved?: number;
  accept: AcceptSpec[];
  by?: string;
  /**
   * What to do with the acceptances stored in a file (its `_jixiao_accepted` sheet, written by
   * whoever submitted it): ignore them, show them as the file's own record but still count their
   * findings in the exit status (default), or trust them as a reviewer's.
   */
  acceptances: AcceptanceMode;
  /** Worker threads for a batch (default: every core). */
  jobs?: number;
  /** Last year's table (checked or self-evaluated), for the 可行性 comparisons. */
  previous?: string;
  /** A summary workbook (.xlsx) of a batch: one row per table, worst first. */
  summary?: string;
  files: string[];
}

export type AcceptanceMode = 'ignore' | 'show' | 'trust';

export const USAGE = `用法 / usage: jixiao-check [--json] [--out DIR] [--html FILE] [--config FILE] [--accept RULE@SHEET!CELL[=原因]]... [--acceptances ignore|show|trust] [--lang zh|en] [--reserved N] [--previous FILE] [--jobs N] [--summary FILE.xlsx] FILE|FOLDER...

  --json          以 JSON 输出（一个文件为对象，多个文件为数组） / print JSON
  --out DIR       在 DIR 中写入副本 <名称>.checked.xlsx：“得分”列、校验报告工作表、已忽略问题；原文件不改动
                  / write copies with the score column, a 校验报告 sheet and the accepted findings
  --html FILE     把所有文件的校验报告写成一个可打印的 HTML 文件 / write one printable HTML report
  --config FILE   规则设置（JSON）：profile、reservedPoints、rules、allowedLevel1、level1Weights
                  / rule settings (JSON); see README
  --accept R@S!C[=原因]
                  忽略规则 R 在工作表 S 单元格 C 的问题（可重复），随 --out 保存在副本中
                  / accept the finding of rule R at sheet S cell C (repeatable); saved with --out
  --by NAME       记录忽略人 / who accepts (recorded with --accept)
  --acceptances ignore|show|trust
                  文件中已有的忽略记录（_jixiao_accepted）：ignore 不采用；show（默认）列出但仍计入退出码；
                  trust 视同审核人的忽略 / acceptances stored in the file: ignore them, show them but
                  still count them in the exit status (default), or trust them
  --lang zh|en    报告语言，默认中文 / report language (default zh)
  --reserved N    表外预留分值（如预算执行率 10 分），一级权重合计应为 100−N（优先于 --config）
                  / points reserved outside the table (overrides --config)
  --previous FILE 上年的目标表或自评表：本年目标低于上年实际、远高于上年实际或定量指标消失时提示
                  / last year's table: targets below or far above last year's actual, dropped indicators
  --jobs N        批量校验时的并行线程数，默认为 CPU 核数减 1 / worker threads for a batch (default: cores − 1)
  --summary FILE.xlsx
                  写入汇总工作簿：每张表一行，按问题多少排序，可筛选 / a summary workbook, one row per table, worst first

文件夹会递归查找其中的 .xlsx/.xlsm（跳过 *.checked.xlsx 副本和 --out 文件夹） / folders are searched for
.xlsx/.xlsm recursively (our *.checked.xlsx copies and the --out folder are skipped).

退出码 / exit: 0 无错误（已忽略的不计）；1 有错误或未找到表；2 文件或设置无法读取`;

export class UsageError extends Error {}

const ACCEPT = /^([^@\s]+)@(.+?)!(\$?[A-Za-z]{1,3}\$?\d{1,7})(?:=([\s\S]*))?$/;

/** "value-format/not-number@整体支出绩效目标表!F24=口径待定" → its parts. */
export function parseAccept(text: string): AcceptSpec {
  const m = ACCEPT.exec(text.trim());
  if (!m) throw new UsageError(`--accept 格式应为 规则@工作表!单元格[=原因] / must be RULE@SHEET!CELL[=reason]: ${text}`);
  const [, rule, rawSheet, cell, reason] = m;
  if (!rules.some((r) => r.id === rule)) throw new UsageError(`--accept 未知规则 / unknown rule: ${rule}（见 docs/RULES.md）`);
  const quoted = /^'(.*)'$/.exec(rawSheet);
  const sheet = quoted ? quoted[1].replace(/''/g, "'") : rawSheet;
  const spec: AcceptSpec = { rule, sheet, cell: cell.replace(/\$/g, '').toUpperCase(), text };
  if (reason !== undefined && reason.trim() !== '') spec.reason = reason.trim();
  return spec;
}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { json: false, lang: 'zh', accept: [], acceptances: 'show', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} 需要一个值 / needs a value`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--out') o.out = next();
    else if (a.startsWith('--out=')) o.out = a.slice(6);
    else if (a === '--html') o.html = next();
    else if (a.startsWith('--html=')) o.html = a.slice(7);
    else if (a === '--config') o.config = next();
    else if (a.startsWith('--config=')) o.config = a.slice(9);
    else if (a === '--accept') o.accept.push(parseAccept(next()));
    else if (a.startsWith('--accept=')) o.accept.push(parseAccept(a.slice(9)));
    else if (a === '--acceptances' || a.startsWith('--acceptances=')) {
      const v = a === '--acceptances' ? next() : a.slice(14);
      if (v !== 'ignore' && v !== 'show' && v !== 'trust') throw new UsageError(`--acceptances 只能是 ignore、show 或 trust / must be ignore, show or trust: ${v}`);
      o.acceptances = v;
    } else if (a === '--by') o.by = next();
    else if (a.startsWith('--by=')) o.by = a.slice(5);
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? next() : a.slice(7);
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en: ${v}`);
      o.lang = v;
    } else if (a === '--reserved' || a.startsWith('--reserved=')) {
      const v = a === '--reserved' ? next() : a.slice(11);
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n >= 100) throw new UsageError(`--reserved 应为 0 到 100 之间的数 / must be a number from 0 to 100: ${v}`);
      o.reserved = n;
    } else if (a === '--jobs' || a.startsWith('--jobs=')) {
      const v = a === '--jobs' ? next() : a.slice(7);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs 应为 1 到 256 的整数 / must be a whole number from 1 to 256: ${v}`);
      o.jobs = n;
    } else if (a === '--previous') o.previous = next();
    else if (a.startsWith('--previous=')) o.previous = a.slice(11);
    else if (a === '--summary') o.summary = next();
    else if (a.startsWith('--summary=')) o.summary = a.slice(10);
    else if (a === '--') {
      o.files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 / unknown option: ${a}`);
    else o.files.push(a);
  }
  if (o.files.length === 0) throw new UsageError('请指定至少一个 .xlsx 文件 / give at least one .xlsx file');
  return o;
}

export interface FileResult {
  file: string;
  report?: Report;
  output?: string;
  error?: string;
  notice?: string;
  /** The --accept specs that matched a finding of this file. */
  acceptedSpecs?: AcceptSpec[];
  /**
   * Acceptances the file's own record makes that this run does not take (--acceptances show), by
   * findingKey: shown beside their findings, which stay open (score, status, exit code).
   */
  claims?: Map<string, AcceptanceNote>;
}



/** The JSON contract other tools rely on. */
export function toJson(result: FileResult, lang: Lang): unknown {
  const msg = (m: { zh: string; en: string }) => (lang === 'zh' ? m.zh : m.en);
  return {
    file: result.file,
    tables: (result.report?.tables ?? []).map((t: TableReport) => ({
      sheet: t.sheet,
      headerRow: t.headerRow,
      range: t.range,
      unitName: t.unitName,
      stage: t.stage,
      indicators: t.indicators.map((i) => ({
        row: i.row,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        type: i.type,
        value: i.valueText,
        unit: i.unit,
        ...(i.actualText !== undefined ? { actual: i.actualText } : {}),
        ...(i.publishedScore !== undefined ? { publishedScore: i.publishedScore } : {}),
        points: i.points,
        score: i.score,
        status: i.status,
      })),
      findings: t.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        topic: f.topic,
        dimension: f.dimension,
        cells: f.cells,
        message: msg(f.message),
        ...(f.accepted ? { accepted: f.accepted } : {}),
        ...(result.claims?.has(findingKey(f)) ? { fileAcceptance: result.claims.get(findingKey(f)) } : {}),
      })),
      acceptedCount: t.findings.filter((f) => f.accepted).length,
      fileAcceptanceCount: t.findings.filter((f) => result.claims?.has(findingKey(f))).length,
      totals: t.totals,
      ...(t.execution ? { execution: t.execution } : {}),
      ...(t.otherColumns ? { otherColumns: t.otherColumns } : {}),
      ...(t.slotRows ? { slotRows: t.slotRows } : {}),
      ...(t.individual ? { individual: t.individual } : {}),
    })),
    ...(result.report && result.report.tables.length === 0 ? { sheetsWithoutTable: result.report.sheetsWithoutTable } : {}),
    ...(result.output ? { output: result.output } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
}

/**
 * "a.xlsx" → "a.checked.xlsx", "m.xlsm" → "m.checked.xlsm" (a macro workbook stays one); the
 * n-th input of the same name gets "a (n).checked.xlsx" so that copies never overwrite each other.
 */
export function outputName(file: string, n = 1): string {
  const ext = /\.xlsm$/i.test(file) ? '.xlsm' : '.xlsx';
  const base = path.basename(file).replace(/\.xls[xm]$/i, '').replace(/\.checked$/i, '');
  return `${base}${n > 1 ? ` (${n})` : ''}.checked${ext}`;
}

/** The copy's path for each input, distinct even for inputs of the same name in different folders. */
export function copyTargets(files: string[], outDir: string): Map<string, string> {
  const used = new Map<string, number>();
  const out = new Map<string, string>();
  for (const file of files) {
    if (out.has(file)) continue;
    const key = outputName(file).toLowerCase();
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    out.set(file, path.resolve(outDir, outputName(file, n)));
  }
  return out;
}

/** The real path of a file that may not exist yet: its folder resolved through symlinks, then its name. */
async function realTarget(file: string): Promise<string> {
  const abs = path.resolve(file);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Whether two paths name one file: the same device and inode when both exist, else the same real path. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return (await realTarget(a)) === (await realTarget(b));
}

async function sameAsAny(target: string, others: string[]): Promise<string | undefined> {
  for (const o of others) if (await sameFile(target, o)) return o;
  return undefined;
}

async function isZipFile(file: string): Promise<boolean> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
      return head.readUInt32LE(0) === 0x04034b50;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Temp files being written, removed if the process is interrupted. */
const temps = new Set<string>();

/** Removes the temp files of writes in flight (on SIGINT/SIGTERM). */
export function removeTempFiles(): void {
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
}

/** On SIGINT/SIGTERM: remove temp files, then exit as a killed process would (130 / 143). */
export function installSignalCleanup(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      removeTempFiles();
      process.exit(code);
    });
  }
}

/**
 * A temp file beside `target`, created exclusively (O_EXCL: a planted file or symlink of that
 * name makes it fail rather than be followed) under an unguessable name, and registered for
 * removal on a signal.
 */
export async function openTemp(target: string): Promise<{ tmp: string; handle: fs.FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(tmp, 'wx');
      temps.add(tmp);
      return { tmp, handle };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) throw e;
    }
  }
}

/** Writes atomically: an exclusive temp file beside the target, then rename, so a crash leaves no half file. */
async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  const { tmp, handle } = await openTemp(target);
  try {
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    temps.delete(tmp);
  }
}

/** Today as "2026-05-01", in local time: the date a reviewer would write. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function covers(cells: string[], cell: string): boolean {
  const at = parseCell(cell);
  return cells.some((c) => {
    try {
      const r = parseRange(c);
      return at.row >= r.top && at.row <= r.bottom && at.column >= r.left && at.column <= r.right;
    } catch {
      return false;
    }
  });
}

/** The acceptance an --accept records: the finding's rule, sheet and cells, and its indicator's name. */
function acceptanceFor(spec: AcceptSpec, report: Report, options: CliOptions, date: string): { acceptance: Acceptance; finding: Finding } | undefined {
  for (const t of report.tables) {
    const f = t.findings.find((x) => x.rule === spec.rule && x.sheet === spec.sheet && covers(x.cells, spec.cell));
    if (!f) continue;
    const name = f.indicatorRow === undefined ? '' : (t.indicators.find((i) => i.row === f.indicatorRow)?.name ?? '');
    const acceptance: Acceptance = {
      rule: f.rule,
      sheet: f.sheet,
      ...(name ? { indicator: name } : {}),
      cells: f.cells,
      ...(spec.reason ? { reason: spec.reason } : {}),
      ...(options.by ? { by: options.by } : {}),
      date,
    };
    return { acceptance, finding: f };
  }
  return undefined;
}

export async function checkFile(
  file: string,
  options: CliOptions,
  checkOptions: CheckOptions = options.reserved !== undefined ? { reservedPoints: options.reserved } : {},
  date = today(),
  target = options.out ? path.resolve(options.out, outputName(file)) : undefined,
): Promise<FileResult> {
  let opened: OpenedWorkbook;
  try {
    opened = await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof InputError) return { file, error: options.lang === 'zh' ? e.text.zh : e.text.en };
    return { file, error: String((e as Error).message ?? e) };
  }
  const wb = opened.workbook;
  const snapshot = snapshotOf(wb);
  // The file's own acceptances are a claim by whoever submitted it: checked apart from ours.
  const stored = readAcceptances(snapshot);
  const claimsFree: WorkbookSnapshot = { sheets: snapshot.sheets.filter((s) => s.name !== ACCEPTED_SHEET) };
  const base = options.acceptances === 'trust' ? snapshot : claimsFree;
  let report = checkWorkbook(base, checkOptions);
  const added: Acceptance[] = [];
  const acceptedSpecs: AcceptSpec[] = [];
  for (const spec of options.accept) {
    const hit = acceptanceFor(spec, report, options, date);
    if (!hit) continue;
    added.push(hit.acceptance);
    acceptedSpecs.push(spec);
  }
  const withAdded: CheckOptions = { ...checkOptions, accepted: [...(checkOptions.accepted ?? []), ...added] };
  // Check again so that this run's report already counts the new acceptances.
  if (added.length) report = checkWorkbook(base, withAdded);
  let claims: Map<string, AcceptanceNote> | undefined;
  if (options.acceptances === 'show' && stored.length) {
    // What the file's record would accept is shown beside its finding; the finding stays open.
    const open = new Set(report.tables.flatMap((t) => t.findings.filter((f) => !f.accepted).map(findingKey)));
    const asFiled = checkWorkbook(snapshot, withAdded);
    claims = new Map(asFiled.tables.flatMap((t) => t.findings.filter((f) => f.accepted && open.has(findingKey(f))).map((f) => [findingKey(f), f.accepted as AcceptanceNote] as const)));
  }
  const result: FileResult = { file, report, acceptedSpecs, ...(claims?.size ? { claims } : {}) };
  if (!options.out || !target || report.tables.length === 0) return result;

  // The same file as an input (through a symlink or another spelling too) or as the HTML report is never replaced.
  const clash = await sameAsAny(target, [...options.files, ...(options.html ? [options.html] : [])]);
  if (clash !== undefined) {
    result.notice =
      options.lang === 'zh'
        ? `未写入：输出文件与${clash === options.html ? ' --html 报告' : '输入文件'}相同（${target} 即 ${clash}），请换一个 --out 目录`
        : `Not written: the output would replace ${clash === options.html ? 'the --html report' : 'the input'} (${target} is ${clash}); choose another --out folder`;
    return result;
  }
  const locked = report.tables.filter((t) => snapshot.sheets.find((s) => s.name === t.sheet)?.protected);
  if (locked.length) {
    const names = [...new Set(locked.map((t) => t.sheet))].join('、');
    result.notice =
      options.lang === 'zh'
        ? `未写入：工作表「${names}」受保护，请先撤销工作表保护再写入得分列`
        : `Not written: sheet "${names}" is protected; unprotect it to write the score column`;
    return result;
  }
  const refused: string[] = [];
  const plans = planResults(snapshot, report, { lang: options.lang });
  const sheets = editsOfPlans(plans, snapshot, refused);
  // Cells the plan itself leaves alone (a user's cell where no column is free) are named too.
  for (const p of plans) for (const a of p.skipped) if (!refused.includes(`${p.sheet}!${a}`)) refused.push(`${p.sheet}!${a}`);
  if (refused.length) {
    const shown = refused.slice(0, 5);
    const more = refused.length - shown.length;
    result.notice =
      options.lang === 'zh'
        ? `表格右侧没有空列：${shown.join('、')}${more ? ` 等 ${refused.length} 个单元格` : ''} 有您的内容，未写入（得分列的其余单元格已写入）`
        : `No free column right of the table: ${shown.join(', ')}${more ? ` and ${more} more cells` : ''} hold your content and were not written (the rest of the score column was)`;
  }
  const ownSheets: OwnSheet[] = [];
  // Acceptances already in the workbook are kept, whatever --acceptances says (they are the file's
  // record, and their finding may come back); new ones are added.
  const keep = mergeAcceptances(stored, added);
  if (keep.length || wb.getWorksheet(ACCEPTED_SHEET)) ownSheets.push(acceptanceSheet(planAcceptanceSheet(keep)));
  const existingReport = wb.getWorksheet(REPORT_SHEET);
  if (existingReport && !isOurReportSheet(snapshot.sheets.find((s) => s.name === REPORT_SHEET) ?? snapshotOfSheet(existingReport))) {
    const notice =
      options.lang === 'zh'
        ? '未写入校验报告：工作簿中已有一个名为「校验报告」的工作表，且不是本工具写入的'
        : 'The 校验报告 sheet was not written: the workbook has a sheet of that name that this tool did not write';
    result.notice = result.notice ? `${result.notice}\n${notice}` : notice;
  } else ownSheets.push(reportSheet(planReportSheet(report, { lang: options.lang, date })));
  // The copy is the original package with only our cells and sheets patched in.
  const patched = patchWorkbook(opened.bytes, { sheets, ownSheets });
  if (patched.lockedOut.length) {
    const names = patched.lockedOut.join('、');
    const notice =
      options.lang === 'zh'
        ? `工作簿结构受保护，未添加工作表「${names}」（得分列已写入）；撤销工作簿保护后再运行可添加`
        : `The workbook's structure is protected: sheet "${names}" was not added (the score column was written); unprotect the workbook to add it`;
    result.notice = result.notice ? `${result.notice}\n${notice}` : notice;
  }
  await fs.mkdir(options.out, { recursive: true });
  await writeAtomically(target, patched.bytes);
  result.output = target;
  return result;
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.error)) return 2;
  const bad = results.some((r) => !r.report || r.report.tables.length === 0 || r.report.tables.some((t) => t.findings.some((f) => f.severity === 'error' && !f.accepted)));
  return bad ? 1 : 0;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`jixiao-check: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  let checkOptions: CheckOptions;
  try {
    checkOptions = await readConfig(options);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(`jixiao-check: ${options.lang === 'zh' ? e.text.zh : e.text.en}\n`);
      return 2;
    }
    throw e;
  }
  const zh0 = options.lang === 'zh';
  // Folders are walked for .xlsx/.xlsm; an empty folder is a usage error, not a silent success.
  const given = options.files;
  options = { ...options, files: await collectInputs(options.files, options.out) };
  if (options.files.length === 0) {
    io.stderr(`jixiao-check: ${zh0 ? `${given.join('、')} 中没有 .xlsx 文件` : `no .xlsx files in ${given.join(', ')}`}\n`);
    return 2;
  }
  if (options.summary) {
    const input = await sameAsAny(options.summary, options.files);
    if (input !== undefined || !/\.xlsx$/i.test(options.summary)) {
      io.stderr(`jixiao-check: ${zh0 ? `--summary ${options.summary} 需要一个新的 .xlsx 文件名${input !== undefined ? `（与输入文件 ${input} 是同一个文件）` : ''}；未做任何处理` : `--summary ${options.summary} takes a new .xlsx file name${input !== undefined ? ` (it is the input ${input})` : ''}; nothing done`}\n`);
      return 2;
    }
  }
  // An HTML report over an input or any workbook would destroy it ("--html a.xlsx b.xlsx" meant
  // to check both): refused before anything is read.
  if (options.html) {
    const input = await sameAsAny(options.html, options.files);
    const workbook = /\.(xlsx|xlsm|xls|xlsb)$/i.test(options.html) || (await isZipFile(options.html));
    if (input !== undefined || workbook) {
      const why = input !== undefined ? { zh: `与输入文件 ${input} 是同一个文件`, en: `is the same file as the input ${input}` } : { zh: '是工作簿，不能被 HTML 报告覆盖', en: 'is a workbook, which an HTML report must not replace' };
      io.stderr(`jixiao-check: ${zh0 ? `--html ${options.html} ${why.zh}；未做任何处理（--html 需要一个 .html 文件名）` : `--html ${options.html} ${why.en}; nothing done (--html takes an .html file name)`}\n`);
      return 2;
    }
  }
  const targets = options.out ? copyTargets(options.files, options.out) : new Map<string, string>();
  const date = today();
  const report = (r: FileResult): void => {
    if (r.error) io.stderr(`jixiao-check: ${escapeForTerminal(r.error)}\n`);
    if (r.notice) io.stderr(`jixiao-check: ${escapeForTerminal(r.notice)}\n`);
    if (!options.json) io.stdout(renderText(r, options.lang, io.color));
  };
  let results: FileResult[] = [];
  const jobs = jobsFor(options.files.length, options.jobs);
  // A few files are quicker in this thread than spread over workers that each load the checker.
  if (io.workerScript && jobs > 1 && options.files.length >= 4) {
    // A batch: every core at work; reports are printed in input order once all are in.
    const tasks: BatchTask[] = options.files.map((file, index) => ({ index, file, options, checkOptions, date, ...(targets.get(file) ? { target: targets.get(file) } : {}) }));
    const total = tasks.length;
    results = await runPool(tasks, jobs, io.workerScript, (done) => {
      if (io.progress) io.stderr(`\r${zh0 ? '已校验' : 'Checked'} ${done}/${total}${done === total ? '\n' : ''}`);
    });
    for (const r of results) report(r);
  } else {
    for (const file of options.files) {
      let r: FileResult;
      try {
        r = await checkFile(file, options, checkOptions, date, targets.get(file));
      } catch (e) {
        // A failure writing one file must not stop the others.
        r = { file, error: `${options.lang === 'zh' ? '处理失败' : 'Failed'}: ${(e as Error).message}` };
      }
      results.push(r);
      report(r);
    }
  }
  const rows = summaryRows(results);
  if (!options.json && results.length > 1) io.stdout('\n' + renderSummaryText(rows, results.length, options.lang));
  let summaryFailed = false;
  if (options.summary) {
    try {
      await writeAtomically(path.resolve(options.summary), await writeSummaryWorkbook(rows, options.lang));
    } catch (e) {
      summaryFailed = true;
      io.stderr(`jixiao-check: ${zh0 ? `无法写入汇总表 ${options.summary}` : `Cannot write the summary ${options.summary}`}: ${(e as Error).message}\n`);
    }
  }
  const zh = options.lang === 'zh';
  for (const spec of options.accept) {
    // Compared by text: a worker's results are copies.
    if (results.some((r) => r.acceptedSpecs?.some((x) => x.text === spec.text))) continue;
    const typed = escapeForTerminal(spec.text);
    io.stderr(`jixiao-check: ${zh ? `--accept ${typed}：没有找到该规则在该单元格的问题，未记录` : `--accept ${typed}: no such finding at that cell; nothing recorded`}\n`);
  }
  if (options.accept.length && !options.out) {
    io.stderr(`jixiao-check: ${zh ? '--accept 只在本次报告中生效；要保存到工作簿，请同时使用 --out' : '--accept applies to this report only; use --out to save it in a copy of the workbook'}\n`);
  }
  let htmlFailed = false;
  if (options.html) {
    try {
      await writeTextFile(options.html, renderHtml(results, { lang: options.lang, date }));
    } catch (e) {
      htmlFailed = true;
      io.stderr(`jixiao-check: ${zh ? `无法写入 HTML 报告 ${options.html}` : `Cannot write the HTML report ${options.html}`}: ${(e as Error).message}\n`);
    }
  }
  if (options.json) {
    const json = results.map((r) => toJson(r, options.lang));
    io.stdout(JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + '\n');
  }
  return htmlFailed || summaryFailed ? 2 : exitCode(results);
}

/** The check options: the --config file's, with --reserved taking precedence. */
export async function readConfig(options: CliOptions): Promise<CheckOptions> {
  let checkOptions: CheckOptions = {};
  if (options.config) {
    const file = options.config;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new ConfigError(
        code === 'ENOENT'
          ? { zh: `找不到设置文件：${file}`, en: `Settings file not found: ${file}` }
          : { zh: `无法读取设置文件 ${file}：${(e as Error).message}`, en: `Cannot read the settings file ${file}: ${(e as Error).message}` },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ConfigError({ zh: `设置文件 ${file} 不是有效的 JSON：${(e as Error).message}`, en: `The settings file ${file} is not valid JSON: ${(e as Error).message}` });
    }
    try {
      checkOptions = parseConfig(json).options;
    } catch (e) {
      if (e instanceof ConfigError) throw new ConfigError({ zh: `设置文件 ${file}：${e.text.zh}`, en: `Settings file ${file}: ${e.text.en}` }, e.key);
      throw e;
    }
  }
  if (options.reserved !== undefined) checkOptions = { ...checkOptions, reservedPoints: options.reserved };
  if (options.previous) {
    // Last year's table, checked with the same settings: its indicators (and actuals) are this year's yardstick.
    let opened: OpenedWorkbook;
    try {
      opened = await readWorkbookFile(options.previous);
    } catch (e) {
      const text = e instanceof InputError ? e.text : { zh: String((e as Error).message), en: String((e as Error).message) };
      throw new ConfigError({ zh: `上年表 --previous：${text.zh}`, en: `Last year's table --previous: ${text.en}` });
    }
    const last = checkWorkbook(snapshotOf(opened.workbook), checkOptions);
    if (last.tables.length === 0) throw new ConfigError({ zh: `上年表 ${options.previous} 中没有找到绩效目标表`, en: `No performance target table in last year's ${options.previous}` });
    checkOptions = { ...checkOptions, previous: last.tables.flatMap((t) => t.indicators) };
  }
  return checkOptions;
}

async function writeTextFile(target: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await writeAtomically(path.resolve(target), text);
}
