// Draws the app icon (an open book on a teal tile) at every size electron-builder needs, as PNG,
// with no image library: pixels are computed, then deflated into a PNG by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGBA of the pixel at (x, y) in unit coordinates. */
function shade(x, y) {
  const radius = 0.2;
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return [0, 0, 0, 0];
  const inPage = y > 0.28 && y < 0.74 && Math.abs(x - 0.5) < 0.3 && Math.abs(x - 0.5) > 0.02;
  const line =
    inPage &&
    Math.abs(x - 0.5) > 0.08 &&
    Math.abs(x - 0.5) < 0.24 &&
    [0.38, 0.48, 0.58].some((row) => Math.abs(y - row) < 0.018);
  if (line) return [15, 118, 110, 255];
  if (inPage) return [250, 250, 247, 255];
  return [15, 118, 110, 255];
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(shade((x + 0.5) / size, (y + 0.5) / size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('build/icons', { recursive: true });
for (const size of SIZES) writeFileSync(`build/icons/${size}x${size}.png`, png(size));
writeFileSync('build/icon.png', png(1024));
