// A worksheet part, edited in place: only the cells we are asked to write are replaced or
// inserted (in row and column order); every other row, cell, attribute and byte is kept. Rows and
// cells without the optional `r` attribute count from the one before, as Excel reads them.
import { columnIndex, columnLetter, parseCell, type CellValue } from '../../core/index.js';
import type { StyleChange, Styles } from './styles.js';
import type { CellEdit, FormulaValue } from './types.js';
import { applySplices, attr, children, elementEnd, encodeOoxmlText, escapeText, findTag, nextTag, setAttr, type Splice, type Tag } from './xml.js';

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

interface CellLoc {
  column: number;
  tag: Tag;
  end: number;
  hasR: boolean;
}

interface RowLoc {
  index: number;
  tag: Tag;
  end: number;
  hasR: boolean;
}

/** What the sheet part says about a cell's current format when it has no cell element. */
function columnStyles(xml: string, root: Tag, data: Tag): { min: number; max: number; style: number }[] {
  // cols comes before sheetData: never scan the rows for it.
  const cols = findTag(xml, 'cols', root.end, data.start);
  if (!cols) return [];
  return children(xml, cols)
    .filter((c) => c.tag.name === 'col')
    .map((c) => ({ min: Number(attr(c.tag.attrs, 'min') ?? 0), max: Number(attr(c.tag.attrs, 'max') ?? 0), style: Number(attr(c.tag.attrs, 'style') ?? 0) }));
}

/** `<v>` and friends for a value; the `t` attribute it needs. */
function valueXml(p: string, value: CellValue | FormulaValue): { t?: string; inner: string } {
  if (value === null) return { inner: '' };
  if (typeof value === 'object') {
    const f = `<${p}f>${escapeText(value.formula)}</${p}f>`;
    const r = value.result;
    if (r === null) return { inner: f };
    if (typeof r === 'number') return { inner: `${f}<${p}v>${r}</${p}v>` };
    if (typeof r === 'boolean') return { t: 'b', inner: `${f}<${p}v>${r ? 1 : 0}</${p}v>` };
    return { t: 'str', inner: `${f}<${p}v>${encodeOoxmlText(r)}</${p}v>` };
  }
  if (typeof value === 'number') return Number.isFinite(value) ? { inner: `<${p}v>${value}</${p}v>` } : { inner: '' };
  if (typeof value === 'boolean') return { t: 'b', inner: `<${p}v>${value ? 1 : 0}</${p}v>` };
  // Inline strings leave sharedStrings.xml (and every index into it) untouched.
  return { t: 'inlineStr', inner: `<${p}is><${p}t xml:space="preserve">${encodeOoxmlText(value)}</${p}t></${p}is>` };
}

export function styleChangeOf(edit: CellEdit): StyleChange | undefined {
  const change: StyleChange = {};
  if (edit.numberFormat !== undefined) change.numberFormat = edit.numberFormat;
  if (edit.fill !== undefined) change.fill = edit.fill;
  if (edit.font !== undefined) change.font = edit.font;
  if (edit.wrap !== undefined) {
    change.wrap = edit.wrap;
    if (edit.wrap) change.top = true;
  }
  return Object.keys(change).length ? change : undefined;
}

/** One `<c>` element; `p` is the sheet's namespace prefix ("x:" in Open XML SDK files). */
export function cellXml(p: string, address: string, style: number, value: CellValue | FormulaValue): string {
  const { t, inner } = valueXml(p, value);
  const attrs = `r="${address}"${style ? ` s="${style}"` : ''}${t ? ` t="${t}"` : ''}`;
  return inner ? `<${p}c ${attrs}>${inner}</${p}c>` : `<${p}c ${attrs}/>`;
}

interface Parsed {
  rows: RowLoc[];
  data: Tag;
  dataEnd: number;
}

/**
 * Offset just after sheetData's end tag. It occurs once, so the last "</sheetData>" is it; found
 * without tokenizing every row (the tokenizer is the fallback).
 */
export function sheetDataEnd(xml: string, data: Tag): number {
  if (data.selfClosing) return data.end;
  const close = `</${data.qname}>`;
  const at = xml.lastIndexOf(close);
  return at >= data.end ? at + close.length : elementEnd(xml, data);
}

/** No comment or CDATA inside sheetData: an element then ends at the first end tag of its name. */
function isPlain(xml: string, data: Tag, dataEnd: number): boolean {
  const comment = xml.indexOf('<!--', data.end);
  const cdata = xml.indexOf('<![CDATA[', data.end);
  return (comment < 0 || comment > dataEnd) && (cdata < 0 || cdata > dataEnd);
}

