// npm run bench: speed and memory of the core and the CLI. Figures, not pass/fail: goals are
// printed beside them (core seed ≤ 2 ms, 2k rows ≤ 40 ms, 20k ≤ 400 ms, CLI ≤ 1.3× a bare read).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { checkWorkbook, type WorkbookSnapshot } from '../src/core/index.js';
import { snapshotOf } from '../src/adapters/exceljs/snapshot.js';
import { generatedSheet } from './generate.js';
import { adapterFigures } from './adapter.js';
import { copyFigures } from './copy.js';
import { wpsFigures } from './wps.js';

const root = process.cwd();
const SEED = path.join(root, 'assets/samples/ningxian-2026.xlsx');
const MAIN = path.join(root, 'build/src/cli/main.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeCore(snapshot: WorkbookSnapshot, runs: number): number {
  for (let i = 0; i < Math.min(5, runs); i++) checkWorkbook(snapshot); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    checkWorkbook(snapshot);
    times.push(performance.now() - t);
  }
  return median(times);
}

function wall(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return median(times);
}

const fmt = (n: number, d = 2) => n.toFixed(d);
const rows: [string, string, string][] = [];
const line = (what: string, value: string, goal = '') => rows.push([what, value, goal]);

async function main(): Promise<void> {
  // The heap figure needs a collection before it (without one it can come out negative):
  // run again with --expose-gc when started without it (npm run bench).
  if (!global.gc) {
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exitCode = r.status ?? 1;
    return;
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SEED) as unknown as ArrayBuffer);
  const seed = snapshotOf(wb);
  const seedMs = timeCore(seed, 200);
  line('core: seed table (35 rows)', `${fmt(seedMs, 3)} ms`, '≤ 2 ms');

  const s2k = { sheets: [generatedSheet(2000)] };
  const s20k = { sheets: [generatedSheet(20000)] };
  const t2k = timeCore(s2k, 30);
  const t20k = timeCore(s20k, 7);
  line('core: generated 2,000 rows', `${fmt(t2k)} ms`, '≤ 40 ms');
  line('core: generated 20,000 rows', `${fmt(t20k)} ms`, '≤ 400 ms');
  line('core: 20k / 2k time ratio', `${fmt(t20k / t2k)}×`, '≈ 10× (linear)');

  if (global.gc) global.gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const report = checkWorkbook(s20k);
  const heapAfter = process.memoryUsage().heapUsed;
  line('core: heap for a 20,000-row report', `${fmt((heapAfter - heapBefore) / 1048576, 1)} MiB`, `${report.tables[0].indicators.length} indicators`);

  const bare = `const E=require('exceljs');new E.Workbook().xlsx.readFile(${JSON.stringify(SEED)}).then(()=>{})`;
  const bareMs = wall(['-e', bare], 9);
  const cliMs = wall([MAIN, '--json', SEED], 9);
  line('CLI: seed, wall time', `${fmt(cliMs, 0)} ms`, '');
  line('exceljs: bare read of the seed, wall time', `${fmt(bareMs, 0)} ms`, '');
  line('CLI / bare exceljs read', `${fmt(cliMs / bareMs)}×`, '≤ 1.3×');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  const files: string[] = [];
  for (let i = 0; i < 50; i++) {
    const f = path.join(dir, `t${i}.xlsx`);
    copyFileSync(SEED, f);
    files.push(f);
  }
  let t = performance.now();
  spawnSync(process.execPath, [MAIN, '--json', ...files], { stdio: 'ignore', maxBuffer: 1 << 28 });
  const oneCall = performance.now() - t;
  t = performance.now();
  for (const f of files) spawnSync(process.execPath, [MAIN, '--json', f], { stdio: 'ignore' });
  const fiftyCalls = performance.now() - t;
  line('CLI: 50 files in one call', `${fmt(oneCall, 0)} ms`, '');
  line('CLI: 50 files in 50 calls', `${fmt(fiftyCalls, 0)} ms`, `${fmt(fiftyCalls / oneCall, 1)}× slower`);

  batchFigures(dir);

  rows.push(...(await adapterFigures()));
  rows.push(...(await copyFigures(SEED)));
  rows.push(...(await wpsFigures()));
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  for (const [what, value, goal] of rows) console.log(`${what.padEnd(width)}  ${value.padStart(12)}  ${goal}`);
}

/**
 * A 财政局's batch: 200 and 400 copies of the seed in a folder, on one thread and on every core,
 * interleaved (1, all, 1, all …) so the machine's noise falls on both; wall time per pair, files
 * per second, and peak RSS (through /usr/bin/time where it exists) as the count doubles.
 */
function batchFigures(dir: string): void {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const folder = (n: number): string => {
    const d = path.join(dir, `batch-${n}`);
    for (let i = 0; i < n; i++) {
      const sub = path.join(d, `县${i % 10}`);
      mkdirSync(sub, { recursive: true });
      copyFileSync(SEED, path.join(sub, `单位${i}.xlsx`));
    }
    return d;
  };
  const timed = (args: string[]): { ms: number; rssKiB?: number } => {
    const t = performance.now();
    if (existsSync('/usr/bin/time')) {
      const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
      const rss = Number(String(r.stderr).trim().split('\n').pop());
      return { ms: performance.now() - t, ...(Number.isFinite(rss) ? { rssKiB: rss } : {}) };
    }
    spawnSync(process.execPath, args, { stdio: 'ignore', maxBuffer: 1 << 28 });
    return { ms: performance.now() - t };
  };
  for (const n of [200, 400]) {
    const d = folder(n);
    const one: number[] = [];
    const all: number[] = [];
    const ratios: number[] = [];
    let rss = 0;
    for (let round = 0; round < 3; round++) {
      const a = timed([MAIN, '--json', '--jobs', '1', d]);
      const b = timed([MAIN, '--json', '--jobs', String(cores), d]);
      one.push(a.ms);
      all.push(b.ms);
      ratios.push(b.ms / a.ms);
      rss = Math.max(rss, a.rssKiB ?? 0, b.rssKiB ?? 0);
    }
    line(`batch: ${n} files, 1 thread`, `${fmt(n / (median(one) / 1000), 0)} files/s`, `${fmt(median(one), 0)} ms`);
    line(`batch: ${n} files, ${cores} threads`, `${fmt(n / (median(all) / 1000), 0)} files/s`, `${fmt(median(all), 0)} ms; per pair ${ratios.map((r) => `${fmt(r)}×`).join(' ')}`);
    if (rss) line(`batch: ${n} files, peak RSS`, `${fmt(rss / 1024, 0)} MiB`, 'flat as the count doubles');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
