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
      messageId: 'notHundred',
      severity: 'error',
      topic: 'weights',
      dimension: 'appropriateness',
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
      [
        'a folder without workbooks (folders are searched for .xlsx)',
        () => {
          const d = path.join(dir, 'no-workbooks');
          mkdirSync(d, { recursive: true });
          writeFileSync(path.join(d, 'readme.txt'), 'x');
          return d;
        },
        /中没有 \.xlsx 文件/,
      ],
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

    test('one protected sheet of two: the same policy as the pane — the other sheet is written, the locked one named and untouched', async () => {
      const wb = buildWorkbook([{ sheet: '甲单位' }, { sheet: '乙单位' }]);
      await wb.getWorksheet('乙单位')!.protect('', {});
      const input = await writeBook(wb, 'halflocked.xlsx');
      const out = path.join(dir, 'halflocked');
      const r = await cli(['--out', out, input]);
      expect(r.stderr).toContain('未写入：工作表「乙单位」受保护');
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(path.join(out, 'halflocked.checked.xlsx'));
      const header = (name: string) => {
        const ws = copy.getWorksheet(name)!;
        const found: string[] = [];
        ws.eachRow((row) => row.eachCell((c) => { if (c.value === '得分') found.push(c.address); }));
        return found;
      };
      expect(header('甲单位').length).toBe(1);
      expect(header('乙单位')).toEqual([]);
    });

    test('a file whose acceptances are only read (no --accept) keeps its _jixiao_accepted sheet as it was', async () => {
      const input = path.join(dir, 'accepted-once.xlsx');
      copyFileSync(SEED, input);
      const first = path.join(dir, 'accepted-first');
      await cli(['--out', first, '--accept', 'value-format/not-number@整体支出绩效目标表!F24=口径待定', input]);
      const once = path.join(first, 'accepted-once.checked.xlsx');
      const second = path.join(dir, 'accepted-second');
      await cli(['--out', second, once]);
      const { readZip, entryText } = await import('../../src/adapters/xlsx/index.js');
      const sheetOf = (file: string) => {
        const zip = readZip(new Uint8Array(readFileSync(file)));
        const text = (name: string) => entryText(zip, zip.byName.get(name)!);
        const id = /<sheet [^>]*name="_jixiao_accepted"[^>]*r:id="([^"]+)"/.exec(text('xl/workbook.xml'))?.[1];
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(text('xl/_rels/workbook.xml.rels'));
        const part = (target?.[1] ?? target?.[2] ?? '').replace(/^\/?(xl\/)?/, 'xl/');
        return text(part);
      };
      const before = sheetOf(once);
      expect(before).toBeDefined();
      expect(before).toContain('<sheetData');
      expect(sheetOf(path.join(second, 'accepted-once.checked.xlsx'))).toBe(before);
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

