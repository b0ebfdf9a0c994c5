/** @jest-environment jsdom */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { mountTaskPane } from './mount.js';
import { TaskPane } from './TaskPane.js';
import { fakeHost, installDomStubs, sampleReport, type FakeHost } from './testing.js';

// The 设置 panel renders every rule's switch in jsdom: on a loaded 2-core machine a test that opens it
// takes 3–5 s, against Jest's default limit of 5 s.
jest.setTimeout(20_000);

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
  // One score line: Σ得分 / Σ分值, and the points scored outside the table said apart (not "另预留", which read like 110).
  expect(s.getByText('得分 100.00 / 100.00（表外 10 分未计入）')).toBeTruthy();
  expect(s.getByText(/等级：良/)).toBeTruthy();
  expect(s.queryByText(/另预留/)).toBeNull();
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
      .filter((b) => b.textContent !== '忽略')
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
  await user.click(screen.getByRole('button', { name: '设置' }));
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
  const settings = screen.getByRole('button', { name: '设置' });
  await user.click(settings);
  const reserved = screen.getByRole('spinbutton', { name: '预留分值' });
  await user.clear(reserved);
  await user.type(reserved, '120');
  expect(screen.getByText('请输入不小于 0 且小于 100 的数')).toBeTruthy();
  expect(checkButton.disabled).toBe(true);
  expect((screen.getByRole('button', { name: '生成校验报告' }) as HTMLButtonElement).disabled).toBe(true);
  // Closing the panel puts back the last valid value rather than blocking 校验 out of sight.
  await user.click(settings);
  expect(checkButton.disabled).toBe(false);
  await user.click(settings);
  expect((screen.getByRole('spinbutton', { name: '预留分值' }) as HTMLInputElement).value).toBe('12');
});

test('saved settings are loaded into the controls', async () => {
  const host = fakeHost({
    loadSettings: () => Promise.resolve({ writeScores: true, notes: false, fills: true, reservedPoints: 10, lang: 'en' }),
  });
  await renderPane(host);
  expect((screen.getByRole('switch', { name: 'Mark with colour' }) as HTMLInputElement).checked).toBe(true);
  await userEvent.setup().click(screen.getByRole('button', { name: 'Settings' }));
  expect((screen.getByRole('spinbutton', { name: 'Reserved points' }) as HTMLInputElement).value).toBe('10');
});

test('in colour-only mode the notes switch is off and the mode is shown', async () => {
  const host = fakeHost({
    caps: { annotation: 'fill', mergesRead: false, undoGroup: false },
    loadSettings: () => Promise.resolve({ writeScores: true, notes: true, fills: false, reservedPoints: 0 }),
  });
  const user = userEvent.setup();
  const checkButton = await renderPane(host);
  await user.click(screen.getByRole('button', { name: '开发者信息' }));
  expect(screen.getByText(/兼容模式：仅颜色/)).toBeTruthy();
  const notes = screen.getByRole('switch', { name: '添加批注' }) as HTMLInputElement;
  expect(notes.checked).toBe(false);
  expect(notes.disabled).toBe(true);
  await user.click(checkButton);
  await waitFor(() => expect(host.checks).toHaveLength(1));
  expect(host.checks[0].notes).toBe(false);
});

test('inside WPS the pane names WPS 表格, not Excel, and promises no undo it cannot verify', async () => {
  const host = fakeHost({ caps: { host: 'wps', annotation: 'fill', mergesRead: true, undoGroup: false, undo: 'none' } });
  const user = userEvent.setup();
  await renderPane(host);
  expect(screen.getByText('此版本 WPS 表格 不支持批注，仅标记颜色')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: '开发者信息' }));
  expect(screen.getByText(/写入能否撤销未经验证，写入前请先保存/)).toBeTruthy();
  expect(screen.queryByText(/Excel/)).toBeNull();
});

