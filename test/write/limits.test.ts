// Limits before loading: a file that would keep a reader busy for minutes or exhaust memory is
// refused in seconds with exit 2 and a message saying why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPackageLimits, LIMITS } from '../../src/adapters/xlsx/index.js';
import { runCli } from '../../src/cli/run.js';
import { openWorkbook } from '../../src/workbench/session.js';
import { richWorkbook, zipParts } from '../helpers/package.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-limits-'));
});

async function cli(bytes: Uint8Array, name: string): Promise<{ code: number; stderr: string; ms: number }> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  let stderr = '';
  const start = Date.now();
  const code = await runCli([file], { stdout: () => undefined, stderr: (s) => (stderr += s), color: false });
  return { code, stderr, ms: Date.now() - start };
}

/** The rich workbook with its table sheet's XML changed by `edit`. */
function withSheet(edit: (xml: string) => string): Uint8Array {
  const wb = richWorkbook();
  return zipParts({ ...wb.parts, 'xl/worksheets/sheet1.xml': edit(wb.parts['xl/worksheets/sheet1.xml'] as string) });
}

describe('indexes beyond Excel\'s grid', () => {
  test.each([
    ['a row r="2147483647" (exceljs allocates up to it and hangs)', (x: string) => x.replace('</sheetData>', '<row r="2147483647"><c r="A2147483647"><v>1</v></c></row></sheetData>'), /row 2147483647/],
    ['a cell in column XFE', (x: string) => x.replace('<c r="J11" s="1"/>', '<c r="J11" s="1"/><c r="XFE11"><v>1</v></c>'), /XFE11/],
    ['a merged area reaching row 1048577', (x: string) => x.replace('<dataValidations', '<mergeCells count="1"><mergeCell ref="K1:K1048577"/></mergeCells><dataValidations'), /K1048577/],
  ])('%s: exit 2 in seconds, with the reason', async (_what, edit, reason) => {
    const r = await cli(withSheet(edit), 'grid.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Excel 表格范围之外/);
    expect(r.stderr).toMatch(reason);
    expect(r.ms).toBeLessThan(5000);
  });

  test('the workbench refuses it too, instead of never finishing', async () => {
    // A WorkbookProblem: both languages, the page shows its own.
    await expect(openWorkbook(withSheet((x) => x.replace('</sheetData>', '<row r="2147483647"/></sheetData>')), 'grid.xlsx')).rejects.toMatchObject({
      text: { zh: expect.stringMatching(/Excel 表格范围之外/), en: expect.stringMatching(/beyond Excel's grid/) },
    });
  });
});

describe('zip bombs and oversized packages', () => {
  test('a part inflating past the part limit is refused from its declared size, before inflating', () => {
    const zeros = new Uint8Array(8 * 2 ** 20);
    const bytes = zipParts({ ...richWorkbook().parts, 'xl/media/bomb.bin': zeros });
    const problem = checkPackageLimits(bytes, 'bomb.xlsx', { ...LIMITS, partBytes: 4 * 2 ** 20 });
    expect(problem?.text.zh).toMatch(/压缩炸弹/);
    expect(problem?.text.en).toMatch(/xl\/media\/bomb\.bin 8 MiB/);
  });

  test('a part that lies about its size is caught by the bounded inflate and its CRC: exit 2, "damaged", no abort', async () => {
    const wb = richWorkbook();
    const bytes = zipParts({ ...wb.parts, 'xl/sharedStrings.xml': wb.parts['xl/sharedStrings.xml'] as string });
    // Shrink the declared size of sharedStrings.xml in its central directory record.
    const name = new TextEncoder().encode('xl/sharedStrings.xml');
    const view = Buffer.from(bytes);
    for (let i = view.length - 22; i > 0; i--) {
      if (view.readUInt32LE(i) === 0x02014b50 && view.subarray(i + 46, i + 46 + name.length).equals(Buffer.from(name))) {
        view.writeUInt32LE(16, i + 24);
        break;
      }
    }
    const r = await cli(new Uint8Array(view), 'liar.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/xl\/sharedStrings\.xml 已损坏/);
  });

  test('too many parts, or a file over the size limit', () => {
    const parts = { ...richWorkbook().parts };
    for (let i = 0; i < 30; i++) parts[`customXml/item${i + 2}.xml`] = '<x/>';
    expect(checkPackageLimits(zipParts(parts), 'many.xlsx', { ...LIMITS, parts: 40 })?.text.en).toMatch(/holds \d+ parts \(the limit is 40\)/);
    expect(checkPackageLimits(new Uint8Array(64), 'big.xlsx', { ...LIMITS, fileBytes: 16 })?.text.en).toMatch(/too large/);
  });
});
