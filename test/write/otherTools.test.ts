// Files written by other tools than Excel, and valid forms exceljs refuses: read (through a
// reading copy) and copied faithfully (by patching the original).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/run.js';
import { NOTE_MARK } from '../../src/core/index.js';
import { cellElements, changedEntries, partText, richWorkbook, zipParts } from '../helpers/package.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-tools-'));
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  copy?: Uint8Array;
}

async function run(input: Uint8Array, name: string): Promise<Run> {
  const file = path.join(dir, name);
  writeFileSync(file, input);
  const out = path.join(dir, `out-${name}`);
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--out', out, file], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), color: false });
  let copy: Uint8Array | undefined;
  try {
    copy = new Uint8Array(readFileSync(path.join(out, name.replace(/(\.checked)?\.xlsx$/, '.checked.xlsx'))));
  } catch {
    copy = undefined;
  }
  return { code, stdout, stderr, copy };
}

describe.each([
  ['openpyxl', 'openpyxl-features.xlsx', ['xl/comments/comment1.xml', 'xl/drawings/commentsDrawing1.vml']],
  ['LibreOffice', 'libreoffice-features.xlsx', ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']],
])('a workbook written by %s (notes, a chart, a table)', (_tool, fixture, notesParts) => {
  const original = new Uint8Array(readFileSync(path.join('test/fixtures', fixture)));

  test('is read, checked and copied: only the table sheet, styles and our sheet\'s entries change', async () => {
    const r = await run(original, fixture);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/F5\s+定量指标「核心服务工作完成项」的指标值「若干」不是数值/);
    const copy = r.copy!;
    // The one finding's row (5) carries the user's note on J5: ours is not written, so the notes parts stay as they were.
    expect(changedEntries(original, copy)).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const before = cellElements(partText(original, 'xl/worksheets/sheet1.xml'));
    const after = cellElements(partText(copy, 'xl/worksheets/sheet1.xml'));
    for (const [ref, xml] of before) if (!ref.startsWith('J')) expect(after.get(ref)).toBe(xml);
    // The user's note on J5 stays; ours is not written over it.
    const comments = partText(copy, notesParts[0]);
    expect(comments).toContain('待定：请与财务核对');
    expect(comments).not.toContain(NOTE_MARK);
  });

  test('a second run on the copy changes nothing of the user\'s and gives the same column', async () => {
    const first = await run(original, `again-${fixture}`);
    const second = await run(first.copy!, `again-${fixture.replace('.xlsx', '.checked.xlsx')}`);
    expect(second.code).toBe(1);
    expect([...cellElements(partText(second.copy!, 'xl/worksheets/sheet1.xml'))]).toEqual([...cellElements(partText(first.copy!, 'xl/worksheets/sheet1.xml'))]);
  });
});

