// 预算执行率 from the 项目资金 block: the rate, and the points it earns under 财预〔2020〕10号.
import type { TableModel } from '../recognise/tableModel.js';
import { roundCents } from '../sheet/text.js';

/** 执行率 = 执行数 / 预算数 and its 得分 = 分值 × 执行率 (10号, capped at 分值), from the 项目资金 block. */
export function fundsExecution(table: TableModel): { rate: number; points?: number; score?: number } | undefined {
  const t = table.funds?.total.cells;
  const budget = t?.budget?.amount ?? t?.initial?.amount;
  const executed = t?.executed?.amount;
  if (!t || budget === undefined || executed === undefined || budget <= 0) return undefined;
  const rate = executed / budget;
  const points = t.points?.amount;
  return { rate, ...(points !== undefined ? { points, score: roundCents(points * Math.min(1, rate)) } : {}) };
}
