// The outcome of the last action as message bars: errors, warnings, what was written, with 查看
// where there is something to go to; each can be dismissed.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { UiStrings } from '../i18n.js';
import { usePaneStrings } from '../PaneStrings.js';

export interface Notice {
  id: number;
  /** Notices with the same key are shown once (a read-only document fails every settings save). */
  key?: string;
  intent: 'error' | 'warning' | 'success' | 'info';
  /** Rendered at display time so a language switch re-renders notices too. */
  title: (s: UiStrings) => string;
  body: (s: UiStrings) => string;
  /** A button in the notice, e.g. 查看 to go to the sheet just written. */
  action?: { label: (s: UiStrings) => string; run: () => void };
}

const useNoticesStyles = makeStyles({
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  const styles = useNoticesStyles();
  const s = usePaneStrings();
  if (notices.length === 0) return null;
  return (
    <div className={styles.notices}>
      {notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{n.title(s)}</MessageBarTitle> {n.body(s)}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button aria-label={s.dismiss} appearance="transparent" icon={<DismissRegular />} onClick={() => onDismiss(n.id)} />}>
            {n.action && (
              <Button size="small" onClick={n.action.run}>
                {n.action.label(s)}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
