// Matching 三级 names to the 共性指标 library on real names: synonyms and spellings offices vary
// on match; names that only share a word do not.
import { indicatorKey, matchIndicator, similarity } from './library.js';
import { GANSU_COUNTY_LIBRARY, NATIONAL_LIBRARY } from './libraryData.js';

describe('matchIndicator', () => {
  test.each([
    ['验收合格率', 'exact', '验收合格率'],
    ['“三公”经费控制率', 'exact', '“三公”经费控制率'],
    ['"三公"经费控制率', 'normalised', '“三公”经费控制率'],
    ['三公经费控制率', 'normalised', '“三公”经费控制率'],
    ['验收合格比率', 'normalised', '验收合格率'],
    ['群众满意率', 'normalised', '群众满意度'],
    ['（服务对象）满意度', 'normalised', '服务对象满意度'],
    ['服务对象满意程度', 'near', '服务对象满意度'],
    ['指标1：资金拨付及时率', 'normalised', '资金拨付及时率'],
    ['项目验收合格率', 'near', '验收合格率'],
    ['资金拨付及时性', 'near', '资金拨付及时率'],
  ])('%s → %s %s', (name, kind, standard) => {
    const m = matchIndicator(name, [...NATIONAL_LIBRARY, ...GANSU_COUNTY_LIBRARY]);
    expect(m?.kind).toBe(kind);
    expect(m?.entry.name).toBe(standard);
  });

  test.each(['群众文化活动场次', '基层工会指导次数', '职工诉求办结率', '送戏下乡场次', '资产完好率', '采购事项完成率'])('%s matches nothing (a 个性指标)', (name) => {
    expect(matchIndicator(name, [...NATIONAL_LIBRARY, ...GANSU_COUNTY_LIBRARY])).toBeUndefined();
  });

  test('similarity is symmetric, 1 on equal keys, 0 on nothing shared', () => {
    expect(similarity('验收合格率', '验收合格率')).toBe(1);
    expect(similarity('验收合格率', '群众满意度')).toBe(0);
    expect(similarity('项目验收合格率', '验收合格率')).toBeCloseTo(similarity('验收合格率', '项目验收合格率'));
    expect(indicatorKey(' 验收合格 比例 ')).toBe('验收合格率');
  });
});
