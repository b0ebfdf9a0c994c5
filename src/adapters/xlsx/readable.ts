// A copy of a package that exceljs can read, for reading only (the written copy always patches the
// original bytes). Valid files from other tools trip exceljs, which finds parts by their usual
// names and forms: sheets not named xl/worksheets/sheetN.xml vanish, openpyxl's comments
// (xl/comments/comment1.xml), absolute relationship targets and charts make it throw, as do the
// Open XML SDK's "x:" prefixes and rows or cells without their optional "r". Here each is brought
// to the form Excel writes: parts renamed (relationships follow), prefixes dropped, r added,
// drawings read as empty (charts and pictures play no part in the check). Every cell is kept.
import { columnLetter } from '../../core/index.js';
import { relativeTarget, relsPathOf, resolveTarget } from './xml.js';
import { entryText, readZip, writeZip, type ZipArchive } from './zip.js';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const EMPTY_DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>';

export interface Readable {
  bytes: Uint8Array;
  /** What was unusual and rewritten for reading, in English (empty when the original is read as is). */
  unusual: string[];
}

/** SpreadsheetML elements written with a prefix ("<x:row>") as the default namespace. */
function unprefixed(xml: string): string {
  const m = /<([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\b[^>]*\sxmlns:\1="([^"]*)"/.exec(xml.slice(0, 4096));
  if (!m || m[2] !== MAIN_NS) return xml;
  const p = m[1];
  return xml.replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1').replace(new RegExp(`\\sxmlns:${p}="${MAIN_NS.replace(/[.]/g, '\\.')}"`), ` xmlns="${MAIN_NS}"`);
}

/** Every row and cell given its "r", counting as Excel does from the one before. */
function withRefs(xml: string): string {
  let row = 0;
  let column = 0;
  return xml.replace(/<(row|c)\b([^>]*?)(\/?)>/g, (all, name: string, attrs: string, close: string) => {
    const r = /\sr="([^"]*)"/.exec(attrs)?.[1];
    if (name === 'row') {
      row = r === undefined ? row + 1 : Number(r);
      column = 0;
      return r === undefined ? `<row r="${row}"${attrs}${close}>` : all;
    }
    if (r !== undefined) {
      let n = 0;
      for (const ch of (/^\$?([A-Za-z]+)/.exec(r)?.[1] ?? 'A').toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
      column = n;
      return all;
    }
    column += 1;
    return `<c r="${columnLetter(column - 1)}${row}"${attrs}${close}>`;
  });
}

const RELS = /(^|\/)_rels\/[^/]*\.rels$/i;
const REL_TAG = /<(?:[\w.-]+:)?Relationship\b[^>]*>/g;

/** "xl/_rels/workbook.xml.rels" → "xl/workbook.xml"; "_rels/.rels" → "" (the package). */
function ownerOf(relsPath: string): string {
  return relsPath.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');
}

function relTargets(xml: string, owner: string): { type: string; part: string }[] {
  return [...xml.matchAll(REL_TAG)]
    .filter((m) => !/TargetMode="External"/.test(m[0]))
    .map((m) => ({ type: /\sType="([^"]*)"/.exec(m[0])?.[1] ?? '', part: resolveTarget(`/${owner}`, /\sTarget="([^"]*)"/.exec(m[0])?.[1] ?? '') }));
}

// Where exceljs looks for each kind of part, and the name it wants.
const USUAL: { type: RegExp; usual: RegExp; stem: string; ext: string }[] = [
  { type: /\/worksheet$/, usual: /^xl\/worksheets\/sheet\d+\.xml$/i, stem: 'xl/worksheets/sheet', ext: '.xml' },
  { type: /\/comments$/, usual: /^xl\/comments\d+\.xml$/i, stem: 'xl/comments', ext: '.xml' },
  { type: /\/vmlDrawing$/, usual: /^xl\/drawings\/vmlDrawing\d+\.vml$/i, stem: 'xl/drawings/vmlDrawing', ext: '.vml' },
  { type: /\/table$/, usual: /^xl\/tables\/table\d+\.xml$/i, stem: 'xl/tables/table', ext: '.xml' },
];

