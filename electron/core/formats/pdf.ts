/**
 * PDF ("Print to PDF", Wallabag and ArchiveBox exports, gazettes): the text layer through pdfjs-dist, put back in
 * reading order — columns found by their gutters, read one after the other between full-width lines — with lines
 * joined into paragraphs (hyphens undone) and running headers, footers and page numbers dropped. One article per PDF.
 *
 * pdfjs runs in this thread (its worker module is loaded here, so no Worker is spawned inside our parse worker),
 * with no eval, no font loading and no network.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { log } from '../logger'
import { normaliseDate } from './fields'
import { finishArticle } from './article'
import { collapseWhitespace, shortTitle } from './text'
import type { ParseOutcome } from './types'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<PdfJs> | null = null

/** Loads pdfjs and its worker code into this thread once (pdfjs then uses a "fake worker", no thread). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // @ts-expect-error -- the worker module ships without types; pdfjs only needs its WorkerMessageHandler.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loading
}

let cMapDir: string | null | undefined

/**
 * The folder of Adobe's character maps shipped with pdfjs-dist (CJK fonts that are not embedded need them to give
 * their text), or null when the package cannot be found beside this code.
 */
function characterMaps(): string | null {
  if (cMapDir !== undefined) return cMapDir
  try {
    const manifest = createRequire(import.meta.url).resolve('pdfjs-dist/package.json')
    const dir = join(dirname(manifest), 'cmaps')
    cMapDir = existsSync(dir) ? `${dir}${sep}` : null
  } catch {
    cMapDir = null
  }
  if (cMapDir === null) log.warn('formats/pdf: pdfjs-dist character maps not found; CJK text may be missing')
  return cMapDir
}

/** A text item as pdfjs gives it, moved so the page's corner is (0, 0). */
interface TextRun {
  str: string
  transform: number[]
  width: number
  height: number
}

/** A run of text on one baseline, items joined. */
interface Fragment {
  text: string
  x: number
  right: number
  y: number
  size: number
}

/** A line of a page, its fragments joined. */
interface Line extends Fragment {
  page: number
}

/** Share of the page height at the top and at the bottom where running heads and page numbers live. */
const MARGIN_BAND = 0.1
/** Narrowest gap between columns, in points. */
const MIN_GUTTER = 6
const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:\/|of|из|von|sur)\s*\d{1,4})?(?:\s*[-–—])?$/i

/** Whether text at `y` continues a run on its baseline: superscripts (footnote marks) sit up to half a size off. */
function onBaseline(run: Fragment, y: number, size: number): boolean {
  return Math.abs(run.y - y) < Math.max(run.size, size) * 0.5
}

/** Joins a page's text items into fragments: items on one baseline with no wide gap between them. */
function fragmentsOf(items: TextRun[]): Fragment[] {
  const out: Fragment[] = []
  for (const item of items) {
    if (item.str.trim() === '' && !out.length) continue
    const [a, b, , , x, y] = item.transform as [number, number, number, number, number, number]
    const size = Math.hypot(a, b) || item.height || 1
    const last = out[out.length - 1]
    if (last && onBaseline(last, y, size) && x >= last.right - size * 0.5 && x - last.right < size * 1.2) {
      const gap = x - last.right > size * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(item.str) ? ' ' : ''
      last.text += gap + item.str
      last.right = Math.max(last.right, x + item.width)
      last.size = Math.max(last.size, size)
      continue
    }
    if (item.str.trim() === '') continue
    out.push({ text: item.str, x, right: x + item.width, y, size })
  }
  for (const fragment of out) fragment.text = collapseWhitespace(fragment.text)
  return out.filter((fragment) => fragment.text !== '')
}

/** The x positions of column gutters: runs no narrow body-text fragment covers, with text on both sides. */
function gutters(fragments: Fragment[], pageWidth: number): number[] {
  // Body text decides: headlines (larger) and full-width lines may cross the gutters.
  const sizes = fragments.map((f) => f.size).sort((p, q) => p - q)
  const body = sizes[Math.floor(sizes.length / 2)] ?? 0
  const narrow = fragments.filter((f) => f.right - f.x < pageWidth * 0.45 && f.size <= body * 1.15)
  if (narrow.length < 6) return []
  const left = Math.floor(Math.min(...narrow.map((f) => f.x)))
  const right = Math.ceil(Math.max(...narrow.map((f) => f.right)))
  const covered = new Uint8Array(Math.max(0, right - left + 1))
  for (const f of narrow) covered.fill(1, Math.max(0, Math.floor(f.x) - left + 1), Math.ceil(f.right) - left)
  const found: number[] = []
  let start = -1
  for (let i = 0; i <= covered.length; i++) {
    if (i < covered.length && covered[i] === 0) {
      if (start < 0) start = i
    } else if (start >= 0) {
      const middle = left + (start + i) / 2
      const leftCount = narrow.filter((f) => f.right <= middle).length
      const rightCount = narrow.filter((f) => f.x >= middle).length
      if (i - start >= MIN_GUTTER && leftCount >= 3 && rightCount >= 3) found.push(middle)
      start = -1
    }
  }
  return found
}

