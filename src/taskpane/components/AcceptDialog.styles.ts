import { makeStyles, tokens } from '@fluentui/react-components';

export const useAcceptDialogStyles = makeStyles({
  // The pane is ~350 px wide: the dialog keeps a margin on both sides.
  surface: { maxWidth: 'calc(100vw - 24px)', boxSizing: 'border-box' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});
