// Every string the task pane shows, in Chinese (default) and English.
import { type Dimension, type Lang, type LocalizedText, type Severity, type TableReport, type Topic, DIMENSION_NAMES, SEVERITY_NAMES, STAGE_NAMES, TOPIC_NAMES, langFromTag } from '../core/index.js';

export { langFromTag };
import type { AnnotationMode, PaneCapabilities, ReportWritten, WrittenColumn } from '../workflow/index.js';

/** The spreadsheet the pane runs in, as its users call it. */
export function hostName(c: Pick<PaneCapabilities, 'host'> | null | undefined, lang: Lang): string {
  return c?.host === 'wps' ? (lang === 'zh' ? 'WPS 表格' : 'WPS Spreadsheets') : 'Excel';
}

/** What Ctrl+Z does after a write, in the words the mode line uses. */
function undoZh(c: PaneCapabilities): string {
  const undo = c.undo ?? (c.undoGroup ? 'one-step' : 'per-sync');
  if (undo === 'none' && c.host === 'wps') return '写入能否撤销未经验证，写入前请先保存';
  return undo === 'one-step' ? '可一步撤销' : undo === 'per-sync' ? '可逐步撤销' : '写入后无法撤销（此版本 Excel 不支持）';
}

function undoEn(c: PaneCapabilities): string {
  const undo = c.undo ?? (c.undoGroup ? 'one-step' : 'per-sync');
  if (undo === 'none' && c.host === 'wps') return 'undo of writes not verified; save before writing';
  return undo === 'one-step' ? 'one-step undo' : undo === 'per-sync' ? 'undo step by step' : 'writes cannot be undone in this Excel';
}

export interface UiStrings {
  lang: Lang;
  title: string;
  check: string;
  checking: string;
  clear: string;
  clearing: string;
  loading: string;
  startHint: string;
  optionsLabel: string;
  writeScores: string;
  notes: string;
  notesUnavailable: (host: string) => string;
  fills: string;
  reservedPoints: string;
  reservedPointsHint: string;
  reservedPointsInvalid: string;
  language: string;
  filterLabel: string;
  filterAll: string;
  severity: Record<Severity, string>;
  /** Plural label for the filter and counts. */
  severityPlural: Record<Severity, string>;
  topic: Record<Topic, string>;
  dimension: Record<Dimension, string>;
  /** 分组: findings by 主题 (topic) or by 审核维度. */
  groupLabel: string;
  groupByTopic: string;
  groupByDimension: string;
  stage: Record<TableReport['stage'], string>;
  summaryTitle: string;
  tablesFound: (n: number) => string;
  noTables: string;
  sheetsWithoutTable: (names: string[]) => string;
  unitUnknown: string;
  /** Σ得分 / Σ分值 of the table, then the points scored outside it when there are any. */
  score: (score: string, points: string, reserved?: string) => string;
  grade: (g: Grade) => string;
  /** Open findings by severity, and the accepted ones when there are any. */
  counts: (errors: number, warnings: number, infos: number, accepted?: number) => string;
  findingsTitle: string;
  noFindings: string;
  noFindingsForFilter: string;
  cellsLabel: string;
  goToCells: (sheet: string, cells: string) => string;
  noCells: string;
  wroteColumns: (ws: WrittenColumn[]) => string;
  skippedCells: (w: WrittenColumn) => string;
  protectedSheet: (sheet: string) => string;
  keptUserAnnotations: (cells: string[]) => string;
  notWritten: string;
  writtenTitle: string;
  cleared: (n: number) => string;
  nothingToClear: string;
  errorTitle: string;
  checkFailed: string;
  clearFailed: string;
  selectFailed: string;
  settingsLoadFailed: string;
  settingsSaveFailed: string;
  unknownError: string;
  dismiss: string;
  capability: (c: PaneCapabilities) => string;
  // 忽略 (accept) a finding
  accept: string;
  acceptDialogTitle: string;
  acceptReason: string;
  acceptReasonHint: string;
  acceptConfirm: string;
  cancel: string;
  unaccept: string;
  acceptedTitle: (n: number) => string;
  acceptedNote: (reason: string | undefined, date: string | undefined, by?: string) => string;
  reviewerLabel: string;
  reviewerHint: string;
  allAccepted: string;
  accepting: string;
  unaccepting: string;
  acceptedDoneTitle: string;
  acceptedDone: string;
  unacceptedDoneTitle: string;
  unacceptedDone: string;
  acceptFailed: string;
  unacceptFailed: string;
  // 设置: template and rules
  settingsTitle: string;
  settingsHint: string;
  profileLabel: string;
  profileNone: string;
  profileHint: string;
  rulesTitle: string;
  rulesHint: string;
  ruleDefault: (severity: string) => string;
  ruleOff: string;
  rulesChanged: (n: number) => string;
  rulesReset: string;
  /** 共性指标库: the profile's library, or the one edited here. */
  libraryTitle: (n: number) => string;
  libraryHint: string;
  libraryEdited: string;
  libraryName: string;
  libraryLevel2: string;
  libraryUnit: string;
  libraryAdd: string;
  libraryRemove: (name: string) => string;
  libraryReset: string;
  libraryEmpty: string;
  libraryDuplicate: string;
  // 校验报告
  report: string;
  reporting: string;
  reportTitle: string;
  reportWritten: (r: ReportWritten) => string;
  reportNoLinks: (host: string) => string;
  reportFailed: string;
  reportShow: string;
  /** 查看 on the notice of a written 得分 column. */
  writtenShow: string;
  /** Announced after a live re-check: the user edited a checked table. */
  announceRechecked: string;
  readWarningsTitle: string;
  // Said by the live region once an action finished (screen readers read it out).
  announceChecked: (errors: number, warnings: number, infos: number, accepted: number, tables: number, score?: string) => string;
  announceCleared: (n: number) => string;
  announceFailed: (title: string) => string;
  // 开发者信息: facts for whoever tests the add-in, not for the reviewer.
  developerInfo: string;
  configFormat: string;
}

