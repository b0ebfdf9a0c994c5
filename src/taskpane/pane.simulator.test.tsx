/** @jest-environment jsdom */
// The real pane over the real Excel adapter and the simulated Excel: the wiring the workbench
// uses, and the same calls the pane makes inside Excel.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createWorkbookAdapter } from '../adapters/office/index.js';
import { createExcel, createWorkbookModel, sheetFromRows, type ExcelSimulator } from '../adapters/simulator/index.js';
import { createSession, memorySettingsStore } from '../workflow/index.js';
import { TaskPane } from './TaskPane.js';
import { installDomStubs } from './testing.js';
import { tableSheet } from '../workflow/testing.js';

beforeAll(installDomStubs);
afterEach(cleanup);

function simulated(apiVersion = '1.20'): ExcelSimulator {
  const table = tableSheet('目标表');
  return createExcel(createWorkbookModel([sheetFromRows(table.name, table.values, { merges: table.merges })]), { apiVersion });
}

async function renderOver(excel: ExcelSimulator) {
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const host = createSession({ port: adapter, settings: memorySettingsStore(), displayLanguage: () => 'zh-CN' });
  render(<TaskPane host={host} />);
  const check = screen.getByRole('button', { name: '校验' }) as HTMLButtonElement;
  await waitFor(() => expect(check.disabled).toBe(false));
  return { check, user: userEvent.setup() };
}

const cell = (excel: ExcelSimulator, a1: string) => excel.model.sheets[0].cells.get(a1);

test('校验 writes the 得分 column, a finding selects its cell, 清除结果 removes what was written', async () => {
  const excel = simulated();
  const { check, user } = await renderOver(excel);
  await user.click(screen.getByRole('button', { name: '开发者信息' }));
  expect(screen.getByText(/批注模式：注释/)).toBeTruthy();

  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  expect(screen.getByText('找到 1 张绩效目标表')).toBeTruthy();
  expect(screen.getByText(/已在“目标表”的 J 列写入 5 个单元格/)).toBeTruthy();
  expect(cell(excel, 'J4')?.value).toBe('得分');
  expect(typeof cell(excel, 'J5')?.value).toBe('number');

  const valueFinding = screen.getAllByRole('button').find((b) => /服务职工总人次/.test(b.textContent ?? ''));
  expect(valueFinding).toBeDefined();
  await user.click(valueFinding!);
  await waitFor(() => expect(excel.model.selection?.sheet).toBe('目标表'));
  expect(excel.model.selection?.areas.join(',')).toMatch(/F7/);

  await user.click(screen.getByRole('button', { name: '清除结果' }));
  expect(await screen.findByText('已清除 5 个单元格')).toBeTruthy();
  expect(cell(excel, 'J4')?.value ?? null).toBeNull();
  // The user's table is untouched.
  expect(cell(excel, 'F7')?.value).toBe('稳步提升');
});

test('an older Excel shows the colour-only mode and still checks', async () => {
  const excel = simulated('1.9');
  const { check, user } = await renderOver(excel);
  await user.click(screen.getByRole('button', { name: '开发者信息' }));
  expect(screen.getByText(/兼容模式：仅颜色/)).toBeTruthy();
  expect((screen.getByRole('switch', { name: '添加批注' }) as HTMLInputElement).disabled).toBe(true);
  await user.click(check);
  expect(within(await screen.findByRole('region', { name: '概况' })).getByText('找到 1 张绩效目标表')).toBeTruthy();
});

test('忽略 stores the acceptance in a very hidden sheet and re-checks; 生成校验报告 adds the 校验报告 sheet', async () => {
  const excel = simulated();
  const { check, user } = await renderOver(excel);
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  const summary = within(screen.getByRole('region', { name: '概况' }));
  expect(summary.getByText('错误 1 · 警告 0 · 提示 0')).toBeTruthy();

  const item = screen.getAllByRole('button').find((b) => /服务职工总人次/.test(b.textContent ?? ''))!.closest('li')!;
  await user.click(within(item).getByRole('button', { name: '忽略' }));
  const dialog = await screen.findByRole('dialog');
  await user.type(within(dialog).getByRole('textbox', { name: /忽略原因/ }), '口径待定');
  await user.click(within(dialog).getByRole('button', { name: '确定忽略' }));
  await screen.findByText('已记录在工作簿中，并已重新校验。');

  expect(summary.getByText('错误 0 · 警告 0 · 提示 0 · 已忽略 1')).toBeTruthy();
  const hidden = excel.model.sheets.find((s) => s.name === '_jixiao_accepted');
  expect(hidden?.visibility).toBe('VeryHidden');
  expect(hidden?.cells.get('E2')?.value).toBe('口径待定');
  // Row 7 is scored as if the finding were not there, and the user's cell is untouched.
  expect(cell(excel, 'F7')?.value).toBe('稳步提升');
  expect(cell(excel, 'J7')?.value).toBeGreaterThan(0);

  await user.click(screen.getByRole('button', { name: '生成校验报告' }));
  expect(await screen.findByText(/已生成工作表“校验报告”/)).toBeTruthy();
  const report = excel.model.sheets.find((s) => s.name === '校验报告');
  expect(report?.cells.get('A1')?.value).toBe('整体支出绩效目标表校验报告');
  expect([...(report?.cells.values() ?? [])].some((c) => c.hyperlink?.documentReference === "'目标表'!F7")).toBe(true);
  expect(excel.model.sheets.map((s) => s.name)).toEqual(['目标表', '_jixiao_accepted', '校验报告']);
});

