// 概况: how many tables, the counts by severity, and per table its score line, stage and grade.
import { Body1, Caption1, mergeClasses, Subtitle2, Text } from '@fluentui/react-components';
import { useId, type Ref } from 'react';
import type { Report } from '../../core/index.js';
import { countBySeverity, scoreLine, tableTitle } from '../format.js';
import { usePaneStrings } from '../PaneStrings.js';
import { useSharedStyles } from './shared.styles.js';
import { useSummaryStyles } from './Summary.styles.js';

export function Summary({ report, headingRef }: { report: Report; headingRef?: Ref<HTMLHeadingElement> }) {
  const shared = useSharedStyles();
  const styles = useSummaryStyles();
  const s = usePaneStrings();
  const id = useId();
  const { tables, sheetsWithoutTable } = report;
  const all = countBySeverity(tables.flatMap((t) => t.findings));
  return (
    <section aria-labelledby={id} className={shared.section}>
      <h2 id={id} className={mergeClasses(shared.h2, styles.focusTarget)} ref={headingRef} tabIndex={-1}>
        <Subtitle2>{s.summaryTitle}</Subtitle2>
      </h2>
      <Body1>{tables.length ? s.tablesFound(tables.length) : s.noTables}</Body1>
      {tables.length > 0 && <Body1>{s.counts(all.error, all.warning, all.info, all.accepted)}</Body1>}
      {tables.length > 0 && (
        <ul className={shared.plainList}>
          {tables.map((t, i) => {
            const n = countBySeverity(t.findings);
            const extra = [s.stage[t.stage], t.totals.grade ? s.grade(t.totals.grade) : ''].filter(Boolean).join(' · ');
            return (
              <li key={`${t.sheet}-${i}`} className={styles.tableLine}>
                <Text weight="semibold">{tableTitle(t, s)}</Text>
                <br />
                <Text>{scoreLine(t, s)}</Text>
                <br />
                <Caption1 className={shared.muted}>
                  {s.counts(n.error, n.warning, n.info, n.accepted)} · {extra}
                </Caption1>
              </li>
            );
          })}
        </ul>
      )}
      {sheetsWithoutTable.length > 0 && <Caption1 className={shared.muted}>{s.sheetsWithoutTable(sheetsWithoutTable)}</Caption1>}
    </section>
  );
}
