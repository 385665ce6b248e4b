// Draws the MinerDebt icon (amber tile, three rising white columns, a dark debt line) into
// assets/icon-{16,32,64,80}.png. Pure Node (zlib): no image library or network needed.
// Run: node scripts/make-icons.mjs. The PNGs are committed; rerun only to change the design.
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";

const SUPERSAMPLE = 4;

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shape tests in unit coordinates (0..1), y down.
function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const columns = [
  { x0: 0.2, x1: 0.34, top: 0.58 },
  { x0: 0.43, x1: 0.57, top: 0.42 },
  { x0: 0.66, x1: 0.8, top: 0.24 },
];
const baseline = 0.8;
const debtLine = [
  [0.16, 0.5],
  [0.5, 0.3],
  [0.84, 0.14],
];

function colourAt(x, y, size) {
  if (!insideRoundedSquare(x, y, 0.2)) return null;
  const lineWidth = Math.max(0.045, 1.6 / size);
  for (let i = 0; i < debtLine.length - 1; i++) {
    const [ax, ay] = debtLine[i];
    const [bx, by] = debtLine[i + 1];
    if (distanceToSegment(x, y, ax, ay, bx, by) <= lineWidth) return [32, 31, 30];
  }
  for (const c of columns) {
    if (x >= c.x0 && x <= c.x1 && y >= c.top && y <= baseline) return [255, 255, 255];
  }
  // Amber tile, darker towards the bottom right.
  const shade = (x + y) / 2;
  return [Math.round(247 - 40 * shade), Math.round(160 - 60 * shade), Math.round(30 - 20 * shade)];
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (n * n));
    }
  }
  return encodePng(size, rgba);
}

mkdirSync("assets", { recursive: true });
for (const size of [16, 32, 64, 80]) {
  writeFileSync(`assets/icon-${size}.png`, draw(size));
}
console.log("wrote assets/icon-{16,32,64,80}.png");
