// Issue 17 in a real browser, at a 1366×768 laptop and at Windows' 125 % scaling (1093×614):
// after 校验 the results and the 得分 column are in view, developer words stay behind
// 开发者信息, nothing undownloaded is lost without a prompt, one language per page, a 审核人 name.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, DIST, ensureWorkbenchBuild, launchChromium, serveStatic, type Browser, type StaticServer, eventually } from './harness.js';

const STEP = 90_000;
const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1093x614', width: 1093, height: 614 },
];

let server: StaticServer;
let browser: Browser;
let tmp: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'issue17-e2e-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  await ensureWorkbenchBuild();
  server = await serveStatic(DIST);
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

/** A fresh page at `size` with nothing remembered from earlier tests (settings, 审核人). */
async function openPage(size: { width: number; height: number }, query = '', checkLabel = '校验'): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.setViewportSize(size);
  await page.goto(server.url + query);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await paneReady(page, checkLabel);
  return page;
}

async function paneReady(page: Page, label = '校验'): Promise<void> {
  await page.waitForFunction((label) => {
    const buttons = [...document.querySelectorAll('.wb-pane button')] as HTMLButtonElement[];
    const check = buttons.find((b) => b.textContent?.trim() === label);
    return !!check && !check.disabled;
  }, label);
}

async function check(page: Page, label = '校验'): Promise<void> {
  const before = Number(await page.getByTestId('last-action').getAttribute('data-actions'));
  await page.locator('.wb-pane').getByRole('button', { name: label, exact: true }).click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="last-action"]')?.getAttribute('data-actions')) > n, before);
}


/** The element's box lies inside the window and inside `within` (its scrolling container). */
async function expectInView(page: Page, target: Locator, within: Locator): Promise<void> {
  await eventually(async () => {
    const box = await target.boundingBox();
    const frame = await within.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(frame).not.toBeNull();
    expect(box!.height).toBeGreaterThan(0);
    expect(box!.x).toBeGreaterThanOrEqual(Math.max(0, frame!.x) - 1);
    expect(box!.y).toBeGreaterThanOrEqual(Math.max(0, frame!.y) - 1);
    expect(box!.x + box!.width).toBeLessThanOrEqual(Math.min(viewport.width, frame!.x + frame!.width) + 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(Math.min(viewport.height, frame!.y + frame!.height) + 1);
  });
}

const firstFinding = (page: Page) => page.locator('.wb-pane li > button').first();
const scoreHeader = (page: Page) => page.locator('[data-cell="J11"]');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `issue17-${name}.png`) });

async function expectResultsInView(page: Page): Promise<void> {
  await eventually(async () => expect(((await scoreHeader(page).textContent()) ?? '').trim()).toBe('得分'));
  await expectInView(page, firstFinding(page), page.locator('.wb-pane'));
  expect(await firstFinding(page).textContent()).toMatch(/一级指标权重合计 90/);
  await expectInView(page, scoreHeader(page), page.locator('.wb-grid-scroll'));
  // The keyboard is at the summary, two Tab presses before the first finding.
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('概况'));
}

