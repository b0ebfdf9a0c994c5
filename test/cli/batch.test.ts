// A 财政局's batch: a folder tree of a thousand tables, one broken, checked on worker threads,
// with one summary row per table, worst first.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

const MAIN = path.resolve('build/src/cli/main.js');
const SEED = path.resolve('test/fixtures/ningxian-2026.xlsx');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

let dir: string;
const FILES = 1000;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build:cli" (npm test does) before jest`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-batch-'));
  for (let i = 1; i <= FILES; i++) {
    const d = path.join(dir, 'in', `县${i % 10}`, `局${i % 3}`);
    mkdirSync(d, { recursive: true });
    copyFileSync(SEED, path.join(d, `单位${i}.xlsx`));
  }
  writeFileSync(path.join(dir, 'in', '县1', '损坏.xlsx'), 'not a workbook');
  // Our own copies and Excel's lock files are not inputs.
  copyFileSync(SEED, path.join(dir, 'in', '县2', '单位2.checked.xlsx'));
  copyFileSync(SEED, path.join(dir, 'in', '县2', '~$单位2.xlsx'));
  writeFileSync(path.join(dir, 'in', '县2', '说明.txt'), 'not an input');
  mkdirSync(path.join(dir, 'empty'));
});

test('a folder tree: every table one summary row, the broken file first, the batch not stopped', async () => {
  const summary = path.join(dir, '汇总.xlsx');
  const run = await cli(['--summary', summary, path.join(dir, 'in')]);
  expect(run.code).toBe(2); // one file could not be read
  expect(run.stderr).toContain('损坏.xlsx');
  expect(run.stdout).toContain(`汇总（${FILES + 1} 个文件，${FILES} 张表）`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(summary);
  const ws = wb.worksheets[0];
  expect(ws.rowCount).toBe(FILES + 2); // header + 1,000 tables + the broken file
  expect(ws.getRow(1).values).toEqual([undefined, '文件', '单位', '工作表', '阶段', '错误', '警告', '得分', '分值', '等级', '问题']);
  expect(String(ws.getCell('A2').value)).toContain('损坏.xlsx');
  expect(ws.getCell('B3').value).toBe('宁县总工会');
  expect(ws.getCell('E3').value).toBe(2);
  expect(ws.getCell('G3').value).toBe(87);
  expect(ws.getCell('H3').value).toBe(90);
  expect(ws.autoFilter).toBeTruthy();
  const files = new Set<string>();
  ws.eachRow((row, n) => {
    if (n > 1) files.add(String(row.getCell(1).value));
  });
  expect(files.size).toBe(FILES + 1);
  expect([...files].some((f) => f.includes('.checked.') || f.includes('~$'))).toBe(false);
}, 180_000);

test('one thread and every core give the same JSON, in input order', async () => {
  const one = await cli(['--json', '--jobs', '1', path.join(dir, 'in', '县3')]);
  const all = await cli(['--json', '--jobs', '4', path.join(dir, 'in', '县3')]);
  expect(all.code).toBe(one.code);
  expect(JSON.parse(all.stdout)).toEqual(JSON.parse(one.stdout));
  const files = (JSON.parse(one.stdout) as { file: string }[]).map((r) => r.file);
  expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b, 'zh')));
  expect(files).toHaveLength(100);
}, 120_000);

test('the HTML report opens with the summary, each row linking to its file', async () => {
  const html = path.join(dir, 'report.html');
  const run = await cli(['--html', html, path.join(dir, 'in', '县4', '局1')]);
  expect(run.code).toBe(1);
  const text = (await import('node:fs')).readFileSync(html, 'utf8');
  expect(text).toMatch(/<section class="summary"><h2>汇总<\/h2>/);
  expect(text).toContain('href="#file-1"');
  expect(text).toContain('id="file-1"');
});

test('a folder without workbooks is a clear error, exit 2', async () => {
  const run = await cli([path.join(dir, 'empty')]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('中没有 .xlsx 文件');
});

test('--summary must be a new .xlsx, never an input', async () => {
  const input = path.join(dir, 'in', '县5', '局2', '单位5.xlsx');
  const run = await cli(['--summary', input, input]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--summary');
});
