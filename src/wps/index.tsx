// Entry of the WPS 加载项's pane: the same pane and session as in Excel, over WPS 表格's
// window.Application through the WPS adapter; settings with the workbook (custom document
// properties). Mounted only in the task pane (index.html?pane=1, opened by main.js), not in the
// hidden page WPS loads index.html into at start, nor outside WPS.
// First: the shims must be in place before Fluent's modules run.
import './webviewShims.js';
import { mountTaskPane } from '../taskpane/mount.js';
import { createWpsAdapter, wpsSettingsStore, type EtApplication } from '../adapters/wps/index.js';
import { createSession } from '../workflow/index.js';

function showStaticMessage(container: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.padding = '12px';
  p.style.fontFamily = 'sans-serif';
  p.textContent = text;
  // Not replaceChildren (Chromium 86): this message must show in any webview.
  container.textContent = '';
  container.appendChild(p);
}

export function startWpsPane(): void {
  const container = document.getElementById('container');
  if (!container) return;
  if (!/[?&]pane=1\b/.test(window.location.search)) return;
  const app = (window as unknown as { Application?: EtApplication }).Application;
  if (!app) {
    showStaticMessage(container, '请在 WPS 表格中通过“绩效目标表 → 校验”打开本窗格。 / Open this pane from WPS Spreadsheets (绩效目标表 → 校验).');
    return;
  }
  try {
    const session = createSession({
      port: createWpsAdapter(app),
      settings: wpsSettingsStore(app),
      displayLanguage: () => navigator.language || 'zh-CN',
    });
    mountTaskPane(container, session);
  } catch (e) {
    showStaticMessage(container, `加载项启动失败 / The add-in failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }
}

startWpsPane();
