// The package's custom document properties (docProps/custom.xml, Excel's 文件 → 信息 → 属性 →
// 高级属性 → 自定义), where the settings travel with the workbook. Only the properties named in
// an edit are touched; the user's others keep their text, type and pid, byte for byte.
import { applySplices, attr, children, decodeXml, elementEnd, escapeAttr, escapeText, findTag, closeTagStart, type Splice, type Tag } from './xml.js';

export const REL_CUSTOM_PROPERTIES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
export const CT_CUSTOM_PROPERTIES = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
/** The format id every user-defined property carries (ECMA-376 Part 1, 22.3.2.2). */
export const CUSTOM_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

export const EMPTY_CUSTOM_PROPERTIES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}"></Properties>`;

/** Text properties to set (added when missing, a property of another type replaced) and names to remove. */
export interface PropertyEdit {
  set: [string, string][];
  remove: string[];
}

interface PropertyElement {
  tag: Tag;
  end: number;
  name: string;
  pid: number;
}

function propertiesOf(xml: string): { root: Tag; list: PropertyElement[] } | undefined {
  const root = findTag(xml, 'Properties');
  if (!root) return undefined;
  const list = children(xml, root)
    .filter(({ tag }) => tag.name === 'property')
    .map(({ tag, end }) => ({ tag, end, name: attr(tag.attrs, 'name') ?? '', pid: Number(attr(tag.attrs, 'pid')) }));
  return { root, list };
}

/** Each property's value as text (a number, date or boolean as written), by name. */
export function customPropertiesOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const found = propertiesOf(xml);
  if (!found) return out;
  for (const p of found.list) {
    if (p.tag.selfClosing) continue;
    const value = children(xml, p.tag, p.end)[0];
    if (!value) continue;
    const text = value.tag.selfClosing ? '' : xml.slice(value.tag.end, closeTagStart(xml, value.tag, value.end));
    // A vector or blob holds elements, not text: not a value we read.
    if (text.includes('<')) continue;
    if (!out.has(p.name)) out.set(p.name, decodeXml(text));
  }
  return out;
}

/** The prefix ("vt:") the part binds to the variant types namespace, or undefined. */
function vtPrefix(attrs: string): string | undefined {
  const m = new RegExp(`\\sxmlns:([\\w.-]+)\\s*=\\s*["']${VT_NS.replace(/[./]/g, '\\$&')}["']`).exec(attrs);
  return m ? `${m[1]}:` : undefined;
}

/** custom.xml with `edit` applied; unchanged text when the edit changes nothing. */
export function patchCustomProperties(xml: string, edit: PropertyEdit): string {
  const found = propertiesOf(xml);
  if (!found) throw new Error('custom.xml has no Properties');
  const { root, list } = found;
  const splices: Splice[] = [];
  let vt = vtPrefix(root.attrs);
  let rootAttrs = root.attrs;
  if (!vt && edit.set.length) {
    vt = 'vt:';
    rootAttrs = `${root.attrs.replace(/\s*$/, '')} xmlns:vt="${VT_NS}"`;
  }
  const value = (text: string) => `<${vt}lpwstr>${escapeText(text)}</${vt}lpwstr>`;
  const current = customPropertiesOf(xml);
  const remove = new Set(edit.remove);
  const set = new Map(edit.set);
  for (const p of list) {
    if (remove.has(p.name) && !set.has(p.name)) {
      splices.push({ start: p.tag.start, end: p.end, text: '' });
      continue;
    }
    const text = set.get(p.name);
    if (text === undefined) continue;
    set.delete(p.name);
    const isText = !p.tag.selfClosing && /^<[\w.-]+:lpwstr>/.test(xml.slice(p.tag.end, p.end).trimStart());
    if (isText && current.get(p.name) === text) continue;
    const inner = `${value(text)}`;
    if (p.tag.selfClosing) splices.push({ start: p.tag.start, end: p.tag.end, text: `<${p.tag.qname}${p.tag.attrs.replace(/\s*$/, '')}>${inner}</${p.tag.qname}>` });
    else splices.push({ start: p.tag.end, end: closeTagStart(xml, p.tag, p.end), text: inner });
  }
  if (set.size) {
    // pids start at 2 and are unique in the part.
    let pid = Math.max(1, ...list.map((p) => p.pid).filter(Number.isFinite));
    const added = [...set].map(([name, text]) => `<${root.prefix}property fmtid="${CUSTOM_FMTID}" pid="${++pid}" name="${escapeAttr(name)}">${value(text)}</${root.prefix}property>`).join('');
    if (root.selfClosing) {
      splices.push({ start: root.start, end: root.end, text: `<${root.qname}${rootAttrs.replace(/\s*$/, '')}>${added}</${root.qname}>` });
      return applySplices(xml, splices);
    }
    const close = closeTagStart(xml, root, elementEnd(xml, root));
    splices.push({ start: close, end: close, text: added });
  }
  if (splices.length === 0) return xml;
  if (rootAttrs !== root.attrs && !root.selfClosing) splices.push({ start: root.start, end: root.end, text: `<${root.qname}${rootAttrs}>` });
  return applySplices(xml, splices);
}