/** The package as exceljs can read it. */
export function readableCopy(bytes: Uint8Array, zip: ZipArchive = readZip(bytes)): Readable {
  const unusual = new Set<string>();
  const taken = new Set(zip.entries.map((e) => e.name.toLowerCase()));
  const texts = new Map<string, string>();
  const read = (name: string): string | undefined => {
    const key = name.toLowerCase();
    if (!texts.has(key)) {
      const entry = zip.byName.get(key);
      if (!entry) return undefined;
      texts.set(key, entryText(zip, entry));
    }
    return texts.get(key);
  };
  // Parts to rename, found from the workbook down through each sheet's relationships.
  const rename = new Map<string, string>();
  const visit = (owner: string): void => {
    const xml = read(relsPathOf(owner));
    if (xml === undefined) return;
    for (const rel of relTargets(xml, owner)) {
      const kind = USUAL.find((u) => u.type.test(rel.type));
      if (!kind || rename.has(rel.part.toLowerCase()) || !zip.byName.has(rel.part.toLowerCase())) continue;
      if (!kind.usual.test(rel.part)) {
        let n = 1;
        while (taken.has(`${kind.stem}${n}${kind.ext}`.toLowerCase())) n++;
        const next = `${kind.stem}${n}${kind.ext}`;
        taken.add(next.toLowerCase());
        rename.set(rel.part.toLowerCase(), next);
        unusual.add(`part names other than Excel's (${rel.part})`);
      }
      if (/\/worksheet$/.test(rel.type)) visit(rel.part);
    }
  };
  const root = read('_rels/.rels') ?? '';
  const workbook = relTargets(root, '').find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  visit(workbook);

  const replace = new Map<string, string>();
  const add: { name: string; data: string | Uint8Array }[] = [];
  const newName = (part: string): string => rename.get(part.toLowerCase()) ?? part;
  for (const e of zip.entries) {
    const key = e.name.toLowerCase();
    let text: string | undefined;
    let target = e.name;
    if (RELS.test(e.name)) {
      const owner = ownerOf(e.name);
      const renamedOwner = newName(owner);
      if (renamedOwner !== owner) target = relsPathOf(renamedOwner);
      const xml = read(e.name) ?? '';
      text = xml.replace(REL_TAG, (tag) => {
        if (/TargetMode="External"/.test(tag)) return tag;
        const m = /(\sTarget=")([^"]*)(")/.exec(tag);
        if (!m) return tag;
        const part = resolveTarget(`/${owner}`, m[2]);
        const moved = newName(part);
        if (!m[2].startsWith('/') && moved === part && renamedOwner === owner) return tag;
        if (m[2].startsWith('/')) unusual.add('absolute relationship targets');
        return tag.replace(m[0], `${m[1]}${relativeTarget(renamedOwner, moved)}${m[3]}`);
      });
    } else if (/^xl\/drawings\/[^/]+\.xml$/i.test(e.name)) {
      text = EMPTY_DRAWING;
    } else if (/\.xml$/i.test(e.name) && (rename.has(key) || /^xl\/(worksheets\/[^/]+|workbook|styles|sharedStrings|comments\d*)\.xml$/i.test(e.name))) {
      const xml = read(e.name) ?? '';
      text = unprefixed(xml);
      if (text !== xml) unusual.add('prefixed SpreadsheetML elements (x:)');
      // Only when some row or cell lacks its r (one scan; rewriting every row is costly on big sheets).
      if (/<(?:[\w.-]+:)?worksheet\b/.test(text.slice(0, 4096)) && /<(?:row|c)\b(?![^>]*\sr=)[^>]*>/.test(text)) {
        const refs = withRefs(text);
        if (refs !== text) unusual.add('rows or cells without an r attribute');
        text = refs;
      }
    }
    if (rename.has(key)) target = newName(e.name);
    // A renamed part goes in under its new name; the old entry stays, unread by exceljs.
    if (target !== e.name) add.push({ name: target, data: text ?? read(e.name) ?? '' });
    else if (text !== undefined && text !== read(e.name)) replace.set(key, text);
  }
  if (replace.size === 0 && add.length === 0) return { bytes, unusual: [] };
  return { bytes: writeZip(zip, { replace, add }), unusual: [...unusual] };
}

/** The application that wrote the package, as docProps/app.xml names it ("Microsoft Excel", "openpyxl"). */
export function producerOf(bytes: Uint8Array): string | undefined {
  try {
    const zip = readZip(bytes);
    const app = zip.byName.get('docprops/app.xml');
    if (!app) return undefined;
    return /<(?:\w+:)?Application>([^<]*)<\/(?:\w+:)?Application>/.exec(entryText(zip, app))?.[1]?.trim() || undefined;
  } catch {
    return undefined;
  }
}
