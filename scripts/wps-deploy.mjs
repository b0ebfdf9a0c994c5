// After webpack.wps.config.js: the deployment files WPS reads, beside the add-in folder
// dist/wps/<name>_<version>/, all naming the add-in and version from package.json:
//   publish.xml    one machine: copy it and the folder into the user's jsaddons folder
//   <folder>.zip   the add-in folder packed, for an IT office's share
//   jsplugins.xml  the IT office's list, pointing at that package (WPS_PLUGIN_BASE, default file:///C:/jixiao-check/wps/)
//   oem.ini        the lines to add to WPS's cfgs/oem.ini so WPS reads that list
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipFolder } from './zip-folder.mjs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const folder = `${name}_${version}`;
const dist = path.resolve('dist/wps');
if (!existsSync(path.join(dist, folder, 'index.html'))) {
  console.error(`wps-deploy: ${path.join(dist, folder)}/index.html is missing; run webpack --config webpack.wps.config.js first`);
  process.exit(1);
}
const base = (process.env.WPS_PLUGIN_BASE || 'file:///C:/jixiao-check/wps/').replace(/\/?$/, '/');
const xmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// type="et": WPS 表格 only. url is the folder's name inside jsaddons (offline add-in).
writeFileSync(
  path.join(dist, 'publish.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${xmlAttr(name)}" type="et" url="${xmlAttr(folder)}" version="${xmlAttr(version)}" enable="enable_dev" install="null" customDomain=""/>\n</jsplugins>\n`,
);
writeFileSync(path.join(dist, `${folder}.zip`), zipFolder(path.join(dist, folder), folder, (rel) => rel.endsWith('.map')));
writeFileSync(
  path.join(dist, 'jsplugins.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  <jsplugin name="${xmlAttr(name)}" type="et" version="${xmlAttr(version)}" url="${xmlAttr(`${base}${folder}.zip`)}"/>\n</jsplugins>\n`,
);
writeFileSync(
  path.join(dist, 'oem.ini'),
  `; Add to WPS's office6/cfgs/oem.ini (merge into existing [Support] / [Server] sections).\r\n[Support]\r\nJsApiPlugin=true\r\n[Server]\r\nJSPluginsServer=${base}jsplugins.xml\r\n`,
);
console.log(`dist/wps: ${folder}/, ${folder}.zip, publish.xml, jsplugins.xml, oem.ini (packages under ${base})`);
