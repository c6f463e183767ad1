/**
 * A tiny PDF writer for parser tests: pages of positioned text in the standard Helvetica font, an optional
 * document info dictionary, and an optional password lock (a Standard security handler whose empty user
 * password does not open it). Latin-1 text is set in Helvetica, any other in a non-embedded Japanese CID font.
 */

/** One run of text at a position (points from the bottom-left corner). */
export interface PdfText {
  x: number
  y: number
  size: number
  text: string
}

/** One page: its size (US Letter by default), its text runs and, optionally, a filled rectangle (a "scan"). */
export interface PdfPage {
  width?: number
  height?: number
  texts: PdfText[]
  rectangle?: boolean
  /** Content-stream operators added as written (text rise, font changes within a line). */
  raw?: string
}

/** What to write. */
export interface PdfSpec {
  pages: PdfPage[]
  info?: Record<string, string>
  /** Lock the file with a password the reader does not know. */
  encrypted?: boolean
}

/** A PDF literal string, escaped. */
function literal(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`
}

/** Text as UCS-2 big-endian hex, for the Japanese font. */
function ucs2(text: string): string {
  return Array.from(text, (c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')
}

/** Writes the PDF described by `spec` and returns its bytes. */
export function writePdf(spec: PdfSpec): Buffer {
  const objects: string[] = []
  const add = (body: string) => objects.push(body)
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('') // the page tree, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  // F2: a Japanese font that is not embedded, its codes UCS-2 through Adobe's predefined CMap (as many CJK PDFs).
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [5 0 R] >>',
  )
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 6 0 R >>',
  )
  add(
    '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  )
  const kids: number[] = []
  for (const page of spec.pages) {
    const ops = page.texts.map((t) =>
      [...t.text].some((c) => c.charCodeAt(0) > 0xff)
        ? `BT /F2 ${t.size} Tf ${t.x} ${t.y} Td <${ucs2(t.text)}> Tj ET`
        : `BT /F1 ${t.size} Tf ${t.x} ${t.y} Td ${literal(t.text)} Tj ET`,
    )
    if (page.rectangle) ops.push('0.5 g 40 40 500 700 re f')
    if (page.raw) ops.push(page.raw)
    const stream = ops.join('\n')
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`)
    const contents = objects.length
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${page.width ?? 612} ${page.height ?? 792}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contents} 0 R >>`,
    )
    kids.push(objects.length)
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  let info = 0
  if (spec.info) {
    add(
      `<< ${Object.entries(spec.info)
        .map(([key, value]) => `/${key} ${literal(value)}`)
        .join(' ')} >>`,
    )
    info = objects.length
  }
  let encrypt = 0
  if (spec.encrypted) {
    const hex = (seed: number) =>
      Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('')
    add(`<< /Filter /Standard /V 1 /R 2 /O <${hex(11)}> /U <${hex(93)}> /P -44 >>`)
    encrypt = objects.length
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  const id = '<0123456789abcdef0123456789abcdef>'
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [${id} ${id}] >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

/** Lays lines out top-down from `top` at `leading` points apart, in one column at `x`; a '' line is a blank one. */
export function column(lines: string[], x: number, top: number, size = 10, leading = 12): PdfText[] {
  const out: PdfText[] = []
  lines.forEach((text, i) => {
    if (text !== '') out.push({ x, y: top - i * leading, size, text })
  })
  return out
}
