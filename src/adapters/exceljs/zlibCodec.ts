// Node's native zlib for the package's deflate streams: the same raw deflate as fflate's, several
// times faster on big sheets. The browser build keeps fflate.
import * as zlib from 'node:zlib';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Codec } from '../xlsx/index.js';

export const zlibCodec: Codec = {
  // maxOutputLength: a stream inflating past its declared size fails instead of growing.
  inflate: (raw, size) => inflateRawSync(raw, { maxOutputLength: Math.max(1, size) }),
  deflate: (data) => deflateRawSync(data, { level: 6 }),
  // zlib.crc32 exists from Node 20.15 / 22.2.
  ...(typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? { crc32: (data: Uint8Array) => (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32(data) } : {}),
};
