// Rewrites the dev server address in manifest.xml to where the add-in is hosted.
// Shared by webpack.config.js (production copy of the manifest) and test/manifest.test.ts.

/** The address manifest.xml is written for: `npm run dev-server`. */
export const DEV_URL = 'https://localhost:3000/';

/**
 * @param {string} xml manifest.xml as committed
 * @param {string} baseUrl where dist/ is served, e.g. https://addins.example.cn/jixiao/
 * @returns {string} the manifest with every DEV_URL replaced by baseUrl
 */
export function rewriteManifest(xml, baseUrl) {
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: ${baseUrl}`);
  }
  // Office refuses add-in pages and icons that are not served over HTTPS.
  if (url.protocol !== 'https:') throw new Error(`ADDIN_URL must be https: ${baseUrl}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not have a query or fragment: ${baseUrl}`);
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  // The URLs sit in XML attributes.
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return xml.split(DEV_URL).join(escaped);
}
