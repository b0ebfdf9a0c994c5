import fc from 'fast-check';
import { parseValue, readComparator } from './value.js';

describe('parseValue', () => {
  test.each([
    ['≥95', '>=', 95, ''],
    ['>=95', '>=', 95, ''],
    ['＞＝９５％', '>=', 95, '%'],
    ['≧95%', '>=', 95, '%'],
    ['≦3', '<=', 3, ''],
    ['<=3工作日', '<=', 3, '工作日'],
    ['＜5', '<', 5, ''],
    ['＞0', '>', 0, ''],
    ['=100%', '=', 100, '%'],
    ['＝100', '=', 100, ''],
    ['不低于95%', '>=', 95, '%'],
    ['不少于 8 项', '>=', 8, '项'],
    ['不高于5', '<=', 5, ''],
    ['不超过3个工作日', '<=', 3, '工作日'],
    ['95%以上', '>=', 95, '%'],
    ['3日以内', '<=', 3, '日'],
    ['10万元以下', '<=', 10, '万元'],
    ['1,200人次', undefined, 1200, '人次'],
    ['-5%', undefined, -5, '%'],
    ['≤-5', '<=', -5, ''],
    ['100', undefined, 100, ''],
    ['12.5', undefined, 12.5, ''],
    // Published forms (DOMAIN §2a): deadlines, frequencies, per-period counts, invisible characters.
    ['24小时内', '<=', 24, '小时'],
    ['3个工作日内', '<=', 3, '工作日'],
    ['12月底前', '<=', 12, '月'],
    ['1次/月', undefined, 1, '次/月'],
    ['每季度1次', undefined, 1, '次/季度'],
    ['每月不少于2场', '>=', 2, '场/月'],
    ['95\u200B', undefined, 95, ''],
    ['\uFEFF≥\u200D95%', '>=', 95, '%'],
  ])('%s → %s %s %s', (raw, comparator, number, unit) => {
    const v = parseValue(raw);
    expect(v.kind).toBe('number');
    expect(v.comparator).toBe(comparator);
    expect(v.number).toBe(number);
    expect(v.unit).toBe(unit);
  });

  test.each(['稳步提升', '健全', '无负面影响', '达成', '3项左右完成2项', '-', '≥'])('%s is text', (raw) => {
    expect(parseValue(raw).kind).toBe('text');
  });

  test('numbers and formats', () => {
    expect(parseValue(100)).toMatchObject({ kind: 'number', number: 100, unit: '' });
    expect(parseValue(1, '0%')).toMatchObject({ kind: 'number', number: 100, unit: '%', raw: '100%' });
    expect(parseValue(0.955, '0.0%')).toMatchObject({ number: 95.5, unit: '%' });
    expect(parseValue(5, '0"%"')).toMatchObject({ number: 5, unit: '' });
    expect(parseValue(null)).toMatchObject({ kind: 'empty' });
    expect(parseValue('   ')).toMatchObject({ kind: 'empty' });
    expect(parseValue(true).kind).toBe('text');
  });

  test('a comparator held in its own column', () => {
    expect(parseValue(95, '', '≥')).toMatchObject({ comparator: '>=', number: 95 });
    expect(parseValue('95', '', '不高于')).toMatchObject({ comparator: '<=', number: 95 });
  });

  test('readComparator prefers the longer word', () => {
    expect(readComparator('不低于5').comparator).toBe('>=');
    expect(readComparator('低于5').comparator).toBe('<');
  });

  test('never throws on any string or cell value (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.double(), fc.boolean(), fc.constant(null)), fc.string(), (raw, format) => {
        const v = parseValue(raw, format);
        expect(['empty', 'number', 'text']).toContain(v.kind);
        if (v.kind === 'number') expect(Number.isFinite(v.number)).toBe(true);
      }),
      { numRuns: 10000 },
    );
  });

  test('a written comparator and number read back (property)', () => {
    const signs = ['≥', '>=', '≤', '<=', '＞', '＜', '='] as const;
    fc.assert(
      fc.property(fc.constantFrom(...signs), fc.integer({ min: 0, max: 100000 }), fc.constantFrom('', '%', '项', '人次', '工作日'), (sign, n, unit) => {
        const v = parseValue(`${sign}${n}${unit}`);
        expect(v.number).toBe(n);
        expect(v.unit).toBe(unit);
        expect(v.comparator).toBeDefined();
      }),
    );
  });
});

describe('parseValue on published forms (DOMAIN §2a)', () => {

  test.each([
    ['2023年12月31日前', '<=', '2023-12-31'],
    ['2026年6月底前', '<=', '2026-06-30'],
    ['2023-12-31', undefined, '2023-12-31'],
    ['12月31日前', '<=', '--12-31'],
  ])('the deadline %s is a date %s %s', (raw, comparator, iso) => {
    const v = parseValue(raw);
    expect(v).toMatchObject({ kind: 'number', unit: '日期', date: iso, comparator });
  });

  test('a date serial formatted as a date reads as that date', () => {
    expect(parseValue(44561, 'yyyy/m/d')).toMatchObject({ kind: 'number', unit: '日期', date: '2021-12-31', raw: '2021-12-31' });
    expect(parseValue(44561, 'General')).toMatchObject({ kind: 'number', number: 44561, unit: '' });
  });

  test('prose stays prose', () => {
    expect(parseValue('3项左右完成2项').kind).toBe('text');
    expect(parseValue('稳步提升').kind).toBe('text');
  });
});

test.each([['1000.5', 1000.5], ['2023.5', 2023.5], ['2025', 2025]])('%s is a number, not a date', (raw, number) => {
  expect(parseValue(raw)).toMatchObject({ kind: 'number', number, unit: '' });
});
