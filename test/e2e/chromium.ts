// Which Chromium the end-to-end tests drive, so `npm test` needs nothing installed by hand:
//   1. $JIXIAO_CHROMIUM, when set (it must start: an explicit choice is never passed over);
//   2. the headless Chromium inside the npm package @sparticuz/chromium (a devDependency),
//      inflated once into node_modules/.cache/jixiao-chromium/<version>/;
//   3. the system's /usr/bin/chromium (Debian's; $JIXIAO_SYSTEM_CHROMIUM names another path).
// When none is there the caller fails with every reason, never skips.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..', '..');

export type ChromiumSource = 'env' | 'bundled' | 'system';

export interface ChromiumChoice {
  source: ChromiumSource;
  executablePath: string;
  /** Extra environment for the browser process (the bundled one's NSS libraries and fonts). */
  env: Record<string, string>;
}

export interface ChromiumSearch {
  /** An explicit executable ($JIXIAO_CHROMIUM). */
  explicit?: string;
  /** Root of the @sparticuz/chromium package, or null when it is not installed. */
  bundledPackage?: string | null;
  /** Where inflated copies are kept, one folder per package version. */
  cacheRoot?: string;
  /** The system browser ($JIXIAO_SYSTEM_CHROMIUM, else /usr/bin/chromium). */
  system?: string;
  /** Folders holding extra fonts (a CJK font) for the bundled browser's fontconfig. */
  fontDirs?: string[];
}

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function findBundledPackage(): string | null {
  try {
    // The package's "exports" hide package.json; its main file lies at build/cjs/index.cjs.
    let dir = path.dirname(require.resolve('@sparticuz/chromium', { paths: [ROOT] }));
    while (!existsSync(path.join(dir, 'package.json')) || !/"name":\s*"@sparticuz\/chromium"/.test(readFileSync(path.join(dir, 'package.json'), 'utf8'))) {
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
    return dir;
  } catch {
    return null;
  }
}

/** Font folders that npm packages in devDependencies bring (a CJK font for readable screenshots). */
export function packagedFontDirs(): string[] {
  const dirs: string[] = [];
  // Regular and bold are what the pages use; the other seven weights would only slow fontconfig.
  for (const weight of ['400Regular', '700Bold']) {
    try {
      dirs.push(path.dirname(require.resolve(`@expo-google-fonts/noto-sans-sc/${weight}/NotoSansSC_${weight}.ttf`, { paths: [ROOT] })));
    } catch {
      // not installed: CJK text is then blank in screenshots unless the system has a CJK font
    }
  }
  return dirs;
}

export function defaultSearch(): Required<ChromiumSearch> {
  return {
    explicit: process.env.JIXIAO_CHROMIUM ?? '',
    bundledPackage: findBundledPackage(),
    cacheRoot: path.join(ROOT, 'node_modules', '.cache', 'jixiao-chromium'),
    system: process.env.JIXIAO_SYSTEM_CHROMIUM || SYSTEM_CHROMIUM,
    fontDirs: packagedFontDirs(),
  };
}

/**
 * Unpacks a tar archive (as the package ships them: regular files and folders in ustar
 * form, possibly with GNU long names or pax headers) into `dest`.
 */
export function untar(archive: Buffer, dest: string): void {
  const field = (block: Buffer, start: number, length: number) => {
    const raw = block.subarray(start, start + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end < 0 ? length : end).toString('utf8');
  };
  let offset = 0;
  let longName: string | null = null;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] || 48);
    const mode = parseInt(field(header, 100, 8).trim() || '644', 8);
    const prefix = field(header, 345, 155);
    const body = archive.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = field(body, 0, body.length);
      continue;
    }
    if (type === 'x') {
      const pathRecord = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (pathRecord) longName = pathRecord[1];
      continue;
    }
    if (type === 'g') continue;
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = null;
    const target = path.resolve(dest, name);
    if (target !== path.resolve(dest) && !target.startsWith(path.resolve(dest) + path.sep)) {
      throw new Error(`tar entry outside the destination: ${name}`);
    }
    if (type === '5') {
      mkdirSync(target, { recursive: true });
    } else if (type === '0' || type === '7') {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, body);
      chmodSync(target, mode & 0o777);
    } else {
      throw new Error(`unsupported tar entry type "${type}" for ${name}`);
    }
  }
}

