// The few classes every part of the pane shares: a column of parts, a bare list, muted text,
// the group headings and the disclosure buttons (设置, 已忽略, 开发者信息).
import { makeStyles, tokens } from '@fluentui/react-components';

export const useSharedStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  plainList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  h2: { margin: 0 },
  h4: { margin: `${tokens.spacingVerticalXS} 0 0`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  disclosure: { alignSelf: 'flex-start', paddingLeft: 0 },
  nowrap: { whiteSpace: 'nowrap' },
});
