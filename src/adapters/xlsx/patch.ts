// The package writer: the original .xlsx/.xlsm bytes and a WorkbookEdit in, new bytes out. Parts
// with nothing to change are copied byte for byte (raw compressed data); the parts we change —
// the edited sheets, styles.xml, the comments and VML beside them, workbook.xml and the
// relationships and content types of sheets we add — are spliced, never regenerated.
import { columnLetter } from '../../core/index.js';
import { patchComments, patchVml, emptyVml, vmlIdmaps, EMPTY_COMMENTS, type NoteEdit } from './notes.js';
import { cellXml, patchSheet, sheetDataEnd, styleChangeOf } from './sheet.js';
import { EMPTY_STYLES, Styles } from './styles.js';
import { CT_CUSTOM_PROPERTIES, customPropertiesOf, EMPTY_CUSTOM_PROPERTIES, patchCustomProperties, REL_CUSTOM_PROPERTIES, type PropertyEdit } from './customProperties.js';
import type { CellEdit, OwnSheet, PatchResult, SheetState, WorkbookEdit } from './types.js';
import { applySplices, attr, children, elementEnd, escapeAttr, findTag, nextTag, relativeTarget, relsPathOf, resolveTarget, setAttr, type Splice, type Tag } from './xml.js';
import { entryText, readZip, writeZip, type ZipArchive } from './zip.js';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_WORKSHEET = `${REL}/worksheet`;
const REL_STYLES = `${REL}/styles`;
const REL_COMMENTS = `${REL}/comments`;
const REL_VML = `${REL}/vmlDrawing`;
const REL_CALC_CHAIN = `${REL}/calcChain`;
const CT_WORKSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export class PackageError extends Error {}

interface Relationship {
  id: string;
  type: string;
  /** Resolved part name without the leading "/" ("xl/worksheets/sheet1.xml"); external targets as written. */
  part: string;
  external: boolean;
}

/** The package being edited: every changed part's text, written back once at the end. */
class Package {
  private readonly texts = new Map<string, string>(); // by lower-case name: current text of read or changed parts
  private readonly names = new Map<string, string>(); // lower-case → name as stored
  private readonly changed = new Set<string>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();

  constructor(readonly zip: ZipArchive) {
    for (const e of zip.entries) this.names.set(e.name.toLowerCase(), e.name);
  }

  has(part: string): boolean {
    return this.names.has(part.toLowerCase());
  }

  read(part: string): string | undefined {
    const key = part.toLowerCase();
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const entry = this.zip.byName.get(key);
    if (!entry) return undefined;
    const text = entryText(this.zip, entry);
    this.texts.set(key, text);
    return text;
  }

  write(part: string, text: string): void {
    const key = part.toLowerCase();
    if (!this.names.has(key)) {
      this.names.set(key, part);
      this.added.push(part);
    } else if (this.zip.byName.has(key)) this.changed.add(key);
    this.texts.set(key, text);
  }

  remove(part: string): void {
    const key = part.toLowerCase();
    this.removed.add(key);
    this.changed.delete(key);
    this.texts.delete(key);
  }

  /** A part name not yet taken, e.g. freeName("xl/worksheets/sheet", ".xml"). */
  freeName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  bytes(): Uint8Array {
    const replace = new Map<string, string>();
    for (const key of this.changed) replace.set(key, this.texts.get(key) as string);
    return writeZip(this.zip, { replace, add: this.added.map((name) => ({ name, data: this.texts.get(name.toLowerCase()) as string })), remove: this.removed });
  }
}

function readRels(pkg: Package, owner: string): Relationship[] {
  const xml = pkg.read(relsPathOf(owner));
  if (xml === undefined) return [];
  const root = findTag(xml, 'Relationships');
  if (!root) return [];
  return children(xml, root).map(({ tag }) => {
    const target = attr(tag.attrs, 'Target') ?? '';
    const external = attr(tag.attrs, 'TargetMode') === 'External';
    return { id: attr(tag.attrs, 'Id') ?? '', type: attr(tag.attrs, 'Type') ?? '', part: external ? target : resolveTarget(`/${owner}`, target), external };
  });
}

