// Large tables for the benchmark, as snapshots shaped like the seed (merged 一级/权重/二级).
import type { CellValue, SheetSnapshot } from '../src/core/index.js';

const LEVEL1 = ['基本运行指标', '重点履职指标', '部门综合指标', '可持续发展能力指标'];
const WEIGHTS = [10, 30, 30, 30];

export function generatedSheet(rows: number, name = '整体支出绩效目标表'): SheetSnapshot {
  const values: CellValue[][] = [
    ['测试单位整体支出绩效目标表', null, null, null, null, null, null, null, null],
    ['单位（部门）名称', '测试单位', null, null, null, null, null, null, null],
    ['年度绩效目标', '规范使用 100万元 财政资金。', null, null, null, null, null, null, null],
    ['一级指标', '权重', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位', '指标值内容', '备注'],
  ];
  const numberFormats: string[][] = values.map((r) => r.map(() => 'General'));
  const merges = ['A1:I1', 'B2:I2', 'B3:I3'];
  const per = Math.ceil(rows / LEVEL1.length);
  for (let i = 0; i < rows; i++) {
    const g = Math.floor(i / per);
    const first = i % per === 0;
    const l2First = i % 5 === 0;
    const quantitative = i % 3 !== 0;
    values.push([
      first ? LEVEL1[g] : null,
      first ? WEIGHTS[g] : null,
      l2First || first ? `二级指标${Math.floor(i / 5)}` : null,
      `三级指标${i}`,
      quantitative ? '定量' : '定性',
      quantitative ? (i % 2 ? '≥95' : 100) : '稳步提升',
      quantitative ? '%' : '',
      quantitative ? `完成率不低于 ${i % 2 ? 95 : 100}%` : '持续提升',
      null,
    ]);
    numberFormats.push(Array(9).fill('General'));
  }
  const header = 4;
  for (let g = 0; g < LEVEL1.length; g++) {
    const top = header + 1 + g * per;
    const bottom = Math.min(header + rows, top + per - 1);
    if (bottom > top) merges.push(`A${top}:A${bottom}`, `B${top}:B${bottom}`);
  }
  return { name, startRow: 0, startColumn: 0, values, numberFormats, merges };
}
