import {
  createExcel,
  createSheet,
  createWorkbookModel,
  sheetFromRows,
  SimError,
  type ExcelSimulator,
  type SimEvent,
} from './index.js';

function sample(apiVersion = '1.20'): ExcelSimulator {
  const table = sheetFromRows(
    '表1',
    [
      ['一级指标', '权重', '三级指标'],
      ['产出指标', 50, '数量'],
      [null, null, '质量'],
    ],
    { startRow: 3, startColumn: 1, merges: ['B4:B5', 'C4:C5'], numberFormats: [[], ['@', '0.00']] },
  );
  const locked = sheetFromRows('Locked Sheet', [['x', 1]], { protected: true });
  const empty = createSheet('空表');
  return createExcel(createWorkbookModel([table, locked, empty]), { apiVersion });
}

async function failure(p: Promise<unknown>): Promise<SimError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SimError) return e;
    throw e;
  }
  throw new Error('expected the promise to reject');
}

describe('load → sync → read', () => {
  test('reading a property that was not loaded throws PropertyNotLoaded', async () => {
    const excel = sample();
    const error = await failure(
      excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('表1').getRange('B3:D5');
        return range.values;
      }),
    );
    expect(error.code).toBe('PropertyNotLoaded');
    expect(error.message).toMatch(/values.*load/);
  });

  test('load without sync is not enough; after sync the values are there', async () => {
    const excel = sample();
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表1').getRange('B3:D5');
      range.load('values,address,rowIndex,columnIndex,numberFormat');
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.address).toBe('表1!B3:D5');
      expect([range.rowIndex, range.columnIndex]).toEqual([2, 1]);
      expect(range.numberFormat[1]).toEqual(['@', '0.00', 'General']);
      return range.values;
    });
    expect(values).toEqual([
      ['一级指标', '权重', '三级指标'],
      ['产出指标', 50, '数量'],
      ['', '', '质量'],
    ]);
  });

  test('only the loaded properties are readable', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表1').getRange('B3');
      range.load('address');
      await context.sync();
      expect(range.address).toBe('表1!B3');
      expect(() => range.rowCount).toThrow(SimError);
    });
  });

  test('collections: items need load; nested paths load navigation properties', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/items/);
      sheets.load('items/name,items/protection/protected');
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['表1', 'Locked Sheet', '空表']);
      expect(sheets.items.map((s) => s.protection.protected)).toEqual([false, true, false]);
    });
  });

  test('isNullObject is known only after a sync; a null object refuses reads', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('空表').getUsedRangeOrNullObject(true);
      const full = context.workbook.worksheets.getItem('表1').getUsedRangeOrNullObject(true);
      full.load('address');
      expect(() => used.isNullObject).toThrow(SimError);
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(full.isNullObject).toBe(false);
      expect(full.address).toBe('表1!B3:D5');
      expect(() => used.address).toThrow(/null object/);
    });
  });

  test('a missing sheet fails the sync with ItemNotFound', async () => {
    const excel = sample();
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('nope').load('name');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  test('objects cannot be used after their run has finished', async () => {
    const excel = sample();
    const range = await excel.run(async (context) => context.workbook.worksheets.getItem('表1').getRange('A1'));
    expect(() => range.load('values')).toThrow(/request context has finished/);
  });
});

describe('navigation', () => {
  test('getCell, getOffsetRange, getResizedRange and the active sheet resolve like Excel', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      const base = active.getRange('B3:C4');
      const cell = base.getCell(1, 1);
      const moved = base.getOffsetRange(2, 1);
      const grown = base.getResizedRange(1, -1);
      for (const r of [cell, moved, grown]) r.load('address,rowCount,columnCount');
      await context.sync();
      expect(active.name).toBe('表1');
      expect(cell.address).toBe('表1!C4');
      expect(moved.address).toBe('表1!C5:D6');
      expect([grown.address, grown.rowCount, grown.columnCount]).toEqual(['表1!B3:B5', 3, 1]);
    });
  });

  test('a range pushed off the grid fails with InvalidArgument', async () => {
    const excel = sample();
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('表1').getRange('A1').getOffsetRange(-1, 0).load('address');
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });
});

