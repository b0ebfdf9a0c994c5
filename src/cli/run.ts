// The jixiao-check command: check .xlsx files, print a report (or JSON), optionally write a
// scored copy. Exit 0: every file has a table and no error; 1: an error finding or no table;
// 2: a file could not be read.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { checkWorkbook, planResults, type Lang, type Report, type TableReport } from '../core/index.js';
import { applyPlans, snapshotOf } from './exceljsAdapter.js';
import { InputError, readWorkbookFile } from './readWorkbook.js';
import { renderText } from './textReport.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
}

export interface CliOptions {
  json: boolean;
  out?: string;
  lang: Lang;
  reserved?: number;
  files: string[];
}

export const USAGE = `用法 / usage: jixiao-check [--json] [--out DIR] [--lang zh|en] [--reserved N] FILE...

  --json        以 JSON 输出（一个文件为对象，多个文件为数组） / print JSON
  --out DIR     在 DIR 中写入带“得分”列的副本 <名称>.checked.xlsx，原文件不改动 / write scored copies
  --lang zh|en  报告语言，默认中文 / report language (default zh)
  --reserved N  表外预留分值（如预算执行率 10 分），一级权重合计应为 100−N / points reserved outside the table

退出码 / exit: 0 无错误；1 有错误或未找到表；2 文件无法读取`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { json: false, lang: 'zh', files: [] };
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
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a === '--lang' ? next() : a.slice(7);
      if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 只能是 zh 或 en / must be zh or en: ${v}`);
      o.lang = v;
    } else if (a === '--reserved' || a.startsWith('--reserved=')) {
      const v = a === '--reserved' ? next() : a.slice(11);
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0 || n >= 100) throw new UsageError(`--reserved 应为 0 到 100 之间的数 / must be a number from 0 to 100: ${v}`);
      o.reserved = n;
    } else if (a === '--') {
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
        points: i.points,
        score: i.score,
        status: i.status,
      })),
      findings: t.findings.map((f) => ({ rule: f.rule, severity: f.severity, topic: f.topic, cells: f.cells, message: msg(f.message) })),
      totals: t.totals,
    })),
    ...(result.report && result.report.tables.length === 0 ? { sheetsWithoutTable: result.report.sheetsWithoutTable } : {}),
    ...(result.output ? { output: result.output } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
}

function outputName(file: string): string {
  const base = path.basename(file).replace(/\.xlsx$/i, '');
  return base.endsWith('.checked') ? `${base}.xlsx` : `${base}.checked.xlsx`;
}

/** Writes atomically: a temp file beside the target, then rename, so a crash leaves no half file. */
async function writeCopy(wb: ExcelJS.Workbook, target: string): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

export async function checkFile(file: string, options: CliOptions): Promise<FileResult> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof InputError) return { file, error: options.lang === 'zh' ? e.text.zh : e.text.en };
    return { file, error: String((e as Error).message ?? e) };
  }
  const snapshot = snapshotOf(wb);
  const report = checkWorkbook(snapshot, options.reserved !== undefined ? { reservedPoints: options.reserved } : {});
  const result: FileResult = { file, report };
  if (!options.out || report.tables.length === 0) return result;

  const target = path.resolve(options.out, outputName(file));
  if (target === path.resolve(file)) {
    result.notice = options.lang === 'zh' ? `未写入：输出文件与输入文件相同（${target}），请换一个 --out 目录` : `Not written: the output would replace the input (${target}); choose another --out folder`;
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
  applyPlans(wb, planResults(snapshot, report, { lang: options.lang }));
  await fs.mkdir(options.out, { recursive: true });
  await writeCopy(wb, target);
  result.output = target;
  return result;
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.error)) return 2;
  const bad = results.some((r) => !r.report || r.report.tables.length === 0 || r.report.tables.some((t) => t.findings.some((f) => f.severity === 'error')));
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
  const results: FileResult[] = [];
  for (const file of options.files) {
    let r: FileResult;
    try {
      r = await checkFile(file, options);
    } catch (e) {
      // A failure writing one file must not stop the others.
      r = { file, error: `${options.lang === 'zh' ? '处理失败' : 'Failed'}: ${(e as Error).message}` };
    }
    results.push(r);
    if (r.error) io.stderr(`jixiao-check: ${r.error}\n`);
    if (r.notice) io.stderr(`jixiao-check: ${r.notice}\n`);
    if (!options.json) io.stdout(renderText(r, options.lang, io.color));
  }
  if (options.json) {
    const json = results.map((r) => toJson(r, options.lang));
    io.stdout(JSON.stringify(json.length === 1 ? json[0] : json, null, 2) + '\n');
  }
  return exitCode(results);
}
