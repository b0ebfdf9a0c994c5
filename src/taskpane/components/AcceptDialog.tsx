// 忽略: a small dialog asking for an optional reason and the 审核人; Enter accepts, Esc cancels.
// One for the pane, opened for the finding whose 忽略 was pressed; the reason field takes the focus.
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Finding } from '../../core/index.js';
import { usePaneStrings } from '../PaneStrings.js';
import { useAcceptDialogStyles } from './AcceptDialog.styles.js';

/** Where this browser remembers the 审核人 name between acceptances. */
export const REVIEWER_KEY = 'jixiao-check.reviewer';

function loadReviewer(): string {
  try {
    return globalThis.localStorage?.getItem(REVIEWER_KEY) ?? '';
  } catch {
    return '';
  }
}

function saveReviewer(name: string): void {
  try {
    if (name) globalThis.localStorage?.setItem(REVIEWER_KEY, name);
    else globalThis.localStorage?.removeItem(REVIEWER_KEY);
  } catch {
    // Storage blocked: the name is still used for this acceptance.
  }
}

export interface AcceptDialogProps {
  /** The finding to accept; null closes the dialog. */
  finding: Finding | null;
  onAccept: (f: Finding, reason: string, by: string) => void;
  onClose: () => void;
}

export function AcceptDialog({ finding, onAccept, onClose }: AcceptDialogProps) {
  const styles = useAcceptDialogStyles();
  const s = usePaneStrings();
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(loadReviewer);
  const [shown, setShown] = useState<Finding | null>(finding);
  const messageId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!finding) return;
    // Keep the message while the dialog closes; start each opening with an empty reason.
    setShown(finding);
    setReason('');
    setBy(loadReviewer());
    const timer = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [finding]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!finding) return;
    saveReviewer(by.trim());
    onAccept(finding, reason, by.trim());
  };
  return (
    <Dialog open={finding !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={messageId} className={styles.surface}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{s.acceptDialogTitle}</DialogTitle>
            <DialogContent className={styles.content}>
              <Body1 id={messageId}>{shown ? shown.message[s.lang] || shown.message.zh : ''}</Body1>
              <Field label={s.acceptReason} hint={s.acceptReasonHint}>
                <Input ref={input} value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} />
              </Field>
              <Field label={s.reviewerLabel} hint={s.reviewerHint}>
                <Input value={by} maxLength={100} autoComplete="name" onChange={(_, d) => setBy(d.value)} />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {s.acceptConfirm}
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button type="button">{s.cancel}</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