test('the notes mode is shown under 开发者信息 when notes are available', async () => {
  await renderPane(fakeHost());
  // Developer words stay off the main screen until asked for.
  expect(screen.queryByText(/批注模式/)).toBeNull();
  const disclosure = screen.getByRole('button', { name: '开发者信息' });
  expect(disclosure.getAttribute('aria-expanded')).toBe('false');
  await userEvent.setup().click(disclosure);
  expect(disclosure.getAttribute('aria-expanded')).toBe('true');
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

describe('reviewer workflow (issue 8)', () => {
  const itemOf = (message: RegExp) => screen.getByRole('button', { name: message }).closest('li') as HTMLElement;

  test('忽略 with a reason: the host gets the finding and reason; it is listed apart under 已忽略 and no longer counted', async () => {
    const host = fakeHost();
    const user = await runCheck(host);
    const weights = itemOf(/一级指标权重合计为 90/);
    const accept = within(weights).getByRole('button', { name: '忽略' });
    // The 忽略 button says which finding it is for.
    expect(accept.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(accept.getAttribute('aria-describedby')!)?.textContent).toBe('一级指标权重合计为 90，应为 100');
    await user.click(accept);

    const dialog = await screen.findByRole('dialog', { name: '忽略此问题' });
    expect(within(dialog).getByText('一级指标权重合计为 90，应为 100')).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: '忽略原因（可选）' }), '表外另有 10 分');
    await user.click(within(dialog).getByRole('button', { name: '确定忽略' }));

    await screen.findByText('已记录在工作簿中，并已重新校验。');
    expect(host.accepts).toEqual([{ finding: sampleReport().tables[0].findings[0], reason: '表外另有 10 分', settings: expect.objectContaining({ lang: 'zh' }) }]);
    expect(screen.queryByRole('dialog')).toBeNull();

    // Not counted: the summary and the filter leave it out, and say how many are accepted.
    expect(within(region('概况')).getByText('错误 0 · 警告 2 · 提示 1 · 已忽略 1')).toBeTruthy();
    expect(within(region('问题清单')).getByRole('radio', { name: '全部 (3)' })).toBeTruthy();
    expect(within(region('问题清单')).getByRole('radio', { name: '错误 (0)' })).toBeTruthy();
    const table = within(region('宁县总工会 · 宁县总工会'));
    expect(table.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['预算 (1)', '指标值 (1)']);

    // Listed apart, collapsed at first.
    const disclosure = table.getByRole('button', { name: '已忽略 (1)' });
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(table.queryByText(/原因：表外另有 10 分/)).toBeNull();
    await user.click(disclosure);
    expect(disclosure.getAttribute('aria-expanded')).toBe('true');
    const list = table.getByRole('list', { name: '已忽略 (1)' });
    expect(within(list).getByText('原因：表外另有 10 分（2026-05-01）')).toBeTruthy();
    expect(within(list).getByRole('button', { name: /一级指标权重合计为 90/ })).toBeTruthy();

    // 取消忽略 puts it back.
    await user.click(within(list).getByRole('button', { name: '取消忽略' }));
    await screen.findByText('已从工作簿中移除记录，并已重新校验。');
    expect(host.unaccepts.map((u) => u.finding.rule)).toEqual(['weights.sum']);
    expect(within(region('概况')).getByText('错误 1 · 警告 2 · 提示 1')).toBeTruthy();
    expect(table.queryByRole('button', { name: /已忽略/ })).toBeNull();
  });

  test('the 忽略 dialog works from the keyboard: Enter opens it, Enter accepts, Esc cancels and returns focus', async () => {
    const host = fakeHost();
    const user = await runCheck(host);
    const accept = within(itemOf(/支出合计未填写/)).getByRole('button', { name: '忽略' });
    accept.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('textbox', { name: /忽略原因/ })));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(host.accepts).toEqual([]);
    await waitFor(() => expect(document.activeElement).toBe(accept));

    await user.keyboard('{Enter}');
    await screen.findByRole('dialog');
    await waitFor(() => expect(document.activeElement?.tagName).toBe('INPUT'));
    await user.keyboard('待补充{Enter}');
    await waitFor(() => expect(host.accepts).toHaveLength(1));
    expect(host.accepts[0]).toMatchObject({ finding: { rule: 'budget.blank-total' }, reason: '待补充' });
    // Without a reason, none is sent.
    await user.click(within(itemOf(/百分比指标值超过 100%/)).getByRole('button', { name: '忽略' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确定忽略' }));
    await waitFor(() => expect(host.accepts).toHaveLength(2));
    expect(host.accepts[1]).toEqual({ finding: expect.objectContaining({ rule: 'value.percent-over-100' }), settings: expect.anything() });
  });

  test('a failed 忽略 says so and leaves the findings as they were', async () => {
    const host = fakeHost({ accept: () => Promise.reject(new Error('The sheet is protected.')) });
    const user = await runCheck(host);
    await user.click(within(itemOf(/支出合计未填写/)).getByRole('button', { name: '忽略' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确定忽略' }));
    expect(within(await screen.findByRole('group', { name: '忽略失败' })).getByText(/The sheet is protected\./)).toBeTruthy();
    expect(within(region('概况')).getByText('错误 1 · 警告 2 · 提示 1')).toBeTruthy();
  });

  test('设置: a rule switched off or given another severity is saved and passed to the check', async () => {
    const host = fakeHost();
    const user = userEvent.setup();
    const checkButton = await renderPane(host);
    await user.click(screen.getByRole('button', { name: '设置' }));
    const panel = screen.getByRole('group', { name: '设置' });
    expect(within(panel).getByText('全部为默认')).toBeTruthy();
    const notNumber = within(panel).getByRole('combobox', { name: /定量指标的指标值应为数值/ }) as HTMLSelectElement;
    expect(notNumber.value).toBe('');
    expect([...notNumber.options].map((o) => o.textContent)).toEqual(['默认（错误）', '警告', '提示', '关闭']);
    await user.selectOptions(notNumber, 'off');
    await user.selectOptions(within(panel).getByRole('combobox', { name: /支出合计 = 支出预算合计/ }), 'warning');
    expect(within(panel).getByText('已更改 2 条规则')).toBeTruthy();
    expect(host.saved.at(-1)?.rules).toEqual({ 'value-format/not-number': 'off', 'budget/expense-total-match': 'warning' });

    await user.click(checkButton);
    await waitFor(() => expect(host.checks).toHaveLength(1));
    expect(host.checks[0].rules).toEqual({ 'value-format/not-number': 'off', 'budget/expense-total-match': 'warning' });

    await user.click(within(panel).getByRole('button', { name: '恢复默认规则' }));
    expect(host.saved.at(-1)).not.toHaveProperty('rules');
    expect(notNumber.value).toBe('');
  });

  test('设置: the template comes from the profiles; the national one brings its 10 reserved points', async () => {
    const host = fakeHost();
    const user = userEvent.setup();
    const checkButton = await renderPane(host);
    await user.click(screen.getByRole('button', { name: '设置' }));
    const profile = screen.getByRole('combobox', { name: '模板' }) as HTMLSelectElement;
    expect([...profile.options].map((o) => o.textContent)).toEqual([
      '不指定（接受任何一级指标）',
      '甘肃县级部门整体支出绩效目标表',
      '全国通用（财预〔2020〕10号）',
    ]);
    await user.selectOptions(profile, 'national');
    expect((screen.getByRole('spinbutton', { name: '预留分值' }) as HTMLInputElement).value).toBe('10');
    await user.click(checkButton);
    await waitFor(() => expect(host.checks).toHaveLength(1));
    expect(host.checks[0]).toMatchObject({ profile: 'national', reservedPoints: 10 });
    expect(host.saved.at(-1)).toMatchObject({ profile: 'national', reservedPoints: 10 });

    await user.selectOptions(profile, 'gansu-county');
    expect((screen.getByRole('spinbutton', { name: '预留分值' }) as HTMLInputElement).value).toBe('0');
    await user.selectOptions(profile, '');
    expect(host.saved.at(-1)).not.toHaveProperty('profile');

    // In English the labels follow.
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect([...(screen.getByRole('combobox', { name: 'Template' }) as HTMLSelectElement).options].map((o) => o.textContent)).toContain(
      'National form (Cai Yu [2020] No. 10)',
    );
  });

  test('生成校验报告 writes the report through the host, says where it went, and 查看 goes there', async () => {
    const host = fakeHost();
    const user = userEvent.setup();
    await renderPane(host);
    await user.click(screen.getByRole('button', { name: '生成校验报告' }));
    const bar = await screen.findByRole('group', { name: '校验报告' });
    expect(within(bar).getByText(/已生成工作表“校验报告”（24 行，6 个单元格链接）。/)).toBeTruthy();
    expect(host.reports).toEqual([expect.objectContaining({ lang: 'zh' })]);
    await user.click(within(bar).getByRole('button', { name: '查看' }));
    expect(host.selections).toEqual([{ sheet: '校验报告', cells: ['A1'] }]);

    await user.click(screen.getByRole('button', { name: '生成校验报告' }));
    expect(await screen.findByText(/已更新工作表“校验报告”/)).toBeTruthy();
  });

  test('生成校验报告 below ExcelApi 1.7 says the cells are named as text; a refusal is shown', async () => {
    let refuse = false;
    const host = fakeHost({
      caps: { annotation: 'comments', mergesRead: true, undoGroup: false, hyperlinks: false },
      writeReport: () =>
        refuse
          ? Promise.reject(Object.assign(new Error('taken'), { text: { zh: '工作簿中已有名为「校验报告」的工作表', en: 'taken' } }))
          : Promise.resolve({ sheet: '校验报告', rows: 12, links: 0, created: true }),
    });
    const user = userEvent.setup();
    await renderPane(host);
    await user.click(screen.getByRole('button', { name: '生成校验报告' }));
    expect(await screen.findByText(/已生成工作表“校验报告”（12 行）。 此版本 Excel 不支持超链接/)).toBeTruthy();
    refuse = true;
    await user.click(screen.getByRole('button', { name: '生成校验报告' }));
    expect(within(await screen.findByRole('group', { name: '生成校验报告失败' })).getByText(/已有名为「校验报告」/)).toBeTruthy();
  });
});
