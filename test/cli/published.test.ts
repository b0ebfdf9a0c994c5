// The CLI on published forms (DOMAIN §2a), as files: a 自评表 with its own 得分 gets our column
// headed 复核得分 beside it, never a second 得分; correct forms exit 0.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { layoutWorkbook } from '../helpers/layouts.js';
import { executionBlockForm, selfEvaluationForm, wholeSpendingForm } from '../helpers/published.js';

const MAIN = path.resolve('build/src/cli/main.js');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build:cli" (npm test does) before jest`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-published-'));
});

async function file(name: string, wb: ExcelJS.Workbook): Promise<string> {
  const p = path.join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}

test('a 自评表 with its own 得分: --out writes 复核得分 in J, the published 得分 stays in H', async () => {
  const input = await file('自评表.xlsx', layoutWorkbook(selfEvaluationForm()));
  const out = path.join(dir, 'out');
  const run = await cli(['--out', out, input]);
  expect(run.code).toBe(0);
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(path.join(out, '自评表.checked.xlsx'));
  const ws = copy.getWorksheet('自评表');
  expect(ws?.getCell('H11').value).toBe('得分');
  expect(ws?.getCell('J11').value).toBe('复核得分');
  expect(ws?.getCell('J21').value).toBe(8.62);
  const headers = (ws?.getRow(11).values as unknown[]).filter((v) => v === '得分');
  expect(headers).toHaveLength(1);
});

test('--json on three published forms: one error (预算执行情况 总额 0), no false alarm elsewhere', async () => {
  const files = [
    await file('a.xlsx', layoutWorkbook(selfEvaluationForm())),
    await file('b.xlsx', layoutWorkbook(wholeSpendingForm())),
    await file('c.xlsx', layoutWorkbook(executionBlockForm(0))),
  ];
  const run = await cli(['--json', ...files]);
  expect(run.code).toBe(1);
  const reports = JSON.parse(run.stdout) as { tables: { findings: { rule: string; severity: string }[] }[] }[];
  const problems = reports.map((r) => r.tables.flatMap((t) => t.findings).filter((f) => f.severity !== 'info').map((f) => f.rule));
  expect(problems).toEqual([['scoring/published-differs'], [], ['budget/funds-sum']]);
});

// The same published forms as LibreOffice Calc saves them (converted with soffice --convert-to
// xlsx): another writer's styles, shared strings and merges give the same findings.
test.each([
  ['self-evaluation', ['scoring/published-differs', 'structure/template-slots', 'structure/type-inferred']],
  ['whole-spending', ['structure/type-inferred', 'weights/national-departure']],
  ['execution-block', ['budget/funds-sum', 'structure/no-weight-column', 'structure/type-inferred']],
  ['project-target', ['structure/type-inferred']],
])('%s saved by LibreOffice: the same findings', async (name, expected) => {
  const run = await cli(['--json', path.resolve(`test/fixtures/published/${name}.libreoffice.xlsx`)]);
  const report = JSON.parse(run.stdout) as { tables: { findings: { rule: string }[] }[] };
  expect(report.tables).toHaveLength(1);
  expect(report.tables[0].findings.map((f) => f.rule).sort()).toEqual(expected);
});
