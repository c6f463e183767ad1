/**
 * The formats' public shape: bytes of one file in, articles (without library fields) out.
 *
 * Implemented by `parseFile()` in `./index.ts`, which dispatches on the extension.
 */
import type { Article } from '../../shared/models'

/** The fields the library adds to what a parser found. */
export type LibraryField = 'id' | 'path' | 'collection' | 'importedAt' | 'hash' | 'importedFrom' | 'edited'

/** What a parser knows of an article; the library adds the `LibraryField`s. */
export type ParsedArticle = Omit<Article, LibraryField>

/** A file's parse outcome: its articles (in file order) and per-record warnings, or a specific reason it failed. */
export type ParseOutcome =
  | {
      ok: true
      /** One entry per article; `index` is the record's position in the file (0 for single-article files), used in ids. */
      articles: { index: number; article: ParsedArticle }[]
      /** e.g. "line 7, column 12: not valid JSON: Unexpected token }" */
      warnings: string[]
      /** Links of a URL-only export (see SavedLink); absent for every other format. */
      links?: SavedLink[]
    }
  | { ok: false; reason: string }

/** How a format's bytes reach its parser, and what a file of it may hold. */
export interface FormatSpec {
  /** 'text': decoded (BOM, charset, newlines) and handed over as a string; 'binary': the raw bytes (ZIP, PDF, gzip). */
  content: 'text' | 'binary'
  /** Whether one file may hold several articles: each record's id is then `<pathid>-<index>`. */
  multiRecord: boolean
  /** Largest file of this format, in bytes, when larger than the library's limit for one article (containers). */
  maxBytes?: number
  /**
   * Read as a stream from the file's path, never whole (web archives): no size cap on the file, the library's
   * limit for one article applies to each record inside.
   */
  streamed?: boolean
}

/** Containers of many records (web archives, datasets, exports) may be this large. */
export const CONTAINER_MAX_BYTES = 512 * 1024 * 1024

/** Single documents that carry pictures (PDF, MHTML) may be this large: their text is a small part of the bytes. */
export const DOCUMENT_MAX_BYTES = 128 * 1024 * 1024

/**
 * Every file format Broadsheet reads, by extension (lower case, with the dot; compound ones like `.warc.gz` too).
 *
 * The one list: the import's filter, the file dialog, the scan and the ids all derive from it. A format's parser is
 * registered beside it in `./index.ts` (a missing parser is a type error there).
 */
export const FORMATS = {
  '.txt': { content: 'text', multiRecord: false },
  '.html': { content: 'text', multiRecord: false },
  '.htm': { content: 'text', multiRecord: false },
  '.md': { content: 'text', multiRecord: false },
  '.markdown': { content: 'text', multiRecord: false },
  '.json': { content: 'text', multiRecord: true },
  '.jsonl': { content: 'text', multiRecord: true },
  '.ndjson': { content: 'text', multiRecord: true },
  '.csv': { content: 'text', multiRecord: true, maxBytes: CONTAINER_MAX_BYTES },
  '.tsv': { content: 'text', multiRecord: true, maxBytes: CONTAINER_MAX_BYTES },
  '.warc': { content: 'binary', multiRecord: true, streamed: true },
  '.warc.gz': { content: 'binary', multiRecord: true, streamed: true },
  '.wacz': { content: 'binary', multiRecord: true, streamed: true },
  '.pdf': { content: 'binary', multiRecord: false, maxBytes: DOCUMENT_MAX_BYTES },
  '.epub': { content: 'binary', multiRecord: true, maxBytes: CONTAINER_MAX_BYTES },
  '.mht': { content: 'binary', multiRecord: false, maxBytes: DOCUMENT_MAX_BYTES },
  '.mhtml': { content: 'binary', multiRecord: false, maxBytes: DOCUMENT_MAX_BYTES },
  '.mhtml.gz': { content: 'binary', multiRecord: false, maxBytes: DOCUMENT_MAX_BYTES },
  '.docx': { content: 'binary', multiRecord: true, maxBytes: CONTAINER_MAX_BYTES },
  '.xml': { content: 'text', multiRecord: true, maxBytes: CONTAINER_MAX_BYTES },
  '.zip': { content: 'binary', multiRecord: true, maxBytes: CONTAINER_MAX_BYTES },
} as const satisfies Record<string, FormatSpec>

/** An extension Broadsheet reads. */
export type Extension = keyof typeof FORMATS

/** Extensions that Broadsheet reads, lower-case, with the dot. */
export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS) as Extension[]

/** The extension a file name is read by: the longest known compound one (`.warc.gz`), else its last, lower case. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase()
  for (const ext of SUPPORTED_EXTENSIONS) {
    if (ext.indexOf('.', 1) > 0 && base.endsWith(ext) && base.length > ext.length) return ext
  }
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot) : ''
}

/** The format a file name is read as, or null when Broadsheet does not read it. */
export function formatOf(name: string): (FormatSpec & { ext: Extension }) | null {
  const ext = extensionOf(name)
  return Object.hasOwn(FORMATS, ext) ? { ...FORMATS[ext as Extension], ext: ext as Extension } : null
}

/**
 * The largest file of this name that may be read: none for streamed formats (their records are capped instead),
 * the format's own limit for containers, else `articleMaxBytes`.
 */
export function maxBytesFor(name: string, articleMaxBytes: number): number {
  const format = formatOf(name)
  if (format?.streamed) return Number.POSITIVE_INFINITY
  return Math.max(articleMaxBytes, format?.maxBytes ?? 0)
}

/**
 * A link of a URL-only export (Pocket, Instapaper): not an article; the library gives its tags and state to the
 * article already holding that URL (by `url` or `sourceUrl`), and reports the rest as "link only, no text".
 */
export interface SavedLink {
  url: string
  title: string | null
  tags: string[]
  read: boolean
  archived: boolean
  /** ISO 8601: when the user saved it in the service. */
  savedAt: string | null
}

/**
 * The parsers' output version: bump it whenever any parser would give different articles for the same bytes.
 *
 * The library's article store keeps it beside every parsed article and re-parses older ones in the background.
 */
export const PARSER_VERSION = 6
