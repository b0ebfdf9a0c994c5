// The WPS adapter on its own, over the simulated ET and the seed: few calls, writes in 2-D blocks
// with the screen frozen, stale and formula cells refused, settings in document properties, the
// 校验报告, and selecting a finding's cell.
import ExcelJS from 'exceljs';
import { fromExcelJs, type WorkbookModel } from '../../src/adapters/simulator/index.js';
import { createEt } from '../../src/adapters/simulator/et/index.js';
import { createWpsAdapter, wpsSettingsStore, type EtRange, type EtWorksheet } from '../../src/adapters/wps/index.js';
import { checkWorkbook, planReportSheet, planResults, REPORT_SHEET, rules } from '../../src/core/index.js';
import { DEFAULT_SETTINGS, normalizeSettings, runCheck, runClear } from '../../src/workflow/index.js';

let seed: ExcelJS.Workbook;
beforeAll(async () => {
  seed = new ExcelJS.Workbook();
  await seed.xlsx.readFile('test/fixtures/ningxian-2026.xlsx');
});
const seedModel = (): WorkbookModel => fromExcelJs(seed);
const OPTIONS = { write: true, notes: true, fills: true, reservedPoints: 0, lang: 'zh' as const };

test('the 得分 column is written as one 2-D Value2 block with ScreenUpdating off, and the screen is turned back on', async () => {
  const et = createEt(seedModel());
  const adapter = createWpsAdapter(et.application);
  const result = await runCheck(adapter, OPTIONS);
  const [column] = result.written;
  const blocks = et.valueWrites.filter((w) => w.address.startsWith(column.column));
  expect(blocks).toHaveLength(1);
  expect(blocks[0]).toMatchObject({ columns: 1, rows: column.cells, screenUpdating: false });
  expect(et.application.ScreenUpdating).toBe(true);
  expect(et.model.sheets[0].cells.get(`${column.column}24`)?.note).toMatch(/服务职工总人次/);
});

test('a read of the seed takes one Value2 per sheet and few calls for formats and merges', async () => {
  const et = createEt(seedModel());
  await createWpsAdapter(et.application).readSnapshot();
  expect(et.callsByMember.get('Range.Value2')).toBe(et.model.sheets.length);
  // Formats and merges, a column at a time and halved only where cells differ.
  expect(et.calls).toBeLessThan(350);
});

test('a value typed after the check, or a formula where the score goes, is refused and nothing is written', async () => {
  const et = createEt(seedModel());
  const adapter = createWpsAdapter(et.application);
  const snapshot = await adapter.readSnapshot();
  const plans = planResults(snapshot, checkWorkbook(snapshot), { lang: 'zh' });
  const sheet = plans[0].sheet;
  const firstRow = plans[0].writes[1].address.replace(/^[A-Z]+/, '');
  et.edit(sheet, `A${firstRow}`, '改过');
  const before = JSON.stringify([...et.model.sheets[0].cells]);
  await expect(adapter.writeResults(plans)).rejects.toThrow(/已被修改/);
  expect(JSON.stringify([...et.model.sheets[0].cells])).toBe(before);

  const again = createEt(seedModel());
  const second = createWpsAdapter(again.application);
  const snap2 = await second.readSnapshot();
  const plans2 = planResults(snap2, checkWorkbook(snap2), { lang: 'zh' });
  const target = plans2[0].writes[2].address;
  again.model.sheets[0].cells.set(target, { value: null, formula: '=IF(1,"",0)' });
  await expect(second.writeResults(plans2)).rejects.toThrow(/含有公式/);
});

test('clearing restores every cell and leaves the user’s note', async () => {
  const model = seedModel();
  const original = new Map([...model.sheets[0].cells].map(([k, v]) => [k, { ...v }]));
  const et = createEt(model);
  const adapter = createWpsAdapter(et.application);
  await runCheck(adapter, OPTIONS);
  expect(await runClear(adapter)).toBeGreaterThan(10);
  expect(new Map(model.sheets[0].cells)).toEqual(original);
});

