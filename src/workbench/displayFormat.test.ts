import { RESULT_HEADER_FORMAT, RESULT_NUMBER_FORMAT } from '../core/index.js';
import { formatCellValue, formatGeneral, splitSections } from './displayFormat.js';

describe('formatGeneral', () => {
  test.each([
    [0, '0'],
    [142.82, '142.82'],
    [130.4, '130.4'],
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.333333333'],
    [-2.5, '-2.5'],
    [100, '100'],
    [123456789012, '1.23457E+11'],
    [0.000000000123, '1.23E-10'],
  ])('%p → %p', (n, text) => expect(formatGeneral(n)).toBe(text));
});

describe('formatCellValue', () => {
  test('empty, booleans and text under General', () => {
    expect(formatCellValue(null)).toBe('');
    expect(formatCellValue(true)).toBe('TRUE');
    expect(formatCellValue('稳步提升', '0.00')).toBe('稳步提升');
    expect(formatCellValue('≥95', undefined)).toBe('≥95');
  });

  test.each([
    [142.82, '0.00', '142.82'],
    [100, '0.00', '100.00'],
    [2.345, '0.0', '2.3'],
    [1, '0%', '100%'],
    [0.955, '0%', '96%'],
    [0.9512, '0.0%', '95.1%'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [1234567, '#,##0', '1,234,567'],
    [1234567, '#,##0,', '1,235'],
    [0.5, '#.00', '.50'],
    [142.82, '0.0"万元"', '142.8万元'],
    [-3, '0.00', '-3.00'],
    [-3, '0.00;(0.00)', '(3.00)'],
    [0, '0.00;-0.00;"-"', '-'],
    [12345, '0.00E+00', '1.23E+04'],
    [46023, 'yyyy-mm-dd', '2026-01-01'],
    [46023, 'yyyy"年"m"月"d"日"', '2026年1月1日'],
    [46023.5, 'h:mm', '12:00'],
    [7, '[Red]0', '7'],
    [7, '@', '7'],
  ])('%p under %p → %p', (value, format, text) => expect(formatCellValue(value, format)).toBe(text));

  test('our header format shows text and hides numbers', () => {
    expect(formatCellValue('得分', RESULT_HEADER_FORMAT)).toBe('得分');
    expect(formatCellValue(3, RESULT_HEADER_FORMAT)).toBe('');
  });

  test('our score format shows two decimals for positive, negative and zero', () => {
    expect(formatCellValue(3, RESULT_NUMBER_FORMAT)).toBe('3.00');
    expect(formatCellValue(0.909, RESULT_NUMBER_FORMAT)).toBe('0.91');
    expect(formatCellValue(-1.5, RESULT_NUMBER_FORMAT)).toBe('-1.50');
    expect(formatCellValue(0, RESULT_NUMBER_FORMAT)).toBe('0.00');
  });

  test('sections split outside quotes and brackets only', () => {
    expect(splitSections('0.00;"a;b";[<0]0')).toEqual(['0.00', '"a;b"', '[<0]0']);
    expect(splitSections(';;;@')).toEqual(['', '', '', '@']);
  });
});
