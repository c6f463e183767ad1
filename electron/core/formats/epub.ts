/**
 * EPUB (Calibre "Fetch news", Wallabag exports, books): container.xml → OPF → spine, read from the bytes with yauzl.
 *
 * A news EPUB (Calibre's "This article was downloaded by calibre from <url>" footers) gives one article per
 * footed section, the footer taken as its `sourceUrl`; its index and section pages are skipped. A Wallabag export
 * gives one article per entry: its title page's fields on the content chapter after it (cover and notices skipped).
 * Any other EPUB (a book) gives one article per spine document with text: a chapter is what a reader opens, finds
 * and cites, and a whole book as one article would be too long to read or search well.
 */
import yauzl from 'yauzl'
import { decodeBytes } from './decode'
import { normaliseDate } from './fields'
import { parseHtml, sniffHtmlCharset } from './html'
import { formatSize } from './index'
import { ImageBudget, imageType, inlineImageTags } from './inline-images'
import { collapseWhitespace, countWords, decodeEntities, normaliseNewlines } from './text'
import type { ParsedArticle, ParseOutcome } from './types'

/** The largest single file read out of an EPUB (uncompressed). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024

/** The entries of a ZIP held in memory, by name, read on demand. */
export interface ZipArchive {
  names: Set<string>
  read(name: string): Promise<Uint8Array | null>
}

/** Opens a ZIP from bytes and lists its entries (yauzl checks the central directory); Omnivore's export too. */
export function openZip(bytes: Uint8Array): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, decodeStrings: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('unreadable ZIP'))
      const entries = new Map<string, yauzl.Entry>()
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry)
        zip.readEntry()
      })
      zip.on('error', reject)
      zip.on('end', () =>
        resolve({
          names: new Set(entries.keys()),
          read: (name) => readEntry(zip, entries.get(name)),
        }),
      )
      zip.readEntry()
    })
  })
}

/** One entry's bytes, or null when absent or larger than MAX_ENTRY_BYTES. */
function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<Uint8Array | null> {
  if (!entry || entry.uncompressedSize > MAX_ENTRY_BYTES) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error(`cannot read ${entry.fileName}`))
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', reject)
      stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    })
  })
}

/** A text file in the EPUB, decoded (UTF-8 by the spec; a declared charset is honoured). */
function decodeXml(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200))
  const declared = /encoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1] ?? sniffHtmlCharset(bytes)
  return normaliseNewlines(decodeBytes(bytes, declared).text)
}

/** An attribute's value from a tag's source, entities decoded. */
function attr(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag)
  return match ? decodeEntities(match[1] ?? match[2] ?? '') : null
}

/** The text of the first `<dc:name>` element of the OPF metadata, or null. */
function dcValue(opf: string, name: string): string | null {
  const match = new RegExp(`<(?:dc:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:dc:)?${name}>`, 'i').exec(opf)
  const text = match ? collapseWhitespace(decodeEntities(match[1]!.replace(/<[^>]*>/g, ''))) : ''
  return text === '' ? null : text
}

