// The jixiao-check command: check .xlsx files, print a report (or JSON), optionally write a
// scored copy with a 校验报告 sheet, and an HTML report. Exit 0: every file has a table and no
// open (unaccepted) error; 1: an open error finding or no table; 2: a file or the config could
// not be read. Each file goes through the workflow's session (checkFile.ts); this file runs the batch.
import path from 'node:path';
import { checkedWith, ConfigError, type CheckOptions } from '../core/index.js';
import { useCodec } from '../adapters/xlsx/index.js';
import { zlibCodec } from '../adapters/exceljs/zlibCodec.js';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args.js';
import { checkFile, exitCode, type FileResult } from './checkFile.js';
import { readConfig } from './config.js';
import { copyTargets, isZipFile, sameAsAny, today, writeAtomically, writeTextFile } from './files.js';
import { toJson } from './json.js';
import { escapeForTerminal } from './terminal.js';
import { renderText } from './textReport.js';
import { renderHtml } from './htmlReport.js';
import { collectInputs, jobsFor, renderSummaryText, runPool, summaryRows, writeSummaryWorkbook, type BatchTask } from './batch.js';

useCodec(zlibCodec);

export { parseAccept, parseArgs, USAGE, UsageError, type AcceptSpec, type AcceptanceMode, type CliOptions } from './args.js';
export { checkFile, exitCode, type FileResult } from './checkFile.js';
export { readConfig } from './config.js';
export { copyTargets, installSignalCleanup, openTemp, outputName, removeTempFiles, sameFile, today } from './files.js';
export { toJson } from './json.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  color: boolean;
  /** The CLI's own entry script: several files are then checked on worker threads running it. */
  workerScript?: string;
  /** stderr is a terminal: show a batch's progress there. */
  progress?: boolean;
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
  const print = (r: FileResult): void => {
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
    for (const r of results) print(r);
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
      print(r);
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
      await writeTextFile(options.html, renderHtml(results, { lang: options.lang, date, checkedWith: checkedWith(checkOptions) }));
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

