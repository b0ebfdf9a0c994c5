// The workbench page: a workbook on the left drawn from the simulator's model, the real task
// pane on the right driving it through the Excel adapter, and a toolbar to open and download.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, FolderOpenRegular, PanelRightContractRegular, PanelRightExpandRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { CellValue, Indicator, Lang } from '../core/index.js';
import { formatGeneral } from './displayFormat.js';
import { SheetGrid } from './SheetGrid.js';
import { PaneSlot } from './PaneSlot.js';
import { downloadName, openWorkbook, readPreviousYear, saveWorkbook, XLSM_MIME, XLSX_MIME, type WorkbookSession } from './session.js';
import { activeCell, hasUnsavedChanges, nameBoxText, savedState, type SavedState } from './sheetView.js';
import { parseQualified } from '../adapters/office/addresses.js';
import { DEFAULT_API_VERSION, findSheet, isVisibleSheet, parseAreaAddress } from '../adapters/simulator/index.js';
import { workbenchStrings } from './strings.js';
import { WorkbookProblem } from '../adapters/xlsx/index.js';
import { createWorkbenchHost, createWpsWorkbenchHost, type ActionRecord, type WorkbenchHostOptions } from './workbenchHost.js';
import { workbookSettingsStore } from './settingsStore.js';

export interface WorkbenchProps {
  /** The page's language at start; the pane's language switch changes it. */
  lang: Lang;
  /** Developer information (simulated Excel version, sync counts) open from the start: ?dev. */
  developer?: boolean;
  /** The workbook opened at start, relative to the page (or a data: URL). */
  sampleUrl: string;
  /** Its file name, when the URL does not end in one. */
  sampleName?: string;
}

/** Excel versions worth trying: each switches the adapter to another annotation/merge mode. */
const WPS_HOST = 'wps';
const EXCEL_VERSIONS: { version: string; label: Record<Lang, string> }[] = [
  { version: '1.20', label: { zh: 'Microsoft 365（ExcelApi 1.20）', en: 'Microsoft 365 (ExcelApi 1.20)' } },
  { version: '1.17', label: { zh: 'Office 2024（ExcelApi 1.17）', en: 'Office 2024 (ExcelApi 1.17)' } },
  { version: '1.14', label: { zh: 'Office 2021（ExcelApi 1.14）', en: 'Office 2021 (ExcelApi 1.14)' } },
  { version: '1.9', label: { zh: 'ExcelApi 1.9（无批注）', en: 'ExcelApi 1.9 (no notes)' } },
  { version: '1.4', label: { zh: 'ExcelApi 1.4（最低要求）', en: 'ExcelApi 1.4 (minimum)' } },
  // Not an ExcelApi version: the pane runs over simulated WPS 表格 instead (issue 15).
  { version: WPS_HOST, label: { zh: 'WPS 表格（模拟）', en: 'WPS Spreadsheets (simulated)' } },
];
const ZOOMS = [1, 0.9, 0.8, 0.7, 0.6];
/** The pane's width in pixels: as in Excel, 360 unless the user drags or keys the divider. */
const PANE_WIDTH = { initial: 360, min: 280, max: 800, step: 20 };

/** A problem with the file in the page's language (the CLI's words); anything else as it came. */
const message = (e: unknown, lang: Lang) => (e instanceof WorkbookProblem ? e.text[lang] : e instanceof Error ? e.message : String(e));

/** What the formula bar shows: the stored value, not its formatted text. */
function rawText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatGeneral(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

function fileNameOf(url: string): string {
  return decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() || 'workbook.xlsx');
}

