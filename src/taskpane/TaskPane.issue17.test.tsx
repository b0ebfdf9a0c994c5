/** @jest-environment jsdom */
// Issue 17: the pane as a finance officer meets it — results in view after 校验, developer words
// behind 开发者信息, a live region with the outcome, 清除结果 that clears, a 审核人 name, one language.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { TaskPane, REVIEWER_KEY } from './TaskPane.js';
import { fakeHost, installDomStubs, sampleReport, type FakeHost } from './testing.js';
import type { Lang } from '../core/index.js';

const scrolled: Element[] = [];

beforeAll(() => {
  installDomStubs();
  // jsdom lays nothing out and has no scrollIntoView: record which element was brought into view.
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  cleanup();
  scrolled.length = 0;
  localStorage.clear();
});

/** The sample report, with the 得分 column written in J of the first table (header row 6). */
function writingHost(): FakeHost {
  return fakeHost({ result: { report: sampleReport(), written: [{ sheet: '宁县总工会', column: 'J', cells: 36, skipped: [] }] } });
}

async function renderPane(host: FakeHost, props: { onLangChange?: (l: Lang) => void; checkOnStart?: boolean } = {}) {
  render(<TaskPane host={host} {...props} />);
  const check = screen.getByRole('button', { name: /^(校验|Check)$/ });
  await waitFor(() => expect((check as HTMLButtonElement).disabled).toBe(false));
  return { check, user: userEvent.setup() };
}

const liveRegion = () => screen.getByTestId('pane-announcement');

test('after 校验 the results come into view and the summary has the focus, with 设置 open too', async () => {
  const { check, user } = await renderPane(writingHost());
  await user.click(screen.getByRole('button', { name: '设置' }));
  await user.click(check);
  const summary = await screen.findByRole('heading', { name: '概况' });
  await waitFor(() => expect(document.activeElement).toBe(summary));
  // The element brought into view holds the notices, the summary and the findings.
  expect(scrolled).toHaveLength(1);
  expect(scrolled[0].contains(summary)).toBe(true);
  expect(scrolled[0].contains(screen.getByRole('heading', { name: '问题清单' }))).toBe(true);
  expect(scrolled[0].contains(screen.getByText(/已在“宁县总工会”的 J 列写入 36 个单元格/))).toBe(true);
  expect(scrolled[0].contains(screen.getByRole('group', { name: '设置' }))).toBe(false);
});

test('from the summary the keyboard reaches the first finding in at most five Tab presses', async () => {
  const { check, user } = await renderPane(writingHost());
  await user.click(check);
  const summary = await screen.findByRole('heading', { name: '概况' });
  await waitFor(() => expect(document.activeElement).toBe(summary));
  const first = screen.getByRole('button', { name: /一级指标权重合计为 90/ });
  let presses = 0;
  while (document.activeElement !== first && presses < 5) {
    await user.tab();
    presses += 1;
  }
  expect(document.activeElement).toBe(first);
});

test('the notice of the written 得分 column has 查看, which selects its header cell', async () => {
  const host = writingHost();
  const { check, user } = await renderPane(host);
  await user.click(check);
  const notice = (await screen.findByText(/已在“宁县总工会”的 J 列写入 36 个单元格/)).closest('[role="group"]') as HTMLElement;
  await user.click(within(notice).getByRole('button', { name: '查看' }));
  // The table's header row (6) in the written column: selecting it scrolls the column into view.
  expect(host.selections).toEqual([{ sheet: '宁县总工会', cells: ['J6'] }]);
});

test('a polite live region announces the outcome of 校验 and of 清除结果, not progress or sync counts', async () => {
  const { check, user } = await renderPane(writingHost());
  const live = liveRegion();
  expect(live.getAttribute('aria-live')).toBe('polite');
  expect(live.textContent).toBe('');
  await user.click(check);
  await waitFor(() => expect(live.textContent).toBe('校验完成：1 个错误，2 个警告，1 个提示。'));
  await user.click(screen.getByRole('button', { name: '清除结果' }));
  await waitFor(() => expect(live.textContent).toBe('已清除结果：5 个单元格。'));
});

test('with one table the announcement gives its score line', async () => {
  const report = sampleReport();
  report.tables = [report.tables[0]];
  const { check, user } = await renderPane(fakeHost({ result: { report, written: [] } }));
  await user.click(check);
  await waitFor(() => expect(liveRegion().textContent).toBe('校验完成：1 个错误，1 个警告，1 个提示。得分 87.00 / 90.00。'));
});

