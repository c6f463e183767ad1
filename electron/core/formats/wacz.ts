/**
 * WACZ (Webrecorder, Browsertrix): a ZIP of WARCs under `archive/` plus `pages/pages.jsonl`.
 *
 * Read with yauzl by random access (from the file's path, or bytes already in memory): the ZIP's directory first,
 * then each WARC streamed out of it twice (pages, then the images they name), never the whole archive at once.
 */
import yauzl from 'yauzl'
import { normaliseDate } from './fields'
import type { ParseOutcome } from './types'
import { readWarc, summary, type OpenStream, type WarcPages } from './warc'

/** Where a WACZ is read from. */
export type WaczSource = { path: string } | { bytes: Uint8Array }

/** pages.jsonl is a list of addresses and titles; larger than this, it is not read. */
const PAGES_MAX_BYTES = 32 * 1024 * 1024

/** An opened ZIP: its entries by name. */
interface Zip {
  zip: yauzl.ZipFile
  entries: Map<string, yauzl.Entry>
}

function openZip(source: WaczSource): Promise<Zip> {
  const options = { lazyEntries: true, autoClose: false, decodeStrings: true }
  const opened =
    'path' in source
      ? yauzl.openPromise(source.path, options)
      : yauzl.fromBufferPromise(Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.length), options)
  return opened.then(
    (zip) =>
      new Promise<Zip>((resolve, reject) => {
        const entries = new Map<string, yauzl.Entry>()
        zip.on('entry', (entry: yauzl.Entry) => {
          entries.set(entry.fileName, entry)
          zip.readEntry()
        })
        zip.on('end', () => resolve({ zip, entries }))
        zip.on('error', reject)
        zip.readEntry()
      }),
  )
}

/** An entry's bytes streamed out of the ZIP, fresh on every call (each pass over a WARC opens it again). */
function entryStream(zip: yauzl.ZipFile, entry: yauzl.Entry): OpenStream {
  return () => ({
    async *[Symbol.asyncIterator]() {
      const stream = await zip.openReadStreamPromise(entry)
      for await (const chunk of stream) yield chunk as Uint8Array
    },
  })
}

/** The pages list by URL: title and capture time, when pages.jsonl has them. */
async function readPagesList(zip: Zip): Promise<Map<string, { title: string | null; ts: string | null }>> {
  const pages = new Map<string, { title: string | null; ts: string | null }>()
  const entry = zip.entries.get('pages/pages.jsonl')
  if (!entry || entry.uncompressedSize > PAGES_MAX_BYTES) return pages
  const chunks: Uint8Array[] = []
  for await (const chunk of entryStream(zip.zip, entry)()) chunks.push(chunk)
  for (const line of Buffer.concat(chunks).toString('utf8').split('\n')) {
    try {
      const page = JSON.parse(line) as { url?: unknown; title?: unknown; ts?: unknown }
      if (typeof page.url !== 'string') continue
      pages.set(page.url, {
        title: typeof page.title === 'string' && page.title.trim() ? page.title.trim() : null,
        ts: typeof page.ts === 'string' ? page.ts : null,
      })
    } catch {
      // The header line and any broken line carry no page.
    }
  }
  return pages
}

/** Parses a WACZ's WARCs into one article per readable page (`index` counts records across the WARCs in order). */
export async function parseWacz(source: WaczSource, maxRecordBytes: number): Promise<ParseOutcome> {
  let zip: Zip
  try {
    zip = await openZip(source)
  } catch (error) {
    return { ok: false, reason: `not a WACZ: not a ZIP archive (${error instanceof Error ? error.message : error})` }
  }
  try {
    const warcs = [...zip.entries.keys()].filter((name) => /^archive\/[^/]+\.warc(?:\.gz)?$/i.test(name)).sort()
    if (warcs.length === 0) {
      const hasFolder = [...zip.entries.keys()].some((name) => name.startsWith('archive/'))
      return { ok: false, reason: hasFolder ? 'not a WACZ: no WARC in archive/' : 'not a WACZ: no archive/ folder' }
    }
    const pagesList = await readPagesList(zip)
    const total: WarcPages & { warnings: string[] } = {
      articles: [],
      short: [],
      records: 0,
      skipped: new Map(),
      broken: null,
      warnings: [],
    }
    for (const name of warcs) {
      const result = await readWarc(entryStream(zip.zip, zip.entries.get(name)!), {
        maxRecordBytes,
        indexBase: total.records,
        label: name,
        manyPages: pagesList.size > 1 || warcs.length > 1,
      })
      total.articles.push(...result.articles)
      total.records += result.records
      for (const [kind, n] of result.skipped) total.skipped.set(kind, (total.skipped.get(kind) ?? 0) + n)
      total.warnings.push(...result.warnings)
      if (result.broken) total.warnings.push(`${name}: ${result.broken}; the records read so far are kept`)
    }
    for (const entry of total.articles) {
      const page = entry.article.sourceUrl ? pagesList.get(entry.article.sourceUrl) : undefined
      if (!page) continue
      entry.article = {
        ...entry.article,
        title: entry.article.title || page.title || entry.article.title,
        capturedAt: entry.article.capturedAt ?? normaliseDate(page.ts ?? undefined),
      }
    }
    const warnings = [summary('WACZ', total), ...total.warnings]
    if (total.articles.length === 0)
      return { ok: false, reason: `no readable articles in the archive (${warnings.join('; ')})` }
    return { ok: true, articles: total.articles, warnings }
  } finally {
    zip.zip.close()
  }
}
