import fc from 'fast-check';
import type { Comparator, ParsedValue } from '../types.js';
import { scoreQualitative, scoreQuantitative, type QuantitativeInput } from './selfEvaluation.js';

function value(number: number, unit = '', comparator?: Comparator): ParsedValue {
  const sign = comparator === undefined ? '' : comparator;
  return { raw: `${sign}${number}${unit}`, kind: 'number', number, unit, comparator };
}

function quantitative(over: Partial<QuantitativeInput> & Pick<QuantitativeInput, 'target' | 'actual'>): ReturnType<typeof scoreQuantitative> {
  return scoreQuantitative({ points: 3, name: '职工服务覆盖率', unit: '', ...over });
}

describe('scoreQuantitative, ≥ and >', () => {
  it('gives full points when the actual reaches the target', () => {
    const r = quantitative({ target: value(95, '%', '>='), actual: value(95, '%') });
    expect(r.score).toBe(3);
    expect(r.problems).toEqual([]);
    expect(r.note.zh).toBe('实际 95% ≥ 目标 95%，得满分 3.00');
    expect(r.note.en).toBe('actual 95% ≥ target 95%, full points 3.00');
  });

  it('scores in proportion below the target', () => {
    const r = quantitative({ target: value(95, '', '>='), actual: value(92) });
    expect(r.score).toBe(2.91);
    expect(r.note.zh).toBe('实际 92 / 目标 95 × 3.00 = 2.91');
    expect(r.note.en).toBe('actual 92 / target 95 × 3.00 = 2.91');
  });

  it('takes just below the target as just below full points', () => {
    expect(quantitative({ target: value(100, '%', '>='), actual: value(99.99, '%') }).score).toBe(3);
    expect(quantitative({ target: value(100, '%', '>='), actual: value(99.5, '%') }).score).toBe(2.99);
  });

  it('treats > like ≥ (a = t is full points)', () => {
    expect(quantitative({ target: value(10, '项', '>'), actual: value(10, '项') }).score).toBe(3);
    expect(quantitative({ target: value(10, '项', '>'), actual: value(5, '项') }).score).toBe(1.5);
  });

  it('counts a negative actual as 0', () => {
    const r = quantitative({ target: value(5, '%', '>='), actual: value(-2, '%') });
    expect(r.score).toBe(0);
    expect(r.note.zh).toContain('负数按 0 计');
  });

  it('with a target ≤ 0 gives full points at or above it and 0 below', () => {
    expect(quantitative({ target: value(0, '%', '>='), actual: value(0, '%') }).score).toBe(3);
    expect(quantitative({ target: value(0, '%', '>='), actual: value(-1, '%') }).score).toBe(0);
    expect(quantitative({ target: value(-5, '%', '>='), actual: value(-3, '%') }).score).toBe(3);
    expect(quantitative({ target: value(-5, '%', '>='), actual: value(-6, '%') }).score).toBe(0);
  });

  it('warns at 120 % of the target or more but keeps full points', () => {
    const r = quantitative({ target: value(100, '人次', '>='), actual: value(120, '人次') });
    expect(r.score).toBe(3);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].kind).toBe('over-target');
    expect(r.problems[0].message.zh).toContain('目标可能设定偏低');
    expect(quantitative({ target: value(100, '人次', '>='), actual: value(119.99, '人次') }).problems).toEqual([]);
    // 1.2 × 0.1 is 0.12000000000000001 in floats; the boundary must still hold.
    expect(quantitative({ target: value(0.1, '', '>='), actual: value(0.12) }).problems[0]?.kind).toBe('over-target');
  });

  it('does not warn over target when the target is 0', () => {
    expect(quantitative({ target: value(0, '', '>='), actual: value(50) }).problems).toEqual([]);
  });
});

