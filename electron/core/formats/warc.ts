/**
 * Web archives (WARC 0.17, 1.0, 1.1; plain or gzipped per record): one article per readable HTML page.
 *
 * Read by warcio's WARCParser as a stream, never whole: a first pass parses the pages (HTTP 200 HTML responses that
 * Readability finds readable, of MIN_WORDS words or more, and that are not listings of teasers for other pages) and notes
 * the images they name; a second pass, only when some page names an image, reads just those image records and
 * inlines them as `data:` URIs. Every other record is skipped and counted in one warning. An archive whose one
 * readable page is shorter keeps it: the user chose to import that page.
 */
import { brotliDecompressSync } from 'node:zlib'
import { WARCParser, type WARCRecord } from 'warcio'
import { DATA_IMAGE } from '../../shared/media'
import { decodeBytes } from './decode'
import { normaliseDate } from './fields'
import { parseHtmlPage, sniffHtmlCharset } from './html'
import { normaliseNewlines } from './text'
import type { ParseOutcome, ParsedArticle } from './types'

/** Opens the archive's bytes from the start (called once per pass). */
export type OpenStream = () => AsyncIterable<Uint8Array>

/** Limits of one archive's parse. */
export interface WarcOptions {
  /** The largest record body read (the library's per-article limit); larger ones are skipped. */
  maxRecordBytes: number
  /** The largest image inlined (default IMAGE_MAX_BYTES). */
  maxImageBytes?: number
  /** The most image bytes inlined into one article (default ARTICLE_IMAGES_MAX_BYTES). */
  maxArticleImageBytes?: number
  /** Added to `index` (a WARC inside a WACZ counts on from the ones before it). */
  indexBase?: number
  /** Prefix of the warning (default 'WARC'). */
  label?: string
  /**
   * The archive is known to hold several pages (a WACZ whose pages list names more than one). Otherwise a WARC
   * whose only readable page is short (no other article, no listing page) keeps it as a one-page archive.
   */
  manyPages?: boolean
}

/** The largest image record inlined into an article. */
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024
/** The most image bytes inlined into one article. */
export const ARTICLE_IMAGES_MAX_BYTES = 8 * 1024 * 1024

/** Why records were skipped, in the order the warning names them. */
const SKIP_KINDS = [
  'resources',
  'not readable',
  'listing pages',
  'redirects',
  'errors',
  'revisits',
  'requests',
  'metadata',
  'too large',
] as const
type SkipKind = (typeof SKIP_KINDS)[number]

/** What one pass over an archive found. */
export interface WarcPages {
  articles: { index: number; article: ParsedArticle }[]
  /** Readable pages under the word floor (counted as not readable unless the archive is a single page). */
  short: { index: number; article: ParsedArticle }[]
  records: number
  skipped: Map<SkipKind, number>
  /** Set when the stream ended early or was not a WARC (with the records read so far). */
  broken: string | null
}

const count = (n: number) => n.toLocaleString('en-US')

/** The MIME type of a Content-Type header, lower case, without parameters. */
function mimeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

/** The charset parameter of a Content-Type header, if any. */
function charsetOf(contentType: string | null | undefined): string | null {
  return /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1] ?? null
}

