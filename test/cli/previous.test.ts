// --previous: this year's seed against a year-end version of itself, as a reviewer would hold
// last year's 自评表 beside this year's 目标表.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

const MAIN = path.resolve('build/src/cli/main.js');
const SEED = path.resolve('test/fixtures/ningxian-2026.xlsx');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

let lastYear: string;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-previous-'));
  // Last year: the same table self-evaluated, with 实际完成值 in column J: 23 core tasks done
  // (this year's ≥8 is below it), 5 guidance visits (this year's ≥12 is more than twice), and
  // every other row achieved exactly its target.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  const ws = wb.getWorksheet('整体支出绩效目标表')!;
  ws.getCell('J11').value = '实际完成值';
  for (let r = 12; r <= 46; r++) ws.getCell(`J${r}`).value = ws.getCell(`F${r}`).value;
  ws.getCell('J23').value = 23;
  ws.getCell('J25').value = 5;
  lastYear = path.join(dir, '上年自评表.xlsx');
  await wb.xlsx.writeFile(lastYear);
});

test('a target below last year\'s actual, one at twice it, and none on rows that hold', async () => {
  const run = await cli(['--json', '--previous', lastYear, SEED]);
  const report = JSON.parse(run.stdout) as { tables: { findings: { rule: string; cells: string[]; message: string }[] }[] };
  const below = report.tables[0].findings.filter((f) => f.rule === 'value-format/below-last-year');
  expect(below.map((f) => f.cells)).toEqual([['F23']]);
  expect(below[0].message).toContain('低于上年实际完成值 23项');
  const far = report.tables[0].findings.filter((f) => f.rule === 'value-format/far-above-last-year');
  expect(far.map((f) => f.cells)).toEqual([['F25']]);
  expect(far[0].message).toContain('上年实际 5次 的 2 倍以上');
  // The seed's three findings are still there, unchanged.
  expect(report.tables[0].findings.filter((f) => ['weights/level1-sum', 'value-format/not-number', 'budget/total-blank'].includes(f.rule))).toHaveLength(3);
  expect(run.code).toBe(1);
});

test('without --previous nothing is compared', async () => {
  const run = await cli(['--json', SEED]);
  const report = JSON.parse(run.stdout) as { tables: { findings: { rule: string }[] }[] };
  expect(report.tables[0].findings.map((f) => f.rule).sort()).toEqual(['budget/total-blank', 'value-format/not-number', 'weights/level1-sum']);
});

test('an unreadable --previous file is a clear error, exit 2', async () => {
  const run = await cli(['--previous', path.join(path.dirname(lastYear), 'nope.xlsx'), SEED]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('上年表 --previous：找不到文件');
});
