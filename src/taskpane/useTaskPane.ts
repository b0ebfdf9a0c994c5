// The pane's state and actions: settings loaded and saved through the session, 校验 / 清除结果 /
// 校验报告 / 忽略 / 取消忽略, the notices and the live announcement, the live re-check. The
// layout (TaskPane.tsx) only reads what this returns and calls its actions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding, Lang } from '../core/index.js';
import { DEFAULT_SETTINGS, type CheckResult, type FindingGrouping, type PaneCapabilities, type PaneSettings, type Session, isValidReservedPoints } from '../workflow/index.js';
import type { FindingActions } from './components/FindingItem.js';
import type { Filter } from './components/FindingList.js';
import type { Notice } from './components/Notices.js';
import { countBySeverity, scoreLine } from './format.js';
import { errorMessage, hostName, langFromTag, strings, type UiStrings } from './i18n.js';

export type Busy = 'check' | 'clear' | 'accept' | 'unaccept' | 'report';

export interface UseTaskPaneOptions {
  host: Session;
  /** Language to start in when no language was saved; defaults to the host's display language. */
  lang?: Lang;
  /** Run 校验 as soon as the pane is ready (the workbench re-checks after another Excel version was chosen). */
  checkOnStart?: boolean;
  /** Told the pane's language whenever it changes, so the page around the pane can follow it. */
  onLangChange?: (lang: Lang) => void;
}

export function useTaskPane({ host, lang: initialLang, checkOnStart = false, onLangChange }: UseTaskPaneOptions) {
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

  const lang: Lang = settings.lang ?? initialLang ?? langFromTag(host.displayLanguage());
  const s = strings[lang];
  const grouping: FindingGrouping = settings.groupBy ?? 'topic';

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
        body: (t) => `${t.reportWritten(written)}${written.links === 0 && caps?.hyperlinks === false ? ` ${t.reportNoLinks(hostName(caps, t.lang))}` : ''}`,
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

  return {
    lang,
    s,
    settings,
    update,
    ready,
    caps,
    busy,
    result,
    counts,
    notices,
    dismissNotice: (id: number) => setNotices((list) => list.filter((x) => x.id !== id)),
    filter,
    setFilter,
    grouping,
    setGrouping: (g: FindingGrouping) => update({ groupBy: g === 'topic' ? undefined : g }),
    reservedText,
    reservedValid,
    /** The 预留分值 field's text: a valid number is saved at once; an invalid one blocks 校验. */
    changeReservedText: (text: string) => {
      setReservedText(text);
      const n = Number(text);
      if (text.trim() !== '' && isValidReservedPoints(n)) update({ reservedPoints: n });
    },
    /** A half-typed reserved value hidden in a closed panel would block 校验 without a word. */
    settingsOpenChanged: (open: boolean) => {
      if (!open && !reservedValid) setReservedText(String(settings.reservedPoints));
    },
    notesAvailable,
    check: () => void check(),
    clear: () => void clear(),
    writeReport: () => void writeReport(),
    actions,
    /** The finding whose 忽略 dialog is open, and whether the dialog was ever opened. */
    accepting,
    dialogUsed,
    confirmAccept: (f: Finding, reason: string, by: string) => {
      setAccepting(null);
      void changeAcceptance(f, reason, by);
    },
    closeAccept: () => {
      setAccepting(null);
      const back = opener.current;
      setTimeout(() => back?.focus(), 0);
    },
    announcement: announcement(s),
    refs: { findingsHeading, summaryHeading, results },
  };
}
