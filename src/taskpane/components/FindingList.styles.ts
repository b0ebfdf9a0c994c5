import { makeStyles, tokens } from '@fluentui/react-components';

export const useFindingListStyles = makeStyles({
  heading: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  controls: { flexWrap: 'wrap' },
  h3: { margin: 0, overflowWrap: 'anywhere' },
  accepted: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});
