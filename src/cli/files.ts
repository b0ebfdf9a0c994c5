// Where the CLI writes: copy names that never collide, the same-file checks that keep an input from
// being replaced, and atomic writes through exclusive temp files removed on a signal.
import { randomBytes } from 'node:crypto';
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * "a.xlsx" → "a.checked.xlsx", "m.xlsm" → "m.checked.xlsm" (a macro workbook stays one); the
 * n-th input of the same name gets "a (n).checked.xlsx" so that copies never overwrite each other.
 */
export function outputName(file: string, n = 1): string {
  const ext = /\.xlsm$/i.test(file) ? '.xlsm' : '.xlsx';
  const base = path.basename(file).replace(/\.xls[xm]$/i, '').replace(/\.checked$/i, '');
  return `${base}${n > 1 ? ` (${n})` : ''}.checked${ext}`;
}

/** The copy's path for each input, distinct even for inputs of the same name in different folders. */
export function copyTargets(files: string[], outDir: string): Map<string, string> {
  const used = new Map<string, number>();
  const out = new Map<string, string>();
  for (const file of files) {
    if (out.has(file)) continue;
    const key = outputName(file).toLowerCase();
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    out.set(file, path.resolve(outDir, outputName(file, n)));
  }
  return out;
}

/** The real path of a file that may not exist yet: its folder resolved through symlinks, then its name. */
async function realTarget(file: string): Promise<string> {
  const abs = path.resolve(file);
  try {
    return await fs.realpath(abs);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Whether two paths name one file: the same device and inode when both exist, else the same real path. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  if (sa && sb) return sa.dev === sb.dev && sa.ino === sb.ino;
  return (await realTarget(a)) === (await realTarget(b));
}

export async function sameAsAny(target: string, others: string[]): Promise<string | undefined> {
  for (const o of others) if (await sameFile(target, o)) return o;
  return undefined;
}

export async function isZipFile(file: string): Promise<boolean> {
  try {
    const handle = await fs.open(file, 'r');
    try {
      const head = Buffer.alloc(4);
      await handle.read(head, 0, 4, 0);
      return head.readUInt32LE(0) === 0x04034b50;
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

/** Temp files being written, removed if the process is interrupted. */
const temps = new Set<string>();

/** Removes the temp files of writes in flight (on SIGINT/SIGTERM). */
export function removeTempFiles(): void {
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
}

/** On SIGINT/SIGTERM: remove temp files, then exit as a killed process would (130 / 143). */
export function installSignalCleanup(): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.once(signal, () => {
      removeTempFiles();
      process.exit(code);
    });
  }
}

/**
 * A temp file beside `target`, created exclusively (O_EXCL: a planted file or symlink of that
 * name makes it fail rather than be followed) under an unguessable name, and registered for
 * removal on a signal.
 */
export async function openTemp(target: string): Promise<{ tmp: string; handle: fs.FileHandle }> {
  for (let attempt = 0; ; attempt++) {
    const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await fs.open(tmp, 'wx');
      temps.add(tmp);
      return { tmp, handle };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 4) throw e;
    }
  }
}

/** Writes atomically: an exclusive temp file beside the target, then rename, so a crash leaves no half file. */
export async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  const { tmp, handle } = await openTemp(target);
  try {
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    temps.delete(tmp);
  }
}

/** Today as "2026-05-01", in local time: the date a reviewer would write. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export async function writeTextFile(target: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  await writeAtomically(path.resolve(target), text);
}
