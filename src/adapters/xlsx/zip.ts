// The zip container of an .xlsx, read and written by hand so that an entry we do not change is
// copied as its raw compressed bytes (local header, data and descriptor verbatim). fflate only
// inflates and deflates the entries we read or rewrite; it runs the same in Node and browsers.
import { deflateSync, inflateSync } from 'fflate';

export class ZipError extends Error {}

/** Raw deflate both ways. fflate by default (any platform); the CLI plugs in Node's native zlib, several times faster. */
export interface Codec {
  /** Inflates at most `size` bytes (the declared size): more is an error or cut off, never allocated. */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  /** A faster CRC-32 where the platform has one. */
  crc32?(data: Uint8Array): number;
}

export const fflateCodec: Codec = {
  inflate: (raw, size) => inflateSync(raw, { out: new Uint8Array(size) }),
  deflate: (data) => deflateSync(data, { level: 6 }),
};

let codec: Codec = fflateCodec;

export function useCodec(next: Codec): void {
  codec = next;
}

export interface ZipEntry {
  name: string;
  /** Offset of the central directory record in the original bytes. */
  centralOffset: number;
  centralLength: number;
  localOffset: number;
  /** Bytes from the local header up to and including the data descriptor. */
  localLength: number;
  dataOffset: number;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** By lower-case name: OPC part names are case-insensitive. */
  byName: Map<string, ZipEntry>;
}

const U32 = 0xffffffff;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  // Sizes above 2^53 are not a workbook; the limits refuse them long before.
  return u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
}

// Made on first use: merely importing the writer must work where these are missing (jsdom tests).
let decoderCache: { decode(input: Uint8Array): string } | undefined;
let encoderCache: { encode(input: string): Uint8Array } | undefined;
const decoder = { decode: (b: Uint8Array): string => (decoderCache ??= new TextDecoder('utf-8')).decode(b) };
const encoder = { encode: (s: string): Uint8Array => (encoderCache ??= new TextEncoder()).encode(s) };

/** Reads the central directory (zip64 included); entries' data is not touched. */
export function readZip(bytes: Uint8Array): ZipArchive {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory');
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if ((count === 0xffff || cdSize === U32 || cdOffset === U32) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const z = u64(bytes, eocd - 20 + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) throw new ZipError('bad zip64 end record');
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw new ZipError('central directory outside the file');
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError('bad central directory record');
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const extraStart = p + 46 + nameLength;
    const z64 = findExtra(bytes, extraStart, extraLength, 0x0001);
    if (z64 >= 0) {
      let q = z64 + 4;
      if (size === U32) {
        size = u64(bytes, q);
        q += 8;
      }
      if (compressedSize === U32) {
        compressedSize = u64(bytes, q);
        q += 8;
      }
      if (localOffset === U32) localOffset = u64(bytes, q);
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== 0x04034b50) throw new ZipError(`bad local header for ${name}`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    let end = dataOffset + compressedSize;
    if (end > bytes.length) throw new ZipError(`${name} runs past the end of the file`);
    if (flags & 8) {
      // A data descriptor follows: with or without its signature, 32- or 64-bit sizes.
      const signed = end + 4 <= bytes.length && u32(bytes, end) === 0x08074b50;
      const base = signed ? end + 4 : end;
      const small = base + 12 <= bytes.length && u32(bytes, base + 4) === compressedSize % 0x1_0000_0000 && u32(bytes, base + 8) === size % 0x1_0000_0000;
      end = base + (small ? 12 : 20);
    }
    const centralLength = 46 + nameLength + extraLength + commentLength;
    const entry: ZipEntry = { name, centralOffset: p, centralLength, localOffset, localLength: end - localOffset, dataOffset, method, flags, crc, compressedSize, size };
    const key = name.toLowerCase();
    if (byName.has(key)) throw new ZipError(`two entries named ${name}`);
    entries.push(entry);
    byName.set(key, entry);
    p += centralLength;
  }
  return { bytes, entries, byName };
}

function findExtra(b: Uint8Array, start: number, length: number, id: number): number {
  let q = start;
  while (q + 4 <= start + length) {
    const size = u16(b, q + 2);
    if (u16(b, q) === id) return q;
    q += 4 + size;
  }
  return -1;
}

/** The entry's content, inflated; never larger than its declared size. */
export function entryData(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const raw = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    // At most the declared size: a zip bomb that lies about it is cut off, and caught by the CRC.
    try {
      out = codec.inflate(raw, entry.size);
    } catch (e) {
      throw new ZipError(`${entry.name} is damaged (${(e as Error).message})`);
    }
  } else throw new ZipError(`${entry.name} uses compression method ${entry.method}`);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw new ZipError(`${entry.name} is damaged (size or CRC mismatch)`);
  return out;
}

// Texts already inflated, by package bytes: the limits check, the reading copy and the writer
// each read the same sheet parts of one file; a big sheet is inflated and decoded once.
const textCache = new WeakMap<Uint8Array, Map<string, string>>();
const CACHE_LIMIT = 64 * 2 ** 20;

