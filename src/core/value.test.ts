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
