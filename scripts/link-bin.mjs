// npm does not link a package's own "bin" into its node_modules/.bin; do it after the build so
// that `npx jixiao-check` works in a fresh clone after `npm install`.
import { chmodSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const target = path.resolve('build/src/cli/main.js');
if (!existsSync(target)) {
  console.error(`link-bin: ${target} is missing; run npm run build:cli`);
  process.exit(1);
}
chmodSync(target, 0o755);
const bin = path.resolve('node_modules/.bin');
mkdirSync(bin, { recursive: true });
const link = path.join(bin, 'jixiao-check');
rmSync(link, { force: true });
symlinkSync(path.relative(bin, target), link);