function parseRows(xml: string, data: Tag, dataEnd: number, plain: boolean): RowLoc[] {
  const rows: RowLoc[] = [];
  if (data.selfClosing) return rows;
  let previous = 0;
  let t = nextTag(xml, data.end);
  while (t && t.start < dataEnd && !t.closing) {
    let end: number;
    if (t.selfClosing) end = t.end;
    else if (plain) {
      const close = xml.indexOf(`</${t.qname}>`, t.end);
      if (close < 0) throw new Error(`unclosed <${t.qname}>`);
      end = close + t.qname.length + 3;
    } else end = elementEnd(xml, t);
    if (t.name === 'row') {
      const r = attr(t.attrs, 'r');
      const index = r === undefined ? previous + 1 : Number(r);
      rows.push({ index, tag: t, end, hasR: r !== undefined });
      previous = index;
    }
    t = nextTag(xml, end);
  }
  return rows;
}

function parseCells(xml: string, row: RowLoc, plain: boolean): CellLoc[] {
  const out: CellLoc[] = [];
  let previous = 0;
  if (row.tag.selfClosing) return out;
  for (let tag = nextTag(xml, row.tag.end); tag && tag.start < row.end && !tag.closing; ) {
    // Without comments or CDATA, a cell ends at its first end tag (one tokenizer step per cell).
    let end: number;
    if (tag.selfClosing) end = tag.end;
    else if (plain) {
      const close = xml.indexOf(`</${tag.qname}>`, tag.end);
      end = close < 0 ? elementEnd(xml, tag) : close + tag.qname.length + 3;
    } else end = elementEnd(xml, tag);
    const next = nextTag(xml, end);
    if (tag.name !== 'c') {
      tag = next;
      continue;
    }
    const r = attr(tag.attrs, 'r');
    const column = r === undefined ? previous + 1 : columnOf(r);
    out.push({ column, tag, end, hasR: r !== undefined });
    previous = column;
    tag = next;
  }
  return out;
}

/** 1-based column of a cell reference ("J12", "$J$12"), read without regular expressions (once per cell). */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c >= 97 && c <= 122) n = n * 26 + c - 96;
    else if (ref[i] !== '$') break;
  }
  return n;
}