/** Adds a relationship to `owner`'s rels part (created when missing); returns its id. */
function addRel(pkg: Package, owner: string, type: string, targetPart: string): string {
  const path = relsPathOf(owner);
  const xml = pkg.read(path) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const used = new Set(readRels(pkg, owner).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = findTag(xml, 'Relationships');
  if (!root) throw new PackageError(`${path} is not a relationships part`);
  const rel = `<${root.prefix}Relationship Id="${id}" Type="${type}" Target="${escapeAttr(relativeTarget(owner, targetPart))}"/>`;
  pkg.write(path, insertAtEnd(xml, root, rel));
  return id;
}

/** `text` inserted as the last child of the element `open`. */
function insertAtEnd(xml: string, open: Tag, text: string): string {
  if (open.selfClosing) return applySplices(xml, [{ start: open.start, end: open.end, text: `<${open.qname}${open.attrs.replace(/\s*$/, '')}>${text}</${open.qname}>` }]);
  const end = elementEnd(xml, open);
  const close = xml.lastIndexOf('<', end - 1);
  return applySplices(xml, [{ start: close, end: close, text }]);
}

/** Takes a part out: the entry, the owner's relationship to it and its content type override. */
function removePart(pkg: Package, owner: string, part: string): void {
  pkg.remove(part);
  const relsPath = relsPathOf(owner);
  const rels = pkg.read(relsPath);
  if (rels !== undefined) {
    const target = part.toLowerCase();
    pkg.write(relsPath, rels.replace(/<(?:[\w.-]+:)?Relationship\b[^>]*\/>/g, (tag) => (resolveTarget(`/${owner}`, attr(tag, 'Target') ?? '').toLowerCase() === target && !/TargetMode="External"/.test(tag) ? '' : tag)));
  }
  const types = pkg.read('[Content_Types].xml');
  if (types !== undefined) {
    const name = `/${part}`.toLowerCase();
    pkg.write('[Content_Types].xml', types.replace(/<(?:[\w.-]+:)?Override\b[^>]*\/>/g, (tag) => ((attr(tag, 'PartName') ?? '').toLowerCase() === name ? '' : tag)));
  }
}

function addOverride(pkg: Package, part: string, contentType: string): void {
  const xml = pkg.read('[Content_Types].xml');
  if (xml === undefined) throw new PackageError('[Content_Types].xml is missing');
  const root = findTag(xml, 'Types');
  if (!root) throw new PackageError('[Content_Types].xml has no Types');
  const name = `/${part}`.toLowerCase();
  if (children(xml, root).some(({ tag }) => tag.name === 'Override' && (attr(tag.attrs, 'PartName') ?? '').toLowerCase() === name)) return;
  pkg.write('[Content_Types].xml', insertAtEnd(xml, root, `<${root.prefix}Override PartName="/${escapeAttr(part)}" ContentType="${contentType}"/>`));
}

function addDefault(pkg: Package, extension: string, contentType: string): void {
  const xml = pkg.read('[Content_Types].xml') ?? '';
  const root = findTag(xml, 'Types');
  if (!root) throw new PackageError('[Content_Types].xml has no Types');
  if (children(xml, root).some(({ tag }) => tag.name === 'Default' && (attr(tag.attrs, 'Extension') ?? '').toLowerCase() === extension)) return;
  const first = children(xml, root)[0];
  const text = `<${root.prefix}Default Extension="${extension}" ContentType="${contentType}"/>`;
  // Defaults first, as Excel writes them (the order does not matter to readers).
  pkg.write('[Content_Types].xml', first ? applySplices(xml, [{ start: first.tag.start, end: first.tag.start, text }]) : insertAtEnd(xml, root, text));
}

interface SheetEntry {
  name: string;
  part: string;
  /** The `<sheet>` tag in workbook.xml. */
  start: number;
  end: number;
  attrs: string;
  qname: string;
}

function sheetsOf(pkg: Package, workbookPart: string): SheetEntry[] {
  const xml = pkg.read(workbookPart) ?? '';
  const sheets = findTag(xml, 'sheets');
  if (!sheets) return [];
  const rels = readRels(pkg, workbookPart);
  return children(xml, sheets)
    .filter(({ tag }) => tag.name === 'sheet')
    .map(({ tag }) => {
      const rid = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag.attrs)?.[1] ?? '';
      const rel = rels.find((r) => r.id === rid);
      return { name: attr(tag.attrs, 'name') ?? '', part: rel && !rel.external ? rel.part : '', start: tag.start, end: tag.end, attrs: tag.attrs, qname: tag.qname };
    });
}

/** Where `<legacyDrawing>` goes in CT_Worksheet: before the first of these that the sheet has. */
const AFTER_LEGACY = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