test('live re-check: fixing the value in Excel removes its finding and fill without another click', async () => {
  const excel = simulated();
  const { check, user } = await renderOver(excel);
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  const finding = () => screen.queryAllByRole('button').find((b) => /服务职工总人次/.test(b.textContent ?? ''));
  expect(finding()).toBeDefined();
  // The user types a number where 稳步提升 was, as in Excel (not through the add-in).
  excel.edit('目标表', 'F7', '≥5000');
  await waitFor(() => expect(finding()).toBeUndefined(), { timeout: 4000 });
  expect(await screen.findByText('表格已修改，已重新校验。')).toBeTruthy();
  // And the re-check wrote the row's 得分 again, now with its points.
  expect(cell(excel, 'J7')?.fill ?? null).toBeNull();
});

test('no live re-check before ExcelApi 1.7: the findings stay until 校验 is clicked', async () => {
  const excel = simulated('1.6');
  const { check, user } = await renderOver(excel);
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  excel.edit('目标表', 'F7', '≥5000');
  await new Promise((r) => setTimeout(r, 1200));
  expect(screen.queryAllByRole('button').some((b) => /服务职工总人次/.test(b.textContent ?? ''))).toBe(true);
});

test('the mode line says what Ctrl+Z does: nothing below 1.19, step by step at 1.19, one step at 1.20', async () => {
  for (const [version, words] of [['1.18', '写入后无法撤销'], ['1.19', '可逐步撤销'], ['1.20', '可一步撤销']] as const) {
    const { user } = await renderOver(simulated(version));
    await user.click(screen.getByRole('button', { name: '开发者信息' }));
    expect(screen.getByText(new RegExp(words))).toBeTruthy();
    cleanup();
  }
});

test('an indicator added to the 共性指标库 in 设置 is checked on the real table; 按审核维度 groups it under 相关性 and is remembered', async () => {
  const excel = simulated();
  const adapter = createWorkbookAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const store = memorySettingsStore();
  const host = createSession({ port: adapter, settings: store, displayLanguage: () => 'zh-CN' });
  const view = render(<TaskPane host={host} />);
  const user = userEvent.setup();
  const check = screen.getByRole('button', { name: '校验' }) as HTMLButtonElement;
  await waitFor(() => expect(check.disabled).toBe(false));

  // Without a library nothing is compared: 资产登记率 under 资产管理 passes.
  await user.click(check);
  await screen.findByRole('heading', { name: '概况' });
  expect(screen.queryByText(/共性指标「资产登记率」/)).toBeNull();

  await user.click(screen.getByRole('button', { name: '设置' }));
  await user.click(screen.getByRole('button', { name: '共性指标库（0 项）' }));
  const library = within(screen.getByRole('group', { name: /^共性指标库/ }));
  await user.type(library.getByRole('textbox', { name: '指标名称' }), '资产登记率');
  await user.type(library.getByRole('textbox', { name: '二级指标（可空）' }), '质量指标');
  await user.type(library.getByRole('textbox', { name: '单位（可空）' }), '%{Enter}');
  expect(screen.getByRole('button', { name: '共性指标库（1 项）' })).toBeTruthy();

  await user.click(check);
  const finding = await screen.findByRole('button', { name: /共性指标「资产登记率」应列在「质量指标」下/ });
  expect(finding).toBeTruthy();
  await user.selectOptions(screen.getByRole('combobox', { name: '分组方式' }), '按审核维度');
  const relevance = screen.getAllByRole('group').find((g) => /^相关性 \(\d+\)$/.test(g.querySelector('h4')?.textContent ?? ''));
  expect(relevance && within(relevance).getByRole('button', { name: /资产登记率/ })).toBeTruthy();

  // A new pane over the same settings: the library and the grouping are still chosen.
  view.unmount();
  render(<TaskPane host={host} />);
  const again = screen.getByRole('button', { name: '校验' }) as HTMLButtonElement;
  await waitFor(() => expect(again.disabled).toBe(false));
  await user.click(again);
  await screen.findByRole('button', { name: /共性指标「资产登记率」应列在「质量指标」下/ });
  expect((screen.getByRole('combobox', { name: '分组方式' }) as HTMLSelectElement).value).toBe('dimension');
}, 30_000); // two panes, three checks and typing: ≈ 3 s alone, far more on a loaded machine
