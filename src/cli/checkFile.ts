// One file through the same session as Excel and the workbench (src/workflow), over a copy port:
// check, take this run's --accept, write the 得分 column and the 校验报告 into a copy that keeps
// every other part of the package as it was.
import path from 'node:path';
import { checkedWith, checkWorkbook, parseCell, parseRange, readAcceptances, type AcceptanceNote, type CheckedWith, type CheckOptions, type Finding, type Report } from '../core/index.js';
import { checkOptionsOf, normalizeSettings, readSettingsProperties, runAccept, runCheck, type AcceptanceChange, type CheckResult, type RunCheckOptions } from '../workflow/index.js';
import { createCopyPort, readCustomProperties } from '../adapters/xlsx/index.js';
import { snapshotOf } from '../adapters/exceljs/snapshot.js';
import { InputError, readWorkbookFile, type OpenedWorkbook } from '../adapters/exceljs/readWorkbook.js';
import type { AcceptSpec, CliOptions } from './args.js';
import { outputName, sameAsAny, today, writeAtomically } from './files.js';
import { promises as fs } from 'node:fs';
import { findingKey } from './textReport.js';

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
  /** The settings the workbook carries, used because the run gave none (no --config, no --reserved). */
  workbookSettings?: CheckedWith;
}

/**
 * The check options a workbook carries in its custom properties (saved by the pane in Excel, WPS
 * or the workbench), or undefined when it carries none or they cannot be read.
 */
