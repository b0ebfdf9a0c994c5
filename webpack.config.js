// Webpack builds two independent bundles:
//   add-in     src/taskpane/index.tsx  → dist/ (taskpane.html, support.html, assets/, manifest.xml)
//   workbench  src/workbench/index.tsx → dist/workbench/ (index.html; offline, relative paths)
// They are separate compilations so the workbench's exceljs can never end up in a chunk the
// task pane loads. The dev server is one compilation with both pages: the workbench at /,
// the pane at /taskpane.html (what manifest.xml points at).
//
//   webpack --mode production                    both bundles (npm run build)
//   webpack --mode production --env workbench    workbench only (npm run build:workbench)
//   webpack serve --mode development             dev server on port 3000 (npm run dev-server)
//   ADDIN_URL=https://host/path/ …               dist/manifest.xml points at that address
//   OFFICE_JS_URL=…                              another Office.js CDN (see taskpane.html)
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { rewriteManifest } from './scripts/manifest-url.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const fromRoot = (...parts) => path.join(ROOT, ...parts);

const TASKPANE_ENTRY = fromRoot('src/taskpane/index.tsx');
const WORKBENCH_ENTRY = fromRoot('src/workbench/index.tsx');
// The workbench may bring its own page; until then a bare one with the same mount point.
const WORKBENCH_TEMPLATE = fromRoot('src/workbench/workbench.html');
const DIST = fromRoot('dist');
const DEV_PORT = 3000;
const OFFICE_JS_URL = process.env.OFFICE_JS_URL || 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const swcOptions = (production) => ({
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic', development: !production } },
    // Office's webviews: WebView2 / Safari / Excel on the web; ES2019 still runs on older Safari.
    target: 'es2019',
  },
  sourceMaps: true,
});

function common(production) {
  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // Sources import './a1.js' (Node ESM style) for files that are a1.ts.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'swc-loader', options: swcOptions(production) },
        },
        // The workbench's sample goes inside its bundle: a page opened from disk cannot fetch it.
        { test: /\.xlsx$/, type: 'asset/inline' },
      ],
      // exceljs's browser build is a prebuilt browserify bundle: nothing for webpack to resolve in it.
      noParse: /exceljs[\\/]dist[\\/]/,
    },
    // bundle-size.mjs checks the gzip budget; webpack's hint counts raw bytes.
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

// The package's "browser" field already points at dist/exceljs.min.js; say it outright so a
// change in resolution order can't pull its Node build (streams, fs) into the browser.
const exceljsForBrowser = { exceljs$: fromRoot('node_modules/exceljs/dist/exceljs.min.js') };

function taskpanePage(filename) {
  return new HtmlWebpackPlugin({
    filename,
    template: fromRoot('src/taskpane/taskpane.html'),
    chunks: ['taskpane'],
    officeJsUrl: OFFICE_JS_URL,
  });
}

function workbenchPage(filename) {
  const page = { filename, chunks: ['workbench'], title: '绩效目标表校验 · 工作台' };
  // No Office.js here: the workbench runs offline against its own workbook simulator.
  return new HtmlWebpackPlugin(
    existsSync(WORKBENCH_TEMPLATE)
      ? { ...page, template: WORKBENCH_TEMPLATE }
      : {
          ...page,
          templateContent: `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${page.title}</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
  </head>
  <body style="margin:0">
    <div id="container"></div>
  </body>
</html>`,
        },
  );
}

// The manifest's SupportUrl / GetStarted "learn more": a static page, no script.
const supportPage = new HtmlWebpackPlugin({
  filename: 'support.html',
  chunks: [],
  inject: false,
  templateContent: `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>绩效目标表校验 · 帮助</title>
    <link rel="icon" type="image/png" href="assets/icon-32.png" />
    <style>body{font-family:"Segoe UI","Microsoft YaHei",sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.6}</style>
  </head>
  <body>
    <h1>绩效目标表校验</h1>
    <p>在 Excel 的“开始”选项卡点击“校验”，打开校验窗格：检查工作簿中的整体支出绩效目标表，
      列出问题并可跳转到对应单元格，在表格旁写入“得分”列。只写入得分列，不改动其他单元格。</p>
    <p>需要 Microsoft 365（Windows、Mac）或网页版 Excel。批量授权（VL）的 Office 2016 只有 ExcelApi 1.1、Office 2019 用旧版 IE 组件显示加载项，均无法运行本加载项；
      批注、合并单元格识别和一步撤销在较新的版本中自动启用。</p>
    <p>加载项的 Office.js 只能从微软的 CDN 载入：没有互联网的内网电脑无法使用加载项，请使用离线<a href="workbench/">工作台</a>或命令行 jixiao-check。</p>
    <h2 lang="en">Performance Target Checker</h2>
    <p lang="en">Click <b>Check</b> on Excel's Home tab to open the checker pane. It checks the whole-budget
      performance target tables in the workbook, lists each problem with a link to its cell, and writes a
      score column beside each table. It writes nothing else. Needs Microsoft 365 (Windows, Mac) or Excel on
      the web: volume-licensed Office 2016 has ExcelApi 1.1 only and Office 2019 shows add-ins in Internet
      Explorer, neither can run it. Notes, merged-cell reading and single-step undo switch on where Excel
      supports them. Office.js loads only from Microsoft's CDN, so an intranet machine without internet
      cannot run the add-in: use the offline <a href="workbench/">workbench</a> or the jixiao-check command.</p>
  </body>
</html>`,
});