describe('sync counting and queued writes', () => {
  test('counts syncs per run, including the final sync run() makes for queued commands', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      context.workbook.worksheets.load('items/name');
      await context.sync();
      await context.sync();
    });
    expect(excel.lastRunSyncs).toBe(2);

    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('表1').getRange('F3').values = [['later']];
    });
    expect(excel.lastRunSyncs).toBe(1);
    expect(excel.model.sheets[0].cells.get('F3')?.value).toBe('later');
    expect(excel.totalSyncs).toBe(3);
    expect(excel.runs).toBe(2);
  });

  test('writes reach the model only at sync, in order, and listeners hear about it', async () => {
    const excel = sample();
    const events: SimEvent[] = [];
    const stop = excel.subscribe((e) => events.push(e));
    await excel.run({ mergeUndoGroup: true }, async (context) => {
      const range = context.workbook.worksheets.getItem('表1').getRange('E3:E4');
      range.numberFormat = [[';;;@'], ['0.00;-0.00;0.00']];
      range.values = [['得分'], [3]];
      range.format.fill.color = '#fde7e9';
      expect(excel.model.sheets[0].cells.get('E3')).toBeUndefined();
      await context.sync();
      expect(excel.model.sheets[0].cells.get('E3')).toEqual({ value: '得分', numberFormat: ';;;@', fill: '#FDE7E9' });
      expect(excel.model.sheets[0].cells.get('E4')?.value).toBe(3);
    });
    stop();
    expect(events.map((e) => e.type)).toEqual(['sync', 'run']);
    expect(events[0]).toMatchObject({ type: 'sync', changed: true });
    expect(excel.lastRunOptions).toEqual({ mergeUndoGroup: true });
    expect([...excel.model.sheets[0].changes.get('E3')!].sort()).toEqual(['fill', 'numberFormat', 'value']);
  });

  test('a grid of the wrong size is refused with InvalidArgument', async () => {
    const excel = sample();
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('表1').getRange('E3:E4').values = [['only one']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
    expect(excel.model.sheets[0].cells.get('E3')).toBeUndefined();
  });

  test('clearing values and fills empties the cell', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表1').getRange('C4');
      range.values = [['']];
      range.numberFormat = [['General']];
      range.format.fill.clear();
      await context.sync();
    });
    expect(excel.model.sheets[0].cells.has('C4')).toBe(false);
  });
});

describe('protection', () => {
  test('the flag is readable, and a write to a protected sheet fails with AccessDenied', async () => {
    const excel = sample();
    const error = await failure(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Locked Sheet');
        sheet.protection.load('protected');
        await context.sync();
        expect(sheet.protection.protected).toBe(true);
        sheet.getRange('C1').values = [['no']];
        await context.sync();
      }),
    );
    expect(error.code).toBe('AccessDenied');
    expect(excel.model.sheets[1].cells.has('C1')).toBe(false);
  });

  test('selecting on a protected sheet is allowed', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Locked Sheet');
      sheet.activate();
      sheet.getRange('A1:B1').select();
      await context.sync();
    });
    expect(excel.model.activeSheet).toBe('Locked Sheet');
    expect(excel.model.selection).toEqual({ sheet: 'Locked Sheet', areas: ['A1:B1'] });
  });
});

describe('merged areas', () => {
  test('returns the merges whose top-left cell lies in the range, with sheet-qualified addresses', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('表1');
      const all = sheet.getRange('1:10').getMergedAreasOrNullObject();
      const lower = sheet.getRange('B5:C5').getMergedAreasOrNullObject();
      all.load('address,areaCount');
      lower.load('address');
      await context.sync();
      expect(all.address).toBe('表1!B4:B5, 表1!C4:C5');
      expect(all.areaCount).toBe(2);
      expect(lower.isNullObject).toBe(true);
    });
  });

  test('more than 512 merged areas in one range fail the request', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const excel = createExcel(createWorkbookModel([createSheet('m', { merges })]));
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('m').getRange('1:2000').getMergedAreasOrNullObject().load('address');
        await context.sync();
      }),
    );
    expect(error.code).toBe('GeneralException');
  });

  test('needs ExcelApi 1.13', async () => {
    const excel = sample('1.12');
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('表1').getRange('A1:D5').getMergedAreasOrNullObject().load('address');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
  });
});

