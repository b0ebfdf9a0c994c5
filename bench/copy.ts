// The written copy's cost: `--out` (check + patch the package) against `--json` (check only), on
// the seed and a generated 20,000-row table, and "before": the --out of an older build when
// JIXIAO_BENCH_BEFORE names its build/src/cli/run.js (e.g. one built from the commit before the
// package writer), else an exceljs load + writeBuffer, the round trip the old --out made. Each run is its own process reporting its CPU time and
// peak RSS; the three are interleaved (A B C A B C …) so drift on a shared machine hits all alike,
// and the ratio is given per round. Goal: --out ≤ 1.3× --json CPU at 20,000 rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { generatedSheet } from './generate.js';

type Row = [string, string, string];

interface Usage {
  cpuMs: number;
  rssMiB: number;
}

const RUN = path.join(process.cwd(), 'build/src/cli/run.js');
const BEFORE = process.env.JIXIAO_BENCH_BEFORE;

/** One child process: `code` runs as an ES module; it reports its own CPU time and peak RSS. */
function child(code: string): Usage {
  const script = `${code}\nconst u = process.cpuUsage(); process.stdout.write(JSON.stringify({ cpuMs: (u.user + u.system) / 1000, rssMiB: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.slice(r.stdout.lastIndexOf('{'))) as Usage;
}

const cli = (args: string[], run = RUN): string =>
  `const { runCli } = await import(${JSON.stringify(run)}); await runCli(${JSON.stringify(args)}, { stdout: () => {}, stderr: () => {}, color: false });`;

const exceljsRoundTrip = (file: string): string =>
  `const { default: E } = await import('exceljs'); const wb = new E.Workbook(); await wb.xlsx.readFile(${JSON.stringify(file)}); await wb.xlsx.writeBuffer();`;

async function bigTable(file: string, rows: number): Promise<void> {
  const sheet = generatedSheet(rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  for (const m of sheet.merges) ws.mergeCells(m);
  await wb.xlsx.writeFile(file);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (n: number, d = 0): string => n.toFixed(d);

export async function copyFigures(seed: string, rounds = { seed: 5, big: 3 }): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-copy-'));
  const big = path.join(dir, 'big-20000.xlsx');
  await bigTable(big, 20_000);
  const rows: Row[] = [];
  for (const [label, file, n] of [
    ['seed', seed, rounds.seed],
    ['20,000 rows', big, rounds.big],
  ] as const) {
    const json: Usage[] = [];
    const out: Usage[] = [];
    const before: Usage[] = [];
    for (let i = 0; i < n; i++) {
      json.push(child(cli(['--json', file])));
      out.push(child(cli(['--out', path.join(dir, `out-${i}`), file])));
      before.push(child(BEFORE ? cli(['--out', path.join(dir, `before-${i}`), file], BEFORE) : exceljsRoundTrip(file)));
    }
    const ratios = out.map((o, i) => o.cpuMs / json[i].cpuMs);
    rows.push([`copy (${label}): --json CPU / peak RSS`, `${f(median(json.map((u) => u.cpuMs)))} ms`, `${f(median(json.map((u) => u.rssMiB)))} MiB`]);
    rows.push([`copy (${label}): --out CPU / peak RSS`, `${f(median(out.map((u) => u.cpuMs)))} ms`, `${f(median(out.map((u) => u.rssMiB)))} MiB`]);
    rows.push([`copy (${label}): --out / --json CPU, per round`, `${f(median(ratios), 2)}×`, `${ratios.map((r) => r.toFixed(2)).join(' ')}${label === '20,000 rows' ? '  (goal ≤ 1.3×)' : ''}`]);
    rows.push([
      `copy (${label}): before — ${BEFORE ? 'the older build\'s --out' : 'exceljs load + write'}`,
      `${f(median(before.map((u) => u.cpuMs)))} ms`,
      `${f(median(before.map((u) => u.rssMiB)))} MiB peak; now / before ${out.map((o, i) => (o.cpuMs / before[i].cpuMs).toFixed(2)).join(' ')}`,
    ]);
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
