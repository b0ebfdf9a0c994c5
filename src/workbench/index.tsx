// Entry of the offline workbench (dist/workbench/index.html, or / on the dev server).
import { createRoot } from 'react-dom/client';
import { EMBEDDED_SAMPLE } from './embeddedSample.js';
import { pageDeveloper, pageLang } from './strings.js';
import { Workbench } from './Workbench.js';

const container = document.getElementById('container');
if (container) {
  createRoot(container).render(<Workbench
      lang={pageLang(window.location.search)}
      developer={pageDeveloper(window.location.search)}
      sampleUrl={EMBEDDED_SAMPLE.url} sampleName={EMBEDDED_SAMPLE.name} />);
}