describe('settings saved in the workbook (issue 17.5)', () => {
  async function seedWithSettings(name: string): Promise<string> {
    const { patchWorkbook, useCodec, fflateCodec } = await import('../../src/adapters/xlsx/index.js');
    const { settingsProperties, DEFAULT_SETTINGS } = await import('../../src/workflow/index.js');
    useCodec(fflateCodec);
    // As the pane saves them: the 10 reserved points, and the not-number rule switched off.
    const settings = { ...DEFAULT_SETTINGS, reservedPoints: 10, rules: { 'value-format/not-number': 'off' as const } };
    const bytes = patchWorkbook(new Uint8Array(readFileSync(SEED)), { sheets: [], ownSheets: [], properties: { set: settingsProperties(settings), remove: [] } }).bytes;
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  }

  test('a workbook is checked by the settings it carries, and the report says so', async () => {
    const file = await seedWithSettings('carries-settings.xlsx');
    const r = await cli(['--json', file]);
    const j = JSON.parse(r.stdout);
    // 90 = 100 − 10 reserved: the weights error goes; the not-number rule is off.
    expect(j.tables[0].findings.map((f: { rule: string }) => f.rule)).not.toContain('weights/level1-sum');
    expect(j.tables[0].findings.map((f: { rule: string }) => f.rule)).not.toContain('value-format/not-number');
    expect(j.tables[0].totals.reserved).toBe(10);
    const text = await cli([file]);
    expect(text.stdout).toContain('按工作簿中保存的设置校验');
    expect(text.stdout).toContain('预留分值：10 分');
  });

  test("--config or --reserved given: the run's own settings win over the workbook's", async () => {
    const file = await seedWithSettings('carries-settings-2.xlsx');
    const r = await cli(['--json', '--reserved', '0', file]);
    const rules = JSON.parse(r.stdout).tables[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('weights/level1-sum');
    expect(rules).toContain('value-format/not-number');
  });

  test("the copy's 校验报告 records what it was checked with", async () => {
    const file = await seedWithSettings('carries-settings-3.xlsx');
    const out = path.join(dir, 'carries-out');
    await cli(['--out', out, file]);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(out, 'carries-settings-3.checked.xlsx'));
    const ws = copy.getWorksheet('校验报告')!;
    const labels: string[] = [];
    ws.eachRow((row) => labels.push(String(row.getCell(1).value ?? '')));
    expect(labels).toContain('预留分值');
    expect(labels).toContain('规则设置');
  });
});

