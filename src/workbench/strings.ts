// Texts of the workbench around the pane (the pane has its own). Chinese unless ?lang=en.
import type { Lang } from '../core/index.js';
import type { PaneAction } from './workbenchHost.js';

export interface WorkbenchStrings {
  lang: Lang;
  title: string;
  open: string;
  /** 上年表: last year's table beside this one. */
  previousOpen: string;
  previousHint: string;
  previousLoaded: (name: string, indicators: number) => string;
  previousNone: (name: string) => string;
  previousClear: string;
  download: string;
  downloadHint: string;
  dropHint: string;
  dropHere: string;
  opening: string;
  onlyXlsx: string;
  /** After a failed open: the grid still shows the workbook opened before. */
  stillShowing: (name: string) => string;
  dismissError: string;
  sampleFailed: string;
  downloadFailed: (reason: string) => string;
  noWorkbook: string;
  excelVersion: string;
  zoom: string;
  nameBox: string;
  formulaBar: string;
  sheets: string;
  grid: (sheet: string) => string;
  workbook: string;
  pane: string;
  action: Record<PaneAction, string>;
  lastAction: (action: string, syncs: number, runs: number, ms: number, ok: boolean) => string;
  /** The same in simulated WPS, counted in object-model calls. */
  lastWpsAction: (action: string, calls: number, ms: number, ok: boolean) => string;
  noAction: string;
  unsaved: string;
  rowsShown: (shown: number, total: number) => string;
  clipped: (rows: number, columns: number) => string;
  protectedSheet: string;
  developerInfo: string;
  /** The last action in plain words, for the status bar (the sync counts are developer information). */
  lastActionPlain: (action: string, ok: boolean) => string;
  discardTitle: string;
  discardBody: (current: string, next: string) => string;
  discardDownload: string;
  discardOpen: string;
  cancel: string;
  /** Label of the selected cell's note shown under the formula bar. */
  cellNote: string;
  readOnly: string;
  nameBoxHint: string;
  nameBoxInvalid: (text: string) => string;
  hidePane: string;
  showPane: string;
  resizePane: string;
}

const zh: WorkbenchStrings = {
  lang: 'zh',
  title: '绩效目标表校验 · 工作台',
  open: '打开…',
  previousOpen: '上年表…',
  previousHint: '打开上年的目标表或自评表：再次校验时，本年目标低于上年实际、远高于上年实际或定量指标消失会提示',
  previousLoaded: (name, n) => `上年表：${name}（${n} 个指标）`,
  previousNone: (name) => `“${name}”中没有找到绩效目标表，未用作上年表。`,
  previousClear: '不用上年表',
  download: '下载',
  downloadHint: '下载含得分列的工作簿副本',
  dropHint: '也可将 .xlsx 文件拖放到页面上',
  dropHere: '松开鼠标，打开这个工作簿',
  opening: '正在打开…',
  onlyXlsx: '只能打开 .xlsx 格式的工作簿。',
  stillShowing: (name) => ` 现在仍显示之前打开的“${name}”。`,
  dismissError: '关闭提示',
  sampleFailed: '无法加载示例工作簿，请点击“打开…”选择一个 .xlsx 文件。',
  downloadFailed: (reason) => `下载失败：${reason}`,
  noWorkbook: '未打开工作簿',
  excelVersion: '模拟的 Excel',
  zoom: '缩放',
  nameBox: '名称框',
  formulaBar: '编辑栏',
  sheets: '工作表',
  grid: (sheet) => `工作表“${sheet}”`,
  workbook: '工作簿',
  pane: '校验窗格',
  action: { check: '校验', clear: '清除结果', select: '定位单元格', accept: '忽略', unaccept: '取消忽略', report: '生成校验报告' },
  lastAction: (action, syncs, runs, ms, ok) =>
    `上次操作：${action}${ok ? '' : '（失败）'} · context.sync() ${syncs} 次 · Excel.run ${runs} 次 · ${ms} 毫秒`,
  lastWpsAction: (action, calls, ms, ok) => `上次操作：${action}${ok ? '' : '（失败）'} · WPS 对象模型调用 ${calls} 次 · ${ms} 毫秒`,
  noAction: '点击右侧窗格中的“校验”开始',
  unsaved: '有未下载的更改',
  rowsShown: (shown, total) => `已显示 ${shown} / ${total} 行，向下滚动显示更多`,
  clipped: (rows, columns) => `表格过大，仅显示前 ${rows} 行、${columns} 列`,
  protectedSheet: '受保护',
  developerInfo: '开发者信息',
  lastActionPlain: (action, ok) => `上次操作：${action}${ok ? '' : '（失败）'}`,
  discardTitle: '放弃未下载的更改？',
  discardBody: (current, next) =>
    `“${current}”中有尚未下载的更改（得分列、忽略记录或校验报告）。打开“${next}”会丢弃这些更改；如需保留，请先下载。`,
  discardDownload: '先下载，再打开',
  discardOpen: '放弃更改并打开',
  cancel: '取消',
  cellNote: '批注',
  readOnly: '工作台只检查、不编辑单元格。请在 Excel 或 WPS 中修改后保存，再点击“打开…”重新打开。',
  nameBoxHint: '输入单元格地址（如 F24）并按 Enter 跳转',
  nameBoxInvalid: (text) => `“${text}”不是单元格地址，请输入如 F24 或 B12:B40。`,
  hidePane: '隐藏校验窗格',
  showPane: '显示校验窗格',
  resizePane: '调整校验窗格宽度（左右方向键）',
};

