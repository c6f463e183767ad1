// Draws Broadsheet's app icon (a folded newspaper page on a navy tile) and writes it as a 1024×1024 PNG.
// Run: node scripts/make-icon.mjs [out.png]   (default resources/icons/icon.png)
// Shapes are signed-distance rounded rectangles, so edges are anti-aliased without any image library.
import { writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { deflateSync } from 'node:zlib'

const SIZE = 1024
const out = process.argv[2] ?? 'resources/icons/icon.png'

const navy = [31, 42, 68]
const paper = [244, 239, 228]
const ink = [31, 42, 68]
const grey = [138, 143, 156]
const red = [192, 57, 43]

/** A rounded rectangle from (x0, y0) to (x1, y1) with corner radius r, filled with color. */
const rect = (x0, y0, x1, y1, r, color) => ({ x0, y0, x1, y1, r, color })

const shapes = [
  rect(64, 64, 960, 960, 190, navy),
  // The page, with a soft shadow under it.
  rect(244, 214, 804, 838, 26, [20, 27, 45]),
  rect(232, 196, 792, 820, 26, paper),
  // Masthead and the rule under it.
  rect(292, 256, 732, 336, 10, ink),
  rect(292, 368, 732, 378, 4, ink),
  // A red picture block at the top of the right column.
  rect(524, 412, 732, 560, 8, red),
]
// Two columns of text lines; the last line of each paragraph is shorter.
for (let i = 0; i < 7; i++) {
  const y = 412 + i * 54
  shapes.push(rect(292, y, i === 3 ? 420 : 500, y + 20, 10, grey))
}
for (let i = 0; i < 4; i++) {
  const y = 592 + i * 54
  shapes.push(rect(524, y, i === 3 ? 650 : 732, y + 20, 10, grey))
}

/** Signed distance from pixel centre (px, py) to a rounded rectangle (negative inside). */
function distance(shape, px, py) {
  const cx = (shape.x0 + shape.x1) / 2
  const cy = (shape.y0 + shape.y1) / 2
  const qx = Math.abs(px - cx) - (shape.x1 - shape.x0) / 2 + shape.r
  const qy = Math.abs(py - cy) - (shape.y1 - shape.y0) / 2 + shape.r
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return outside + Math.min(Math.max(qx, qy), 0) - shape.r
}

const rowBytes = SIZE * 4 + 1
const raw = Buffer.alloc(rowBytes * SIZE)
for (let y = 0; y < SIZE; y++) {
  raw[y * rowBytes] = 0 // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0
    let g = 0
    let b = 0
    let a = 0
    for (const shape of shapes) {
      const coverage = Math.min(1, Math.max(0, 0.5 - distance(shape, x + 0.5, y + 0.5)))
      if (coverage === 0) continue
      // Source-over compositing with premultiplied colour.
      r = shape.color[0] * coverage + r * (1 - coverage)
      g = shape.color[1] * coverage + g * (1 - coverage)
      b = shape.color[2] * coverage + b * (1 - coverage)
      a = coverage + a * (1 - coverage)
    }
    const o = y * rowBytes + 1 + x * 4
    raw[o] = a > 0 ? Math.round(r / a) : 0
    raw[o + 1] = a > 0 ? Math.round(g / a) : 0
    raw[o + 2] = a > 0 ? Math.round(b / a) : 0
    raw[o + 3] = Math.round(a * 255)
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
mkdirSync(path.dirname(out), { recursive: true })
writeFileSync(out, png)
process.stdout.write(`wrote ${out} (${SIZE}×${SIZE}, ${png.length} bytes)\n`)