test('settings are kept in custom document properties, in parts of at most 255 characters, and read back', async () => {
  const et = createEt(seedModel());
  const store = wpsSettingsStore(et.application);
  expect(await store.load()).toBeNull();
  const settings = { ...DEFAULT_SETTINGS, reservedPoints: 10, rules: Object.fromEntries(rules.map((r) => [r.id, 'off' as const])) };
  await store.save(settings);
  expect([...et.properties.values()].every((v) => String(v).length <= 255)).toBe(true);
  expect(Number(et.properties.get('jixiao-check.settings'))).toBeGreaterThan(1);
  const again = wpsSettingsStore(et.application);
  expect(normalizeSettings(JSON.parse((await again.load()) as string))).toEqual(settings);
});

test('the 校验报告 is added after the last sheet with links to cells, the user’s sheet stays active, and a refresh replaces it', async () => {
  const et = createEt(seedModel());
  const adapter = createWpsAdapter(et.application);
  const active = et.model.activeSheet;
  const snapshot = await adapter.readSnapshot();
  const report = checkWorkbook(snapshot);
  const plan = planReportSheet(report, { lang: 'zh', date: '2026-05-01' });
  const written = await adapter.writeReportSheet(plan);
  expect(written).toMatchObject({ sheet: REPORT_SHEET, rows: plan.rows.length, created: true });
  expect(written.links).toBeGreaterThan(0);
  const sheet = et.model.sheets[et.model.sheets.length - 1];
  expect(sheet.name).toBe(REPORT_SHEET);
  expect(et.model.activeSheet).toBe(active);
  expect([...sheet.cells.values()].some((c) => c.hyperlink?.documentReference?.endsWith('!F24'))).toBe(true);
  const again = await adapter.writeReportSheet(plan);
  expect(again.created).toBe(false);
  expect(et.model.sheets.filter((s) => s.name === REPORT_SHEET)).toHaveLength(1);
});

test('selecting a finding’s cell activates its sheet and selects it through Range.Select()', async () => {
  const model = seedModel();
  const et = createEt(model);
  const adapter = createWpsAdapter(et.application);
  await adapter.selectCells(model.sheets[0].name, ['F24']);
  expect(model.selection).toEqual({ sheet: model.sheets[0].name, areas: ['F24'] });
  expect(et.callsByMember.get('Range.Select')).toBe(1);
  await adapter.selectCells(model.sheets[0].name, ['F24', 'G26']);
  expect(model.selection?.areas).toEqual(['F24:G26']);
});

test('a protected workbook structure refuses adding the 校验报告 with a clear message', async () => {
  const model = seedModel();
  model.protected = true;
  const adapter = createWpsAdapter(createEt(model).application);
  const snapshot = await adapter.readSnapshot();
  const plan = planReportSheet(checkWorkbook(snapshot), { lang: 'zh', date: '2026-05-01' });
  await expect(adapter.writeReportSheet(plan)).rejects.toThrow(/工作簿结构受保护/);
  expect(model.sheets.some((s) => s.name === REPORT_SHEET)).toBe(false);
});

test('a Value2 block handed back as an Item(r, c) object (reported on some WPS builds) reads the same', async () => {
  const plain = createEt(seedModel());
  const expected = await createWpsAdapter(plain.application).readSnapshot();
  const et = createEt(seedModel());
  // The same application, with every multi-cell Value2 read wrapped the way those builds answer.
  const wrapRange = (range: EtRange): EtRange =>
    new Proxy(range, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (key === 'Value2' && Array.isArray(value)) return { Item: (r: number, c: number) => (value as unknown[][])[r - 1][c - 1] };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const wrapSheet = (sheet: EtWorksheet): EtWorksheet =>
    new Proxy(sheet, {
      get(target, key) {
        if (key === 'UsedRange') return wrapRange(target.UsedRange);
        if (key === 'Range') return (a1: string) => wrapRange(target.Range(a1));
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const books = et.application.ActiveWorkbook;
  const app = new Proxy(et.application, {
    get(target, key) {
      if (key === 'ActiveWorkbook') {
        return new Proxy(books, {
          get(b, k) {
            if (k === 'Worksheets') {
              const sheets = b.Worksheets;
              return { get Count() { return sheets.Count; }, Item: (i: number | string) => wrapSheet(sheets.Item(i)), Add: sheets.Add.bind(sheets) };
            }
            return Reflect.get(b, k, b);
          },
        });
      }
      return Reflect.get(target, key, target);
    },
  });
  expect(await createWpsAdapter(app).readSnapshot()).toEqual(expected);
});
