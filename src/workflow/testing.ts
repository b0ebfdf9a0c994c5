// Helpers for the workflow's tests (and the hosts'): a small table snapshot and a fake port
// that applies plans to it as an adapter would.
import { parseCell, type AcceptanceSheetPlan, type ReportSheetPlan, type CellValue, type SheetSnapshot, type SheetWritePlan, type WorkbookSnapshot } from '../core/index.js';
import type { PanePort } from './port.js';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A small table in the seed's layout; 服务职工总人次 has a non-numeric 定量 value (an error). */
export function tableSheet(name: string): SheetSnapshot {
  const values: CellValue[][] = [
    [`宁县总工会整体支出绩效目标表`],
    ['单位（部门）名称', '宁县总工会'],
    ['年度绩效目标', '保障机关正常运转，服务职工。'],
    ['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注'],
    ['基本运行指标', 50, '预算收支管理', '预算执行率', '定量', '≥95', '%', '预算执行率不低于95%', ''],
    [null, null, '资产管理', '资产登记率', '定量', '100', '%', '资产全部登记入账', ''],
    ['重点履职指标', 50, '数量指标', '服务职工总人次', '定量', '稳步提升', '人次', '全年服务职工', ''],
    [null, null, '质量指标', '服务满意度', '定量', '≥90', '%', '职工满意度', ''],
  ];
  return { name, startRow: 0, startColumn: 0, values, merges: ['A1:I1', 'A5:A6', 'B5:B6', 'A7:A8', 'B7:B8'] };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** Applies plans to the snapshot as an Excel adapter would, so a later read sees our cells. */
export function fakeAdapter(snapshot: WorkbookSnapshot) {
  const calls = {
    writes: [] as SheetWritePlan[][],
    clears: [] as { sheet: string; cells: string[] }[][],
    selections: [] as { sheet: string; cells: string[] }[],
    acceptances: [] as AcceptanceSheetPlan[],
    reports: [] as ReportSheetPlan[],
  };
  /** Our sheets replace what was there, whole. */
  const replaceSheet = (name: string, values: CellValue[][]) => {
    const sheet: SheetSnapshot = { name, startRow: 0, startColumn: 0, values, merges: [] };
    const at = snapshot.sheets.findIndex((s) => s.name === name);
    if (at >= 0) snapshot.sheets[at] = sheet;
    else snapshot.sheets.push(sheet);
  };
  const put = (sheetName: string, a1: string, value: CellValue, format: string) => {
    const sheet = snapshot.sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const { row, column } = parseCell(a1);
    const r = row - 1 - sheet.startRow;
    const c = column - sheet.startColumn;
    sheet.numberFormats ??= sheet.values.map((cells) => cells.map(() => 'General'));
    while (sheet.values.length <= r) sheet.values.push([]);
    while (sheet.numberFormats.length <= r) sheet.numberFormats.push([]);
    while (sheet.values[r].length <= c) sheet.values[r].push(null);
    while (sheet.numberFormats[r].length <= c) sheet.numberFormats[r].push('General');
    sheet.values[r][c] = value;
    sheet.numberFormats[r][c] = format;
  };
  const adapter: PanePort = {
    readSnapshot: () => Promise.resolve(clone(snapshot)),
    writeResults: (plans) => {
      calls.writes.push(plans);
      for (const p of plans) {
        for (const a of p.clear) put(p.sheet, a, null, 'General');
        for (const w of p.writes) put(p.sheet, w.address, w.value, w.numberFormat);
      }
      return Promise.resolve();
    },
    clearResults: (targets) => {
      calls.clears.push(targets);
      for (const t of targets) for (const a of t.cells) put(t.sheet, a, null, 'General');
      return Promise.resolve();
    },
    writeAcceptances: (plan) => {
      calls.acceptances.push(plan);
      replaceSheet(plan.sheet, clone(plan.rows));
      return Promise.resolve();
    },
    writeReportSheet: (plan) => {
      calls.reports.push(plan);
      replaceSheet(
        plan.sheet,
        plan.rows.map((row) => row.map((c) => c.value)),
      );
      return Promise.resolve({ sheet: plan.sheet, rows: plan.rows.length, links: plan.rows.flat().filter((c) => c.link).length, created: true });
    },
    selectCells: (sheet, cells) => {
      calls.selections.push({ sheet, cells });
      return Promise.resolve();
    },
    capabilities: () => ({ annotation: 'comments', mergesRead: true, undoGroup: false }),
  };
  return { adapter, calls };
}
