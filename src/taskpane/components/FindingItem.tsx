// One finding: its severity, message and cells as a button that selects the cells, and 忽略 or
// 取消忽略 beside it.
import { Button, mergeClasses } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useId } from 'react';
import type { Finding, Severity } from '../../core/index.js';
import { usePaneStrings } from '../PaneStrings.js';
import { useFindingItemStyles } from './FindingItem.styles.js';

/** Cell addresses shown per finding before "+N"; the click still selects them all. */
export const CELLS_SHOWN = 4;

export interface FindingActions {
  onSelect: (f: Finding) => void;
  /** Opens the 忽略 dialog for this finding. */
  onAccept: (f: Finding) => void;
  onUnaccept: (f: Finding) => void;
  /** False while another action runs. */
  enabled: boolean;
}

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useFindingItemStyles();
  const s = usePaneStrings();
  const Icon = severity === 'error' ? ErrorCircle16Filled : severity === 'warning' ? Warning16Filled : Info16Filled;
  return (
    <span role="img" aria-label={s.severity[severity]} className={mergeClasses(styles.icon, styles[severity])}>
      <Icon aria-hidden />
    </span>
  );
}

/** "B12, B18, B28, B34 +1", or 无 when the finding names no cell. */
export function cellsText(cells: readonly string[], none: string): string {
  if (cells.length === 0) return none;
  const shown = cells.slice(0, CELLS_SHOWN).join(', ');
  const more = cells.length - CELLS_SHOWN;
  return more > 0 ? `${shown} +${more}` : shown;
}

/** The finding as a button that selects its cells; `id` names its message for the action beside it. */
function FindingButton({ finding, onSelect, id }: { finding: Finding; onSelect: (f: Finding) => void; id: string }) {
  const styles = useFindingItemStyles();
  const s = usePaneStrings();
  return (
    <button
      type="button"
      className={styles.finding}
      disabled={finding.cells.length === 0}
      title={finding.cells.length ? s.goToCells(finding.sheet, finding.cells.join(',')) : undefined}
      onClick={() => onSelect(finding)}
    >
      <SeverityIcon severity={finding.severity} />
      <span className={styles.text}>
        <span id={id}>{finding.message[s.lang] || finding.message.zh}</span>
        <span className={styles.cells}>
          {s.cellsLabel}: {cellsText(finding.cells, s.noCells)}
        </span>
        {finding.accepted && <span className={styles.cells}>{s.acceptedNote(finding.accepted.reason, finding.accepted.date, finding.accepted.by)}</span>}
      </span>
    </button>
  );
}

export function FindingItem({ finding, actions }: { finding: Finding; actions: FindingActions }) {
  const styles = useFindingItemStyles();
  const s = usePaneStrings();
  const id = useId();
  return (
    <li className={styles.item}>
      <FindingButton finding={finding} onSelect={actions.onSelect} id={id} />
      {finding.accepted ? (
        <Button size="small" appearance="subtle" className={styles.action} aria-describedby={id} disabled={!actions.enabled} onClick={() => actions.onUnaccept(finding)}>
          {s.unaccept}
        </Button>
      ) : (
        <Button
          size="small"
          appearance="subtle"
          className={styles.action}
          aria-describedby={id}
          aria-haspopup="dialog"
          disabled={!actions.enabled}
          onClick={() => actions.onAccept(finding)}
        >
          {s.accept}
        </Button>
      )}
    </li>
  );
}
