/** @jest-environment jsdom */
// axe-core over the pane's states (issue 17): no violation of any impact. jsdom has no layout or
// rendering, so colour contrast and target size are not judged here; every other WCAG 2.x A/AA
// rule and axe's best practices run on the real DOM the pane draws.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { TaskPane } from './TaskPane.js';
import { fakeHost, installDomStubs, type FakeHost } from './testing.js';

// axe walks every node of every state: the settings list alone has a row per rule.
jest.setTimeout(120_000);
beforeAll(installDomStubs);
afterEach(cleanup);

interface Outcome {
  violations: { id: string; impact: string | null | undefined; nodes: string[] }[];
  incomplete: string[];
}

async function audit(): Promise<Outcome> {
  const results = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // Both need layout, which jsdom has not: contrast comes back "incomplete" (see the last test),
    // and target-size would "pass" every 0 × 0 box. Not claimed here.
    rules: { 'color-contrast': { enabled: false }, 'target-size': { enabled: false } },
    resultTypes: ['violations', 'incomplete'],
  });
  return {
    violations: results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.html.slice(0, 120)) })),
    incomplete: results.incomplete.map((v) => v.id),
  };
}

async function renderPane(host: FakeHost) {
  render(<TaskPane host={host} />);
  const check = screen.getByRole('button', { name: '校验' }) as HTMLButtonElement;
  await waitFor(() => expect(check.disabled).toBe(false));
  return { check, user: userEvent.setup() };
}

test('before 校验', async () => {
  await renderPane(fakeHost());
  expect((await audit()).violations).toEqual([]);
});

test('after 校验, with findings of every severity, filtered and grouped by 审核维度', async () => {
  const { check, user } = await renderPane(fakeHost());
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  expect((await audit()).violations).toEqual([]);
  await user.selectOptions(screen.getByRole('combobox', { name: '分组方式' }), '按审核维度');
  await user.click(screen.getByRole('radio', { name: /^警告/ }));
  expect((await audit()).violations).toEqual([]);
});

test('设置 open, with the 共性指标库 open', async () => {
  const { user } = await renderPane(fakeHost());
  await user.click(screen.getByRole('button', { name: '设置' }));
  await user.selectOptions(screen.getByRole('combobox', { name: '模板' }), 'gansu-county');
  await user.click(screen.getByRole('button', { name: /^共性指标库/ }));
  expect((await audit()).violations).toEqual([]);
});

test('the 忽略 dialog open, and 已忽略 listed', async () => {
  const { check, user } = await renderPane(fakeHost());
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  await user.click(screen.getAllByRole('button', { name: '忽略' })[0]);
  await screen.findByRole('dialog');
  expect((await audit()).violations).toEqual([]);
  await user.keyboard('{Enter}');
  await user.click(await screen.findByRole('button', { name: /^已忽略/ }));
  expect((await audit()).violations).toEqual([]);
});

test('an error shown', async () => {
  const { check, user } = await renderPane(fakeHost({ check: () => Promise.reject(new Error('工作表已受保护')) }));
  await user.click(check);
  await screen.findAllByText(/校验失败/);
  expect(screen.getByText('工作表已受保护')).toBeTruthy();
  expect((await audit()).violations).toEqual([]);
});

test('colour contrast is not judged in jsdom: axe says so instead of passing it', async () => {
  const { check, user } = await renderPane(fakeHost());
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  // axe measures icon ligatures on a canvas; jsdom has none (a browser without one returns null too).
  const getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  const results = await axe.run(document.body, { runOnly: { type: 'rule', values: ['color-contrast'] } });
  getContext.mockRestore();
  expect(results.passes.map((r) => r.id)).not.toContain('color-contrast');
  expect(results.incomplete.map((r) => r.id)).toContain('color-contrast');
});