describe('scoreQuantitative, =', () => {
  it('scores like ≥ when the target is positive', () => {
    expect(quantitative({ target: value(100, '%', '='), actual: value(100, '%') }).score).toBe(3);
    expect(quantitative({ target: value(100, '%', '='), actual: value(90, '%') }).score).toBe(2.7);
    expect(quantitative({ target: value(100, '%', '='), actual: value(125, '%') }).problems[0].kind).toBe('over-target');
  });

  it('with target 0 gives full points for a ≤ 0 and 0 otherwise', () => {
    expect(quantitative({ target: value(0, '起', '='), actual: value(0, '起') }).score).toBe(3);
    expect(quantitative({ target: value(0, '起', '='), actual: value(-1, '起') }).score).toBe(3);
    expect(quantitative({ target: value(0, '起', '='), actual: value(1, '起') }).score).toBe(0);
  });

  it('with a negative target needs the exact figure', () => {
    expect(quantitative({ target: value(-5, '%', '='), actual: value(-5, '%') }).score).toBe(3);
    expect(quantitative({ target: value(-5, '%', '='), actual: value(-4, '%') }).score).toBe(0);
  });
});

describe('scoreQuantitative, ≤ and <', () => {
  it('gives full points at or below the target', () => {
    expect(quantitative({ target: value(100, '万元', '<='), actual: value(100, '万元') }).score).toBe(3);
    expect(quantitative({ target: value(100, '万元', '<='), actual: value(80, '万元') }).score).toBe(3);
    expect(quantitative({ target: value(100, '万元', '<'), actual: value(100, '万元') }).score).toBe(3);
  });

  it('takes off in proportion between t and 2t', () => {
    const r = quantitative({ target: value(100, '', '<='), actual: value(120) });
    expect(r.score).toBe(2.4);
    expect(r.note.zh).toBe('实际 120 超出目标 100 的 20%，3.00 × (1 − 0.2) = 2.40');
    expect(r.note.en).toBe('actual 120 exceeds target 100 by 20%, 3.00 × (1 − 0.2) = 2.40');
    expect(quantitative({ target: value(100, '', '<'), actual: value(199) }).score).toBe(0.03);
  });

  it('gives 0 at twice the target or more', () => {
    expect(quantitative({ target: value(100, '', '<='), actual: value(200) }).score).toBe(0);
    expect(quantitative({ target: value(100, '', '<='), actual: value(350) }).score).toBe(0);
  });

  it('with target 0 takes 10 % of w off per percentage point over', () => {
    const none = quantitative({ target: value(0, '%', '<='), actual: value(0, '%') });
    expect(none.score).toBe(3);
    expect(quantitative({ target: value(0, '%', '<='), actual: value(-8, '%') }).score).toBe(3);
    const three = quantitative({ target: value(0, '%', '<='), actual: value(3, '%'), name: '"三公"经费变动率' });
    expect(three.score).toBe(2.1);
    expect(three.note.zh).toContain('3 个百分点');
    expect(three.note.en).toContain('3 percentage points');
    expect(quantitative({ target: value(0, '%', '<='), actual: value(15, '%') }).score).toBe(0);
    expect(quantitative({ target: value(0, '%', '<='), actual: value(10, '%') }).score).toBe(0);
  });

  it('with target 0 in another unit counts one unit as one point', () => {
    expect(quantitative({ target: value(0, '起', '<='), actual: value(2, '起') }).score).toBe(2.4);
  });

  it('with a negative target takes 10 % off per point above it', () => {
    expect(quantitative({ target: value(-5, '%', '<='), actual: value(-6, '%') }).score).toBe(3);
    expect(quantitative({ target: value(-5, '%', '<='), actual: value(-3, '%') }).score).toBe(2.4);
  });

  it('never warns over target', () => {
    expect(quantitative({ target: value(10, '', '<='), actual: value(1) }).problems).toEqual([]);
  });
});

