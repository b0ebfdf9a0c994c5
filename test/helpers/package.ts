// Workbooks written part by part, as Excel writes them, holding the parts exceljs does not keep:
// a chart and its drawing, a chartsheet tab, a pivot table with its cache, an external link,
// custom XML, custom properties, printer settings, a threaded comment,
// notes stored as plain <t>, defined names with localSheetId/hidden/comment, a sheet part named
// data.xml, a literal "_x0041_" text, and (for .xlsm) a VBA project. Zipped with fflate, not
// with the code under test.
import { zipSync, strToU8 } from 'fflate';
import ExcelJS from 'exceljs';
import { entryText, patchWorkbook, readZip, type WorkbookEdit } from '../../src/adapters/xlsx/index.js';
import { validRows, LABELS, type Column, type RowSpec } from './workbooks.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

const COLUMNS: Column[] = ['l1', 'weight', 'l2', 'name', 'type', 'value', 'unit', 'content', 'remark'];
const LETTERS = 'ABCDEFGHIJ';

/** Styles: 0 default, 1 the bordered grid (user cells and the blank column J), 2 the filled header, 3 weights "0.0". */
export const STYLES_XML =
  HEAD +
  `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font><font><b/><sz val="11"/><name val="等线"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color indexed="64"/></left><right style="thin"><color indexed="64"/></right><top style="thin"><color indexed="64"/></top><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The table's rows: the valid table with two 定量 values that are not numbers (rows 5 and 9: errors). */
export function tableRows(): RowSpec[] {
  const rows = validRows();
  rows[3] = { ...rows[3], value: '若干' };
  rows[7] = { ...rows[7], value: '较高', remark: '_x0041_ 字面文本' };
  return rows;
}

export interface RichOptions {
  macro?: boolean;
  /** Namespace prefix for the table sheet's SpreadsheetML elements ("x:" as the Open XML SDK writes). */
  prefix?: string;
}

export interface RichWorkbook {
  bytes: Uint8Array;
  parts: Record<string, string | Uint8Array>;
}

/** The table sheet, shared strings and everything around them. */
export function richWorkbook(options: RichOptions = {}): RichWorkbook {
  const strings: string[] = [];
  const sst = (s: string): number => {
    const i = strings.indexOf(s);
    if (i >= 0) return i;
    strings.push(s);
    return strings.length - 1;
  };
  const p = options.prefix ?? '';
  const cell = (ref: string, style: number, v: unknown): string => {
    if (v === undefined || v === null || v === '') return `<${p}c r="${ref}" s="${style}"/>`;
    if (typeof v === 'number') return `<${p}c r="${ref}" s="${style}"><${p}v>${v}</${p}v></${p}c>`;
    return `<${p}c r="${ref}" s="${style}" t="s"><${p}v>${sst(String(v))}</${p}v></${p}c>`;
  };
  const rows = tableRows();
  const header = COLUMNS.map((c, i) => cell(`${LETTERS[i]}1`, 2, LABELS[c])).join('') + `<${p}c r="J1" s="2"/>`;
  const body = rows
    .map((r, i) => {
      const n = i + 2;
      const cells = COLUMNS.map((c, j) => cell(`${LETTERS[j]}${n}`, c === 'weight' ? 3 : 1, r[c])).join('');
      // The bordered grid also covers the blank column J: the same style index as the user's cells.
      return `<${p}row r="${n}" spans="1:10" ht="28.5" customHeight="1" x14ac:dyDescent="0.2">${cells}<${p}c r="J${n}" s="1"/></${p}row>`;
    })
    .join('');
  const sheet1 =
    HEAD +
    `<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
    `<${p}sheetPr><${p}pageSetUpPr fitToPage="1"/></${p}sheetPr><${p}dimension ref="A1:J11"/>` +
    `<${p}sheetViews><${p}sheetView tabSelected="1" workbookViewId="0"><${p}selection activeCell="B2" sqref="B2"/></${p}sheetView></${p}sheetViews>` +
    `<${p}sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><${p}cols><${p}col min="1" max="1" width="14" customWidth="1"/><${p}col min="4" max="4" width="24" customWidth="1"/></${p}cols>` +
    `<${p}sheetData><${p}row r="1" spans="1:10" x14ac:dyDescent="0.2">${header}</${p}row>${body}</${p}sheetData>` +
    `<${p}dataValidations count="1"><${p}dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="E2:E11"><${p}formula1>"定量,定性"</${p}formula1></${p}dataValidation></${p}dataValidations>` +
    `<${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><${p}pageSetup paperSize="9" orientation="landscape" r:id="rId4"/>` +
    `<${p}drawing r:id="rId1"/><${p}legacyDrawing r:id="rId3"/>` +
    `<${p}extLst><${p}ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>数据!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>G2:G11</xm:sqref></x14:dataValidation></x14:dataValidations></${p}ext></${p}extLst>` +
    `</${p}worksheet>`;
  const data =
    HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:B2"/><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>${sst('定量')}</v></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>${sst('定性')}</v></c><c r="B2"><v>2</v></c></row>` +
    '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  const sharedStrings =
    HEAD +
    `<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">` +
    strings.map((s) => `<si><t>${esc(s.replace(/_x0041_/g, '_x005F_x0041_'))}</t></si>`).join('') +
    '</sst>';
  const macro = options.macro === true;
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'}"/>` +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
      '<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>' +
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
      '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' +
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>' +
      '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>' +
      '<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>' +
      '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>' +
      (macro ? '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    '_rels/.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId4" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`,
    'docProps/core.xml':
      HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>张三</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created></cp:coreProperties>',
    'docProps/app.xml':
      HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>整体支出绩效目标表</vt:lpstr><vt:lpstr>数据</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
    'docProps/custom.xml':
      HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_0a1b2c3d_Enabled"><vt:lpwstr>true</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="审核状态"><vt:lpwstr>待审</vt:lpwstr></property></Properties>',
    'customXml/item1.xml': HEAD + '<budget xmlns="urn:example:budget"><unit>宁县总工会</unit><year>2026</year></budget>',
    'customXml/itemProps1.xml':
      HEAD + '<ds:datastoreItem ds:itemID="{6A1E2F3B-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
    'customXml/_rels/item1.xml.rels':
      HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
    'xl/workbook.xml':
      HEAD +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"${macro ? ' codeName="ThisWorkbook"' : ''}/>` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
      '<sheets><sheet name="整体支出绩效目标表" sheetId="1" r:id="rId1"/><sheet name="数据" sheetId="3" r:id="rId2"/><sheet name="图表1" sheetId="4" r:id="rId9"/></sheets>' +
      '<externalReferences><externalReference r:id="rId10"/></externalReferences>' +
      "<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">整体支出绩效目标表!$A$1:$I$11</definedName><definedName name=\"达标线\" comment=\"用户的说明\" hidden=\"1\">0.95</definedName></definedNames>" +
      '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="7" r:id="rId8"/></pivotCaches></workbook>',
    'xl/_rels/workbook.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/data.xml"/>` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>` +
      `<Relationship Id="rId6" Type="${REL}/customXml" Target="../customXml/item1.xml"/>` +
      `<Relationship Id="rId8" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
      `<Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
      `<Relationship Id="rId10" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>` +
      (macro ? '<Relationship Id="rId7" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>' : '') +
      '</Relationships>',
    'xl/styles.xml': STYLES_XML,
    'xl/sharedStrings.xml': sharedStrings,
    'xl/worksheets/sheet1.xml': sheet1,
    'xl/worksheets/data.xml': data,
    'xl/worksheets/_rels/sheet1.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId4" Type="${REL}/printerSettings" Target="../printerSettings/printerSettings1.bin"/>` +
      `<Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`,
    // Notes as openpyxl writes them (a bare <t>), one on J5 where the 得分 column will go, and Excel's fallback for a threaded comment.
    'xl/comments1.xml':
      HEAD +
      `<comments xmlns="${MAIN}"><authors><author>张三</author><author>tc={4B5A7E1C-0000-4000-8000-000000000001}</author></authors><commentList>` +
      '<comment ref="B2" authorId="0"><text><t>权重依据 2025 年文件</t></text></comment>' +
      '<comment ref="J5" authorId="0"><text><t xml:space="preserve">待定：请与财务核对 </t></text></comment>' +
      '<comment ref="C3" authorId="1" shapeId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel.\n\nComment:\n    请核实财会管理口径</t></text></comment>' +
      '</commentList></comments>',
    'xl/drawings/vmlDrawing1.vml':
      '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="1"/>\r\n </o:shapelayout>' +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
      [
        [1, 1, 1025],
        [4, 9, 1026],
        [2, 2, 1027],
      ]
        .map(
          ([r, c, id]) =>
            `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style='position:absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:59.25pt;z-index:${id - 1024};visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">\r\n  <v:fill color2="#ffffe1"/>\r\n  <v:shadow color="black" obscured="t"/>\r\n  <v:path o:connecttype="none"/>\r\n  <v:textbox style='mso-direction-alt:auto'>\r\n   <div style='text-align:left'></div>\r\n  </v:textbox>\r\n  <x:ClientData ObjectType="Note">\r\n   <x:MoveWithCells/>\r\n   <x:SizeWithCells/>\r\n   <x:AutoFill>False</x:AutoFill>\r\n   <x:Row>${r}</x:Row>\r\n   <x:Column>${c}</x:Column>\r\n  </x:ClientData>\r\n </v:shape>`,
        )
        .join('') +
      '</xml>',
    'xl/threadedComments/threadedComment1.xml':
      HEAD +
      `<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="C3" dT="2026-01-05T10:00:00.00" personId="{7E0C2F55-0000-4000-8000-000000000001}" id="{4B5A7E1C-0000-4000-8000-000000000001}"><text>请核实财会管理口径</text></threadedComment></ThreadedComments>`,
    'xl/persons/person.xml':
      HEAD +
      `<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="李四" id="{7E0C2F55-0000-4000-8000-000000000001}" userId="li.si@example.cn" providerId="AD"/></personList>`,
    'xl/drawings/drawing1.xml':
      HEAD +
      `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels':
      HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    'xl/charts/chart1.xml':
      HEAD +
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>数据!$B$1:$B$2</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
    'xl/chartsheets/sheet1.xml':
      HEAD +
      `<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
    'xl/chartsheets/_rels/sheet1.xml.rels': HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing2.xml"/></Relationships>`,
    'xl/drawings/drawing2.xml':
      HEAD +
      `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9309100" cy="6072188"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 2"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing2.xml.rels': HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    'xl/pivotCache/pivotCacheDefinition1.xml':
      HEAD +
      `<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshedBy="张三" refreshedDate="46000.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="2"><cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="数据"/></cacheSource><cacheFields count="2"><cacheField name="类型" numFmtId="0"><sharedItems count="2"><s v="定量"/><s v="定性"/></sharedItems></cacheField><cacheField name="值" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField></cacheFields></pivotCacheDefinition>`,
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels': HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
    'xl/pivotCache/pivotCacheRecords1.xml': HEAD + `<pivotCacheRecords xmlns="${MAIN}" count="2"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r></pivotCacheRecords>`,
    'xl/pivotTables/pivotTable1.xml':
      HEAD +
      `<pivotTableDefinition xmlns="${MAIN}" name="数据透视表1" cacheId="7" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="值" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="D1:E4" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="求和项:值" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    'xl/pivotTables/_rels/pivotTable1.xml.rels': HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    'xl/worksheets/_rels/data.xml.rels': HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
    'xl/externalLinks/externalLink1.xml':
      HEAD +
      `<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="预算"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>142.82</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
    'xl/externalLinks/_rels/externalLink1.xml.rels':
      HEAD + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///D:/%E9%A2%84%E7%AE%97/2026.xlsx" TargetMode="External"/></Relationships>`,
    'xl/printerSettings/printerSettings1.bin': new Uint8Array([0x43, 0x00, 0x61, 0x00, 0x6e, 0x00, 0x6f, 0x00, 0x6e, 0x00, 0, 0, 0, 0, 1, 4, 0, 6, 0xdc, 0, 0x1c, 0x03]),
  };
  if (macro) parts['xl/vbaProject.bin'] = new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) & 0xff));
  return { bytes: zipParts(parts), parts };
}

