// jsdom leaves out TextEncoder/TextDecoder, which browsers have and the package writer
// (src/adapters/xlsx/zip.ts) uses in the workbench; give the pane's jsdom tests Node's.
if (typeof globalThis.TextDecoder === 'undefined') {
  const util = require('node:util');
  globalThis.TextDecoder = util.TextDecoder;
  globalThis.TextEncoder = util.TextEncoder;
}
