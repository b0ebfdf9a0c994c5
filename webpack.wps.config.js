// The WPS 加载项 (npm run build:wps): src/wps/index.tsx → dist/wps/<name>_<version>/ (the add-in
// folder WPS expects, named from package.json), with index.html, main.js, ribbon.xml and the
// icons; scripts/wps-deploy.mjs then writes the deployment files beside it. Everything is
// relative, so the add-in runs from local files. The pane's code, node_modules included, is
// transpiled to ES2017 syntax; its runtime floor is Chromium 84 (WeakRef, see docs/WPS.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const fromRoot = (...parts) => path.join(ROOT, ...parts);
const { name, version } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
export const WPS_TARGET = 'es2017';
export const ADDIN_FOLDER = `${name}_${version}`;

const swc = (syntax) => ({
  loader: 'swc-loader',
  options: {
    swcrc: false,
    jsc: {
      parser: syntax === 'typescript' ? { syntax, tsx: true } : { syntax },
      transform: { react: { runtime: 'automatic', development: false } },
      target: WPS_TARGET,
    },
    sourceMaps: true,
  },
});

export default (_env, argv) => {
  const production = (argv?.mode ?? 'production') === 'production';
  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    entry: { pane: fromRoot('src/wps/index.tsx') },
    target: ['web', WPS_TARGET],
    output: { path: fromRoot('dist/wps', ADDIN_FOLDER), filename: '[name].js', publicPath: '', clean: true },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: swc('typescript') },
        // Dependencies too (Fluent 9 and tabster ship ES2022 syntax).
        { test: /\.m?js$/, include: /node_modules/, use: swc('ecmascript'), resolve: { fullySpecified: false } },
      ],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
    plugins: [
      new HtmlWebpackPlugin({ filename: 'index.html', template: fromRoot('src/wps/index.html'), chunks: ['pane'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/main.js', to: 'main.js' },
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
        ],
      }),
    ],
  };
};
