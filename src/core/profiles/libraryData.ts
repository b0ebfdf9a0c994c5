// The 共性指标 libraries the profiles ship. A starting set, editable through the config's
// `library` key: the names, 二级, units and directions are those of the common indicators in the
// 财预〔2020〕10号 annex (项目支出绩效评价指标体系框架) and of the 部门整体支出 templates' 基本运行
// 指标 (预算收支、财会、采购、资产、人员、绩效管理); ranges are typical targets, not rules.
import type { LibraryIndicator } from './library.js';

export const NATIONAL_LIBRARY: readonly LibraryIndicator[] = [
  { name: '验收合格率', level2: '质量', unit: '%', direction: 'higher', range: [90, 100] },
  { name: '质量达标率', level2: '质量', unit: '%', direction: 'higher', range: [90, 100] },
  { name: '完成及时率', level2: '时效', unit: '%', direction: 'higher', range: [90, 100] },
  { name: '资金拨付及时率', level2: '时效', unit: '%', direction: 'higher', range: [90, 100] },
  { name: '项目完成时间', level2: '时效', unit: '日期', direction: 'lower' },
  { name: '成本节约率', level2: '成本', unit: '%', direction: 'higher', range: [0, 20] },
  { name: '服务对象满意度', level2: '服务对象满意度', unit: '%', direction: 'higher', range: [80, 100] },
  { name: '受益群众满意度', level2: '服务对象满意度', unit: '%', direction: 'higher', range: [80, 100] },
  { name: '群众满意度', level2: '服务对象满意度', unit: '%', direction: 'higher', range: [80, 100] },
  { name: '社会公众满意度', level2: '服务对象满意度', unit: '%', direction: 'higher', range: [80, 100] },
];

export const GANSU_COUNTY_LIBRARY: readonly LibraryIndicator[] = [
  { name: '基本支出预算执行率', level2: '预算收支管理', unit: '%', direction: 'higher', range: [90, 100] },
  { name: '项目支出预算执行率', level2: '预算收支管理', unit: '%', direction: 'higher', range: [90, 100] },
  { name: '“三公”经费控制率', level2: '预算收支管理', unit: '%', direction: 'lower', range: [0, 100] },
  { name: '结转结余变动率', level2: '预算收支管理', unit: '%', direction: 'lower' },
  { name: '预算调整率', level2: '预算收支管理', unit: '%', direction: 'lower' },
  { name: '财务管理制度健全性', level2: '财会管理', unit: '' },
  { name: '资金使用规范性', level2: '财会管理', unit: '' },
  { name: '政府采购规范性', level2: '采购管理', unit: '' },
  { name: '政府采购执行率', level2: '采购管理', unit: '%', direction: 'higher', range: [90, 100] },
  { name: '资产管理规范性', level2: '资产管理', unit: '' },
  { name: '固定资产利用率', level2: '资产管理', unit: '%', direction: 'higher', range: [80, 100] },
  { name: '在职人员控制率', level2: '人员管理', unit: '%', direction: 'lower', range: [0, 100] },
  { name: '绩效管理制度健全性', level2: '绩效管理', unit: '' },
  { name: '服务对象满意度', level2: '服务对象满意度', unit: '%', direction: 'higher', range: [80, 100] },
];