describe('notes and comments', () => {
  test('notes: add, find, read, delete', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('表1').notes.add('E4', '指标值为空');
      await context.sync();
      const note = context.workbook.notes.getItemOrNullObject('表1!E4');
      const none = context.workbook.notes.getItemOrNullObject('表1!E5');
      note.load('content');
      const all = context.workbook.notes;
      all.load('items/content');
      await context.sync();
      expect(note.isNullObject).toBe(false);
      expect(note.content).toBe('指标值为空');
      expect(none.isNullObject).toBe(true);
      expect(all.items.map((n) => n.content)).toEqual(['指标值为空']);
      const where = all.items[0].getLocation();
      where.load('address');
      note.delete();
      await context.sync();
      expect(where.address).toBe('表1!E4');
    });
    expect(excel.model.sheets[0].cells.has('E4')).toBe(false);
  });

  test('a second note on the same cell is refused', async () => {
    const excel = sample();
    const error = await failure(
      excel.run(async (context) => {
        const notes = context.workbook.worksheets.getItem('表1').notes;
        notes.add('E4', 'a');
        notes.add('E4', 'b');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemAlreadyExists');
    expect(excel.model.sheets[0].cells.get('E4')?.note).toBe('a');
  });

  test('notes need ExcelApi 1.18', async () => {
    const excel = sample('1.17');
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('表1').notes.add('E4', 'x');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
    expect(excel.model.sheets[0].cells.has('E4')).toBe(false);
  });

  test('comments: add by full address or Range, getItemByCell, delete; a missing one is ItemNotFound', async () => {
    const excel = sample('1.10');
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Locked Sheet');
      expect(sheet).toBeDefined();
      context.workbook.comments.add("'Locked Sheet'!A1", 'x');
      await context.sync();
    }).catch((e: SimError) => expect(e.code).toBe('AccessDenied'));

    await excel.run(async (context) => {
      context.workbook.comments.add('表1!E4', '服务职工总人次: 指标值不是数值');
      context.workbook.comments.add(context.workbook.worksheets.getItem('表1').getRange('E5'), 'second');
      await context.sync();
      const comment = context.workbook.comments.getItemByCell('表1!E4');
      comment.load('content');
      await context.sync();
      expect(comment.content).toBe('服务职工总人次: 指标值不是数值');
      comment.delete();
      await context.sync();
    });
    expect(excel.model.sheets[0].cells.has('E4')).toBe(false);
    expect(excel.model.sheets[0].cells.get('E5')?.comment).toBe('second');

    const error = await failure(
      excel.run(async (context) => {
        context.workbook.comments.getItemByCell('表1!E4').delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe('ItemNotFound');
  });

  test('a comment address without the sheet name is refused on the workbook collection', async () => {
    const excel = sample();
    const error = await failure(
      excel.run(async (context) => {
        context.workbook.comments.add('E4', 'x');
        await context.sync();
      }),
    );
    expect(error.code).toBe('InvalidArgument');
  });
});

describe('multi-area selection and requirement sets', () => {
  test('getRanges(...).select() selects every area (ExcelApi 1.18)', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('表1').getRanges('B4, C4:C5').select();
      await context.sync();
    });
    expect(excel.model.selection).toEqual({ sheet: '表1', areas: ['B4', 'C4:C5'] });
  });

  test('isSetSupported compares versions numerically', () => {
    const excel = sample('1.10');
    expect(excel.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.10')).toBe(true);
    expect(excel.isSetSupported('ExcelApi', '1.13')).toBe(false);
    expect(excel.office.context.requirements.isSetSupported('WordApi', '1.1')).toBe(false);
    excel.apiVersion = '1.13';
    expect(excel.isSetSupported('ExcelApi', '1.13')).toBe(true);
  });
});

