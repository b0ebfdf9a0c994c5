// Hosts the unchanged task pane (its own React root, as inside Excel) and mounts it afresh
// for each workbook, so findings of one file never show beside another. A language switch in
// the pane does not remount it: the page follows the pane's language, not the other way round.
import { useEffect, useRef } from 'react';
import type { Lang } from '../core/index.js';
import type { Session } from '../workflow/index.js';
import { mountTaskPane } from '../taskpane/mount.js';

export interface PaneSlotProps {
  id?: string;
  /** Collapsed: the pane stays mounted, with its results, but takes no room. */
  hidden?: boolean;
  host: Session | null;
  /** Language a new pane starts in when none was saved. */
  lang: Lang;
  label: string;
  developerInfo?: boolean;
  /** The new pane checks at once (after another Excel version was chosen, the findings come back). */
  checkOnStart?: boolean;
  onLangChange?: (lang: Lang) => void;
}

export function PaneSlot({ id, hidden, host, lang, label, developerInfo, checkOnStart, onLangChange }: PaneSlotProps) {
  const slot = useRef<HTMLElement>(null);
  // Read when a pane is mounted; changing them later does not remount it.
  const latest = useRef({ lang, developerInfo, checkOnStart, onLangChange });
  latest.current = { lang, developerInfo, checkOnStart, onLangChange };

  useEffect(() => {
    const parent = slot.current;
    if (!parent || !host) return;
    const element = document.createElement('div');
    element.className = 'wb-pane-root';
    parent.appendChild(element);
    const { lang: startLang, developerInfo: dev, checkOnStart: checkNow } = latest.current;
    const pane = mountTaskPane(element, host, {
      lang: startLang,
      developerInfo: dev,
      checkOnStart: checkNow,
      onLangChange: (l) => latest.current.onLangChange?.(l),
    });
    return () => {
      element.hidden = true;
      // Unmounting one root while React commits another would warn; let this commit finish first.
      setTimeout(() => {
        pane.unmount();
        element.remove();
      }, 0);
    };
  }, [host]);

  return <aside id={id} hidden={hidden} className="wb-pane" aria-label={label} ref={slot} />;
}
