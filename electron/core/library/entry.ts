/**
 * From a file's bytes to its catalog entry and whole articles: where parser output gets its library fields.
 */
import type { Article, ArticleSummary } from '../../shared/models'
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { parseArchive } from '../formats/archive'
import { parseFile } from '../formats/index'
import { formatOf, PARSER_VERSION, type LibraryField, type ParsedArticle, type ParseOutcome } from '../formats/types'
import type { CatalogEntry } from './catalog'
import { articleId, collectionOf } from './paths'

/** The library fields of one article of a file. */
export function libraryFields(
  rel: string,
  index: number,
  hash: string,
  importedAt: string,
  importedFrom: string | null = null,
): Pick<Article, LibraryField> {
  return {
    id: articleId(rel, index),
    path: rel,
    collection: collectionOf(rel),
    importedAt,
    hash,
    importedFrom,
    edited: [],
  }
}

/** A whole article: the parser's fields plus the library's. */
export function toArticle(
  rel: string,
  index: number,
  parsed: ParsedArticle,
  hash: string,
  importedAt: string,
  importedFrom: string | null = null,
): Article {
  return { ...parsed, ...libraryFields(rel, index, hash, importedAt, importedFrom) }
}

/** Records where a file was imported from, in its entry and every summary of it. */
export function setImportedFrom(entry: CatalogEntry, importedFrom: string | null): void {
  entry.importedFrom = importedFrom
  for (const summary of entry.articles) summary.importedFrom = importedFrom
}

/** An article without its heavy fields. */
export function toSummary(article: Article): ArticleSummary {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { text, html, ...summary } = article
  return summary
}

/** Parses a file's bytes; a parser that throws (a bug) still gives a failure value, never a crash. */
export async function safeParse(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<ParseOutcome> {
  try {
    return await parseFile(bytes, fileName, { maxBytes })
  } catch (error) {
    return { ok: false, reason: `the parser failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** A file's sha256 (hex, as `sha256` of its bytes gives), read as a stream: for files too big to hold. */
export async function sha256File(filePath: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Parses a file from its path: a streamed format (web archive) is read as a stream, never whole; any other is
 * read and parsed as bytes. Never rejects.
 */
export async function safeParsePath(filePath: string, fileName: string, maxBytes: number): Promise<ParseOutcome> {
  try {
    if (formatOf(fileName)?.streamed) return await parseArchive({ fileName, path: filePath, maxBytes })
    return await parseFile(await readFile(filePath), fileName, { maxBytes })
  } catch (error) {
    return { ok: false, reason: `the parser failed: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/** Parses a file's bytes into its catalog entry (a failed parse gives an entry with `error` and no articles). */
export function buildEntry(
  rel: string,
  bytes: Uint8Array,
  stat: { size: number; mtimeMs: number },
  importedAt: string,
  maxBytes: number,
  hash: string,
  outcome: ParseOutcome,
): CatalogEntry {
  const base = {
    size: stat.size,
    mtimeMs: stat.mtimeMs,
    hash,
    importedAt,
    importedFrom: null,
    parserVersion: PARSER_VERSION,
  }
  if (!outcome.ok) return { ...base, articles: [], warnings: [], error: outcome.reason }
  // A read-later export holds links, not articles: no reason to call the file unreadable.
  if (outcome.articles.length === 0 && !outcome.links?.length)
    return { ...base, articles: [], warnings: outcome.warnings, error: 'no article found in the file' }
  const articles = outcome.articles.map(({ index, article }) =>
    toSummary(toArticle(rel, index, article, hash, importedAt)),
  )
  return { ...base, articles, warnings: outcome.warnings }
}
