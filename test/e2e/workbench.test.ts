// The whole path in a real browser: the workbench page, the unchanged task pane, the Excel
// adapter over the simulated Excel, the core, and the written 得分 column — as a user sees it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ARTIFACTS, DIST, ROOT, ensureWorkbenchBuild, launchChromium, serveStatic, type Browser, type StaticServer, eventually } from './harness.js';

const SHEET = '整体支出绩效目标表';
const STEP = 60_000;

let server: StaticServer;
let browser: Browser;
let page: Page;
let tmp: string;
const pageErrors: string[] = [];
const foreignRequests: string[] = [];
/** Text of every drawn cell of the seed before anything was written. */
let original: Map<string, string>;
const syncs: Record<string, number> = {};

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'workbench-e2e-'));
  await ensureWorkbenchBuild();
  server = await serveStatic(DIST);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(server.url) && !url.startsWith('blob:') && !url.startsWith('data:')) foreignRequests.push(url);
  });
  await page.goto(server.url);
}, 600_000);

afterAll(async () => {
  if (syncs.check !== undefined) console.log(`context.sync() per action on the seed: ${JSON.stringify(syncs)}`);
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}, 60_000);

afterEach(() => {
  expect(pageErrors).toEqual([]);
  // Offline means offline: nothing but the page's own files.
  expect(foreignRequests).toEqual([]);
});

const cell = (a1: string) => page.locator(`[data-cell="${a1}"]`);


const textOf = async (a1: string) => ((await cell(a1).textContent()) ?? '').trim();
const selected = async (a1: string) => cell(a1).getAttribute('aria-selected');

async function expectText(a1: string, text: string | RegExp): Promise<void> {
  await eventually(async () => {
    if (typeof text === 'string') expect(await textOf(a1)).toBe(text);
    else expect(await textOf(a1)).toMatch(text);
  });
}

async function expectSelected(a1: string, value: 'true' | 'false'): Promise<void> {
  await eventually(async () => expect(await selected(a1)).toBe(value));
}

async function expectVisibleText(scope: string, text: string | RegExp): Promise<void> {
  await page.locator(scope).getByText(text).first().waitFor({ state: 'visible' });
}

const nameBox = () => page.getByLabel('名称框').inputValue();

async function cellTexts(): Promise<Map<string, string>> {
  const pairs = await page.$$eval('[data-cell]', (cells) => cells.map((c) => [c.getAttribute('data-cell') ?? '', c.textContent ?? '']));
  return new Map(pairs as [string, string][]);
}

/** Clicks a pane button and waits until the workbench has recorded the action it caused. */
async function act(name: string, action: string): Promise<string> {
  const status = page.getByTestId('last-action');
  const before = Number(await status.getAttribute('data-actions'));
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="last-action"]')?.getAttribute('data-actions')) > n,
    before,
  );
  const text = (await status.textContent()) ?? '';
  expect(text).toContain(`上次操作：${action}`);
  return text;
}

function syncCount(status: string): number {
  const m = /context\.sync\(\) (\d+) 次/.exec(status);
  if (!m) throw new Error(`no sync count in "${status}"`);
  return Number(m[1]);
}

async function paneReady(): Promise<void> {
  await page.waitForFunction(() => {
    const buttons = [...document.querySelectorAll('.wb-pane button')] as HTMLButtonElement[];
    const check = buttons.find((b) => b.textContent?.trim() === '校验');
    return !!check && !check.disabled;
  });
}

test(
  'opens the bundled sample: sheet tab, merged cells, values as Excel shows them',
  async () => {
    await eventually(async () => expect(await page.getByTestId('file-name').textContent()).toBe('ningxian-2026.xlsx'));
    await expectText('A1', '宁县总工会整体支出绩效目标表');
    expect(await page.getByRole('tab', { name: SHEET }).getAttribute('aria-selected')).toBe('true');
    expect(await cell('A1').getAttribute('colspan')).toBe('9');
    expect(await cell('A12').getAttribute('rowspan')).toBe('11');
    expect(await cell('B1').count()).toBe(0);
    expect(await textOf('D5')).toBe('130.4');
    expect(await textOf('F24')).toBe('稳步提升');
    expect(await textOf('J11')).toBe('');
    await paneReady();
    original = await cellTexts();
    expect(original.size).toBeGreaterThan(300);
  },
  STEP,
);

