/** @jest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import { installDomStubs, sampleReport } from '../testing.js';
import { Summary } from './Summary.js';
import { renderPart } from './testing.js';

beforeAll(installDomStubs);
afterEach(cleanup);

test('概况 counts the tables and open findings, and gives each table its score line, stage and grade', () => {
  renderPart(<Summary report={sampleReport()} />);
  const summary = within(screen.getByRole('region', { name: '概况' }));
  expect(summary.getByText('找到 2 张绩效目标表')).toBeTruthy();
  expect(summary.getByText('错误 1 · 警告 2 · 提示 1')).toBeTruthy();
  expect(summary.getByText('得分 100.00 / 100.00（表外 10 分未计入）')).toBeTruthy();
  expect(summary.getAllByRole('listitem')).toHaveLength(2);
  expect(summary.getByText('无绩效目标表的工作表：说明')).toBeTruthy();
});

test('an accepted finding no longer counts as open; a workbook without tables says so', () => {
  const report = sampleReport();
  report.tables[1].findings[0].accepted = { date: '2026-05-01' };
  const { rerender } = renderPart(<Summary report={report} />);
  expect(screen.getByText('错误 1 · 警告 1 · 提示 1 · 已忽略 1')).toBeTruthy();
  expect(screen.getByText(/错误 0 · 警告 0 · 提示 0 · 已忽略 1/)).toBeTruthy();
  rerender(<Summary report={{ tables: [], sheetsWithoutTable: ['Sheet1'] }} />);
  expect(screen.queryByRole('listitem')).toBeNull();
  expect(screen.getByText(/未找到/)).toBeTruthy();
});
