// Entry of the Excel task pane: taskpane.html loads Office.js from the CDN, then this bundle.
// It has side effects; the workbench and tests import mount.js instead.
import { mountTaskPane } from './mount.js';
import { createOfficeHost } from './officeHost.js';

/** A plain message when the pane cannot run at all: never a blank pane. */
function showStaticMessage(container: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.padding = '12px';
  p.style.fontFamily = 'sans-serif';
  p.textContent = text;
  container.replaceChildren(p);
}

/** Mounts the pane on #container once Office is ready; exported so tests can run it again. */
export function startTaskPane(): void {
  const container = document.getElementById('container');
  if (!container) return;
  if (typeof Office === 'undefined') {
    showStaticMessage(
      container,
      '无法加载 Office.js，请检查网络后重新打开加载项。 / Office.js could not be loaded: check the network and reopen the add-in.',
    );
    return;
  }
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showStaticMessage(container, '请在 Excel 中打开本加载项。 / Open this add-in in Excel.');
      return;
    }
    try {
      mountTaskPane(container, createOfficeHost());
    } catch (e) {
      showStaticMessage(container, `加载项启动失败 / The add-in failed to start: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

startTaskPane();
