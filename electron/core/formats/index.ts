/**
 * parseFile: one file's bytes in, its articles out, dispatched on the extension.
 *
 * Synchronous and total: bad input gives `{ ok: false, reason }`, never a throw.
 */
import { log } from '../logger'
import { bomEncoding, decodeBytes, looksBinary, sniffUtf16 } from './decode'
import { parseHtml, sniffHtmlCharset } from './html'
import { parseJson, parseJsonLines } from './json'
import { parseMarkdown } from './markdown'
import { normaliseNewlines } from './text'
import { parseTxt } from './txt'
import { SUPPORTED_EXTENSIONS, type ParseOutcome } from './types'

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

type Extension = (typeof SUPPORTED_EXTENSIONS)[number]

/** The lower-case extension of a file name, with the dot, or ''. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

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

/** Parses one file's bytes into articles; never throws for bad input. */
export function parseFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): ParseOutcome {
  const ext = extensionOf(fileName)
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    return { ok: false, reason: ext ? `unsupported file type ${ext}` : 'unsupported file type (no extension)' }
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length > maxBytes) return { ok: false, reason: tooLargeReason(bytes.length, maxBytes) }
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  const bom = bomEncoding(bytes)
  const utf16 = bom?.encoding.startsWith('utf-16') || sniffUtf16(bytes) !== null
  if (!utf16 && looksBinary(bytes)) return { ok: false, reason: `binary data in a ${ext} file` }
  try {
    const declared = ext === '.html' || ext === '.htm' ? sniffHtmlCharset(bytes) : null
    const content = normaliseNewlines(decodeBytes(bytes, declared).text)
    if (content.trim() === '')
      return { ok: false, reason: bytes.length > (bom?.length ?? 0) ? 'file holds only whitespace' : 'empty file' }
    // UTF-16 told by its NUL bytes alone must also read as text, not as binary words.
    if (utf16 && !bom && CONTROL_CHARS.test(content.slice(0, 4096)))
      return { ok: false, reason: `binary data in a ${ext} file` }
    return dispatch(ext as Extension, content)
  } catch (error) {
    // A parser library choking on odd input is still bad input, not a crash of the import.
    log.warn(`formats: ${fileName} could not be parsed`, error)
    return { ok: false, reason: `could not be parsed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** Calls the parser for an extension. */
function dispatch(ext: Extension, content: string): ParseOutcome {
  switch (ext) {
    case '.txt':
      return parseTxt(content)
    case '.html':
    case '.htm':
      return parseHtml(content)
    case '.md':
    case '.markdown':
      return parseMarkdown(content)
    case '.json':
      return parseJson(content)
    case '.jsonl':
    case '.ndjson':
      return parseJsonLines(content)
  }
}
