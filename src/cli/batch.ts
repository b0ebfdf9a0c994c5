// A 财政局's batch: folders as inputs, files checked in parallel on worker threads, progress on a
// terminal, and one summary — per unit, worst first — in the terminal, the HTML report and a workbook.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { STAGE_NAMES, type CheckOptions, type Lang } from '../core/index.js';
import type { CliOptions } from './args.js';
import type { FileResult } from './checkFile.js';

/** Our own copies (a.checked.xlsx) and Excel's lock files (~$a.xlsx) are never inputs. */
const SKIPPED = /(\.checked(?: \(\d+\))?\.xls[xm]$)|(^~\$)/i;

/**
 * The files to check: files as given, folders walked (recursively, .xlsx and .xlsm only, our own
 * outputs and the --out folder left out), in path order so a batch reads the same each time.
 */
export async function collectInputs(paths: string[], outDir?: string): Promise<string[]> {
  const out: string[] = [];
  const skipDir = outDir ? path.resolve(outDir) : undefined;
  const walk = async (dir: string): Promise<void> => {
    if (skipDir && path.resolve(dir) === skipDir) return;
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && /\.xls[xm]$/i.test(e.name) && !SKIPPED.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await fs.stat(p)).isDirectory();
    } catch {
      // Missing: kept as given, so the file's own error says so.
    }
    if (isDir) await walk(p);
    else out.push(p);
  }
  return out;
}

/** What one worker is asked to do. */
export interface BatchTask {
  index: number;
  file: string;
  options: CliOptions;
  checkOptions: CheckOptions;
  date: string;
  target?: string;
}

/**
 * Threads for a batch, never more than the files: as asked, else one core fewer than the machine
 * has, leaving one to the main thread that gathers and prints (measured on 2 cores, two workers
 * were 1.05–1.17× slower than one thread, so a 2-core machine checks in one thread by default).
 */
export function jobsFor(files: number, asked?: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(files, asked ?? cores - 1));
}

/**
 * Check files on `jobs` worker threads running `script` (the CLI's own entry, which serves tasks
 * when started as a worker). Each worker loads the checker once and takes the next file as soon as
 * it is done; results come back in input order. A worker that dies fails only the file it held.
 */
export function runPool(tasks: BatchTask[], jobs: number, script: string, onDone: (done: number) => void): Promise<FileResult[]> {
  return new Promise((resolve) => {
    const results: FileResult[] = new Array(tasks.length);
    let next = 0;
    let done = 0;
    const workers: Worker[] = [];
    const settle = (task: BatchTask, r: FileResult): void => {
      if (results[task.index]) return;
      results[task.index] = r;
      onDone(++done);
      if (done === tasks.length) {
        for (const w of workers) void w.terminate();
        resolve(results);
      }
    };
    const spawn = (): void => {
      const worker = new Worker(script, { workerData: { batchWorker: true } });
      workers.push(worker);
      let held: BatchTask | undefined;
      const feed = (): void => {
        held = next < tasks.length ? tasks[next++] : undefined;
        if (held) worker.postMessage(held);
      };
      worker.on('message', (r: FileResult) => {
        if (held) settle(held, r);
        feed();
      });
      const lost = (why: string): void => {
        if (held) settle(held, { file: held.file, error: `处理失败 / failed: ${why}` });
        held = undefined;
        // The rest of the queue goes on in a new worker.
        if (next < tasks.length) spawn();
      };
      worker.once('error', (e: Error) => lost(e.message));
      worker.once('exit', (code) => {
        if (done < tasks.length) lost(`exit ${code}`);
      });
      feed();
    };
    if (tasks.length === 0) resolve([]);
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) spawn();
  });
}

export interface SummaryRow {
  file: string;
  sheet: string;
  unit: string;
  stage: 'target' | 'self-evaluation' | '';
  errors: number;
  warnings: number;
  score?: number;
  points?: number;
  grade?: string;
  /** Why there is no table: a file that cannot be read, or no table in it. */
  problem?: string;
}

