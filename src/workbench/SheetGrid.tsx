// The sheet as Excel shows it: column letters and row numbers, values through their number
// formats, merged areas, fills, notes on hover and the selection. Only a window of rows is in
// the DOM, grown in chunks as the user scrolls, so a 2,000-row sheet opens and jumps at once.
import { memo, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { address, columnLetter, type RangeRef, type CellValue } from '../core/index.js';
import { formatCellValue } from './displayFormat.js';
import type { SheetLook } from './session.js';
import {
  ROW_CHUNK,
  activeCell,
  windowFor,
  columnPixels,
  gridExtent,
  intersects,
  mergeLayout,
  navigationTarget,
  rowPixels,
  rowSelectionKey,
  selectionRects,
  stepCell,
  type MergeLayout,
  type RowWindow,
} from './sheetView.js';
import type { Selection, SheetModel } from '../adapters/simulator/index.js';
import type { WorkbenchStrings } from './strings.js';

export interface SheetGridProps {
  sheet: SheetModel;
  look: SheetLook | undefined;
  selection: Selection | null;
  /** Changes whenever the model's cells changed, so memoised rows redraw. */
  revision: number;
  /** A cell to scroll into view without selecting it (the 得分 header after a check); `n` counts requests. */
  reveal?: { cell: string; n: number } | null;
  zoom: number;
  s: WorkbenchStrings;
  onSelectCell: (cell: string) => void;
  /** A click on a cell linking into the workbook follows the link, as in Excel ("'Sheet'!A1"). */
  onFollowLink: (reference: string) => void;
  /** The user typed into the grid (a character, Delete, F2…): the workbench cannot edit cells. */
  onTypeAttempt?: () => void;
}

const ROW_HEADER_PIXELS = 44;
/** Font size the grid uses for Excel's 11 pt. */
const BASE_FONT_PIXELS = 13;

function defaultAlign(value: CellValue): CSSProperties['textAlign'] {
  if (typeof value === 'number') return 'right';
  if (typeof value === 'boolean') return 'center';
  return 'left';
}

interface RowProps {
  sheet: SheetModel;
  look: SheetLook | undefined;
  row: number;
  columns: number;
  merges: MergeLayout;
  revision: number;
  /** The selected areas touching this row (see rowSelectionKey); the row redraws when it changes. */
  selectionKey: string;
  active: string | null;
  /** Prefix of the cells' ids, for the grid's aria-activedescendant. */
  idPrefix: string;
  onSelectCell: (cell: string) => void;
  onFollowLink: (reference: string) => void;
}

/** Cells that hold nothing at all: text may run over them, as Excel draws it. */
function isBlank(sheet: SheetModel, a1: string, merges: MergeLayout): boolean {
  if (merges.covered.has(a1) || merges.spans.has(a1)) return false;
  const v = sheet.cells.get(a1)?.value;
  return v === null || v === undefined || v === '';
}

function parseKey(key: string): RangeRef[] {
  if (!key) return [];
  return key.split(';').map((part) => {
    const [top, left, bottom, right] = part.split(',').map(Number);
    return { top, left, bottom, right };
  });
}

const Row = memo(function Row({ sheet, look, row, columns, merges, selectionKey, active, idPrefix, onSelectCell, onFollowLink }: RowProps) {
  const rects = parseKey(selectionKey);
  const cells = [];
  for (let c = 0; c < columns; c++) {
    const here = address(row, c);
    if (merges.covered.has(here)) continue;
    const merged = merges.spans.get(here);
    const span = merged?.rect ?? { top: row, bottom: row, left: c, right: c };
    // A merged area shows its top-left cell, also where the drawn rows cut it.
    const a1 = merged?.anchor ?? here;
    const cell = sheet.cells.get(a1);
    const value = cell?.value ?? null;
    const text = cell ? formatCellValue(value, cell.numberFormat) : '';
    const l = look?.cells.get(a1);
    const annotation = [cell?.note, cell?.comment].filter((t): t is string => !!t).join('\n\n');
    const selected = rects.some((r) => intersects(r, span));
    const style: CSSProperties = {
      textAlign: l?.align ?? defaultAlign(value),
      verticalAlign: l?.valign ?? 'bottom',
    };
    if (cell?.fill) style.backgroundColor = cell.fill;
    // A font set through the API (in the model) wins over the file's look.
    const font = cell?.font;
    const bold = font?.bold ?? l?.bold;
    const italic = font?.italic ?? l?.italic;
    const size = font?.size ?? l?.size;
    const color = font?.color ?? l?.color;
    if (bold) style.fontWeight = 600;
    if (italic) style.fontStyle = 'italic';
    if (size) style.fontSize = `${Math.round((size * BASE_FONT_PIXELS) / 11)}px`;
    if (color) style.color = color;
    if (font?.underline) style.textDecoration = 'underline';
    const link = cell?.hyperlink;
    const classes = ['wb-cell'];
    const wrap = l?.wrap || cell?.wrap;
    if (wrap) classes.push('wb-wrap');
    // Text that does not wrap runs on into empty cells to its right, as in Excel (a report's title).
    let textStyle: CSSProperties | undefined;
    if (!merged && !wrap && typeof value === 'string' && text && style.textAlign === 'left') {
      let extra = 0;
      for (let n = c + 1; n < columns && isBlank(sheet, address(row, n), merges); n++) extra += columnPixels(look, n, sheet);
      if (extra > 0) {
        classes.push('wb-overflow');
        textStyle = { width: `${columnPixels(look, c, sheet) + extra - 7}px` };
      }
    }
    if (link) classes.push('wb-link');
    if (selected) classes.push('wb-selected');
    if (active === a1) classes.push('wb-active');
    cells.push(
      <td
        key={here}
        id={`${idPrefix}${a1}`}
        role="gridcell"
        data-cell={a1}
        aria-selected={selected ? 'true' : 'false'}
        colSpan={span.right - span.left + 1}
        rowSpan={span.bottom - span.top + 1}
        title={annotation || (link ? (link.documentReference ?? link.address) : undefined) || undefined}
        data-link={link?.documentReference}
        className={classes.join(' ')}
        style={style}
        onClick={() => (link?.documentReference ? onFollowLink(link.documentReference) : onSelectCell(a1))}
      >
        <div className="wb-text" style={textStyle}>
          {text}
        </div>
        {annotation && <span className="wb-note-marker" aria-hidden="true" />}
      </td>,
    );
  }
  const selectedRow = rects.some((r) => r.top <= row && r.bottom >= row);
  return (
    <tr data-row={row} style={{ height: `${rowPixels(look, row)}px` }}>
      <th scope="row" role="rowheader" className={selectedRow ? 'wb-rowhead wb-head-on' : 'wb-rowhead'}>
        {row}
      </th>
      {cells}
    </tr>
  );
});

/** Within this many pixels of either end of the drawn rows, more rows are drawn. */
const EDGE_PIXELS = 600;

export function SheetGrid({ sheet, look, selection, revision, reveal, zoom, s, onSelectCell, onFollowLink, onTypeAttempt }: SheetGridProps) {
  const idPrefix = `wb-cell-${useId().replace(/:/g, '')}-`;
  const scroller = useRef<HTMLDivElement>(null);
  const onSheet = selection?.sheet === sheet.name ? selection : null;
  const selectionText = onSheet ? onSheet.areas.join(',') : '';
  // The model is mutated in place; `revision` says when it changed.
  const extent = useMemo(() => gridExtent(sheet, onSheet), [sheet, revision, selectionText]);
  const rects = useMemo(() => selectionRects(onSheet), [selectionText]);
  const active = activeCell(onSheet);
  const activeRow = rects[0] && rects[0].top > 0 ? rects[0].top : null;

  // Only a window of rows is in the DOM: it grows as the user scrolls, and moves to a selection
  // far away (a finding on row 1,800) instead of drawing every row above it.
  const [win, setWin] = useState<RowWindow>({ first: 1, last: ROW_CHUNK });
  const [followed, setFollowed] = useState('');
  let rows: RowWindow = { first: Math.min(win.first, extent.rows), last: Math.min(win.last, extent.rows) };
  if (followed !== selectionText) {
    // Adjusting state while rendering: React re-renders at once, before the browser paints.
    setFollowed(selectionText);
    if (activeRow !== null) {
      rows = windowFor(rows, activeRow, extent.rows);
      setWin(rows);
    }
  }
  /** The selection last brought into view; a new one is scrolled to once its cell is drawn. */
  const shownSelection = useRef('');
  /** The last reveal request done. */
  const revealed = useRef(0);

  // Laid out down to the last row the sheet may draw, so drawing more rows below does not redraw those there.
  const merges = useMemo(
    () => mergeLayout(sheet.merges, { first: rows.first, last: extent.rows }, extent.columns),
    [sheet, sheet.merges.length, revision, rows.first, extent.rows, extent.columns],
  );

  // Rows drawn above the window keep the scroll position on the rows the user was looking at.
  const keep = useRef<{ row: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keep.current) {
      const tr = el.querySelector<HTMLElement>(`tr[data-row="${keep.current.row}"]`);
      if (tr) el.scrollTop += tr.getBoundingClientRect().top - keep.current.top;
      keep.current = null;
    }
    if (reveal && revealed.current !== reveal.n) {
      const target = el.querySelector(`[data-cell="${reveal.cell}"]`);
      if (target) {
        target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
        revealed.current = reveal.n;
      }
    }
    if (active && shownSelection.current !== selectionText) {
      const target = el.querySelector(`[data-cell="${active}"]`);
      if (target) {
        target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
        shownSelection.current = selectionText;
      }
    }
  });

  const columns = Array.from({ length: extent.columns }, (_, c) => c);
  const width = ROW_HEADER_PIXELS + columns.reduce((w, c) => w + columnPixels(look, c, sheet), 0);
  const selectedColumn = (c: number) => rects.some((r) => r.left <= c && r.right >= c);
  let above = 0;
  for (let r = 1; r < rows.first; r++) above += rowPixels(look, r);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const spacer = above * zoom;
    if (rows.last < extent.rows && el.scrollTop + el.clientHeight > el.scrollHeight - EDGE_PIXELS) {
      setWin({ first: rows.first, last: rows.last + ROW_CHUNK });
    } else if (rows.first > 1 && el.scrollTop < spacer + EDGE_PIXELS) {
      const tr = el.querySelector<HTMLElement>(`tr[data-row="${rows.first}"]`);
      if (tr) keep.current = { row: rows.first, top: tr.getBoundingClientRect().top };
      setWin({ first: Math.max(1, rows.first - ROW_CHUNK), last: rows.last });
    }
  };

  const keys: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.metaKey) return;
    const step = keys[e.key];
    if (step && !e.ctrlKey) {
      e.preventDefault();
      onSelectCell(stepCell(sheet.merges, active ?? 'A1', step[0], step[1], extent));
      return;
    }
    const el = scroller.current;
    const pageRows = el ? Math.max(1, Math.floor(el.clientHeight / (20 * zoom)) - 2) : 20;
    const target = navigationTarget(e.key, e.ctrlKey, active ?? 'A1', sheet, extent, pageRows);
    if (target) {
      e.preventDefault();
      onSelectCell(target);
      return;
    }
    // Typing, Delete, Backspace, F2 or Enter would edit the cell in Excel: say why nothing happens.
    const edits = !e.ctrlKey && (e.key.length === 1 || ['Delete', 'Backspace', 'F2', 'Enter'].includes(e.key));
    if (edits && e.key !== ' ') {
      e.preventDefault();
      onTypeAttempt?.();
    }
  };

  const body = [];
  for (let row = rows.first; row <= rows.last; row++) {
    const reach = merges.reach.get(row) ?? row;
    body.push(
      <Row
        key={row}
        sheet={sheet}
        look={look}
        row={row}
        columns={extent.columns}
        merges={merges}
        revision={revision}
        selectionKey={rowSelectionKey(rects, row, reach)}
        active={active && rects.some((r) => r.top <= reach && r.bottom >= row) ? active : null}
        idPrefix={idPrefix}
        onSelectCell={onSelectCell}
        onFollowLink={onFollowLink}
      />,
    );
  }

  return (
    // The grid is focusable so Excel's keys move the selection; it names the active cell to
    // screen readers through aria-activedescendant.
    <div className="wb-grid-scroll" ref={scroller} onScroll={onScroll} onKeyDown={onKeyDown}>
      <table
        className="wb-grid"
        role="grid"
        tabIndex={0}
        aria-label={s.grid(sheet.name)}
        aria-readonly="true"
        aria-rowcount={extent.rows + 1}
        aria-activedescendant={active ? `${idPrefix}${active}` : undefined}
        style={{ width: `${width}px`, zoom }}
      >
        <colgroup>
          <col style={{ width: `${ROW_HEADER_PIXELS}px` }} />
          {columns.map((c) => (
            <col key={c} style={{ width: `${columnPixels(look, c, sheet)}px` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className="wb-corner" aria-hidden="true" />
            {columns.map((c) => (
              <th key={c} scope="col" role="columnheader" className={selectedColumn(c) ? 'wb-colhead wb-head-on' : 'wb-colhead'}>
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {above > 0 && (
            <tr className="wb-skipped" aria-hidden="true" style={{ height: `${above}px` }}>
              <td colSpan={extent.columns + 1} />
            </tr>
          )}
          {body}
        </tbody>
      </table>
      {rows.last < extent.rows && <p className="wb-more">{s.rowsShown(rows.last, extent.rows)}</p>}
      {extent.clipped && <p className="wb-more">{s.clipped(extent.rows, extent.columns)}</p>}
    </div>
  );
}
