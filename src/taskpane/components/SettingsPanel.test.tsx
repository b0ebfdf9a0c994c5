/** @jest-environment jsdom */
import { cleanup, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { PROFILES, rules } from '../../core/index.js';
import { checkOptionsOf, DEFAULT_SETTINGS, type PaneSettings } from '../../workflow/index.js';
import { installDomStubs } from '../testing.js';
import { libraryOf } from './LibraryEditor.js';
import { SettingsPanel } from './SettingsPanel.js';
import { renderPart } from './testing.js';

beforeAll(installDomStubs);
afterEach(cleanup);

/** The panel with settings kept as the pane keeps them: a patch applied, undefined keys removed. */
function Harness({ initial, saved }: { initial: PaneSettings; saved: PaneSettings[] }) {
  const [settings, setSettings] = useState(initial);
  const onChange = (patch: Partial<PaneSettings>) => {
    const next: PaneSettings = { ...settings, ...patch };
    for (const key of Object.keys(next) as (keyof PaneSettings)[]) if (next[key] === undefined) delete next[key];
    saved.push(next);
    setSettings(next);
  };
  return <SettingsPanel settings={settings} reserved={null} disabled={false} onChange={onChange} onOpenChange={() => {}} />;
}

const gansu: PaneSettings = { ...DEFAULT_SETTINGS, profile: 'gansu-county' };
const gansuLibrary = PROFILES['gansu-county'].options.library ?? [];

async function openLibrary(initial: PaneSettings) {
  const user = userEvent.setup();
  const saved: PaneSettings[] = [];
  renderPart(<Harness initial={initial} saved={saved} />);
  await user.click(screen.getByRole('button', { name: '设置' }));
  await user.click(screen.getByRole('button', { name: /^共性指标库/ }));
  const library = screen.getByRole('group', { name: /^共性指标库/ });
  return { user, saved, library };
}

test('the library in 设置 is the profile’s own until it is edited', async () => {
  expect(gansuLibrary.length).toBeGreaterThan(5);
  const { library } = await openLibrary(gansu);
  const entries = within(within(library).getByRole('list')).getAllByRole('listitem');
  expect(entries).toHaveLength(gansuLibrary.length);
  expect(within(entries[0]).getByText(gansuLibrary[0].name)).toBeTruthy();
  expect(within(entries[0]).getByText(`${gansuLibrary[0].level2} · ${gansuLibrary[0].unit}`)).toBeTruthy();
  expect(within(library).queryByRole('button', { name: '恢复模板的指标库' })).toBeNull();
});

test('adding and removing entries saves the edited library, which the check then uses; 恢复 goes back to the profile’s', async () => {
  const { user, saved, library } = await openLibrary(gansu);
  const lib = within(library);
  await user.type(lib.getByRole('textbox', { name: '指标名称' }), '  项目验收合格率 ');
  await user.type(lib.getByRole('textbox', { name: '二级指标（可空）' }), '质量指标');
  await user.type(lib.getByRole('textbox', { name: '单位（可空）' }), '%{Enter}');
  const added = saved.at(-1)?.library;
  expect(added).toHaveLength(gansuLibrary.length + 1);
  expect(added?.at(-1)).toEqual({ name: '项目验收合格率', level2: '质量指标', unit: '%' });
  // What the core is given: the edited library, not the profile's.
  expect(checkOptionsOf(saved.at(-1) as PaneSettings).library).toEqual(added);
  expect((lib.getByRole('textbox', { name: '指标名称' }) as HTMLInputElement).value).toBe('');

  await user.click(lib.getByRole('button', { name: `删除“${gansuLibrary[0].name}”` }));
  expect(saved.at(-1)?.library?.map((e) => e.name)).toEqual([...gansuLibrary.slice(1).map((e) => e.name), '项目验收合格率']);
  expect(screen.getByRole('button', { name: `共性指标库（${gansuLibrary.length} 项）` })).toBeTruthy();

  await user.click(lib.getByRole('button', { name: '恢复模板的指标库' }));
  expect('library' in (saved.at(-1) as PaneSettings)).toBe(false);
  expect(libraryOf(saved.at(-1)?.library, 'gansu-county')).toEqual(gansuLibrary);
});

test('a name already in the library is refused with a message; without a profile the library starts empty', async () => {
  const { user, saved, library } = await openLibrary(gansu);
  await user.type(within(library).getByRole('textbox', { name: '指标名称' }), `${gansuLibrary[0].name}{Enter}`);
  expect(within(library).getByText('库中已有同名指标。')).toBeTruthy();
  expect(saved).toEqual([]);
  cleanup();

  const none = await openLibrary(DEFAULT_SETTINGS);
  expect(within(none.library).getByText('指标库为空：不做共性指标核对。')).toBeTruthy();
  await none.user.type(within(none.library).getByRole('textbox', { name: '指标名称' }), '群众满意度{Enter}');
  expect(none.saved.at(-1)?.library).toEqual([{ name: '群众满意度', level2: '', unit: '' }]);
});

test('choosing another template drops a library edited for the last one and takes the template’s reserved points', async () => {
  const { user, saved } = await openLibrary({ ...gansu, library: [{ name: '群众满意度', level2: '', unit: '' }] });
  await user.selectOptions(screen.getByRole('combobox', { name: '模板' }), 'national');
  expect(saved.at(-1)).toEqual({ ...DEFAULT_SETTINGS, profile: 'national', reservedPoints: PROFILES.national.options.reservedPoints });
});

test('a rule given another severity is saved; 恢复默认规则 removes every change', async () => {
  const user = userEvent.setup();
  const saved: PaneSettings[] = [];
  renderPart(<Harness initial={DEFAULT_SETTINGS} saved={saved} />);
  await user.click(screen.getByRole('button', { name: '设置' }));
  const rule = rules[0];
  await user.selectOptions(screen.getByRole('combobox', { name: rule.description.zh }), 'off');
  expect(saved.at(-1)?.rules).toEqual({ [rule.id]: 'off' });
  await user.click(screen.getByRole('button', { name: '恢复默认规则' }));
  expect('rules' in (saved.at(-1) as PaneSettings)).toBe(false);
});
