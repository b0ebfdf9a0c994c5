#!/usr/bin/env node
// Gzip size of the JavaScript the task pane loads, from a production build in dist/.
// The files are the local <script> tags of dist/taskpane.html (what the webview fetches
// before the pane can render; Office.js from the CDN is not ours and not counted).
// Exits 1 above the budget, or when a task pane file was built from exceljs (the
// workbench's library, which must never reach the pane).
//   npm run build && npm run size            (budget: BUNDLE_BUDGET_KB, default 250)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 250);
const page = join(dist, 'taskpane.html');

if (!existsSync(page)) {
  console.error(`${page} not found: run \`npm run build\` first.`);
  process.exit(2);
}

const scripts = [...readFileSync(page, 'utf8').matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
  .map((m) => m[1])
  .filter((src) => !/^(https?:)?\/\//i.test(src));
if (scripts.length === 0) {
  console.error(`no local <script> in ${page}`);
  process.exit(2);
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
let total = 0;
const leaks = [];
for (const src of scripts) {
  const file = join(dist, src.replace(/^\//, ''));
  const code = readFileSync(file);
  const gzipped = gzipSync(code, { level: 9 }).length;
  total += gzipped;
  console.log(`${src.padEnd(32)} ${kb(code.length).padStart(8)} KB  gzip ${kb(gzipped).padStart(7)} KB`);
  const map = `${file}.map`;
  if (existsSync(map)) {
    const { sources = [] } = JSON.parse(readFileSync(map, 'utf8'));
    if (sources.some((s) => /node_modules[\\/]exceljs[\\/]/.test(s))) leaks.push(src);
  }
}
console.log(`task pane total gzip ${kb(total)} KB (budget ${budgetKb} KB)`);

if (leaks.length > 0) {
  console.error(`exceljs is bundled into the task pane: ${leaks.join(', ')}`);
  process.exit(1);
}
if (total > budgetKb * 1024) {
  console.error(`over budget by ${kb(total - budgetKb * 1024)} KB`);
  process.exit(1);
}