type Grade = NonNullable<TableReport['totals']['grade']>;
const gradeEn: Record<Grade, string> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };

const annotationZh: Record<AnnotationMode, string> = {
  notes: '批注模式：注释',
  comments: '批注模式：批注',
  fill: '兼容模式：仅颜色',
};
const annotationEn: Record<AnnotationMode, string> = {
  notes: 'Annotation mode: notes',
  comments: 'Annotation mode: comments',
  fill: 'Compatibility mode: colour only',
};

const zh: UiStrings = {
  lang: 'zh',
  title: '绩效目标表校验',
  check: '校验',
  checking: '正在校验…',
  clear: '清除结果',
  clearing: '正在清除…',
  loading: '正在加载…',
  startHint: '点击“校验”检查当前工作簿中的整体支出绩效目标表。',
  optionsLabel: '选项',
  writeScores: '写入得分列',
  notes: '添加批注',
  notesUnavailable: (host) => `此版本 ${host} 不支持批注，仅标记颜色`,
  fills: '标记颜色',
  reservedPoints: '预留分值',
  reservedPointsHint: '表外计分的分值（如预算执行率 10 分），一级权重合计应为 100 减去预留分值',
  reservedPointsInvalid: '请输入不小于 0 且小于 100 的数',
  language: '语言',
  filterLabel: '按级别筛选',
  filterAll: '全部',
  severity: SEVERITY_NAMES.zh,
  severityPlural: SEVERITY_NAMES.zh,
  topic: TOPIC_NAMES.zh,
  dimension: DIMENSION_NAMES.zh,
  groupLabel: '分组方式',
  groupByTopic: '按主题',
  groupByDimension: '按审核维度',
  stage: { target: `${STAGE_NAMES.zh.target}阶段`, 'self-evaluation': `${STAGE_NAMES.zh['self-evaluation']}阶段` },
  summaryTitle: '概况',
  tablesFound: (n) => `找到 ${n} 张绩效目标表`,
  noTables: '未找到绩效目标表。',
  sheetsWithoutTable: (names) => `无绩效目标表的工作表：${names.join('、')}`,
  unitUnknown: '（未填写单位名称）',
  score: (s, p, r) => `得分 ${s} / ${p}${r ? `（表外 ${r} 分未计入）` : ''}`,
  grade: (g) => `等级：${g}`,
  counts: (e, w, i, a) => `错误 ${e} · 警告 ${w} · 提示 ${i}${a ? ` · 已忽略 ${a}` : ''}`,
  findingsTitle: '问题清单',
  noFindings: '未发现问题。',
  noFindingsForFilter: '没有此级别的问题。',
  cellsLabel: '单元格',
  goToCells: (sheet, cells) => `定位到 ${sheet}!${cells}`,
  noCells: '无单元格',
  wroteColumns: (ws) => ws.map((w) => `已在“${w.sheet}”的 ${w.column} 列写入 ${w.cells} 个单元格`).join('；'),
  skippedCells: (w) => `“${w.sheet}”中 ${w.skipped.length} 个单元格已有内容，未写入：${w.skipped.join('、')}`,
  protectedSheet: (sheet) => `工作表“${sheet}”受保护，未写入得分`,
  keptUserAnnotations: (cells) => `${cells.length} 个单元格已有用户的批注，予以保留，未添加本次批注：${cells.join('、')}`,
  notWritten: '未写入工作簿（“写入得分列”已关闭）',
  writtenTitle: '写入工作簿',
  cleared: (n) => `已清除 ${n} 个单元格`,
  nothingToClear: '没有可清除的结果',
  errorTitle: '出错了',
  checkFailed: '校验失败',
  clearFailed: '清除失败',
  selectFailed: '无法定位单元格',
  settingsLoadFailed: '无法读取已保存的设置，已使用默认设置',
  settingsSaveFailed: '设置未能保存到工作簿，仅在本次有效',
  unknownError: '未知错误',
  dismiss: '关闭',
  capability: (c) =>
    [annotationZh[c.annotation], c.mergesRead ? '合并单元格：读取' : '合并单元格：推断', undoZh(c)].join(
      ' · ',
    ),
  accept: '忽略',
  acceptDialogTitle: '忽略此问题',
  acceptReason: '忽略原因（可选）',
  acceptReasonHint: '原因、审核人和日期记录在工作簿中，下一位审核人可以看到；此问题不再计入结果。',
  acceptConfirm: '确定忽略',
  cancel: '取消',
  unaccept: '取消忽略',
  acceptedTitle: (n) => `已忽略 (${n})`,
  acceptedNote: (reason, date, by) => {
    const who = [by, date].filter(Boolean).join('，');
    return `原因：${reason || '（未写原因）'}${who ? `（${who}）` : ''}`;
  },
  reviewerLabel: '审核人',
  reviewerHint: '记录在工作簿中；本浏览器会记住这个名字。',
  allAccepted: '其余问题均已忽略。',
  accepting: '正在忽略…',
  unaccepting: '正在取消忽略…',
  acceptedDoneTitle: '已忽略',
  acceptedDone: '已记录在工作簿中，并已重新校验。',
  unacceptedDoneTitle: '已取消忽略',
  unacceptedDone: '已从工作簿中移除记录，并已重新校验。',
  acceptFailed: '忽略失败',
  unacceptFailed: '取消忽略失败',
  settingsTitle: '设置',
  settingsHint: '设置随工作簿保存。',
  profileLabel: '模板',
  profileNone: '不指定（接受任何一级指标）',
  profileHint: '选择模板后，不属于该模板的一级指标会被提示；全国通用模板另预留 10 分。',
  rulesTitle: '规则',
  rulesHint: '可关闭规则或更改其级别，下次校验时生效。',
  ruleDefault: (sev) => `默认（${sev}）`,
  ruleOff: '关闭',
  rulesChanged: (n) => (n ? `已更改 ${n} 条规则` : '全部为默认'),
  rulesReset: '恢复默认规则',
  libraryTitle: (n) => `共性指标库（${n} 项）`,
  libraryHint: '相关性检查将表中指标与此库核对：名称相近的提示采用标准名称，共性指标应列在库中规定的二级指标下。改动随设置保存，下次校验时生效。',
  libraryEdited: '已修改（不同于模板自带的指标库）',
  libraryName: '指标名称',
  libraryLevel2: '二级指标（可空）',
  libraryUnit: '单位（可空）',
  libraryAdd: '添加指标',
  libraryRemove: (name) => `删除“${name}”`,
  libraryReset: '恢复模板的指标库',
  libraryEmpty: '指标库为空：不做共性指标核对。',
  libraryDuplicate: '库中已有同名指标。',
  report: '生成校验报告',
  reporting: '正在生成校验报告…',
  reportTitle: '校验报告',
  reportWritten: (r) => `已${r.created ? '生成' : '更新'}工作表“${r.sheet}”（${r.rows} 行${r.links ? `，${r.links} 个单元格链接` : ''}）。`,
  reportNoLinks: (host) => `此版本 ${host} 不支持超链接，报告中以文字写出单元格地址。`,
  reportFailed: '生成校验报告失败',
  reportShow: '查看',
  writtenShow: '查看',
  announceRechecked: '表格已修改，已重新校验。',
  readWarningsTitle: '读取提示',
  announceChecked: (e, w, i, a, n, score) =>
    n === 0
      ? '校验完成：未找到绩效目标表。'
      : `校验完成：${e} 个错误，${w} 个警告，${i} 个提示${a ? `，${a} 个已忽略` : ''}${score ? `。${score}` : ''}。`,
  announceCleared: (n) => (n > 0 ? `已清除结果：${n} 个单元格。` : '没有可清除的结果。'),
  announceFailed: (title) => `${title}。`,
  developerInfo: '开发者信息',
  configFormat: '设置的格式与命令行 --config 文件相同。',
};

