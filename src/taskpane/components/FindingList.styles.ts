import { makeStyles, tokens } from '@fluentui/react-components';

export const useFindingListStyles = makeStyles({
  controls: { flexWrap: 'wrap' },
  h3: { margin: 0, overflowWrap: 'anywhere' },
  accepted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});
