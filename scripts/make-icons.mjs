#!/usr/bin/env node
// Draws the add-in icon (a small table with a check mark) as RGBA PNGs in the sizes the
// manifest declares. No image library: shapes are tested per pixel on a 4×4 sub-pixel
// grid (for anti-aliasing) and the PNG is written by hand with zlib.
//   node scripts/make-icons.mjs            → assets/icon-{16,32,64,80}.png
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80];
const SUBSAMPLES = 4;
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');

const GREEN = [0x21, 0x73, 0x46, 255];
const PALE = [0xc6, 0xe5, 0xd3, 255];
const WHITE = [255, 255, 255, 255];
const GOLD = [0xff, 0xb9, 0x00, 255];

// Shapes work in unit coordinates (0..1 across the icon) so every size has the same drawing.
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (!rect(x0, y0, x1, y1)(x, y)) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function distanceToSegment(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function polyline(points, width) {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      if (distanceToSegment(x, y, points[i - 1], points[i]) <= width / 2) return true;
    }
    return false;
  };
}

const any = (...shapes) => (x, y) => shapes.some((s) => s(x, y));

const CHECK = [[0.5, 0.66], [0.64, 0.8], [0.9, 0.44]];
const TABLE = [0.14, 0.18, 0.74, 0.78];

// Painted in order; a later layer covers an earlier one.
const LAYERS = [
  { color: GREEN, shape: roundedRect(0, 0, 1, 1, 0.18) },
  { color: WHITE, shape: rect(...TABLE) },
  { color: PALE, shape: rect(TABLE[0], TABLE[1], TABLE[2], 0.33) },
  {
    color: GREEN,
    shape: any(
      rect(TABLE[0], 0.33, TABLE[2], 0.37), // under the header row
      rect(TABLE[0], 0.54, TABLE[2], 0.58),
      rect(0.37, TABLE[1], 0.41, TABLE[3]), // label column | value column
    ),
  },
  { color: WHITE, shape: polyline(CHECK, 0.26) }, // halo so the mark reads on any layer
  { color: GOLD, shape: polyline(CHECK, 0.14) },
];

function pixel(px, py, size) {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < SUBSAMPLES; sy++) {
    for (let sx = 0; sx < SUBSAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
      const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
      let color = [0, 0, 0, 0];
      for (const layer of LAYERS) if (layer.shape(x, y)) color = layer.color;
      // Premultiplied sum, so transparent samples don't darken the edge.
      sum[0] += (color[0] * color[3]) / 255;
      sum[1] += (color[1] * color[3]) / 255;
      sum[2] += (color[2] * color[3]) / 255;
      sum[3] += color[3];
    }
  }
  const n = SUBSAMPLES * SUBSAMPLES;
  const alpha = sum[3] / n;
  if (alpha === 0) return [0, 0, 0, 0];
  return [...sum.slice(0, 3).map((c) => Math.round((c / n) * (255 / alpha))), Math.round(alpha)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // compression, filter, interlace: all 0
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const start = y * (1 + size * 4);
    rows[start] = 0; // filter: none
    for (let x = 0; x < size; x++) rows.set(pixel(x, y, size), start + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  writeFileSync(file, encodePng(size));
  console.log(`wrote ${file}`);
}