describe.each(SIZES)('at $name', (size) => {
  test(
    'after 校验 the first finding and the 得分 header are in view, also with 设置 open; 查看 selects the column',
    async () => {
      const page = await openPage(size);
      await check(page);
      await expectResultsInView(page);
      await shot(page, `checked-${size.name}`);

      // 设置 open pushes the results ≈ 2,600 px down: they are scrolled to all the same.
      await page.locator('.wb-pane').getByRole('button', { name: '设置', exact: true }).click();
      await page.locator('.wb-grid-scroll').evaluate((el) => el.scrollTo(0, 0));
      await check(page);
      await expectResultsInView(page);
      await shot(page, `checked-settings-open-${size.name}`);

      // From the summary, Tab reaches the first finding within five presses.
      let presses = 0;
      while (presses < 5 && !(await firstFinding(page).evaluate((el) => el === document.activeElement))) {
        await page.keyboard.press('Tab');
        presses += 1;
      }
      expect(await firstFinding(page).evaluate((el) => el === document.activeElement)).toBe(true);

      // The notice of the written column goes there.
      await page.locator('.wb-grid-scroll').evaluate((el) => el.scrollTo(0, 0));
      const notice = page.locator('.wb-pane [role="group"]', { hasText: '已在“整体支出绩效目标表”的 J 列写入 36 个单元格' });
      await notice.getByRole('button', { name: '查看' }).click();
      await eventually(async () => expect(await page.getByLabel('名称框').inputValue()).toBe('J11'));
      await expectInView(page, scoreHeader(page), page.locator('.wb-grid-scroll'));
      await page.close();
    },
    STEP,
  );

  test(
    'developer words stay behind 开发者信息; the live region says the result; another Excel version checks again',
    async () => {
      const page = await openPage(size);
      await check(page);
      const announcement = page.getByTestId('pane-announcement');
      await eventually(async () => expect(await announcement.textContent()).toBe('校验完成：2 个错误，1 个警告，0 个提示。得分 87.00 / 90.00。'));
      expect(await announcement.getAttribute('aria-live')).toBe('polite');
      // No live region speaks of syncs.
      const live = await page.$$eval('[role="status"], [aria-live], [role="alert"]', (els) => els.map((e) => e.textContent ?? ''));
      expect(live.some((t) => /context\.sync|Excel\.run/.test(t))).toBe(false);
      for (const words of [/context\.sync\(\)/, /模拟的 Excel/, /批注模式/, /--config/]) {
        expect(await page.getByText(words).first().isVisible().catch(() => false)).toBe(false);
      }
      await shot(page, `plain-${size.name}`);

      await page.getByText('开发者信息', { exact: true }).first().click();
      await page.getByText(/context\.sync\(\) \d+ 次/).waitFor({ state: 'visible' });
      const version = page.getByRole('combobox', { name: '模拟的 Excel' });
      await version.waitFor({ state: 'visible' });
      await shot(page, `developer-${size.name}`);
      const before = Number(await page.getByTestId('last-action').getAttribute('data-actions'));
      await version.selectOption('1.9');
      // A new pane for the older Excel checks again: the findings come back instead of vanishing.
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="last-action"]')?.getAttribute('data-actions')) > n, before);
      expect(await page.getByTestId('last-action').textContent()).toContain('上次操作：校验');
      await page.locator('.wb-pane li > button', { hasText: '服务职工总人次' }).waitFor();
      await page.locator('.wb-pane').getByText('找到 1 张绩效目标表').waitFor();
      await page.close();
    },
    STEP,
  );
});

async function secondWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('目标表').getCell('A1').value = '另一个工作簿';
  await workbook.xlsx.writeFile(file);
}

const fileName = async (page: Page) => (await page.getByTestId('file-name').textContent()) ?? '';

