// Renders one part of the pane as the pane does: inside Fluent's provider and the strings context.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { Lang } from '../../core/index.js';
import { PaneStringsProvider } from '../PaneStrings.js';

export function renderPart(ui: ReactElement, lang: Lang = 'zh') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneStringsProvider lang={lang}>{ui}</PaneStringsProvider>
    </FluentProvider>,
  );
}