describe('sheets added, hidden and linked (issue 8)', () => {
  test('worksheets.add appends a sheet at sync; its proxy works in the same batch; duplicates fail', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const added = context.workbook.worksheets.add('报告');
      added.getRange('A1').values = [['标题']];
      added.load('name,position,visibility');
      expect(() => added.name).toThrow(/not available/);
      await context.sync();
      expect([added.name, added.position, added.visibility]).toEqual(['报告', 3, 'Visible']);
    });
    expect(excel.model.sheets.map((s) => s.name)).toEqual(['表1', 'Locked Sheet', '空表', '报告']);
    expect(excel.model.sheets[3].cells.get('A1')?.value).toBe('标题');
    // Added, not activated, as in Excel.
    expect(excel.model.activeSheet).toBe('表1');

    const again = await failure(excel.run(async (context) => void context.workbook.worksheets.add('报告')));
    expect(again.code).toBe('ItemAlreadyExists');
    // Excel compares names without case.
    expect((await failure(excel.run(async (context) => void context.workbook.worksheets.add('locked sheet')))).code).toBe('ItemAlreadyExists');
    expect((await failure(excel.run(async (context) => void context.workbook.worksheets.add('a/b')))).code).toBe('InvalidArgument');
    expect(excel.model.sheets).toHaveLength(4);
  });

  test('getItemOrNullObject: a missing sheet is a null object after sync, an existing one is not', async () => {
    const excel = sample();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('没有');
      const present = context.workbook.worksheets.getItemOrNullObject('空表');
      expect(() => missing.isNullObject).toThrow(SimError);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('visibility: VeryHidden is set at sync (ExcelApi 1.2), read back, and one sheet stays visible', async () => {
    const excel = createExcel(createWorkbookModel([sheetFromRows('A', [[1]]), sheetFromRows('B', [[2]])]));
    await excel.run(async (context) => {
      const b = context.workbook.worksheets.getItem('B');
      b.visibility = 'VeryHidden' as Excel.SheetVisibility;
      const all = context.workbook.worksheets;
      all.load('items/name,items/visibility');
      await context.sync();
      expect(all.items.map((s) => [s.name, s.visibility])).toEqual([
        ['A', 'Visible'],
        ['B', 'VeryHidden'],
      ]);
    });
    expect(excel.model.sheets[1].visibility).toBe('VeryHidden');
    const last = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('A').visibility = 'Hidden' as Excel.SheetVisibility;
      }),
    );
    expect(last.code).toBe('InvalidOperation');
    expect((await failure(excel.run(async (context) => context.workbook.worksheets.getItem('B').activate()))).code).toBe('InvalidOperation');

    excel.apiVersion = '1.1';
    const old = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('B').visibility = 'Visible' as Excel.SheetVisibility;
      }),
    );
    expect(old.code).toBe('ApiNotFound');
    expect(excel.model.sheets[1].visibility).toBe('VeryHidden');
  });

  test('a protected workbook structure refuses adding and hiding sheets (Workbook.protection, ExcelApi 1.7)', async () => {
    const model = createWorkbookModel([sheetFromRows('A', [[1]]), sheetFromRows('B', [[2]])]);
    model.protected = true;
    const excel = createExcel(model);
    const flag = await excel.run(async (context) => {
      const protection = context.workbook.protection;
      protection.load('protected');
      await context.sync();
      return protection.protected;
    });
    expect(flag).toBe(true);
    expect((await failure(excel.run(async (context) => void context.workbook.worksheets.add('C')))).code).toBe('AccessDenied');
    const hide = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('B').visibility = 'Hidden' as Excel.SheetVisibility;
      }),
    );
    expect(hide.code).toBe('AccessDenied');
    expect(model.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['A', undefined],
      ['B', undefined],
    ]);
    excel.apiVersion = '1.6';
    const old = await failure(
      excel.run(async (context) => {
        context.workbook.protection.load('protected');
        await context.sync();
      }),
    );
    expect(old.code).toBe('ApiNotFound');
  });

  test('hyperlinks (ExcelApi 1.7): textToDisplay becomes the value; read back; removed by clear()', async () => {
    const excel = sample();
    const read = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('空表');
      const cell = sheet.getRange('B2');
      cell.hyperlink = { documentReference: "'表1'!C4", textToDisplay: 'C4', screenTip: '定位' };
      cell.load('hyperlink,values');
      await context.sync();
      return { link: cell.hyperlink, values: cell.values };
    });
    expect(read).toEqual({ link: { documentReference: "'表1'!C4", screenTip: '定位', textToDisplay: 'C4' }, values: [['C4']] });
    const sheet = excel.model.sheets[2];
    expect(sheet.cells.get('B2')).toEqual({ value: 'C4', hyperlink: { documentReference: "'表1'!C4", screenTip: '定位' } });

    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('空表').getUsedRange().clear();
      await context.sync();
    });
    expect(sheet.cells.has('B2')).toBe(false);

    excel.apiVersion = '1.6';
    const old = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('空表').getRange('B2').hyperlink = { address: 'https://example.org' };
      }),
    );
    expect(old.code).toBe('ApiNotFound');
    // load() without names leaves out what this Excel lacks, rather than failing.
    const values = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表1').getRange('B3');
      range.load();
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([['一级指标']]);
  });

  test('column widths in points (ExcelApi 1.2), fonts and wrapping are stored and read back', async () => {
    const excel = sample();
    const read = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('空表');
      sheet.getRange('A:B').format.columnWidth = 120;
      const title = sheet.getRange('A1');
      title.values = [['标题']];
      title.format.font.bold = true;
      title.format.font.size = 16;
      title.format.font.color = '#c50f1f';
      sheet.getRange('B2').format.wrapText = true;
      const a = sheet.getRange('A:A').format;
      const ac = sheet.getRange('A:C').format;
      const font = title.format.font;
      a.load('columnWidth');
      ac.load('columnWidth');
      font.load('bold,size,color,italic');
      await context.sync();
      return { a: a.columnWidth, ac: ac.columnWidth, font: [font.bold, font.size, font.color, font.italic] };
    });
    expect(read).toEqual({ a: 120, ac: null, font: [true, 16, '#C50F1F', false] });
    const sheet = excel.model.sheets[2];
    expect([...(sheet.columnWidths ?? [])]).toEqual([
      [0, 120],
      [1, 120],
    ]);
    expect(sheet.cells.get('A1')).toEqual({ value: '标题', font: { bold: true, size: 16, color: '#C50F1F' } });
    expect(sheet.cells.get('B2')).toEqual({ value: null, wrap: true });
  });
});

