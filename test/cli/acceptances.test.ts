// A `_jixiao_accepted` sheet in a file is a claim by whoever submitted it: by default it is shown
// as the file's own record and its findings still count; --acceptances trust|ignore; --accept
// given on the command line stays trusted.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';

const SEED = path.resolve('test/fixtures/ningxian-2026.xlsx');
const ACCEPT = ['--accept', 'value-format/not-number@整体支出绩效目标表!F24=口径待定', '--accept', 'weights/level1-sum@整体支出绩效目标表!B12=另有 10 分'];

let claimed: string;
beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-acc-'));
  const input = path.join(dir, '提交.xlsx');
  writeFileSync(input, readFileSync(SEED));
  // A file carrying acceptances of both errors "by 审核人王五" — as anyone can write it.
  await runCli(['--out', dir, ...ACCEPT, '--by', '审核人王五', input], { stdout: () => undefined, stderr: () => undefined, color: false });
  claimed = path.join(dir, '提交.checked.xlsx');
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), color: false });
  return { code, stdout, stderr };
}

test('by default the file\'s acceptances are listed as its own record and still count: exit 1', async () => {
  const r = await cli([claimed]);
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/✖ 错误\s+整体支出绩效目标表!F24\s+定量指标「服务职工总人次」[^\n]*\n\s+↳ 文件记录称已忽略：口径待定（审核人王五，\d{4}-\d{2}-\d{2}）/);
  expect(r.stdout).toContain('共 3 项：2 个错误，1 个警告');
  expect(r.stdout).toContain('另有 2 项在文件自带的忽略记录中（由提交文件的人写入，未经本次核实，未采信，仍计入结果');
  // The score is not raised by the claim: row 24 scores 0 as an open error.
  expect(r.stdout).toContain('得分 87.00 / 90.00');
  const json = JSON.parse((await cli(['--json', claimed])).stdout);
  const f24 = json.tables[0].findings.find((f: { cells: string[] }) => f.cells.includes('F24'));
  expect(f24.accepted).toBeUndefined();
  expect(f24.fileAcceptance).toMatchObject({ reason: '口径待定', by: '审核人王五' });
  expect(json.tables[0]).toMatchObject({ acceptedCount: 0, fileAcceptanceCount: 2 });
});

test('--acceptances trust takes them as a reviewer\'s: exit 0', async () => {
  const r = await cli(['--acceptances', 'trust', claimed]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('已忽略（2 项，不计入结果）');
});

test('--acceptances ignore leaves them out entirely', async () => {
  const r = await cli(['--acceptances=ignore', '--json', claimed]);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout);
  expect(json.tables[0].findings.filter((f: { accepted?: unknown }) => f.accepted)).toEqual([]);
});

test('--accept on the command line stays trusted whatever the file says', async () => {
  const r = await cli([...ACCEPT, claimed]);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toContain('文件自带的忽略记录');
});

test('a bad --acceptances value is a usage error', async () => {
  const r = await cli(['--acceptances', 'maybe', claimed]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--acceptances 只能是 ignore、show 或 trust');
});
