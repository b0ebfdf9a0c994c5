/** @jest-environment jsdom */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { mountTaskPane } from './mount.js';
import { TaskPane } from './TaskPane.js';
import { fakeHost, installDomStubs, sampleReport, type FakeHost } from './testing.js';

beforeAll(installDomStubs);
afterEach(cleanup);

async function renderPane(host: FakeHost) {
  render(<TaskPane host={host} />);
  const checkButton = screen.getByRole('button', { name: /^(校验|Check)$/ });
  // Settings and capabilities load asynchronously; the button is enabled once they have.
  await waitFor(() => expect((checkButton as HTMLButtonElement).disabled).toBe(false));
  return checkButton;
}

async function runCheck(host: FakeHost) {
  const user = userEvent.setup();
  const checkButton = await renderPane(host);
  await user.click(checkButton);
  await screen.findByRole('heading', { name: '概况' });
  return user;
}

function region(name: string | RegExp) {
  return screen.getByRole('region', { name });
}

test('before a check it invites the user to click 校验', async () => {
  await renderPane(fakeHost());
  expect(screen.getByText(/点击“校验”/)).toBeTruthy();
  expect(screen.queryByRole('heading', { name: '概况' })).toBeNull();
});

test('summary shows the tables, severity counts and scores', async () => {
  await runCheck(fakeHost());
  const summary = region('概况');
  const s = within(summary);
  expect(s.getByText('找到 2 张绩效目标表')).toBeTruthy();
  expect(s.getByText('错误 1 · 警告 2 · 提示 1')).toBeTruthy();
  expect(s.getByText('宁县总工会 · 宁县总工会')).toBeTruthy();
  expect(s.getByText('表2 · 宁县财政局')).toBeTruthy();
  expect(s.getByText('得分 87.00 / 90.00')).toBeTruthy();
  expect(s.getByText('得分 100.00 / 100.00')).toBeTruthy();
  expect(s.getByText(/等级：良/)).toBeTruthy();
  expect(s.getByText(/另预留 10.00 分/)).toBeTruthy();
  expect(s.getAllByText(/目标设定阶段/)).toHaveLength(2);
  expect(s.getByText('无绩效目标表的工作表：说明')).toBeTruthy();
});

test('findings are grouped by table, then by topic, with severity icons and cells', async () => {
  await runCheck(fakeHost());
  const first = within(region('宁县总工会 · 宁县总工会'));
  const topics = first.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
  expect(topics).toEqual(['权重 (1)', '预算 (1)', '指标值 (1)']);

  const weights = within(first.getByRole('group', { name: '权重 (1)' }));
  const item = weights.getByRole('button', { name: /一级指标权重合计为 90/ });
  expect(within(item).getByRole('img', { name: '错误' })).toBeTruthy();
  // Only the first four cells are listed; the rest are counted.
  expect(within(item).getByText('单元格: B12, B18, B28, B34 +1')).toBeTruthy();

  expect(within(first.getByRole('group', { name: '预算 (1)' })).getByRole('img', { name: '警告' })).toBeTruthy();
  expect(within(first.getByRole('group', { name: '指标值 (1)' })).getByRole('img', { name: '提示' })).toBeTruthy();

  const second = within(region('表2 · 宁县财政局'));
  expect(second.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['指标值 (1)']);
  expect(second.getByRole('button', { name: /百分比指标值超过 100%/ })).toBeTruthy();
});

test('the severity filter shows only findings of that severity', async () => {
  const user = await runCheck(fakeHost());
  const findings = region('问题清单');
  const filter = within(findings).getByRole('radiogroup', { name: '按级别筛选' });
  expect(
    within(filter)
      .getAllByRole('radio')
      .map((r) => r.parentElement?.textContent),
  ).toEqual(['全部 (4)', '错误 (1)', '警告 (2)', '提示 (1)']);
  const findingButtons = () =>
    within(findings)
      .getAllByRole('button')
      .map((b) => b.textContent ?? '');

  await user.click(within(filter).getByRole('radio', { name: '警告 (2)' }));
  expect(findingButtons()).toEqual([expect.stringContaining('支出合计未填写'), expect.stringContaining('百分比指标值超过')]);

  await user.click(within(filter).getByRole('radio', { name: '错误 (1)' }));
  expect(findingButtons()).toEqual([expect.stringContaining('一级指标权重合计为 90')]);
  expect(within(region('表2 · 宁县财政局')).getByText('没有此级别的问题。')).toBeTruthy();

  await user.click(within(filter).getByRole('radio', { name: '全部 (4)' }));
  expect(findingButtons()).toHaveLength(4);
});

