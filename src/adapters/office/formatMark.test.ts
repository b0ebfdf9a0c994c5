import { RESULT_HEADER_FORMAT, RESULT_NUMBER_FORMAT } from '../../core/index.js';
import { canonicalMarkFormat, normaliseFormatCode } from './formatMark.js';

describe('our marks by number format, compared normalised (issue 16)', () => {
  test('escapes, quotes and case do not matter', () => {
    expect(normaliseFormatCode('0.00;\\-0.00;0.00')).toBe('0.00;-0.00;0.00');
    expect(normaliseFormatCode(';;;"@"')).toBe(';;;@');
    expect(normaliseFormatCode('GENERAL')).toBe('general');
    expect(normaliseFormatCode('#,##0.00" 元"')).toBe('#,##0.00 元');
  });

  test('a rewritten mark becomes the code we write; any other code stays as it is', () => {
    expect(canonicalMarkFormat('0.00;\\-0.00;0.00')).toBe(RESULT_NUMBER_FORMAT);
    expect(canonicalMarkFormat('0.00;"-"0.00;0.00')).toBe(RESULT_NUMBER_FORMAT);
    expect(canonicalMarkFormat(';;;\\@')).toBe(RESULT_HEADER_FORMAT);
    expect(canonicalMarkFormat(RESULT_NUMBER_FORMAT)).toBe(RESULT_NUMBER_FORMAT);
    expect(canonicalMarkFormat('0.00')).toBe('0.00');
    expect(canonicalMarkFormat('0.00;-0.00')).toBe('0.00;-0.00');
  });
});
