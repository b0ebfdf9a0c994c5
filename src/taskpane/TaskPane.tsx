// The task pane: 校验 button, options, settings, summary, findings (忽略 / 取消忽略), the
// 校验报告. Talks only to a Session.
import {
  Body1,
  Button,
  Caption1,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Switch,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import {
  ChevronDownRegular,
  ChevronRightRegular,
  DismissRegular,
  ErrorCircle16Filled,
  Info16Filled,
  Warning16Filled,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { PROFILES, type ProfileName, rules, type Finding, type Lang, type RuleSetting, type Severity, type TableReport, type Topic } from '../core/index.js';
import { DEFAULT_SETTINGS, type CheckResult, type PaneCapabilities, type Session, type PaneSettings, isValidReservedPoints } from '../workflow/index.js';
import { errorMessage, langFromTag, languageNames, strings, type UiStrings } from './i18n.js';

export interface TaskPaneProps {
  host: Session;
  /** Language to start in when no language was saved; defaults to the host's display language. */
  lang?: Lang;
  /** 开发者信息 open from the start (the workbench's ?dev). */
  developerInfo?: boolean;
  /** Run 校验 as soon as the pane is ready (the workbench re-checks after another Excel version was chosen). */
  checkOnStart?: boolean;
  /** Told the pane's language whenever it changes, so the page around the pane can follow it. */
  onLangChange?: (lang: Lang) => void;
}

/** Where this browser remembers the 审核人 name between acceptances. */
export const REVIEWER_KEY = 'jixiao-check.reviewer';

function loadReviewer(): string {
  try {
    return globalThis.localStorage?.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveReviewer(name: string): void {
  try {
    if (name) globalThis.localStorage?.setItem(REVIEWER_KEY, name);
    else globalThis.localStorage?.removeItem(REVIEWER_KEY);
  } catch {
    // Storage blocked: the name is still used for this acceptance.
  }
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const TOPICS: Topic[] = ['structure', 'weights', 'budget', 'value-format', 'scoring'];
const LANGS: Lang[] = ['zh', 'en'];
/** Cell addresses shown per finding before "+N"; the click still selects them all. */
const CELLS_SHOWN = 4;

type Filter = 'all' | Severity;
type Busy = 'check' | 'clear' | 'accept' | 'unaccept' | 'report';

const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

interface Notice {
  id: number;
  /** Notices with the same key are shown once (a read-only document fails every settings save). */
  key?: string;
  intent: 'error' | 'warning' | 'success' | 'info';
  /** Rendered at display time so a language switch re-renders notices too. */
  title: (s: UiStrings) => string;
  body: (s: UiStrings) => string;
  /** A button in the notice, e.g. 查看 to go to the sheet just written. */
  action?: { label: (s: UiStrings) => string; run: () => void };
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  h1: { margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  // Two switches per line at ~350 px keeps the results near the top of a short pane.
  switches: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  filter: { flexWrap: 'wrap' },
  nowrap: { whiteSpace: 'nowrap' },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  reserved: { width: '8em' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: 0 },
  h3: { margin: 0, overflowWrap: 'anywhere' },
  h4: { margin: `${tokens.spacingVerticalXS} 0 0`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  plainList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  tableLine: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  itemAction: { flexShrink: 0, minWidth: 'auto' },
  accepted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  disclosure: { alignSelf: 'flex-start', paddingLeft: 0 },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, scrollMarginTop: tokens.spacingVerticalS },
  // Read by screen readers, not shown: the result of the last action.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  focusTarget: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
  surface: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // The pane is ~350 px wide: the dialog keeps a margin on both sides.
  dialog: { maxWidth: 'calc(100vw - 24px)', boxSizing: 'border-box' },
  settings: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  rule: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  ruleText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  ruleSelect: { width: '8.5em' },
  changed: { fontWeight: tokens.fontWeightSemibold },
  finding: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    ':disabled': { cursor: 'default' },
  },
  findingText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  cells: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  icon: { display: 'inline-flex', flexShrink: 0, paddingTop: '2px' },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  info: { color: tokens.colorBrandForeground1 },
});

function SeverityIcon({ severity, label }: { severity: Severity; label: string }) {
  const styles = useStyles();
  const Icon = severity === 'error' ? ErrorCircle16Filled : severity === 'warning' ? Warning16Filled : Info16Filled;
  return (
    <span role="img" aria-label={label} className={`${styles.icon} ${styles[severity]}`}>
      <Icon aria-hidden />
    </span>
  );
}

/** Open findings by severity; accepted ones are counted apart and no longer count. */
function countBySeverity(findings: Finding[]): Record<Severity, number> & { accepted: number } {
  const n = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of findings) {
    if (f.accepted) n.accepted += 1;
    else n[f.severity] += 1;
  }
  return n;
}

const fmt = (n: number) => n.toFixed(2);
/** Points as a reviewer writes them: 10, 7.5 (not 10.00). */
const points = (n: number) => String(Number(n.toFixed(2)));

/** "得分 87.00 / 90.00（表外 10 分未计入）": Σ得分 / Σ分值, the points outside the table apart. */
function scoreLine(t: TableReport, s: UiStrings): string {
  return s.score(fmt(t.totals.score), fmt(t.totals.points), t.totals.reserved > 0 ? points(t.totals.reserved) : undefined);
}

function tableTitle(t: TableReport, s: UiStrings): string {
  return `${t.sheet} · ${t.unitName.trim() || s.unitUnknown}`;
}

interface FindingActions {
  onSelect: (f: Finding) => void;
  /** Opens the 忽略 dialog for this finding. */
  onAccept: (f: Finding) => void;
  onUnaccept: (f: Finding) => void;
  /** False while another action runs. */
  enabled: boolean;
}

/** The finding as a button that selects its cells; `id` names its message for the action beside it. */
function FindingButton({ finding, lang, s, onSelect, id }: { finding: Finding; lang: Lang; s: UiStrings; onSelect: (f: Finding) => void; id: string }) {
  const styles = useStyles();
  const shown = finding.cells.slice(0, CELLS_SHOWN).join(', ');
  const more = finding.cells.length - CELLS_SHOWN;
  const cellsText = finding.cells.length === 0 ? s.noCells : more > 0 ? `${shown} +${more}` : shown;
  return (
    <button
      type="button"
      className={styles.finding}
      disabled={finding.cells.length === 0}
      title={finding.cells.length ? s.goToCells(finding.sheet, finding.cells.join(',')) : undefined}
      onClick={() => onSelect(finding)}
    >
      <SeverityIcon severity={finding.severity} label={s.severity[finding.severity]} />
      <span className={styles.findingText}>
        <span id={id}>{finding.message[lang] || finding.message.zh}</span>
        <span className={styles.cells}>
          {s.cellsLabel}: {cellsText}
        </span>
        {finding.accepted && (
          <span className={styles.cells}>{s.acceptedNote(finding.accepted.reason, finding.accepted.date, finding.accepted.by)}</span>
        )}
      </span>
    </button>
  );
}

/**
 * 忽略: a small dialog asking for an optional reason; Enter accepts, Esc cancels. One for the
 * pane, opened for the finding whose 忽略 was pressed; the reason field takes the focus.
 */
function AcceptDialog({
  finding,
  lang,
  s,
  onAccept,
  onClose,
}: {
  finding: Finding | null;
  lang: Lang;
  s: UiStrings;
  onAccept: (f: Finding, reason: string, by: string) => void;
  onClose: () => void;
}) {
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(loadReviewer);
  const [shown, setShown] = useState<Finding | null>(finding);
  const messageId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!finding) return;
    // Keep the message while the dialog closes; start each opening with an empty reason.
    setShown(finding);
    setReason('');
    setBy(loadReviewer());
    const timer = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [finding]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!finding) return;
    saveReviewer(by.trim());
    onAccept(finding, reason, by.trim());
  };
  return (
    <Dialog open={finding !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={messageId} className={styles.dialog}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{s.acceptDialogTitle}</DialogTitle>
            <DialogContent className={styles.surface}>
              <Body1 id={messageId}>{shown ? shown.message[lang] || shown.message.zh : ''}</Body1>
              <Field label={s.acceptReason} hint={s.acceptReasonHint}>
                <Input ref={input} value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Field label={s.reviewerLabel} hint={s.reviewerHint}>
                <Input value={by} maxLength={100} autoComplete="name" onChange={(_, d) => setBy(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {s.acceptConfirm}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button type="button">{s.cancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function FindingItem({ finding, lang, s, actions }: { finding: Finding; lang: Lang; s: UiStrings; actions: FindingActions }) {
  const styles = useStyles();
  const id = useId();
  return (
    <li className={styles.item}>
      <FindingButton finding={finding} lang={lang} s={s} onSelect={actions.onSelect} id={id} />
      {finding.accepted ? (
        <Button
          size="small"
          appearance="subtle"
          className={styles.itemAction}
          aria-describedby={id}
          disabled={!actions.enabled}
          onClick={() => actions.onUnaccept(finding)}
        >
          {s.unaccept}
        </Button>
      ) : (
        <Button
          size="small"
          appearance="subtle"
          className={styles.itemAction}
          aria-describedby={id}
          aria-haspopup="dialog"
          disabled={!actions.enabled}
          onClick={() => actions.onAccept(finding)}
        >
          {s.accept}
        </Button>
      )}
    </li>
  );
}

/** 已忽略 (N): collapsed at first, listed apart from the open findings. */
function AcceptedFindings({ findings, lang, s, actions }: { findings: Finding[]; lang: Lang; s: UiStrings; actions: FindingActions }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className={styles.section}>
      <Button
        appearance="subtle"
        size="small"
        className={styles.disclosure}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {s.acceptedTitle(findings.length)}
      </Button>
      {open && (
        <ul id={listId} className={`${styles.plainList} ${styles.accepted}`} aria-label={s.acceptedTitle(findings.length)}>
          {findings.map((f, i) => (
            <FindingItem key={`${f.rule}-${f.cells.join()}-${i}`} finding={f} lang={lang} s={s} actions={actions} />
          ))}
        </ul>
      )}
    </div>
  );
}

function TopicGroup({ topic, findings, children, s }: { topic: Topic; findings: Finding[]; children: ReactNode; s: UiStrings }) {
  const styles = useStyles();
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <h4 id={id} className={styles.h4}>
        {s.topic[topic]} ({findings.length})
      </h4>
      <ul className={styles.plainList}>{children}</ul>
    </div>
  );
}

function TableFindings({
  table,
  filter,
  lang,
  s,
  actions,
}: {
  table: TableReport;
  filter: Filter;
  lang: Lang;
  s: UiStrings;
  actions: FindingActions;
}) {
  const styles = useStyles();
  const id = useId();
  const open = table.findings.filter((f) => !f.accepted);
  const accepted = table.findings.filter((f) => f.accepted);
  const shown = open.filter((f) => filter === 'all' || f.severity === filter);
  const none = table.findings.length === 0 ? s.noFindings : open.length === 0 ? s.allAccepted : s.noFindingsForFilter;
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Subtitle2 as="h3" id={id} className={styles.h3}>
        {tableTitle(table, s)}
      </Subtitle2>
      {shown.length === 0 ? (
        <Body1 className={styles.muted}>{none}</Body1>
      ) : (
        TOPICS.map((topic) => {
          const inTopic = shown.filter((f) => f.topic === topic);
          if (inTopic.length === 0) return null;
          return (
            <TopicGroup key={topic} topic={topic} findings={inTopic} s={s}>
              {inTopic.map((f) => (
                <FindingItem key={`${f.rule}-${f.cells.join()}`} finding={f} lang={lang} s={s} actions={actions} />
              ))}
            </TopicGroup>
          );
        })
      )}
      {accepted.length > 0 && <AcceptedFindings findings={accepted} lang={lang} s={s} actions={actions} />}
    </section>
  );
}

/** Topics in report order, each with its rules, for the settings list. */
const RULES_BY_TOPIC = TOPICS.map((topic) => ({ topic, rules: rules.filter((r) => r.topic === topic) })).filter((g) => g.rules.length > 0);

function RuleRow({ rule, setting, lang, s, onChange }: { rule: (typeof rules)[number]; setting: RuleSetting | undefined; lang: Lang; s: UiStrings; onChange: (v: RuleSetting | undefined) => void }) {
  const styles = useStyles();
  const id = useId();
  return (
    <li className={styles.rule}>
      <span className={styles.ruleText}>
        <Text id={id} size={200} className={setting ? styles.changed : undefined}>
          {rule.description[lang]}
        </Text>
        <Caption1 className={styles.muted}>{rule.id}</Caption1>
      </span>
      <Select
        size="small"
        className={styles.ruleSelect}
        aria-labelledby={id}
        value={setting ?? ''}
        onChange={(_, d) => onChange(d.value === '' ? undefined : (d.value as RuleSetting))}
      >
        <option value="">{s.ruleDefault(s.severity[rule.severity])}</option>
        {SEVERITIES.filter((sev) => sev !== rule.severity).map((sev) => (
          <option key={sev} value={sev}>
            {s.severity[sev]}
          </option>
        ))}
        <option value="off">{s.ruleOff}</option>
      </Select>
    </li>
  );
}

/** 设置: the template, reserved points and the rules, collapsed at first. */
function SettingsPanel({
  settings,
  reserved,
  lang,
  s,
  disabled,
  onChange,
  onOpenChange,
}: {
  settings: PaneSettings;
  reserved: ReactNode;
  lang: Lang;
  s: UiStrings;
  disabled: boolean;
  onChange: (patch: Partial<PaneSettings>) => void;
  onOpenChange: (open: boolean) => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const profileId = useId();
  const rulesId = useId();
  const changed = Object.keys(settings.rules ?? {}).length;
  const setRule = (id: string, value: RuleSetting | undefined) => {
    const next = { ...settings.rules };
    if (value === undefined) delete next[id];
    else next[id] = value;
    onChange({ rules: Object.keys(next).length ? next : undefined });
  };
  return (
    <div className={styles.section}>
      <Button
        appearance="subtle"
        className={styles.disclosure}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen(!open);
          onOpenChange(!open);
        }}
      >
        <Text weight="semibold">{s.settingsTitle}</Text>
      </Button>
      {open && (
        <div id={panelId} role="group" aria-label={s.settingsTitle} className={styles.settings}>
          <Field label={s.profileLabel} hint={s.profileHint}>
            <Select
              id={profileId}
              value={settings.profile ?? ''}
              disabled={disabled}
              onChange={(_, d) => {
                const profile = d.value === '' ? undefined : (d.value as ProfileName);
                onChange(profile ? { profile, reservedPoints: PROFILES[profile].options.reservedPoints ?? 0 } : { profile: undefined });
              }}
            >
              <option value="">{s.profileNone}</option>
              {PROFILE_NAMES.map((name) => (
                <option key={name} value={name}>
                  {PROFILES[name].label[lang]}
                </option>
              ))}
            </Select>
          </Field>
          {reserved}
          <div role="group" aria-labelledby={rulesId} className={styles.section}>
            <div className={styles.row}>
              <Text id={rulesId} weight="semibold">
                {s.rulesTitle}
              </Text>
              <Caption1 className={styles.muted}>{s.rulesChanged(changed)}</Caption1>
              <Button size="small" disabled={disabled || changed === 0} onClick={() => onChange({ rules: undefined })}>
                {s.rulesReset}
              </Button>
            </div>
            <Caption1 className={styles.muted}>{s.rulesHint}</Caption1>
            {RULES_BY_TOPIC.map((group) => (
              <div key={group.topic} role="group" aria-label={s.topic[group.topic]}>
                <h4 className={styles.h4}>{s.topic[group.topic]}</h4>
                <ul className={styles.plainList}>
                  {group.rules.map((rule) => (
                    <RuleRow key={rule.id} rule={rule} setting={settings.rules?.[rule.id]} lang={lang} s={s} onChange={(v) => setRule(rule.id, v)} />
                  ))}
                </ul>
              </div>
            ))}
          </div>
          <Caption1 className={styles.muted}>{s.settingsHint}</Caption1>
        </div>
      )}
    </div>
  );
}

function Summary({ result, s, headingRef }: { result: CheckResult; s: UiStrings; headingRef: Ref<HTMLHeadingElement> }) {
  const styles = useStyles();
  const id = useId();
  const { tables, sheetsWithoutTable } = result.report;
  const all = countBySeverity(tables.flatMap((t) => t.findings));
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id} className={`${styles.h2} ${styles.focusTarget}`} ref={headingRef} tabIndex={-1}>
        <Subtitle2>{s.summaryTitle}</Subtitle2>
      </h2>
      <Body1>{tables.length ? s.tablesFound(tables.length) : s.noTables}</Body1>
      {tables.length > 0 && <Body1>{s.counts(all.error, all.warning, all.info, all.accepted)}</Body1>}
      {tables.length > 0 && (
        <ul className={styles.plainList}>
          {tables.map((t, i) => {
            const n = countBySeverity(t.findings);
            const extra = [s.stage[t.stage], t.totals.grade ? s.grade(t.totals.grade) : '']
              .filter(Boolean)
              .join(' · ');
            return (
              <li key={`${t.sheet}-${i}`} className={styles.tableLine}>
                <Text weight="semibold">{tableTitle(t, s)}</Text>
                <br />
                <Text>{scoreLine(t, s)}</Text>
                <br />
                <Caption1 className={styles.muted}>
                  {s.counts(n.error, n.warning, n.info, n.accepted)} · {extra}
                </Caption1>
              </li>
            );
          })}
        </ul>
      )}
      {sheetsWithoutTable.length > 0 && <Caption1 className={styles.muted}>{s.sheetsWithoutTable(sheetsWithoutTable)}</Caption1>}
    </section>
  );
}