/** A page's fragments in reading order: full-width ones split the page into bands read column by column. */
function readingOrder(fragments: Fragment[], pageWidth: number): Fragment[] {
  const cuts = gutters(fragments, pageWidth)
  const byY = [...fragments].sort((p, q) => q.y - p.y || p.x - q.x)
  if (cuts.length === 0) return byY
  const column = (f: Fragment) => {
    let index = 0
    while (index < cuts.length && f.x >= cuts[index]!) index++
    return index
  }
  const spans = (f: Fragment) => cuts.some((cut) => f.x < cut - 1 && f.right > cut + 1)
  const out: Fragment[] = []
  let band: Fragment[] = []
  const flush = () => {
    band.sort((p, q) => column(p) - column(q) || q.y - p.y || p.x - q.x)
    out.push(...band)
    band = []
  }
  for (const f of byY) {
    if (spans(f)) {
      flush()
      out.push(f)
    } else band.push(f)
  }
  flush()
  return out
}

/** Merges fragments that follow on one baseline into lines (the column order keeps columns apart). */
function linesOf(fragments: Fragment[], page: number): Line[] {
  const lines: Line[] = []
  for (const f of fragments) {
    const last = lines[lines.length - 1]
    if (last && onBaseline(last, f.y, f.size) && f.x >= last.right - 1 && f.x - last.right < f.size * 1.2) {
      last.text += ` ${f.text}`
      last.right = f.right
      last.size = Math.max(last.size, f.size)
    } else lines.push({ ...f, page })
  }
  return lines
}

/** A line's text with digits masked, to find the same running head on every page. */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase()
}

/** Drops running headers/footers (same text in a margin band on most pages) and page numbers; finds a printed URL. */
function dropRunningLines(pages: { lines: Line[]; height: number }[]): { lines: Line[]; printedUrl: string | null } {
  const inMargin = (line: Line, height: number) => line.y > height * (1 - MARGIN_BAND) || line.y < height * MARGIN_BAND
  const counts = new Map<string, number>()
  for (const { lines, height } of pages) {
    const keys = new Set(lines.filter((l) => inMargin(l, height)).map((l) => runningKey(l.text)))
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const repeated = pages.length >= 2 ? Math.max(2, Math.ceil(pages.length / 2)) : Infinity
  let printedUrl: string | null = null
  const kept: Line[] = []
  for (const { lines, height } of pages) {
    for (const line of lines) {
      const margin = inMargin(line, height)
      if (margin && (PAGE_NUMBER.test(line.text) || (counts.get(runningKey(line.text)) ?? 0) >= repeated)) {
        printedUrl ??= /(?:^|\s)(https?:\/\/\S+)/.exec(line.text)?.[1] ?? null
        continue
      }
      kept.push(line)
    }
  }
  return { lines: kept, printedUrl }
}

/** Joins lines into paragraphs: a wider gap, a change of size or a short closing line ends one; hyphens undone. */
function paragraphsOf(lines: Line[]): string[] {
  const gaps: number[] = []
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y
    if (lines[i]!.page === lines[i - 1]!.page && gap > 0) gaps.push(gap / lines[i]!.size)
  }
  gaps.sort((p, q) => p - q)
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 1.2
  const widest = Math.max(...lines.map((l) => l.right - l.x))
  const paragraphs: string[] = []
  let current = ''
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const prev = lines[i - 1]
    let breaks = !prev
    if (prev) {
      const gap = (prev.y - line.y) / line.size
      const samePage = prev.page === line.page
      const sizeChange = Math.abs(prev.size - line.size) > line.size * 0.15
      const shortEnd = prev.right - prev.x < widest * 0.6 && /[.!?:;"”»)]$/.test(prev.text)
      const jump = samePage && gap > usual * 1.45
      // The next column or page continues the paragraph unless the last one ended a sentence.
      const flow = (!samePage || line.y > prev.y + line.size) && /[.!?:"”»]$/.test(prev.text)
      breaks = sizeChange || shortEnd || jump || flow
    }
    if (breaks) {
      if (current) paragraphs.push(current)
      current = line.text
    } else if (/\p{L}[-\u00ad\u2010]$/u.test(current) && /^\p{Ll}/u.test(line.text)) {
      current = current.slice(0, -1) + line.text
    } else current += ` ${line.text}`
  }
  if (current) paragraphs.push(current)
  return paragraphs
}

/** The document info's Title when it names the document (not "Untitled" or a word processor's file name). */
function infoTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const title = collapseWhitespace(value.replace(/^Microsoft (?:Word|PowerPoint) - /, ''))
  if (title === '' || /^(?:untitled|no title|title)$/i.test(title) || /\.(?:docx?|pdf|rtf|odt|indd)$/i.test(title))
    return null
  return title
}

