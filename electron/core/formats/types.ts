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
    }
  | { ok: false; reason: string }

/** Extensions that Broadsheet reads, lower-case, with the dot. */
export const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.md', '.markdown', '.json', '.jsonl', '.ndjson'] as const

/**
 * The parsers' output version: bump it whenever any parser would give different articles for the same bytes.
 *
 * The library's article store keeps it beside every parsed article and re-parses older ones in the background.
 */
export const PARSER_VERSION = 3