test('clicking a finding, or Enter / Space on it, selects its cells on its sheet', async () => {
  const host = fakeHost();
  const user = await runCheck(host);
  await user.click(screen.getByRole('button', { name: /一级指标权重合计为 90/ }));
  expect(host.selections).toEqual([{ sheet: '宁县总工会', cells: ['B12', 'B18', 'B28', 'B34', 'B40'] }]);

  const second = screen.getByRole('button', { name: /百分比指标值超过 100%/ });
  second.focus();
  expect(document.activeElement).toBe(second);
  await user.keyboard('{Enter}');
  expect(host.selections[1]).toEqual({ sheet: '表2', cells: ['F15'] });

  screen.getByRole('button', { name: /支出合计未填写/ }).focus();
  await user.keyboard(' ');
  expect(host.selections[2]).toEqual({ sheet: '宁县总工会', cells: ['D8'] });
});

test('the findings can be reached with Tab', async () => {
  const user = await runCheck(fakeHost());
  const target = screen.getByRole('button', { name: /一级指标权重合计为 90/ });
  for (let i = 0; i < 30 && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
});

test('toggles and reserved points are passed to check and saved', async () => {
  const host = fakeHost();
  const user = userEvent.setup();
  const checkButton = await renderPane(host);

  const write = screen.getByRole('switch', { name: '写入得分列' }) as HTMLInputElement;
  const notes = screen.getByRole('switch', { name: '添加批注' }) as HTMLInputElement;
  const fills = screen.getByRole('switch', { name: '标记颜色' }) as HTMLInputElement;
  expect([write.checked, notes.checked, fills.checked]).toEqual([true, true, true]);

  await user.click(notes);
  const reserved = screen.getByRole('spinbutton', { name: '预留分值' });
  await user.clear(reserved);
  await user.type(reserved, '10');
  await user.click(checkButton);
  await screen.findByRole('heading', { name: '概况' });
  expect(host.checks[0]).toEqual({ writeScores: true, notes: false, fills: true, reservedPoints: 10, lang: 'zh' });
  expect(host.saved.at(-1)).toEqual({ writeScores: true, notes: false, fills: true, reservedPoints: 10 });

  await user.click(write);
  expect(notes.disabled).toBe(true);
  await user.click(checkButton);
  await waitFor(() => expect(host.checks).toHaveLength(2));
  expect(host.checks[1].writeScores).toBe(false);
  expect(await screen.findByText(/未写入工作簿/)).toBeTruthy();
});

test('an invalid reserved-points value blocks the check and says why', async () => {
  const user = userEvent.setup();
  const checkButton = (await renderPane(fakeHost())) as HTMLButtonElement;
  const reserved = screen.getByRole('spinbutton', { name: '预留分值' });
  await user.clear(reserved);
  await user.type(reserved, '120');
  expect(screen.getByText('请输入不小于 0 且小于 100 的数')).toBeTruthy();
  expect(checkButton.disabled).toBe(true);
});

test('saved settings are loaded into the controls', async () => {
  const host = fakeHost({
    loadSettings: () => Promise.resolve({ writeScores: true, notes: false, fills: true, reservedPoints: 10, lang: 'en' }),
  });
  await renderPane(host);
  expect((screen.getByRole('switch', { name: 'Mark with colour' }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole('spinbutton', { name: 'Reserved points' }) as HTMLInputElement).value).toBe('10');
});

test('in colour-only mode the notes switch is off and the mode is shown', async () => {
  const host = fakeHost({
    caps: { annotation: 'fill', mergesRead: false, undoGroup: false },
    loadSettings: () => Promise.resolve({ writeScores: true, notes: true, fills: false, reservedPoints: 0 }),
  });
  const user = userEvent.setup();
  const checkButton = await renderPane(host);
  expect(screen.getByText(/兼容模式：仅颜色/)).toBeTruthy();
  const notes = screen.getByRole('switch', { name: '添加批注' }) as HTMLInputElement;
  expect(notes.checked).toBe(false);
  expect(notes.disabled).toBe(true);
  await user.click(checkButton);
  await waitFor(() => expect(host.checks).toHaveLength(1));
  expect(host.checks[0].notes).toBe(false);
});

test('the notes mode is shown when notes are available', async () => {
  await renderPane(fakeHost());
  expect(screen.getByText(/批注模式：注释/)).toBeTruthy();
});

test('a spinner shows while the check runs', async () => {
  let finish: (r: { report: ReturnType<typeof sampleReport>; written: [] }) => void = () => {};
  const host = fakeHost({ check: () => new Promise((resolve) => (finish = resolve)) });
  const user = userEvent.setup();
  const checkButton = await renderPane(host);
  await user.click(checkButton);
  expect(screen.getByText('正在校验…')).toBeTruthy();
  expect((checkButton as HTMLButtonElement).disabled).toBe(true);
  await act(async () => finish({ report: sampleReport(), written: [] }));
  expect(screen.queryByText('正在校验…')).toBeNull();
  expect(screen.getByRole('heading', { name: '概况' })).toBeTruthy();
});

test('what was written, skipped or refused is reported', async () => {
  const host = fakeHost({
    result: {
      report: sampleReport(),
      written: [
        { sheet: '宁县总工会', column: 'J', cells: 25, skipped: ['J14'] },
        { sheet: '表2', column: 'K', cells: 0, skipped: [], protected: true },
      ],
      keptUserAnnotations: ["'宁县总工会'!J20"],
    },
  });
  await runCheck(host);
  expect(screen.getByText(/已在“宁县总工会”的 J 列写入 25 个单元格/)).toBeTruthy();
  expect(screen.getByText(/1 个单元格已有内容，未写入：J14/)).toBeTruthy();
  expect(screen.getByText(/工作表“表2”受保护/)).toBeTruthy();
  expect(screen.getByText(/1 个单元格已有用户的批注，予以保留/)).toBeTruthy();
});

test('清除结果 calls clear and reports the count', async () => {
  const host = fakeHost();
  const user = userEvent.setup();
  await renderPane(host);
  await user.click(screen.getByRole('button', { name: '清除结果' }));
  expect(host.clears).toBe(1);
  expect(await screen.findByText('已清除 5 个单元格')).toBeTruthy();
});

test('an error from the host shows a MessageBar with its message', async () => {
  const host = fakeHost({ check: () => Promise.reject(new Error('The sheet is too large to read.')) });
  const user = userEvent.setup();
  await user.click(await renderPane(host));
  const bar = await screen.findByRole('group', { name: '校验失败' });
  expect(within(bar).getByText(/The sheet is too large to read\./)).toBeTruthy();
  // The pane stays usable: the button is back and can be pressed again.
  expect((screen.getByRole('button', { name: '校验' }) as HTMLButtonElement).disabled).toBe(false);
  await user.click(within(bar).getByRole('button', { name: '关闭' }));
  expect(screen.queryByRole('group', { name: '校验失败' })).toBeNull();
});

test('Office-style errors (code, no message) and failures of clear and select are readable', async () => {
  const host = fakeHost({
    clear: () => Promise.reject({ code: 'InvalidOperation' }),
    select: () => Promise.reject('Worksheet not found'),
  });
  const user = userEvent.setup();
  await user.click(await renderPane(host));
  await screen.findByRole('heading', { name: '概况' });
  await user.click(screen.getByRole('button', { name: /支出合计未填写/ }));
  expect(within(await screen.findByRole('group', { name: '无法定位单元格' })).getByText(/Worksheet not found/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '清除结果' }));
  expect(within(await screen.findByRole('group', { name: '清除失败' })).getByText(/InvalidOperation/)).toBeTruthy();
});

test('adapter errors are shown in the pane’s language', async () => {
  const error = Object.assign(new Error('工作表受保护\nSheet is protected'), {
    text: { zh: '工作表「表2」受保护，未写入任何内容。', en: 'Sheet "表2" is protected, so nothing was written.' },
  });
  const host = fakeHost({ check: () => Promise.reject(error) });
  const user = userEvent.setup();
  await user.click(await renderPane(host));
  expect(within(await screen.findByRole('group', { name: '校验失败' })).getByText(/工作表「表2」受保护，未写入任何内容。/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'English' }));
  expect(within(screen.getByRole('group', { name: 'Check failed' })).getByText(/Sheet "表2" is protected/)).toBeTruthy();
});

