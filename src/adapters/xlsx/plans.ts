// The core's write plans as package edits: the 得分 cells, the clearing of our old cells, the
// 校验报告 sheet and the very hidden `_jixiao_accepted` sheet.
import { columnLetter, FILL_ERROR, FILL_WARNING, RESULT_HEADER_BOLD_FORMAT, isFreeCell, type AcceptanceSheetPlan, type ReportCell, type ReportSheetPlan, type SheetWritePlan, type WorkbookSnapshot } from '../../core/index.js';
import { HEADER_FILL, LINK_COLOR, REPORT_FONTS } from '../reportStyles.js';
import type { CellEdit, FontChange, FormulaValue, OwnSheet, SheetEdit } from './types.js';

const OUR_FILLS = [FILL_ERROR, FILL_WARNING];

/** A cell of ours emptied: value, number format, our fill and our note go; a user's fill or note stays. */
export function clearEdit(address: string): CellEdit {
  return { address, value: null, numberFormat: null, dropFills: OUR_FILLS, note: null, dropBoldMark: RESULT_HEADER_BOLD_FORMAT };
}

/** Cells holding something that is not ours, by sheet: never written over, whatever a plan says. */
function userCells(snapshot: WorkbookSnapshot, sheet: string): Set<string> {
  const out = new Set<string>();
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return out;
  s.values.forEach((row, i) =>
    (row ?? []).forEach((v, j) => {
      const f = s.numberFormats?.[i]?.[j];
      if (!isFreeCell(v, f)) out.add(`${columnLetter(s.startColumn + j)}${s.startRow + i + 1}`);
    }),
  );
  return out;
}

/**
 * The plans as edits. With the snapshot, a write onto a cell holding a value of the user's is
 * dropped (and listed in `refused`): the plan puts the header in the first column right of the
 * table when no column is free, which may hold the user's text.
 */
export function editsOfPlans(plans: SheetWritePlan[], snapshot?: WorkbookSnapshot, refused: string[] = []): SheetEdit[] {
  return plans.map((plan) => {
    const cells: CellEdit[] = plan.clear.map(clearEdit);
    const theirs = snapshot ? userCells(snapshot, plan.sheet) : new Set<string>();
    for (const w of plan.writes) {
      if (theirs.has(w.address)) {
        refused.push(`${plan.sheet}!${w.address}`);
        continue;
      }
      cells.push({
        address: w.address,
        value: w.value,
        numberFormat: w.numberFormat,
        // A fill of the user's (a header band) stays; an error or warning fill of an earlier run goes.
        ...(w.fill ? { fill: w.fill } : { dropFills: OUR_FILLS }),
        note: w.note ?? null,
        ...(w.bold ? { boldMark: RESULT_HEADER_BOLD_FORMAT } : {}),
      });
    }
    return { sheet: plan.sheet, cells };
  });
}

/** Planned clears (清除结果) as edits. */
export function editsOfClear(targets: { sheet: string; cells: string[] }[]): SheetEdit[] {
  return targets.map((t) => ({ sheet: t.sheet, cells: t.cells.map(clearEdit) }));
}

export function acceptanceSheet(plan: AcceptanceSheetPlan): OwnSheet {
  const cells: CellEdit[] = [];
  plan.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      // Text as text: a cell list such as "1E5" or a date must not turn into a number.
      if (v !== null) cells.push({ address: `${columnLetter(c)}${r + 1}`, value: typeof v === 'string' ? v : String(v) });
    }),
  );
  return { name: plan.sheet, state: plan.veryHidden ? 'veryHidden' : 'visible', cells };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A string literal inside a formula: doubled quotes, and at most Excel's 255 characters. */
function formulaText(s: string): string {
  const short = s.length > 255 ? `${s.slice(0, 254)}…` : s;
  return `"${short.replace(/"/g, '""')}"`;
}

/**
 * A link to a cell of this workbook as a HYPERLINK formula: works in Excel, WPS and LibreOffice
 * alike without a hyperlinks part; its cached result is the text shown.
 */
export function linkFormula(text: string, sheet: string, cell: string): FormulaValue {
  return { formula: `HYPERLINK(${formulaText(`#${quoteSheet(sheet)}!${cell}`)},${formulaText(text)})`, result: text };
}

function reportCell(address: string, cell: ReportCell, wrap: boolean): CellEdit | undefined {
  if (cell.value === null && !cell.style) return undefined;
  const edit: CellEdit = { address };
  if (cell.link && cell.value !== null) edit.value = linkFormula(String(cell.value), cell.link.sheet, cell.link.cell);
  else if (cell.value !== null) edit.value = cell.value;
  let font: FontChange | undefined = cell.style ? REPORT_FONTS[cell.style] : undefined;
  if (cell.link && cell.value !== null) font = { color: LINK_COLOR, underline: true, ...font };
  if (font) edit.font = font;
  if (cell.style === 'header') edit.fill = HEADER_FILL;
  if (cell.numberFormat) edit.numberFormat = cell.numberFormat;
  if (wrap) edit.wrap = true;
  return edit;
}

export function reportSheet(plan: ReportSheetPlan): OwnSheet {
  // The message column wraps so that a long message prints in full.
  const wide = plan.columnWidths.indexOf(Math.max(...plan.columnWidths));
  const cells: CellEdit[] = [];
  plan.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const edit = reportCell(`${columnLetter(c)}${r + 1}`, cell, c === wide && row.length > 1 && cell.value !== null);
      if (edit) cells.push(edit);
    }),
  );
  return { name: plan.sheet, state: 'visible', cells, columnWidths: plan.columnWidths, landscape: true };
}
