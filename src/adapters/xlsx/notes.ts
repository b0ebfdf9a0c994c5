// Notes (legacy comments): the sheet's comments part holds the text, its VML drawing the boxes.
// Ours are added beside the user's, and only ours (text starting with the mark) are replaced or
// removed; the user's comments, their authors and shapes, and threaded comments stay verbatim.
import { columnLetter, parseCell, isOurNote } from '../../core/index.js';
import { applySplices, attr, children, decodeOoxmlEscapes, decodeXml, elementEnd, encodeOoxmlText, escapeText, findTag, nextTag, type Splice } from './xml.js';

export const NOTE_AUTHOR = '绩效目标表校验';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The plain text of a comment's `<text>`: its runs' or its bare `<t>`, phonetic runs left out. */
export function commentText(xml: string): string {
  let out = '';
  let skip = 0;
  for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) {
    if (t.name === 'rPh') {
      if (t.closing) skip--;
      else if (!t.selfClosing) skip++;
      continue;
    }
    if (t.name !== 't' || t.closing || t.selfClosing || skip > 0) continue;
    const close = xml.indexOf('</', t.end);
    let raw = xml.slice(t.end, close);
    const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw);
    raw = cdata ? cdata[1] : decodeXml(raw);
    out += decodeOoxmlEscapes(raw);
  }
  return out;
}

export interface NoteEdit {
  address: string;
  /** Our marked text, or null to remove our note. */
  text: string | null;
}

export interface CommentsResult {
  xml: string;
  /** Cells whose note of ours is gone: their VML boxes go too. */
  removed: string[];
  /** Cells that now carry a new note of ours. */
  added: string[];
  /** Cells left alone because the note there is the user's. */
  kept: string[];
}

export const EMPTY_COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors></authors><commentList></commentList></comments>`;

/** The comments part with our notes applied. */
export function patchComments(xml: string, edits: NoteEdit[]): CommentsResult {
  const root = findTag(xml, 'comments');
  if (!root) throw new Error('not a comments part');
  const p = root.prefix;
  const authors = findTag(xml, 'authors', root.end);
  const list = findTag(xml, 'commentList', root.end);
  if (!authors || !list) throw new Error('comments part without authors or commentList');
  const authorsEnd = elementEnd(xml, authors);
  const names = children(xml, authors, authorsEnd).map((c) => commentText(xml.slice(c.tag.start, c.end).replace(/<(\/?)((?:\w+:)?)author\b/g, '<$1$2t')));
  const existing = new Map<string, { start: number; end: number; ours: boolean }>();
  const listEnd = elementEnd(xml, list);
  for (const c of children(xml, list, listEnd)) {
    const ref = attr(c.tag.attrs, 'ref');
    if (!ref) continue;
    existing.set(ref.toUpperCase(), { start: c.tag.start, end: c.end, ours: isOurNote(commentText(xml.slice(c.tag.end, c.end))) });
  }
  const splices: Splice[] = [];
  const result: CommentsResult = { xml, removed: [], added: [], kept: [] };
  let authorId = names.indexOf(NOTE_AUTHOR);
  const added: string[] = [];
  for (const e of edits) {
    const key = e.address.toUpperCase();
    const old = existing.get(key);
    if (old && !old.ours) {
      if (e.text !== null) result.kept.push(key);
      continue;
    }
    if (old) {
      splices.push({ start: old.start, end: old.end, text: '' });
      result.removed.push(key);
    }
    if (e.text === null) continue;
    if (authorId < 0) {
      authorId = names.length;
      const a = `<${p}author>${escapeText(NOTE_AUTHOR)}</${p}author>`;
      if (authors.selfClosing) splices.push({ start: authors.start, end: authors.end, text: `<${authors.qname}>${a}</${authors.qname}>` });
      else splices.push({ start: authorsEnd - `</${authors.qname}>`.length, end: authorsEnd - `</${authors.qname}>`.length, text: a });
    }
    added.push(`<${p}comment ref="${key}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${encodeOoxmlText(e.text)}</${p}t></${p}r></${p}text></${p}comment>`);
    result.added.push(key);
  }
  if (added.length) {
    if (list.selfClosing) splices.push({ start: list.start, end: list.end, text: `<${list.qname}>${added.join('')}</${list.qname}>` });
    else {
      const close = listEnd - `</${list.qname}>`.length;
      splices.push({ start: close, end: close, text: added.join('') });
    }
  }
  result.xml = applySplices(xml, splices);
  return result;
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

export function emptyVml(idmap: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

/** The idmap blocks a VML part claims (shape ids are 1024 per block). */
export function vmlIdmaps(vml: string): number[] {
  const m = /<o:idmap\b[^>]*\bdata="([^"]*)"/.exec(vml);
  return m ? m[1].split(/[\s,]+/).filter(Boolean).map(Number).filter(Number.isFinite) : [];
}

function noteShape(id: number, row: number, column: number, z: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:110pt;z-index:${z};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${column + 1}, 15, ${row}, 2, ${column + 4}, 15, ${row + 6}, 16</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row}</x:Row><x:Column>${column}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * The VML part with the note boxes of `removed` cells taken out and boxes for `added` cells put
 * in. VML is not always well-formed XML (Excel writes `<br>`), so shapes are found as text.
 */
export function patchVml(vml: string, removed: string[], added: string[]): string {
  const gone = new Set(removed.map((a) => a.toUpperCase()));
  let out = vml;
  if (gone.size) {
    out = out.replace(/<v:shape\b(?:(?!<v:shape\b)[\s\S])*?<\/v:shape>/g, (shape) => {
      if (!/ObjectType\s*=\s*"Note"/.test(shape)) return shape;
      const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
      const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
      if (!r || !c) return shape;
      const key = `${columnLetter(Number(c[1]))}${Number(r[1]) + 1}`;
      return gone.has(key) ? '' : shape;
    });
  }
  if (added.length === 0) return out;
  if (!out.includes('id="_x0000_t202"')) out = out.replace(/<\/xml>\s*$/, `${SHAPETYPE}</xml>`);
  const block = vmlIdmaps(out)[0] ?? 1;
  let max = block * 1024;
  for (const m of out.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const shapes = added.map((a, i) => {
    const { row, column } = parseCell(a);
    return noteShape(max + 1 + i, row - 1, column, i + 1);
  });
  const end = out.lastIndexOf('</xml>');
  return end < 0 ? out + shapes.join('') : out.slice(0, end) + shapes.join('') + out.slice(end);
}
