// Adapter figures for npm run bench: context.sync() calls of the task pane's check and clear on
// the simulated Excel (the real adapter and core over the simulator), on 1 and 200 sheets, and the
// wall time of a whole check of a 2,000-row table. Goal: the seed's check (read + write) ≤ 3 syncs.
// Then Excel on the web (issue 16): syncs and estimated bytes per sync (the simulator's model of
// Office.js's payloads) for the seed, a 260k-cell workbook, 250 sheets and 5,000 findings; the
// largest sync must stay under the 5 MB Excel on the web accepts.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { checkWorkbook, planClear, planResults, type WorkbookSnapshot } from '../src/core/index.js';
import { createWorkbookAdapter } from '../src/adapters/office/index.js';
import { planReportSheet, type CellValue } from '../src/core/index.js';
import {
  createExcel,
  createSheet,
  createWorkbookModel,
  fromExcelJs,
  PAYLOAD_LIMIT,
  sheetFromRows,
  type ExcelSimulator,
  type SheetModel,
  type WorkbookModel,
} from '../src/adapters/simulator/index.js';
import { generatedSheet } from './generate.js';

const SEED = path.join(process.cwd(), 'test/fixtures/ningxian-2026.xlsx');

type Row = [string, string, string];

interface Round {
  read: number;
  write: number;
  /** The clear's own read (the pane reads afresh before 清除结果) and the clear itself. */
  clearRead: number;
  clear: number;
  cellsWritten: number;
  ms: number;
}

/** The pane's check (read → core → plan → write), then its clear (read → planClear → clear), counting syncs. */
async function round(model: WorkbookModel): Promise<Round> {
  const excel = createExcel(model, { apiVersion: '1.20' });
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const syncsOf = async (step: () => Promise<unknown>): Promise<number> => {
    const before = excel.totalSyncs;
    await step();
    return excel.totalSyncs - before;
  };

  const start = performance.now();
  let snapshot: WorkbookSnapshot = { sheets: [] };
  const read = await syncsOf(async () => {
    snapshot = await adapter.readSnapshot();
  });
  const plans = planResults(snapshot, checkWorkbook(snapshot));
  const write = await syncsOf(() => adapter.writeResults(plans));
  const ms = performance.now() - start;

  const clearRead = await syncsOf(async () => {
    snapshot = await adapter.readSnapshot();
  });
  const clear = await syncsOf(() => adapter.clearResults(planClear(snapshot)));
  return { read, write, clearRead, clear, cellsWritten: plans.reduce((n, p) => n + p.writes.length, 0), ms };
}

async function seedSheet(): Promise<SheetModel> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SEED);
  return fromExcelJs(workbook).sheets[0];
}

function copySheet(sheet: SheetModel, name: string): SheetModel {
  const copy = createSheet(name, { merges: sheet.merges });
  for (const [key, cell] of sheet.cells) copy.cells.set(key, { ...cell });
  return copy;
}

/** A staff list, the kind of sheet that sits beside the table in real workbooks. */
function staffSheet(i: number): SheetModel {
  const rows = [['姓名', '科室', '职务', '联系电话']];
  for (let r = 0; r < 8; r++) rows.push([`职工${i}-${r}`, '办公室', '科员', `1390000${String(i * 10 + r).padStart(4, '0')}`]);
  return sheetFromRows(`名单${i}`, rows);
}

