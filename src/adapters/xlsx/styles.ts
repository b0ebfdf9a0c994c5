// styles.xml: new cell formats are appended, never edited. A cell we write gets an xf cloned from
// its current one with only our number format / fill / font / alignment changed, so a border or
// fill that the user's style gives a whole grid stays on the user's cells and on ours.
import type { FontChange } from './types.js';
import { applySplices, attr, children, elementEnd, escapeAttr, findTag, setAttr, type Splice, type Tag } from './xml.js';

export interface StyleChange {
  numberFormat?: string | null;
  fill?: string | null;
  font?: FontChange | null;
  wrap?: boolean;
  /** Vertical alignment "top", set with wrap for long report messages. */
  top?: boolean;
}

/** Excel's built-in number formats that we may be asked for by their code. */
const BUILTIN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

// Containers in CT_Stylesheet order: a missing one is inserted before the next that exists.
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

interface Container {
  tag?: Tag;
  end: number;
  items: string[];
  added: string[];
}

export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** An xf's attributes (apply* left out, order ignored, defaults of 0 made explicit) and children. */
function xfKey(xf: string): string {
  const open = findTag(xf, 'xf');
  if (!open) return xf;
  const attrs = new Map<string, string>([['numFmtId', '0'], ['fontId', '0'], ['fillId', '0'], ['borderId', '0']]);
  for (const m of open.attrs.matchAll(/([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g)) if (!m[1].startsWith('apply')) attrs.set(m[1], m[2].slice(1, -1));
  const inner = open.selfClosing ? '' : xf.slice(open.end, xf.lastIndexOf('<'));
  return `${[...attrs].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(' ')}|${inner}`;
}

export class Styles {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly containers = new Map<string, Container>();
  private readonly root: Tag;
  private readonly numFmtCodes = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly derived = new Map<string, number>();

  constructor(xml: string) {
    this.xml = xml;
    const root = findTag(xml, 'styleSheet');
    if (!root) throw new Error('styles.xml has no styleSheet');
    this.root = root;
    this.prefix = root.prefix;
    const end = elementEnd(xml, root);
    for (const { tag, end: e } of children(xml, root, end)) {
      if (!ORDER.includes(tag.name) || this.containers.has(tag.name)) continue;
      const items = children(xml, tag, e).map((c) => xml.slice(c.tag.start, c.end));
      this.containers.set(tag.name, { tag, end: e, items, added: [] });
    }
    for (const item of this.container('numFmts').items) {
      const open = findTag(item, 'numFmt');
      const id = Number(attr(open?.attrs ?? '', 'numFmtId'));
      const code = attr(open?.attrs ?? '', 'formatCode');
      if (!Number.isFinite(id)) continue;
      if (code !== undefined && !this.numFmtCodes.has(code)) this.numFmtCodes.set(code, id);
      if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
    }
  }

  private container(name: string): Container {
    let c = this.containers.get(name);
    if (!c) {
      c = { end: -1, items: [], added: [] };
      this.containers.set(name, c);
    }
    return c;
  }

  private append(name: string, item: string): number {
    const c = this.container(name);
    const all = [...c.items, ...c.added];
    const found = all.indexOf(item);
    if (found >= 0) return found;
    c.added.push(item);
    return all.length;
  }

  /** The number format code of a cell format (for tests and callers that must see what a cell shows). */
  numberFormatOf(xfIndex: number): string {
    const xf = this.container('cellXfs').items[xfIndex] ?? this.container('cellXfs').added[xfIndex - this.container('cellXfs').items.length];
    const id = Number(attr(findTag(xf ?? '', 'xf')?.attrs ?? '', 'numFmtId') ?? 0);
    for (const [code, n] of this.numFmtCodes) if (n === id) return code;
    for (const [code, n] of Object.entries(BUILTIN)) if (n === id) return code;
    return 'General';
  }

  /** Bold, italic and underline of a cell format's font (a `<b val="0"/>` is not bold). */
  fontFlags(xfIndex: number): { bold: boolean; italic: boolean; underline: boolean } {
    const xfs = this.container('cellXfs');
    const xf = xfs.items[xfIndex] ?? xfs.added[xfIndex - xfs.items.length];
    const fontId = Number(attr(findTag(xf ?? '', 'xf')?.attrs ?? '', 'fontId') ?? 0);
    const fonts = this.container('fonts');
    const font = fonts.items[fontId] ?? fonts.added[fontId - fonts.items.length] ?? '';
    const on = (name: string) => {
      const t = findTag(font, name);
      const val = t ? attr(t.attrs, 'val') : undefined;
      return t !== undefined && val !== '0' && val !== 'false' && val !== 'none';
    };
    return { bold: on('b'), italic: on('i'), underline: on('u') };
  }

  private readonly fills = new Map<number, string | undefined>();

  /** The solid fill colour ("#RRGGBB") of a cell format, if it has one. */
  fillOf(xfIndex: number): string | undefined {
    if (!this.fills.has(xfIndex)) this.fills.set(xfIndex, this.readFill(xfIndex));
    return this.fills.get(xfIndex);
  }

  private readFill(xfIndex: number): string | undefined {
    const xfs = this.container('cellXfs');
    const xf = xfs.items[xfIndex] ?? xfs.added[xfIndex - xfs.items.length];
    const fillId = Number(attr(findTag(xf ?? '', 'xf')?.attrs ?? '', 'fillId') ?? 0);
    const fills = this.container('fills');
    const fill = fills.items[fillId] ?? fills.added[fillId - fills.items.length] ?? '';
    if (!/patternType="solid"/.test(fill)) return undefined;
    const rgb = /<(?:\w+:)?fgColor\b[^>]*\brgb="([0-9A-Fa-f]{8})"/.exec(fill)?.[1];
    return rgb ? `#${rgb.slice(2).toUpperCase()}` : undefined;
  }

  private numFmtId(code: string): number {
    if (BUILTIN[code] !== undefined) return BUILTIN[code];
    const known = this.numFmtCodes.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtCodes.set(code, id);
    this.container('numFmts').added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private fillId(hex: string): number {
    const p = this.prefix;
    const rgb = `FF${hex.replace('#', '').toUpperCase()}`;
    return this.append('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  private fontId(font: FontChange, baseId: number): number {
    const p = this.prefix;
    const fonts = this.container('fonts').items;
    const base = fonts[baseId] ?? fonts[0] ?? `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`;
    const open = findTag(base, 'font');
    if (!open) return baseId;
    // CT_Font is a choice of children in any order: drop the ones we set, put ours first (a flag
    // left out of the change keeps the base font's, so taking our bold off leaves a user's italic).
    const unset: Record<string, unknown> = { b: font.bold, i: font.italic, u: font.underline, sz: font.size, color: font.color };
    const kept = children(base, open)
      .filter((c) => !(c.tag.name in unset) || unset[c.tag.name] === undefined)
      .map((c) => base.slice(c.tag.start, c.end));
    const ours = [
      font.bold ? `<${p}b/>` : '',
      font.italic ? `<${p}i/>` : '',
      font.underline ? `<${p}u/>` : '',
      font.size !== undefined ? `<${p}sz val="${font.size}"/>` : '',
      font.color ? `<${p}color rgb="FF${font.color.replace('#', '').toUpperCase()}"/>` : '',
    ].join('');
    return this.append('fonts', `<${p}font>${ours}${kept.join('')}</${p}font>`);
  }

  /** The index of a cell format like `baseXf` with `change` applied (an existing identical one, or a new one). */
  derive(baseXf: number, change: StyleChange): number {
    const key = `${baseXf}\u0000${JSON.stringify(change)}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const xfs = this.container('cellXfs');
    const base = xfs.items[baseXf] ?? xfs.added[baseXf - xfs.items.length] ?? xfs.items[0] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = findTag(base, 'xf');
    if (!open) return baseXf;
    let attrs = open.attrs;
    if (change.numberFormat !== undefined) {
      const id = change.numberFormat === null ? 0 : this.numFmtId(change.numberFormat);
      attrs = setAttr(setAttr(attrs, 'numFmtId', String(id)), 'applyNumberFormat', '1');
    }
    if (change.fill !== undefined) {
      attrs = setAttr(setAttr(attrs, 'fillId', String(change.fill === null ? 0 : this.fillId(change.fill))), 'applyFill', '1');
    }
    if (change.font !== undefined) {
      const id = change.font === null ? 0 : this.fontId(change.font, Number(attr(attrs, 'fontId') ?? 0));
      attrs = setAttr(setAttr(attrs, 'fontId', String(id)), 'applyFont', '1');
    }
    let inner = children(base, open).map((c) => base.slice(c.tag.start, c.end));
    if (change.wrap !== undefined || change.top) {
      const alignment = inner.find((c) => findTag(c, 'alignment'));
      let aAttrs = alignment ? (findTag(alignment, 'alignment')?.attrs ?? '') : '';
      aAttrs = setAttr(aAttrs, 'wrapText', change.wrap ? '1' : undefined);
      if (change.top) aAttrs = setAttr(aAttrs, 'vertical', 'top');
      const a = `<${p}alignment${aAttrs.replace(/\s*\/?\s*$/, '')}/>`;
      // alignment comes first in CT_Xf, before protection and extLst.
      inner = alignment ? inner.map((c) => (c === alignment ? a : c)) : [a, ...inner];
      attrs = setAttr(attrs, 'applyAlignment', '1');
    }
    attrs = attrs.replace(/\s*\/?\s*$/, '');
    const xf = inner.length ? `<${open.qname}${attrs}>${inner.join('')}</${open.qname}>` : `<${open.qname}${attrs}/>`;
    // A format that is one of the file's own but for its apply* flags is that one (clearing our
    // cell gives the user's grid style back, not a near copy of it).
    const same = xfs.items.findIndex((x) => xfKey(x) === xfKey(xf));
    const id = same >= 0 ? same : this.append('cellXfs', xf);
    this.derived.set(key, id);
    return id;
  }

  changed(): boolean {
    return [...this.containers.values()].some((c) => c.added.length > 0);
  }

  toXml(): string {
    const splices: Splice[] = [];
    const p = this.prefix;
    for (const [name, c] of this.containers) {
      if (c.added.length === 0) continue;
      const count = c.items.length + c.added.length;
      if (c.tag) {
        const open = `<${c.tag.qname}${setAttr(c.tag.attrs, 'count', String(count)).replace(/\s*\/?\s*$/, '')}>`;
        if (c.tag.selfClosing) splices.push({ start: c.tag.start, end: c.tag.end, text: `${open}${c.added.join('')}</${c.tag.qname}>` });
        else {
          splices.push({ start: c.tag.start, end: c.tag.end, text: open });
          const close = this.xml.lastIndexOf('<', c.end - 1);
          splices.push({ start: close, end: close, text: c.added.join('') });
        }
      } else {
        // Insert before the next container in schema order that exists, else before </styleSheet>.
        const later = ORDER.slice(ORDER.indexOf(name) + 1)
          .map((n) => this.containers.get(n)?.tag)
          .find((t): t is Tag => t !== undefined);
        const at = later ? later.start : this.xml.lastIndexOf('<', elementEnd(this.xml, this.root) - 1);
        splices.push({ start: at, end: at, text: `<${p}${name} count="${count}">${c.added.join('')}</${p}${name}>` });
      }
    }
    return applySplices(this.xml, splices);
  }
}