/** Where the elements after sheetData start (the rows are not tokenized again). */
function afterSheetData(xml: string): number {
  const data = findTag(xml, 'sheetData');
  return data ? sheetDataEnd(xml, data) : 0;
}

function insertLegacyDrawing(xml: string, rid: string): string {
  const root = findTag(xml, 'worksheet');
  if (!root) return xml;
  const tail = afterSheetData(xml);
  let at = xml.lastIndexOf('<');
  // Children of worksheet only (depth 1); Excel wraps controls and OLE objects in mc:AlternateContent.
  let depth = 1;
  for (let t = nextTag(xml, tail); t && depth > 0; t = nextTag(xml, t.end)) {
    if (t.closing) {
      depth--;
      continue;
    }
    if (depth === 1 && (AFTER_LEGACY.includes(t.name) || t.name === 'AlternateContent')) {
      at = t.start;
      break;
    }
    if (!t.selfClosing) depth++;
  }
  return applySplices(xml, [{ start: at, end: at, text: `<${root.prefix}legacyDrawing xmlns:r="${REL}" r:id="${rid}"/>` }]);
}

function applyNotes(pkg: Package, sheetPart: string, sheetXml: string, notes: NoteEdit[], keptUserNotes: string[], sheetName: string): string {
  const rels = readRels(pkg, sheetPart);
  let commentsPart = rels.find((r) => r.type === REL_COMMENTS && !r.external)?.part;
  if (!commentsPart && notes.every((n) => n.text === null)) return sheetXml;
  let xml = sheetXml;
  let commentsXml = commentsPart ? pkg.read(commentsPart) : undefined;
  if (!commentsPart || commentsXml === undefined) {
    commentsPart = pkg.freeName('xl/comments', '.xml');
    commentsXml = EMPTY_COMMENTS;
    addRel(pkg, sheetPart, REL_COMMENTS, commentsPart);
    addOverride(pkg, commentsPart, CT_COMMENTS);
  }
  const result = patchComments(commentsXml, notes);
  keptUserNotes.push(...result.kept.map((a) => `${sheetName}!${a}`));
  if (result.added.length === 0 && result.removed.length === 0) return xml;
  pkg.write(commentsPart, result.xml);
  // The sheet's VML: the one its <legacyDrawing> names, else a new one.
  const legacy = findTag(xml, 'legacyDrawing', afterSheetData(xml));
  const rid = legacy ? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(legacy.attrs)?.[1] : undefined;
  let vmlPart = rid ? readRels(pkg, sheetPart).find((r) => r.id === rid && !r.external)?.part : undefined;
  let vml = vmlPart ? pkg.read(vmlPart) : undefined;
  if (!vmlPart || vml === undefined) {
    if (result.added.length === 0) return xml;
    // A block of shape ids no other VML part of the workbook claims.
    let block = 1;
    for (const e of pkg.zip.entries) if (/\.vml$/i.test(e.name)) block = Math.max(block, ...vmlIdmaps(pkg.read(e.name) ?? '').map((n) => n + 1));
    vmlPart = pkg.freeName('xl/drawings/vmlDrawing', '.vml');
    vml = emptyVml(block);
    addDefault(pkg, 'vml', CT_VML);
    const id = addRel(pkg, sheetPart, REL_VML, vmlPart);
    xml = insertLegacyDrawing(xml, id);
  }
  pkg.write(vmlPart, patchVml(vml, result.removed, result.added));
  return xml;
}

function cellsXml(cells: CellEdit[], styles: Styles): { rows: string; ref: string } {
  const byRow = new Map<number, { column: number; xml: string }[]>();
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  for (const c of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.address);
    if (!m) continue;
    const row = Number(m[2]);
    let column = 0;
    for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
    const change = styleChangeOf(c);
    const xml = cellXml('', c.address, change ? styles.derive(0, change) : 0, c.value ?? null);
    const list = byRow.get(row) ?? [];
    list.push({ column, xml });
    byRow.set(row, list);
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, column);
    right = Math.max(right, column);
  }
  const rows = [...byRow]
    .sort((a, b) => a[0] - b[0])
    .map(([r, list]) => `<row r="${r}">${list.sort((a, b) => a.column - b.column).map((c) => c.xml).join('')}</row>`)
    .join('');
  const ref = top === Infinity ? 'A1' : `${columnLetter(left - 1)}${top}:${columnLetter(right - 1)}${bottom}`;
  return { rows, ref };
}

