// The pane's words reach every component through a context, not through props passed down
// five levels; the language is the strings' own `lang`.
import { createContext, useContext, type ReactNode } from 'react';
import type { Lang } from '../core/index.js';
import { strings, type UiStrings } from './i18n.js';

const PaneStringsContext = createContext<UiStrings>(strings.zh);

export function PaneStringsProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <PaneStringsContext.Provider value={strings[lang]}>{children}</PaneStringsContext.Provider>;
}

/** The strings of the pane's current language. */
export function usePaneStrings(): UiStrings {
  return useContext(PaneStringsContext);
}
