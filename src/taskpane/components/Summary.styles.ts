import { makeStyles, tokens } from '@fluentui/react-components';

export const useSummaryStyles = makeStyles({
  tableLine: { overflowWrap: 'anywhere' },
  // After 校验 the keyboard lands on this heading: show where it is.
  focusTarget: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' } },
});