const en: UiStrings = {
  lang: 'en',
  title: 'Performance target check',
  check: 'Check',
  checking: 'Checking…',
  clear: 'Clear results',
  clearing: 'Clearing…',
  loading: 'Loading…',
  startHint: 'Click Check to check the performance target tables (整体支出绩效目标表) in this workbook.',
  optionsLabel: 'Options',
  writeScores: 'Write score column',
  notes: 'Add notes',
  notesUnavailable: (host) => `This ${host} cannot add notes; colours only`,
  fills: 'Mark with colour',
  reservedPoints: 'Reserved points',
  reservedPointsHint: 'Points scored outside the table (e.g. 10 for budget execution); level-1 weights must total 100 minus these',
  reservedPointsInvalid: 'Enter a number from 0 up to (not including) 100',
  language: 'Language',
  filterLabel: 'Filter by severity',
  filterAll: 'All',
  severity: SEVERITY_NAMES.en,
  severityPlural: { error: 'Errors', warning: 'Warnings', info: 'Info' },
  topic: TOPIC_NAMES.en,
  dimension: DIMENSION_NAMES.en,
  groupLabel: 'Group by',
  groupByTopic: 'Topic',
  groupByDimension: 'Review dimension',
  stage: { target: 'Target setting', 'self-evaluation': 'Year-end self-evaluation' },
  summaryTitle: 'Summary',
  tablesFound: (n) => `${n} target table${n === 1 ? '' : 's'} found`,
  noTables: 'No performance target table found.',
  sheetsWithoutTable: (names) => `Sheets without a table: ${names.join(', ')}`,
  unitUnknown: '(no unit name)',
  score: (s, p, r) => `Score ${s} / ${p}${r ? ` (${r} points scored outside the table not included)` : ''}`,
  grade: (g) => `Grade: ${gradeEn[g]} (${g})`,
  counts: (e, w, i, a) => `${e} error${e === 1 ? '' : 's'} · ${w} warning${w === 1 ? '' : 's'} · ${i} info${a ? ` · ${a} accepted` : ''}`,
  findingsTitle: 'Findings',
  noFindings: 'No problems found.',
  noFindingsForFilter: 'No findings of this severity.',
  cellsLabel: 'Cells',
  goToCells: (sheet, cells) => `Go to ${sheet}!${cells}`,
  noCells: 'no cell',
  wroteColumns: (ws) => ws.map((w) => `${w.cells} cell${w.cells === 1 ? '' : 's'} in column ${w.column} of “${w.sheet}”`).join('; '),
  skippedCells: (w) =>
    `${w.skipped.length} cell${w.skipped.length === 1 ? '' : 's'} in “${w.sheet}” ${w.skipped.length === 1 ? 'holds' : 'hold'} content and ${w.skipped.length === 1 ? 'was' : 'were'} left alone: ${w.skipped.join(', ')}`,
  protectedSheet: (sheet) => `Sheet “${sheet}” is protected; no scores written`,
  keptUserAnnotations: (cells) =>
    `${cells.length} cell${cells.length === 1 ? '' : 's'} already had your own note or comment, kept instead of ours: ${cells.join(', ')}`,
  notWritten: 'Nothing written to the workbook (“Write score column” is off)',
  writtenTitle: 'Written to the workbook',
  cleared: (n) => `Cleared ${n} cell${n === 1 ? '' : 's'}`,
  nothingToClear: 'No results to clear',
  errorTitle: 'Something went wrong',
  checkFailed: 'Check failed',
  clearFailed: 'Clearing failed',
  selectFailed: 'Could not select the cells',
  settingsLoadFailed: 'Saved settings could not be read; defaults are in use',
  settingsSaveFailed: 'Settings could not be saved in the workbook; they apply to this session only',
  unknownError: 'Unknown error',
  dismiss: 'Dismiss',
  capability: (c) =>
    [
      annotationEn[c.annotation],
      c.mergesRead ? 'merged cells: read' : 'merged cells: inferred',
      undoEn(c),
    ].join(' · '),
  accept: 'Accept',
  acceptDialogTitle: 'Accept this finding',
  acceptReason: 'Reason (optional)',
  acceptReasonHint: 'The reason, reviewer and date are kept in the workbook for the next reviewer; the finding no longer counts.',
  acceptConfirm: 'Accept',
  cancel: 'Cancel',
  unaccept: 'Undo accept',
  acceptedTitle: (n) => `Accepted (${n})`,
  acceptedNote: (reason, date, by) => {
    const who = [by, date].filter(Boolean).join(', ');
    return `Reason: ${reason || '(none given)'}${who ? ` (${who})` : ''}`;
  },
  reviewerLabel: 'Reviewer',
  reviewerHint: 'Kept in the workbook; this browser remembers the name.',
  allAccepted: 'All other findings are accepted.',
  accepting: 'Accepting…',
  unaccepting: 'Undoing the accept…',
  acceptedDoneTitle: 'Accepted',
  acceptedDone: 'Recorded in the workbook, and the workbook checked again.',
  unacceptedDoneTitle: 'Accept undone',
  unacceptedDone: 'Removed from the workbook, and the workbook checked again.',
  acceptFailed: 'Accepting failed',
  unacceptFailed: 'Undoing the accept failed',
  settingsTitle: 'Settings',
  settingsHint: 'Saved with the workbook.',
  profileLabel: 'Template',
  profileNone: 'None (any first-level indicators)',
  profileHint: 'With a template, first-level indicators outside it are reported; the national form reserves 10 points.',
  rulesTitle: 'Rules',
  rulesHint: 'Switch a rule off or change its severity; applies from the next check.',
  ruleDefault: (sev) => `Default (${sev})`,
  ruleOff: 'Off',
  rulesChanged: (n) => (n ? `${n} rule${n === 1 ? '' : 's'} changed` : 'All at their defaults'),
  rulesReset: 'Reset rules',
  libraryTitle: (n) => `Common indicator library (${n})`,
  libraryHint: 'The relevance checks compare the table’s indicators with this library: a close name is told to use the standard one, and a common indicator belongs under the second level given here. Saved with the settings; applies from the next check.',
  libraryEdited: 'Edited (differs from the template’s library)',
  libraryName: 'Indicator name',
  libraryLevel2: 'Second level (optional)',
  libraryUnit: 'Unit (optional)',
  libraryAdd: 'Add indicator',
  libraryRemove: (name) => `Remove “${name}”`,
  libraryReset: 'Restore the template’s library',
  libraryEmpty: 'The library is empty: no common-indicator checks.',
  libraryDuplicate: 'The library already has an indicator of this name.',
  report: 'Write check report',
  reporting: 'Writing the check report…',
  reportTitle: 'Check report',
  reportWritten: (r) =>
    `${r.created ? 'Added' : 'Refreshed'} sheet “${r.sheet}” (${r.rows} rows${r.links ? `, ${r.links} cell link${r.links === 1 ? '' : 's'}` : ''}).`,
  reportNoLinks: (host) => `This ${host} cannot add links; the report names the cells as text.`,
  reportFailed: 'Writing the check report failed',
  reportShow: 'Show',
  writtenShow: 'Show',
  announceRechecked: 'The table changed; it was checked again.',
  readWarningsTitle: 'While reading',
  announceChecked: (e, w, i, a, n, score) =>
    n === 0
      ? 'Check finished: no performance target table found.'
      : `Check finished: ${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info${a ? `, ${a} accepted` : ''}${score ? `. ${score}` : ''}.`,
  announceCleared: (n) => (n > 0 ? `Results cleared: ${n} cell${n === 1 ? '' : 's'}.` : 'No results to clear.'),
  announceFailed: (title) => `${title}.`,
  developerInfo: 'Developer information',
  configFormat: 'The settings use the format of the command line’s --config file.',
};

export const strings: Record<Lang, UiStrings> = { zh, en };

/** Names of the languages in their own script, for the language switch. */
export const languageNames: Record<Lang, string> = { zh: '中文', en: 'English' };

/**
 * A readable message from whatever was thrown: the adapter's errors carry `text: { zh, en }`
 * (shown in the pane's language); Office errors a message and a code; some hosts throw strings.
 */
export function errorMessage(e: unknown, lang: Lang): string {
  if (typeof e === 'string' && e.trim()) return e;
  if (typeof e === 'object' && e !== null) {
    const o = e as { text?: unknown; message?: unknown; code?: unknown };
    const text = o.text as Partial<LocalizedText> | undefined;
    if (typeof text === 'object' && text !== null && typeof text[lang] === 'string' && text[lang].trim()) return text[lang];
    const message = typeof o.message === 'string' && o.message.trim() ? o.message : '';
    const code = typeof o.code === 'string' && o.code.trim() ? o.code : '';
    if (message && code && !message.includes(code)) return `${message} (${code})`;
    if (message || code) return message || code;
  }
  return strings[lang].unknownError;
}
