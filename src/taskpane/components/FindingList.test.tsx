/** @jest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { TableReport } from '../../core/index.js';
import type { FindingGrouping } from '../../workflow/index.js';
import { countBySeverity } from '../format.js';
import { finding, installDomStubs, table } from '../testing.js';
import type { FindingActions } from './FindingItem.js';
import { FindingList, groupFindings, type Filter } from './FindingList.js';
import { renderPart } from './testing.js';

beforeAll(installDomStubs);
afterEach(cleanup);

const actions: FindingActions = { onSelect: () => {}, onAccept: () => {}, onUnaccept: () => {}, enabled: true };

const sheet = '表1';
const one = table({
  sheet,
  unitName: '宁县总工会',
  findings: [
    finding({ rule: 'w', severity: 'error', topic: 'weights', dimension: 'completeness', sheet, cells: ['B12'], message: { zh: '权重合计为 90', en: 'weights 90' } }),
    finding({ rule: 'l', severity: 'warning', topic: 'structure', dimension: 'relevance', sheet, cells: ['C9'], message: { zh: '与共性指标相近', en: 'near' } }),
    finding({ rule: 'v', severity: 'info', topic: 'value-format', dimension: 'feasibility', sheet, cells: ['F15'], message: { zh: '指标值过高', en: 'too high' } }),
    finding({ rule: 'b', severity: 'warning', topic: 'budget', dimension: 'completeness', sheet, cells: ['D8'], message: { zh: '支出合计未填写', en: 'blank' } }),
  ],
});

function list(tables: TableReport[], filter: Filter, grouping: FindingGrouping, onGroupingChange: (g: FindingGrouping) => void = () => {}, onFilterChange: (f: Filter) => void = () => {}) {
  const counts = countBySeverity(tables.flatMap((t) => t.findings));
  return (
    <FindingList
      tables={tables}
      counts={counts}
      filter={filter}
      onFilterChange={onFilterChange}
      grouping={grouping}
      onGroupingChange={onGroupingChange}
      actions={actions}
      headingRef={null}
    />
  );
}

const groupHeadings = () => within(screen.getByRole('region', { name: '表1 · 宁县总工会' })).getAllByRole('heading', { level: 4 }).map((h) => h.textContent);

test('groupFindings orders groups as the report does and leaves empty ones out', () => {
  expect(groupFindings(one.findings, 'topic').map((g) => [g.key, g.findings.map((f) => f.rule)])).toEqual([
    ['structure', ['l']],
    ['weights', ['w']],
    ['budget', ['b']],
    ['value-format', ['v']],
  ]);
  expect(groupFindings(one.findings, 'dimension').map((g) => [g.key, g.findings.map((f) => f.rule)])).toEqual([
    ['completeness', ['w', 'b']],
    ['relevance', ['l']],
    ['feasibility', ['v']],
  ]);
});

test('by topic (主题) the groups are the topics; by 审核维度 they are the four dimensions', () => {
  const { rerender } = renderPart(list([one], 'all', 'topic'));
  expect(groupHeadings()).toEqual(['结构 (1)', '权重 (1)', '预算 (1)', '指标值 (1)']);
  expect((screen.getByRole('combobox', { name: '分组方式' }) as HTMLSelectElement).value).toBe('topic');

  rerender(list([one], 'all', 'dimension'));
  expect(groupHeadings()).toEqual(['完整性 (2)', '相关性 (1)', '可行性 (1)']);
  const completeness = within(screen.getByRole('group', { name: '完整性 (2)' }));
  expect(completeness.getAllByRole('button', { name: /权重合计为 90|支出合计未填写/ })).toHaveLength(2);
});

test('choosing 按审核维度 asks for the dimension grouping; the filter still narrows the groups', async () => {
  const user = userEvent.setup();
  const chosen: FindingGrouping[] = [];
  renderPart(list([one], 'warning', 'dimension', (g) => chosen.push(g)));
  expect(groupHeadings()).toEqual(['完整性 (1)', '相关性 (1)']);
  await user.selectOptions(screen.getByRole('combobox', { name: '分组方式' }), '按主题');
  expect(chosen).toEqual(['topic']);
});

test('in English the dimensions have their English names', () => {
  renderPart(list([{ ...one, unitName: 'Union' }], 'all', 'dimension'), 'en');
  const region = within(screen.getByRole('region', { name: '表1 · Union' }));
  expect(region.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(['Completeness (2)', 'Relevance (1)', 'Feasibility (1)']);
  expect(screen.getByRole('option', { name: 'Review dimension' })).toBeTruthy();
  expect(screen.getByRole('combobox', { name: 'Group by' })).toBeTruthy();
});

test('with no open findings the grouping is not offered', () => {
  renderPart(list([{ ...one, findings: [] }], 'all', 'topic'));
  expect(screen.queryByRole('combobox', { name: '分组方式' })).toBeNull();
  expect(screen.getByText(/未发现问题|没有发现/)).toBeTruthy();
});