async function workbookCheckOptions(bytes: Uint8Array): Promise<CheckOptions | undefined> {
  try {
    const props = readCustomProperties(bytes);
    const settings = normalizeSettings(await readSettingsProperties({ get: (name) => props.get(name) }));
    return settings ? { ...checkOptionsOf(settings), reservedPoints: settings.reservedPoints } : undefined;
  } catch {
    return undefined;
  }
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

/** The finding an --accept names: its rule, on its sheet, at a cell it concerns. */
function findingFor(spec: AcceptSpec, report: Report): Finding | undefined {
  for (const t of report.tables) {
    const f = t.findings.find((x) => x.rule === spec.rule && x.sheet === spec.sheet && covers(x.cells, spec.cell));
    if (f) return f;
  }
  return undefined;
}

/** What the copy could not take, in the user's words; undefined when all went in. */
function writeNotices(outcome: CheckResult, lang: 'zh' | 'en'): string[] {
  const zh = lang === 'zh';
  const notices: string[] = [];
  const locked = [...new Set(outcome.written.filter((w) => w.protected).map((w) => w.sheet))];
  if (locked.length) {
    const names = locked.join('、');
    notices.push(zh ? `未写入：工作表「${names}」受保护，请先撤销工作表保护再写入得分列` : `Not written: sheet "${names}" is protected; unprotect it to write the score column`);
  }
  // Cells the plan left alone (a user's cell where no column is free) and those the writer refused.
  const refused = [...new Set([...(outcome.refused ?? []), ...outcome.written.filter((w) => !w.protected).flatMap((w) => w.skipped.map((a) => `${w.sheet}!${a}`))])];
  if (refused.length) {
    const shown = refused.slice(0, 5);
    const more = refused.length - shown.length;
    notices.push(
      zh
        ? `表格右侧没有空列：${shown.join('、')}${more ? ` 等 ${refused.length} 个单元格` : ''} 有您的内容，未写入（得分列的其余单元格已写入）`
        : `No free column right of the table: ${shown.join(', ')}${more ? ` and ${more} more cells` : ''} hold your content and were not written (the rest of the score column was)`,
    );
  }
  if (outcome.reportRefused === 'name-taken') {
    notices.push(zh ? '未写入校验报告：工作簿中已有一个名为「校验报告」的工作表，且不是本工具写入的' : 'The 校验报告 sheet was not written: the workbook has a sheet of that name that this tool did not write');
  }
  return notices;
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
  const snapshot = snapshotOf(opened.workbook);
  const port = createCopyPort(opened.bytes, snapshot);
  let workbookSettings: CheckedWith | undefined;
  if (options.config === undefined && options.reserved === undefined) {
    // Settings travel with the workbook: the template its officer chose is the one it is checked by.
    const carried = await workbookCheckOptions(opened.bytes);
    if (carried) {
      checkOptions = { ...carried, ...(checkOptions.previous ? { previous: checkOptions.previous } : {}) };
      workbookSettings = checkedWith(checkOptions);
    }
  }
  // The file's own acceptances are a claim by whoever submitted it: taken only when trusted.
  const filed = readAcceptances(snapshot);
  const check: CheckOptions = options.acceptances === 'trust' || filed.length === 0 ? checkOptions : { ...checkOptions, ignoreStored: filed };
  const reading: RunCheckOptions = { write: false, notes: true, fills: true, check, lang: options.lang };
  // The same file as an input (through a symlink or another spelling too) or as the HTML report is never replaced.
  const clash = options.out && target ? await sameAsAny(target, [...options.files, ...(options.html ? [options.html] : [])]) : undefined;
  const wantCopy = Boolean(options.out && target) && clash === undefined;
  const run: RunCheckOptions = wantCopy ? { ...reading, write: true, report: { date } } : reading;
  // One check, writing into the copy port as it goes (the port patches nothing until save); a
  // second only when this run's --accept matched findings of the first.
  let outcome = await runCheck(port, run);
  const acceptedSpecs: AcceptSpec[] = [];
  const changes: AcceptanceChange[] = [];
  for (const spec of options.accept) {
    const finding = findingFor(spec, outcome.report);
    if (!finding) continue;
    acceptedSpecs.push(spec);
    changes.push({ accept: finding, ...(spec.reason ? { reason: spec.reason } : {}), ...(options.by ? { by: options.by } : {}), date });
  }
  if (changes.length) outcome = await runAccept(port, changes, run);
  const result: FileResult = { file, report: outcome.report, acceptedSpecs, ...(workbookSettings ? { workbookSettings } : {}) };
  const hasTable = outcome.report.tables.length > 0;
  if (clash !== undefined && target && hasTable) {
    result.notice =
      options.lang === 'zh'
        ? `未写入：输出文件与${clash === options.html ? ' --html 报告' : '输入文件'}相同（${target} 即 ${clash}），请换一个 --out 目录`
        : `Not written: the output would replace ${clash === options.html ? 'the --html report' : 'the input'} (${target} is ${clash}); choose another --out folder`;
  }
  const writing = wantCopy && hasTable;
  result.report = outcome.report;
  if (options.acceptances === 'show' && filed.length) {
    // What the file's record would accept is shown beside its finding; the finding stays open.
    const open = new Set(outcome.report.tables.flatMap((t) => t.findings.filter((f) => !f.accepted).map(findingKey)));
    const asFiled = checkWorkbook(await port.readSnapshot(), checkOptions);
    const claims = new Map(asFiled.tables.flatMap((t) => t.findings.filter((f) => f.accepted && open.has(findingKey(f))).map((f) => [findingKey(f), f.accepted as AcceptanceNote] as const)));
    if (claims.size) result.claims = claims;
  }
  if (!writing || !target || !options.out) return result;

  const notices = writeNotices(outcome, options.lang);
  // Every table on a protected sheet: nothing of ours can go in, so no copy is made.
  if (outcome.written.length > 0 && outcome.written.every((w) => w.protected)) {
    result.notice = notices.join('\n');
    return result;
  }
  const saved = port.save();
  if (saved.lockedOut.length) {
    const names = saved.lockedOut.join('、');
    notices.push(
      options.lang === 'zh'
        ? `工作簿结构受保护，未添加工作表「${names}」（得分列已写入）；撤销工作簿保护后再运行可添加`
        : `The workbook's structure is protected: sheet "${names}" was not added (the score column was written); unprotect the workbook to add it`,
    );
  }
  if (notices.length) result.notice = notices.join('\n');
  await fs.mkdir(options.out, { recursive: true });
  await writeAtomically(target, saved.bytes);
  result.output = target;
  return result;
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => r.error)) return 2;
  const bad = results.some((r) => !r.report || r.report.tables.length === 0 || r.report.tables.some((t) => t.findings.some((f) => f.severity === 'error' && !f.accepted)));
  return bad ? 1 : 0;
}
