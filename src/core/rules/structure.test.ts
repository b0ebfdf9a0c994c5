import { failing, passing } from '../../../test/helpers/ruleCases.js';
import { DEFAULT_COLUMNS, rowsWith, validRows } from '../../../test/helpers/workbooks.js';

const noWeight = DEFAULT_COLUMNS.filter((c) => c !== 'weight');
const noType = DEFAULT_COLUMNS.filter((c) => c !== 'type');

describe('structure rules', () => {
  passing('structure/no-weight-column', 'the table has 权重', {});
  failing('structure/no-weight-column', 'no 权重 column: equal split of 100 over 4 一级', { columns: noWeight }, { zh: /基本运行指标 25/ });

  passing('structure/type-inferred', 'the table has 指标值类型', {});
  failing('structure/type-inferred', 'no 指标值类型 column', { columns: noType }, { zh: /推断 10 个指标/ });

  passing('structure/empty-name', 'every row named', {});
  failing('structure/empty-name', 'a value without a name', { rows: rowsWith(4, { name: '' }) }, { cells: ['D16'] });

  passing('structure/duplicate-name', 'names unique', {});
  failing('structure/duplicate-name', 'the same name twice', { rows: rowsWith(5, { name: '职工诉求办结率' }) }, { cells: ['D17', 'D16'] });

  passing('structure/level2-empty', 'every 二级 has 三级', {});
  failing('structure/level2-empty', 'a 二级 row with nothing under it', {
    rows: [...validRows().slice(0, 3), { l2: '采购管理' }, ...validRows().slice(3)],
  }, { cells: ['C15'], zh: /采购管理/ });

  passing('structure/no-description', 'description or remark present', {});
  failing('structure/no-description', 'both empty', { rows: rowsWith(2, { remark: '' }) }, { cells: ['H14'] });
});
