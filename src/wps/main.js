// WPS 加载项 entry: WPS loads index.html (which loads this file) in a hidden page when 表格 starts,
// and calls these functions by the names ribbon.xml gives. Plain ES5 on purpose: it runs before
// anything else, in every WPS webview. The pane is index.html?pane=1 in a task pane docked right;
// its id is kept in PluginStorage (shared by the add-in's pages) so 校验 shows the same pane again.
/* global Application, document, window */
/* eslint-disable @typescript-eslint/no-unused-vars -- WPS calls these by the names in ribbon.xml */
var JIXIAO_PANE_KEY = 'jixiao-check.taskpane.et';
var JIXIAO_DOCK_RIGHT = 2; // msoCTPDockPositionRight

function jixiaoBaseUrl() {
  var href = String(document.location.href).split('#')[0].split('?')[0];
  return href.slice(0, href.lastIndexOf('/') + 1);
}

function jixiaoPane() {
  var id = Application.PluginStorage.getItem(JIXIAO_PANE_KEY);
  if (id) {
    try {
      return Application.GetTaskPane(Number(id));
    } catch (e) {
      // The pane was closed with its window: make a new one.
    }
  }
  var pane = Application.CreateTaskPane(jixiaoBaseUrl() + 'index.html?pane=1', '绩效目标表校验');
  Application.PluginStorage.setItem(JIXIAO_PANE_KEY, String(pane.ID));
  return pane;
}

function OnAddinLoad(ribbonUI) {
  if (typeof window !== 'undefined') window.jixiaoRibbon = ribbonUI;
  return true;
}

/** 校验: opens the pane, or shows it again, docked right. */
function OnCheck(control) {
  var pane = jixiaoPane();
  pane.DockPosition = JIXIAO_DOCK_RIGHT;
  pane.Visible = true;
  return true;
}

function GetImage(control) {
  return 'assets/icon-32.png';
}