test(
  '校验 lists the weights error (Σ 90) and the F24 value-format error',
  async () => {
    const status = await act('校验', '校验');
    syncs.check = syncCount(status);
    // Two syncs to read, one to write, whatever the size of the workbook.
    expect(syncs.check).toBeGreaterThanOrEqual(2);
    expect(syncs.check).toBeLessThanOrEqual(4);

    const pane = page.locator('.wb-pane');
    await expectVisibleText('.wb-pane', '找到 1 张绩效目标表');
    const weights = pane.locator('button', { hasText: '一级指标权重合计 90' });
    expect(await weights.count()).toBe(1);
    expect(await weights.textContent()).toMatch(/B12, B23, B33, B40/);
    const value = pane.locator('button', { hasText: '服务职工总人次' });
    expect(await value.count()).toBe(1);
    expect(await value.textContent()).toContain('F24');
    await expectVisibleText('.wb-pane', /已在“整体支出绩效目标表”的 J 列写入 36 个单元格/);
  },
  STEP,
);

test(
  'clicking a finding moves the grid selection to its cell',
  async () => {
    await page.locator('.wb-pane button', { hasText: '服务职工总人次' }).click();
    await expectSelected('F24', 'true');
    expect(await nameBox()).toBe('F24');
    expect(await page.getByRole('textbox', { name: '编辑栏' }).textContent()).toBe('稳步提升');
    expect(await selected('F23')).toBe('false');
    expect(await page.locator('[data-cell][aria-selected="true"]').count()).toBe(1);

    // The keyboard moves the selection as in Excel; a click selects too.
    await cell('G24').click();
    await eventually(async () => expect(await nameBox()).toBe('G24'));
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await nameBox()).toBe('G25'));
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await nameBox()).toBe('F25'));
    await page.locator('.wb-pane button', { hasText: '服务职工总人次' }).click();
    await expectSelected('F24', 'true');
    expect(await nameBox()).toBe('F24');

    // A finding on several cells selects them all, merged 权重 cells included.
    await page.locator('.wb-pane button', { hasText: '一级指标权重合计 90' }).click();
    for (const a1 of ['B12', 'B23', 'B33', 'B40']) await expectSelected(a1, 'true');
    expect(await selected('F24')).toBe('false');
  },
  STEP,
);

async function scoreColumn(): Promise<string[]> {
  const texts = await cellTexts();
  return Array.from({ length: 35 }, (_, i) => texts.get(`J${12 + i}`) ?? '(missing)');
}

async function headersNamed(text: string): Promise<string[]> {
  const texts = await cellTexts();
  return [...texts].filter(([, t]) => t.trim() === text).map(([a1]) => a1);
}

test(
  'the 得分 column: a header and 35 numbers beside the indicators',
  async () => {
    await expectText('J11', '得分');
    const scores = await scoreColumn();
    for (const s of scores) expect(s).toMatch(/^\d+\.\d{2}$/);
    expect(scores.reduce((sum, s) => sum + Number(s), 0)).toBeCloseTo(87, 2);
    expect(scores[24 - 12]).toBe('0.00');
    expect(await textOf('J47')).toBe('');
    expect(await headersNamed('得分')).toEqual(['J11']);
  },
  STEP,
);

test(
  '校验 again still gives exactly one 得分 column',
  async () => {
    await act('校验', '校验');
    await expectVisibleText('.wb-pane', '找到 1 张绩效目标表');
    expect(await headersNamed('得分')).toEqual(['J11']);
    const scores = await scoreColumn();
    for (const s of scores) expect(s).toMatch(/^\d+\.\d{2}$/);
    expect(await textOf('K11')).toBe('');
  },
  STEP,
);