test(
  '有未下载的更改 follows the workbook; opening another file and closing the tab ask first; 审核人 is stored and remembered',
  async () => {
    const page = await openPage(SIZES[1]);
    expect(await fileName(page)).toBe('ningxian-2026.xlsx');
    await check(page);
    await eventually(async () => expect(await fileName(page)).toContain('有未下载的更改'));
    // 清除结果 takes back what was written: nothing left to download, nothing left in the pane.
    await check(page, '清除结果');
    await eventually(async () => expect(await fileName(page)).toBe('ningxian-2026.xlsx'));
    expect(await page.locator('.wb-pane').getByRole('heading', { name: '概况' }).count()).toBe(0);

    // 忽略 with a 审核人 name.
    await check(page);
    const item = page.locator('.wb-pane li', { has: page.locator('button', { hasText: '服务职工总人次' }) });
    await item.getByRole('button', { name: '忽略', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '忽略此问题' });
    await dialog.getByRole('textbox', { name: '忽略原因（可选）' }).fill('口径待定');
    await dialog.getByRole('textbox', { name: '审核人' }).fill('张会计');
    await dialog.getByRole('button', { name: '确定忽略' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.wb-pane').getByRole('button', { name: '已忽略 (1)' }).click();
    await page.locator('.wb-pane').getByText(/原因：口径待定（张会计，\d{4}-\d{2}-\d{2}）/).waitFor();

    // Closing the tab with changes not downloaded asks too.
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await eventually(() => expect(dialogs).toEqual(['beforeunload']));
    // Dismissed: the page stays, with its changes.
    expect(page.isClosed()).toBe(false);
    page.removeAllListeners('dialog');

    // Opening another file while that is not downloaded asks first; 取消 keeps the workbook.
    const other = path.join(tmp, '另一个.xlsx');
    await secondWorkbook(other);
    await page.getByTestId('file-input').setInputFiles(other);
    const discard = page.getByRole('alertdialog', { name: '放弃未下载的更改？' });
    await discard.waitFor();
    expect(await discard.textContent()).toContain('“ningxian-2026.xlsx”中有尚未下载的更改');
    // The workbook stays in sight behind the prompt: the page did not scroll away to the dialog.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const toolbar = await page.locator('.wb-toolbar').boundingBox();
    expect(toolbar!.y).toBe(0);
    // Let the dialog's fade-in finish before the picture.
    await new Promise((r) => setTimeout(r, 600));
    await shot(page, 'discard-prompt-1093x614');
    await page.setViewportSize(SIZES[0]);
    await shot(page, 'discard-prompt-1366x768');
    await page.setViewportSize(SIZES[1]);
    await discard.getByRole('button', { name: '取消' }).click();
    await discard.waitFor({ state: 'detached' });
    expect(await fileName(page)).toContain('ningxian-2026.xlsx');
    expect(await page.locator('.wb-pane').getByText('找到 1 张绩效目标表').count()).toBe(1);
    // Closing the prompt gives the page back to assistive technology.
    await eventually(async () => expect(await page.getByRole('tab').allTextContents()).toEqual(['整体支出绩效目标表']));

    // 先下载，再打开: the copy holds the acceptance with its reviewer, then the other file opens.
    await page.getByTestId('file-input').setInputFiles(other);
    await discard.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), discard.getByRole('button', { name: '先下载，再打开' }).click()]);
    const saved = path.join(tmp, download.suggestedFilename());
    await download.saveAs(saved);
    await eventually(async () => expect(await fileName(page)).toBe('另一个.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const accepted = workbook.getWorksheet('_jixiao_accepted');
    expect(accepted).toBeDefined();
    const texts: string[] = [];
    accepted!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain('张会计');
    expect(texts).toContain('口径待定');

    // The next reviewer opening the copy sees who accepted the finding.
    await paneReady(page);
    await page.getByTestId('file-input').setInputFiles(saved);
    await eventually(async () => expect(await fileName(page)).toBe(download.suggestedFilename()));
    await paneReady(page);
    await check(page);
    await page.locator('.wb-pane').getByRole('button', { name: '已忽略 (1)' }).click();
    await page.locator('.wb-pane').getByText(/原因：口径待定（张会计，\d{4}-\d{2}-\d{2}）/).waitFor();

    // The 审核人 name is remembered by this browser for the next acceptance.
    const next = await browser.context.newPage();
    next.on('pageerror', (e) => pageErrors.push(e.message));
    await next.goto(server.url);
    await paneReady(next);
    await check(next);
    const nextItem = next.locator('.wb-pane li', { has: next.locator('button', { hasText: '服务职工总人次' }) });
    await nextItem.getByRole('button', { name: '忽略', exact: true }).click();
    const reviewer = next.getByRole('dialog').getByRole('textbox', { name: '审核人' });
    await eventually(async () => expect(await reviewer.inputValue()).toBe('张会计'));
    await next.close();
    await page.close();
  },
  120_000,
);

test(
  'one language per page: ?lang=en sets the title and <html lang>; the pane’s language switch takes the toolbar along',
  async () => {
    const page = await openPage(SIZES[0], '?lang=en', 'Check');
    expect(await page.title()).toBe('Performance Target Checker · Workbench');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Open…' }).waitFor();
    await check(page, 'Check');
    await page.locator('.wb-pane').getByRole('heading', { name: 'Summary' }).waitFor();
    const english = `${await page.locator(".wb-toolbar").textContent()}${await page.locator(".wb-status").textContent()}`;
    expect(english).not.toMatch(/[\u4e00-\u9fff：]/);
    expect(await page.locator('.wb-pane').textContent()).not.toMatch(/Error：|Warning：/);
    await shot(page, 'english-1366x768');
    await page.setViewportSize(SIZES[1]);
    await shot(page, 'english-1093x614');
    await page.setViewportSize(SIZES[0]);

    // 中文 in the pane: the toolbar, title and <html lang> follow, and the findings stay.
    await page.locator('.wb-pane').getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '打开…' }).waitFor();
    expect(await page.title()).toBe('绩效目标表校验 · 工作台');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('.wb-pane').getByRole('heading', { name: '概况' }).count()).toBe(1);
    await page.locator('.wb-pane').getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Open…' }).waitFor();
    expect(await page.title()).toBe('Performance Target Checker · Workbench');
    // The switch reopened nothing: the workbook keeps its 得分 column and the pane its findings.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await fileName(page)).toBe('ningxian-2026.xlsx · Changes not downloaded');
    expect(((await page.locator('[data-cell="J11"]').textContent()) ?? '').trim()).toBe('得分');
    expect(await page.locator('.wb-pane').getByRole('heading', { name: 'Summary' }).count()).toBe(1);
    await page.close();
  },
  STEP,
);

