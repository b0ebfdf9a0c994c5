// Recognition: find every 整体支出绩效目标表 on a sheet by the meaning of its labels, never by
// the seed's coordinates. Header row → columns → indicator rows → 一级/二级 groups; the block
// above the header gives 单位名称, 年度绩效目标 and 预算情况. The vocabularies live beside it:
// header.ts (columns), levels.ts (group labels, slots), budget.ts (budget and funds), block.ts.
import type { ColumnKey, IndicatorType } from '../types.js';
import type { IndicatorRow, Level1Group, Level2Group, TableModel } from './tableModel.js';
import { Grid } from '../sheet/grid.js';
import { address, parseCell } from '../sheet/a1.js';
import { cellText, isBlank, normaliseLabel, toHalfWidth } from '../sheet/text.js';
import { normaliseUnit, parseValue, readComparator } from '../sheet/value.js';
import { headerCore, Header, readHeader } from './header.js';
import { levelLabel, PLACEHOLDER, isSlotRow, stripSlotPrefix, directionOf } from './levels.js';
import { parseWeight, readBudget, readFunds } from './budget.js';
import { unitLabelRank, TITLE, GOAL, valueRightOf, titleUnitName } from './block.js';

const FOOTER = /^(注|说明|备注|填表|填报|审核|负责人|联系|单位负责人|财务负责人|制表|合计|总计|总分|得分合计|分值合计)/;

/** The first text on a row left of the value column (a 合计 or 注 may sit left of the 一级 column). */
function firstTextOf(grid: Grid, row: number, left: number, valueColumn: number): string {
  for (let c = grid.firstColumn; c < valueColumn; c++) {
    const a = grid.anchor(row, c);
    // A label merged down from above (绩效指标 over the whole block) is not this row's own text.
    if (a.row !== row && c < left) continue;
    const v = grid.value(row, c);
    if (!isBlank(v)) return cellText(v);
  }
  return '';
}

const NATIONAL_L1 = /^(产出指标|效益指标|满意度指标|成本指标)$/;

function inferType(value: ReturnType<typeof parseValue>): IndicatorType {
  return value.kind === 'number' ? '定量' : '定性';
}

function normaliseType(text: string): IndicatorType | '' {
  const t = normaliseLabel(text);
  if (t === '定量' || t === '定量指标') return '定量';
  if (t === '定性' || t === '定性指标') return '定性';
  return '';
}

/** Every table on one sheet, top to bottom. */
export function recogniseSheet(grid: Grid): TableModel[] {
  const headers: Header[] = [];
  for (let r = grid.firstRow; r <= grid.lastRow; r++) {
    if (!grid.hasRow(r)) continue;
    const h = readHeader(grid, r);
    if (!h) continue;
    const previous = headers[headers.length - 1];
    if (previous && previous.row === r - 1) {
      // Labels merged down from the row above: one two-row header, read at its first row.
      // Labels typed again: a repeated header; the lower one is the table's.
      const typedAgain = (Object.values(h.columns) as number[]).some((c) => !grid.merge(r, c) && !isBlank(grid.raw(r, c)));
      if (typedAgain) headers[headers.length - 1] = h;
      continue;
    }
    headers.push(h);
  }
  const tables: TableModel[] = [];
  const headerAt = new Map(headers.map((h) => [h.row, h]));
  let regionTop = grid.firstRow;
  for (let i = 0; i < headers.length; i++) {
    // A header typed again inside the table above (after a page break) is part of it.
    if (headers[i].row < regionTop) continue;
    const table = readTable(grid, headers[i], regionTop, grid.lastRow, headerAt);
    if (table) {
      tables.push(table);
      regionTop = table.lastIndicatorRow + 1;
    } else {
      regionTop = headers[i].row + 1;
    }
  }
  return tables;
}