/** One row per table (a file without one is a row too), worst first: errors, warnings, then the lowest share of points. */
export function summaryRows(results: FileResult[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const r of results) {
    if (r.error || !r.report) {
      rows.push({ file: r.file, sheet: '', unit: '', stage: '', errors: 1, warnings: 0, problem: r.error ?? '无法读取 / unreadable' });
      continue;
    }
    if (r.report.tables.length === 0) {
      rows.push({ file: r.file, sheet: '', unit: '', stage: '', errors: 1, warnings: 0, problem: '未找到绩效目标表 / no table found' });
      continue;
    }
    for (const t of r.report.tables) {
      const open = t.findings.filter((f) => !f.accepted);
      rows.push({
        file: r.file,
        sheet: t.sheet,
        unit: t.unitName,
        stage: t.stage,
        errors: open.filter((f) => f.severity === 'error').length,
        warnings: open.filter((f) => f.severity === 'warning').length,
        score: t.totals.score,
        points: t.totals.points,
        ...(t.totals.grade ? { grade: t.totals.grade } : {}),
      });
    }
  }
  const share = (x: SummaryRow) => (x.points ? (x.score ?? 0) / x.points : -1);
  return rows.sort((a, b) => Number(!!b.problem) - Number(!!a.problem) || b.errors - a.errors || b.warnings - a.warnings || share(a) - share(b) || a.file.localeCompare(b.file));
}

/** The summary's words, for the terminal, the --summary workbook and the HTML report alike. */
export const SUMMARY_WORDS = {
  zh: { title: '汇总', file: '文件', unit: '单位', sheet: '工作表', stage: '阶段', errors: '错误', warnings: '警告', score: '得分', points: '分值', grade: '等级', problem: '问题', files: (n: number, t: number) => `${n} 个文件，${t} 张表` },
  en: { title: 'Summary', file: 'File', unit: 'Unit', sheet: 'Sheet', stage: 'Stage', errors: 'Errors', warnings: 'Warnings', score: 'Score', points: 'Points', grade: 'Grade', problem: 'Problem', files: (n: number, t: number) => `${n} files, ${t} tables` },
};

export function stageName(stage: SummaryRow['stage'], lang: Lang): string {
  return stage ? STAGE_NAMES[lang][stage] : '';
}

/** The summary as the terminal shows it, after the files' own reports. */
export function renderSummaryText(rows: SummaryRow[], files: number, lang: Lang): string {
  const w = SUMMARY_WORDS[lang];
  const lines = [`${w.title}（${w.files(files, rows.filter((r) => !r.problem).length)}）`];
  for (const r of rows) {
    const score = r.points !== undefined ? `${(r.score ?? 0).toFixed(2)} / ${r.points.toFixed(2)}` : '';
    const what = r.problem ?? `${r.unit || r.sheet}  ${w.errors} ${r.errors}  ${w.warnings} ${r.warnings}  ${score}${r.grade ? `  ${r.grade}` : ''}  [${stageName(r.stage, lang)}]`;
    lines.push(`  ${r.file}  ${what}`);
  }
  return lines.join('\n') + '\n';
}

/** The summary as a workbook a bureau can sort and filter: one row per table, header frozen, filters on. */
export async function writeSummaryWorkbook(rows: SummaryRow[], lang: Lang): Promise<Uint8Array> {
  const w = SUMMARY_WORDS[lang];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(w.title);
  ws.columns = [
    { header: w.file, key: 'file', width: 40 },
    { header: w.unit, key: 'unit', width: 28 },
    { header: w.sheet, key: 'sheet', width: 20 },
    { header: w.stage, key: 'stage', width: 10 },
    { header: w.errors, key: 'errors', width: 8 },
    { header: w.warnings, key: 'warnings', width: 8 },
    { header: w.score, key: 'score', width: 10 },
    { header: w.points, key: 'points', width: 10 },
    { header: w.grade, key: 'grade', width: 6 },
    { header: w.problem, key: 'problem', width: 40 },
  ];
  for (const r of rows) {
    ws.addRow({ file: r.file, unit: r.unit, sheet: r.sheet, stage: stageName(r.stage, lang), errors: r.errors, warnings: r.warnings, score: r.score ?? null, points: r.points ?? null, grade: r.grade ?? '', problem: r.problem ?? '' });
  }
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: 'A1', to: `J${rows.length + 1}` };
  for (const key of ['score', 'points']) ws.getColumn(key).numFmt = '0.00';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
