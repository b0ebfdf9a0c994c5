// Static checks of the WPS build (npm run build:wps writes dist/wps/): ribbon.xml as WPS reads it,
// every callback it names defined in main.js (and working against the simulated ET), the
// deployment files agreeing with package.json, nothing loaded from a network, and the built
// JavaScript parsing at ES2017, the level the pane is transpiled to.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as acorn from 'acorn';
import { XMLParser } from 'fast-xml-parser';
import { createEt } from '../../src/adapters/simulator/et/index.js';
import { createWorkbookModel, sheetFromRows } from '../../src/adapters/simulator/index.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const FOLDER = `${pkg.name}_${pkg.version}`;
const DIST = path.resolve('dist/wps');
const ADDIN = path.join(DIST, FOLDER);
const read = (...parts: string[]) => readFileSync(path.join(...parts), 'utf8');

beforeAll(() => {
  if (!existsSync(path.join(ADDIN, 'index.html'))) throw new Error(`${ADDIN}/index.html is missing: run npm run build:wps first`);
});

const ES2017 = { ecmaVersion: 2017 as const, sourceType: 'script' as const };

/** Names of the functions main.js declares at its top level. */
function declaredFunctions(source: string): Set<string> {
  const program = acorn.parse(source, ES2017);
  return new Set(program.body.flatMap((node) => (node.type === 'FunctionDeclaration' && node.id ? [node.id.name] : [])));
}

/** Every callback attribute of ribbon.xml (onLoad, onAction, get…), with the element's id. */
function callbacks(xml: string): { id: string; attribute: string; name: string }[] {
  const found: { id: string; attribute: string; name: string }[] = [];
  const visit = (node: unknown, id: string): void => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, id));
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const own = typeof record['@_id'] === 'string' ? (record['@_id'] as string) : id;
    for (const [key, value] of Object.entries(record)) {
      const attribute = key.startsWith('@_') ? key.slice(2) : '';
      if (attribute && /^(on[A-Z]|get[A-Z])/.test(attribute) && typeof value === 'string') found.push({ id: own, attribute, name: value });
      else if (!attribute) visit(value, own);
    }
  };
  visit(new XMLParser({ ignoreAttributes: false }).parse(xml), 'customUI');
  return found;
}

test('ribbon.xml starts with <customUI (no XML declaration) and has a 绩效目标表 tab with 校验', () => {
  const xml = read(ADDIN, 'ribbon.xml');
  expect(xml.startsWith('<customUI')).toBe(true);
  expect(xml).not.toMatch(/<\?xml/);
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
  const tab = parsed.customUI.ribbon.tabs.tab;
  expect(tab['@_label']).toBe('绩效目标表');
  expect(tab.group.button['@_label']).toBe('校验');
});

test('every callback ribbon.xml names is a function main.js declares', () => {
  const declared = declaredFunctions(read(ADDIN, 'main.js'));
  const named = callbacks(read(ADDIN, 'ribbon.xml'));
  expect(named.map((c) => c.attribute).sort()).toEqual(['getImage', 'onAction', 'onLoad']);
  for (const c of named) expect({ ...c, declared: declared.has(c.name) }).toEqual({ ...c, declared: true });
});

