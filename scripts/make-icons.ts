/**
 * Draws the toolbar icon (a card with a highlighted line) as PNGs in public/icon/.
 * Pure Node: shapes are signed-distance functions, antialiased by coverage sampling.
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

function roundedRect(
  x: number,
  y: number,
  cx: number,
  cy: number,
  hw: number,
  hh: number,
  r: number,
) {
  const dx = Math.abs(x - cx) - (hw - r);
  const dy = Math.abs(y - cy) - (hh - r);
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
}

/** Colour of the unit-square point (x, y) in [0, 1]², or null for transparent. */
function shade(x: number, y: number): Rgba | null {
  if (roundedRect(x, y, 0.5, 0.5, 0.47, 0.47, 0.16) > 0) return null;
  // highlighted line
  if (roundedRect(x, y, 0.5, 0.44, 0.3, 0.1, 0.04) <= 0) {
    if (roundedRect(x, y, 0.46, 0.44, 0.22, 0.025, 0.02) <= 0) return [23, 50, 77, 255];
    return [255, 213, 79, 255];
  }
  // two text lines
  if (roundedRect(x, y, 0.45, 0.68, 0.25, 0.035, 0.03) <= 0) return [255, 255, 255, 235];
  if (roundedRect(x, y, 0.5, 0.22, 0.3, 0.035, 0.03) <= 0) return [255, 255, 255, 235];
  return [11, 92, 173, 255];
}

function render(size: number): Buffer {
  const samples = 4;
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
          );
          if (!colour) continue;
          const alpha = colour[3] / 255;
          sum[0]! += colour[0] * alpha;
          sum[1]! += colour[1] * alpha;
          sum[2]! += colour[2] * alpha;
          sum[3]! += alpha;
        }
      }
      const coverage = sum[3]! / (samples * samples);
      const offset = 1 + px * 4;
      if (sum[3]! > 0) {
        row[offset] = Math.round(sum[0]! / sum[3]!);
        row[offset + 1] = Math.round(sum[1]! / sum[3]!);
        row[offset + 2] = Math.round(sum[2]! / sum[3]!);
      }
      row[offset + 3] = Math.round(coverage * 255);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(buffer: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  writeFileSync(`public/icon/${size}.png`, render(size));
}
console.log('icons written to public/icon/');