test(
  'notes and fills: a re-check with both switched on marks the failing row, and a screenshot at 1400×900',
  async () => {
    await page.getByRole('switch', { name: '添加批注' }).check();
    await page.getByRole('switch', { name: '标记颜色' }).check();
    await page.getByRole('combobox', { name: '缩放' }).selectOption('0.8');
    // Select the finding that matters most, then check again: the status line shows the check.
    await page.locator('.wb-pane button', { hasText: '服务职工总人次' }).click();
    await expectSelected('F24', 'true');
    await act('校验', '校验');
    await expectVisibleText('.wb-pane', '找到 1 张绩效目标表');

    // Row 24 failed: its score cell is coloured and carries the finding as a note (hover text + marker).
    await eventually(async () => expect(await cell('J24').getAttribute('title')).toContain('服务职工总人次'));
    expect(await cell('J24').locator('.wb-note-marker').count()).toBe(1);
    expect(await cell('J24').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(253, 231, 233)');
    expect(await cell('J12').getAttribute('title')).toBeNull();
    expect(await headersNamed('得分')).toEqual(['J11']);
    expect(await selected('F24')).toBe('true');

    const pane = await page.locator('.wb-pane').boundingBox();
    expect(pane).not.toBeNull();
    expect(Math.abs(pane!.width - 360)).toBeLessThanOrEqual(12);
    expect(pane!.x + pane!.width).toBeCloseTo(1400, 0);
    // At 80 % the whole table and its 得分 column fit beside the pane.
    const scroller = await page.locator('.wb-grid-scroll').boundingBox();
    const scores = await cell('J11').boundingBox();
    expect(scores!.x + scores!.width).toBeLessThanOrEqual(scroller!.x + scroller!.width);
    await page.locator('.wb-pane').evaluate((el) => el.scrollTo(0, 0));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-seed-checked.png') });
  },
  STEP,
);

test(
  '下载 saves the workbook with the 得分 column',
  async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载' }).click()]);
    expect(download.suggestedFilename()).toBe('ningxian-2026.checked.xlsx');
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.getWorksheet(SHEET)!;
    expect(ws.getCell('J11').value).toBe('得分');
    expect(typeof ws.getCell('J12').value).toBe('number');
    expect(ws.getCell('J24').value).toBe(0);
    // The user's cells and merges come back as they were.
    expect(ws.getCell('F24').value).toBe('稳步提升');
    expect(ws.model.merges).toContain('A12:A22');
  },
  STEP,
);

test(
  '清除结果 brings back every original cell',
  async () => {
    const status = await act('清除结果', '清除结果');
    syncs.clear = syncCount(status);
    // The clear's own 4, and 1 to remove the live re-check's handlers (nothing is shown to keep up to date).
    expect(syncs.clear).toBeLessThanOrEqual(5);
    await expectVisibleText('.wb-pane', '已清除 36 个单元格');
    expect(await textOf('J11')).toBe('');
    const after = await cellTexts();
    expect([...after]).toEqual([...original]);
  },
  STEP,
);

/** Waits until the workbench has recorded one more pane action, and returns its status line. */
async function actionAfter(before: number, action: string): Promise<string> {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="last-action"]')?.getAttribute('data-actions')) > n,
    before,
  );
  const text = (await page.getByTestId('last-action').textContent()) ?? '';
  expect(text).toContain(`上次操作：${action}`);
  return text;
}

const actionCount = async () => Number(await page.getByTestId('last-action').getAttribute('data-actions'));

