// Just enough XML for splicing: find tags by local name (any prefix, e.g. Open XML SDK's `x:`),
// read and set attributes, escape text. Nothing is re-serialised: edits are splices at the
// offsets found here, so every byte we do not mean to change stays as the user's file had it.

export interface Tag {
  /** Qualified name as written ("x:row"). */
  qname: string;
  /** Local name ("row"). */
  name: string;
  /** Prefix with its colon ("x:"), or "". */
  prefix: string;
  start: number;
  /** Offset just after the tag's ">". */
  end: number;
  /** Attribute text between the name and ">" or "/>". */
  attrs: string;
  selfClosing: boolean;
  closing: boolean;
}

/**
 * The next tag at or after `from`; comments, CDATA, processing instructions and DOCTYPE are
 * stepped over (a "<row" inside CDATA is text). Quoted attribute values may hold ">".
 */
export function nextTag(xml: string, from: number): Tag | undefined {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    if (xml.startsWith('<!--', i)) {
      const e = xml.indexOf('-->', i + 4);
      if (e < 0) return undefined;
      i = xml.indexOf('<', e + 3);
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      const e = xml.indexOf(']]>', i + 9);
      if (e < 0) return undefined;
      i = xml.indexOf('<', e + 3);
      continue;
    }
    if (xml[i + 1] === '?' || xml[i + 1] === '!') {
      const e = xml.indexOf('>', i + 2);
      if (e < 0) return undefined;
      i = xml.indexOf('<', e + 1);
      continue;
    }
    const closing = xml[i + 1] === '/';
    let j = i + (closing ? 2 : 1);
    const nameStart = j;
    // Name ends at whitespace, "/" or ">" (char codes: a regex per character is slow on big sheets).
    while (j < xml.length) {
      const c = xml.charCodeAt(j);
      if (c === 62 || c === 47 || c === 32 || c === 10 || c === 13 || c === 9) break;
      j++;
    }
    const qname = xml.slice(nameStart, j);
    const attrStart = j;
    let quote = 0;
    for (; j < xml.length; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    if (j >= xml.length) return undefined;
    const selfClosing = !closing && xml[j - 1] === '/';
    const colon = qname.indexOf(':');
    return {
      qname,
      name: colon >= 0 ? qname.slice(colon + 1) : qname,
      prefix: colon >= 0 ? qname.slice(0, colon + 1) : '',
      start: i,
      end: j + 1,
      attrs: xml.slice(attrStart, selfClosing ? j - 1 : j),
      selfClosing,
      closing,
    };
  }
  return undefined;
}

/** The first start tag with this local name at or after `from`. */
export function findTag(xml: string, name: string, from = 0, before = xml.length): Tag | undefined {
  for (let t = nextTag(xml, from); t && t.start < before; t = nextTag(xml, t.end)) {
    if (!t.closing && t.name === name) return t;
  }
  return undefined;
}

/** Offset just after the element that `open` starts (its end tag, or the tag itself when self-closing). */
export function elementEnd(xml: string, open: Tag): number {
  if (open.selfClosing) return open.end;
  let depth = 0;
  for (let t = nextTag(xml, open.end); t; t = nextTag(xml, t.end)) {
    if (t.qname !== open.qname) continue;
    if (t.closing) {
      if (depth === 0) return t.end;
      depth--;
    } else if (!t.selfClosing) depth++;
  }
  throw new Error(`unclosed <${open.qname}>`);
}

/** Offset of the element's end tag (or of its own end when self-closing). */
export function closeTagStart(xml: string, open: Tag, end: number): number {
  return open.selfClosing ? open.end : xml.lastIndexOf('<', end - 1);
}

/** The children of the element `open` (start tags one level down), in order. */
export function children(xml: string, open: Tag, end = elementEnd(xml, open)): { tag: Tag; end: number }[] {
  const out: { tag: Tag; end: number }[] = [];
  if (open.selfClosing) return out;
  let t = nextTag(xml, open.end);
  while (t && t.start < end) {
    if (t.closing) break;
    const e = elementEnd(xml, t);
    out.push({ tag: t, end: e });
    t = nextTag(xml, e);
  }
  return out;
}

const attrPatterns = new Map<string, RegExp>();

/** An attribute's decoded value by its (qualified) name, or undefined. */
export function attr(attrs: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, re);
  }
  const m = re.exec(attrs);
  if (!m) return undefined;
  return decodeXml(m[2] ?? m[3] ?? '');
}

/** The attribute text with `name` set to `value` (added at the end when absent) or removed (undefined). */
export function setAttr(attrs: string, name: string, value: string | undefined): string {
  const m = new RegExp(`(\\s+)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`).exec(attrs);
  if (m) {
    const rest = attrs.slice(m.index + m[0].length);
    return value === undefined ? attrs.slice(0, m.index) + rest : `${attrs.slice(0, m.index)}${m[1]}${name}="${escapeAttr(value)}"${rest}`;
  }
  return value === undefined ? attrs : `${attrs.replace(/\s*$/, '')} ${name}="${escapeAttr(value)}"`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? all;
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * Text for a SpreadsheetML string: a literal "_x0041_" is kept literal (its "_" written as
 * _x005F_), and characters XML 1.0 cannot hold are written as _xHHHH_, as Excel does.
 */
export function encodeOoxmlText(s: string): string {
  return escapeText(
    s
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

/** The reverse of encodeOoxmlText on already entity-decoded text. */
export function decodeOoxmlEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Splices applied in one pass; they must not overlap. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function applySplices(xml: string, splices: Splice[]): string {
  if (splices.length === 0) return xml;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new Error('overlapping edits');
    out.push(xml.slice(at, s.start), s.text);
    at = s.end;
  }
  out.push(xml.slice(at));
  return out.join('');
}

/** Resolves a relationship target against the folder of the part that owns it ("/xl/workbook.xml"). */
export function resolveTarget(ownerPart: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${ownerPart.slice(0, ownerPart.lastIndexOf('/') + 1)}${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relative target from one part to another ("xl/worksheets/sheet1.xml" → "../comments1.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}
