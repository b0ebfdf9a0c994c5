// The command line: its options, the usage text, and the parser that turns argv into CliOptions
// or a UsageError naming what is wrong.
import { isValidReservedPoints, rules, type Lang } from '../core/index.js';

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
      if (!isValidReservedPoints(n)) throw new UsageError(`--reserved 应为 0 到 100 之间的数 / must be a number from 0 to 100: ${v}`);
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
