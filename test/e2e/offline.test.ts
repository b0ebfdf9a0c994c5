// The workbench as an intranet user gets it: dist/workbench/ (or the zip of it from
// `npm run build:offline`) copied onto a USB stick and opened from disk (file://), with no
// server and no network. The sample must come from the bundle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { DIST, ROOT, ensureWorkbenchBuild, offlineBrowser, type Browser } from './harness.js';

let browser: Browser;
let tmp: string;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  await ensureWorkbenchBuild();
  ({ browser, tmp, close } = await offlineBrowser('workbench-offline-'));
}, 600_000);

afterAll(async () => close?.(), 60_000);

/** Opens `page` from disk, loads the sample, runs 校验; returns every URL the page requested. */
async function openCheckAndListRequests(indexHtml: string): Promise<string[]> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  try {
    await page.goto(pathToFileURL(indexHtml).href);
    await page.getByTestId('file-name').getByText('ningxian-2026.xlsx').waitFor();
    await page.locator('[data-cell="A1"]').getByText('宁县总工会整体支出绩效目标表').waitFor();
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll('.wb-pane button')].find((b) => b.textContent?.trim() === '校验') as HTMLButtonElement | undefined;
      return !!button && !button.disabled;
    });
    await page.locator('.wb-pane button', { hasText: /^校验$/ }).click();
    const pane = page.locator('.wb-pane');
    await pane.getByText('找到 1 张绩效目标表').first().waitFor();
    expect(await pane.locator('button', { hasText: '一级指标权重合计 90' }).count()).toBe(1);
    expect(await pane.locator('button', { hasText: '服务职工总人次' }).textContent()).toContain('F24');
    await page.locator('[data-cell="J24"]').getByText('0.00').waitFor();
  } finally {
    await page.close();
  }
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(failed).toEqual([]);
  return requests;
}

test('dist/workbench/index.html opened from disk loads the embedded sample, checks it, and makes no network request', async () => {
  const requests = await openCheckAndListRequests(path.join(DIST, 'index.html'));
  // Only the page's own files from disk (and the data:/blob: URLs it makes itself).
  expect(requests.filter((r) => !/^(file|data|blob):/.test(r))).toEqual([]);
  expect(requests.some((r) => r.startsWith('file:') && r.endsWith('.js'))).toBe(true);
  // The sample is not fetched from the folder: a file:// fetch is what failed before.
  expect(requests.filter((r) => r.endsWith('.xlsx'))).toEqual([]);
}, 120_000);

test('the zip from build:offline, unpacked anywhere, works the same', async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'zip-workbench.mjs')], { cwd: ROOT, stdio: 'pipe' });
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const zip = await JSZip.loadAsync(readFileSync(path.join(ROOT, 'dist', `jixiao-check-workbench-${version}.zip`)));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const root = `jixiao-check-workbench-${version}/`;
  expect(names.every((n) => n.startsWith(root))).toBe(true);
  expect(names).toContain(`${root}index.html`);
  expect(names.filter((n) => n.endsWith('.map'))).toEqual([]);
  for (const name of names) {
    const target = path.join(tmp, ...name.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    const bytes = await zip.files[name].async('nodebuffer');
    // Same bytes as the folder it was made from.
    expect(bytes.equals(readFileSync(path.join(DIST, name.slice(root.length))))).toBe(true);
    writeFileSync(target, bytes);
  }
  const requests = await openCheckAndListRequests(path.join(tmp, root, 'index.html'));
  expect(requests.filter((r) => !/^(file|data|blob):/.test(r))).toEqual([]);
}, 120_000);