function readTable(grid: Grid, header: Header, regionTop: number, regionBottom: number, headerAt: Map<number, Header>): TableModel | undefined {
  const col = header.columns;
  const text = (row: number, key: ColumnKey): string => {
    const c = col[key];
    return c === undefined ? '' : cellText(grid.value(row, c));
  };
  const cellOf = (row: number, key: ColumnKey): string | undefined => {
    const c = col[key];
    if (c === undefined) return undefined;
    const a = grid.anchor(row, c);
    return address(a.row, a.column);
  };
  // A header whose labels sit in vertical merges spans several rows; data starts below them.
  let dataStart = header.row + 1;
  for (const c of Object.values(col) as number[]) {
    const m = grid.merge(header.row, c);
    if (m && m.bottom + 1 > dataStart) dataStart = m.bottom + 1;
  }

  const indicators: IndicatorRow[] = [];
  const level1: Level1Group[] = [];
  let l1: Level1Group | undefined;
  let l2: Level2Group | undefined;
  let blankRun = 0;
  let last = header.row;
  let slotRows = 0;
  let slotCell: string | undefined;
  const rowCells = (Object.keys(col) as ColumnKey[]).filter((k) => k !== 'result');

  for (let r = dataStart; r <= regionBottom; r++) {
    const allBlank = rowCells.every((k) => isBlank(grid.raw(r, col[k] as number)));
    if (allBlank) {
      const insideGroup = col.l1 !== undefined && grid.merge(r, col.l1) !== undefined && grid.merge(r, col.l1)!.top < r;
      if (!insideGroup && ++blankRun >= 2) break;
      continue;
    }
    // A header typed again right after a page break continues the table; any other header starts the next one.
    const again = headerAt.get(r);
    if (again && r !== header.row) {
      if (r - last > 2 || again.columns.l3 !== col.l3 || again.columns.value !== col.value) break;
      blankRun = 0;
      last = r;
      continue;
    }
    blankRun = 0;
    const firstText = normaliseLabel(firstTextOf(grid, r, header.left, col.value ?? header.right));
    const wide = grid.merge(r, header.left);
    if (FOOTER.test(firstText) || (wide && wide.top === r && wide.right >= (col.value ?? header.right))) break;

    const l1Label = levelLabel(text(r, 'l1'));
    const l2Name = levelLabel(text(r, 'l2')).name;
    const l3Text = text(r, 'l3');
    // A 三级 merged down over several rows is one indicator: read it at its first row.
    if (col.l3 !== undefined) {
      const m3 = grid.merge(r, col.l3);
      if (m3 && m3.top < r) continue;
    }
    const valueRaw = col.value === undefined ? null : grid.raw(r, col.value);
    const slot = isSlotRow(l3Text, () => [cellText(valueRaw), text(r, 'actual'), text(r, 'points'), text(r, 'published')]);
    const name = slot ? '' : stripSlotPrefix(l3Text);
    const rowFilled = !slot && [name, cellText(valueRaw), text(r, 'type'), text(r, 'unit'), text(r, 'content'), text(r, 'remark')].some((t) => t !== '' && !PLACEHOLDER.test(t));

    // One 一级 per name, and one 二级 per name under it, even when a page break splits the block.
    if (l1Label.name !== '' && (!l1 || l1.name !== l1Label.name)) {
      l1 = level1.find((g) => g.name === l1Label.name);
      if (!l1) {
        l1 = { name: l1Label.name, rows: [r, r], labelCell: cellOf(r, 'l1'), weightText: text(r, 'weight'), weightCell: cellOf(r, 'weight'), level2: [], indicators: [] };
        if (l1Label.points !== undefined) l1.labelPoints = l1Label.points;
        level1.push(l1);
      }
      l2 = undefined;
    } else if (!l1) {
      l1 = { name: '', rows: [r, r], weightText: text(r, 'weight'), weightCell: cellOf(r, 'weight'), level2: [], indicators: [] };
      level1.push(l1);
    }
    if (l1.weightText === '' && text(r, 'weight') !== '') {
      l1.weightText = text(r, 'weight');
      l1.weightCell = cellOf(r, 'weight');
    }
    if (l2Name !== '' && (!l2 || l2.name !== l2Name)) {
      l2 = l1.level2.find((g) => g.name === l2Name);
      if (!l2) {
        l2 = { name: l2Name, rows: [r, r], labelCell: cellOf(r, 'l2'), weightText: text(r, 'l2weight'), weightCell: cellOf(r, 'l2weight'), indicators: [], slots: 0 };
        l1.level2.push(l2);
      }
    }
    l1.rows[1] = r;
    if (l2) l2.rows[1] = r;
    last = r;
    if (slot) {
      slotRows++;
      slotCell ??= cellOf(r, 'l3');
      if (l2) l2.slots++;
      continue;
    }
    if (!rowFilled) continue; // a section row: it only names the 一级/二级 below it

    const comparatorCell = [col.comparator, col.nature]
      .filter((c): c is number => c !== undefined)
      .map((c) => grid.value(r, c))
      .find((v) => readComparator(toHalfWidth(cellText(v))).comparator !== undefined);
    const value = parseValue(valueRaw, col.value === undefined ? undefined : grid.numberFormat(r, col.value), comparatorCell);
    const typeText = text(r, 'type');
    const written = normaliseType(typeText);
    const typeInferred = col.type === undefined;
    const cells: Partial<Record<ColumnKey, string>> = {};
    for (const k of Object.keys(col) as ColumnKey[]) cells[k] = cellOf(r, k);
    const unitText = text(r, 'unit');
    const indicator: IndicatorRow = {
      row: r,
      level1: l1.name,
      level2: l2?.name ?? '',
      name,
      typeText,
      type: typeInferred ? inferType(value) : written,
      typeInferred,
      valueText: cellText(valueRaw),
      value,
      unit: normaliseUnit(unitText),
      unitText,
      content: text(r, 'content'),
      remark: text(r, 'remark'),
      cells,
    };
    const direction = directionOf(text(r, 'nature')) ?? directionOf(text(r, 'comparator'));
    if (direction) indicator.direction = direction;
    if (col.points !== undefined) {
      indicator.ownWeightText = text(r, 'points');
      const p = parseWeight(grid.raw(r, col.points));
      if (p.amount !== undefined) indicator.ownWeight = p.amount;
    }
    if (col.actual !== undefined) {
      const a = grid.raw(r, col.actual);
      indicator.actualText = cellText(a);
      indicator.actual = parseValue(a, grid.numberFormat(r, col.actual));
    }
    if (col.published !== undefined) {
      indicator.publishedText = text(r, 'published');
      const p = parseWeight(grid.raw(r, col.published));
      if (p.amount !== undefined) indicator.published = p.amount;
    }
    if (col.deviation !== undefined) indicator.deviation = text(r, 'deviation');
    indicators.push(indicator);
    l1.indicators.push(indicator);
    l2?.indicators.push(indicator);
  }
  if (indicators.length === 0) return undefined;

  for (const g of level1) {
    g.weight = parseWeight(g.weightText === '' ? null : g.weightText).amount;
    for (const s of g.level2) s.weight = parseWeight(s.weightText === '' ? null : s.weightText).amount;
  }

  // The block above the header: title, 单位名称, 年度绩效目标, 预算情况 or 项目资金.
  let top = header.row;
  let goal = '';
  let goalCell: string | undefined;
  let goalLabelCell: string | undefined;
  let title = '';
  const unitNames: { rank: number; text: string }[] = [];
  for (let r = regionTop; r < header.row; r++) {
    let rowHas = false;
    for (let c = grid.firstColumn; c <= grid.lastColumn; c++) {
      const v = grid.value(r, c);
      if (isBlank(v)) continue;
      rowHas = true;
      const a = grid.anchor(r, c);
      if (a.column !== c && a.row === r) continue;
      const label = headerCore(v);
      const inline = /^([^:]{2,12}):(.+)$/.exec(label);
      const rank = unitLabelRank(inline ? inline[1] : label);
      if (rank >= 0) {
        const name = inline ? cellText(v).replace(/^[^:：]*[:：]\s*/, '') : valueRightOf(grid, r, c).text;
        if (name !== '') unitNames.push({ rank, text: name });
      } else if (!goal && GOAL.test(label)) {
        goalLabelCell ??= address(r, c);
        let g = valueRightOf(grid, r, c);
        // The 自评表 heads its goal 「预期目标 | 实际完成情况」 and writes it on the row below.
        if (g.cell && /^预期目标/.test(headerCore(g.text))) {
          const at = parseCell(g.cell);
          const below = grid.anchor(grid.merge(at.row, at.column)?.bottom ?? at.row, at.column);
          const v = grid.value(below.row + 1, at.column);
          g = isBlank(v) ? { text: '' } : { text: cellText(v), cell: address(grid.anchor(below.row + 1, at.column).row, at.column) };
        }
        goal = g.text;
        goalCell = g.cell;
      } else if (!title && typeof v === 'string' && TITLE.test(v)) title = cellText(v);
    }
    if (rowHas && r < top) top = r;
  }
  unitNames.sort((x, y) => x.rank - y.rank);
  let unitName = unitNames[0]?.text ?? '';
  if (!unitName && title) unitName = titleUnitName(title);
  const funds = readFunds(grid, top, header.row - 1);
  const stated = statedPoints(grid, header, last);
  const budget = readBudget(grid, top, header.row - 1, funds?.rows ?? new Set());
  const national = level1.some((g) => NATIONAL_L1.test(normaliseLabel(g.name)));
  const first = indicators[0].row;
  return {
    sheet: grid.name,
    grid,
    headerRow: header.row,
    firstIndicatorRow: first,
    lastIndicatorRow: Math.max(last, indicators[indicators.length - 1].row),
    top,
    left: header.left,
    right: header.right,
    columns: col,
    unitName,
    goal,
    goalCell,
    ...(goalLabelCell ? { goalLabelCell } : {}),
    required: header.required,
    level1,
    indicators,
    budget,
    national,
    others: header.others,
    slotRows,
    ...(slotCell ? { slotCell } : {}),
    ...(stated !== undefined ? { statedIndicatorPoints: stated } : {}),
    ...(funds ? { funds: funds.block } : {}),
  };
}

/** 「绩效指标(90分)」 left of the 一级 column: the points the table gives its indicators as a whole. */
function statedPoints(grid: Grid, header: Header, last: number): number | undefined {
  for (let c = grid.firstColumn; c < header.left; c++) {
    for (let r = header.row; r <= last; r++) {
      const a = grid.anchor(r, c);
      if (a.row !== r && r !== header.row) continue;
      const v = grid.value(r, c);
      if (typeof v !== 'string') continue;
      const l = levelLabel(v);
      if (l.points !== undefined && /指标/.test(l.name)) return l.points;
    }
  }
  return undefined;
}