describe('Excel on the web: 5 MB per request and per response, per sync (issue 16)', () => {
  function wide(platform: 'web' | 'windows'): ExcelSimulator {
    const rows = Array.from({ length: 4_000 }, (_, r) => Array.from({ length: 26 }, (_, c) => `第${r}行第${c}列的一段说明文字`));
    return createExcel(createWorkbookModel([sheetFromRows('明细', rows)]), { platform });
  }

  test('a cell written with value + format, + fill, + note costs what Office.js sends (≈ 0.4, 0.8, 1.2 KB)', async () => {
    const excel = createExcel(createWorkbookModel([createSheet('表')]), { platform: 'web' });
    const cost = async (cells: number, extra: string): Promise<number> => {
      await excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('表');
        for (let r = 1; r <= cells; r++) {
          const range = sheet.getRange(`J${r}`);
          range.numberFormat = [['0.00;-0.00;0.00']];
          range.values = [[2.5]];
          if (extra.includes('fill')) range.format.fill.color = '#FDE7E9';
          if (extra.includes('note')) sheet.notes.add(range, '〔绩效目标表校验〕\n指标值「稳步提升」不是数值，请填写数值。');
        }
        await context.sync();
      });
      return excel.lastRunPayloads[0].requestBytes;
    };
    // Per cell, once the sheet itself is in the request.
    const perCell = async (extra: string): Promise<number> => {
      const one = await cost(1, extra);
      excel.model.sheets[0].cells.clear();
      const many = await cost(101, extra);
      excel.model.sheets[0].cells.clear();
      return (many - one) / 100;
    };
    expect(await perCell('')).toBeGreaterThan(350);
    expect(await perCell('')).toBeLessThan(500);
    expect(await perCell('fill')).toBeGreaterThan(750);
    expect(await perCell('fill')).toBeLessThan(950);
    expect(await perCell('fill+note')).toBeGreaterThan(1_100);
    expect(await perCell('fill+note')).toBeLessThan(1_400);
  });

  test('more than 5 MB of requests in one sync is refused on the web, and nothing of it is applied', async () => {
    const excel = createExcel(createWorkbookModel([createSheet('表')]), { platform: 'web' });
    const error = await failure(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('表');
        // 6,000 one-cell writes with fill and note ≈ 7 MB.
        for (let r = 1; r <= 6_000; r++) {
          const range = sheet.getRange(`A${r}`);
          range.values = [[r]];
          range.format.fill.color = '#FFF4CE';
          sheet.notes.add(range, `〔绩效目标表校验〕第${r}行的说明，说明，说明，说明，说明，说明。`);
        }
        await context.sync();
      }),
    );
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(excel.model.sheets[0].cells.size).toBe(0);
  });

  test('the same writes split over syncs pass; on Windows one sync passes', async () => {
    const write = async (excel: ExcelSimulator, perSync: number): Promise<void> =>
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('表');
        for (let start = 1; start <= 6_000; start += perSync) {
          for (let r = start; r < start + perSync && r <= 6_000; r++) {
            const range = sheet.getRange(`A${r}`);
            range.values = [[r]];
            sheet.notes.add(range, `〔绩效目标表校验〕第${r}行的说明，说明，说明，说明，说明，说明。`);
          }
          await context.sync();
        }
      });
    const web = createExcel(createWorkbookModel([createSheet('表')]), { platform: 'web' });
    await write(web, 2_000);
    expect(web.model.sheets[0].cells.size).toBe(6_000);
    expect(Math.max(...web.lastRunPayloads.map((p) => p.requestBytes))).toBeLessThan(5 * 1024 * 1024);
    const windows = createExcel(createWorkbookModel([createSheet('表')]), { platform: 'windows' });
    await write(windows, 6_000);
    expect(windows.model.sheets[0].cells.size).toBe(6_000);
  });

  test('a response above 5 MB is refused on the web and the loaded values stay unreadable; Windows returns it', async () => {
    const web = wide('web');
    let range: Excel.Range | undefined;
    const error = await failure(
      web.run(async (context) => {
        range = context.workbook.worksheets.getItem('明细').getRange('A1:Z4000');
        range.load('values,numberFormat');
        await context.sync();
      }),
    );
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(() => range!.values).toThrow(/not available/);
    expect(web.lastRunPayloads[0].responseBytes).toBeGreaterThan(5 * 1024 * 1024);

    const windows = wide('windows');
    const rows = await windows.run(async (context) => {
      const all = context.workbook.worksheets.getItem('明细').getRange('A1:Z4000');
      all.load('values,numberFormat');
      await context.sync();
      return all.values.length;
    });
    expect(rows).toBe(4_000);
  });
});