export function entryText(zip: ZipArchive, entry: ZipEntry): string {
  let cache = textCache.get(zip.bytes);
  const hit = cache?.get(entry.name);
  if (hit !== undefined) return hit;
  const text = decoder.decode(entryData(zip, entry));
  if (entry.size <= CACHE_LIMIT) {
    if (!cache) textCache.set(zip.bytes, (cache = new Map()));
    cache.set(entry.name, text);
  }
  return text;
}

let table: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (codec.crc32) return codec.crc32(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = U32;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ U32) >>> 0;
}

/** Replacement content by lower-case entry name; new entries are appended in the order given. */
export interface ZipChanges {
  replace: Map<string, Uint8Array | string>;
  add: { name: string; data: Uint8Array | string }[];
  /** Lower-case names of entries to leave out. */
  remove?: Set<string>;
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
}
function put32(b: Uint8Array, at: number, v: number): void {
  put16(b, at, v & 0xffff);
  put16(b, at + 2, (v >>> 16) & 0xffff);
}

const asBytes = (d: Uint8Array | string): Uint8Array => (typeof d === 'string' ? encoder.encode(d) : d);

interface Written {
  local: Uint8Array[];
  central: Uint8Array;
}

/** A freshly compressed entry, keeping the original's name bytes, time stamp and flags where there is one. */
function freshEntry(name: Uint8Array, data: Uint8Array, offset: number, original?: { bytes: Uint8Array; entry: ZipEntry }): Written {
  const compressed = codec.deflate(data);
  const crc = crc32(data);
  const nameBytes = original ? original.bytes.subarray(original.entry.centralOffset + 46, original.entry.centralOffset + 46 + u16(original.bytes, original.entry.centralOffset + 28)) : name;
  const local = new Uint8Array(30 + nameBytes.length);
  put32(local, 0, 0x04034b50);
  put16(local, 4, 20);
  const flags = ((original?.entry.flags ?? 0) & 0x0800) | (original ? 0 : 0x0800);
  put16(local, 6, flags);
  put16(local, 8, 8);
  const time = original ? u16(original.bytes, original.entry.centralOffset + 12) : 0;
  const date = original ? u16(original.bytes, original.entry.centralOffset + 14) : 0x21; // 1980-01-01
  put16(local, 10, time);
  put16(local, 12, date);
  put32(local, 14, crc);
  put32(local, 18, compressed.length);
  put32(local, 22, data.length);
  put16(local, 26, nameBytes.length);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  put32(central, 0, 0x02014b50);
  put16(central, 4, 20);
  put16(central, 6, 20);
  central.set(local.subarray(6, 30), 8);
  put32(central, 42, offset);
  central.set(nameBytes, 46);
  return { local: [local, compressed], central };
}

/** A copy of an unchanged entry: its local record verbatim, its central record with the new offset. */
function copiedEntry(bytes: Uint8Array, entry: ZipEntry, offset: number): Written {
  // A copy (new Uint8Array, not slice: a Node Buffer's slice is a view and we must not write into the input).
  const central = new Uint8Array(bytes.subarray(entry.centralOffset, entry.centralOffset + entry.centralLength));
  if (u32(central, 42) === U32) {
    const nameLength = u16(central, 28);
    const z64 = findExtra(central, 46 + nameLength, u16(central, 30), 0x0001);
    let q = z64 + 4;
    if (u32(central, 24) === U32) q += 8;
    if (u32(central, 20) === U32) q += 8;
    put32(central, q, offset % 0x1_0000_0000);
    put32(central, q + 4, Math.floor(offset / 0x1_0000_0000));
  } else put32(central, 42, offset);
  return { local: [bytes.subarray(entry.localOffset, entry.localOffset + entry.localLength)], central };
}

/** The archive with `changes` applied; every other entry keeps its bytes and its place. */
export function writeZip(zip: ZipArchive, changes: ZipChanges): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (w: Written): void => {
    for (const l of w.local) {
      parts.push(l);
      offset += l.length;
    }
    centrals.push(w.central);
  };
  for (const entry of zip.entries) {
    if (changes.remove?.has(entry.name.toLowerCase())) continue;
    const replacement = changes.replace.get(entry.name.toLowerCase());
    const at = offset;
    push(replacement === undefined ? copiedEntry(zip.bytes, entry, at) : freshEntry(encoder.encode(entry.name), asBytes(replacement), at, { bytes: zip.bytes, entry }));
  }
  for (const a of changes.add) push(freshEntry(encoder.encode(a.name), asBytes(a.data), offset));
  if (offset >= U32) throw new ZipError('the copy would need zip64, which this writer does not write');
  const cdOffset = offset;
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const count = centrals.length;
  if (count >= 0xffff) throw new ZipError('too many entries for a plain zip');
  const end = new Uint8Array(22);
  put32(end, 0, 0x06054b50);
  put16(end, 8, count);
  put16(end, 10, count);
  put32(end, 12, cdSize);
  put32(end, 16, cdOffset);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...parts, ...centrals, end]) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