/** The whole part of a sheet of ours. */
function ownSheetXml(sheet: OwnSheet, styles: Styles): string {
  const { rows, ref } = cellsXml(sheet.cells, styles);
  const widths = (sheet.columnWidths ?? [])
    .map((w, i) => (w === undefined ? '' : `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`))
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}">` +
    (sheet.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '') +
    `<dimension ref="${ref}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (widths ? `<cols>${widths}</cols>` : '') +
    `<sheetData>${rows}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (sheet.landscape ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '') +
    '</worksheet>'
  );
}

function stateAttrs(attrs: string, state: SheetState): string {
  return setAttr(attrs, 'state', state === 'visible' ? undefined : state);
}

/** The package's custom properties part, as its root relationship names it. */
function customPart(pkg: Package): string | undefined {
  const part = readRels(pkg, '').find((r) => r.type === REL_CUSTOM_PROPERTIES && !r.external)?.part;
  return part && pkg.has(part) ? part : undefined;
}

function applyProperties(pkg: Package, edit: PropertyEdit): void {
  let part = customPart(pkg);
  const xml = part ? pkg.read(part) : undefined;
  if (!part || xml === undefined) {
    if (edit.set.length === 0) return;
    // A new part: its relationship from the package and its content type, as Excel writes them.
    part = pkg.has('docProps/custom.xml') ? pkg.freeName('docProps/custom', '.xml') : 'docProps/custom.xml';
    addRel(pkg, '', REL_CUSTOM_PROPERTIES, part);
    addOverride(pkg, part, CT_CUSTOM_PROPERTIES);
    pkg.write(part, patchCustomProperties(EMPTY_CUSTOM_PROPERTIES, edit));
    return;
  }
  const next = patchCustomProperties(xml, edit);
  if (next !== xml) pkg.write(part, next);
}

/** The workbook's custom document properties as text, by name (empty when it has none). */
export function readCustomProperties(bytes: Uint8Array): Map<string, string> {
  const pkg = new Package(readZip(bytes));
  const part = customPart(pkg);
  const xml = part ? pkg.read(part) : undefined;
  return xml === undefined ? new Map() : customPropertiesOf(xml);
}

