// The task pane: 校验 button, options, summary, findings. Talks only to a PaneHost.
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
  Radio,
  RadioGroup,
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
import { DismissRegular, ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Finding, Lang, Severity, TableReport, Topic } from '../core/types.js';
import { DEFAULT_SETTINGS, type CheckResult, type PaneCapabilities, type PaneHost, type PaneSettings } from './host.js';
import { errorMessage, langFromTag, languageNames, strings, type UiStrings } from './i18n.js';
import { isValidReservedPoints } from './settings.js';

export interface TaskPaneProps {
  host: PaneHost;
  /** Language to start in when no language was saved; defaults to the host's display language. */
  lang?: Lang;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const TOPICS: Topic[] = ['structure', 'weights', 'budget', 'value-format', 'scoring'];
const LANGS: Lang[] = ['zh', 'en'];
/** Cell addresses shown per finding before "+N"; the click still selects them all. */
const CELLS_SHOWN = 4;

type Filter = 'all' | Severity;

interface Notice {
  id: number;
  /** Notices with the same key are shown once (a read-only document fails every settings save). */
  key?: string;
  intent: 'error' | 'warning' | 'success' | 'info';
  /** Rendered at display time so a language switch re-renders notices too. */
  title: (s: UiStrings) => string;
  body: (s: UiStrings) => string;
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

function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity] += 1;
  return n;
}

const fmt = (n: number) => n.toFixed(2);

function tableTitle(t: TableReport, s: UiStrings): string {
  return `${t.sheet} · ${t.unitName.trim() || s.unitUnknown}`;
}

function FindingItem({ finding, lang, s, onSelect }: { finding: Finding; lang: Lang; s: UiStrings; onSelect: (f: Finding) => void }) {
  const styles = useStyles();
  const shown = finding.cells.slice(0, CELLS_SHOWN).join(', ');
  const more = finding.cells.length - CELLS_SHOWN;
  const cellsText = finding.cells.length === 0 ? s.noCells : more > 0 ? `${shown} +${more}` : shown;
  return (
    <li>
      <button
        type="button"
        className={styles.finding}
        disabled={finding.cells.length === 0}
        title={finding.cells.length ? s.goToCells(finding.sheet, finding.cells.join(',')) : undefined}
        onClick={() => onSelect(finding)}
      >
        <SeverityIcon severity={finding.severity} label={s.severity[finding.severity]} />
        <span className={styles.findingText}>
          <span>{finding.message[lang] || finding.message.zh}</span>
          <span className={styles.cells}>
            {s.cellsLabel}: {cellsText}
          </span>
        </span>
      </button>
    </li>
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
  onSelect,
}: {
  table: TableReport;
  filter: Filter;
  lang: Lang;
  s: UiStrings;
  onSelect: (f: Finding) => void;
}) {
  const styles = useStyles();
  const id = useId();
  const shown = table.findings.filter((f) => filter === 'all' || f.severity === filter);
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Subtitle2 as="h3" id={id} className={styles.h3}>
        {tableTitle(table, s)}
      </Subtitle2>
      {shown.length === 0 ? (
        <Body1 className={styles.muted}>{table.findings.length === 0 ? s.noFindings : s.noFindingsForFilter}</Body1>
      ) : (
        TOPICS.map((topic) => {
          const inTopic = shown.filter((f) => f.topic === topic);
          if (inTopic.length === 0) return null;
          return (
            <TopicGroup key={topic} topic={topic} findings={inTopic} s={s}>
              {inTopic.map((f, i) => (
                <FindingItem key={`${f.rule}-${i}`} finding={f} lang={lang} s={s} onSelect={onSelect} />
              ))}
            </TopicGroup>
          );
        })
      )}
    </section>
  );
}

