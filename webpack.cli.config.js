// The jixiao-check command as one self-contained file, build/bundle/jixiao-check.cjs: the CLI
// sources and exceljs (with its dependencies) in a single script Node runs without any
// node_modules. It is what the npm package ships (package.json "bin", "files"), so the tarball
// installs with no registry (`npm install -g ./jixiao-check-<v>.tgz --offline`), and it starts
// faster than the tsc build, which loads exceljs's ~660 modules one by one.
//
//   webpack --config webpack.cli.config.js      (npm run build:bundle; npm pack runs it)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const EXCELJS = path.join(ROOT, 'node_modules', 'exceljs', 'lib');
const UNUSED = path.join(ROOT, 'scripts', 'cli-bundle-unused.cjs');

/**
 * build/bundle/THIRD-PARTY-LICENSES.txt: name, version, licence and licence text of every
 * package whose code is inside the bundle (their licences ask for the notice to travel with it).
 */
class ThirdPartyLicenses {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ThirdPartyLicenses', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ThirdPartyLicenses', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const roots = new Set();
        for (const module of compilation.modules) {
          const resource = module.resource ?? module.rootModule?.resource;
          const m = resource && /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(resource);
          if (m) roots.add(m[1]);
        }
        const entries = [...roots]
          .map((root) => {
            const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
            const file = readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
            const text = file ? readFileSync(path.join(root, file), 'utf8').trim() : `(no licence file; package.json says ${pkg.license ?? 'nothing'})`;
            return { id: `${pkg.name}@${pkg.version}`, license: pkg.license ?? '?', text };
          })
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        const body =
          'jixiao-check.cjs contains code from these packages:\n\n' +
          entries.map((e) => `${'='.repeat(72)}\n${e.id} (${e.license})\n${'='.repeat(72)}\n${e.text}\n`).join('\n');
        compilation.emitAsset('THIRD-PARTY-LICENSES.txt', new webpack.sources.RawSource(body));
      });
    });
  }
}

export default {
  name: 'cli',
  mode: 'production',
  context: ROOT,
  target: 'node20',
  entry: { 'jixiao-check': path.join(ROOT, 'src/cli/main.ts') },
  output: {
    path: path.join(ROOT, 'build', 'bundle'),
    filename: '[name].cjs',
    clean: true,
  },
  devtool: false,
  resolve: {
    extensions: ['.ts', '.js'],
    // Sources import './a1.js' (Node ESM style) for files that are a1.ts.
    extensionAlias: { '.js': ['.ts', '.js'] },
    // exceljs's Node build (its "main"), not the browser bundle its "browser" field names.
    mainFields: ['main', 'module'],
    aliasFields: [],
    conditionNames: ['node', 'require', 'default'],
    // The CLI reads and writes whole workbooks (xlsx.load / xlsx.writeFile, on jszip): CSV and
    // the streaming classes stay out, which halves the modules Node compiles at start.
    alias: {
      [path.join(EXCELJS, 'csv', 'csv.js')]: UNUSED,
      [path.join(EXCELJS, 'stream', 'xlsx', 'workbook-reader.js')]: UNUSED,
      [path.join(EXCELJS, 'stream', 'xlsx', 'workbook-writer.js')]: UNUSED,
    },
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: { swcrc: false, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } },
        },
      },
    ],
  },
  optimization: {
    // Minified, Node compiles a third of the text at every start (149 ms against 165 ms).
    minimize: true,
    // exceljs tests constructor.name === 'MergeValue' (worksheet.js): names must survive.
    minimizeOptions: { javascript: { compress: { passes: 2 }, keepClassnames: true, keepFnames: true } },
    // One file: nothing to load from beside it.
    splitChunks: false,
  },
  plugins: [
    // main.ts's own shebang is dropped by the loader; the bin needs one.
    new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
    new ThirdPartyLicenses(),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
};
