// Offline checks of manifest.xml. Microsoft's validator (`npm run validate`) posts the file
// to an online service; these cover what it would reject and what Excel would fail on
// silently: element order, dangling resids, non-HTTPS URLs, missing or mis-sized icons.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEV_URL, rewriteManifest } from '../scripts/manifest-url.js';

const ROOT = join(__dirname, '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

interface XmlNode {
  name: string; // local name, namespace prefix dropped
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type Ordered = Record<string, unknown>[];

function toNodes(items: Ordered): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const key = Object.keys(item).find((k) => k !== ':@');
    if (key === undefined || key === '#text' || key.startsWith('?')) continue;
    const children = item[key] as Ordered;
    nodes.push({
      name: key.includes(':') ? key.slice(key.indexOf(':') + 1) : key,
      attrs: (item[':@'] as Record<string, string> | undefined) ?? {},
      children: toNodes(children),
      text: children
        .map((c) => c['#text'])
        .filter((t) => t !== undefined)
        .join('')
        .trim(),
    });
  }
  return nodes;
}

function parse(xml: string): XmlNode {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' });
  const roots = toNodes(parser.parse(xml) as Ordered);
  expect(roots).toHaveLength(1);
  return roots[0];
}

function* walk(node: XmlNode, parent?: XmlNode): Generator<{ node: XmlNode; parent?: XmlNode }> {
  yield { node, parent };
  for (const child of node.children) yield* walk(child, node);
}

const child = (node: XmlNode, name: string): XmlNode => {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
};
const path = (node: XmlNode, ...names: string[]): XmlNode => names.reduce(child, node);

// Children in the order Microsoft's "How to find the proper order of manifest elements" lists
// them for a task pane add-in (TaskPaneApp and its VersionOverrides V1_0). Keyed by
// "parent" or "grandparent/parent" where a name means different things in different places.
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
    'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements',
    'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides',
  ],
  'OfficeApp/DisplayName': ['Override'],
  'OfficeApp/Description': ['Override'],
  'OfficeApp/IconUrl': ['Override'],
  'OfficeApp/HighResolutionIconUrl': ['Override'],
  'OfficeApp/AppDomains': ['AppDomain'],
  'OfficeApp/Hosts': ['Host'],
  'OfficeApp/Requirements': ['Sets', 'Methods'],
  'OfficeApp/DefaultSettings': ['SourceLocation'],
  'DefaultSettings/SourceLocation': ['Override'],
  Sets: ['Set'],
  VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins'],
  'VersionOverrides/Hosts': ['Host'],
  'Hosts/Host': ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  ExtensionPoint: ['OfficeTab', 'CustomTab', 'OfficeMenu'],
  OfficeTab: ['Group'],
  Group: ['OverriddenByRibbonApi', 'Label', 'Icon', 'Control'],
  Control: ['OverriddenByRibbonApi', 'Label', 'Supertip', 'Icon', 'Action', 'Enabled', 'Items'],
  Supertip: ['Title', 'Description'],
  Icon: ['Image'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
  Images: ['Image'],
  Urls: ['Url'],
  ShortStrings: ['String'],
  LongStrings: ['String'],
  'Images/Image': ['Override'],
  'Urls/Url': ['Override'],
  'ShortStrings/String': ['Override'],
  'LongStrings/String': ['Override'],
};

function orderFor(node: XmlNode, parent?: XmlNode): string[] | undefined {
  return (parent && ORDER[`${parent.name}/${node.name}`]) ?? ORDER[node.name];
}

function orderProblems(root: XmlNode): string[] {
  const problems: string[] = [];
  let checked = 0;
  for (const { node, parent } of walk(root)) {
    const order = orderFor(node, parent);
    if (!order) continue;
    checked++;
    node.children.forEach((c, i) => {
      if (!order.includes(c.name)) problems.push(`<${c.name}> is not a child of <${node.name}>`);
      else if (i > 0 && order.indexOf(c.name) < order.indexOf(node.children[i - 1].name)) {
        problems.push(`<${c.name}> must come before <${node.children[i - 1].name}> in <${node.name}>`);
      }
    });
  }
  // Guards against ORDER's keys drifting away from the manifest's element names.
  if (checked < 20) problems.push(`only ${checked} elements were checked`);
  return problems;
}

