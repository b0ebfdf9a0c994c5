// A wrong file opened in the workbench: the CLI's Chinese message naming the file and what to
// do, no library's English and no address; the message can be closed, and it says which
// workbook the grid still shows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, ensureWorkbenchBuild, launchChromium, serveStatic, type Browser, type StaticServer } from './harness.js';

let server: StaticServer;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'bad-files-e2e-'));
  await ensureWorkbenchBuild();
  server = await serveStatic(DIST);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const cases: [string, string, Buffer, RegExp][] = [
  ['a renamed text file', '说明.xlsx', Buffer.from('单位,金额\n宁县,1\n'), /不是 \.xlsx 工作簿.*另存为 \.xlsx/],
  ['an .xls renamed .xlsx', '旧表.xlsx', Buffer.concat([OLE, Buffer.alloc(512)]), /旧版 Excel 97-2003.*另存为/],
  ['an encrypted workbook', '加密.xlsx', Buffer.concat([OLE, Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(256)]), /设有打开密码.*取消密码/],
  ['an empty file', '空.xlsx', Buffer.alloc(0), /文件为空/],
  ['a damaged zip', '坏.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml'), Buffer.alloc(64, 7)]), /已损坏.*修复/],
];

async function sampleShown(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('.wb-pane button')].some((b) => b.textContent?.trim() === '校验' && !(b as HTMLButtonElement).disabled));
}

test.each(cases)('%s', async (_what, name, bytes, expected) => {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(server.url);
  await sampleShown(page);
  const file = path.join(tmp, name);
  writeFileSync(file, bytes);
  await page.getByTestId('file-input').setInputFiles(file);
  const bar = page.locator('.wb-error');
  await bar.waitFor();
  const text = (await bar.innerText()).trim();
  expect(text).toMatch(expected);
  if (bytes.length > 0) expect(text).toContain(name);
  // The workbook still in the grid is named; no English from a library, no address.
  expect(text).toContain('现在仍显示之前打开的');
  expect(text).not.toMatch(/https?:|www\.|jszip|Corrupted|central directory|End of data/i);
  // Apart from file names and product names, no Latin words (a library's message would show here).
  expect(text.replace(/“[^”]*”|\.xlsx|\.xls|Excel|WPS|CSV/g, '')).not.toMatch(/[A-Za-z]{4,}/);
  // The message can be closed; or it goes when the next action on the shown workbook succeeds.
  if (name === '坏.xlsx') {
    await page.locator('.wb-pane button', { hasText: /^校验$/ }).click();
    await bar.waitFor({ state: 'detached' });
  } else {
    await page.getByRole('button', { name: '关闭提示' }).click();
    await bar.waitFor({ state: 'detached' });
  }
  await page.close();
}, 90_000);