/** An absolute http(s) URL without its fragment, or null. */
function urlKey(value: string | null | undefined, base?: string): string | null {
  if (!value) return null
  try {
    const url = new URL(value.trim(), base)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    url.hash = ''
    return url.href
  } catch {
    return null
  }
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml'])
const IMAGE_MIME = /^image\/(?:png|jpeg|jpg|gif|webp|avif)$/

/** The HTTP status and Content-Type of a record (a `resource` record has no HTTP headers: 200, its WARC type). */
function httpOf(record: WARCRecord): { status: number; contentType: string | null } {
  if (record.warcType === 'resource') return { status: 200, contentType: record.warcContentType ?? null }
  const headers = record.httpHeaders
  return { status: Number(headers?.statusCode ?? 0), contentType: headers?.headers.get('content-type') ?? null }
}

const NO_BYTES = new Uint8Array()
const WARC_LINE = /^WARC\/\d+\.\d+\r?\n$/
const isWarcLine = (line: Uint8Array) => line.byteLength < 16 && WARC_LINE.test(new TextDecoder().decode(line))

/**
 * warcio's parser, lenient where real archives are: a record may be followed by fewer than the two CRLFs the
 * standard asks for (Heritrix's WARC/0.17 files: none; a replayweb.page WACZ: one), and the next `WARC/x.y` line
 * then comes early; warcio would read past it and lose the record.
 */
class LenientWarcParser extends WARCParser {
  override async readToNextRecord(): Promise<Uint8Array | null> {
    if (!this._reader || !this._record) return NO_BYTES
    await this._record.skipFully()
    if (this._reader.compressed) this._offset = this._reader.getRawOffset()
    const first = await this._reader.readlineRaw()
    if (!first) return NO_BYTES
    if (isWarcLine(first)) return first
    if (this._reader.compressed) {
      // Usually the second CRLF; some writers (a replayweb.page WACZ) end a record with one only.
      const second = await this._reader.readlineRaw()
      return second && isWarcLine(second) ? second : NO_BYTES
    }
    let line = await this._reader.readlineRaw()
    while (line && line.byteLength <= 2) line = await this._reader.readlineRaw()
    this._offset = this._reader.getRawOffset() - (line?.length ?? 0)
    return line
  }
}

/** Iterates an archive's records; a stream that is not a WARC, or ends early, ends the walk with `broken` set. */
async function* walk(
  open: OpenStream,
  onBroken: (reason: string) => void,
): AsyncGenerator<{ ordinal: number; record: WARCRecord }> {
  const parser = new LenientWarcParser(open())
  let ordinal = 0
  let last: WARCRecord | null = null
  for (;;) {
    let record: WARCRecord | null
    try {
      record = await parser.parse()
    } catch (error) {
      onBroken(brokenReason(ordinal, error))
      return
    }
    if (!record) {
      const ended = endedEarly(parser, last, ordinal)
      if (ended) onBroken(ended)
      return
    }
    last = record
    const version = record.warcHeaders.statusline.trim()
    if (!/^WARC\/\d+\.\d+$/.test(version)) {
      onBroken(ordinal === 0 ? 'not a WARC file (no WARC/1.x header)' : `record ${ordinal + 1} has no WARC header`)
      return
    }
    yield { ordinal, record }
    // warcio's own skip spins forever on a record cut short; reading it through ends where the bytes do.
    if (!record.consumed) {
      try {
        for await (const chunk of record.reader) void chunk
      } catch (error) {
        onBroken(brokenReason(ordinal + 1, error))
        return
      }
      record.consumed = 'skipped'
    }
    ordinal += 1
  }
}

/** warcio's reader state that tells a cut-off stream from a finished one (it ends quietly on both). */
interface ReaderState {
  _reader: { compressed: string | null; inflator: { ended: boolean } | null }
}

/** Why a stream that warcio read to its end was cut off, or null when it ended where a record did. */
function endedEarly(parser: WARCParser, last: WARCRecord | null, records: number): string | null {
  const reader = (parser as unknown as ReaderState)._reader
  if (reader.compressed === 'gzip' && reader.inflator && !reader.inflator.ended)
    return `the gzip stream ends early after ${count(records)} records`
  const rest = (last as unknown as { _reader?: { limit?: number } } | null)?._reader?.limit ?? 0
  return rest > 0 ? `the archive ends early inside record ${count(records)}` : null
}

function brokenReason(records: number, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  if (/incorrect header check|invalid|unexpected end|premature|truncat/i.test(message) && records > 0)
    return `the gzip stream ends early after ${count(records)} records`
  return records === 0
    ? `not a WARC file (${message})`
    : `the archive breaks after ${count(records)} records (${message})`
}

/**
 * Reads a record's decoded body (dechunked, decompressed), or null when it is over `max` or breaks. warcio undoes
 * gzip and deflate; a Brotli body (`Content-Encoding: br`, common in browser crawls) is undone here.
 */
async function bodyOf(record: WARCRecord, max: number): Promise<Uint8Array | null> {
  if (record.warcContentLength > max) return null
  try {
    const body = await record.readFully(true)
    const encoding = record.httpHeaders?.headers.get('content-encoding')?.trim().toLowerCase()
    const decoded = encoding === 'br' ? brotliDecompressSync(body, { maxOutputLength: max + 1 }) : body
    return decoded.length > max ? null : decoded
  } catch {
    return null
  }
}

/** The `data-src` URLs of an article's sanitized HTML (the images it names), resolved and fragment-free. */
function imageUrls(html: string | null): string[] {
  if (!html) return []
  const urls: string[] = []
  for (const match of html.matchAll(/<img\b[^>]*?\sdata-src="([^"]*)"/gi)) {
    const key = urlKey(match[1]!.replace(/&amp;/g, '&'))
    if (key) urls.push(key)
  }
  return urls
}

