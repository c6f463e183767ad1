/**
 * MHTML ("Save as… single file", Hunchly captures; `.mhtml.gz` gunzipped first): the main HTML part through
 * `parseHtml`, provenance from the MIME headers, and the page's image parts inlined as `data:` URIs.
 */
import { gunzipSync } from 'node:zlib'
import { decodeBytes } from './decode'
import { normaliseDate } from './fields'
import { parseHtml, sniffHtmlCharset } from './html'
import { ImageBudget, imageType, inlineImageTags } from './inline-images'
import { headerParam, mainValue, parseMime, type MimePart } from './mime'
import { normaliseNewlines } from './text'
import { formatSize } from './index'
import { DOCUMENT_MAX_BYTES, type ParseOutcome } from './types'

/** Gunzips a `.gz` file's bytes, or says why it cannot be (a truncated or corrupt download, or too much inside). */
export function gunzip(bytes: Uint8Array, maxBytes = DOCUMENT_MAX_BYTES): Uint8Array | { reason: string } {
  try {
    return new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes }))
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      return { reason: `unpacks to more than ${formatSize(maxBytes)}` }
    if (/unexpected end/i.test(message)) return { reason: 'truncated gzip: the file ends before its data does' }
    return { reason: `not valid gzip: ${message}` }
  }
}

/** An absolute http(s) address, or null. */
function httpUrl(value: string | undefined | null): string | null {
  const text = (value ?? '').trim()
  return /^https?:\/\/\S+$/i.test(text) ? text : null
}

/** The key a part is found by from an `<img src>`: its absolute URL without the fragment. */
function urlKey(src: string, base: string | null): string | null {
  try {
    const url = new URL(src, base ?? undefined)
    url.hash = ''
    return url.href
  } catch {
    return null
  }
}

/** The part holding the page: the first HTML part (savers put it first; later ones are frames). */
function mainPart(parts: MimePart[]): MimePart | null {
  return parts.find((part) => mainValue(part.headers.get('content-type')) === 'text/html') ?? null
}

/** Parses an MHTML file's bytes (gunzipped first when `gzipped`) into one article. */
export function parseMhtml(bytes: Uint8Array, gzipped: boolean): ParseOutcome {
  let raw = bytes
  if (gzipped) {
    const unzipped = gunzip(bytes)
    if ('reason' in unzipped) return { ok: false, reason: unzipped.reason }
    raw = unzipped
  }
  const mime = parseMime(raw)
  if ('reason' in mime) return { ok: false, reason: mime.reason }
  const main = mainPart(mime.parts)
  if (!main) return { ok: false, reason: 'MHTML holds no HTML part' }

  const declared = headerParam(main.headers.get('content-type'), 'charset') ?? sniffHtmlCharset(main.body)
  const html = normaliseNewlines(decodeBytes(main.body, declared).text)
  const base = main.headers.get('content-location') ?? null
  const byUrl = new Map<string, MimePart>()
  const byCid = new Map<string, MimePart>()
  for (const part of mime.parts) {
    if (part === main) continue
    const location = part.headers.get('content-location')
    const key = location ? urlKey(location, null) : null
    if (key && !byUrl.has(key)) byUrl.set(key, part)
    const cid = part.headers.get('content-id')?.replace(/^<|>$/g, '').trim()
    if (cid) byCid.set(cid.toLowerCase(), part)
  }
  const budget = new ImageBudget()
  const inlined = inlineImageTags(html, (src) => {
    const part = /^cid:/i.test(src) ? byCid.get(src.slice(4).toLowerCase()) : byUrl.get(urlKey(src, base) ?? '')
    if (!part) return null
    const type = imageType(part.headers.get('content-type'), part.headers.get('content-location') ?? src)
    return budget.dataUri(src, part.body, type)
  })

  const outcome = parseHtml(inlined)
  if (!outcome.ok) return outcome
  const sourceUrl = httpUrl(mime.headers.get('snapshot-content-location')) ?? httpUrl(base)
  const capturedAt = normaliseDate(mime.headers.get('date'))
  for (const entry of outcome.articles) {
    entry.article.sourceUrl = sourceUrl ?? entry.article.sourceUrl
    entry.article.capturedAt = capturedAt ?? entry.article.capturedAt
  }
  return { ...outcome, warnings: [...outcome.warnings, ...budget.warnings] }
}
