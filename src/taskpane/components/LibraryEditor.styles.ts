import { makeStyles, tokens } from '@fluentui/react-components';

export const useLibraryEditorStyles = makeStyles({
  entry: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  entryText: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  // The list of a profile's ~60 indicators scrolls inside the panel instead of pushing the results down.
  list: { maxHeight: '16em', overflowY: 'auto' },
  add: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});