/** Parts zipped with fflate (deflated, as Excel does). */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(parts)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level: 6 });
}

/** Names of the entries whose stored bytes (local record) differ between two packages. */
export function changedEntries(original: Uint8Array, copy: Uint8Array): string[] {
  const a = readZip(original);
  const b = readZip(copy);
  const out: string[] = [];
  for (const e of a.entries) {
    const f = b.byName.get(e.name.toLowerCase());
    if (!f) {
      out.push(`${e.name} (missing)`);
      continue;
    }
    const x = a.bytes.subarray(e.localOffset, e.localOffset + e.localLength);
    const y = b.bytes.subarray(f.localOffset, f.localOffset + f.localLength);
    if (!Buffer.from(x).equals(Buffer.from(y))) out.push(e.name);
  }
  return out.sort();
}

/** `<c>` elements by address, any prefix. */
export function cellElements(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetXml.matchAll(/<((?:\w+:)?)c\b[^>]*?\sr="([A-Z]+\d+)"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/\1c>)/g)) out.set(m[2], m[0]);
  return out;
}

export function partText(bytes: Uint8Array, name: string): string {
  const zip = readZip(bytes);
  const e = zip.byName.get(name.toLowerCase());
  if (!e) throw new Error(`no part ${name}`);
  return entryText(zip, e);
}

/** An exceljs workbook saved, patched with `edit` by the package writer, and read back. */
export async function patchedBook(wb: ExcelJS.Workbook, edit: WorkbookEdit): Promise<ExcelJS.Workbook> {
  const bytes = patchWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), edit).bytes;
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return again;
}
