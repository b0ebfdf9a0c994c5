// The jixiao-check command as one self-contained file, build/bundle/jixiao-check.cjs: the CLI
// sources and exceljs (with its dependencies) in a single script Node runs without any
// node_modules. It is what the npm package ships (package.json "bin", "files"), so the tarball
// installs with no registry (`npm install -g ./jixiao-check-<v>.tgz --offline`), and it starts
// faster than the tsc build, which loads exceljs's ~660 modules one by one.
//
//   webpack --config webpack.cli.config.js      (npm run build:bundle; npm pack runs it)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

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
    // Keep names readable in stack traces; the file is read by Node, not downloaded.
    minimize: false,
    // One file: nothing to load from beside it.
    splitChunks: false,
  },
  plugins: [
    // main.ts's own shebang is dropped by the loader; the bin needs one.
    new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
};
