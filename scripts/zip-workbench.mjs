// npm run build:offline, after build:workbench: dist/jixiao-check-workbench-<version>.zip holds
// dist/workbench/ (without source maps) under one folder, for a USB stick. Open index.html.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipFolder } from './zip-folder.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const source = path.resolve('dist/workbench');
if (!existsSync(path.join(source, 'index.html'))) {
  console.error(`zip-workbench: ${source}/index.html is missing; run npm run build:workbench`);
  process.exit(1);
}
const root = `jixiao-check-workbench-${version}`;
const out = path.resolve('dist', `${root}.zip`);
const zip = zipFolder(source, root, (rel) => rel.endsWith('.map'));
writeFileSync(out, zip);
console.log(`${path.relative(process.cwd(), out)}: ${(zip.length / 1024 / 1024).toFixed(1)} MB (open ${root}/index.html)`);