function generatedModel(rows: number): WorkbookModel {
  const s = generatedSheet(rows);
  return createWorkbookModel([sheetFromRows(s.name, s.values, { merges: s.merges, numberFormats: s.numberFormats })]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const syncs = (r: Round): string => `${r.read} + ${r.write} = ${r.read + r.write}`;
const clears = (r: Round): string => `${r.clearRead} + ${r.clear} = ${r.clearRead + r.clear}`;
const goal = (r: Round): string => `seed ≤ 3 in all (${r.cellsWritten} cells written)`;

/** Syncs of one step and the largest estimated request and response among them. */
interface Traffic {
  syncs: number;
  request: number;
  response: number;
}

async function traffic(excel: ExcelSimulator, step: () => Promise<unknown>): Promise<Traffic> {
  const seen: Traffic = { syncs: 0, request: 0, response: 0 };
  const stop = excel.subscribe((e) => {
    if (e.type !== 'sync') return;
    seen.syncs += 1;
    seen.request = Math.max(seen.request, e.requestBytes);
    seen.response = Math.max(seen.response, e.responseBytes);
  });
  try {
    await step();
  } finally {
    stop();
  }
  return seen;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const shown = (t: Traffic): string => `${t.syncs} syncs, max ${mb(Math.max(t.request, t.response))}`;
const under = (t: Traffic): string =>
  `req ${mb(t.request)} / resp ${mb(t.response)}; ${Math.max(t.request, t.response) < PAYLOAD_LIMIT ? 'under' : 'OVER'} 5 MB`;

/** Read, check, write (and the 校验报告 when asked) on Excel on the web, each step measured. */
async function webRound(model: WorkbookModel, report = false): Promise<{ read: Traffic; write: Traffic; report?: Traffic; cells: number }> {
  const excel = createExcel(model, { apiVersion: '1.20', platform: 'web' });
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported, platform: 'web' });
  let snapshot: WorkbookSnapshot = { sheets: [] };
  const read = await traffic(excel, async () => {
    snapshot = await adapter.readSnapshot();
  });
  const result = checkWorkbook(snapshot);
  const plans = planResults(snapshot, result);
  const write = await traffic(excel, () => adapter.writeResults(plans));
  const cells = plans.reduce((n, p) => n + p.writes.length, 0);
  if (!report) return { read, write, cells };
  await adapter.readSnapshot();
  const sheet = await traffic(excel, () => adapter.writeReportSheet(planReportSheet(result, { lang: 'zh', date: '2026-05-01' })));
  return { read, write, report: sheet, cells };
}

/** The seed beside a 10,000 × 26 detail sheet of formatted amounts (260k cells). */
function withDetail(seed: SheetModel): WorkbookModel {
  const rows = Array.from({ length: 10_000 }, (_, r) => Array.from({ length: 26 }, (_, c) => 1000 + r * 26 + c + 0.25));
  const detail = sheetFromRows('明细', rows, { numberFormats: rows.map((row) => row.map(() => '#,##0.00')) });
  return createWorkbookModel([copySheet(seed, seed.name), detail]);
}

/** A table of 5,000 quantitative indicators whose values are words: 5,000 findings. */
function manyFindings(): WorkbookModel {
  const grid: CellValue[][] = [['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容']];
  for (let i = 0; i < 5_000; i++) grid.push(['产出指标', i === 0 ? 100 : null, '数量指标', `指标${i + 1}`, '定量', '稳步提升', '项', `说明${i}`]);
  return createWorkbookModel([sheetFromRows('大表', grid)]);
}

export async function adapterFigures(): Promise<Row[]> {
  const rows: Row[] = [];
  const seed = await seedSheet();

  const one = await round(createWorkbookModel([copySheet(seed, seed.name)]));
  rows.push(['adapter: seed, syncs read + write', syncs(one), goal(one)]);
  rows.push(['adapter: seed, syncs read + clear', clears(one), 'the clear reads afresh first']);

  const lists = Array.from({ length: 199 }, (_, i) => staffSheet(i));
  const mixed = await round(createWorkbookModel([...lists, copySheet(seed, '目标表')]));
  rows.push(['adapter: 199 lists + seed, syncs read + write', syncs(mixed), goal(mixed)]);
  rows.push(['adapter: 199 lists + seed, syncs read + clear', clears(mixed), '']);

  const tables = await round(createWorkbookModel(Array.from({ length: 200 }, (_, i) => copySheet(seed, `表${i + 1}`))));
  rows.push(['adapter: seed on 200 sheets, syncs read + write', syncs(tables), goal(tables)]);
  rows.push(['adapter: seed on 200 sheets, syncs read + clear', clears(tables), '']);
  rows.push(['adapter: seed on 200 sheets, check wall time', `${tables.ms.toFixed(0)} ms`, '']);

  await round(generatedModel(2000)); // warm up the JIT
  const big: Round[] = [];
  for (let i = 0; i < 5; i++) big.push(await round(generatedModel(2000)));
  rows.push(['adapter: 2,000 rows, syncs read + write', syncs(big[0]), goal(big[0])]);
  rows.push(['adapter: 2,000 rows, check wall time (simulator)', `${median(big.map((r) => r.ms)).toFixed(0)} ms`, 'read + core + plan + write']);

  const webSeed = await webRound(createWorkbookModel([copySheet(seed, seed.name)]));
  rows.push(['web: seed, read', shown(webSeed.read), under(webSeed.read)]);
  rows.push(['web: seed, write', shown(webSeed.write), `${under(webSeed.write)} (${webSeed.cells} cells)`]);
  const detail = await webRound(withDetail(seed));
  rows.push(['web: seed + 260k-cell detail sheet, read', shown(detail.read), under(detail.read)]);
  rows.push(['web: seed + 260k-cell detail sheet, write', shown(detail.write), under(detail.write)]);
  const many = await webRound(createWorkbookModel(Array.from({ length: 250 }, (_, i) => copySheet(seed, `表${i + 1}`))));
  rows.push(['web: seed on 250 sheets, read', shown(many.read), under(many.read)]);
  rows.push(['web: seed on 250 sheets, write', shown(many.write), `${under(many.write)} (${many.cells} cells)`]);
  const findings = await webRound(manyFindings(), true);
  rows.push(['web: 5,000 findings, read', shown(findings.read), under(findings.read)]);
  rows.push(['web: 5,000 findings, write (score + fill + note)', shown(findings.write), `${under(findings.write)} (${findings.cells} cells)`]);
  rows.push(['web: 5,000 findings, 校验报告', shown(findings.report!), under(findings.report!)]);
  return rows;
}
