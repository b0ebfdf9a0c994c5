// WPS figures for npm run bench (issue 15): object-model calls of the pane's check (read + write)
// and clear through the WPS adapter over the simulated ET, on the seed and on a 2,000-row table,
// with the wall time of the simulated round. Each member touched is one call into WPS's object
// model, as a context.sync() is one round trip for Office.js. Runs alone too:
//   npm run build:cli && node build/bench/wps.js
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { checkWorkbook, planClear, planResults, type WorkbookSnapshot } from '../src/core/index.js';
import { createWorkbookModel, fromExcelJs, sheetFromRows, type WorkbookModel } from '../src/adapters/simulator/index.js';
import { createEt } from '../src/adapters/simulator/et/index.js';
import { createWpsAdapter } from '../src/adapters/wps/index.js';
import { generatedSheet } from './generate.js';

const SEED = path.join(process.cwd(), 'test/fixtures/ningxian-2026.xlsx');

type Row = [string, string, string];

interface WpsRound {
  read: number;
  write: number;
  clearRead: number;
  clear: number;
  /** Value2 writes of the 得分 column(s). */
  valueBlocks: number;
  cellsWritten: number;
  ms: number;
}

async function round(model: WorkbookModel): Promise<WpsRound> {
  const et = createEt(model);
  const adapter = createWpsAdapter(et.application);
  const callsOf = async (step: () => Promise<unknown>): Promise<number> => {
    const before = et.calls;
    await step();
    return et.calls - before;
  };
  const start = performance.now();
  let snapshot: WorkbookSnapshot = { sheets: [] };
  const read = await callsOf(async () => {
    snapshot = await adapter.readSnapshot();
  });
  const plans = planResults(snapshot, checkWorkbook(snapshot));
  const writesBefore = et.valueWrites.length;
  const write = await callsOf(() => adapter.writeResults(plans));
  const ms = performance.now() - start;
  const valueBlocks = et.valueWrites.length - writesBefore;
  const clearRead = await callsOf(async () => {
    snapshot = await adapter.readSnapshot();
  });
  const clear = await callsOf(() => adapter.clearResults(planClear(snapshot)));
  return { read, write, clearRead, clear, valueBlocks, cellsWritten: plans.reduce((n, p) => n + p.writes.length, 0), ms };
}

function generatedModel(rows: number): WorkbookModel {
  const s = generatedSheet(rows);
  return createWorkbookModel([sheetFromRows(s.name, s.values, { merges: s.merges, numberFormats: s.numberFormats })]);
}

const calls = (a: number, b: number): string => `${a} + ${b} = ${a + b}`;

export async function wpsFigures(): Promise<Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SEED);
  const seed = await round(fromExcelJs(workbook));
  await round(generatedModel(2000)); // warm up the JIT
  const big = await round(generatedModel(2000));
  return [
    ['WPS: seed check, calls (read + write)', calls(seed.read, seed.write), `${seed.cellsWritten} cells in ${seed.valueBlocks} Value2 block(s)`],
    ['WPS: seed clear, calls (read + clear)', calls(seed.clearRead, seed.clear), ''],
    ['WPS: 2,000 rows check, calls (read + write)', calls(big.read, big.write), `${big.cellsWritten} cells in ${big.valueBlocks} Value2 block(s)`],
    ['WPS: 2,000 rows clear, calls (read + clear)', calls(big.clearRead, big.clear), ''],
    ['WPS: 2,000 rows check, simulated wall time', `${big.ms.toFixed(0)} ms`, 'simulator, not WPS'],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  wpsFigures()
    .then((rows) => {
      const width = Math.max(...rows.map((r) => r[0].length));
      for (const [what, value, goal] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(18)}  ${goal}`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    });
}