/** A path inside the ZIP for an href relative to a document's path (percent-decoded, `..` resolved). */
function resolvePath(fromFile: string, href: string): string | null {
  const clean = href.replace(/[?#].*$/s, '')
  if (clean === '' || /^[a-z][a-z0-9+.-]*:/i.test(clean)) return null
  let decoded = clean
  try {
    decoded = decodeURIComponent(clean)
  } catch {
    // A stray % stays as written.
  }
  const parts = decoded.startsWith('/') ? [] : fromFile.split('/').slice(0, -1)
  for (const part of decoded.split('/')) {
    if (part === '..') parts.pop()
    else if (part !== '.' && part !== '') parts.push(part)
  }
  return parts.join('/')
}

/** Calibre's footer on each fetched article, with the address it came from. */
const CALIBRE_FOOTER =
  /This article was downloaded by\s*(?:<[^>]*>\s*)*calibre(?:\s*<[^>]*>)*\s*from\s*(?:<a\b[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>[\s\S]*?<\/a>|(https?:\/\/[^\s<]+))/i

/** Calibre's "| Next | Section menu | Main menu |" bars above and below each article. */
const CALIBRE_NAVBAR = /<div\b[^>]*class\s*=\s*["'][^"']*calibre_navbar[^"']*["'][^>]*>[\s\S]*?<\/div>/gi

/** The visible text of some markup, tags dropped and spaces collapsed. */
function visibleText(html: string): string {
  return collapseWhitespace(
    decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ')),
  )
}

/** A table of contents in the spine (EPUB 2 books, calibre conversions): nearly all of its body text is links. */
function isContentsPage(html: string): boolean {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html
  const text = visibleText(body).length
  if (text === 0) return false
  const linked = [...body.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a>/gi)].reduce(
    (sum, m) => sum + visibleText(m[1]!).length,
    0,
  )
  return linked / text > 0.7
}

/** The first heading's text of a document, or null. */
function firstHeading(html: string): string | null {
  const match = /<h[1-3]\b[^>]*>([\s\S]*?)<\/h[1-3]>/i.exec(html)
  const text = match ? collapseWhitespace(decodeEntities(match[1]!.replace(/<[^>]*>/g, ' '))) : ''
  return text === '' ? null : text
}

/** What the OPF says of the whole publication. */
interface Publication {
  title: string | null
  creator: string | null
  publisher: string | null
  date: string | null
  language: string | null
}

/** Parses an EPUB's bytes into one article per footed news section, or per chapter with text. */
export async function parseEpub(bytes: Uint8Array): Promise<ParseOutcome> {
  let zip: ZipArchive
  try {
    zip = await openZip(bytes)
  } catch (error) {
    return { ok: false, reason: `not an EPUB: not a readable ZIP archive (${(error as Error).message})` }
  }
  const container = await zip.read('META-INF/container.xml')
  if (!container) return { ok: false, reason: 'not an EPUB: META-INF/container.xml missing' }
  const rootTag = /<rootfile\b[^>]*>/i.exec(decodeXml(container))?.[0]
  const opfPath = rootTag ? attr(rootTag, 'full-path') : null
  if (!opfPath) return { ok: false, reason: 'not an EPUB: container.xml names no package (rootfile)' }
  const opfBytes = await zip.read(opfPath)
  if (!opfBytes) return { ok: false, reason: `not an EPUB: its package ${opfPath} is missing` }
  const opf = decodeXml(opfBytes)

  const manifest = new Map<string, { href: string; type: string; nav: boolean }>()
  for (const [tag] of opf.matchAll(/<(?:opf:)?item\b[^>]*>/gi)) {
    const id = attr(tag, 'id')
    const href = attr(tag, 'href')
    if (!id || !href) continue
    const path = resolvePath(opfPath, href)
    if (path === null) continue
    const nav = /\bnav\b/.test(attr(tag, 'properties') ?? '')
    manifest.set(id, { href: path, type: (attr(tag, 'media-type') ?? '').toLowerCase(), nav })
  }
  const spine = [...opf.matchAll(/<(?:opf:)?itemref\b[^>]*>/gi)]
    .filter(([tag]) => attr(tag, 'linear') !== 'no')
    .map(([tag]) => attr(tag, 'idref') ?? '')
  if (spine.length === 0) return { ok: false, reason: `not an EPUB: the package ${opfPath} has an empty spine` }

  const publication: Publication = {
    title: dcValue(opf, 'title'),
    creator: dcValue(opf, 'creator'),
    publisher: dcValue(opf, 'publisher'),
    date: normaliseDate(dcValue(opf, 'date')),
    language: dcValue(opf, 'language'),
  }
  const warnings: string[] = []
  const documents: { index: number; path: string; html: string }[] = []
  for (const [index, idref] of spine.entries()) {
    const item = manifest.get(idref)
    if (!item) {
      warnings.push(`spine item ${index + 1} (${idref}) is not in the package's manifest: skipped`)
      continue
    }
    if (item.nav || !/html|xml/.test(item.type || 'html')) continue
    const where = `chapter ${item.href} (spine item ${index + 1})`
    if (!zip.names.has(item.href)) {
      warnings.push(`${where} is missing from the EPUB: skipped`)
      continue
    }
    const data = await zip.read(item.href)
    if (!data) {
      warnings.push(`${where} is larger than ${formatSize(MAX_ENTRY_BYTES)} unpacked: skipped`)
      continue
    }
    documents.push({ index, path: item.href, html: decodeXml(data) })
  }

  const news = documents.some((doc) => CALIBRE_FOOTER.test(doc.html))
  const wallabag = !news && documents.some((doc) => entryCard(doc.html) !== null)
  const articles: { index: number; article: ParsedArticle }[] = []
  let card: EntryCard | null = null
  for (const doc of documents) {
    const footer = CALIBRE_FOOTER.exec(doc.html)
    if (news && !footer) continue
    if (!news && !wallabag && isContentsPage(doc.html)) continue
    if (wallabag) {
      // Wallabag writes each entry as a title page (title, author, dates, address) and then its content.
      const found = entryCard(doc.html)
      if (found) card = found
      if (found || !card) continue
    }
    let html = doc.html
    let sourceUrl: string | null = null
    if (footer) {
      sourceUrl = footer[1] ?? footer[2] ?? null
      html = html.replace(CALIBRE_FOOTER, '').replace(CALIBRE_NAVBAR, '')
    }
    const budget = new ImageBudget()
    html = await inlineEpubImages(zip, doc.path, html, budget)
    const outcome = parseHtml(html)
    const entry = card
    card = null
    if (!outcome.ok) continue
    const article = outcome.articles[0]!.article
    warnings.push(...outcome.warnings.map((w) => `${doc.path}: ${w}`), ...budget.warnings)
    const finished = entry ? finishEntry(article, entry) : finishChapter(article, html, publication, news, sourceUrl)
    articles.push({ index: doc.index, article: finished })
  }
  if (articles.length === 0) {
    const why = documents.length === 0 ? 'none of its chapters could be read' : 'no chapter holds readable text'
    return { ok: false, reason: `EPUB without articles: ${why}` }
  }
  return { ok: true, articles, warnings }
}

/** What a Wallabag title page says of the entry that follows it. */
interface EntryCard {
  title: string
  author: string | null
  published: string | null
  capturedAt: string | null
  sourceUrl: string
}

const TITLE_PAGE = /<h1\b[^>]*>([\s\S]*?)<\/h1>\s*<dl\b[^>]*>([\s\S]*?)<\/dl>/i

/**
 * Reads a Wallabag entry title page: `<h1>` then a `<dl>` of published by, published on (newer versions), reading
 * time, added on and the address (a link). Its labels are translated, so the values are told apart by their form.
 */
function entryCard(html: string): EntryCard | null {
  const match = TITLE_PAGE.exec(html)
  if (!match || /<p\b/i.test(html)) return null
  const values = [...match[2]!.matchAll(/<dd\b[^>]*>([\s\S]*?)<\/dd>/gi)].map((m) => m[1]!)
  const link = values.map((v) => /<a\b[^>]*href\s*=\s*["'](https?:\/\/[^"']+)["']/i.exec(v)?.[1]).find(Boolean)
  if (!link) return null
  const text = values.map((v) => collapseWhitespace(decodeEntities(v.replace(/<[^>]*>/g, ' '))))
  const dates = text.filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
  const author = text[0] && !/^\d|^https?:/.test(text[0]) ? text[0] : null
  const title = collapseWhitespace(decodeEntities(match[1]!.replace(/<[^>]*>/g, ' ')))
  return {
    title,
    author,
    published: dates.length > 1 ? normaliseDate(dates[0]) : null,
    capturedAt: normaliseDate(dates[dates.length - 1]),
    sourceUrl: decodeEntities(link),
  }
}

/** Gives a Wallabag entry's content the title page's fields (the content chapter has no title of its own). */
function finishEntry(article: ParsedArticle, card: EntryCard): ParsedArticle {
  return {
    ...article,
    title: card.title,
    author: card.author ?? article.author,
    published: card.published ?? article.published,
    capturedAt: card.capturedAt,
    sourceUrl: card.sourceUrl,
  }
}

/** Gives a parsed chapter the publication's metadata: a news section keeps its own, a chapter its book's. */
function finishChapter(
  article: ParsedArticle,
  html: string,
  publication: Publication,
  news: boolean,
  sourceUrl: string | null,
): ParsedArticle {
  if (news) {
    // Calibre dates the whole file when it fetched the news: that is the capture, not each story's publication.
    return {
      ...article,
      sourceUrl: sourceUrl ?? article.sourceUrl,
      capturedAt: publication.date ?? article.capturedAt,
      site: article.site ?? publication.title,
    }
  }
  const heading = firstHeading(html)
  const same = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase()
  const chapter = heading ?? (same(article.title, publication.title) ? null : article.title)
  const book = publication.title
  const title = book && chapter && !same(chapter, book) ? `${book}: ${chapter}` : (book ?? chapter ?? article.title)
  // The chapter's heading opens its text; the title already says it.
  const text =
    chapter && article.text.startsWith(`${chapter}\n\n`) ? article.text.slice(chapter.length + 2) : article.text
  return {
    ...article,
    title,
    text,
    wordCount: countWords(text),
    author: article.author ?? publication.creator,
    site: article.site ?? publication.publisher,
    published: article.published ?? publication.date,
  }
}

/** Rewrites a chapter's `<img src>` that point into the EPUB into data: URIs. */
async function inlineEpubImages(zip: ZipArchive, docPath: string, html: string, budget: ImageBudget): Promise<string> {
  const wanted = new Map<string, Uint8Array | null>()
  for (const [tag] of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attr(tag, 'src')
    const path = src ? resolvePath(docPath, src) : null
    if (path && zip.names.has(path) && !wanted.has(path)) wanted.set(path, await zip.read(path))
  }
  if (wanted.size === 0) return html
  return inlineImageTags(html, (src) => {
    const path = resolvePath(docPath, src)
    const data = path ? wanted.get(path) : null
    return path && data ? budget.dataUri(path, data, imageType(null, path)) : null
  })
}
