/** @jest-environment jsdom */
// The Excel entry and host against stand-ins for the Office and Excel globals (the simulator
// plays Excel), so the code that only runs inside Office is exercised too.
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { createExcel, createWorkbookModel, sheetFromRows } from '../adapters/simulator/index.js';
import { DEFAULT_SETTINGS, normalizeSettings, readSettingsProperties, SETTINGS_KEY } from '../workflow/index.js';
import { startTaskPane } from './index.js';
import { officeDisplayLanguage, officeSettingsStore } from './officeHost.js';
import { parseConfig } from '../core/index.js';
import { installDomStubs } from './testing.js';
import { tableSheet } from '../workflow/testing.js';

interface FakeOffice {
  stored: Map<string, unknown>;
  saves: number;
  failSave: boolean;
}

const globals = globalThis as unknown as Record<string, unknown>;

function installOffice(host: string, displayLanguage = 'zh-CN', isSetSupported = (_n: string, _v?: string) => true): FakeOffice {
  const fake: FakeOffice = { stored: new Map(), saves: 0, failSave: false };
  globals.Office = {
    HostType: { Excel: 'Excel', Word: 'Word' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (callback: (info: { host: string | null; platform: string | null }) => void) => {
      callback({ host, platform: 'PC' });
      return Promise.resolve({ host, platform: 'PC' });
    },
    context: {
      displayLanguage,
      requirements: { isSetSupported },
      document: {
        settings: {
          get: (name: string) => (fake.stored.has(name) ? fake.stored.get(name) : null),
          set: (name: string, value: unknown) => fake.stored.set(name, value),
          saveAsync: (callback: (r: { status: string; error?: Error }) => void) => {
            fake.saves += 1;
            callback(fake.failSave ? { status: 'failed', error: new Error('The document is read-only.') } : { status: 'succeeded' });
          },
        },
      },
    },
  };
  return fake;
}

beforeAll(installDomStubs);
beforeEach(() => {
  document.body.innerHTML = '<div id="container"></div>';
});
afterEach(() => {
  cleanup();
  delete globals.Office;
  delete globals.Excel;
});

test('settings are kept in the document and saved with it', async () => {
  const office = installOffice('Excel');
  const store = officeSettingsStore();
  expect(await store.load()).toBeNull();
  await store.save({ ...DEFAULT_SETTINGS, reservedPoints: 10 });
  expect(office.saves).toBe(1);
  // The check's settings are stored as the config JSON the CLI reads with --config.
  expect(office.stored.get(SETTINGS_KEY)).toEqual({ writeScores: true, notes: true, fills: true, config: { reservedPoints: 10 } });
  expect(normalizeSettings(await store.load())).toEqual({ ...DEFAULT_SETTINGS, reservedPoints: 10 });
  await store.save({ ...DEFAULT_SETTINGS, profile: 'national', reservedPoints: 10, rules: { 'value-format/not-number': 'warning' } });
  const config = (office.stored.get(SETTINGS_KEY) as { config: unknown }).config;
  expect(config).toEqual({ profile: 'national', reservedPoints: 10, rules: { 'value-format/not-number': 'warning' } });
  expect(parseConfig(config).options).toMatchObject({ reservedPoints: 10, allowedLevel1: ['产出指标', '效益指标', '满意度指标', '成本指标'] });

  office.failSave = true;
  await expect(store.save(DEFAULT_SETTINGS)).rejects.toThrow('The document is read-only.');
});

test('the display language comes from Office', () => {
  installOffice('Excel', 'en-US');
  expect(officeDisplayLanguage()).toBe('en-US');
});

test('without Office.js the entry shows a message, not a blank pane', () => {
  startTaskPane();
  expect(screen.getByRole('alert').textContent).toMatch(/无法加载 Office\.js/);
});

test('outside Excel the entry says to open the add-in in Excel', () => {
  installOffice('Word');
  startTaskPane();
  expect(screen.getByRole('alert').textContent).toMatch(/请在 Excel 中打开/);
});

test('in Excel the entry mounts the pane, which checks the workbook and saves settings in the document', async () => {
  const table = tableSheet('目标表');
  const excel = createExcel(createWorkbookModel([sheetFromRows(table.name, table.values, { merges: table.merges })]), {
    apiVersion: '1.14',
  });
  const office = installOffice('Excel', 'zh-CN', (name, version) => excel.isSetSupported(name, version));
  globals.Excel = { run: excel.run };
  await act(async () => startTaskPane());

  const check = (await screen.findByRole('button', { name: '校验' })) as HTMLButtonElement;
  await waitFor(() => expect(check.disabled).toBe(false));
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: '开发者信息' }));
  expect(screen.getByText(/批注模式：批注/)).toBeTruthy();
  await user.click(screen.getByRole('switch', { name: '标记颜色' }));
  // ExcelApi 1.7 and later: in the workbook's custom properties, which every host reads; not in document.settings.
  const inWorkbook = () => readSettingsProperties({ get: (name) => excel.model.customProperties?.get(name) });
  await waitFor(async () => expect(normalizeSettings(await inWorkbook())).toMatchObject({ fills: false }));
  expect(office.stored.get(SETTINGS_KEY)).toBeUndefined();

  await user.click(check);
  expect(await screen.findByText('找到 1 张绩效目标表')).toBeTruthy();
  expect(excel.model.sheets[0].cells.get('J4')?.value).toBe('得分');
});