/** Pass one: the pages that are articles, with their provenance; counts everything else. */
async function readPages(open: OpenStream, options: WarcOptions): Promise<WarcPages> {
  const skipped = new Map<SkipKind, number>()
  const skip = (kind: SkipKind) => skipped.set(kind, (skipped.get(kind) ?? 0) + 1)
  const articles: WarcPages['articles'] = []
  const short: WarcPages['short'] = []
  let records = 0
  let broken: string | null = null
  for await (const { ordinal, record } of walk(open, (reason) => (broken = reason))) {
    records += 1
    const type = record.warcType
    if (type === 'request') skip('requests')
    else if (type === 'revisit') skip('revisits')
    else if (type !== 'response' && type !== 'resource') skip('metadata')
    else {
      const { status, contentType } = httpOf(record)
      if (status >= 300 && status < 400) skip('redirects')
      else if (status !== 200) skip('errors')
      else if (!HTML_TYPES.has(mimeOf(contentType))) skip('resources')
      else {
        const body = await bodyOf(record, options.maxRecordBytes)
        if (!body) skip('too large')
        else {
          const article = readPage(body, contentType, record)
          const index = (options.indexBase ?? 0) + ordinal
          if (article === 'listing') skip('listing pages')
          else if (!article) skip('not readable')
          else if (article.wordCount < MIN_WORDS) {
            short.push({ index, article })
            skip('not readable')
          } else articles.push({ index, article })
        }
      }
    }
  }
  if (articles.length === 0 && short.length === 1 && !skipped.has('listing pages') && !options.manyPages) {
    // A one-page archive the user chose to import is meant to be read, however short its page.
    articles.push(...short)
    const left = skipped.get('not readable')! - short.length
    if (left > 0) skipped.set('not readable', left)
    else skipped.delete('not readable')
  }
  return { articles, short, records, skipped, broken }
}

/** The page with `<base href>` first in its head (before `<html>` it would end the head and hide the page). */
function withBase(html: string, target: string): string {
  const base = `<base href="${target.replace(/"/g, '%22')}">`
  const head = /<head\b[^>]*>/i.exec(html.slice(0, 65536))
  if (head) return html.slice(0, head.index + head[0].length) + base + html.slice(head.index + head[0].length)
  const root = /<html\b[^>]*>/i.exec(html.slice(0, 65536))
  if (root)
    return `${html.slice(0, root.index + root[0].length)}<head>${base}</head>${html.slice(root.index + root[0].length)}`
  return base + html
}

/**
 * Fewer words than this is a shell (a menu, an error or consent page), not an article of a crawl; the one page of
 * a single-page archive is kept all the same.
 */
const MIN_WORDS = 30

/**
 * One HTML response as an article; 'listing' for a tag, section or index page (teasers for other pages, which a
 * crawl holds by the dozen), null when Readability finds nothing to read.
 */
function readPage(body: Uint8Array, contentType: string | null, record: WARCRecord): ParsedArticle | 'listing' | null {
  const declared = charsetOf(contentType) ?? sniffHtmlCharset(body)
  let html = normaliseNewlines(decodeBytes(body, declared).text)
  const target = urlKey(record.warcTargetURI)
  // Relative image and link addresses resolve against the captured address, as they did in the browser.
  if (target && !/<base\s[^>]*href/i.test(html.slice(0, 65536))) html = withBase(html, target)
  const { outcome, listing } = parseHtmlPage(html, true)
  if (!outcome.ok || !outcome.articles[0]) return null
  if (listing) return 'listing'
  const article = outcome.articles[0].article
  return {
    ...article,
    sourceUrl: target ?? article.sourceUrl,
    capturedAt: normaliseDate(record.warcDate ?? undefined) ?? article.capturedAt,
  }
}

