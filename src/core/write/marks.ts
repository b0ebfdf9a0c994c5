// How our own cells are recognised on a later run or by 清除结果: the header text together with
// number formats that render like plain text / "0.00" but that a user does not type.
// Marking by format keeps the mark on every platform (notes need ExcelApi 1.18).

export const RESULT_HEADER = '得分';
/** Our header beside a table that publishes its own 得分 (a filled 自评表): never a second 得分. */
export const REVIEW_HEADER = '复核得分';
/** Header cell format: numbers hidden, text shown as typed. */
export const RESULT_HEADER_FORMAT = ';;;@';
/**
 * The same for a header we made bold (it was not bold before): looks the same (the padding of
 * Excel's own accounting format), and tells 清除结果 to take the bold off again.
 */
export const RESULT_HEADER_BOLD_FORMAT = ';;;_(@_)';
const HEADER_FORMATS = [RESULT_HEADER_FORMAT, RESULT_HEADER_BOLD_FORMAT];
/** Score cell format: shows exactly like "0.00". */
export const RESULT_NUMBER_FORMAT = '0.00;-0.00;0.00';
export const FILL_ERROR = '#FDE7E9';
export const FILL_WARNING = '#FFF4CE';

/**
 * First line of every note we write. A note or comment is removed or replaced only when it
 * starts with it: a note the user put on one of our cells is theirs and stays.
 */
export const NOTE_MARK = '〔绩效目标表校验〕';

export function isOurNote(text: unknown): boolean {
  return typeof text === 'string' && text.startsWith(NOTE_MARK);
}

export function isOurHeader(value: unknown, numberFormat: string | undefined): boolean {
  return typeof value === 'string' && (value.trim() === RESULT_HEADER || value.trim() === REVIEW_HEADER) && HEADER_FORMATS.includes(numberFormat ?? '');
}

export function isOurScoreCell(value: unknown, numberFormat: string | undefined): boolean {
  return (typeof value === 'number' || value === null || value === '') && numberFormat === RESULT_NUMBER_FORMAT;
}

/**
 * The one definition of a cell we may write, for the planner and every adapter's last check
 * before a write: one of ours, or holding nothing at all with no number format of the user's (a
 * cell of only spaces is the user's, and their format would be lost on 清除结果).
 */
export function isFreeCell(value: unknown, numberFormat: string | undefined): boolean {
  if (isOurHeader(value, numberFormat) || isOurScoreCell(value, numberFormat)) return true;
  const empty = value === null || value === undefined || value === '';
  return empty && (numberFormat === undefined || numberFormat === '' || numberFormat.toLowerCase() === 'general');
}
