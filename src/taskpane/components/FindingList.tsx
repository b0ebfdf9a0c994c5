// 问题清单: the severity filter and the grouping, then per table its open findings by 主题 or by
// 审核维度, and its accepted ones (已忽略) apart.
import { Body1, mergeClasses, Radio, RadioGroup, Select, Subtitle2 } from '@fluentui/react-components';
import { useId, useState, type ReactNode, type Ref } from 'react';
import { DIMENSIONS, TOPICS, type Finding, type Severity, type TableReport } from '../../core/index.js';
import type { FindingGrouping } from '../../workflow/index.js';
import { SEVERITIES, tableTitle, type SeverityCounts } from '../format.js';
import { usePaneStrings } from '../PaneStrings.js';
import { FindingItem, type FindingActions } from './FindingItem.js';
import { useFindingListStyles } from './FindingList.styles.js';
import { useSharedStyles } from './shared.styles.js';
import { DisclosureButton } from './Disclosure.js';

export type Filter = 'all' | Severity;

/** The groups of a table's shown findings, in report order, empty ones left out. */
export function groupFindings(findings: readonly Finding[], grouping: FindingGrouping): { key: string; findings: Finding[] }[] {
  const keys: readonly string[] = grouping === 'dimension' ? DIMENSIONS : TOPICS;
  const of = (f: Finding): string => (grouping === 'dimension' ? f.dimension : f.topic);
  return keys.map((key) => ({ key, findings: findings.filter((f) => of(f) === key) })).filter((g) => g.findings.length > 0);
}

function FindingGroup({ title, children }: { title: string; children: ReactNode }) {
  const shared = useSharedStyles();
  const id = useId();
  return (
    <div role="group" aria-labelledby={id}>
      <h4 id={id} className={shared.h4}>
        {title}
      </h4>
      <ul className={shared.plainList}>{children}</ul>
    </div>
  );
}

/** 已忽略 (N): collapsed at first, listed apart from the open findings. */
function AcceptedFindings({ findings, actions }: { findings: Finding[]; actions: FindingActions }) {
  const shared = useSharedStyles();
  const styles = useFindingListStyles();
  const s = usePaneStrings();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className={shared.section}>
      <DisclosureButton open={open} onToggle={() => setOpen(!open)} controls={listId}>
        {s.acceptedTitle(findings.length)}
      </DisclosureButton>
      {open && (
        <ul id={listId} className={mergeClasses(shared.plainList, styles.accepted)} aria-label={s.acceptedTitle(findings.length)}>
          {findings.map((f, i) => (
            <FindingItem key={`${f.rule}-${f.cells.join()}-${i}`} finding={f} actions={actions} />
          ))}
        </ul>
      )}
    </div>
  );
}

export function TableFindings({ table, filter, grouping, actions }: { table: TableReport; filter: Filter; grouping: FindingGrouping; actions: FindingActions }) {
  const shared = useSharedStyles();
  const styles = useFindingListStyles();
  const s = usePaneStrings();
  const id = useId();
  const open = table.findings.filter((f) => !f.accepted);
  const accepted = table.findings.filter((f) => f.accepted);
  const shown = open.filter((f) => filter === 'all' || f.severity === filter);
  const none = table.findings.length === 0 ? s.noFindings : open.length === 0 ? s.allAccepted : s.noFindingsForFilter;
  const groupTitle = (key: string) => (grouping === 'dimension' ? s.dimension[key as Finding['dimension']] : s.topic[key as Finding['topic']]);
  return (
    <section aria-labelledby={id} className={shared.section}>
      <Subtitle2 as="h3" id={id} className={styles.h3}>
        {tableTitle(table, s)}
      </Subtitle2>
      {shown.length === 0 ? (
        <Body1 className={shared.muted}>{none}</Body1>
      ) : (
        groupFindings(shown, grouping).map((g) => (
          <FindingGroup key={g.key} title={`${groupTitle(g.key)} (${g.findings.length})`}>
            {g.findings.map((f) => (
              <FindingItem key={`${f.rule}-${f.cells.join()}`} finding={f} actions={actions} />
            ))}
          </FindingGroup>
        ))
      )}
      {accepted.length > 0 && <AcceptedFindings findings={accepted} actions={actions} />}
    </section>
  );
}

export interface FindingListProps {
  tables: readonly TableReport[];
  /** Open findings of all tables, for the filter's labels. */
  counts: SeverityCounts;
  filter: Filter;
  onFilterChange: (f: Filter) => void;
  grouping: FindingGrouping;
  onGroupingChange: (g: FindingGrouping) => void;
  actions: FindingActions;
  /** The 问题清单 heading, where the keyboard goes back after 忽略 moved a finding. */
  headingRef: Ref<HTMLHeadingElement>;
}

export function FindingList({ tables, counts, filter, onFilterChange, grouping, onGroupingChange, actions, headingRef }: FindingListProps) {
  const shared = useSharedStyles();
  const styles = useFindingListStyles();
  const s = usePaneStrings();
  const id = useId();
  const total = counts.error + counts.warning + counts.info;
  return (
    <section aria-labelledby={id} className={shared.section}>
      {/* The grouping sits beside the heading: a line of its own would push the first finding
          out of view in a short pane (1093×614 at 100 %). */}
      <div className={styles.heading}>
        <h2 id={id} className={shared.h2} ref={headingRef} tabIndex={-1}>
          <Subtitle2>{s.findingsTitle}</Subtitle2>
        </h2>
        {total > 0 && (
          <Select size="small" aria-label={s.groupLabel} value={grouping} onChange={(_, d) => onGroupingChange(d.value as FindingGrouping)}>
            <option value="topic">{s.groupByTopic}</option>
            <option value="dimension">{s.groupByDimension}</option>
          </Select>
        )}
      </div>
      {total > 0 && (
        <RadioGroup layout="horizontal" className={styles.controls} aria-label={s.filterLabel} value={filter} onChange={(_, d) => onFilterChange(d.value as Filter)}>
          <Radio value="all" label={{ children: `${s.filterAll} (${total})`, className: shared.nowrap }} />
          {SEVERITIES.map((sev) => (
            <Radio key={sev} value={sev} label={{ children: `${s.severityPlural[sev]} (${counts[sev]})`, className: shared.nowrap }} />
          ))}
        </RadioGroup>
      )}
      {tables.map((t, i) => (
        <TableFindings key={`${t.sheet}-${i}`} table={t} filter={filter} grouping={grouping} actions={actions} />
      ))}
    </section>
  );
}