/** The sheet part with `edits` applied. Cell styles are derived through `styles`. */
export function patchSheet(xml: string, edits: CellEdit[], styles: Styles): string {
  if (edits.length === 0) return xml;
  const root = findTag(xml, 'worksheet');
  if (!root) throw new Error('not a worksheet part');
  const p = root.prefix;
  const data = findTag(xml, 'sheetData', root.end);
  if (!data) throw new Error('worksheet without sheetData');
  const dataEnd = sheetDataEnd(xml, data);
  const plain = isPlain(xml, data, dataEnd);
  const parsed: Parsed = { rows: parseRows(xml, data, dataEnd, plain), data, dataEnd };
  const cols = columnStyles(xml, root, data);
  const byRow = new Map<number, Map<number, CellEdit>>();
  for (const e of edits) {
    const { row, column } = parseCell(e.address);
    if (row < 1 || row > MAX_ROW || column < 0 || column >= MAX_COLUMN) throw new Error(`cell outside the sheet: ${e.address}`);
    const cells = byRow.get(row) ?? new Map<number, CellEdit>();
    cells.set(column + 1, { ...cells.get(column + 1), ...e });
    byRow.set(row, cells);
  }
  const splices: Splice[] = [];
  const rowIndex = new Map(parsed.rows.map((r, i) => [r.index, i]));
  const pending = new Map<number, string[]>(); // new rows, by the index of the row they go before (-1: at the end)

  const styleFor = (current: number, given: CellEdit): number => {
    let edit = given;
    const marked = (mark: string | undefined) => mark !== undefined && styles.numberFormatOf(current) === mark;
    if (edit.boldMark !== undefined || edit.dropBoldMark !== undefined) {
      // Our header's bold, set or taken back; the rest of the cell's font stays as it is.
      const { boldMark, dropBoldMark, ...rest } = edit;
      edit = rest;
      if (boldMark !== undefined && (marked(boldMark) || !styles.fontFlags(current).bold)) edit = { ...edit, numberFormat: boldMark, font: { bold: true } };
      if (dropBoldMark !== undefined && marked(dropBoldMark)) edit = { ...edit, font: { bold: false } };
    }
    const own = edit.fill === undefined && edit.dropFills?.includes(styles.fillOf(current) ?? '');
    const change = styleChangeOf(own ? { ...edit, fill: null } : edit);
    return change ? styles.derive(current, change) : current;
  };
  const inheritedStyle = (row: RowLoc | undefined, column: number): number => {
    if (row && attr(row.tag.attrs, 'customFormat') === '1' && attr(row.tag.attrs, 's') !== undefined) return Number(attr(row.tag.attrs, 's'));
    return cols.find((c) => c.min <= column && column <= c.max)?.style ?? 0;
  };

  for (const [r, cellEdits] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const at = rowIndex.get(r);
    const sortedEdits = [...cellEdits].sort((a, b) => a[0] - b[0]);
    if (at === undefined) {
      const xmlCells = sortedEdits.map(([c, e]) => cellXml(p, `${columnLetter(c - 1)}${r}`, styleFor(inheritedStyle(undefined, c), e), e.value ?? null));
      const next = parsed.rows.findIndex((row) => row.index > r);
      const list = pending.get(next) ?? [];
      list.push(`<${p}row r="${r}">${xmlCells.join('')}</${p}row>`);
      pending.set(next, list);
      // The row after it has an r or comes later than r anyway: an r-less row is the one after its
      // predecessor, so no row without r can follow the gap a new row fills.
      continue;
    }
    const row = parsed.rows[at];
    const cells = parseCells(xml, row, plain);
    const inserts = new Map<number, string[]>(); // by the index of the cell they go before (-1: at the end)
    for (const [c, e] of sortedEdits) {
      const address = `${columnLetter(c - 1)}${r}`;
      const i = cells.findIndex((cell) => cell.column === c);
      if (i >= 0) {
        const cell = cells[i];
        const current = Number(attr(cell.tag.attrs, 's') ?? 0);
        const style = styleFor(current, e);
        if (e.value === undefined) {
          // Only the format changes: the cell's own content stays as it is.
          if (style !== current) {
            const attrs = setAttr(setAttr(cell.tag.attrs, 's', style ? String(style) : undefined), 'r', address).replace(/\s*$/, '');
            splices.push({ start: cell.tag.start, end: cell.tag.end, text: `<${cell.tag.qname}${attrs}${cell.tag.selfClosing ? '/' : ''}>` });
          }
        } else splices.push({ start: cell.tag.start, end: cell.end, text: cellXml(p, address, style, e.value) });
        continue;
      }
      const next = cells.findIndex((cell) => cell.column > c);
      const list = inserts.get(next) ?? [];
      list.push(cellXml(p, address, styleFor(inheritedStyle(row, c), e), e.value ?? null));
      inserts.set(next, list);
    }
    const atEnd = inserts.get(-1);
    inserts.delete(-1);
    for (const [k, list] of inserts) splices.push({ start: cells[k].tag.start, end: cells[k].tag.start, text: list.join('') });
    if (atEnd) {
      if (row.tag.selfClosing) {
        const attrs = (row.hasR ? row.tag.attrs : setAttr(row.tag.attrs, 'r', String(r))).replace(/\s*$/, '');
        splices.push({ start: row.tag.start, end: row.tag.end, text: `<${row.tag.qname}${attrs}>${atEnd.join('')}</${row.tag.qname}>` });
      } else {
        const close = xml.lastIndexOf('<', row.end - 1);
        splices.push({ start: close, end: close, text: atEnd.join('') });
      }
    }
  }
  const atEnd = pending.get(-1);
  pending.delete(-1);
  for (const [i, list] of pending) splices.push({ start: parsed.rows[i].tag.start, end: parsed.rows[i].tag.start, text: list.join('') });
  if (atEnd) {
    if (data.selfClosing) splices.push({ start: data.start, end: data.end, text: `<${data.qname}${data.attrs.replace(/\s*$/, '')}>${atEnd.join('')}</${data.qname}>` });
    else {
      const close = xml.lastIndexOf('<', dataEnd - 1);
      splices.push({ start: close, end: close, text: atEnd.join('') });
    }
  }
  splices.push(...dimensionSplice(xml, root, data, edits));
  return applySplices(xml, splices);
}

/** The `dimension` widened to take in our cells (Excel reads it as a hint; others trust it). */
function dimensionSplice(xml: string, root: Tag, data: Tag, edits: CellEdit[]): Splice[] {
  const dim = findTag(xml, 'dimension', root.end, data.start);
  if (!dim) return [];
  const ref = attr(dim.attrs, 'ref');
  if (!ref) return [];
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (!m) return [];
  let top = Number(m[2]);
  let left = columnIndex(m[1]);
  let bottom = Number(m[4] ?? m[2]);
  let right = columnIndex(m[3] ?? m[1]);
  const empty = ref === 'A1' && !findTag(xml, 'c', data.end);
  let changed = false;
  for (const e of edits) {
    if (e.value === undefined || e.value === null) continue;
    const { row, column } = parseCell(e.address);
    if (empty) {
      top = bottom = row;
      left = right = column;
    }
    if (row < top || row > bottom || column < left || column > right) changed = true;
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, column);
    right = Math.max(right, column);
  }
  if (!changed) return [];
  const next = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
  return [{ start: dim.start, end: dim.end, text: `<${dim.qname}${setAttr(dim.attrs, 'ref', next).replace(/\s*$/, '')}${dim.selfClosing ? '/' : ''}>` }];
}