describe('scoreQuantitative without comparator', () => {
  it('scores as ≥', () => {
    expect(quantitative({ target: value(50, '人次'), actual: value(40, '人次') }).score).toBe(2.4);
    expect(quantitative({ target: value(50, '人次'), actual: value(60, '人次') }).score).toBe(3);
    expect(quantitative({ target: value(50, '人次'), actual: value(60, '人次') }).problems[0].kind).toBe('over-target');
  });

  it('scores a 成本 row as ≤', () => {
    const r = quantitative({ name: '人均培训成本', target: value(500, '元'), actual: value(600, '元') });
    expect(r.score).toBe(2.4);
    expect(r.problems).toEqual([]);
    expect(quantitative({ name: '人均培训成本', target: value(500, '元'), actual: value(400, '元') }).score).toBe(3);
  });

  it('scores as ≤ when the caller says lower is better', () => {
    expect(quantitative({ name: '机关运行经费', lowerIsBetter: true, target: value(5.52, '万元'), actual: value(6, '万元') }).score).toBe(2.74);
  });

  it('keeps an explicit comparator on a 成本 row', () => {
    expect(quantitative({ name: '成本节约率', target: value(10, '%', '>='), actual: value(5, '%') }).score).toBe(1.5);
  });
});

describe('scoreQuantitative problems', () => {
  it('reports a missing actual with score 0', () => {
    const r = quantitative({ target: value(95, '%', '>='), actual: { raw: '', kind: 'empty', unit: '' } });
    expect(r.score).toBe(0);
    expect(r.problems.map((p) => p.kind)).toEqual(['actual-missing']);
    expect(r.problems[0].message.zh).toBe('实际完成值为空，请填写全年实际完成情况');
  });

  it('reports an actual that is not a number with score 0', () => {
    const r = quantitative({ target: value(95, '%', '>='), actual: { raw: '基本完成', kind: 'text', unit: '' } });
    expect(r.score).toBe(0);
    expect(r.problems.map((p) => p.kind)).toEqual(['actual-not-number']);
    expect(r.problems[0].message.zh).toContain('基本完成');
  });

  it('reports an actual in another unit with score 0', () => {
    const r = quantitative({ target: value(95, '%', '>='), actual: value(95, '人') });
    expect(r.score).toBe(0);
    expect(r.problems.map((p) => p.kind)).toEqual(['unit-mismatch']);
    expect(r.problems[0].message.zh).toContain('「人」');
    expect(r.problems[0].message.zh).toContain('「%」');
  });

  it('compares the actual with 度量单位 when the target carries no unit', () => {
    const r = quantitative({ unit: '万元', target: value(10, '', '<='), actual: value(10, '元') });
    expect(r.problems.map((p) => p.kind)).toEqual(['unit-mismatch']);
    expect(quantitative({ unit: '万元', target: value(10, '', '<='), actual: value(9, '万元') }).score).toBe(3);
  });

  it('accepts a bare actual, a % actual beside a unitless target, and full-width units', () => {
    expect(quantitative({ unit: '%', target: value(95, '', '>='), actual: value(95) }).problems).toEqual([]);
    expect(quantitative({ unit: '', target: value(95, '', '>='), actual: value(95, '%') }).problems).toEqual([]);
    expect(quantitative({ unit: '％', target: value(95, '', '>='), actual: value(95, '%') }).score).toBe(3);
    expect(quantitative({ unit: '-', target: value(95, '', '>='), actual: value(95, '%') }).score).toBe(3);
  });

  it('gives 0 without a problem of its own when the target is not a number', () => {
    const r = quantitative({ target: { raw: '逐步提高', kind: 'text', unit: '' }, actual: value(95) });
    expect(r.score).toBe(0);
    expect(r.problems).toEqual([]);
    expect(r.note.zh).toContain('目标值不是数值');
  });

  it('gives 0 for rows without points', () => {
    expect(quantitative({ points: 0, target: value(95, '', '>='), actual: value(95) }).score).toBe(0);
    expect(quantitative({ points: Number.NaN, target: value(95, '', '>='), actual: value(50) }).score).toBe(0);
  });
});

