/**
 * Document parse rates (run through `npm run bench:import -- --documents`): PDF pages/s on a synthetic 60-page,
 * two-column PDF, EPUB articles/s on a synthetic 200-section calibre news EPUB, and the txt rate per article on
 * the same texts for comparison. Parsing only (parseFile in this thread): the import's read, hash and copy are the
 * same for every format and measured by the folder bench.
 */
import yazl from 'yazl'
import { parseFile } from '../../electron/core/formats/index'
import { column, writePdf, type PdfText } from '../helpers/pdf-writer'

const SENTENCE =
  'The harbour authority said the ferry crossings would run every half hour through the summer months ahead'

/** Lines of about 45 characters for one column. */
function lines(count: number, seed: number): string[] {
  const words = SENTENCE.split(' ')
  const out: string[] = []
  let line = ''
  for (let i = 0; out.length < count; i++) {
    const word = words[(i + seed) % words.length]!
    if ((line + word).length > 44) {
      out.push(line.trim())
      line = ''
    }
    line += `${word} `
  }
  return out
}

/** A two-column PDF of `pages` pages with a running head and page numbers. */
function pdf(pages: number): Buffer {
  return writePdf({
    info: { Title: 'Harbour report' },
    pages: Array.from({ length: pages }, (_, p) => {
      const texts: PdfText[] = [
        { x: 72, y: 760, size: 9, text: 'Harbour report - benchmark edition' },
        ...column(lines(50, p), 50, 700),
        ...column(lines(50, p + 3), 320, 700),
        { x: 290, y: 40, size: 9, text: `Page ${p + 1}` },
      ]
      return { texts }
    }),
  })
}

/** A calibre-style news EPUB of `count` sections, each about 400 words. */
function epub(count: number): Promise<Buffer> {
  const archive = new yazl.ZipFile()
  const add = (name: string, text: string) => archive.addBuffer(Buffer.from(text), name)
  add('mimetype', 'application/epub+zip')
  add(
    'META-INF/container.xml',
    '<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>',
  )
  const items = Array.from(
    { length: count },
    (_, i) => `<item id="a${i}" href="a${i}.html" media-type="application/xhtml+xml"/>`,
  )
  const refs = Array.from({ length: count }, (_, i) => `<itemref idref="a${i}"/>`)
  add(
    'OEBPS/content.opf',
    `<package><metadata><dc:title>News</dc:title></metadata><manifest>${items.join('')}</manifest><spine>${refs.join('')}</spine></package>`,
  )
  for (let i = 0; i < count; i++) {
    const body = Array.from({ length: 20 }, (_, p) => `<p>${lines(2, i + p).join(' ')} (${i}.${p})</p>`).join('')
    add(
      `OEBPS/a${i}.html`,
      `<html><head><title>Story ${i}</title></head><body><h2>Story ${i}</h2>${body}<p>This article was downloaded by <b>calibre</b> from <a href="https://news.example.org/${i}">https://news.example.org/${i}</a></p></body></html>`,
    )
  }
  archive.end()
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    archive.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk))
    archive.outputStream.on('end', () => resolve(Buffer.concat(chunks)))
  })
}

/** Times `runs` parses of one file, after a warm-up; returns ms per parse and the article count. */
async function time(bytes: Uint8Array, name: string, runs = 5): Promise<{ ms: number; articles: number }> {
  const first = await parseFile(bytes, name)
  if (!first.ok) throw new Error(`${name}: ${first.reason}`)
  const start = performance.now()
  for (let i = 0; i < runs; i++) await parseFile(bytes, name)
  return { ms: (performance.now() - start) / runs, articles: first.articles.length }
}

/** Prints the PDF and EPUB rates, and txt's per-article rate on the same texts. */
export async function documentsBench(): Promise<void> {
  const pages = 60
  const p = await time(new Uint8Array(pdf(pages)), 'report.pdf')
  console.log(
    `pdf: ${pages} pages in ${p.ms.toFixed(0)} ms: ${(pages / (p.ms / 1000)).toFixed(0)} pages/s (target ≥ 20)`,
  )
  const e = await time(new Uint8Array(await epub(200)), 'news.epub')
  console.log(
    `epub: ${e.articles} articles in ${e.ms.toFixed(0)} ms: ${(e.articles / (e.ms / 1000)).toFixed(0)} articles/s`,
  )
  const text = (i: number) =>
    `Story ${i}\n\n${Array.from({ length: 20 }, (_, q) => `${lines(2, i + q).join(' ')} (${i}.${q})`).join('\n\n')}\n`
  const start = performance.now()
  for (let i = 0; i < 200; i++) await parseFile(new TextEncoder().encode(text(i)), `s${i}.txt`)
  const txtMs = performance.now() - start
  console.log(
    `txt (same texts): 200 articles in ${txtMs.toFixed(0)} ms: ${(200 / (txtMs / 1000)).toFixed(0)} articles/s`,
  )
}
