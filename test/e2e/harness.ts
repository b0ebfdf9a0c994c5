// What the end-to-end tests stand on: a production build of the workbench (rebuilt only when
// a source is newer), a static file server on a loopback port, and a Chromium (chromium.ts says which).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumCandidates, defaultSearch, type ChromiumChoice, type ChromiumSearch } from './chromium.js';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist', 'workbench');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

/** Newest modification time under `target`, leaving out tests (they do not go into the bundle). */
function newestTime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(target) ? 0 : stat.mtimeMs;
  return readdirSync(target).reduce((t, name) => Math.max(t, newestTime(path.join(target, name))), 0);
}

export function buildIsCurrent(): boolean {
  const page = path.join(DIST, 'index.html');
  if (!existsSync(page) || !existsSync(path.join(DIST, 'assets', 'samples', 'ningxian-2026.xlsx'))) return false;
  const inputs = ['src', 'assets', 'webpack.config.js', 'package.json'].map((p) => newestTime(path.join(ROOT, p)));
  return statSync(page).mtimeMs > Math.max(...inputs);
}

const BUILD_LOCK = path.join(ROOT, 'node_modules', '.cache', 'jixiao-workbench-build.lock');

/**
 * Runs `fn` while holding a lock folder, so test files in parallel workers never build
 * dist/workbench/ (which webpack empties first) at the same time. A lock older than ten minutes
 * is taken to be left by a killed run.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 600_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** `npm run build:workbench`, unless dist/workbench is newer than every source. */
export async function ensureWorkbenchBuild(): Promise<void> {
  if (buildIsCurrent()) return;
  await withBuildLock(async () => {
    // Another worker may have built it while this one waited.
    if (!buildIsCurrent()) await buildWorkbench();
  });
}

async function buildWorkbench(): Promise<void> {
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production', '--env', 'workbench'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0 || !existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`building the workbench failed (exit ${code}):\n${output.join('')}`);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` read-only on 127.0.0.1 at a free port. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  /** The browser that started, and where it came from. */
  choice: ChromiumChoice;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function cannotStart(reasons: string[]): Error {
  return new Error(
    `No Chromium could start for the end-to-end tests:\n${reasons.map((r) => `  - ${r}`).join('\n')}\n` +
      'They use, in order: $JIXIAO_CHROMIUM, the browser in the devDependency @sparticuz/chromium ' +
      '(`npm install` brings it), then /usr/bin/chromium (`apt-get install chromium`).',
  );
}

/**
 * Chromium at 1400×900 with a fresh profile: the first of chromium.ts's candidates that starts.
 * Throws (never skips) with every candidate's reason when none does.
 */
export async function launchChromium(search: ChromiumSearch = defaultSearch()): Promise<Browser> {
  const { candidates, skipped } = chromiumCandidates(search);
  const reasons = [...skipped];
  for (const choice of candidates) {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'workbench-chromium-'));
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: choice.executablePath,
        args: CHROMIUM_ARGS,
        env: { ...process.env, ...choice.env } as Record<string, string>,
        headless: true,
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
        locale: 'zh-CN',
        timeout: 60_000,
      });
      return {
        context,
        choice,
        close: async () => {
          await context.close();
          rmSync(profile, { recursive: true, force: true });
        },
      };
    } catch (e) {
      rmSync(profile, { recursive: true, force: true });
      reasons.push(`${choice.source} ${choice.executablePath}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
  }
  throw cannotStart(reasons);
}

/** Retries a check until it passes: the page updates asynchronously (playwright-core has no expect). */
export async function eventually(check: () => Promise<void> | void, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** An offline browser and a temp folder for one e2e file; the returned `close` removes both. */
export async function offlineBrowser(prefix: string): Promise<{ browser: Browser; tmp: string; close: () => Promise<void> }> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const browser = await launchChromium();
  // As on the intranet: any attempt to reach the network fails.
  await browser.context.setOffline(true);
  return {
    browser,
    tmp,
    close: async () => {
      await browser.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
