// The CLI as an intranet unit gets it: one tarball, installed with no registry at all
// (`npm install -g ./jixiao-check-<v>.tgz --offline`), then run on the sample workbook.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const NO_NETWORK = path.join(ROOT, 'test', 'helpers', 'no-network.cjs');
const SAMPLE = path.join(ROOT, 'assets', 'samples', 'ningxian-2026.xlsx');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
  scripts: Record<string, string>;
  dependencies?: Record<string, string>;
  engines: { node: string };
};
const NPM = process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];

let tmp: string;
let tarball: string;
let packed: string[];

function npm(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const [cmd, ...pre] = NPM;
  return execFileSync(cmd, [...pre, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(bin, args, { cwd: tmp, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-offline-cli-'));
  // What `prepack` runs; called here so the scripts of `npm pack` (prepare rebuilds build/src,
  // which other tests are running) stay out of it.
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--config', 'webpack.cli.config.js'], { cwd: ROOT, stdio: 'pipe' });
  const [info] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp])) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, info.filename);
  packed = info.files.map((f) => f.path).sort();
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the package ships the bundled CLI and no sources, tests or screenshots', () => {
  expect(path.basename(tarball)).toBe(`jixiao-check-${pkg.version}.tgz`);
  expect(pkg.scripts.prepack).toBe('npm run build:bundle');
  expect(pkg.dependencies ?? {}).toEqual({});
  expect(pkg.bin['jixiao-check']).toBe('build/bundle/jixiao-check.cjs');
  expect(packed).toEqual([
    'README.md',
    'build/bundle/THIRD-PARTY-LICENSES.txt',
    'build/bundle/jixiao-check.cjs',
    'build/bundle/jixiao-check.cjs.LICENSE.txt',
    'docs/RULES.md',
    'package.json',
  ]);
  // The notices of what is bundled travel with it.
  expect(readFileSync(path.join(ROOT, 'build', 'bundle', 'THIRD-PARTY-LICENSES.txt'), 'utf8')).toMatch(/^exceljs@4\.4\.0 \(MIT\)$/m);
  expect(readFileSync(path.join(ROOT, pkg.bin['jixiao-check']), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
});

test('installs with --offline from an empty cache and an unreachable registry, and checks the sample', async () => {
  const prefix = path.join(tmp, 'prefix');
  const cache = path.join(tmp, 'empty-cache');
  mkdirSync(cache);
  npm(['install', '-g', tarball, '--offline', '--prefix', prefix, '--no-audit', '--no-fund'], {
    npm_config_cache: cache,
    // Were anything fetched, it would fail here rather than quietly succeed from a warm cache.
    npm_config_registry: 'http://127.0.0.1:9/',
  });
  const bin = path.join(prefix, 'bin', 'jixiao-check');
  expect(existsSync(bin)).toBe(true);
  // Nothing but the package itself: its dependencies are inside the one file.
  expect(existsSync(path.join(prefix, 'lib', 'node_modules', 'jixiao-check', 'node_modules'))).toBe(false);

  const env = { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require ${NO_NETWORK}`, NODE_PATH: '' };
  const text = await run(bin, [SAMPLE], env);
  expect(text.stderr).toBe('');
  expect(text.code).toBe(1); // the sample has errors
  expect(text.stdout).toContain('一级指标权重合计 90，应为 100');
  expect(text.stdout).toContain('得分 87.00 / 90.00');

  const json = await run(bin, ['--json', '--lang', 'en', '--out', path.join(tmp, 'out'), SAMPLE], env);
  expect(json.code).toBe(1);
  const report = JSON.parse(json.stdout) as { tables: { totals: { score: number; points: number } }[] };
  expect(report.tables[0].totals).toMatchObject({ score: 87, points: 90 });
  expect(existsSync(path.join(tmp, 'out', 'ningxian-2026.checked.xlsx'))).toBe(true);
}, 180_000);

test('engines says what the bundle was built for', () => {
  const config = readFileSync(path.join(ROOT, 'webpack.cli.config.js'), 'utf8');
  const target = /target: 'node(\d+)'/.exec(config)?.[1];
  expect(pkg.engines.node).toBe(`>=${target}`);
});
