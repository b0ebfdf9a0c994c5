/** @jest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { Finding } from '../../core/index.js';
import { finding, installDomStubs } from '../testing.js';
import { cellsText, FindingItem, type FindingActions } from './FindingItem.js';
import { renderPart } from './testing.js';

beforeAll(installDomStubs);
afterEach(cleanup);

function recorder(enabled = true) {
  const calls: { what: 'select' | 'accept' | 'unaccept'; finding: Finding }[] = [];
  const actions: FindingActions = {
    onSelect: (f) => calls.push({ what: 'select', finding: f }),
    onAccept: (f) => calls.push({ what: 'accept', finding: f }),
    onUnaccept: (f) => calls.push({ what: 'unaccept', finding: f }),
    enabled,
  };
  return { calls, actions };
}

const weights = finding({
  severity: 'error',
  topic: 'weights',
  sheet: '表1',
  cells: ['B12', 'B18', 'B28', 'B34', 'B40'],
  message: { zh: '一级指标权重合计为 90', en: 'First-level weights add up to 90' },
});

test('cells past the fourth are counted, not listed; a finding without cells says so', () => {
  expect(cellsText(['A1', 'A2', 'A3', 'A4', 'A5', 'A6'], '无')).toBe('A1, A2, A3, A4 +2');
  expect(cellsText(['A1'], '无')).toBe('A1');
  expect(cellsText([], '无')).toBe('无');
});

test('the finding is a button with its severity, message and cells; a click selects them, 忽略 opens the dialog', async () => {
  const user = userEvent.setup();
  const { calls, actions } = recorder();
  renderPart(<ul><FindingItem finding={weights} actions={actions} /></ul>);
  const button = screen.getByRole('button', { name: /一级指标权重合计为 90/ });
  expect(within(button).getByRole('img', { name: '错误' })).toBeTruthy();
  expect(within(button).getByText('单元格: B12, B18, B28, B34 +1')).toBeTruthy();
  expect(button.getAttribute('title')).toMatch(/B12,B18,B28,B34,B40/);
  await user.click(button);
  const accept = screen.getByRole('button', { name: '忽略' });
  // 忽略 is described by the finding's message, and says it opens a dialog.
  expect(accept.getAttribute('aria-haspopup')).toBe('dialog');
  expect(document.getElementById(accept.getAttribute('aria-describedby') ?? '')?.textContent).toBe('一级指标权重合计为 90');
  await user.click(accept);
  expect(calls.map((c) => c.what)).toEqual(['select', 'accept']);
  expect(calls[0].finding).toBe(weights);
});

test('an accepted finding shows its note and 取消忽略; the strings follow the context’s language', async () => {
  const user = userEvent.setup();
  const { calls, actions } = recorder();
  const accepted = { ...weights, accepted: { reason: '上级批准', by: '王五', date: '2026-05-01' } };
  renderPart(<ul><FindingItem finding={accepted} actions={actions} /></ul>, 'en');
  expect(screen.getByRole('button', { name: /First-level weights add up to 90/ })).toBeTruthy();
  expect(screen.getByText(/上级批准/)).toBeTruthy();
  expect(screen.getByRole('img', { name: 'Error' })).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Undo accept' }));
  expect(calls.map((c) => c.what)).toEqual(['unaccept']);
});

test('while another action runs 忽略 is disabled; a finding without cells cannot be selected', () => {
  const { actions } = recorder(false);
  renderPart(<ul><FindingItem finding={{ ...weights, cells: [] }} actions={actions} /></ul>);
  expect((screen.getByRole('button', { name: '忽略' }) as HTMLButtonElement).disabled).toBe(true);
  const button = screen.getByRole('button', { name: /一级指标权重合计为 90/ }) as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  expect(within(button).getByText('单元格: 无单元格')).toBeTruthy();
});