/** Pass two: the image records some article names, as `data:` URIs (each under the per-image cap). */
async function readImages(
  open: OpenStream,
  wanted: Set<string>,
  maxImageBytes: number,
): Promise<{ images: Map<string, string>; tooLarge: number }> {
  const images = new Map<string, string>()
  let tooLarge = 0
  for await (const { record } of walk(open, () => {})) {
    if (record.warcType !== 'response' && record.warcType !== 'resource') continue
    const key = urlKey(record.warcTargetURI)
    if (!key || !wanted.has(key) || images.has(key)) continue
    const { status, contentType } = httpOf(record)
    const mime = mimeOf(contentType).replace('image/jpg', 'image/jpeg')
    if (status !== 200 || !IMAGE_MIME.test(mime)) continue
    const body = await bodyOf(record, maxImageBytes)
    if (!body) {
      tooLarge += 1
      continue
    }
    const uri = `data:${mime};base64,${Buffer.from(body).toString('base64')}`
    if (DATA_IMAGE.test(uri)) images.set(key, uri)
  }
  return { images, tooLarge }
}

/** Gives each `<img data-src>` whose image the archive holds that image as a `data:` src, up to the article's cap. */
function inlineImages(html: string, images: Map<string, string>, cap: number): { html: string; capped: boolean } {
  let used = 0
  let capped = false
  const out = html.replace(/<img\b[^>]*>/gi, (whole) => {
    // A page in an archive has no files beside it: its relative images are archive records, not local files.
    const tag = whole.replace(/\sdata-local-src="[^"]*"/i, '')
    if (/\ssrc="/i.test(tag)) return tag
    const key = urlKey(/\sdata-src="([^"]*)"/i.exec(tag)?.[1]?.replace(/&amp;/g, '&'))
    const uri = key ? images.get(key) : undefined
    if (!uri) return tag
    if (used + uri.length > cap) {
      capped = true
      return tag
    }
    used += uri.length
    return tag.replace(/^<img\b/i, `<img src="${uri}"`)
  })
  return { html: out, capped }
}

/** The one warning that sums up an archive: records, articles and why the rest were skipped. */
export function summary(label: string, pages: Pick<WarcPages, 'records' | 'articles' | 'skipped'>): string {
  const skippedTotal = [...pages.skipped.values()].reduce((a, b) => a + b, 0)
  const parts = SKIP_KINDS.filter((kind) => pages.skipped.get(kind)).map(
    (kind) => `${count(pages.skipped.get(kind)!)} ${kind}`,
  )
  const articles = `${count(pages.articles.length)} article${pages.articles.length === 1 ? '' : 's'}`
  return `${label}: ${count(pages.records)} records, ${articles}, ${count(skippedTotal)} skipped${parts.length ? `: ${parts.join(', ')}` : ''}`
}

/** Reads one archive's pages and their images; the caller adds the summary warning (see `summary`). */
export async function readWarc(open: OpenStream, options: WarcOptions): Promise<WarcPages & { warnings: string[] }> {
  const pages = await readPages(open, options)
  const warnings: string[] = []
  const wanted = new Set(pages.articles.flatMap(({ article }) => imageUrls(article.html)))
  if (pages.articles.some(({ article }) => article.html?.includes('<img'))) {
    const { images, tooLarge } =
      wanted.size > 0
        ? await readImages(open, wanted, options.maxImageBytes ?? IMAGE_MAX_BYTES)
        : { images: new Map<string, string>(), tooLarge: 0 }
    if (tooLarge > 0)
      warnings.push(`${options.label ?? 'WARC'}: ${count(tooLarge)} images over the size limit left out`)
    const cap = options.maxArticleImageBytes ?? ARTICLE_IMAGES_MAX_BYTES
    for (const entry of pages.articles) {
      if (!entry.article.html) continue
      const inlined = inlineImages(entry.article.html, images, cap)
      entry.article = { ...entry.article, html: inlined.html }
      if (inlined.capped)
        warnings.push(`record ${entry.index + 1}: images left out, over the limit of image bytes per article`)
    }
  }
  return { ...pages, warnings }
}

/** Parses a WARC (plain or gzipped) from a stream into one article per readable page. */
export async function parseWarc(open: OpenStream, options: WarcOptions): Promise<ParseOutcome> {
  const label = options.label ?? 'WARC'
  const result = await readWarc(open, options)
  if (result.broken && result.records === 0) return { ok: false, reason: result.broken }
  const warnings = [summary(label, result), ...result.warnings]
  if (result.broken) warnings.unshift(`${result.broken}; the records read so far are kept`)
  if (result.articles.length === 0)
    return { ok: false, reason: `no readable articles in the archive (${warnings.join('; ')})` }
  return { ok: true, articles: result.articles, warnings }
}

/** A one-shot byte stream over bytes already in memory. */
export function bytesStream(bytes: Uint8Array): OpenStream {
  return () => [bytes] as unknown as AsyncIterable<Uint8Array>
}