const en: WorkbenchStrings = {
  lang: 'en',
  title: 'Performance Target Checker · Workbench',
  open: 'Open…',
  previousOpen: 'Last year…',
  previousHint: "Open last year's table (targets or self-evaluation): the next check flags targets below or far above last year's actual and dropped indicators",
  previousLoaded: (name, n) => `Last year: ${name} (${n} indicators)`,
  previousNone: (name) => `No performance target table in "${name}"; not used as last year's.`,
  previousClear: 'Stop using last year',
  download: 'Download',
  downloadHint: 'Download a copy of the workbook with the score column',
  dropHint: 'or drop an .xlsx file on the page',
  dropHere: 'Release to open this workbook',
  opening: 'Opening…',
  onlyXlsx: 'Only .xlsx workbooks can be opened.',
  stillShowing: (name) => ` The workbook shown is still “${name}”.`,
  dismissError: 'Dismiss',
  sampleFailed: 'The sample workbook could not be loaded. Click Open… to choose an .xlsx file.',
  downloadFailed: (reason) => `Download failed: ${reason}`,
  noWorkbook: 'No workbook open',
  excelVersion: 'Simulated Excel',
  zoom: 'Zoom',
  nameBox: 'Name box',
  formulaBar: 'Formula bar',
  sheets: 'Sheets',
  grid: (sheet) => `Sheet “${sheet}”`,
  workbook: 'Workbook',
  pane: 'Checker pane',
  action: { check: 'Check', clear: 'Clear results', select: 'Go to cell', accept: 'Accept', unaccept: 'Undo accept', report: 'Write check report' },
  lastAction: (action, syncs, runs, ms, ok) =>
    `Last action: ${action}${ok ? '' : ' (failed)'} · context.sync() × ${syncs} · Excel.run × ${runs} · ${ms} ms`,
  lastWpsAction: (action, calls, ms, ok) => `Last action: ${action}${ok ? '' : ' (failed)'} · WPS object-model calls × ${calls} · ${ms} ms`,
  noAction: 'Click Check in the pane to start',
  unsaved: 'Changes not downloaded',
  rowsShown: (shown, total) => `Showing ${shown} of ${total} rows; scroll down for more`,
  clipped: (rows, columns) => `Large sheet: only the first ${rows} rows and ${columns} columns are shown`,
  protectedSheet: 'protected',
  developerInfo: 'Developer information',
  lastActionPlain: (action, ok) => `Last action: ${action}${ok ? '' : ' (failed)'}`,
  discardTitle: 'Discard the changes not downloaded?',
  discardBody: (current, next) =>
    `“${current}” holds changes not downloaded yet (the score column, accepted findings or the check report). Opening “${next}” discards them; download first to keep them.`,
  discardDownload: 'Download, then open',
  discardOpen: 'Discard and open',
  cancel: 'Cancel',
  cellNote: 'Note',
  readOnly: 'The workbench checks cells but does not edit them. Change the workbook in Excel or WPS, save it, then open it again with Open….',
  nameBoxHint: 'Type a cell address (e.g. F24) and press Enter to go there',
  nameBoxInvalid: (text) => `“${text}” is not a cell address; type one like F24 or B12:B40.`,
  hidePane: 'Hide the checker pane',
  showPane: 'Show the checker pane',
  resizePane: 'Resize the checker pane (left and right arrow keys)',
};

export const workbenchStrings: Record<Lang, WorkbenchStrings> = { zh, en };

/** The page language: ?lang=en switches to English, anything else stays Chinese. */
export function pageLang(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh';
}

/** ?dev opens the developer information (simulated Excel version, sync counts) from the start. */
export function pageDeveloper(search: string): boolean {
  return new URLSearchParams(search).has('dev');
}