describe('undo groups, note/comment exclusivity, formulas (issue 16)', () => {
  test('inside mergeUndoGroup, adding or hiding a sheet throws UndoNotSupported on Windows and Mac, not on the web', async () => {
    for (const platform of ['windows', 'mac', 'web'] as const) {
      const excel = createExcel(createWorkbookModel([createSheet('表')]), { platform });
      const add = excel.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.add('_new');
        await context.sync();
      });
      const hide = excel.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.add('_hidden');
        await context.sync();
      });
      if (platform === 'web') {
        await add;
        await hide;
        await excel.run({ mergeUndoGroup: true }, async (context) => {
          context.workbook.worksheets.getItem('_hidden').visibility = 'VeryHidden' as Excel.SheetVisibility;
          await context.sync();
        });
        expect(excel.model.sheets.map((s) => s.visibility ?? 'Visible')).toEqual(['Visible', 'Visible', 'VeryHidden']);
        continue;
      }
      expect((await failure(add)).code).toBe('UndoNotSupported');
      await failure(hide);
      // Outside a merged group both work; visibility inside one is refused.
      await excel.run(async (context) => {
        context.workbook.worksheets.add('_ok');
        await context.sync();
      });
      const error = await failure(
        excel.run({ mergeUndoGroup: true }, async (context) => {
          context.workbook.worksheets.getItem('_ok').visibility = 'VeryHidden' as Excel.SheetVisibility;
          await context.sync();
        }),
      );
      expect(error.code).toBe('UndoNotSupported');
      expect(excel.model.sheets.map((s) => s.name)).toEqual(['表', '_ok']);
      expect(excel.model.sheets[1].visibility).toBeUndefined();
    }
  });

  test('cell writes inside mergeUndoGroup are fine on Windows', async () => {
    const excel = createExcel(createWorkbookModel([createSheet('表')]), { platform: 'windows' });
    await excel.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItem('表').getRange('A1').values = [[1]];
      await context.sync();
    });
    expect(excel.model.sheets[0].cells.get('A1')?.value).toBe(1);
  });

  test('a cell holds a note or a threaded comment, not both', async () => {
    const sheet = sheetFromRows('表', [['x', 'y']]);
    sheet.cells.get('A1')!.comment = '用户的批注';
    sheet.cells.get('B1')!.note = '用户的备注';
    const excel = createExcel(createWorkbookModel([sheet]));
    const note = await failure(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('表').notes.add('A1', '我们的备注');
        await context.sync();
      }),
    );
    expect(note.message).toMatch(/not both/);
    const comment = await failure(
      excel.run(async (context) => {
        context.workbook.comments.add('表!B1', '我们的批注');
        await context.sync();
      }),
    );
    expect(comment.message).toMatch(/not both/);
    expect(sheet.cells.get('A1')).toMatchObject({ comment: '用户的批注' });
    expect(sheet.cells.get('A1')?.note).toBeUndefined();
  });

  test('formulas: read as written, a formula showing "" counts as used, a value replaces it', async () => {
    const sheet = sheetFromRows('表', [[1, null]]);
    sheet.cells.set('B1', { value: null, formula: '=IF(A1>0,"",1)' });
    const excel = createExcel(createWorkbookModel([sheet]));
    const read = await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('表');
      const range = ws.getRange('A1:C1');
      range.load('values,formulas');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address');
      await context.sync();
      return { values: range.values, formulas: range.formulas, used: used.address };
    });
    expect(read).toEqual({ values: [[1, '', '']], formulas: [[1, '=IF(A1>0,"",1)', '']], used: '表!A1:B1' });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('B1').values = [[5]];
      await context.sync();
    });
    expect(sheet.cells.get('B1')).toEqual({ value: 5 });
  });

  test('a platform that rewrites number format codes stores the rewritten code', async () => {
    const excel = createExcel(createWorkbookModel([createSheet('表')]), { formatRewrite: (code) => code.replace(/-/g, '\\-') });
    const read = await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('表').getRange('A1');
      range.numberFormat = [['0.00;-0.00;0.00']];
      range.load('numberFormat');
      await context.sync();
      return range.numberFormat;
    });
    expect(read).toEqual([['0.00;\\-0.00;0.00']]);
  });
});