test(
  '忽略 the F24 finding with a reason: listed under 已忽略, one error fewer; 生成校验报告 adds a 校验报告 tab whose links lead back',
  async () => {
    // 清除结果 emptied the pane too: check again.
    await act('校验', '校验');
    const pane = page.locator('.wb-pane');
    const summary = pane.getByRole('region', { name: '概况' });
    const errorsIn = async () => Number(/错误 (\d+)/.exec((await summary.getByText(/^错误 \d+ · 警告/).first().textContent()) ?? '')?.[1]);
    const errors = await errorsIn();
    expect(errors).toBeGreaterThanOrEqual(2);

    const item = pane.locator('li', { has: page.locator('button', { hasText: '服务职工总人次' }) });
    const before = await actionCount();
    await item.getByRole('button', { name: '忽略', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '忽略此问题' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: '忽略原因（可选）' }).fill('口径待定，下年度补充');
    await dialog.getByRole('button', { name: '确定忽略' }).click();
    const status = await actionAfter(before, '忽略');
    syncs.accept = syncCount(status);
    // Read (2), the very hidden sheet added and hidden outside the undo group (2), the 得分 column
    // with its targets re-read first (2) — as the session test counts them.
    expect(syncs.accept).toBeLessThanOrEqual(6);
    await dialog.waitFor({ state: 'detached' });

    await eventually(async () => expect(await errorsIn()).toBe(errors - 1));
    expect(await summary.getByText(/已忽略 1$/).count()).toBeGreaterThan(0);
    expect(await pane.locator('button', { hasText: '服务职工总人次' }).count()).toBe(0);
    await pane.getByRole('button', { name: '已忽略 (1)' }).click();
    const accepted = pane.getByRole('list', { name: '已忽略 (1)' });
    await accepted.getByText('服务职工总人次', { exact: false }).first().waitFor();
    expect(await accepted.getByText(/原因：口径待定，下年度补充（\d{4}-\d{2}-\d{2}）/).count()).toBe(1);
    // Row 24 no longer loses its points; the very hidden sheet has no tab.
    await expectText('J24', '3.00');
    expect(await page.getByRole('tab').allTextContents()).toEqual([SHEET]);

    const reported = await actionCount();
    await pane.getByRole('button', { name: '生成校验报告', exact: true }).click();
    syncs.report = syncCount(await actionAfter(reported, '生成校验报告'));
    await expectVisibleText('.wb-pane', /已生成工作表“校验报告”/);
    await eventually(async () => expect(await page.getByRole('tab').allTextContents()).toEqual([SHEET, '校验报告']));

    await page.getByRole('tab', { name: '校验报告' }).click();
    await expectText('A1', '整体支出绩效目标表校验报告');
    // The accepted finding is in the report with its reason; its cell links back to F24.
    const link = page.locator('[data-link$="!F24"]').first();
    expect(await link.textContent()).toBe('F24');
    await link.click();
    await eventually(async () => expect(await page.getByRole('tab', { name: SHEET }).getAttribute('aria-selected')).toBe('true'));
    await expectSelected('F24', 'true');
  },
  STEP,
);

/** Answers the prompt before undownloaded changes are discarded: 放弃更改并打开. */
async function discardAndOpen(): Promise<void> {
  const prompt = page.getByRole('alertdialog', { name: '放弃未下载的更改？' });
  await prompt.waitFor();
  await prompt.getByRole('button', { name: '放弃更改并打开' }).click();
  await prompt.waitFor({ state: 'detached' });
}

async function secondWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('填表说明').getCell('A1').value = '请在“目标表”中填写绩效目标。';
  const ws = workbook.addWorksheet('目标表');
  const rows: (string | number | null)[][] = [
    ['测试局整体支出绩效目标表'],
    ['单位（部门）名称', '测试局'],
    ['年度绩效目标', '保障机关正常运转。'],
    ['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注'],
    ['产出指标', 60, '数量指标', '培训人次', '定量', '≥200', '人次', '全年培训不少于200人次', ''],
    [null, null, '质量指标', '培训合格率', '定量', '较高', '%', '合格率较高', ''],
    ['满意度指标', 40, '服务对象满意度', '学员满意度', '定量', '≥90', '%', '满意度不低于90%', ''],
  ];
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 2, c + 2).value = v)));
  ws.mergeCells('B2:J2');
  ws.mergeCells('B6:B7');
  ws.mergeCells('C6:C7');
  await workbook.xlsx.writeFile(file);
}

