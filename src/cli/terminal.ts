// Text from a workbook (cell text in messages, sheet and file names) goes to a terminal: control
// characters (an ESC starts a sequence that can erase or rewrite lines), C1 controls, line and
// paragraph separators and bidi overrides (which reorder what is shown) are written escaped as
// \uXXXX, so the report shows exactly what the cell holds and nothing acts on the terminal.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

export function escapeForTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