function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The bundled browser's folder, inflated on first use: `chromium`, the NSS libraries in lib/,
 * SwiftShader's GL libraries beside the binary, and fonts/. The folder is named by the package
 * version (the package itself reuses whatever it finds in $TMPDIR), filled in a staging folder
 * and renamed into place, so parallel test workers never see half a browser.
 */
export function inflateBundled(pkg: string, cacheRoot: string): string {
  const dir = path.join(cacheRoot, packageVersion(pkg));
  if (existsSync(path.join(dir, 'chromium'))) return dir;
  const bin = path.join(pkg, 'bin');
  mkdirSync(cacheRoot, { recursive: true });
  const stage = path.join(cacheRoot, `.stage-${process.pid}-${Date.now()}`);
  mkdirSync(stage, { recursive: true });
  try {
    writeFileSync(path.join(stage, 'chromium'), brotliDecompressSync(readFileSync(path.join(bin, 'chromium.br'))));
    chmodSync(path.join(stage, 'chromium'), 0o755);
    for (const archive of ['al2023.tar.br', 'swiftshader.tar.br', 'fonts.tar.br']) {
      if (existsSync(path.join(bin, archive))) untar(brotliDecompressSync(readFileSync(path.join(bin, archive))), stage);
    }
    try {
      renameSync(stage, dir);
    } catch (e) {
      // Another worker got there first: use its copy.
      if (!existsSync(path.join(dir, 'chromium'))) throw e;
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return dir;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A fontconfig file for the bundled browser: its own fonts, the packaged CJK font, the system's. */
function writeFontConfig(dir: string, fontDirs: string[]): string {
  const dirs = [path.join(dir, 'fonts'), ...fontDirs, '/usr/share/fonts', '/usr/local/share/fonts', path.join(os.homedir(), '.fonts')];
  const file = path.join(dir, 'fonts.jixiao.conf');
  const text = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
${dirs.map((d) => `  <dir>${escapeXml(d)}</dir>`).join('\n')}
  <cachedir>${escapeXml(path.join(dir, 'fontconfig-cache'))}</cachedir>
  <alias><family>sans-serif</family><prefer><family>Noto Sans SC</family><family>Open Sans</family><family>DejaVu Sans</family></prefer></alias>
</fontconfig>
`;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    const tmp = `${file}.${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  }
  return file;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The browsers to try, in order, with the reason each one before them was passed over.
 * An explicit $JIXIAO_CHROMIUM is the only candidate when set.
 */
export function chromiumCandidates(search: ChromiumSearch = defaultSearch()): { candidates: ChromiumChoice[]; skipped: string[] } {
  const skipped: string[] = [];
  if (search.explicit) {
    if (!isFile(search.explicit)) skipped.push(`JIXIAO_CHROMIUM=${search.explicit}: the file does not exist or cannot be read`);
    return { candidates: skipped.length ? [] : [{ source: 'env', executablePath: search.explicit, env: {} }], skipped };
  }
  const candidates: ChromiumChoice[] = [];
  if (search.bundledPackage && `${process.platform}-${process.arch}` !== 'linux-x64') {
    skipped.push(`@sparticuz/chromium: its browser is built for linux-x64, not ${process.platform}-${process.arch} (set JIXIAO_CHROMIUM)`);
  } else if (search.bundledPackage) {
    try {
      const dir = inflateBundled(search.bundledPackage, search.cacheRoot ?? path.join(ROOT, 'node_modules', '.cache', 'jixiao-chromium'));
      const lib = path.join(dir, 'lib');
      const ld = [lib, ...(process.env.LD_LIBRARY_PATH ?? '').split(':').filter((p) => p && p !== lib)].join(':');
      candidates.push({
        source: 'bundled',
        executablePath: path.join(dir, 'chromium'),
        env: { LD_LIBRARY_PATH: ld, FONTCONFIG_FILE: writeFontConfig(dir, search.fontDirs ?? []) },
      });
    } catch (e) {
      skipped.push(`@sparticuz/chromium at ${search.bundledPackage}: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else {
    skipped.push('@sparticuz/chromium: not installed (run `npm install`)');
  }
  const system = search.system ?? SYSTEM_CHROMIUM;
  if (isFile(system)) candidates.push({ source: 'system', executablePath: system, env: {} });
  else skipped.push(`${system}: the file does not exist`);
  return { candidates, skipped };
}
