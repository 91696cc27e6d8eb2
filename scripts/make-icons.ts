/**
 * Draws Herald's icons (a bell) into build/: the app icon electron-builder turns into .ico/.icns, and
 * the tray states. Run with `npx tsx scripts/make-icons.ts` after changing the drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const ss = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const [r, g, b, a] = pixel((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          acc[0]! += r * a;
          acc[1]! += g * a;
          acc[2]! += b * a;
          acc[3]! += a;
        }
      const a = acc[3]! / (ss * ss);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(acc[0]! / acc[3]!) : 0;
      raw[o + 1] = a ? Math.round(acc[1]! / acc[3]!) : 0;
      raw[o + 2] = a ? Math.round(acc[2]! / acc[3]!) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The bell in unit coordinates (0..1). */
function inBell(x: number, y: number): boolean {
  const dx = x - 0.5;
  const dome = y >= 0.22 && y <= 0.42 && dx * dx + ((y - 0.42) / 0.2) ** 2 * 0.04 <= 0.04;
  const waist = y > 0.42 && y <= 0.68 && Math.abs(dx) <= 0.2 + (y - 0.42) * 0.35;
  const rim = y > 0.68 && y <= 0.74 && Math.abs(dx) <= 0.32;
  const clapper = dx * dx + (y - 0.8) ** 2 <= 0.07 ** 2;
  const knob = dx * dx + (y - 0.2) ** 2 <= 0.045 ** 2;
  return dome || waist || rim || clapper || knob;
}
const dot = (x: number, y: number) => (x - 0.8) ** 2 + (y - 0.22) ** 2 <= 0.17 ** 2;

const clear: RGBA = [0, 0, 0, 0];
const white: RGBA = [255, 255, 255, 255];
const indigo: RGBA = [67, 56, 202, 255];

function appIcon(x: number, y: number): RGBA {
  const r = 0.22; // rounded square
  const cx = Math.min(Math.max(x, r + 0.04), 0.96 - r);
  const cy = Math.min(Math.max(y, r + 0.04), 0.96 - r);
  const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  if (!inside) return clear;
  const s = 0.78; // bell scaled into the square
  return inBell((x - 0.5) / s + 0.5, (y - 0.5) / s + 0.5) ? white : indigo;
}

function trayIcon(bell: RGBA, badge?: RGBA) {
  return (x: number, y: number): RGBA => {
    if (badge && dot(x, y)) return badge;
    // a transparent ring around the badge keeps it readable on any panel colour
    if (badge && (x - 0.8) ** 2 + (y - 0.22) ** 2 <= 0.23 ** 2) return clear;
    return inBell(x, y) ? bell : clear;
  };
}

const out = new URL('../build/', import.meta.url).pathname;
mkdirSync(`${out}tray`, { recursive: true });
writeFileSync(`${out}icon.png`, png(1024, appIcon));
const light: RGBA = [236, 236, 240, 255];
const states: Record<string, (x: number, y: number) => RGBA> = {
  'tray-ok': trayIcon(light),
  'tray-unread': trayIcon(light, [245, 158, 11, 255]),
  'tray-offline': trayIcon([150, 150, 160, 255], [220, 38, 38, 255]),
  'tray-snoozed': trayIcon([150, 150, 160, 255]),
  trayTemplate: trayIcon([0, 0, 0, 255]),
  'tray-alertTemplate': trayIcon([0, 0, 0, 255], [0, 0, 0, 255]),
};
for (const [name, draw] of Object.entries(states)) {
  writeFileSync(`${out}tray/${name}.png`, png(16, draw));
  writeFileSync(`${out}tray/${name}@2x.png`, png(32, draw));
}
console.log('icons written to build/');
