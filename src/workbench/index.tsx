// Entry of the offline workbench (dist/workbench/index.html, or / on the dev server).
import { createRoot } from 'react-dom/client';
import { pageLang } from './strings.js';
import { Workbench } from './Workbench.js';

/** Where webpack copies assets/ relative to the page, so any static server works. */
export const SAMPLE_URL = 'assets/samples/ningxian-2026.xlsx';

const container = document.getElementById('container');
if (container) {
  createRoot(container).render(<Workbench lang={pageLang(window.location.search)} sampleUrl={SAMPLE_URL} />);
}
