// A1 addresses: columns are 0-based numbers inside the core, rows 1-based as Excel shows them.

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Cell address from a 1-based row and 0-based column. */
export function address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

export interface CellRef {
  /** 1-based row. */
  row: number;
  /** 0-based column. */
  column: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(a1: string): CellRef {
  const m = CELL.exec(a1.trim());
  if (!m) throw new Error(`not an A1 cell address: ${a1}`);
  return { row: Number(m[2]), column: columnIndex(m[1]) };
}

/** "B12:B22" or "B12" (sheet prefixes such as "'Sheet 1'!B12:B22" are dropped). */
export function parseRange(a1: string): RangeRef {
  const bare = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const [a, b] = bare.split(':');
  const start = parseCell(a);
  const end = b ? parseCell(b) : start;
  return {
    top: Math.min(start.row, end.row),
    bottom: Math.max(start.row, end.row),
    left: Math.min(start.column, end.column),
    right: Math.max(start.column, end.column),
  };
}

export function rangeAddress(r: RangeRef): string {
  const a = address(r.top, r.left);
  const b = address(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}