/** The largest-font line(s) at the top of the first page with text, as a title. */
function headingTitle(lines: Line[]): string | null {
  const first = lines.filter((l) => l.page === lines[0]?.page)
  if (first.length === 0) return null
  const largest = Math.max(...first.map((l) => l.size))
  const body = [...first.map((l) => l.size)].sort((p, q) => p - q)[Math.floor(first.length / 2)]!
  if (largest < body * 1.15) return null
  const start = first.findIndex((l) => l.size === largest)
  const parts: string[] = []
  for (let i = start; i < first.length && Math.abs(first[i]!.size - largest) < 0.5 && parts.length < 4; i++)
    parts.push(first[i]!.text)
  return collapseWhitespace(parts.join(' ')) || null
}

/** Parses a PDF's bytes into one article (its text layer in reading order). */
export async function parsePdf(bytes: Uint8Array): Promise<ParseOutcome> {
  const pdfjs = await loadPdfJs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...(characterMaps() ? { cMapUrl: characterMaps()!, cMapPacked: true } : {}),
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (error) {
    await task.destroy()
    const name = (error as { name?: string }).name
    if (name === 'PasswordException') return { ok: false, reason: 'encrypted PDF (password protected)' }
    if (name === 'InvalidPDFException') return { ok: false, reason: 'not a valid PDF (no readable PDF structure)' }
    throw error
  }
  try {
    const pages: { lines: Line[]; height: number }[] = []
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number)
      const [x0, y0, x1, y1] = page.view as [number, number, number, number]
      const content = await page.getTextContent()
      const shifted: TextRun[] = []
      for (const item of content.items) {
        if (!('transform' in item)) continue
        const [a, b, c, d, e, f] = item.transform as number[]
        shifted.push({
          str: item.str,
          width: item.width,
          height: item.height,
          transform: [a!, b!, c!, d!, e! - x0, f! - y0],
        })
      }
      const fragments = fragmentsOf(shifted)
      pages.push({ lines: linesOf(readingOrder(fragments, x1 - x0), number), height: y1 - y0 })
      page.cleanup()
    }
    if (!pages.some((page) => page.lines.some((line) => /[\p{L}\p{N}]/u.test(line.text))))
      return { ok: false, reason: 'no text layer (scanned image)' }
    const { lines, printedUrl } = dropRunningLines(pages)
    const meta = await doc.getMetadata().catch(() => null)
    const info = (meta?.info ?? {}) as Record<string, unknown>
    const paragraphs = paragraphsOf(lines)
    const title = infoTitle(info.Title) ?? headingTitle(lines) ?? shortTitle(paragraphs[0] ?? '')
    if (paragraphs[0] && collapseWhitespace(paragraphs[0]) === title) paragraphs.shift()
    const created = typeof info.CreationDate === 'string' ? pdfjs.PDFDateString.toDateObject(info.CreationDate) : null
    const article = finishArticle({
      title,
      lines: paragraphs,
      linesAreParagraphs: true,
      author: typeof info.Author === 'string' ? info.Author : null,
      sourceUrl: printedUrl,
      // CreationDate is when the file was made (a print, an export): its capture, not the story's publication.
      capturedAt: created ? normaliseDate(created.toISOString()) : null,
      declaredLanguage: meta?.info && typeof info.Language === 'string' ? info.Language : null,
    })
    if (article.text === '') return { ok: false, reason: 'no text layer (scanned image)' }
    return { ok: true, articles: [{ index: 0, article }], warnings: [] }
  } finally {
    await doc.destroy()
  }
}