function copyManifestAndAssets() {
  const addinUrl = process.env.ADDIN_URL;
  return new CopyWebpackPlugin({
    patterns: [
      // The README screenshot is documentation, not part of the add-in or the workbench.
      { from: 'assets', to: 'assets', globOptions: { ignore: ['**/workbench.png'] } },
      {
        from: 'manifest.xml',
        to: 'manifest.xml',
        transform: addinUrl ? (content) => rewriteManifest(content.toString('utf8'), addinUrl) : undefined,
      },
    ],
  });
}

// React and Fluent change less often than our code: separate files cache better in the
// webview. Fixed names are safe here because this compilation holds only the task pane.
const taskpaneChunks = {
  chunks: 'all',
  cacheGroups: {
    react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', priority: 20 },
    fluent: { test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster)[\\/]/, name: 'fluent', priority: 10 },
  },
};

function addinConfig(production) {
  return {
    ...common(production),
    name: 'addin',
    entry: { taskpane: TASKPANE_ENTRY },
    output: {
      path: DIST,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: '',
      // dist/workbench/ belongs to the other compilation, which may have written it already.
      clean: { keep: /^workbench[\\/]/ },
    },
    optimization: { splitChunks: taskpaneChunks },
    plugins: [taskpanePage('taskpane.html'), supportPage, copyManifestAndAssets()],
  };
}

function workbenchConfig(production) {
  return {
    ...common(production),
    name: 'workbench',
    entry: { workbench: WORKBENCH_ENTRY },
    resolve: { ...common(production).resolve, alias: exceljsForBrowser },
    output: {
      path: path.join(DIST, 'workbench'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      // Relative URLs: dist/workbench/ works from any static server, under any path.
      publicPath: '',
      clean: true,
    },
    optimization: { splitChunks: { chunks: 'all' } },
    plugins: [
      workbenchPage('index.html'),
      new CopyWebpackPlugin({
        patterns: [{ from: 'assets', to: 'assets', globOptions: { ignore: ['**/workbench.png'] } }],
      }),
    ],
  };
}

// office-addin-dev-certs puts a localhost certificate here; it cannot be installed on every
// machine, so without it the server speaks plain HTTP (fine for the workbench; Excel needs HTTPS).
function devServerTransport() {
  const dir = path.join(homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  if (!existsSync(cert) || !existsSync(key)) {
    console.warn(
      `[dev-server] no ${cert} / localhost.key: serving plain HTTP. The workbench works; ` +
        'to sideload into Excel, create certificates with `npx office-addin-dev-certs install` and restart.',
    );
    return 'http';
  }
  const ca = path.join(dir, 'ca.crt');
  return {
    type: 'https',
    options: { cert: readFileSync(cert), key: readFileSync(key), ...(existsSync(ca) ? { ca: readFileSync(ca) } : {}) },
  };
}

function devServerConfig() {
  const withWorkbench = existsSync(WORKBENCH_ENTRY);
  return {
    ...common(false),
    name: 'dev',
    entry: { taskpane: TASKPANE_ENTRY, ...(withWorkbench ? { workbench: WORKBENCH_ENTRY } : {}) },
    resolve: { ...common(false).resolve, alias: exceljsForBrowser },
    output: { path: DIST, filename: '[name].js', publicPath: '/' },
    // No fixed chunk names here: exceljs must stay in chunks only the workbench loads.
    optimization: { splitChunks: { chunks: 'all' } },
    plugins: [
      taskpanePage('taskpane.html'),
      ...(withWorkbench ? [workbenchPage('index.html')] : []),
      supportPage,
      copyManifestAndAssets(),
    ],
    devServer: {
      port: DEV_PORT,
      // Loopback only: the workbench serves the user's workbooks to their own browser.
      host: 'localhost',
      open: false,
      server: devServerTransport(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false } },
    },
  };
}

export default (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  if (env.WEBPACK_SERVE) return devServerConfig();
  if (env.workbench) {
    if (!existsSync(WORKBENCH_ENTRY)) throw new Error(`${WORKBENCH_ENTRY} does not exist yet`);
    return workbenchConfig(production);
  }
  const configs = [addinConfig(production)];
  // The workbench is written after the pane; build it once its entry exists.
  if (existsSync(WORKBENCH_ENTRY)) configs.push(workbenchConfig(production));
  return configs;
};