describe('Worksheet.onChanged (ExcelApi 1.7)', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('handlers outlive their run, hear edits and API writes (marked ThisLocalAddin from 1.14), and are removed through their context', async () => {
    const excel = createExcel(createWorkbookModel([sheetFromRows('表', [[1]])]));
    const events: { address: string; triggerSource?: string }[] = [];
    const result = await excel.run(async (context) => {
      const added = context.workbook.worksheets.getItem('表').onChanged.add(async (e) => {
        events.push({ address: e.address, triggerSource: e.triggerSource });
      });
      await context.sync();
      return added;
    });
    excel.edit('表', 'B2', 5);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').getRange('C3').values = [[7]];
      await context.sync();
    });
    await pause(10);
    expect(events).toEqual([
      { address: 'B2', triggerSource: 'Unknown' },
      { address: 'A1:C3', triggerSource: 'ThisLocalAddin' },
    ]);
    await excel.run(result.context as Excel.RequestContext, async (context) => {
      result.remove();
      await context.sync();
    });
    excel.edit('表', 'B2', 6);
    await pause(10);
    expect(events).toHaveLength(2);
  });

  test('below ExcelApi 1.14 the event does not say who made the change; below 1.7 there is no onChanged', async () => {
    const excel = createExcel(createWorkbookModel([sheetFromRows('表', [[1]])]), { apiVersion: '1.13' });
    const seen: unknown[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('表').onChanged.add(async (e) => {
        seen.push(e.triggerSource);
      });
      await context.sync();
    });
    excel.edit('表', 'A1', 2);
    await pause(10);
    expect(seen).toEqual([undefined]);

    const old = createExcel(createWorkbookModel([sheetFromRows('表', [[1]])]), { apiVersion: '1.6' });
    const error = await failure(
      old.run(async (context) => {
        context.workbook.worksheets.getItem('表').onChanged.add(async () => undefined);
        await context.sync();
      }),
    );
    expect(error.code).toBe('ApiNotFound');
  });
});
