import fc from 'fast-check';
import { gradeOf } from './grade.js';

describe('gradeOf', () => {
  it('grades out of 100 with inclusive boundaries', () => {
    expect(gradeOf(100)).toBe('优');
    expect(gradeOf(90)).toBe('优');
    expect(gradeOf(89.99)).toBe('良');
    expect(gradeOf(80)).toBe('良');
    expect(gradeOf(79.99)).toBe('中');
    expect(gradeOf(60)).toBe('中');
    expect(gradeOf(59.99)).toBe('差');
    expect(gradeOf(0)).toBe('差');
  });

  it('grades on the percentage of another total', () => {
    expect(gradeOf(81, 90)).toBe('优');
    expect(gradeOf(8.1, 9)).toBe('优');
    expect(gradeOf(80.99, 90)).toBe('良');
    expect(gradeOf(54, 90)).toBe('中');
    expect(gradeOf(53.99, 90)).toBe('差');
  });

  it('grades a table without points as 差', () => {
    expect(gradeOf(0, 0)).toBe('差');
    expect(gradeOf(Number.NaN)).toBe('差');
  });

  it('never grades a higher score lower', () => {
    const order = { 差: 0, 中: 1, 良: 2, 优: 3 } as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        return order[gradeOf(lo)] <= order[gradeOf(hi)];
      }),
    );
  });
});