function Summary({ result, s }: { result: CheckResult; s: UiStrings }) {
  const styles = useStyles();
  const id = useId();
  const { tables, sheetsWithoutTable } = result.report;
  const all = countBySeverity(tables.flatMap((t) => t.findings));
  return (
    <section aria-labelledby={id} className={styles.section}>
      <Subtitle2 as="h2" id={id} className={styles.h2}>
        {s.summaryTitle}
      </Subtitle2>
      <Body1>{tables.length ? s.tablesFound(tables.length) : s.noTables}</Body1>
      {tables.length > 0 && <Body1>{s.counts(all.error, all.warning, all.info)}</Body1>}
      {tables.length > 0 && (
        <ul className={styles.plainList}>
          {tables.map((t, i) => {
            const n = countBySeverity(t.findings);
            const extra = [
              s.stage[t.stage],
              t.totals.grade ? s.grade(t.totals.grade) : '',
              t.totals.reserved > 0 ? s.reserved(fmt(t.totals.reserved)) : '',
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <li key={`${t.sheet}-${i}`} className={styles.tableLine}>
                <Text weight="semibold">{tableTitle(t, s)}</Text>
                <br />
                <Text>{s.score(fmt(t.totals.score), fmt(t.totals.points))}</Text>
                <br />
                <Caption1 className={styles.muted}>
                  {s.counts(n.error, n.warning, n.info)} · {extra}
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

export function TaskPane({ host, lang: initialLang }: TaskPaneProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  const [reservedText, setReservedText] = useState(String(DEFAULT_SETTINGS.reservedPoints));
  const [ready, setReady] = useState(false);
  const [caps, setCaps] = useState<PaneCapabilities | null>(null);
  const [busy, setBusy] = useState<'check' | 'clear' | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const nextNotice = useRef(1);
  const ids = { options: useId(), findings: useId() };

  const lang: Lang = settings.lang ?? initialLang ?? langFromTag(host.displayLanguage());
  const s = strings[lang];

  const notify = useCallback((n: Omit<Notice, 'id'>) => {
    const id = nextNotice.current++;
    setNotices((list) => (n.key && list.some((x) => x.key === n.key) ? list : [...list, { ...n, id }]));
  }, []);
  const failure = useCallback(
    (title: (s: UiStrings) => string, e: unknown, key?: string) =>
      notify({ key, intent: 'error', title, body: (t) => errorMessage(e, t.lang) }),
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
    const next = { ...settings, ...patch };
    setSettings(next);
    host.saveSettings(next).catch((e: unknown) => failure((t) => t.settingsSaveFailed, e, 'settings-save'));
  };

  const reservedValid = reservedText.trim() !== '' && isValidReservedPoints(Number(reservedText));
  const notesAvailable = caps?.annotation !== 'fill';

  const check = async () => {
    setBusy('check');
    setNotices([]);
    try {
      const r = await host.check({ ...settings, notes: settings.notes && notesAvailable, lang });
      setResult(r);
      if (!settings.writeScores) {
        notify({ intent: 'info', title: (t) => t.writtenTitle, body: (t) => t.notWritten });
      }
      const wrote = r.written.filter((w) => !w.protected && w.cells > 0);
      if (wrote.length) {
        notify({ intent: 'success', title: (t) => t.writtenTitle, body: (t) => t.wroteColumns(wrote) });
      }
      const kept = r.keptUserAnnotations ?? [];
      if (kept.length) notify({ intent: 'info', title: (t) => t.writtenTitle, body: (t) => t.keptUserAnnotations(kept) });
      for (const w of r.written) {
        if (w.protected) notify({ intent: 'warning', title: (t) => t.writtenTitle, body: (t) => t.protectedSheet(w.sheet) });
        else if (w.skipped.length) notify({ intent: 'warning', title: (t) => t.writtenTitle, body: (t) => t.skippedCells(w) });
      }
    } catch (e) {
      // Findings of an earlier run would pass for this one's.
      setResult(null);
      failure((t) => t.checkFailed, e);
    } finally {
      setBusy(null);
    }
  };

  const clear = async () => {
    setBusy('clear');
    setNotices([]);
    try {
      const n = await host.clear();
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

  const select = (f: Finding) => {
    host.select(f.sheet, f.cells).catch((e: unknown) => failure((t) => t.selectFailed, e));
  };

  const counts = useMemo(() => countBySeverity(result?.report.tables.flatMap((t) => t.findings) ?? []), [result]);
  const total = counts.error + counts.warning + counts.info;

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
        </div>
        {busy && <Spinner size="tiny" labelPosition="after" label={busy === 'check' ? s.checking : s.clearing} />}
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
          {caps && <Caption1 className={styles.muted}>{s.capability(caps)}</Caption1>}
          {caps && !notesAvailable && <Caption1 className={styles.muted}>{s.notesUnavailable}</Caption1>}
        </fieldset>

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
                />
              </MessageBar>
            ))}
          </div>
        )}

        {!result && !busy && <Body1 className={styles.muted}>{s.startHint}</Body1>}

        {result && <Summary result={result} s={s} />}

        {result && result.report.tables.length > 0 && (
          <section aria-labelledby={ids.findings} className={styles.section}>
            <Subtitle2 as="h2" id={ids.findings} className={styles.h2}>
              {s.findingsTitle}
            </Subtitle2>
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
              <TableFindings key={`${t.sheet}-${i}`} table={t} filter={filter} lang={lang} s={s} onSelect={select} />
            ))}
          </section>
        )}
      </main>
    </FluentProvider>
  );
}