test('a failed check is announced too', async () => {
  const { check, user } = await renderPane(fakeHost({ check: () => Promise.reject(new Error('boom')) }));
  await user.click(check);
  await waitFor(() => expect(liveRegion().textContent).toBe('校验失败。'));
});

test('清除结果 removes the findings and the score from the pane', async () => {
  const { check, user } = await renderPane(writingHost());
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  expect(screen.getByText('得分 87.00 / 90.00')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '清除结果' }));
  expect(await screen.findByText('已清除 5 个单元格')).toBeTruthy();
  expect(screen.queryByRole('heading', { name: '概况' })).toBeNull();
  expect(screen.queryByRole('heading', { name: '问题清单' })).toBeNull();
  expect(screen.queryByText(/得分 87.00/)).toBeNull();
  expect(screen.queryByText(/一级指标权重合计为 90/)).toBeNull();
  expect(screen.getByText(/点击“校验”/)).toBeTruthy();
});

test('the --config format note is under 开发者信息, not on the settings panel', async () => {
  const { user } = await renderPane(fakeHost());
  await user.click(screen.getByRole('button', { name: '设置' }));
  expect(screen.queryByText(/--config/)).toBeNull();
  await user.click(screen.getByRole('button', { name: '开发者信息' }));
  expect(screen.getByText('设置的格式与命令行 --config 文件相同。')).toBeTruthy();
});

test('忽略 records the 审核人 name, which this browser remembers for the next acceptance', async () => {
  const host = writingHost();
  const { check, user } = await renderPane(host);
  await user.click(check);
  const itemOf = (text: RegExp) => screen.getByRole('button', { name: text }).closest('li') as HTMLElement;

  await user.click(within(itemOf(/支出合计未填写/)).getByRole('button', { name: '忽略' }));
  let dialog = await screen.findByRole('dialog');
  await user.type(within(dialog).getByRole('textbox', { name: /忽略原因/ }), '待补充');
  const reviewer = within(dialog).getByRole('textbox', { name: /审核人/ }) as HTMLInputElement;
  expect(reviewer.value).toBe('');
  await user.type(reviewer, '  张会计 ');
  await user.click(within(dialog).getByRole('button', { name: '确定忽略' }));
  await waitFor(() => expect(host.accepts).toHaveLength(1));
  expect(host.accepts[0]).toMatchObject({ reason: '待补充', by: '张会计' });
  expect(localStorage.getItem(REVIEWER_KEY)).toBe('张会计');

  // Listed under 已忽略 with the name and the date.
  await user.click(await screen.findByRole('button', { name: '已忽略 (1)' }));
  expect(screen.getByText('原因：待补充（张会计，2026-05-01）')).toBeTruthy();

  // The next 忽略 starts with the remembered name.
  await user.click(within(itemOf(/百分比指标值超过 100%/)).getByRole('button', { name: '忽略' }));
  dialog = await screen.findByRole('dialog');
  expect((within(dialog).getByRole('textbox', { name: /审核人/ }) as HTMLInputElement).value).toBe('张会计');
  await user.click(within(dialog).getByRole('button', { name: '确定忽略' }));
  await waitFor(() => expect(host.accepts).toHaveLength(2));
  expect(host.accepts[1]).toMatchObject({ by: '张会计' });
});

test('the pane tells the page its language, at start and when the user switches it', async () => {
  const langs: Lang[] = [];
  const { user } = await renderPane(fakeHost(), { onLangChange: (l) => langs.push(l) });
  expect(langs).toEqual(['zh']);
  await user.click(screen.getByRole('button', { name: 'English' }));
  await screen.findByRole('button', { name: 'Check' });
  expect(langs).toEqual(['zh', 'en']);
});

test('English: the score line and the announcement use English punctuation', async () => {
  const { check, user } = await renderPane(fakeHost({ language: 'en-US' }));
  await user.click(check);
  await screen.findByRole('heading', { name: 'Summary' });
  expect(screen.getByText('Score 100.00 / 100.00 (10 points scored outside the table not included)')).toBeTruthy();
  await waitFor(() => expect(liveRegion().textContent).toBe('Check finished: 1 error, 2 warnings, 1 info.'));
  expect(document.body.textContent).not.toMatch(/[：，。（）]/);
});

test('checkOnStart checks once the pane is ready', async () => {
  const host = writingHost();
  render(<TaskPane host={host} checkOnStart />);
  await screen.findByRole('heading', { name: '概况' });
  expect(host.checks).toHaveLength(1);
});
