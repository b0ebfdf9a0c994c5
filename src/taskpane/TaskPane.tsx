// The task pane's layout: header and language, the three actions, the options, 设置, then the
// results (notices, 概况, 问题清单) and 开发者信息. State and actions live in useTaskPane; the
// words come from the strings context; each part is a component in components/.
import { Body1, Button, Caption1, Field, FluentProvider, Input, Spinner, Subtitle1, Switch, Text, ToggleButton, webLightTheme } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Lang } from '../core/index.js';
import type { Session } from '../workflow/index.js';
import { AcceptDialog } from './components/AcceptDialog.js';
import { FindingList } from './components/FindingList.js';
import { Notices } from './components/Notices.js';
import { SettingsPanel } from './components/SettingsPanel.js';
import { useSharedStyles } from './components/shared.styles.js';
import { Summary } from './components/Summary.js';
import { hostName, languageNames } from './i18n.js';
import { PaneStringsProvider } from './PaneStrings.js';
import { useTaskPaneStyles } from './TaskPane.styles.js';
import { useTaskPane, type Busy } from './useTaskPane.js';
import { DisclosureButton } from './components/Disclosure.js';

export { REVIEWER_KEY } from './components/AcceptDialog.js';

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

const LANGS: Lang[] = ['zh', 'en'];

export function TaskPane({ developerInfo = false, ...options }: TaskPaneProps) {
  const styles = useTaskPaneStyles();
  const shared = useSharedStyles();
  const pane = useTaskPane(options);
  const { s, lang, settings, ready, busy, caps, result } = pane;
  const [devOpen, setDevOpen] = useState(developerInfo);
  const ids = { options: useId(), dev: useId() };
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
      validationState={pane.reservedValid ? 'none' : 'error'}
      validationMessage={pane.reservedValid ? undefined : s.reservedPointsInvalid}
    >
      <Input className={styles.reserved} type="number" min={0} step={1} value={pane.reservedText} disabled={!ready} onChange={(_, d) => pane.changeReservedText(d.value)} />
    </Field>
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <PaneStringsProvider lang={lang}>
        <main className={styles.root} aria-busy={busy !== null}>
          <div className={styles.header}>
            <Subtitle1 as="h1" className={styles.h1}>
              {s.title}
            </Subtitle1>
            <div role="group" aria-label="语言 / Language" className={shared.row}>
              {LANGS.map((l) => (
                <ToggleButton key={l} size="small" appearance="subtle" checked={lang === l} lang={l === 'zh' ? 'zh-CN' : 'en'} onClick={() => pane.update({ lang: l })}>
                  {languageNames[l]}
                </ToggleButton>
              ))}
            </div>
          </div>

          <div className={shared.row}>
            <Button appearance="primary" disabled={!ready || busy !== null || !pane.reservedValid} onClick={pane.check}>
              {s.check}
            </Button>
            <Button disabled={!ready || busy !== null} onClick={pane.clear}>
              {s.clear}
            </Button>
            <Button disabled={!ready || busy !== null || !pane.reservedValid} onClick={pane.writeReport}>
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
              <Switch label={s.writeScores} checked={settings.writeScores} disabled={!ready} onChange={(_, d) => pane.update({ writeScores: d.checked })} />
              <Switch
                label={s.notes}
                checked={settings.notes && pane.notesAvailable}
                disabled={!ready || !settings.writeScores || !pane.notesAvailable}
                onChange={(_, d) => pane.update({ notes: d.checked })}
              />
              <Switch label={s.fills} checked={settings.fills} disabled={!ready || !settings.writeScores} onChange={(_, d) => pane.update({ fills: d.checked })} />
            </div>
            {caps && !pane.notesAvailable && <Caption1 className={shared.muted}>{s.notesUnavailable(hostName(caps, s.lang))}</Caption1>}
          </fieldset>

          <SettingsPanel settings={settings} reserved={reservedField} disabled={!ready} onChange={pane.update} onOpenChange={pane.settingsOpenChanged} />

          <div ref={pane.refs.results} className={styles.results}>
            <Notices notices={pane.notices} onDismiss={pane.dismissNotice} />

            {!result && !busy && <Body1 className={shared.muted}>{s.startHint}</Body1>}

            {result && <Summary report={result.report} headingRef={pane.refs.summaryHeading} />}

            {/* Mounted from the first 忽略 on, so that closing it restores the pane (aria-hidden) properly. */}
            {pane.dialogUsed && <AcceptDialog finding={pane.accepting} onAccept={pane.confirmAccept} onClose={pane.closeAccept} />}

            {result && result.report.tables.length > 0 && (
              <FindingList
                tables={result.report.tables}
                counts={pane.counts}
                filter={pane.filter}
                onFilterChange={pane.setFilter}
                grouping={pane.grouping}
                onGroupingChange={pane.setGrouping}
                actions={pane.actions}
                headingRef={pane.refs.findingsHeading}
              />
            )}
          </div>

          <div className={shared.section}>
            <DisclosureButton open={devOpen} onToggle={() => setDevOpen(!devOpen)} controls={ids.dev}>
              {s.developerInfo}
            </DisclosureButton>
            {devOpen && (
              <div id={ids.dev} className={shared.section}>
                {caps && <Caption1 className={shared.muted}>{s.capability(caps)}</Caption1>}
                <Caption1 className={shared.muted}>{s.configFormat}</Caption1>
              </div>
            )}
          </div>

          <div role="status" aria-live="polite" aria-atomic="true" className={styles.visuallyHidden} data-testid="pane-announcement">
            {pane.announcement}
          </div>
        </main>
      </PaneStringsProvider>
    </FluentProvider>
  );
}
