// The jixiao-check command as a process: the contract other tools rely on.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildWorkbook, readFixture } from '../helpers/workbooks.js';
import { storedZip } from '../helpers/zip.js';

const MAIN = path.resolve('build/src/cli/main.js');
const SEED = path.resolve('test/fixtures/ningxian-2026.xlsx');
const NO_NETWORK = path.resolve('test/helpers/no-network.cjs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', NO_NETWORK, MAIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build:cli" (npm test does) before jest`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-'));
});

async function writeBook(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('jixiao-check', () => {
  test('the seed: a readable Chinese report, exit 1 for its errors, no network', async () => {
    const r = await cli([SEED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('表「整体支出绩效目标表」A1:I46  宁县总工会  35 个三级指标');
    expect(r.stdout).toMatch(/权重\n\s+✖ 错误\s+整体支出绩效目标表!B12,B23,B33,B40\s+一级指标权重合计 90，应为 100/);
    expect(r.stdout).toMatch(/✖ 错误\s+整体支出绩效目标表!F24\s+定量指标「服务职工总人次」的指标值「稳步提升」不是数值/);
    expect(r.stdout).toMatch(/⚠ 警告\s+整体支出绩效目标表!D10/);
    expect(r.stdout).toContain('得分 87.00 / 90.00');
    expect(r.stdout).not.toContain('\x1b[');
    expect(r.stderr).not.toContain('NETWORK ATTEMPT');
  });

  test('--json: one object for one file, with the documented fields', async () => {
    const r = await cli(['--json', SEED]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.file).toBe(SEED);
    expect(j.tables).toHaveLength(1);
    const t = j.tables[0];
    expect(t).toMatchObject({ sheet: '整体支出绩效目标表', headerRow: 11, range: 'A1:I46', unitName: '宁县总工会', totals: { points: 90, score: 87 } });
    expect(t.indicators).toHaveLength(35);
    expect(t.indicators[12]).toEqual({ row: 24, level1: '重点履职指标', level2: '数量指标', name: '服务职工总人次', type: '定量', value: '稳步提升', unit: '人次', points: 3, score: 0, status: 'error' });
    expect(t.findings).toContainEqual({
      rule: 'weights/level1-sum',
      severity: 'error',
      topic: 'weights',
      cells: ['B12', 'B23', 'B33', 'B40'],
      message: expect.stringContaining('一级指标权重合计 90'),
    });
  });

  test('--lang en and --reserved 10', async () => {
    const r = await cli(['--lang', 'en', '--reserved', '10', SEED]);
    expect(r.stdout).toContain('Quantitative indicator "服务职工总人次"');
    expect(r.stdout).not.toContain('First-level weights add up to');
    expect(r.stdout).toContain('plus 10 points reserved');
  });

  test('a valid workbook exits 0', async () => {
    const file = await writeBook(buildWorkbook({}), 'valid.xlsx');
    const r = await cli([file]);
    expect(r.stdout).toContain('未发现问题');
    expect(r.code).toBe(0);
  });

  test('several files: an array, a missing file gives exit 2 and the others are still checked', async () => {
    const file = await writeBook(buildWorkbook({}), 'valid2.xlsx');
    const r = await cli(['--json', file, path.join(dir, 'missing.xlsx'), SEED]);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j).toHaveLength(3);
    expect(j[0].tables).toHaveLength(1);
    expect(j[1].error).toContain('找不到文件');
    expect(j[2].tables[0].indicators).toHaveLength(35);
    expect(r.stderr).toContain('找不到文件');
  });

  test('a workbook without a table: exit 1 and says so', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['姓名', '职务']);
    const r = await cli([await writeBook(wb, 'notable.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('未找到整体支出绩效目标表（已查看工作表：名单）');
  });

  describe('bad input: a clear message, exit 2, never a stack trace', () => {
    const cases: [string, () => string, RegExp][] = [
      ['a missing path', () => path.join(dir, 'nope.xlsx'), /找不到文件/],
      ['a directory', () => dir, /是文件夹/],
      [
        'a zero-byte file',
        () => {
          const f = path.join(dir, 'zero.xlsx');
          writeFileSync(f, '');
          return f;
        },
        /文件为空/,
      ],
      [
        'a renamed .csv',
        () => {
          const f = path.join(dir, 'data.xlsx');
          writeFileSync(f, '一级指标,权重\n基本运行指标,10\n');
          return f;
        },
        /不是 \.xlsx 工作簿/,
      ],
      [
        'an old .xls',
        () => {
          const f = path.join(dir, 'old.xls');
          writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
          return f;
        },
        /另存为” \.xlsx/,
      ],
      [
        'a password-encrypted workbook',
        () => {
          const f = path.join(dir, 'secret.xlsx');
          writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(100)]));
          return f;
        },
        /加密/,
      ],
      [
        'a renamed .docx',
        () => {
          const f = path.join(dir, 'report.xlsx');
          writeFileSync(f, storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
          return f;
        },
        /不是 Excel 工作簿/,
      ],
      [
        'a corrupt zip',
        () => {
          const f = path.join(dir, 'broken.xlsx');
          const good = readFileSync(SEED);
          writeFileSync(f, Buffer.concat([good.subarray(0, 600), Buffer.from('xl/workbook.xml'), Buffer.alloc(300, 7)]));
          return f;
        },
        /已损坏/,
      ],
    ];
    test.each(cases)('%s', async (_name, make, message) => {
      const r = await cli([make()]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  });

  test('bad options: usage on stderr, exit 2', async () => {
    expect((await cli([])).code).toBe(2);
    const r = await cli(['--lang', 'fr', SEED]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang');
    expect((await cli(['--reserved', 'x', SEED])).stderr).toContain('--reserved');
    expect((await cli(['--bogus', SEED])).stderr).toContain('未知选项');
  });

  describe('--out', () => {
    test('writes a scored copy; the input is untouched; every original cell keeps its value', async () => {
      const input = path.join(dir, 'seed.xlsx');
      copyFileSync(SEED, input);
      const before = sha(input);
      const out = path.join(dir, 'out');
      const r = await cli(['--out', out, input]);
      expect(r.code).toBe(1);
      expect(sha(input)).toBe(before);
      const copy = path.join(out, 'seed.checked.xlsx');
      expect(r.stdout).toContain(`已写入 ${copy}`);
      expect(readdirSync(out)).toEqual(['seed.checked.xlsx']);

      const original = await readFixture('ningxian-2026.xlsx');
      const written = new ExcelJS.Workbook();
      await written.xlsx.readFile(copy);
      const ws = written.worksheets[0];
      original.worksheets[0].eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          expect(ws.getCell(r, c).value).toEqual(cell.value);
        });
      });
      expect(ws.getCell('J11').value).toBe('得分');
      const scores: number[] = [];
      for (let r = 12; r <= 46; r++) {
        const v = ws.getCell(r, 10).value;
        expect(typeof v).toBe('number');
        scores.push(v as number);
        expect(ws.getCell(r, 10).numFmt).toBe('0.00;-0.00;0.00');
      }
      expect(scores).toHaveLength(35);
      expect(scores[12]).toBe(0);
      expect(scores[11]).toBe(3);
      expect(ws.getCell('J24').note).toBeDefined();
      expect(JSON.stringify(ws.getCell('J24').note)).toContain('稳步提升');
      expect(ws.getCell('J24').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(ws.getCell('J12').fill?.type === 'pattern' && (ws.getCell('J12').fill as ExcelJS.FillPattern).pattern).not.toBe('solid');
      expect(ws.model.merges.length).toBe(original.worksheets[0].model.merges.length);
    });

    test('running on its own output gives the same column and scores (idempotent)', async () => {
      const first = path.join(dir, 'once');
      await cli(['--out', first, SEED]);
      const second = path.join(dir, 'twice');
      await cli(['--out', second, path.join(first, 'ningxian-2026.checked.xlsx')]);
      const a = new ExcelJS.Workbook();
      await a.xlsx.readFile(path.join(first, 'ningxian-2026.checked.xlsx'));
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(path.join(second, 'ningxian-2026.checked.xlsx'));
      for (let r = 11; r <= 46; r++) {
        for (let c = 1; c <= 12; c++) expect(b.worksheets[0].getCell(r, c).value).toEqual(a.worksheets[0].getCell(r, c).value);
      }
      expect(b.worksheets[0].getCell('K11').value).toBeNull();
    });

    test("a user's cell right of the table is never overwritten: the column moves past it", async () => {
      const wb = buildWorkbook({});
      wb.worksheets[0].getCell('J15').value = '审核意见：请补充';
      const input = await writeBook(wb, 'usercell.xlsx');
      const out = path.join(dir, 'usercell');
      await cli(['--out', out, input]);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(path.join(out, 'usercell.checked.xlsx'));
      const ws = copy.worksheets[0];
      expect(ws.getCell('J15').value).toBe('审核意见：请补充');
      expect(ws.getCell('J11').value).toBeNull();
      expect(ws.getCell('K11').value).toBe('得分');
      expect(ws.getCell('K12').value).toBe(3.34);
    });

    test('a protected sheet: a clear message and nothing written', async () => {
      const wb = buildWorkbook({});
      await wb.worksheets[0].protect('', {});
      const input = await writeBook(wb, 'locked.xlsx');
      const out = path.join(dir, 'locked');
      const r = await cli(['--out', out, input]);
      expect(r.stderr).toContain('受保护');
      expect(existsSync(path.join(out, 'locked.checked.xlsx'))).toBe(false);
    });

    test('refuses to replace its own input', async () => {
      const sub = path.join(dir, 'same');
      mkdirSync(sub);
      const input = path.join(sub, 'x.checked.xlsx');
      copyFileSync(SEED, input);
      const before = sha(input);
      const r = await cli(['--out', sub, input]);
      expect(r.stderr).toContain('输出文件与输入文件相同');
      expect(sha(input)).toBe(before);
    });
  });
});
