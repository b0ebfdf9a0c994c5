// Cell text reaches the text report: control and bidi characters are shown escaped, never sent
// to the terminal (an ESC [2K would erase the 错误 line; U+202E would reverse what follows).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { escapeForTerminal } from '../../src/cli/terminal.js';
import { richWorkbook, zipParts } from '../helpers/package.js';

test('escapeForTerminal: C0, DEL, C1, separators and bidi controls as \\uXXXX; other text as is', () => {
  expect(escapeForTerminal('a\u001B[2Kb\u0007\u007F\u009B\u2028\u202E\u2066\u200F')).toBe('a\\u001B[2Kb\\u0007\\u007F\\u009B\\u2028\\u202E\\u2066\\u200F');
  expect(escapeForTerminal('指标值「≥95%」 tab\there')).toBe('指标值「≥95%」 tab\\u0009here');
});

test('a cell holding _x001B_[2K and a bidi override: the report shows them escaped and holds no raw control', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-term-'));
  const wb = richWorkbook();
  // "若干" (F5, a finding quotes it) becomes ESC [2K + RLO + text, as Excel encodes control characters.
  const strings = (wb.parts['xl/sharedStrings.xml'] as string).replace('<t>若干</t>', '<t>_x001B_[2K\u202E若干</t>');
  const file = path.join(dir, 'esc.xlsx');
  writeFileSync(file, zipParts({ ...wb.parts, 'xl/sharedStrings.xml': strings }));
  let out = '';
  const code = await runCli([file], { stdout: (s) => (out += s), stderr: () => undefined, color: true });
  expect(code).toBe(1);
  expect(out).toContain('「\\u001B[2K\\u202E若干」');
  // The only ESC characters are our own colours (ESC [ digits m).
  // eslint-disable-next-line no-control-regex
  expect(out.replace(/\u001B\[\d+m/g, '')).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u202E]/);
});
