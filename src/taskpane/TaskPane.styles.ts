import { makeStyles, tokens } from '@fluentui/react-components';

export const useTaskPaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
    boxSizing: 'border-box',
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  h1: { margin: 0 },
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  // Two switches per line at ~350 px keeps the results near the top of a short pane.
  switches: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  reserved: { width: '8em' },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, scrollMarginTop: tokens.spacingVerticalS },
  // Read by screen readers, not shown: the result of the last action.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
