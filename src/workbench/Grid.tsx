// The sheet as Excel shows it: column letters and row numbers, values through their number
// formats, merged areas, fills, notes on hover and the selection. Rows are added to the DOM in
// chunks as the user scrolls, so a 2,000-row sheet opens at once.
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { address, columnLetter, type RangeRef } from '../core/a1.js';
import type { CellValue } from '../core/types.js';
import { formatCellValue } from './displayFormat.js';
import type { SheetLook } from './session.js';
import {
  ROW_CHUNK,
  activeCell,
  columnPixels,
  gridExtent,
  intersects,
  mergeLayout,
  rowPixels,
  rowSelectionKey,
  selectionRects,
  type MergeLayout,
} from './sheetView.js';
import type { Selection, SheetModel } from './simulator/index.js';
import type { WorkbenchStrings } from './strings.js';

export interface GridProps {
  sheet: SheetModel;
  look: SheetLook | undefined;
  selection: Selection | null;
  /** Changes whenever the model's cells changed, so memoised rows redraw. */
  revision: number;
  zoom: number;
  s: WorkbenchStrings;
  onSelectCell: (cell: string) => void;
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
  onSelectCell: (cell: string) => void;
}

function parseKey(key: string): RangeRef[] {
  if (!key) return [];
  return key.split(';').map((part) => {
    const [top, left, bottom, right] = part.split(',').map(Number);
    return { top, left, bottom, right };
  });
}

const Row = memo(function Row({ sheet, look, row, columns, merges, selectionKey, active, onSelectCell }: RowProps) {
  const rects = parseKey(selectionKey);
  const cells = [];
  for (let c = 0; c < columns; c++) {
    const a1 = address(row, c);
    if (merges.covered.has(a1)) continue;
    const span = merges.spans.get(a1) ?? { top: row, bottom: row, left: c, right: c };
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
    if (l?.bold) style.fontWeight = 600;
    if (l?.italic) style.fontStyle = 'italic';
    if (l?.size) style.fontSize = `${Math.round((l.size * BASE_FONT_PIXELS) / 11)}px`;
    if (l?.color) style.color = l.color;
    const classes = ['wb-cell'];
    if (l?.wrap) classes.push('wb-wrap');
    if (selected) classes.push('wb-selected');
    if (active === a1) classes.push('wb-active');
    cells.push(
      <td
        key={a1}
        role="gridcell"
        data-cell={a1}
        aria-selected={selected ? 'true' : 'false'}
        colSpan={span.right - span.left + 1}
        rowSpan={span.bottom - span.top + 1}
        title={annotation || undefined}
        className={classes.join(' ')}
        style={style}
        onClick={() => onSelectCell(a1)}
      >
        <div className="wb-text">{text}</div>
        {annotation && <span className="wb-note-marker" aria-hidden="true" />}
      </td>,
    );
  }
  const selectedRow = rects.some((r) => r.top <= row && r.bottom >= row);
  return (
    <tr style={{ height: `${rowPixels(look, row)}px` }}>
      <th scope="row" role="rowheader" className={selectedRow ? 'wb-rowhead wb-head-on' : 'wb-rowhead'}>
        {row}
      </th>
      {cells}
    </tr>
  );
});

export function Grid({ sheet, look, selection, revision, zoom, s, onSelectCell }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const onSheet = selection?.sheet === sheet.name ? selection : null;
  const selectionText = onSheet ? onSheet.areas.join(',') : '';
  // The model is mutated in place; `revision` says when it changed.
  const extent = useMemo(() => gridExtent(sheet, onSheet), [sheet, revision, selectionText]);
  const rects = useMemo(() => selectionRects(onSheet), [selectionText]);
  const [shown, setShown] = useState(ROW_CHUNK);

  // A selection further down than drawn so far (a finding at row 1,800) draws down to it, and
  // what is drawn stays drawn when the selection moves back up.
  const needed = rects.reduce((n, r) => Math.max(n, r.bottom < 1_048_576 ? r.bottom + 20 : 0), 0);
  const rows = Math.min(extent.rows, Math.max(shown, needed));
  useEffect(() => {
    if (needed > shown) setShown(needed);
  }, [needed, shown]);
  // Laid out for every row the sheet may draw, so drawing more rows does not redraw the ones there.
  const merges = useMemo(
    () => mergeLayout(sheet.merges, extent.rows, extent.columns),
    [sheet, sheet.merges.length, revision, extent.rows, extent.columns],
  );
  const active = activeCell(onSheet);

  // Bring the selection into view when it moves (a finding clicked in the pane).
  useEffect(() => {
    if (!active) return;
    const el = scroller.current?.querySelector(`[data-cell="${active}"]`);
    el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active, selectionText, sheet.name]);

  const columns = Array.from({ length: extent.columns }, (_, c) => c);
  const width = ROW_HEADER_PIXELS + columns.reduce((w, c) => w + columnPixels(look, c), 0);
  const selectedColumn = (c: number) => rects.some((r) => r.left <= c && r.right >= c);

  const onScroll = () => {
    const el = scroller.current;
    if (!el || rows >= extent.rows) return;
    if (el.scrollTop + el.clientHeight > el.scrollHeight - 600) setShown(rows + ROW_CHUNK);
  };

  const body = [];
  for (let row = 1; row <= rows; row++) {
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
        onSelectCell={onSelectCell}
      />,
    );
  }

  return (
    <div className="wb-grid-scroll" ref={scroller} onScroll={onScroll}>
      <table className="wb-grid" role="grid" aria-label={s.grid(sheet.name)} style={{ width: `${width}px`, zoom }}>
        <colgroup>
          <col style={{ width: `${ROW_HEADER_PIXELS}px` }} />
          {columns.map((c) => (
            <col key={c} style={{ width: `${columnPixels(look, c)}px` }} />
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
        <tbody>{body}</tbody>
      </table>
      {rows < extent.rows && <p className="wb-more">{s.rowsShown(rows, extent.rows)}</p>}
      {extent.clipped && <p className="wb-more">{s.clipped(extent.rows, extent.columns)}</p>}
    </div>
  );
}
