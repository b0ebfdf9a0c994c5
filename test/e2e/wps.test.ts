// The WPS 加载项 in Chromium: dist/wps/<name>_<version>/index.html?pane=1 (as main.js opens it) from
// disk, with the simulated ET injected as window.Application before the page loads. 校验 lists the
// seed's findings, clicking one selects F24 through Range.Select(), the 得分 column is written in
// one 2-D Value2 block with the screen frozen, and 清除结果 restores every cell. No network.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import webpack from 'webpack';
import { fromExcelJs, type CellModel } from '../../src/adapters/simulator/index.js';
import { DIST, ROOT, ensureWorkbenchBuild, offlineBrowser, type Browser } from './harness.js';
import type { SeedSheet } from './wpsEtPage.js';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const ADDIN = path.join(ROOT, 'dist', 'wps', `${pkg.name}_${pkg.version}`);

function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(target) ? 0 : stat.mtimeMs;
  return readdirSync(target).reduce((t, name) => Math.max(t, newest(path.join(target, name))), 0);
}

/** npm run build:wps unless dist/wps is newer than its sources. */
function ensureWpsBuild(): void {
  const page = path.join(ADDIN, 'index.html');
  const inputs = ['src', 'assets', 'webpack.wps.config.js', 'scripts/wps-deploy.mjs', 'package.json'].map((p) => newest(path.join(ROOT, p)));
  if (existsSync(page) && statSync(page).mtimeMs > Math.max(...inputs)) return;
  const run = spawnSync('npm', ['run', 'build:wps'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build:wps failed:\n${run.stdout}\n${run.stderr}`);
}

/** The ET simulator as one script for the page (test only: it never goes into dist/wps). */
async function etPageScript(dir: string): Promise<string> {
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: path.join(ROOT, 'test/e2e/wpsEtPage.ts'),
    output: { path: dir, filename: 'et.js' },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'swc-loader', options: { swcrc: false, jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } } } }] },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else compiler.close(() => resolve());
    }),
  );
  return readFileSync(path.join(dir, 'et.js'), 'utf8');
}

let browser: Browser;
let tmp: string;
let close: (() => Promise<void>) | undefined;
let initScript: string;
let original: [string, CellModel][];

beforeAll(async () => {
  ensureWpsBuild();
  await ensureWorkbenchBuild();
  ({ browser, tmp, close } = await offlineBrowser('wps-e2e-'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(ROOT, 'test/fixtures/ningxian-2026.xlsx'));
  const model = fromExcelJs(workbook);
  const sheets: SeedSheet[] = model.sheets.map((s) => ({ name: s.name, cells: [...s.cells], merges: s.merges, protected: s.protected }));
  original = sheets[0].cells;
  initScript = `window.__jixiaoSeed = ${JSON.stringify({ sheets, activeSheet: model.activeSheet })};\n${await etPageScript(tmp)}`;
}, 600_000);

afterAll(async () => close?.(), 60_000);

test('校验 in the WPS pane lists the seed’s findings, selects F24, writes the 得分 column in one block, and 清除结果 restores every cell', async () => {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript({ content: initScript });
  try {
    await page.goto(`${pathToFileURL(path.join(ADDIN, 'index.html')).href}?pane=1`);
    const check = page.locator('button', { hasText: /^校验$/ });
    await check.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === '校验' && !(b as HTMLButtonElement).disabled));
    await check.click();
    await page.getByText('找到 1 张绩效目标表').first().waitFor();
    expect(await page.locator('button', { hasText: '一级指标权重合计 90' }).count()).toBe(1);
    const finding = page.locator('button', { hasText: '服务职工总人次' });
    expect(await finding.textContent()).toContain('F24');

    type Et = { model: { sheets: { name: string; cells: Map<string, CellModel> }[]; selection: unknown }; valueWrites: { address: string; rows: number; columns: number; screenUpdating: boolean }[]; callsByMember: Map<string, number>; calls: number };
    const state = () =>
      page.evaluate(() => {
        const et = (window as unknown as { __jixiaoEt: Et }).__jixiaoEt;
        return { selection: et.model.selection, writes: et.valueWrites, selects: et.callsByMember.get('Range.Select') ?? 0, calls: et.calls, j24: et.model.sheets[0].cells.get('J24') ?? null, cells: [...et.model.sheets[0].cells] };
      });
    const afterCheck = await state();
    // The 得分 column (J on the seed): header and scores in one 2-D Value2 block, screen frozen.
    const scoreBlocks = afterCheck.writes.filter((w) => w.address.startsWith('J'));
    expect(scoreBlocks).toHaveLength(1);
    expect(scoreBlocks[0]).toMatchObject({ columns: 1, screenUpdating: false });
    expect(scoreBlocks[0].rows).toBeGreaterThan(10);
    expect(afterCheck.j24).toMatchObject({ value: 0 });
    expect(afterCheck.j24?.note).toMatch(/服务职工总人次/);

    await finding.click();
    await page.waitForFunction(() => (window as unknown as { __jixiaoEt: Et }).__jixiaoEt.model.selection !== null);
    const afterSelect = await state();
    expect(afterSelect.selection).toEqual({ sheet: '整体支出绩效目标表', areas: ['F24'] });
    expect(afterSelect.selects).toBe(1);

    await page.locator('button', { hasText: /^清除结果$/ }).click();
    await page.getByText(/已清除|已清除结果/).first().waitFor();
    const afterClear = await state();
    expect(new Map(afterClear.cells)).toEqual(new Map(original));
    console.log(`WPS e2e: ${afterCheck.calls} object-model calls for 校验 (read + write), ${afterClear.calls - afterSelect.calls} for 清除结果`);
  } finally {
    await page.close();
  }
  expect(pageErrors).toEqual([]);
  expect(requests.filter((r) => !/^(file|data|blob):/.test(r))).toEqual([]);
}, 180_000);

test('the workbench can play WPS 表格: 校验 through the WPS adapter writes the same column, counted in WPS calls', async () => {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  try {
    await page.goto(pathToFileURL(path.join(DIST, 'index.html')).href);
    await page.locator('[data-cell="A1"]').getByText('宁县总工会整体支出绩效目标表').waitFor();
    await page.getByText('开发者信息', { exact: true }).first().click();
    await page.getByRole('combobox', { name: '模拟的 Excel' }).selectOption('wps');
    await page.getByText('WPS JS API').waitFor();
    const check = page.locator('.wb-pane button', { hasText: /^校验$/ });
    await page.waitForFunction(() => [...document.querySelectorAll('.wb-pane button')].some((b) => b.textContent?.trim() === '校验' && !(b as HTMLButtonElement).disabled));
    await check.click();
    await page.locator('.wb-pane').getByText('找到 1 张绩效目标表').first().waitFor();
    await page.locator('[data-cell="J24"]').getByText('0.00').waitFor();
    expect(await page.getByTestId('last-action').textContent()).toMatch(/上次操作：校验 · WPS 对象模型调用 \d+ 次/);
  } finally {
    await page.close();
  }
  expect(pageErrors).toEqual([]);
}, 180_000);
