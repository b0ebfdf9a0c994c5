// Adapter figures for npm run bench: context.sync() calls of the task pane's check and clear on
// the simulated Excel (the real adapter and core over the simulator), on 1 and 200 sheets, and the
// wall time of a whole check of a 2,000-row table. Goal: read + write ≤ 3 syncs whatever the size.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { checkWorkbook, planClear, planResults, type WorkbookSnapshot } from '../src/core/index.js';
import { createWorkbookAdapter } from '../src/excel/index.js';
import {
  createExcel,
  createSheet,
  createWorkbookModel,
  fromExcelJs,
  sheetFromRows,
  type SheetModel,
  type WorkbookModel,
} from '../src/workbench/simulator/index.js';
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
const goal = (r: Round): string => `≤ 3 in all (${r.cellsWritten} cells written)`;

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
  return rows;
}