test(
  'the grid: Excel’s navigation keys, the active cell named to screen readers, the note under the formula bar, a read-only hint, the name box jumps, text runs into empty cells',
  async () => {
    const page = await openPage(SIZES[0]);
    await check(page);
    const nameBox = page.getByLabel('名称框');
    const grid = page.getByRole('grid', { name: '工作表“整体支出绩效目标表”' });
    const activeIs = async (a1: string) => {
      await eventually(async () => expect(await nameBox.inputValue()).toBe(a1));
      const id = await grid.getAttribute('aria-activedescendant');
      expect(await page.locator(`[id="${id}"]`).getAttribute('data-cell')).toBe(a1);
    };

    // The failing row's score cell carries its finding as a note: shown when the cell is selected.
    await page.locator('[data-cell="J24"]').click();
    await activeIs('J24');
    await eventually(async () => expect(await page.getByTestId('cell-note').textContent()).toContain('服务职工总人次'));
    await shot(page, 'cell-note-1366x768');

    await page.keyboard.press('Control+Home');
    await activeIs('A1');
    expect(await page.getByTestId('cell-note').count()).toBe(0);
    await page.keyboard.press('PageDown');
    await eventually(async () => expect(Number(/\d+/.exec(await nameBox.inputValue())?.[0])).toBeGreaterThanOrEqual(10));
    await page.keyboard.press('Control+End');
    await eventually(async () => expect(await nameBox.inputValue()).toMatch(/^J4[6-9]$/));
    await page.locator('[data-cell="G30"]').click();
    await page.keyboard.press('End');
    await activeIs('J30');

    // Typing does nothing but say why.
    await page.keyboard.type('5');
    await page.getByText(/工作台只检查、不编辑单元格/).waitFor();
    await page.keyboard.press('ArrowLeft');
    await activeIs('I30');
    expect(await page.getByText(/工作台只检查、不编辑单元格/).count()).toBe(0);

    // The name box jumps, and says so when the text is no address.
    await nameBox.fill('F24');
    await nameBox.press('Enter');
    await activeIs('F24');
    await nameBox.fill('第三行');
    await nameBox.press('Enter');
    await page.getByText('“第三行”不是单元格地址，请输入如 F24 或 B12:B40。').waitFor();

    // The 校验报告's title runs on into the empty cells to its right instead of being cut.
    await page.locator('.wb-pane').getByRole('button', { name: '生成校验报告', exact: true }).click();
    await page.getByRole('tab', { name: '校验报告' }).click();
    const title = page.locator('[data-cell="A1"] .wb-text');
    await eventually(async () => expect(await title.textContent()).toBe('整体支出绩效目标表校验报告'));
    const fits = await title.evaluate((el) => ({ whole: el.scrollWidth <= el.clientWidth + 1, wider: el.clientWidth > (el.parentElement?.clientWidth ?? 0) }));
    expect(fits).toEqual({ whole: true, wider: true });
    await shot(page, 'report-overflow-1366x768');
    await page.close();
  },
  STEP,
);

test(
  'at 200 % zoom (683×384) the page reflows without sideways scrolling; the pane can be hidden and shown again with its results',
  async () => {
    const page = await openPage({ width: 683, height: 384 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    const paneBox = await page.locator('.wb-pane').boundingBox();
    expect(paneBox!.width).toBeLessThanOrEqual(683 / 2 + 1);
    await check(page);
    await page.locator('.wb-pane').getByRole('heading', { name: '概况' }).waitFor();
    expect(await sideways()).toBeLessThanOrEqual(0);
    await shot(page, 'zoom200-pane-683x384');

    const hide = page.getByRole('button', { name: '隐藏校验窗格' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    await hide.click();
    await page.locator('.wb-pane').waitFor({ state: 'hidden' });
    const grid = await page.locator('.wb-grid-scroll').boundingBox();
    expect(grid!.width).toBeGreaterThan(683 - 8);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await shot(page, 'zoom200-pane-hidden-683x384');

    const show = page.getByRole('button', { name: '显示校验窗格' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    // The pane was kept, not remounted: its findings are still there.
    await page.locator('.wb-pane').getByRole('heading', { name: '概况' }).waitFor();
    expect(await page.locator('.wb-pane li > button', { hasText: '服务职工总人次' }).count()).toBe(1);
    await page.close();
  },
  STEP,
);

test(
  'the pane can be resized with the divider, by keyboard and by mouse',
  async () => {
    const page = await openPage(SIZES[0]);
    const width = async () => (await page.locator('.wb-pane').boundingBox())!.width;
    expect(Math.abs((await width()) - 360)).toBeLessThanOrEqual(2);
    const divider = page.getByRole('separator', { name: /调整校验窗格宽度/ });
    await divider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(Math.abs((await width()) - 420)).toBeLessThanOrEqual(2));
    expect(await divider.getAttribute('aria-valuenow')).toBe('420');
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(Math.abs((await width()) - 400)).toBeLessThanOrEqual(2));

    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x - 98, box.y + 100, { steps: 5 });
    await page.mouse.up();
    await eventually(async () => expect(Math.abs((await width()) - 500)).toBeLessThanOrEqual(3));
    // The grid keeps its room and the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await check(page);
    await page.locator('.wb-pane').getByRole('heading', { name: '概况' }).waitFor();
    await shot(page, 'pane-resized-1366x768');
    await page.close();
  },
  STEP,
);
