// The core's one rounding to 0.01: points, scores, sums and the report's figures all go through it.
import fc from 'fast-check';
import { fixed2, roundCents, withinTolerance } from './numbers.js';

describe('roundCents', () => {
  test.each([
    [0.005, 0.01],
    [0.015, 0.02],
    [1.005, 1.01],
    [1.015, 1.02],
    [2.675, 2.68],
    [2.905, 2.91],
    [1.255, 1.26],
    [87.005, 87.01],
    [-0.005, -0.01],
    [-2.905, -2.91],
    [0.004999, 0],
    [2.904999, 2.9],
    [0.1 + 0.2, 0.3],
    [10 / 3, 3.33],
    [0, 0],
  ])('%d → %d (half a cent rounds away from zero)', (x, expected) => {
    expect(roundCents(x)).toBe(expected);
  });

  test('fixed2 shows what roundCents gives', () => {
    expect(fixed2(1.005)).toBe('1.01');
    expect(fixed2(2.675)).toBe('2.68');
    expect(fixed2(3)).toBe('3.00');
  });

  test('a figure already in cents is unchanged; the result is always in cents (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (cents) => {
        expect(roundCents(cents / 100)).toBe(cents / 100);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x) => {
        const r = roundCents(x);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.005 + 1e-6);
        expect(Number.isInteger(Math.round(r * 100)) && Math.abs(r * 100 - Math.round(r * 100)) < 1e-6).toBe(true);
      }),
    );
  });
});

describe('tolerance', () => {
  test('half a cent agrees, more does not; float noise never decides', () => {
    expect(withinTolerance(100, 100.005)).toBe(true);
    expect(withinTolerance(100, 100.0051)).toBe(false);
    expect(withinTolerance(0.1 + 0.2, 0.3, 0)).toBe(true);
    expect(withinTolerance(1, 1.01, 0.01)).toBe(true);
    expect(withinTolerance(1, 1.02, 0.01)).toBe(false);
  });
});
