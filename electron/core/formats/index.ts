/**
 * parseFile: one file's bytes in, its articles out, dispatched on the extension.
 *
 * Total: bad input resolves to `{ ok: false, reason }`, never a rejection. Each format's parser is registered in
 * `PARSERS` beside its entry in `FORMATS` (./types).
 */
import { log } from '../logger'
import { bomEncoding, decodeBytes, looksBinary, sniffUtf16 } from './decode'
import { parseEpub } from './epub'
import { parseHtml, sniffHtmlCharset } from './html'
import { parseJson, parseJsonLines } from './json'
import { parseCsv } from './csv'
import { parseMarkdown } from './markdown'
import { parseMhtml } from './mhtml'
import { parsePdf } from './pdf'
import { normaliseNewlines } from './text'
import { parseTxt } from './txt'
import { parseArchive } from './archive'
import { parseOmnivoreZip } from './omnivore'
import { readPocketHtml } from './pocket-html'
import { parseDocx, parseFactivaXml, readPressHtml, readPressText } from './press'
import { extensionOf, formatOf, type Extension, type ParseOutcome } from './types'

/** The parsers' version, stored with every parsed article (defined once in ./types). */
export { PARSER_VERSION } from './types'

/** The default size cap: 20 MB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

/** Options for parseFile. */
export interface ParseOptions {
  /** Files larger than this fail with a reason (default 20 MB). */
  maxBytes?: number
}

// Several C0 control characters in a row do not occur in text.
const CONTROL_CHARS = /(?:(?![\t\n\r\f])\p{Cc}){3}/u

/** What a format's parser gets: the file's name, its bytes, and for text formats the decoded text. */
export interface FormatInput {
  fileName: string
  bytes: Uint8Array
  /** The decoded text with newlines normalised (text formats only; '' for binary ones). */
  content: string
  /** The library's limit for one article, in bytes (containers cap each record by it). */
  maxBytes: number
}

/** A format's parser: total, like parseFile (bad input is `{ ok: false }`; a throw is caught and reported). */
export type FormatParser = (input: FormatInput) => ParseOutcome | Promise<ParseOutcome>

/** The parser of every format in FORMATS (one line per extension; a format without one is a type error). */
const PARSERS: Record<Extension, FormatParser> = {
  '.txt': ({ content }) => readPressText(content) ?? parseTxt(content),
  '.html': ({ content }) => parseHtmlFile(content),
  '.htm': ({ content }) => parseHtmlFile(content),
  '.md': ({ content }) => parseMarkdown(content),
  '.markdown': ({ content }) => parseMarkdown(content),
  '.json': ({ content }) => parseJson(content),
  '.jsonl': ({ content }) => parseJsonLines(content),
  '.ndjson': ({ content }) => parseJsonLines(content),
  '.csv': ({ content }) => parseCsv(content),
  '.tsv': ({ content }) => parseCsv(content, '\t'),
  '.warc': (input) => parseArchive(input),
  '.warc.gz': (input) => parseArchive(input),
  '.wacz': (input) => parseArchive(input),
  '.pdf': ({ bytes }) => parsePdf(bytes),
  '.epub': ({ bytes }) => parseEpub(bytes),
  '.mht': ({ bytes }) => parseMhtml(bytes, false),
  '.mhtml': ({ bytes }) => parseMhtml(bytes, false),
  '.mhtml.gz': ({ bytes }) => parseMhtml(bytes, true),
  '.docx': ({ bytes }) => parseDocx(bytes),
  '.xml': ({ content }) => parseFactivaXml(content),
  '.zip': ({ bytes, maxBytes }) => parseOmnivoreZip(bytes, maxBytes),
}

/** An HTML file: a Pocket link export, a press-database export, or else a saved page. */
function parseHtmlFile(content: string): ParseOutcome {
  return readPocketHtml(content) ?? readPressHtml(content) ?? parseHtml(content)
}

/** The lower-case extension of a file name, with the dot, or '' (compound ones like `.warc.gz` whole). */
export { extensionOf }

/** Formats a byte count the way the reasons say it ("31.2 MB", "20 MB", "512 bytes"). */
export function formatSize(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10)
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/** Why a file over the size limit is refused: the one message for it, wherever the size is found out. */
export function tooLargeReason(size: number, limit: number): string {
  return `file is ${formatSize(size)}, over the ${formatSize(limit)} limit`
}

/** Parses one file's bytes into articles; never throws (nor rejects) for bad input. */
export async function parseFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ParseOutcome> {
  const format = formatOf(fileName)
  if (!format) {
    const ext = extensionOf(fileName)
    return { ok: false, reason: ext ? `unsupported file type ${ext}` : 'unsupported file type (no extension)' }
  }
  const maxBytes = Math.max(options.maxBytes ?? DEFAULT_MAX_BYTES, format.maxBytes ?? 0)
  // A streamed format's records are capped, not the file (here already in memory).
  if (!format.streamed && bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) }
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  try {
    const recordMax = options.maxBytes ?? DEFAULT_MAX_BYTES
    if (format.content === 'binary')
      return await PARSERS[format.ext]({ fileName, bytes, content: '', maxBytes: recordMax })
    const content = decodeText(bytes, format.ext)
    if (typeof content !== 'string') return content
    return await PARSERS[format.ext]({ fileName, bytes, content, maxBytes: recordMax })
  } catch (error) {
    // A parser library choking on odd input is still bad input, not a crash of the import.
    log.warn(`formats: ${fileName} could not be parsed`, error)
    return { ok: false, reason: `could not be parsed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** A text file's decoded content (BOM, declared charset, newlines), or why it is not text. */
export function decodeText(bytes: Uint8Array, ext: string): string | { ok: false; reason: string } {
  const bom = bomEncoding(bytes)
  const utf16 = bom?.encoding.startsWith('utf-16') || sniffUtf16(bytes) !== null
  if (!utf16 && looksBinary(bytes)) return { ok: false, reason: `binary data in a ${ext} file` }
  const declared = ext === '.html' || ext === '.htm' ? sniffHtmlCharset(bytes) : null
  const content = normaliseNewlines(decodeBytes(bytes, declared).text)
  if (content.trim() === '')
    return { ok: false, reason: bytes.length > (bom?.length ?? 0) ? 'file holds only whitespace' : 'empty file' }
  // UTF-16 told by its NUL bytes alone must also read as text, not as binary words.
  if (utf16 && !bom && CONTROL_CHARS.test(content.slice(0, 4096)))
    return { ok: false, reason: `binary data in a ${ext} file` }
  return content
}