// Where a resid is used decides which kind of resource it must name.
const RESOURCE_KIND: Record<string, 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings'> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  FunctionFile: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

function resources(root: XmlNode): Map<string, { kind: string; node: XmlNode }> {
  const byId = new Map<string, { kind: string; node: XmlNode }>();
  for (const group of path(root, 'VersionOverrides', 'Resources').children) {
    for (const resource of group.children) {
      expect(byId.has(resource.attrs.id)).toBe(false); // ids are unique across the manifest
      byId.set(resource.attrs.id, { kind: group.name, node: resource });
    }
  }
  return byId;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function expectIcon(url: string, size: number): void {
  expect(url.startsWith(DEV_URL)).toBe(true);
  const file = join(ROOT, url.slice(DEV_URL.length));
  expect(existsSync(file)).toBe(true);
  expect(pngSize(file)).toEqual({ width: size, height: size });
}

const versionNumber = (v: string): number[] => v.split('.').map(Number);
function compareVersions(a: string, b: string): number {
  const [x, y] = [versionNumber(a), versionNumber(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

describe('manifest.xml', () => {
  const root = parse(MANIFEST);

  test('is well-formed XML with a TaskPaneApp root in the add-in manifest namespaces', () => {
    expect(XMLValidator.validate(MANIFEST)).toBe(true);
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    const overrides = child(root, 'VersionOverrides');
    expect(overrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  });

  test('has the required elements', () => {
    for (const name of [
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions',
      'VersionOverrides',
    ]) {
      expect(root.children.map((c) => c.name)).toContain(name);
    }
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, 'Version').text).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(child(root, 'ProviderName').text).not.toBe('');
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
    expect(path(root, 'Hosts', 'Host').attrs.Name).toBe('Workbook');
    expect(path(root, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(`${DEV_URL}taskpane.html`);
  });

  test('puts every element under a parent that allows it, in the documented order', () => {
    expect(orderProblems(root)).toEqual([]);
  });

  test('the order check notices a swapped pair and a misplaced element', () => {
    const swapped = MANIFEST.replace(
      /(<Version>.*?<\/Version>)(\s*)(<ProviderName>.*?<\/ProviderName>)/s,
      '$3$2$1',
    );
    expect(swapped).not.toBe(MANIFEST);
    expect(orderProblems(parse(swapped))).toEqual(['<Version> must come before <ProviderName> in <OfficeApp>']);
    const misplaced = MANIFEST.replace('<Permissions>', '<AppDomains/><Permissions>');
    expect(orderProblems(parse(misplaced))).toEqual(['<AppDomains> must come before <DefaultSettings> in <OfficeApp>']);
  });

  test('every resid names a defined resource of the right kind, and ids stay within 32 characters', () => {
    const defined = resources(root);
    const used = new Set<string>();
    for (const { node } of walk(root)) {
      const resid = node.attrs.resid;
      if (resid === undefined) continue;
      expect(resid.length).toBeLessThanOrEqual(32);
      const resource = defined.get(resid);
      if (!resource) throw new Error(`<${node.name} resid="${resid}"> names no resource`);
      expect({ resid, kind: resource.kind }).toEqual({ resid, kind: RESOURCE_KIND[node.name] });
      used.add(resid);
    }
    // A resource nobody refers to is a leftover.
    expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
    for (const id of defined.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  test('every URL is HTTPS', () => {
    const urls: string[] = [];
    for (const { node } of walk(root)) {
      for (const [name, value] of Object.entries(node.attrs)) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // namespace names, not fetched
        if (/^[a-z][a-z0-9+.-]*:/i.test(value) && !/^[a-z]{2}-[A-Z]{2}$/.test(value)) urls.push(value);
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(node.text)) urls.push(node.text);
    }
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) expect(new URL(url).protocol).toBe('https:');
  });

  test('every icon is a PNG file of the declared size', () => {
    expectIcon(child(root, 'IconUrl').attrs.DefaultValue, 32);
    expectIcon(child(root, 'HighResolutionIconUrl').attrs.DefaultValue, 64);
    const defined = resources(root);
    let icons = 0;
    for (const { node, parent } of walk(root)) {
      if (node.name !== 'Icon' || parent?.name === 'Resources') continue;
      // Office needs 16, 32 and 80 px for every ribbon icon.
      expect(node.children.map((i) => Number(i.attrs.size)).sort((a, b) => a - b)).toEqual([16, 32, 80]);
      for (const image of node.children) {
        const resource = defined.get(image.attrs.resid);
        if (!resource) throw new Error(`icon ${image.attrs.resid} is not defined`);
        expectIcon(resource.node.attrs.DefaultValue, Number(image.attrs.size));
        icons++;
      }
    }
    expect(icons).toBe(6); // group and button
  });

  test('asks only for ExcelApi 1.4 or lower; newer sets are detected at run time', () => {
    const sets = path(root, 'Requirements', 'Sets').children;
    const excel = sets.find((s) => s.attrs.Name === 'ExcelApi');
    expect(excel).toBeDefined();
    expect(compareVersions(excel!.attrs.MinVersion, '1.4')).toBeLessThanOrEqual(0);
    expect(sets.every((s) => s.attrs.Name === 'ExcelApi')).toBe(true);
    // A Requirements inside VersionOverrides would hide the ribbon button on older Excel.
    expect(child(root, 'VersionOverrides').children.some((c) => c.name === 'Requirements')).toBe(false);
  });

  test('defaults to zh-CN with en-US overrides for every shown string', () => {
    expect(child(root, 'DefaultLocale').text).toBe('zh-CN');
    const displayName = child(root, 'DisplayName');
    expect(displayName.attrs.DefaultValue).toBe('绩效目标表校验');
    expect(child(displayName, 'Override').attrs).toEqual({ Locale: 'en-US', Value: 'Performance Target Checker' });
    const description = child(root, 'Description');
    expect(description.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    expect(child(description, 'Override').attrs.Locale).toBe('en-US');
    for (const { node, parent } of walk(root)) {
      if (node.name !== 'String') continue;
      const limit = parent?.name === 'ShortStrings' ? 125 : 250;
      expect(node.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(node.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
      const override = child(node, 'Override');
      expect(override.attrs.Locale).toBe('en-US');
      expect(override.attrs.Value).toMatch(/^[\x20-\x7e]+$/);
      expect(override.attrs.Value.length).toBeLessThanOrEqual(limit);
    }
  });

  test('the 校验 button on the Home tab shows the task pane', () => {
    const formFactor = path(root, 'VersionOverrides', 'Hosts', 'Host', 'DesktopFormFactor');
    expect(path(root, 'VersionOverrides', 'Hosts', 'Host').attrs['xsi:type']).toBe('Workbook');
    const point = child(formFactor, 'ExtensionPoint');
    expect(point.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    const tab = child(point, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const control = path(tab, 'Group', 'Control');
    expect(control.attrs['xsi:type']).toBe('Button');
    const label = resources(root).get(child(control, 'Label').attrs.resid);
    expect(label?.node.attrs.DefaultValue).toBe('校验');
    const action = child(control, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'TaskpaneId').text).toBe('ButtonId1');
    const page = resources(root).get(child(action, 'SourceLocation').attrs.resid);
    expect(page?.node.attrs.DefaultValue).toBe(path(root, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue);
  });
});

describe('rewriteManifest (production copy)', () => {
  test('moves every dev server URL to the hosting address and keeps the manifest valid', () => {
    const out = rewriteManifest(MANIFEST, 'https://addins.example.cn/jixiao');
    expect(out).not.toContain(DEV_URL);
    expect(XMLValidator.validate(out)).toBe(true);
    const root = parse(out);
    expect(path(root, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe(
      'https://addins.example.cn/jixiao/taskpane.html',
    );
    expect(child(root, 'IconUrl').attrs.DefaultValue).toBe('https://addins.example.cn/jixiao/assets/icon-32.png');
  });

  test('escapes the address for XML and refuses anything but plain https', () => {
    const out = rewriteManifest(MANIFEST, 'https://example.cn/a&b/');
    expect(XMLValidator.validate(out)).toBe(true);
    expect(child(parse(out), 'SupportUrl').attrs.DefaultValue).toBe('https://example.cn/a&b/support.html');
    expect(() => rewriteManifest(MANIFEST, 'http://example.cn/')).toThrow(/https/);
    expect(() => rewriteManifest(MANIFEST, 'example.cn')).toThrow(/not a URL/);
    expect(() => rewriteManifest(MANIFEST, 'https://example.cn/?v=1')).toThrow(/query/);
  });
});