test(
  'opens a second workbook through the file input and checks it',
  async () => {
    const file = path.join(tmp, '测试局.xlsx');
    await secondWorkbook(file);
    await page.getByTestId('file-input').setInputFiles(file);
    // The acceptance and the report are not downloaded: the page asks before dropping them.
    await discardAndOpen();
    await eventually(async () => expect(await page.getByTestId('file-name').textContent()).toBe('测试局.xlsx'));
    await expectText('A1', '请在“目标表”中填写绩效目标。');
    await eventually(async () => expect(await page.getByRole('tab').allTextContents()).toEqual(['填表说明', '目标表']));
    expect(await page.getByRole('tab', { name: '填表说明' }).getAttribute('aria-selected')).toBe('true');
    await paneReady();
    // A new workbook gets a fresh pane: no findings of the seed.
    expect(await page.locator('.wb-pane').getByText('找到 1 张绩效目标表').count()).toBe(0);

    await act('校验', '校验');
    const pane = page.locator('.wb-pane');
    await expectVisibleText('.wb-pane', '找到 1 张绩效目标表');
    await expectVisibleText('.wb-pane', /无绩效目标表的工作表：填表说明/);
    const value = pane.locator('button', { hasText: '培训合格率' }).first();
    expect(await value.textContent()).toContain('G7');

    await page.getByRole('tab', { name: '目标表' }).click();
    await expectText('B2', '测试局整体支出绩效目标表');
    expect(await page.getByRole('tab', { name: '目标表' }).getAttribute('aria-selected')).toBe('true');
    await expectText('K5', '得分');
    expect(await textOf('K6')).toBe('30.00');
    expect(await textOf('K7')).toBe('0.00');
    expect(await textOf('K8')).toBe('40.00');

    await value.click();
    await expectSelected('G7', 'true');
    expect(await nameBox()).toBe('G7');
  },
  STEP,
);

test(
  '上年表 (issue 19): last year\'s self-evaluated table opened beside the workbook; the next 校验 compares with it',
  async () => {
    // Last year's 测试局 table, self-evaluated: 300 trained, so this year's ≥200 is below it.
    const file = path.join(tmp, '测试局上年自评表.xlsx');
    await secondWorkbook(file);
    const last = new ExcelJS.Workbook();
    await last.xlsx.readFile(file);
    const ws = last.getWorksheet('目标表')!;
    ws.getCell('K5').value = '实际完成值';
    ws.getCell('K6').value = 300;
    ws.getCell('K7').value = '较高';
    ws.getCell('K8').value = 92;
    await last.xlsx.writeFile(file);
    await page.getByTestId('previous-input').setInputFiles(file);
    await eventually(async () => expect(await page.getByTestId('previous-name').textContent()).toContain('上年表：测试局上年自评表.xlsx（3 个指标）'));
    await act('校验', '校验');
    await expectVisibleText('.wb-pane', /本年目标「≥200」低于上年实际完成值 300/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'workbench-previous-year.png') });
    // Stopping the comparison: the next check no longer has it.
    await page.getByRole('button', { name: '不用上年表' }).click();
    await act('校验', '校验');
    await eventually(async () => expect(await page.locator('.wb-pane').getByText(/低于上年实际完成值/).count()).toBe(0));
  },
  STEP,
);

/** Drags a file (bytes from disk) over the page and drops it, as a user would from the desktop. */
async function dropFile(file: string, name: string): Promise<void> {
  const base64 = readFileSync(file).toString('base64');
  const transfer = await page.evaluateHandle(
    ({ base64, name }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      return dt;
    },
    { base64, name },
  );
  await page.dispatchEvent('.wb-frame', 'dragover', { dataTransfer: transfer });
  await page.locator('.wb-drop').waitFor();
  await page.dispatchEvent('.wb-frame', 'drop', { dataTransfer: transfer });
}

