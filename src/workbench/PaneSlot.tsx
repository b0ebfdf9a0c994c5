// Hosts the unchanged task pane (its own React root, as inside Excel) and mounts it afresh
// for each workbook, so findings of one file never show beside another.
import { useEffect, useRef } from 'react';
import type { Lang } from '../core/types.js';
import type { PaneHost } from '../taskpane/host.js';
import { mountTaskPane } from '../taskpane/mount.js';

export function PaneSlot({ host, lang, label }: { host: PaneHost | null; lang: Lang; label: string }) {
  const slot = useRef<HTMLElement>(null);

  useEffect(() => {
    const parent = slot.current;
    if (!parent || !host) return;
    const element = document.createElement('div');
    element.className = 'wb-pane-root';
    parent.appendChild(element);
    const pane = mountTaskPane(element, host, { lang });
    return () => {
      element.hidden = true;
      // Unmounting one root while React commits another would warn; let this commit finish first.
      setTimeout(() => {
        pane.unmount();
        element.remove();
      }, 0);
    };
  }, [host, lang]);

  return <aside className="wb-pane" aria-label={label} ref={slot} />;
}
