// Renders the pane into an element. Used by the Excel entry (index.tsx) and by the offline
// workbench, which passes its simulator-backed host so the real pane runs outside Office.
import { createRoot } from 'react-dom/client';
import type { Lang } from '../core/index.js';
import type { Session } from '../workflow/index.js';
import { TaskPane } from './TaskPane.js';

export interface MountOptions {
  /** Language to start in when none was saved; defaults to host.displayLanguage(). */
  lang?: Lang;
  /** 开发者信息 open from the start. */
  developerInfo?: boolean;
  /** Run 校验 once the pane is ready. */
  checkOnStart?: boolean;
  /** Told the pane's language whenever it changes. */
  onLangChange?: (lang: Lang) => void;
}

export interface MountedPane {
  unmount(): void;
}

export function mountTaskPane(element: HTMLElement, host: Session, opts: MountOptions = {}): MountedPane {
  const root = createRoot(element);
  root.render(
    <TaskPane host={host} lang={opts.lang} developerInfo={opts.developerInfo} checkOnStart={opts.checkOnStart} onLangChange={opts.onLangChange} />,
  );
  return { unmount: () => root.unmount() };
}