test('校验 (main.js OnCheck) opens the pane docked right, and shows the same pane the second time', () => {
  const et = createEt(createWorkbookModel([sheetFromRows('表1', [['指标']])]));
  const context = vm.createContext({ Application: et.application, window: {}, document: { location: { href: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/x/index.html' } } });
  vm.runInContext(read(ADDIN, 'main.js'), context);
  expect(vm.runInContext('OnAddinLoad({})', context)).toBe(true);
  vm.runInContext('OnCheck({ Id: "jixiaoCheck" })', context);
  expect(et.taskPanes).toHaveLength(1);
  expect(et.taskPanes[0]).toMatchObject({ url: 'file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/x/index.html?pane=1', Visible: true, DockPosition: 2 });
  et.taskPanes[0].Visible = false;
  vm.runInContext('OnCheck({ Id: "jixiaoCheck" })', context);
  expect(et.taskPanes).toHaveLength(1);
  expect(et.taskPanes[0].Visible).toBe(true);
  expect(vm.runInContext('GetImage({})', context)).toBe('assets/icon-32.png');
  expect(existsSync(path.join(ADDIN, 'assets/icon-32.png'))).toBe(true);
});

test('the deployment files agree with package.json: name, version and the add-in folder name_version', () => {
  const parser = new XMLParser({ ignoreAttributes: false });
  const publish = parser.parse(read(DIST, 'publish.xml')).jsplugins.jsplugin;
  expect(publish).toMatchObject({ '@_name': pkg.name, '@_version': pkg.version, '@_url': FOLDER, '@_type': 'et' });
  const list = parser.parse(read(DIST, 'jsplugins.xml')).jsplugins.jsplugin;
  expect(list).toMatchObject({ '@_name': pkg.name, '@_version': pkg.version, '@_type': 'et' });
  expect(list['@_url']).toMatch(new RegExp(`/${FOLDER}\\.zip$`));
  expect(existsSync(path.join(DIST, `${FOLDER}.zip`))).toBe(true);
  const oem = read(DIST, 'oem.ini');
  expect(oem).toMatch(/^JsApiPlugin=true\r?$/m);
  expect(oem).toMatch(/^JSPluginsServer=.*\/jsplugins\.xml\r?$/m);
  for (const file of ['index.html', 'main.js', 'ribbon.xml', 'pane.js']) expect(existsSync(path.join(ADDIN, file))).toBe(true);
});

test('index.html loads no Office.js and nothing from a network: only main.js and the pane, by relative paths', () => {
  const html = read(ADDIN, 'index.html');
  expect(html).not.toMatch(/office\.js/i);
  const sources = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(sources.sort()).toEqual(['main.js', 'pane.js']);
  expect(html).not.toMatch(/https?:\/\//);
});

test('the built JavaScript parses at ES2017 (the pane with its dependencies, main.js, the inline probe)', () => {
  const pane = read(ADDIN, 'pane.js');
  expect(() => acorn.parse(pane, ES2017)).not.toThrow();
  expect(() => acorn.parse(read(ADDIN, 'main.js'), { ...ES2017, ecmaVersion: 5 })).not.toThrow();
  const inline = [...read(ADDIN, 'index.html').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline).toHaveLength(1);
  expect(() => acorn.parse(inline[0], { ...ES2017, ecmaVersion: 5 })).not.toThrow();
  // The check has teeth: ES2018 syntax (object rest) is refused at this level.
  expect(() => acorn.parse('const { a, ...b } = {};', ES2017)).toThrow();
});

test('the inline probe lets a modern webview mount the pane and shows the message where ResizeObserver is missing', () => {
  const inline = [...read(ADDIN, 'index.html').matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1])[0];
  const run = (resizeObserver: unknown) => {
    const container = { id: 'container', innerHTML: '', removeAttribute(name: string) { if (name === 'id') this.id = ''; } };
    // No WeakRef (Chromium < 84): the pane shims it, so the probe does not ask for it.
    const context = vm.createContext({ window: { ResizeObserver: resizeObserver }, document: { getElementById: () => container } });
    vm.runInContext(inline, context);
    return container;
  };
  expect(run(function ResizeObserver() {})).toMatchObject({ id: 'container', innerHTML: '' });
  const old = run(undefined);
  expect(old.id).toBe('');
  expect(old.innerHTML).toMatch(/浏览器组件过旧/);
});

test('a webview without WeakRef gets the strong-reference shim before Fluent runs, and deref() gives the target back', async () => {
  const scope = globalThis as { WeakRef?: unknown };
  const saved = scope.WeakRef;
  delete scope.WeakRef;
  try {
    jest.resetModules();
    await import('../../src/wps/webviewShims.js');
    const Ref = scope.WeakRef as new <T extends object>(t: T) => { deref(): T };
    const target = { pane: true };
    expect(new Ref(target).deref()).toBe(target);
  } finally {
    scope.WeakRef = saved;
  }
});