test('a failure to load settings is shown and defaults are used', async () => {
  const host = fakeHost({ loadSettings: () => Promise.reject(new Error('settings unavailable')) });
  await renderPane(host);
  expect(await screen.findByRole('group', { name: '无法读取已保存的设置，已使用默认设置' })).toBeTruthy();
  expect((screen.getByRole('switch', { name: '写入得分列' }) as HTMLInputElement).checked).toBe(true);
});

test('the language switch changes the texts and findings, and is saved', async () => {
  const host = fakeHost();
  const user = await runCheck(host);
  const switcher = screen.getByRole('group', { name: '语言 / Language' });
  await user.click(within(switcher).getByRole('button', { name: 'English' }));

  expect(screen.getByRole('button', { name: 'Check' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Clear results' })).toBeTruthy();
  expect(screen.getByRole('switch', { name: 'Write score column' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Summary' })).toBeTruthy();
  expect(screen.getByText('1 error · 2 warnings · 1 info')).toBeTruthy();
  expect(screen.getByText('Score 87.00 / 90.00')).toBeTruthy();
  expect(screen.getByText(/Grade: good \(良\)/)).toBeTruthy();
  expect(screen.getByRole('button', { name: /Level-1 weights total 90, not 100/ })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Weights (1)' })).toBeTruthy();
  expect(screen.getByRole('radio', { name: 'Warnings (2)' })).toBeTruthy();
  expect(within(switcher).getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  expect(host.saved.at(-1)?.lang).toBe('en');

  await user.click(within(switcher).getByRole('button', { name: '中文' }));
  expect(screen.getByRole('button', { name: '校验' })).toBeTruthy();
});

test('English is the default when the display language is not Chinese', async () => {
  const host = fakeHost({ language: 'en-US' });
  const user = userEvent.setup();
  await user.click(await renderPane(host));
  expect(await screen.findByRole('heading', { name: 'Summary' })).toBeTruthy();
  expect(screen.getByText('2 target tables found')).toBeTruthy();
  expect(host.checks[0].lang).toBe('en');
});

test('a workbook without tables says so instead of an empty pane', async () => {
  const host = fakeHost({ result: { report: { tables: [], sheetsWithoutTable: ['Sheet1'] }, written: [] } });
  await runCheck(host);
  expect(screen.getByText('未找到绩效目标表。')).toBeTruthy();
  expect(screen.getByText('无绩效目标表的工作表：Sheet1')).toBeTruthy();
  expect(screen.queryByRole('heading', { name: '问题清单' })).toBeNull();
});

test('a document that refuses every settings save shows the problem once', async () => {
  const host = fakeHost({ saveSettings: () => Promise.reject(new Error('The document is read-only.')) });
  const user = userEvent.setup();
  await renderPane(host);
  await user.click(screen.getByRole('switch', { name: '标记颜色' }));
  await user.click(screen.getByRole('switch', { name: '添加批注' }));
  await waitFor(() => expect(screen.getAllByRole('group', { name: '设置未能保存到工作簿，仅在本次有效' })).toHaveLength(1));
  expect(screen.getByText(/The document is read-only\./)).toBeTruthy();
  // The choice still applies to this session.
  expect((screen.getByRole('switch', { name: '标记颜色' }) as HTMLInputElement).checked).toBe(false);
});

test('mountTaskPane renders the pane into an element and unmounts it', async () => {
  const element = document.createElement('div');
  document.body.appendChild(element);
  let pane: ReturnType<typeof mountTaskPane> | undefined;
  act(() => {
    pane = mountTaskPane(element, fakeHost({ language: 'en-GB' }));
  });
  const check = await within(element).findByRole('button', { name: 'Check' });
  expect(check).toBeTruthy();
  act(() => pane?.unmount());
  expect(element.childElementCount).toBe(0);
  element.remove();
});

test('a failed check does not leave the previous run’s findings on screen', async () => {
  let fail = false;
  const host = fakeHost({
    check: () => (fail ? Promise.reject(new Error('Excel is busy')) : Promise.resolve({ report: sampleReport(), written: [] })),
  });
  const user = await runCheck(host);
  fail = true;
  await user.click(screen.getByRole('button', { name: '校验' }));
  expect(await screen.findByRole('group', { name: '校验失败' })).toBeTruthy();
  expect(screen.queryByRole('heading', { name: '概况' })).toBeNull();
  expect(screen.queryByRole('button', { name: /一级指标权重合计为 90/ })).toBeNull();
});