export function Workbench({ lang: startLang, developer = false, sampleUrl, sampleName }: WorkbenchProps) {
  const [lang, setLang] = useState(startLang);
  const s = workbenchStrings[lang];
  const langRef = useRef(lang);
  langRef.current = lang;
  // One language per page: the tab title and <html lang> follow the page (and so the pane).
  useEffect(() => {
    document.title = s.title;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [s, lang]);
  /** What the workbook held when opened or last downloaded: 有未下载的更改 compares with it. */
  const [saved, setSaved] = useState<SavedState | null>(null);
  /** A file the user chose while changes were not downloaded, waiting for their answer. */
  const [pending, setPending] = useState<File | null>(null);
  /** The header of the 得分 column the last check wrote, for the grid to scroll to. */
  const [reveal, setReveal] = useState<{ sheet: string; cell: string; n: number } | null>(null);
  /** The open workbook has results in the pane (a check ran, not cleared since). */
  const checked = useRef(false);
  const [session, setSession] = useState<WorkbookSession | null>(null);
  const [opening, setOpening] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [apiVersion, setApiVersion] = useState(DEFAULT_API_VERSION);
  const [zoom, setZoom] = useState(1);
  const [lastAction, setLastAction] = useState<ActionRecord | null>(null);
  const [actions, setActions] = useState(0);
  // The model is mutated in place: `revision` counts content changes, `tick` any change at all.
  const [revision, setRevision] = useState(0);
  const [, setTick] = useState(0);
  const [dragging, setDragging] = useState(false);
  /** Shown when the user types into the grid or the name box holds no address. */
  const [hint, setHint] = useState<string | null>(null);
  /** The name box while the user types in it; null shows the selection. */
  const [nameText, setNameText] = useState<string | null>(null);
  /** The pane can be hidden to give the grid the width (at 200 % zoom, on a small screen); it keeps its results. */
  const [paneOpen, setPaneOpen] = useState(true);
  // 上年表: read at each check through a ref, so loading one does not remount the pane.
  const [previous, setPrevious] = useState<{ name: string; indicators: Indicator[] } | null>(null);
  const previousRef = useRef(previous);
  previousRef.current = previous;
  const previousInput = useRef<HTMLInputElement>(null);
  /** Null until the user resizes the pane; then its width in pixels. */
  const [paneWidth, setPaneWidth] = useState<number | null>(null);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const resizeTo = (w: number) => setPaneWidth(Math.round(Math.min(PANE_WIDTH.max, Math.max(PANE_WIDTH.min, w))));
  const currentPaneWidth = () => document.getElementById('wb-pane')?.getBoundingClientRect().width || PANE_WIDTH.initial;
  const fileInput = useRef<HTMLInputElement>(null);
  const loads = useRef(0);
  const versionRef = useRef(apiVersion);
  versionRef.current = apiVersion;

  const pane = useMemo(
    () =>
      session
        ? {
            // The same model under either host: the Excel simulator, or simulated WPS 表格.
            host: (apiVersion === WPS_HOST ? (o: WorkbenchHostOptions) => createWpsWorkbenchHost(session.excel.model, o) : (o: WorkbenchHostOptions) => createWorkbenchHost(session.excel, o))({
              // Kept in the workbook: downloaded with it, and each workbook its own.
              settings: workbookSettingsStore(session.excel),
              displayLanguage: () => (langRef.current === 'zh' ? 'zh-CN' : 'en-US'),
              previous: () => previousRef.current?.indicators,
              onAction: (record) => {
                setLastAction(record);
                // The ET simulator has no sync events: redraw after each of its actions.
                if (record.wpsCalls !== undefined) setRevision((r) => r + 1);
                // An old failure to open another file says nothing about what worked since.
                if (record.ok) setError(null);
                setActions((n) => n + 1);
                if (record.ok && (record.action === 'check' || record.action === 'accept' || record.action === 'unaccept')) checked.current = true;
                if (record.ok && record.action === 'clear') checked.current = false;
                if (record.ok && record.written) {
                  const m = session.excel.model;
                  const target = findSheet(m, record.written.sheet);
                  if (target && isVisibleSheet(target)) {
                    m.activeSheet = target.name;
                    const { sheet: name, cell: header } = record.written;
                    setReveal((r) => ({ sheet: name, cell: header, n: (r?.n ?? 0) + 1 }));
                  }
                }
              },
            }),
            // Another Excel version mounts a new pane: it checks again rather than drop the findings.
            checkOnStart: checked.current,
          }
        : null,
    // A new Excel version gets a new adapter and pane: capabilities are read when the pane starts.
    [session, apiVersion],
  );

  useEffect(() => {
    if (!session) return;
    const unsubscribe = session.excel.subscribe((event) => {
      // Reads and selections leave the cells as they were: only a changing sync redraws them.
      if (event.type === 'sync' && event.changed) setRevision((r) => r + 1);
      setTick((t) => t + 1);
    });
    return () => {
      unsubscribe();
    };
  }, [session]);

  const open = useCallback(
    async (bytes: Promise<ArrayBuffer>, name: string, failure: (reason: string) => string) => {
      const load = ++loads.current;
      setOpening(true);
      setError(null);
      try {
        const next = await openWorkbook(await bytes, name, versionRef.current === WPS_HOST ? DEFAULT_API_VERSION : versionRef.current);
        if (load !== loads.current) return;
        checked.current = false;
        setSession(next);
        setSaved(savedState(next.excel.model));
        setReveal(null);
        setLastAction(null);
      } catch (e) {
        if (load === loads.current) setError(failure(message(e, langRef.current)));
      } finally {
        if (load === loads.current) setOpening(false);
      }
    },
    [],
  );

  useEffect(() => {
    const bytes = fetch(sampleUrl).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    // Not keyed on the language: switching it must not reopen the sample over the user's work.
    void open(bytes, sampleName ?? fileNameOf(sampleUrl), () => workbenchStrings[langRef.current].sampleFailed);
  }, [open, sampleUrl, sampleName]);

  const openNow = (file: File) => {
    // The reason names the file; the page says which workbook is still shown.
    void open(file.arrayBuffer(), file.name, (reason) => `${reason}${session ? workbenchStrings[langRef.current].stillShowing(session.name) : ''}`);
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    if (!/\.xls[xm]$/i.test(file.name)) {
      setError(s.onlyXlsx);
      return;
    }
    // Accepted findings and their reasons live only in this page until downloaded: ask first.
    if (unsaved) setPending(file);
    else openNow(file);
  };

  const openPrevious = async (file: File) => {
    if (!/\.xls[xm]$/i.test(file.name)) {
      setError(s.onlyXlsx);
      return;
    }
    try {
      const indicators = await readPreviousYear(await file.arrayBuffer(), file.name);
      if (indicators.length === 0) setError(s.previousNone(file.name));
      else {
        setPrevious({ name: file.name, indicators });
        setError(null);
      }
    } catch (e) {
      setError(message(e, lang));
    }
  };

  const download = async (): Promise<boolean> => {
    if (!session) return false;
    try {
      const blob = await saveWorkbook(session);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = downloadName(session.name);
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setSaved(savedState(session.excel.model));
      setTick((t) => t + 1);
      return true;
    } catch (e) {
      setError(s.downloadFailed(message(e, lang)));
      return false;
    }
  };

  const model = session?.excel.model;
  const sheet = model ? (findSheet(model, model.activeSheet) ?? model.sheets[0]) : undefined;
  const selection = model?.selection ?? null;

  const selectCell = useCallback(
    (cell: string) => {
      if (!session) return;
      const m = session.excel.model;
      m.selection = { sheet: m.activeSheet, areas: [cell] };
      setHint(null);
      setTick((t) => t + 1);
    },
    [session],
  );

  /** The name box: Enter goes to the address typed ("F24", "B12:B40", "'Sheet'!A1"), as in Excel. */
  const goToName = (text: string) => {
    if (!session) return;
    const m = session.excel.model;
    let parsed: { sheet?: string; area: string } | null = null;
    try {
      parsed = parseQualified(text.trim());
    } catch {
      parsed = null;
    }
    const target = parsed && findSheet(m, parsed.sheet ?? m.activeSheet);
    const area = parsed?.area.replace(/\$/g, '').toUpperCase() ?? '';
    if (!parsed || !target || !isVisibleSheet(target) || !parseAreaAddress(area)) {
      setHint(s.nameBoxInvalid(text.trim()));
      return;
    }
    m.activeSheet = target.name;
    m.selection = { sheet: target.name, areas: [area] };
    setNameText(null);
    setHint(null);
    setTick((t) => t + 1);
  };

  /** Follows a link into the workbook ("'Sheet'!A1"), as a click on it does in Excel. */
  const followLink = useCallback(
    (reference: string) => {
      if (!session) return;
      const m = session.excel.model;
      const { sheet: name, area } = parseQualified(reference);
      const target = findSheet(m, name ?? m.activeSheet);
      if (!target || !isVisibleSheet(target) || !parseAreaAddress(area)) return;
      m.activeSheet = target.name;
      m.selection = { sheet: target.name, areas: [area] };
      setTick((t) => t + 1);
    },
    [session],
  );

  const activate = (name: string) => {
    if (!model) return;
    model.activeSheet = name;
    setTick((t) => t + 1);
  };

  const current = sheet && selection?.sheet === sheet.name ? activeCell(selection) : null;
  const currentCell = sheet && current ? sheet.cells.get(current) : undefined;
  const formula = rawText(currentCell?.value);
  // Notes were readable by mouse hover only: the selected cell's note is shown under the formula bar.
  const note = [currentCell?.note, currentCell?.comment].filter((x): x is string => !!x).join('\n\n');
  // Recomputed on every render: cheap, it looks only at the cells changed since the last download.
  const unsaved = model && saved ? hasUnsavedChanges(model, saved) : false;

  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older Chromium shows the prompt only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const onDragOver = (e: DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    openFile(e.dataTransfer.files[0]);
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <div className="wb-frame" onDragOver={onDragOver} onDragLeave={onDragLeave} onDrop={onDrop}>
        <header className="wb-toolbar">
          <h1 className="wb-brand">{s.title}</h1>
          <Button size="small" icon={<FolderOpenRegular />} onClick={() => fileInput.current?.click()}>
            {s.open}
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept={`.xlsx,.xlsm,${XLSX_MIME},${XLSM_MIME}`}
            hidden
            data-testid="file-input"
            onChange={(e) => {
              openFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
          <Button size="small" title={s.previousHint} onClick={() => previousInput.current?.click()}>
            {s.previousOpen}
          </Button>
          <input
            ref={previousInput}
            type="file"
            accept={`.xlsx,.xlsm,${XLSX_MIME},${XLSM_MIME}`}
            hidden
            data-testid="previous-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void openPrevious(file);
            }}
          />
          {previous && (
            <span className="wb-filename" data-testid="previous-name">
              {s.previousLoaded(previous.name, previous.indicators.length)}
              <Button size="small" appearance="transparent" aria-label={s.previousClear} title={s.previousClear} onClick={() => setPrevious(null)}>
                ✕
              </Button>
            </span>
          )}
          <Button size="small" icon={<ArrowDownloadRegular />} disabled={!session} title={s.downloadHint} onClick={() => void download()}>
            {s.download}
          </Button>
          <span className="wb-filename" data-testid="file-name" title={s.dropHint}>
            {opening ? s.opening : (session?.name ?? s.noWorkbook)}
            {unsaved && !opening && <span className="wb-unsaved"> · {s.unsaved}</span>}
          </span>
          <span className="wb-spacer" />
          <Button
            size="small"
            appearance="subtle"
            icon={paneOpen ? <PanelRightContractRegular /> : <PanelRightExpandRegular />}
            aria-expanded={paneOpen}
            aria-controls="wb-pane"
            onClick={() => setPaneOpen(!paneOpen)}
          >
            {paneOpen ? s.hidePane : s.showPane}
          </Button>
          <label className="wb-field">
            {s.zoom}
            <Select size="small" value={String(zoom)} onChange={(_, d) => setZoom(Number(d.value))}>
              {ZOOMS.map((z) => (
                <option key={z} value={String(z)}>
                  {Math.round(z * 100)}%
                </option>
              ))}
            </Select>
          </label>
        </header>
        {error && (
          <MessageBar intent="error" className="wb-error">
            <MessageBarBody>{error}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label={s.dismissError} onClick={() => setError(null)}>
                  ✕
                </Button>
              }
            />
          </MessageBar>
        )}
        <div
          className={paneOpen ? 'wb-main' : 'wb-main wb-pane-hidden'}
          // Resized, the pane may take more than half the page, but leaves the grid 240 px.
          style={paneOpen && paneWidth !== null ? { gridTemplateColumns: `minmax(0, 1fr) auto min(${paneWidth}px, calc(100vw - 240px))` } : undefined}
        >
          <section className="wb-book" aria-label={s.workbook}>
            <div className="wb-formula">
              <input
                className="wb-namebox"
                aria-label={s.nameBox}
                title={s.nameBoxHint}
                value={nameText ?? (sheet ? nameBoxText(selection, sheet.name) : '')}
                onChange={(e) => setNameText(e.target.value)}
                onFocus={(e) => e.target.select()}
                onBlur={() => setNameText(null)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    goToName(e.currentTarget.value);
                  } else if (e.key === 'Escape') {
                    setNameText(null);
                  }
                }}
              />
              <span className="wb-fx" aria-hidden="true">
                fx
              </span>
              <div className="wb-formula-text" role="textbox" aria-readonly="true" aria-label={s.formulaBar}>
                {formula}
              </div>
            </div>
            {note && (
              <div className="wb-cellnote" data-testid="cell-note">
                <span className="wb-cellnote-label">{s.cellNote}</span> <span className="wb-cellnote-text">{note}</span>
              </div>
            )}
            <div className="wb-hint" role="status" aria-live="polite">
              {hint}
            </div>
            {session && sheet ? (
              <SheetGrid
                key={`${session.id}/${sheet.name}`}
                sheet={sheet}
                look={session.look.get(sheet.name)}
                selection={selection}
                revision={revision}
                reveal={reveal && reveal.sheet === sheet.name ? reveal : null}
                zoom={zoom}
                s={s}
                onSelectCell={selectCell}
                onFollowLink={followLink}
                onTypeAttempt={() => setHint(s.readOnly)}
              />
            ) : (
              <div className="wb-empty">
                <p>{opening ? s.opening : s.noWorkbook}</p>
                <p>{s.dropHint}</p>
              </div>
            )}
            <div className="wb-tabs" role="tablist" aria-label={s.sheets}>
              {/* As in Excel, hidden and very hidden sheets (our accepted findings) have no tab. */}
              {model?.sheets.filter(isVisibleSheet).map((sh) => (
                <button
                  key={sh.name}
                  type="button"
                  role="tab"
                  className="wb-tab"
                  aria-selected={sh.name === sheet?.name}
                  title={sh.protected ? `${sh.name}（${s.protectedSheet}）` : sh.name}
                  onClick={() => activate(sh.name)}
                >
                  {sh.protected ? `${sh.name} · ${s.protectedSheet}` : sh.name}
                </button>
              ))}
            </div>
            {/* Not a live region: the pane announces results; sync counts are for developers. */}
            <div className="wb-status" data-testid="status">
              <span>{lastAction ? s.lastActionPlain(s.action[lastAction.action], lastAction.ok) : s.noAction}</span>
              <details className="wb-dev" open={developer}>
                <summary>{s.developerInfo}</summary>
                <div className="wb-dev-body">
                  <label className="wb-field">
                    {s.excelVersion}
                    <Select
                      size="small"
                      value={apiVersion}
                      onChange={(_, d) => {
                        if (session && d.value !== WPS_HOST) session.excel.apiVersion = d.value;
                        setApiVersion(d.value);
                      }}
                    >
                      {EXCEL_VERSIONS.map((v) => (
                        <option key={v.version} value={v.version}>
                          {v.label[lang]}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <span data-testid="last-action" data-actions={actions}>
                    {lastAction
                      ? lastAction.wpsCalls !== undefined
                        ? s.lastWpsAction(s.action[lastAction.action], lastAction.wpsCalls, lastAction.ms, lastAction.ok)
                        : s.lastAction(s.action[lastAction.action], lastAction.syncs, lastAction.runs, lastAction.ms, lastAction.ok)
                      : s.noAction}
                  </span>
                  <span>{apiVersion === WPS_HOST ? 'WPS JS API' : `ExcelApi ${apiVersion}`}</span>
                </div>
              </details>
            </div>
          </section>
          {paneOpen && (
            <div
              className="wb-divider"
              role="separator"
              aria-orientation="vertical"
              aria-label={s.resizePane}
              aria-controls="wb-pane"
              aria-valuemin={PANE_WIDTH.min}
              aria-valuemax={PANE_WIDTH.max}
              aria-valuenow={Math.round(paneWidth ?? PANE_WIDTH.initial)}
              tabIndex={0}
              onKeyDown={(e) => {
                // The pane is on the right: ArrowLeft widens it, as the divider moves left.
                const step = e.key === 'ArrowLeft' ? PANE_WIDTH.step : e.key === 'ArrowRight' ? -PANE_WIDTH.step : 0;
                if (!step) return;
                e.preventDefault();
                resizeTo(currentPaneWidth() + step);
              }}
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                drag.current = { x: e.clientX, width: currentPaneWidth() };
              }}
              onPointerMove={(e) => {
                if (drag.current) resizeTo(drag.current.width + drag.current.x - e.clientX);
              }}
              onPointerUp={() => {
                drag.current = null;
              }}
            />
          )}
          <PaneSlot
            id="wb-pane"
            hidden={!paneOpen}
            host={pane?.host ?? null}
            lang={lang}
            label={s.pane}
            developerInfo={developer}
            checkOnStart={pane?.checkOnStart}
            onLangChange={setLang}
          />
        </div>
        <Dialog open={pending !== null} modalType="alert" onOpenChange={(_, d) => !d.open && setPending(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{s.discardTitle}</DialogTitle>
              <DialogContent>{pending && session ? s.discardBody(session.name, pending.name) : ''}</DialogContent>
              <DialogActions className="wb-dialog-actions">
                <Button
                  appearance="primary"
                  onClick={() => {
                    const file = pending;
                    setPending(null);
                    void download().then((ok) => ok && file && openNow(file));
                  }}
                >
                  {s.discardDownload}
                </Button>
                <Button
                  onClick={() => {
                    const file = pending;
                    setPending(null);
                    if (file) openNow(file);
                  }}
                >
                  {s.discardOpen}
                </Button>
                <Button onClick={() => setPending(null)}>{s.cancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
        {dragging && (
          <div className="wb-drop" aria-hidden="true">
            {s.dropHere}
          </div>
        )}
      </div>
    </FluentProvider>
  );
}