describe('scoreQuantitative properties', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  const points = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });
  const comparator = fc.constantFrom<Comparator | undefined>('>=', '<=', '>', '<', '=', undefined);
  const name = fc.constantFrom('职工服务覆盖率', '人均成本');

  it('keeps 0 ≤ score ≤ w for any finite inputs', () => {
    fc.assert(
      fc.property(points, finite, finite, comparator, name, (w, t, a, c, n) => {
        const { score } = scoreQuantitative({ points: w, target: value(t, '%', c), actual: value(a, '%'), name: n, unit: '%' });
        return Number.isFinite(score) && score >= 0 && score <= w;
      }),
    );
  });

  it('is non-decreasing in the actual for ≥', () => {
    fc.assert(
      fc.property(points, finite, finite, finite, fc.constantFrom<Comparator | undefined>('>=', '>', undefined), (w, t, a1, a2, c) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const score = (a: number): number => scoreQuantitative({ points: w, target: value(t, '', c), actual: value(a), name: '覆盖率', unit: '' }).score;
        return score(lo) <= score(hi);
      }),
    );
  });

  it('is non-increasing in the actual for ≤', () => {
    fc.assert(
      fc.property(points, finite, finite, finite, fc.constantFrom<Comparator | undefined>('<=', '<'), (w, t, a1, a2, c) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const score = (a: number): number => scoreQuantitative({ points: w, target: value(t, '', c), actual: value(a), name: '变动率', unit: '' }).score;
        return score(lo) >= score(hi);
      }),
    );
  });
});

describe('scoreQualitative', () => {
  const score = (actualText: string, targetText = '逐步提高'): ReturnType<typeof scoreQualitative> =>
    scoreQualitative({ points: 3, actualText, targetText });

  it('gives full points for 达成 in long and short forms', () => {
    for (const text of ['达成年度指标', '达成预期指标', '达成', '已完成', '达成年度指标，效果良好']) {
      expect(score(text).score).toBe(3);
      expect(score(text).problems).toEqual([]);
    }
    expect(score('达成年度指标').note.zh).toBe('实际「达成年度指标」，达成目标，得满分 3.00');
  });

  it('gives 70 % for 部分达成, though it contains 达成', () => {
    for (const text of ['部分达成年度指标并具有一定效果', '部分达成预期指标并具有一定效果', '部分达成']) {
      expect(score(text).score).toBe(2.1);
    }
    expect(score('部分达成').note.zh).toBe('实际「部分达成」，部分达成，按分值的 70% 计：3.00 × 0.7 = 2.10');
  });

  it('gives 30 % for 未达成, though it contains 达成', () => {
    for (const text of ['未达成年度指标且效果较差', '未达成预期指标且效果较差', '未达成']) {
      expect(score(text).score).toBe(0.9);
    }
  });

  it('normalises spaces and full-width characters', () => {
    expect(score(' 部分达成 年度指标\n并具有一定效果 ').score).toBe(2.1);
    expect(score('达成年度指标。').score).toBe(3);
    expect(score('健　全', '健全').score).toBe(3);
  });

  it('gives full points when the actual says what the target says', () => {
    const r = score('健全', '健全');
    expect(r.score).toBe(3);
    expect(r.note.zh).toBe('实际「健全」与目标一致，得满分 3.00');
  });

  it('reads 是 / 否 against the sense of the target', () => {
    expect(score('是', '是').score).toBe(3);
    expect(score('是', '有效提升').score).toBe(3);
    expect(score('否', '有效提升').score).toBe(0.9);
    expect(score('否', '否').score).toBe(3);
    expect(score('是', '否').score).toBe(0.9);
    expect(score('无', '无').score).toBe(3);
  });

  it('reports an empty actual', () => {
    const r = score('  ');
    expect(r.score).toBe(0);
    expect(r.problems.map((p) => p.kind)).toEqual(['actual-missing']);
  });

  it('reports an actual it cannot read', () => {
    const r = score('还行');
    expect(r.score).toBe(0);
    expect(r.problems.map((p) => p.kind)).toEqual(['actual-unrecognised']);
    expect(r.problems[0].message.zh).toContain('达成年度指标');
  });

  it('keeps 0 ≤ score ≤ w', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.string(), fc.string(), (w, a, t) => {
        const { score: s } = scoreQualitative({ points: w, actualText: a, targetText: t });
        return s >= 0 && s <= w;
      }),
    );
  });
});