describe('reviewer workflow: --config, --accept, the 校验报告 sheet, --html', () => {
  const ACCEPT_F24 = 'value-format/not-number@整体支出绩效目标表!F24=口径待定';

  function writeConfig(name: string, json: unknown): string {
    const file = path.join(dir, name);
    writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
    return file;
  }

  describe('--config', () => {
    test('a rule off and another lowered to a warning turn the seed from exit 1 into exit 0', async () => {
      const config = writeConfig('lenient.json', { profile: 'gansu-county', rules: { 'value-format/not-number': 'off', 'weights/level1-sum': 'warning' } });
      const r = await cli(['--json', '--config', config, SEED]);
      expect(r.code).toBe(0);
      const t = JSON.parse(r.stdout).tables[0];
      expect(t.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`).sort()).toEqual(['budget/total-blank:warning', 'weights/level1-sum:warning']);
      expect(t.indicators[12]).toMatchObject({ row: 24, status: 'ok', score: 3 });
    });

    test('a warning raised to an error fails the check', async () => {
      const config = writeConfig('strict.json', { rules: { 'value-format/not-number': 'off', 'weights/level1-sum': 'off', 'budget/total-blank': 'error' } });
      const r = await cli(['--config', config, SEED]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/✖ 错误\s+整体支出绩效目标表!D10/);
    });

    test('the national profile on the seed warns about every Gansu 一级', async () => {
      const r = await cli(['--config', writeConfig('national.json', { profile: 'national' }), SEED]);
      expect(r.stdout).toMatch(/⚠ 警告\s+整体支出绩效目标表!A12\s+一级指标「基本运行指标」不在所选模板的一级指标中（产出指标、效益指标、满意度指标、成本指标）/);
    });

    test('--reserved wins over the config file', async () => {
      const config = writeConfig('reserved.json', { reservedPoints: 5 });
      expect((await cli(['--config', config, SEED])).stdout).toContain('一级指标权重合计 90，应为 95');
      expect((await cli(['--config', config, '--reserved', '10', SEED])).stdout).not.toContain('一级指标权重合计');
    });

    test.each([
      ['an unknown key', { profile: 'gansu-county', reserved: 10 }, /设置文件 .*bad\.json：未知设置项「reserved」/],
      ['an unknown rule', { rules: { 'weights/level1-total': 'off' } }, /未知规则「weights\/level1-total」（是否应为「weights\/level1-sum」？）/],
      ['a bad severity', { rules: { 'weights/level1-sum': 'fatal' } }, /rules\.weights\/level1-sum：应为 off、error、warning 或 info，而不是 "fatal"/],
      ['a bad profile', { profile: 'gansu' }, /profile：未知模板 "gansu"/],
      ['broken JSON', '{ "profile": ', /不是有效的 JSON/],
    ])('%s: a clear message naming it, exit 2, nothing checked', async (_name, json, message) => {
      const r = await cli(['--config', writeConfig('bad.json', json), SEED]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });

    test('the message in English with --lang en; a missing file', async () => {
      const r = await cli(['--lang', 'en', '--config', writeConfig('bad-en.json', { rule: {} }), SEED]);
      expect(r.stderr).toContain('Unknown setting "rule" (did you mean "rules"?)');
      const missing = await cli(['--config', path.join(dir, 'none.json'), SEED]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('找不到设置文件');
    });
  });

  describe('--accept', () => {
    test('a malformed or unknown --accept is a usage error', async () => {
      const bad = await cli(['--accept', 'value-format/not-number:F24', SEED]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('规则@工作表!单元格');
      const unknown = await cli(['--accept', 'value/not-a-number@整体支出绩效目标表!F24', SEED]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('未知规则');
    });

    test('without --out it counts for this report only, and says so; a cell with no such finding is reported', async () => {
      const r = await cli(['--json', '--accept', ACCEPT_F24, '--accept', 'value-format/not-number@整体支出绩效目标表!F25', SEED]);
      expect(r.code).toBe(1);
      const t = JSON.parse(r.stdout).tables[0];
      expect(t.acceptedCount).toBe(1);
      expect(r.stderr).toContain('--accept 只在本次报告中生效');
      expect(r.stderr).toContain('--accept value-format/not-number@整体支出绩效目标表!F25：没有找到');
    });
  });

  test('round trip: accept in one run, save, check the saved copy again', async () => {
    const input = path.join(dir, 'review.xlsx');
    copyFileSync(SEED, input);
    const outA = path.join(dir, 'review-a');
    const run1 = await cli(['--accept', ACCEPT_F24, '--by', '王审核', '--out', outA, input]);
    expect(run1.code).toBe(1); // the weights error is still open
    expect(run1.stdout).toMatch(/已忽略（1 项，不计入结果）\n\s+✓ 错误\s+整体支出绩效目标表!F24\s+口径待定（王审核，\d{4}-\d{2}-\d{2}）/);
    const copyA = path.join(outA, 'review.checked.xlsx');

    const outB = path.join(dir, 'review-b');
    // The reviewer re-checking their own copy trusts its record (by default a file's record is only shown).
    const run2 = await cli(['--json', '--acceptances', 'trust', '--out', outB, copyA]);
    expect(run2.code).toBe(1);
    const j = JSON.parse(run2.stdout);
    expect(j.sheetsWithoutTable).toBeUndefined();
    const t = j.tables[0];
    const f24 = t.findings.find((f: { cells: string[] }) => f.cells.includes('F24'));
    expect(f24).toMatchObject({ rule: 'value-format/not-number', severity: 'error', accepted: { reason: '口径待定', by: '王审核' } });
    expect(f24.accepted.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(t.acceptedCount).toBe(1);
    expect(t.findings.filter((f: { accepted?: unknown }) => !f.accepted).map((f: { rule: string }) => f.rule).sort()).toEqual(['budget/total-blank', 'weights/level1-sum']);
    expect(t.indicators.find((i: { row: number }) => i.row === 24)).toMatchObject({ name: '服务职工总人次', status: 'ok', score: 3 });
    expect(t.totals).toMatchObject({ points: 90, score: 90 });

    const a = new ExcelJS.Workbook();
    await a.xlsx.readFile(copyA);
    // The acceptance is very hidden; the report is a normal sheet after the user's.
    expect(a.getWorksheet('_jixiao_accepted')?.state).toBe('veryHidden');
    expect(a.getWorksheet('_jixiao_accepted')?.getRow(2).values).toEqual([undefined, 'value-format/not-number', '整体支出绩效目标表', '服务职工总人次', 'F24', '口径待定', '王审核', expect.stringMatching(/^\d{4}-/)]);
    const report = a.getWorksheet('校验报告');
    expect(report?.state).toBe('visible');
    const formulas: string[] = [];
    const texts: string[] = [];
    report?.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') formulas.push(v.formula);
        else if (typeof v === 'string') texts.push(v);
      }),
    );
    expect(formulas).toContain(`HYPERLINK("#'整体支出绩效目标表'!F24","F24")`);
    expect(texts).toContain('口径待定（王审核，' + f24.accepted.date + '）');
    expect(texts).toContain('宁县总工会');
    // The 得分 note tells the next reviewer; the row is not coloured as an error.
    const ws = a.getWorksheet('整体支出绩效目标表')!;
    expect(JSON.stringify(ws.getCell('J24').note)).toContain('已忽略（口径待定');
    expect(ws.getCell('J24').value).toBe(3);

    // Every cell of the user's is as it was, on every sheet of the original.
    const original = await readFixture('ningxian-2026.xlsx');
    for (const sheet of original.worksheets) {
      const copy = a.getWorksheet(sheet.name)!;
      sheet.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          expect(copy.getCell(r, c).value).toEqual(cell.value);
          expect(copy.getCell(r, c).numFmt).toEqual(cell.numFmt);
        });
      });
    }
    expect(a.worksheets.map((s) => s.name)).toEqual([...original.worksheets.map((s) => s.name), '_jixiao_accepted', '校验报告']);

    // The second copy keeps the acceptance and has one refreshed report sheet.
    const b = new ExcelJS.Workbook();
    await b.xlsx.readFile(path.join(outB, 'review.checked.xlsx'));
    expect(b.getWorksheet('_jixiao_accepted')?.state).toBe('veryHidden');
    expect(b.getWorksheet('_jixiao_accepted')?.rowCount).toBe(2);
    expect(b.worksheets.filter((s) => s.name === '校验报告')).toHaveLength(1);
  });

  test('--html: one printable, self-contained file listing every finding of every input', async () => {
    const valid = await writeBook(buildWorkbook({}), 'html-valid.xlsx');
    const tricky = buildWorkbook({ unitName: '<b>测试&单位</b>', rows: [{ l1: '基本运行指标', weight: 100, l2: '预算收支管理', name: '<script>alert(1)</script>', type: '定量', value: '很好', unit: '%', remark: 'x' }] });
    const trickyFile = await writeBook(tricky, 'html-tricky.xlsx');
    const html = path.join(dir, 'report', 'report.html');
    const r = await cli(['--html', html, '--accept', ACCEPT_F24, SEED, valid, trickyFile]);
    expect(r.code).toBe(1);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('@media print');
    expect(page).not.toMatch(/<script/i);
    // Links only within the page (the batch summary's rows to their sections).
    expect(page).not.toMatch(/\bsrc\s*=|\bhref\s*=\s*"(?!#)|@import|url\(/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;b&gt;测试&amp;单位&lt;/b&gt;');
    const json = JSON.parse((await cli(['--json', '--accept', ACCEPT_F24, SEED, valid, trickyFile])).stdout);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    let count = 0;
    for (const file of json) {
      expect(page).toContain(escape(path.basename(file.file)));
      for (const t of file.tables) {
        for (const f of t.findings) {
          expect(page).toContain(escape(f.message));
          count++;
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(4); // the seed's 3 and the tricky table's own
    expect(page).toContain('已忽略的问题');
    expect(page).toMatch(/口径待定（\d{4}-\d{2}-\d{2}）/);
    expect(page).toContain('<td class="num">90.00</td>'); // the seed's total with F24 accepted
  });

  test('--help lists the new options', async () => {
    const r = await cli(['--help']);
    for (const o of ['--config FILE', '--accept', '--html FILE', '--by NAME']) expect(r.stdout).toContain(o);
  });
});