describe('valid forms exceljs refuses', () => {
  test('an Open XML SDK workbook with x: prefixes everywhere is read, and our cells, styles and notes are written with the prefix', async () => {
    const wb = richWorkbook({ prefix: 'x:' });
    // The SDK prefixes every SpreadsheetML part, not only the sheets.
    const prefixed = (xml: string) =>
      xml.replace(/<(\/?)([A-Za-z]+)(?=[\s/>])/g, '<$1x:$2').replace(' xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', ' xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
    const parts = { ...wb.parts };
    for (const name of ['xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/comments1.xml']) parts[name] = prefixed(wb.parts[name] as string);
    const bytes = zipParts(parts);
    const r = await run(bytes, 'sdk.xlsx');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const sheet = partText(r.copy!, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<x:c r="J1" s="\d+" t="inlineStr"><x:is><x:t xml:space="preserve">得分<\/x:t><\/x:is><\/x:c><\/x:row>/);
    expect(sheet).not.toMatch(/<c r=/);
    expect(partText(r.copy!, 'xl/styles.xml')).toMatch(/<x:numFmt numFmtId="\d+" formatCode="0\.00;-0\.00;0\.00"\/>/);
    expect(partText(r.copy!, 'xl/comments1.xml')).toMatch(/<x:comment ref="J9" authorId="2"><x:text><x:r><x:t xml:space="preserve">〔绩效目标表校验〕/);
    expect(partText(r.copy!, 'xl/workbook.xml')).toMatch(/<x:sheet name="校验报告" sheetId="5" xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:sheets>/);
    // Untouched parts stay as they were.
    expect(changedEntries(bytes, r.copy!)).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
  });

  test('rows and cells without r are read, and our cells go where Excel would count them', async () => {
    const wb = richWorkbook();
    const sheet = (wb.parts['xl/worksheets/sheet1.xml'] as string).replace(/(<(?:row|c)\b[^>]*?)\sr="[^"]*"/g, '$1');
    const bytes = zipParts({ ...wb.parts, 'xl/worksheets/sheet1.xml': sheet });
    const r = await run(bytes, 'no-r.xlsx');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = partText(r.copy!, 'xl/worksheets/sheet1.xml');
    // The blank J cells (10th cell of each row) are replaced in place; nothing else is touched.
    expect(out).toContain('<c r="J1" s="');
    expect(out.replace(/<c r="J\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, '')).toBe(sheet.replace(/<c s="1"\/><\/row>/g, '</row>').replace(/<c s="2"\/><\/row>/, '</row>'));
  });

  test('a table sheet whose part is not named sheetN.xml is found, checked and written in place', async () => {
    const wb = richWorkbook();
    const parts = { ...wb.parts };
    // Swap the two sheet parts' names: the table now lives in xl/worksheets/data.xml.
    parts['xl/worksheets/data.xml'] = wb.parts['xl/worksheets/sheet1.xml'];
    parts['xl/worksheets/sheet1.xml'] = wb.parts['xl/worksheets/data.xml'];
    parts['xl/worksheets/_rels/data.xml.rels'] = wb.parts['xl/worksheets/_rels/sheet1.xml.rels'];
    delete parts['xl/worksheets/_rels/sheet1.xml.rels'];
    parts['xl/_rels/workbook.xml.rels'] = (wb.parts['xl/_rels/workbook.xml.rels'] as string).replace('Target="worksheets/data.xml"', 'Target="worksheets/TMP"').replace('Target="worksheets/sheet1.xml"', 'Target="worksheets/data.xml"').replace('Target="worksheets/TMP"', 'Target="worksheets/sheet1.xml"');
    const bytes = zipParts(parts);
    const r = await run(bytes, 'data-part.xlsx');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('表「整体支出绩效目标表」');
    expect(partText(r.copy!, 'xl/worksheets/data.xml')).toContain('<c r="J1" s="');
    expect(changedEntries(bytes, r.copy!)).not.toContain('xl/worksheets/sheet1.xml');
  });
});

describe('the workbench opens them too', () => {
  test.each(['openpyxl-features.xlsx', 'libreoffice-features.xlsx'])('%s: opened, checked, and the download changes only our cells', async (fixture) => {
    const { openWorkbook, saveWorkbook } = await import('../../src/workbench/session.js');
    const { createWorkbenchHost } = await import('../../src/workbench/workbenchHost.js');
    const { memorySettingsStore } = await import('../../src/workflow/settings.js');
    const { DEFAULT_SETTINGS } = await import('../../src/workflow/settings.js');
    const original = new Uint8Array(readFileSync(path.join('test/fixtures', fixture)));
    const session = await openWorkbook(original, fixture);
    const host = createWorkbenchHost(session.excel, { settings: memorySettingsStore(), displayLanguage: () => 'zh-CN' });
    const result = await host.check({ ...DEFAULT_SETTINGS, lang: 'zh' });
    expect(result.written).toEqual([expect.objectContaining({ column: 'J' })]);
    const copy = new Uint8Array(await (await saveWorkbook(session)).arrayBuffer());
    expect(changedEntries(original, copy)).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    const before = cellElements(partText(original, 'xl/worksheets/sheet1.xml'));
    const after = cellElements(partText(copy, 'xl/worksheets/sheet1.xml'));
    for (const [ref, xml] of before) if (!ref.startsWith('J')) expect(after.get(ref)).toBe(xml);
  });
});