/** Applies `edit` to the package `bytes`. Throws PackageError when the package is not a workbook it can edit. */
export function patchWorkbook(bytes: Uint8Array, edit: WorkbookEdit): PatchResult {
  const pkg = new Package(readZip(bytes));
  const rootRels = readRels(pkg, '');
  const workbookPart = rootRels.find((r) => r.type.endsWith('/officeDocument') && !r.external)?.part;
  if (!workbookPart || !pkg.has(workbookPart)) throw new PackageError('the package names no workbook part');
  const sheets = sheetsOf(pkg, workbookPart);
  const wbRels = readRels(pkg, workbookPart);
  let stylesPart = wbRels.find((r) => r.type === REL_STYLES && !r.external)?.part;
  const stylesXml = stylesPart ? pkg.read(stylesPart) : undefined;
  const styles = new Styles(stylesXml ?? EMPTY_STYLES);
  const missingSheets: string[] = [];
  const keptUserNotes: string[] = [];
  const lockedOut: string[] = [];

  for (const s of edit.sheets) {
    const entry = sheets.find((x) => x.name === s.sheet);
    const text = entry?.part ? pkg.read(entry.part) : undefined;
    if (!entry || text === undefined) {
      missingSheets.push(s.sheet);
      continue;
    }
    let xml = patchSheet(text, s.cells, styles);
    const notes = s.cells.filter((c) => c.note !== undefined).map((c) => ({ address: c.address.toUpperCase(), text: c.note ?? null }));
    if (notes.length) xml = applyNotes(pkg, entry.part, xml, notes, keptUserNotes, s.sheet);
    if (xml !== text) pkg.write(entry.part, xml);
  }

  if (edit.ownSheets.length) {
    let wbXml = pkg.read(workbookPart) ?? '';
    const wbSplices: Splice[] = [];
    const appended: string[] = [];
    let nextId = Math.max(0, ...sheets.map((s) => Number(attr(s.attrs, 'sheetId') ?? 0)).filter(Number.isFinite)) + 1;
    const sheetsTag = findTag(wbXml, 'sheets');
    if (!sheetsTag) throw new PackageError('workbook.xml has no sheets');
    // A protected structure means no sheet may be added (Excel refuses it too); ours that exist are still refreshed.
    const protection = findTag(wbXml, 'workbookProtection');
    const locked = protection !== undefined && /^(1|true)$/.test(attr(protection.attrs, 'lockStructure') ?? '');
    const rewritten: string[] = [];
    for (const own of edit.ownSheets) {
      const entry = sheets.find((x) => x.name === own.name);
      if (!entry?.part && locked) {
        lockedOut.push(own.name);
        continue;
      }
      if (entry?.part) {
        pkg.write(entry.part, ownSheetXml(own, styles));
        rewritten.push(attr(entry.attrs, 'sheetId') ?? '');
        const attrs = stateAttrs(entry.attrs, own.state);
        if (attrs !== entry.attrs) wbSplices.push({ start: entry.start, end: entry.end, text: `<${entry.qname}${attrs.replace(/\s*$/, '')}/>` });
        continue;
      }
      const part = pkg.freeName('xl/worksheets/sheet', '.xml');
      pkg.write(part, ownSheetXml(own, styles));
      addOverride(pkg, part, CT_WORKSHEET);
      const rid = addRel(pkg, workbookPart, REL_WORKSHEET, part);
      const state = own.state === 'visible' ? '' : ` state="${own.state}"`;
      appended.push(`<${sheetsTag.prefix}sheet name="${escapeAttr(own.name)}" sheetId="${nextId++}"${state} xmlns:r="${REL}" r:id="${rid}"/>`);
    }
    if (appended.length) {
      const end = elementEnd(wbXml, sheetsTag);
      if (sheetsTag.selfClosing) wbSplices.push({ start: sheetsTag.start, end: sheetsTag.end, text: `<${sheetsTag.qname}>${appended.join('')}</${sheetsTag.qname}>` });
      else wbSplices.push({ start: xmlCloseStart(wbXml, end), end: xmlCloseStart(wbXml, end), text: appended.join('') });
    }
    if (wbSplices.length) {
      wbXml = applySplices(wbXml, wbSplices);
      pkg.write(workbookPart, wbXml);
    }
    // Excel's calculation chain may list formula cells of the sheets we rewrote (the report's
    // HYPERLINK cells, once Excel saved them); entries for cells without a formula make Excel
    // repair the file, so theirs go. Excel rebuilds the chain as it calculates.
    const chainPart = readRels(pkg, workbookPart).find((r) => r.type === REL_CALC_CHAIN && !r.external)?.part;
    const chain = chainPart ? pkg.read(chainPart) : undefined;
    if (chainPart && chain !== undefined && rewritten.length) {
      const next = withoutSheets(chain, new Set(rewritten));
      // A chain needs one entry at least: an empty one goes, with its relationship and content type.
      if (!/<(?:[\w.-]+:)?c\b/.test(next)) removePart(pkg, workbookPart, chainPart);
      else if (next !== chain) pkg.write(chainPart, next);
    }
  }

  if (edit.properties) applyProperties(pkg, edit.properties);

  if (styles.changed()) {
    if (!stylesPart) {
      stylesPart = resolveTarget(`/${workbookPart}`, 'styles.xml');
      addRel(pkg, workbookPart, REL_STYLES, stylesPart);
      addOverride(pkg, stylesPart, CT_STYLES);
    }
    pkg.write(stylesPart, styles.toXml());
  }
  return { bytes: pkg.bytes(), missingSheets, keptUserNotes, lockedOut };
}

/**
 * The calcChain part without the entries of the given sheets (by sheetId). An entry's i may be
 * left out, meaning the previous entry's sheet: the kept entries are given an explicit i where
 * the one they relied on is gone.
 */
export function withoutSheets(chain: string, sheetIds: Set<string>): string {
  const splices: Splice[] = [];
  let current = '';
  let written = '';
  for (const m of chain.matchAll(/<((?:[\w.-]+:)?)c\b([^>]*?)\/>/g)) {
    const i = attr(m[2], 'i');
    if (i !== undefined) current = i;
    const start = m.index ?? 0;
    if (sheetIds.has(current)) {
      splices.push({ start, end: start + m[0].length, text: '' });
      continue;
    }
    if (i === undefined && written !== current) splices.push({ start, end: start + m[0].length, text: `<${m[1]}c${setAttr(m[2], 'i', current).replace(/\s*$/, '')}/>` });
    written = current;
  }
  return applySplices(chain, splices);
}

function xmlCloseStart(xml: string, end: number): number {
  return xml.lastIndexOf('<', end - 1);
}

