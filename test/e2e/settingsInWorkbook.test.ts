// Issue 17.5 in a real browser: the pane's settings are saved in the workbook, so they are
// downloaded with it and come back when the copy is opened in a fresh browser (another
// reviewer's); a template chosen for one workbook is not carried over to the next.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { readCustomProperties } from '../../src/adapters/xlsx/index.js';
import { normalizeSettings, readSettingsProperties } from '../../src/workflow/index.js';
import { DIST, ROOT, ensureWorkbenchBuild, launchChromium, serveStatic, type Browser, type StaticServer, eventually } from './harness.js';

let server: StaticServer;
let tmp: string;
const browsers: Browser[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'settings-e2e-'));
  await ensureWorkbenchBuild();
  server = await serveStatic(DIST);
}, 600_000);

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

/** A Chromium with a profile of its own: nothing in its storage from another. */
async function freshBrowser(): Promise<Page> {
  const browser = await launchChromium();
  browsers.push(browser);
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  await paneReady(page);
  return page;
}

async function paneReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const check = ([...document.querySelectorAll('.wb-pane button')] as HTMLButtonElement[]).find((b) => b.textContent?.trim() === '校验');
    return !!check && !check.disabled;
  });
}


const fileName = async (page: Page) => (await page.getByTestId('file-name').textContent()) ?? '';

/** The pane's 设置, opened; its template select and reserved points field. */
async function settingsOf(page: Page) {
  const pane = page.locator('.wb-pane');
  const toggle = pane.getByRole('button', { name: '设置', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return { template: pane.getByLabel('模板', { exact: true }), reserved: pane.getByLabel('预留分值', { exact: true }) };
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(file);
  await eventually(async () => expect(await fileName(page)).toContain(path.basename(file)));
  await paneReady(page);
}

test(
  'settings go with the downloaded workbook into a fresh browser; the next workbook opened starts from the defaults',
  async () => {
    const page = await freshBrowser();
    expect(await fileName(page)).toBe('ningxian-2026.xlsx');
    let s = await settingsOf(page);
    expect(await s.template.inputValue()).toBe('');
    await s.template.selectOption('national');
    await eventually(async () => expect(await s.reserved.inputValue()).toBe('10'));
    // Saved in the workbook, so the page has something to download.
    await eventually(async () => expect(await fileName(page)).toContain('有未下载的更改'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    const copy = path.join(tmp, download.suggestedFilename());
    await download.saveAs(copy);
    const stored = await readSettingsProperties({ get: (n) => readCustomProperties(new Uint8Array(readFileSync(copy))).get(n) });
    expect(normalizeSettings(stored)).toMatchObject({ profile: 'national', reservedPoints: 10 });

    // Another workbook in the same page: the template chosen for the first is not its.
    const other = path.join(tmp, '另一个.xlsx');
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'ningxian-2026.xlsx'), other);
    await openFile(page, other);
    s = await settingsOf(page);
    expect(await s.template.inputValue()).toBe('');
    expect(await s.reserved.inputValue()).toBe('0');

    // The downloaded copy in another browser (a second reviewer): the settings come back.
    const reviewer = await freshBrowser();
    await openFile(reviewer, copy);
    s = await settingsOf(reviewer);
    await eventually(async () => expect(await s.template.inputValue()).toBe('national'));
    expect(await s.reserved.inputValue()).toBe('10');
    // Opening it changed nothing: there is nothing to download.
    expect(await fileName(reviewer)).not.toContain('有未下载的更改');
    expect(pageErrors).toEqual([]);
  },
  180_000,
);
