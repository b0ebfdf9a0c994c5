// The pieces of the package writer on hand-written XML: only our cells change, in row and column
// order, with rows and cells lacking r, prefixes, CDATA and self-closing elements; styles are only
// appended; notes and VML parts are created when missing and edited beside the user's.
import { unzipSync } from 'fflate';
import { patchComments, patchVml, commentText } from '../../src/adapters/xlsx/notes.js';
import { patchWorkbook } from '../../src/adapters/xlsx/index.js';
import { patchSheet } from '../../src/adapters/xlsx/sheet.js';
import { Styles, EMPTY_STYLES } from '../../src/adapters/xlsx/styles.js';
import { encodeOoxmlText, nextTag } from '../../src/adapters/xlsx/xml.js';
import { NOTE_MARK } from '../../src/core/index.js';
import { STYLES_XML, zipParts } from '../helpers/package.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (data: string, after = '') => `<worksheet xmlns="${MAIN}"><dimension ref="A1:C3"/><sheetData>${data}</sheetData>${after}</worksheet>`;

describe('patchSheet', () => {
  test('a cell is inserted in column order inside an existing row; the row and the other cells stay verbatim', () => {
    const xml = sheet('<row r="2" spans="1:3" ht="20"><c r="A2" s="1"><v>1</v></c><c r="C2" s="1" t="s"><v>0</v></c></row>');
    const out = patchSheet(xml, [{ address: 'B2', value: 5, numberFormat: '0.00;-0.00;0.00' }], new Styles(STYLES_XML));
    expect(out).toBe(sheet('<row r="2" spans="1:3" ht="20"><c r="A2" s="1"><v>1</v></c><c r="B2" s="4"><v>5</v></c><c r="C2" s="1" t="s"><v>0</v></c></row>'));
  });

  test('a new row goes between the rows around it; a self-closing row and sheetData are opened', () => {
    const styles = new Styles(STYLES_XML);
    expect(patchSheet(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="5"/>'), [{ address: 'B3', value: 'x' }, { address: 'A5', value: 2 }], styles)).toBe(
      sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="B3" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row><row r="5"><c r="A5"><v>2</v></c></row>').replace('A1:C3', 'A1:C5'),
    );
    expect(patchSheet(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`, [{ address: 'A1', value: 1 }], styles)).toBe(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
  });

  test('rows and cells without r: positions counted as Excel does, the r-less elements left as they are', () => {
    const xml = sheet('<row><c><v>1</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row><row r="5"/>');
    // B1 is the second r-less cell of row 1, A2 the first of the second r-less row: both replaced in place;
    // C2 goes after A2, and row 4 between row 2 and row 5.
    const out = patchSheet(xml, [{ address: 'B1', value: 9 }, { address: 'A2', value: 7 }, { address: 'C2', value: 8 }, { address: 'A4', value: 6 }], new Styles(STYLES_XML));
    expect(out).toBe(
      sheet('<row><c><v>1</v></c><c r="B1"><v>9</v></c></row><row><c r="A2"><v>7</v></c><c r="C2"><v>8</v></c></row><row r="4"><c r="A4"><v>6</v></c></row><row r="5"/>').replace('A1:C3', 'A1:C4'),
    );
  });

  test('an x: prefixed sheet gets x: prefixed cells; CDATA holding "<row" is text, not a row', () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t><![CDATA[<row r="9"><c r="B9"/></row>]]></x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const out = patchSheet(xml, [{ address: 'B1', value: 1 }], new Styles(STYLES_XML));
    expect(out).toBe(xml.replace('</x:c></x:row>', '</x:c><x:c r="B1"><x:v>1</x:v></x:c></x:row>'));
  });

  test('a format-only edit keeps the cell\'s content and changes only its s; the dimension grows to take our cells', () => {
    const styles = new Styles(STYLES_XML);
    const out = patchSheet(sheet('<row r="1"><c r="A1" s="1" t="s"><v>3</v></c></row>'), [{ address: 'A1', fill: '#FDE7E9' }, { address: 'E4', value: 1 }], styles);
    expect(out).toContain('<c r="A1" s="4" t="s"><v>3</v></c>');
    expect(out).toContain('<dimension ref="A1:E4"/>');
  });

  test('text is encoded as Excel does: a literal _x0041_ stays literal, control characters as _xHHHH_', () => {
    expect(encodeOoxmlText('_x0041_ a\u0001b <&>')).toBe('_x005F_x0041_ a_x0001_b &lt;&amp;&gt;');
    expect(commentText('<text><t>_x005F_x0041_ &amp; _x000D_</t><rPh><t>ふり</t></rPh></text>')).toBe('_x0041_ & \r');
  });
});

describe('Styles', () => {
  test('a derived xf clones the cell\'s own (border, alignment kept), is appended, reused, and counts are updated', () => {
    const styles = new Styles(STYLES_XML);
    const a = styles.derive(1, { numberFormat: '0.00;-0.00;0.00', fill: '#FDE7E9' });
    const b = styles.derive(1, { numberFormat: '0.00;-0.00;0.00', fill: '#FDE7E9' });
    expect(a).toBe(4);
    expect(b).toBe(4);
    // Back to General and no fill from the clone gives the original xf again: nothing new is added.
    expect(styles.derive(a, { numberFormat: null, fill: null })).toBe(1);
    const xml = styles.toXml();
    expect(xml.startsWith(STYLES_XML.slice(0, STYLES_XML.indexOf('<numFmts')))).toBe(true);
    expect(xml).toContain('<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="165" formatCode="0.00;-0.00;0.00"/></numFmts>');
    expect(xml).toContain('<fills count="4">');
    expect(xml).toContain('<cellXfs count="5">');
    expect(xml).toContain('<xf numFmtId="165" fontId="0" fillId="3" borderId="1" xfId="0" applyBorder="1" applyNumberFormat="1" applyFill="1"><alignment vertical="center" wrapText="1"/></xf></cellXfs>');
    // Every original xf is still there, in its place.
    const original = STYLES_XML.slice(STYLES_XML.indexOf('<cellXfs count="4">') + '<cellXfs count="4">'.length, STYLES_XML.indexOf('</cellXfs>'));
    expect(xml).toContain(original);
  });

  test('a styles part without numFmts gets one in schema order', () => {
    const styles = new Styles(EMPTY_STYLES);
    styles.derive(0, { numberFormat: ';;;@' });
    expect(styles.toXml()).toMatch(/<styleSheet[^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode=";;;@"\/><\/numFmts><fonts/);
  });
});

describe('notes', () => {
  const comments = `<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList><comment ref="B2" authorId="0"><text><t>用户的</t></text></comment><comment ref="C3" authorId="1"><text><r><t>${NOTE_MARK}\n旧的</t></r></text></comment></commentList></comments>`;

  test('ours replaced or removed, the user\'s kept and never written over', () => {
    const r = patchComments(comments, [
      { address: 'C3', text: `${NOTE_MARK}\n新的` },
      { address: 'B2', text: `${NOTE_MARK}\n不该写` },
      { address: 'D4', text: null },
    ]);
    expect(r.kept).toEqual(['B2']);
    expect(r.removed).toEqual(['C3']);
    expect(r.added).toEqual(['C3']);
    expect(r.xml).toContain('<comment ref="B2" authorId="0"><text><t>用户的</t></text></comment>');
    expect(r.xml).not.toContain('旧的');
    expect(r.xml).toContain('<author>张三</author><author>绩效目标表校验</author>');
    expect(r.xml).toContain(`<comment ref="C3" authorId="1"><text><r><t xml:space="preserve">${NOTE_MARK}\n新的</t></r></text></comment>`);
  });

  test('VML: the boxes of removed notes go, the user\'s stay byte for byte (Excel\'s unclosed <br> too), ours are added', () => {
    const user = '<v:shape id="_x0000_s1025" type="#_x0000_t202"><v:textbox><div>a<br>b</div></v:textbox><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape>';
    const ours = '<v:shape id="_x0000_s1026" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>2</x:Row><x:Column>2</x:Column></x:ClientData></v:shape>';
    const vml = `<xml xmlns:v="urn:schemas-microsoft-com:vml"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${user}${ours}</xml>`;
    const out = patchVml(vml, ['C3'], ['D4']);
    expect(out).toContain(user);
    expect(out).not.toContain(ours);
    expect(out).not.toMatch(/<x:Row>2<\/x:Row><x:Column>2<\/x:Column>/);
    expect(out).toMatch(/<v:shape id="_x0000_s1026"[\s\S]*<x:Row>3<\/x:Row><x:Column>3<\/x:Column>/);
    expect(out).toContain('<v:shapetype id="_x0000_t202"');
  });

  test('a sheet with no comments, VML or styles part: all are created with their relationships and content types', () => {
    const parts = {
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
      'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
      'xl/worksheets/sheet1.xml': sheet('<row r="1"><c r="A1"><v>1</v></c></row>', '<tableParts count="0"/>'),
    };
    const { bytes } = patchWorkbook(zipParts(parts), {
      sheets: [{ sheet: '表', cells: [{ address: 'B1', value: 1, numberFormat: '0.00;-0.00;0.00', note: `${NOTE_MARK}\n说明` }] }],
      ownSheets: [{ name: '_jixiao_accepted', state: 'veryHidden', cells: [{ address: 'A1', value: 'rule' }] }],
    });
    const out = unzipSync(bytes);
    const t = (n: string) => new TextDecoder().decode(out[n]);
    expect(Object.keys(out).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'],
    );
    // legacyDrawing goes before tableParts, as CT_Worksheet orders them.
    expect(t('xl/worksheets/sheet1.xml')).toMatch(/<legacyDrawing xmlns:r="[^"]+" r:id="rId2"\/><tableParts count="0"\/><\/worksheet>$/);
    expect(t('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../comments1.xml"');
    expect(t('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/vmlDrawing1.vml"');
    expect(t('[Content_Types].xml')).toContain('<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
    expect(t('[Content_Types].xml')).toContain('<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>');
    expect(t('[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml"');
    expect(t('xl/workbook.xml')).toContain('<sheet name="_jixiao_accepted" sheetId="2" state="veryHidden"');
    expect(t('xl/_rels/workbook.xml.rels')).toContain('Target="styles.xml"');
  });
});

test('the tokenizer steps over comments, CDATA and processing instructions, and reads quoted ">"', () => {
  const xml = '<?xml version="1.0"?><!-- <row> --><a b="x>y"><![CDATA[<c>]]><d/></a>';
  const names: string[] = [];
  for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) names.push(`${t.closing ? '/' : ''}${t.qname}${t.selfClosing ? '/' : ''}`);
  expect(names).toEqual(['a', 'd/', '/a']);
});
