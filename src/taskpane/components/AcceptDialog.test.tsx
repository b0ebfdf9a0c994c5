/** @jest-environment jsdom */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { Finding } from '../../core/index.js';
import { finding, installDomStubs } from '../testing.js';
import { AcceptDialog, REVIEWER_KEY } from './AcceptDialog.js';
import { renderPart } from './testing.js';

beforeAll(installDomStubs);
afterEach(cleanup);
beforeEach(() => localStorage.clear());

const f = finding({ severity: 'warning', topic: 'budget', sheet: '表1', cells: ['D8'], message: { zh: '支出合计未填写', en: 'The expense total is blank' } });

test('the dialog shows the finding, focuses the reason, and Enter accepts with the reason and the reviewer', async () => {
  const user = userEvent.setup();
  const accepted: { finding: Finding; reason: string; by: string }[] = [];
  renderPart(<AcceptDialog finding={f} onAccept={(finding, reason, by) => accepted.push({ finding, reason, by })} onClose={() => {}} />);
  const dialog = await screen.findByRole('dialog', { name: '忽略此问题' });
  expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
  expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe('支出合计未填写');
  const reason = screen.getByRole('textbox', { name: /原因/ });
  await waitFor(() => expect(document.activeElement).toBe(reason));
  await user.type(screen.getByRole('textbox', { name: /审核人/ }), ' 王五 ');
  await user.type(reason, '另有说明{Enter}');
  expect(accepted).toEqual([{ finding: f, reason: '另有说明', by: '王五' }]);
  // The reviewer's name is remembered for the next acceptance.
  expect(localStorage.getItem(REVIEWER_KEY)).toBe('王五');
});

test('取消 closes without accepting; a remembered reviewer is filled in', async () => {
  localStorage.setItem(REVIEWER_KEY, '李四');
  const user = userEvent.setup();
  let closed = 0;
  const accepted: Finding[] = [];
  renderPart(<AcceptDialog finding={f} onAccept={(x) => accepted.push(x)} onClose={() => (closed += 1)} />);
  expect((await screen.findByRole('textbox', { name: /审核人/ }) as HTMLInputElement).value).toBe('李四');
  await user.click(screen.getByRole('button', { name: '取消' }));
  expect(closed).toBe(1);
  expect(accepted).toEqual([]);
});