export function TaskPane({ host, lang: initialLang, developerInfo = false, checkOnStart = false, onLangChange }: TaskPaneProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const [reservedText, setReservedText] = useState(String(DEFAULT_SETTINGS.reservedPoints));
  const [ready, setReady] = useState(false);
  const [caps, setCaps] = useState<PaneCapabilities | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const [accepting, setAccepting] = useState<Finding | null>(null);
  const [dialogUsed, setDialogUsed] = useState(false);
  /** The 忽略 button that opened the dialog, to return to on cancel. */
  const opener = useRef<HTMLElement | null>(null);
  const nextNotice = useRef(1);
  const findingsHeading = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  const results = useRef<HTMLDivElement>(null);
  /** Set by a finished 校验: bring the results into view once they are drawn. */
  const [reveal, setReveal] = useState(0);
  /** What the live region says: the outcome of the last action (not sync counts, not progress). */
  const [announcement, setAnnouncement] = useState<(s: UiStrings) => string>(() => () => '');
  const [devOpen, setDevOpen] = useState(developerInfo);
  const ids = { options: useId(), findings: useId(), dev: useId() };

  const lang: Lang = settings.lang ?? initialLang ?? langFromTag(host.displayLanguage());
  const s = strings[lang];

  useEffect(() => {
    onLangChange?.(lang);
  }, [lang, onLangChange]);

  // After 校验 the user looks for the outcome: the notices, the summary and the first findings,
  // which may lie far below the 设置 panel. Bring them to the top of the pane and put the
  // keyboard focus on the summary, two Tab presses before the first finding.
  useEffect(() => {
    if (!reveal) return;
    results.current?.scrollIntoView?.({ block: 'start' });
    summaryHeading.current?.focus({ preventScroll: true });
  }, [reveal]);

  const notify = useCallback((n: Omit<Notice, 'id'>) => {
    const id = nextNotice.current++;
    setNotices((list) => (n.key && list.some((x) => x.key === n.key) ? list : [...list, { ...n, id }]));
  }, []);
  const failure = useCallback(
    (title: (s: UiStrings) => string, e: unknown, key?: string) => {
      notify({ key, intent: 'error', title, body: (t) => errorMessage(e, t.lang) });
      setAnnouncement(() => (t: UiStrings) => t.announceFailed(title(t)));
    },
    [notify],
  );

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const saved = await host.loadSettings();
        if (live && saved) {
          setSettings(saved);
          setReservedText(String(saved.reservedPoints));
        }
      } catch (e) {
        if (live) failure((t) => t.settingsLoadFailed, e, 'settings-load');
      }
      try {
        const c = await host.capabilities();
        if (live) setCaps(c);
      } catch {
        // Without capabilities the pane still works; only the mode line is missing.
      }
      if (live) setReady(true);
    })();
    return () => {
      live = false;
    };
  }, [host, failure]);

  const update = (patch: Partial<PaneSettings>) => {
    const next: PaneSettings = { ...settings, ...patch };
    // Unset choices leave no key behind (undefined would be saved as a choice).
    for (const key of Object.keys(next) as (keyof PaneSettings)[]) if (next[key] === undefined) delete next[key];
    setSettings(next);
    if (patch.reservedPoints !== undefined) setReservedText(String(patch.reservedPoints));
    host.saveSettings(next).catch((e: unknown) => failure((t) => t.settingsSaveFailed, e, 'settings-save'));
  };

  const reservedValid = reservedText.trim() !== '' && isValidReservedPoints(Number(reservedText));
  const notesAvailable = caps?.annotation !== 'fill';
  const effective = (): PaneSettings => ({ ...settings, notes: settings.notes && notesAvailable, lang });

  /** What a run wrote, skipped or was refused, as notices. */
  const reportWrites = (r: CheckResult, announceWritten: boolean) => {
    if (announceWritten && !settings.writeScores) {
      notify({ intent: 'info', title: (t) => t.writtenTitle, body: (t) => t.notWritten });
    }
    const wrote = r.written.filter((w) => !w.protected && w.cells > 0);
    if (announceWritten && wrote.length) {
      const first = wrote[0];
      const table = r.report.tables.find((t) => t.sheet === first.sheet);
      notify({
        intent: 'success',
        title: (t) => t.writtenTitle,
        body: (t) => t.wroteColumns(wrote),
        // 查看 selects the 得分 header, which brings the column into view in Excel and in the workbench.
        action: {
          label: (t) => t.writtenShow,
          run: () => {
            host.select(first.sheet, [`${first.column}${table?.headerRow ?? 1}`]).catch((e: unknown) => failure((t) => t.selectFailed, e));
          },
        },
      });
    }
    const kept = r.keptUserAnnotations ?? [];
    if (kept.length) notify({ intent: 'info', title: (t) => t.writtenTitle, body: (t) => t.keptUserAnnotations(kept) });
    for (const w of r.written) {
      if (w.protected) notify({ intent: 'warning', title: (t) => t.writtenTitle, body: (t) => t.protectedSheet(w.sheet) });
      else if (w.skipped.length) notify({ intent: 'warning', title: (t) => t.writtenTitle, body: (t) => t.skippedCells(w) });
    }
  };

  // Live re-check: while the pane is open after a check, the user's edits to a checked table (in
  // Excel, or a co-author's) check it again once the edits pause, so a fixed problem's finding and
  // fill go without another click. Never a sync per keystroke: the host debounces.
  const stopWatching = useRef<(() => Promise<void>) | null>(null);
  const running = useRef(false);
  const unwatch = () => {
    const stop = stopWatching.current;
    stopWatching.current = null;
    if (stop) stop().catch(() => undefined);
  };
  useEffect(() => unwatch, []);
  const watchTables = (r: CheckResult) => {
    unwatch();
    if (!caps?.liveRecheck || !host.watch) return;
    const sheets = [...new Set(r.report.tables.map((t) => t.sheet))];
    host
      .watch(sheets, () => {
        if (running.current) return;
        running.current = true;
        host
          .check(effective())
          .then((again) => {
            setResult(again);
            setAnnouncement(() => (t: UiStrings) => t.announceRechecked);
          })
          .catch((e: unknown) => failure((t) => t.checkFailed, e))
          .finally(() => {
            running.current = false;
          });
      })
      .then((stop) => {
        stopWatching.current = stop;
      })
      .catch(() => undefined); // no live re-check where the host cannot watch
  };
  const showReadWarnings = () => {
    for (const w of host.readWarnings?.() ?? []) notify({ intent: 'warning', title: (t) => t.readWarningsTitle, body: (t) => (t.lang === 'zh' ? w.zh : w.en) });
  };

  const check = async () => {
    setBusy('check');
    setNotices([]);
    running.current = true;
    try {
      const r = await host.check(effective());
      setResult(r);
      reportWrites(r, true);
      showReadWarnings();
      announceResult(r);
      setReveal((n) => n + 1);
      watchTables(r);
    } catch (e) {
      // Findings of an earlier run would pass for this one's.
      setResult(null);
      failure((t) => t.checkFailed, e);
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const announceResult = (r: CheckResult) => {
    const n = countBySeverity(r.report.tables.flatMap((t) => t.findings));
    const only = r.report.tables.length === 1 ? r.report.tables[0] : undefined;
    setAnnouncement(() => (t: UiStrings) => t.announceChecked(n.error, n.warning, n.info, n.accepted, r.report.tables.length, only && scoreLine(only, t)));
  };

  /** 忽略 / 取消忽略: the host stores the change in the workbook and checks again. */
  const changeAcceptance = async (f: Finding, reason: string | undefined, by?: string) => {
    const accepting = reason !== undefined;
    setBusy(accepting ? 'accept' : 'unaccept');
    setNotices([]);
    try {
      const note = { ...(reason?.trim() ? { reason: reason.trim() } : {}), ...(by?.trim() ? { by: by.trim() } : {}) };
      const r = accepting ? await host.accept(f, note, effective()) : await host.unaccept(f, effective());
      setResult(r);
      announceResult(r);
      notify({ intent: 'success', title: (t) => (accepting ? t.acceptedDoneTitle : t.unacceptedDoneTitle), body: (t) => (accepting ? t.acceptedDone : t.unacceptedDone) });
      reportWrites(r, false);
      // The finding moved between the lists: keep the keyboard user's place in the findings.
      findingsHeading.current?.focus();
    } catch (e) {
      failure((t) => (accepting ? t.acceptFailed : t.unacceptFailed), e);
    } finally {
      setBusy(null);
    }
  };

  const writeReport = async () => {
    setBusy('report');
    setNotices([]);
    try {
      const written = await host.writeReport(effective());
      notify({
        intent: 'success',
        title: (t) => t.reportTitle,
        body: (t) => `${t.reportWritten(written)}${written.links === 0 && caps?.hyperlinks === false ? ` ${t.reportNoLinks}` : ''}`,
        action: {
          label: (t) => t.reportShow,
          run: () => {
            host.select(written.sheet, ['A1']).catch((e: unknown) => failure((t) => t.selectFailed, e));
          },
        },
      });
    } catch (e) {
      failure((t) => t.reportFailed, e);
    } finally {
      setBusy(null);
    }
  };

  const clear = async () => {
    setBusy('clear');
    setNotices([]);
    unwatch(); // nothing checked is shown any more: nothing to keep up to date
    try {
      const n = await host.clear();
      // What was written is gone: findings and scores in the pane would describe cells no longer there.
      setResult(null);
      setFilter('all');
      setAnnouncement(() => (t: UiStrings) => t.announceCleared(n));
      notify(
        n > 0
          ? { intent: 'success', title: (t) => t.clear, body: (t) => t.cleared(n) }
          : { intent: 'info', title: (t) => t.clear, body: (t) => t.nothingToClear },
      );
    } catch (e) {
      failure((t) => t.clearFailed, e);
    } finally {
      setBusy(null);
    }
  };

  // The workbench re-checks in a new pane after another Excel version was chosen.
  const checkedOnStart = useRef(false);
  useEffect(() => {
    if (!ready || !checkOnStart || checkedOnStart.current) return;
    checkedOnStart.current = true;
    void check();
  });

  const select = (f: Finding) => {
    host.select(f.sheet, f.cells).catch((e: unknown) => failure((t) => t.selectFailed, e));
  };

  const actions: FindingActions = {
    onSelect: select,
    onAccept: (f) => {
      opener.current = document.activeElement as HTMLElement | null;
      setDialogUsed(true);
      setAccepting(f);
    },
    onUnaccept: (f) => void changeAcceptance(f, undefined),
    enabled: busy === null,
  };

  const counts = useMemo(() => countBySeverity(result?.report.tables.flatMap((t) => t.findings) ?? []), [result]);
  const total = counts.error + counts.warning + counts.info;
  const spinnerLabel: Record<Busy, string> = {
    check: s.checking,
    clear: s.clearing,
    accept: s.accepting,
    unaccept: s.unaccepting,
    report: s.reporting,
  };

  const reservedField = (
    <Field
      label={s.reservedPoints}
      hint={s.reservedPointsHint}
      validationState={reservedValid ? 'none' : 'error'}
      validationMessage={reservedValid ? undefined : s.reservedPointsInvalid}
    >
      <Input
        className={styles.reserved}
        type="number"
        min={0}
        step={1}
        value={reservedText}
        disabled={!ready}
        onChange={(_, d) => {
          setReservedText(d.value);
          const n = Number(d.value);
          if (d.value.trim() !== '' && isValidReservedPoints(n)) update({ reservedPoints: n });
        }}
      />
    </Field>
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main className={styles.root} aria-busy={busy !== null}>
        <div className={styles.header}>
          <Subtitle1 as="h1" className={styles.h1}>
            {s.title}
          </Subtitle1>
          <div role="group" aria-label="语言 / Language" className={styles.row}>
            {LANGS.map((l) => (
              <ToggleButton
                key={l}
                size="small"
                appearance="subtle"
                checked={lang === l}
                lang={l === 'zh' ? 'zh-CN' : 'en'}
                onClick={() => update({ lang: l })}
              >
                {languageNames[l]}
              </ToggleButton>
            ))}
          </div>
        </div>

        <div className={styles.row}>
          <Button appearance="primary" disabled={!ready || busy !== null || !reservedValid} onClick={() => void check()}>
            {s.check}
          </Button>
          <Button disabled={!ready || busy !== null} onClick={() => void clear()}>
            {s.clear}
          </Button>
          <Button disabled={!ready || busy !== null || !reservedValid} onClick={() => void writeReport()}>
            {s.report}
          </Button>
        </div>
        {busy && <Spinner size="tiny" labelPosition="after" label={spinnerLabel[busy]} />}
        {!ready && !busy && <Spinner size="tiny" labelPosition="after" label={s.loading} />}

        <fieldset className={styles.options} aria-labelledby={ids.options}>
          <legend id={ids.options} className={styles.legend}>
            <Text weight="semibold">{s.optionsLabel}</Text>
          </legend>
          <div className={styles.switches}>
            <Switch
              label={s.writeScores}
              checked={settings.writeScores}
              disabled={!ready}
              onChange={(_, d) => update({ writeScores: d.checked })}
            />
            <Switch
              label={s.notes}
              checked={settings.notes && notesAvailable}
              disabled={!ready || !settings.writeScores || !notesAvailable}
              onChange={(_, d) => update({ notes: d.checked })}
            />
            <Switch
              label={s.fills}
              checked={settings.fills}
              disabled={!ready || !settings.writeScores}
              onChange={(_, d) => update({ fills: d.checked })}
            />
          </div>
          {caps && !notesAvailable && <Caption1 className={styles.muted}>{s.notesUnavailable}</Caption1>}
        </fieldset>

        <SettingsPanel
          settings={settings}
          reserved={reservedField}
          lang={lang}
          s={s}
          disabled={!ready}
          onChange={update}
          onOpenChange={(open) => {
            // A half-typed reserved value hidden in a closed panel would block 校验 without a word.
            if (!open && !reservedValid) setReservedText(String(settings.reservedPoints));
          }}
        />

        <div ref={results} className={styles.results}>
          {notices.length > 0 && (
            <div className={styles.notices}>
              {notices.map((n) => (
                <MessageBar key={n.id} intent={n.intent} layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{n.title(s)}</MessageBarTitle> {n.body(s)}
                  </MessageBarBody>
                  <MessageBarActions
                    containerAction={
                      <Button
                        aria-label={s.dismiss}
                        appearance="transparent"
                        icon={<DismissRegular />}
                        onClick={() => setNotices((list) => list.filter((x) => x.id !== n.id))}
                      />
                    }
                  >
                    {n.action && (
                      <Button size="small" onClick={n.action.run}>
                        {n.action.label(s)}
                      </Button>
                    )}
                  </MessageBarActions>
                </MessageBar>
              ))}
            </div>
          )}

          {!result && !busy && <Body1 className={styles.muted}>{s.startHint}</Body1>}

          {result && <Summary result={result} s={s} headingRef={summaryHeading} />}

          {/* Mounted from the first 忽略 on, so that closing it restores the pane (aria-hidden) properly. */}
          {dialogUsed && (
            <AcceptDialog
              finding={accepting}
              lang={lang}
              s={s}
              onAccept={(f, reason, by) => {
                setAccepting(null);
                void changeAcceptance(f, reason, by);
              }}
              onClose={() => {
                setAccepting(null);
                const back = opener.current;
                setTimeout(() => back?.focus(), 0);
              }}
            />
          )}

          {result && result.report.tables.length > 0 && (
            <section aria-labelledby={ids.findings} className={styles.section}>
              <h2 id={ids.findings} className={styles.h2} ref={findingsHeading} tabIndex={-1}>
                <Subtitle2>{s.findingsTitle}</Subtitle2>
              </h2>
              {total > 0 && (
                <RadioGroup
                  layout="horizontal"
                  className={styles.filter}
                  aria-label={s.filterLabel}
                  value={filter}
                  onChange={(_, d) => setFilter(d.value as Filter)}
                >
                  <Radio value="all" label={{ children: `${s.filterAll} (${total})`, className: styles.nowrap }} />
                  {SEVERITIES.map((sev) => (
                    <Radio
                      key={sev}
                      value={sev}
                      label={{ children: `${s.severityPlural[sev]} (${counts[sev]})`, className: styles.nowrap }}
                    />
                  ))}
                </RadioGroup>
              )}
              {result.report.tables.map((t, i) => (
                <TableFindings key={`${t.sheet}-${i}`} table={t} filter={filter} lang={lang} s={s} actions={actions} />
              ))}
            </section>
          )}
        </div>

        <div className={styles.section}>
          <Button
            appearance="subtle"
            size="small"
            className={styles.disclosure}
            icon={devOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={devOpen}
            aria-controls={ids.dev}
            onClick={() => setDevOpen(!devOpen)}
          >
            {s.developerInfo}
          </Button>
          {devOpen && (
            <div id={ids.dev} className={styles.section}>
              {caps && <Caption1 className={styles.muted}>{s.capability(caps)}</Caption1>}
              <Caption1 className={styles.muted}>{s.configFormat}</Caption1>
            </div>
          )}
        </div>

        <div role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden} data-testid="pane-announcement">
          {announcement(s)}
        </div>
      </main>
    </FluentProvider>
  );
}
