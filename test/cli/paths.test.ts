// Outputs never replace an input or each other: by device and inode (symlinks too), distinct copy
// names for inputs of the same name, exclusive temp files removed on SIGINT/SIGTERM.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyTargets, runCli } from '../../src/cli/run.js';
import { partText, richWorkbook } from '../helpers/package.js';

const SEED = path.resolve('test/fixtures/ningxian-2026.xlsx');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-paths-'));
});

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(args, { stdout: () => undefined, stderr: (s) => (stderr += s), color: false });
  return { code, stderr };
}

test('--html a.xlsx b.xlsx (meant to check both) does not replace a.xlsx with HTML: exit 2, nothing done', async () => {
  const a = path.join(dir, 'a.xlsx');
  const b = path.join(dir, 'b.xlsx');
  writeFileSync(a, readFileSync(SEED));
  writeFileSync(b, readFileSync(SEED));
  const before = sha(a);
  const r = await cli(['--html', a, b]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/是工作簿，不能被 HTML 报告覆盖/);
  expect(sha(a)).toBe(before);
});

test('--html naming an input through a symlink is refused by inode', async () => {
  const a = path.join(dir, 'a.xlsx');
  writeFileSync(a, readFileSync(SEED));
  const link = path.join(dir, 'report.html');
  symlinkSync(a, link);
  const before = sha(a);
  const r = await cli(['--html', link, a]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/与输入文件 .*a\.xlsx 是同一个文件/);
  expect(sha(a)).toBe(before);
});

test('--out through a symlinked folder that would replace the input is refused', async () => {
  const real = path.join(dir, 'real');
  mkdirSync(real);
  const input = path.join(real, '目标表.checked.xlsx');
  writeFileSync(input, readFileSync(SEED));
  const link = path.join(dir, 'link');
  symlinkSync(real, link);
  const before = sha(input);
  const r = await cli(['--out', link, input]);
  expect(r.stderr).toContain('输出文件与输入文件相同');
  expect(sha(input)).toBe(before);
});

test('two inputs named 目标表.xlsx in different folders get two copies, each of its own input', async () => {
  mkdirSync(path.join(dir, 'd1'));
  mkdirSync(path.join(dir, 'd2'));
  const one = path.join(dir, 'd1', '目标表.xlsx');
  const two = path.join(dir, 'd2', '目标表.xlsx');
  writeFileSync(one, readFileSync(SEED));
  writeFileSync(two, richWorkbook().bytes);
  const out = path.join(dir, 'out');
  await cli(['--out', out, one, two]);
  expect(readdirSync(out).sort()).toEqual(['目标表 (2).checked.xlsx', '目标表.checked.xlsx']);
  expect(partText(new Uint8Array(readFileSync(path.join(out, '目标表.checked.xlsx'))), 'xl/sharedStrings.xml')).toContain('宁县总工会');
  expect(partText(new Uint8Array(readFileSync(path.join(out, '目标表 (2).checked.xlsx'))), 'xl/worksheets/data.xml')).toContain('<v>2</v>');
  expect(copyTargets(['a/x.xlsx', 'b/X.xlsx', 'c/x.xlsm'], '/o')).toEqual(
    new Map([
      ['a/x.xlsx', path.resolve('/o/x.checked.xlsx')],
      ['b/X.xlsx', path.resolve('/o/X (2).checked.xlsx')],
      ['c/x.xlsm', path.resolve('/o/x.checked.xlsm')],
    ]),
  );
});

test('a symlink planted where the temp file used to go is not followed', async () => {
  const input = path.join(dir, 'a.xlsx');
  writeFileSync(input, readFileSync(SEED));
  const out = path.join(dir, 'out');
  mkdirSync(out);
  const victim = path.join(dir, 'victim.txt');
  writeFileSync(victim, 'keep me');
  // The old name was predictable: .<copy>.<pid>.tmp.
  symlinkSync(victim, path.join(out, `.a.checked.xlsx.${process.pid}.tmp`));
  await cli(['--out', out, input]);
  expect(readFileSync(victim, 'utf8')).toBe('keep me');
  expect(existsSync(path.join(out, 'a.checked.xlsx'))).toBe(true);
  // No temp file of ours is left behind.
  expect(readdirSync(out).filter((n) => n.endsWith('.tmp') && !n.includes(`.${process.pid}.tmp`))).toEqual([]);
});

test('SIGTERM while a temp file is open removes it and exits 143', async () => {
  const target = path.join(dir, 'x.checked.xlsx');
  const script = `
    const run = await import(${JSON.stringify(path.resolve('build/src/cli/run.js'))});
    run.installSignalCleanup();
    const { tmp } = await run.openTemp(${JSON.stringify(target)});
    process.stdout.write(tmp);
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => {}, 10000);
  `;
  const result = await new Promise<{ code: number | null; tmp: string }>((resolve) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], (error, stdout) => resolve({ code: error ? (error.code as number) : 0, tmp: stdout }));
  });
  expect(result.tmp).toMatch(/\.x\.checked\.xlsx\.\d+\.[0-9a-f]{12}\.tmp$/);
  expect(result.code).toBe(143);
  expect(existsSync(result.tmp)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
});