test(
  'dropping a file opens it; a file that is not .xlsx is refused with a message',
  async () => {
    await dropFile(path.join(ROOT, 'package.json'), 'package.json');
    await expectVisibleText('.wb-frame', '只能打开 .xlsx 格式的工作簿。');
    expect(await page.getByTestId('file-name').textContent()).toContain('测试局.xlsx');

    await dropFile(path.join(ROOT, 'assets', 'samples', 'ningxian-2026.xlsx'), '宁县.xlsx');
    // 测试局 was checked and not downloaded.
    await discardAndOpen();
    await eventually(async () => expect(await page.getByTestId('file-name').textContent()).toBe('宁县.xlsx'));
    await expectText('A1', '宁县总工会整体支出绩效目标表');
    expect(await page.locator('.wb-drop').count()).toBe(0);
    expect(await page.getByText('只能打开 .xlsx 格式的工作簿。').count()).toBe(0);
  },
  STEP,
);

/** One table of `rows` indicators under a single 一级; the indicator on `badRow` has a text value. */
async function largeWorkbook(file: string, rows: number, badRow: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('大表');
  ws.getCell('A1').value = '大表整体支出绩效目标表';
  ws.getCell('A2').value = '单位（部门）名称';
  ws.getCell('B2').value = '大表单位';
  ws.addRow([]);
  ws.getRow(4).values = ['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注'];
  for (let i = 0; i < rows; i++) {
    const r = 5 + i;
    ws.getRow(r).values = ['产出指标', 100, '数量指标', `第${i + 1}项工作完成数`, '定量', r === badRow ? '较多' : '≥1', '项', '', '说明'];
  }
  ws.mergeCells(`A5:A${4 + rows}`);
  ws.mergeCells(`B5:B${4 + rows}`);
  await workbook.xlsx.writeFile(file);
}

test(
  'a 2,000-row table opens, checks, and a finding far down selects its cell',
  async () => {
    const file = path.join(tmp, '大表.xlsx');
    await largeWorkbook(file, 2000, 1804);
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles(file);
    await expectText('D5', '第1项工作完成数');
    await paneReady();
    const opened = Date.now() - started;
    // Rows are drawn in chunks: the first screenfuls are there, not all 2,014 rows at once.
    const drawnRows = () => page.locator('tr[data-row]').count();
    expect(await drawnRows()).toBeLessThanOrEqual(300);

    const checkStarted = Date.now();
    const status = await act('校验', '校验');
    const checked = Date.now() - checkStarted;
    expect(syncCount(status)).toBeLessThanOrEqual(4);
    const finding = page.locator('.wb-pane button', { hasText: '第1800项工作完成数' });
    await finding.waitFor();
    const jumpStarted = Date.now();
    await finding.click();
    await expectSelected('F1804', 'true');
    const jumped = Date.now() - jumpStarted;
    expect(await nameBox()).toBe('F1804');
    await expectText('J1804', '0.00');
    await expectText('J1803', '0.05');
    // The selected cell was scrolled into view.
    const box = await cell('F1804').boundingBox();
    const scroller = await page.locator('.wb-grid-scroll').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(scroller!.y);
    expect(box!.y + box!.height).toBeLessThanOrEqual(scroller!.y + scroller!.height + 1);
    // The rows drawn moved to the finding instead of growing down to it.
    expect(await drawnRows()).toBeLessThanOrEqual(300);
    // The merged 一级 and 权重 cells still show where the drawn rows cut them.
    expect(await page.locator('[data-cell="A5"]').textContent()).toBe('产出指标');

    // Scrolling back up draws the rows above again, down to row 1.
    await eventually(async () => {
      await page.locator('.wb-grid-scroll').evaluate((el) => el.scrollTo(0, 0));
      expect(await textOf('A1')).toBe('大表整体支出绩效目标表');
    }, 30_000);
    console.log(`2,000-row table: opened in ${opened} ms, checked in ${checked} ms, jumped to row 1,804 in ${jumped} ms (${status})`);
  },
  120_000,
);
