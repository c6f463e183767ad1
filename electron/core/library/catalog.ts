/**
 * The catalog: what Broadsheet knows of every file in the library (size, mtime, hash, article summaries),
 * cached in `.broadsheet/catalog.json` so a restart only stats files and re-parses the new or changed ones.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ArticleSummary } from '../../shared/models'
import { log } from '../logger'
import { writeFileAtomic } from './atomic'
import { collectionOf } from './paths'
import type { StoreLocation } from './store'

/** The catalog file's format version; bump it whenever the shape of an entry or of a summary changes. */
export const CATALOG_VERSION = 4

/** What the catalog knows of one file. */
export interface CatalogEntry {
  size: number
  mtimeMs: number
  /** sha256 of the bytes. */
  hash: string
  importedAt: string
  /** The path or URL the file was imported from, as given; null when a scan found it. */
  importedFrom: string | null
  /** The parser version that gave `articles` (and the stored records). */
  parserVersion: number
  /** In file order; empty when the file failed to parse. */
  articles: ArticleSummary[]
  /** Where each article's parsed record lies in the article store, parallel to `articles`; absent when not stored. */
  locations?: StoreLocation[]
  warnings: string[]
  /** Why the file could not be read or parsed; such a file has no articles. */
  error?: string
}

/** A summary as stored: without the fields its path and entry give again. */
type StoredSummary = Omit<ArticleSummary, 'path' | 'collection' | 'importedAt' | 'hash' | 'importedFrom' | 'edited'>

/** An entry as stored. */
type StoredEntry = Omit<CatalogEntry, 'articles'> & { articles: StoredSummary[] }

interface CatalogFile {
  version: number
  files: Record<string, StoredEntry>
}

/**
 * Summary fields left out of the file when null (or empty, for lists) and filled in again on load: most articles
 * lack most of them, and at 100k articles leaving them out makes the file a third smaller and quicker to load.
 */
const NULL_WHEN_ABSENT = [
  'author',
  'site',
  'url',
  'published',
  'sourceUrl',
  'capturedAt',
  'language',
  'category',
] as const satisfies readonly (keyof ArticleSummary)[]
const EMPTY_WHEN_ABSENT = ['disclaimers', 'flags'] as const satisfies readonly (keyof ArticleSummary)[]

function store(entry: CatalogEntry): StoredEntry {
  return {
    ...entry,
    articles: entry.articles.map((summary) => {
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { path, collection, importedAt, hash, importedFrom, edited, ...rest } = summary
      const sparse: Partial<StoredSummary> = rest
      for (const field of NULL_WHEN_ABSENT) if (sparse[field] === null) delete sparse[field]
      for (const field of EMPTY_WHEN_ABSENT) if (sparse[field]?.length === 0) delete sparse[field]
      return rest
    }),
  }
}

/** Turns a stored entry (fresh from JSON.parse, so ours to change) back into a catalog entry, in place. */
function restore(rel: string, stored: StoredEntry): CatalogEntry {
  const collection = collectionOf(rel)
  const { hash, importedAt } = stored
  const importedFrom = stored.importedFrom ?? null
  stored.importedFrom = importedFrom
  for (const summary of stored.articles as ArticleSummary[]) {
    for (const field of NULL_WHEN_ABSENT) summary[field] ??= null
    for (const field of EMPTY_WHEN_ABSENT) summary[field] ??= []
    summary.path = rel
    summary.collection = collection
    summary.importedAt = importedAt
    summary.hash = hash
    summary.importedFrom = importedFrom
    summary.edited = []
  }
  return stored as CatalogEntry
}

/** Every known file by relative path, with an index from article id to its file. */
export class Catalog {
  readonly #entries = new Map<string, CatalogEntry>()
  readonly #byId = new Map<string, { rel: string; index: number }>()
  #sorted: string[] | undefined

  /** Loads the cached catalog; a missing, corrupt or other-version file gives an empty catalog (logged). */
  static async load(file: string): Promise<Catalog> {
    const catalog = new Catalog()
    let raw: string
    try {
      raw = await fs.readFile(file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('catalog: cannot read the cache', error)
      return catalog
    }
    try {
      const parsed = JSON.parse(raw) as CatalogFile
      if (parsed?.version !== CATALOG_VERSION || typeof parsed.files !== 'object' || parsed.files === null) {
        log.info(`catalog: cache version ${String(parsed?.version)} is not ${CATALOG_VERSION}; rebuilding`)
        return catalog
      }
      for (const [rel, entry] of Object.entries(parsed.files)) {
        if (!validEntry(entry)) throw new Error(`bad entry for ${rel}`)
        catalog.set(rel, restore(rel, entry))
      }
    } catch (error) {
      log.warn('catalog: cache is corrupt; rebuilding', error)
      return new Catalog()
    }
    return catalog
  }

  /** Writes the catalog atomically. */
  async save(file: string, tmpDir: string): Promise<void> {
    const files: Record<string, StoredEntry> = {}
    for (const [rel, entry] of this.#entries) files[rel] = store(entry)
    const data: CatalogFile = { version: CATALOG_VERSION, files }
    await writeFileAtomic(file, JSON.stringify(data), tmpDir)
  }

  get size(): number {
    return this.#entries.size
  }

  get(rel: string): CatalogEntry | undefined {
    return this.#entries.get(rel)
  }

  set(rel: string, entry: CatalogEntry): void {
    const old = this.#entries.get(rel)
    if (old) for (const article of old.articles) this.#byId.delete(article.id)
    else this.#sorted = undefined
    this.#entries.set(rel, entry)
    entry.articles.forEach((article, index) => this.#byId.set(article.id, { rel, index }))
  }

  delete(rel: string): CatalogEntry | undefined {
    const old = this.#entries.get(rel)
    if (!old) return undefined
    this.#entries.delete(rel)
    this.#sorted = undefined
    for (const article of old.articles) this.#byId.delete(article.id)
    return old
  }

  /** Where an article lives: its file and its position in that file's articles. */
  locate(id: string): { rel: string; entry: CatalogEntry; summary: ArticleSummary; index: number } | undefined {
    const at = this.#byId.get(id)
    if (!at) return undefined
    const entry = this.#entries.get(at.rel)
    const summary = entry?.articles[at.index]
    return entry && summary ? { rel: at.rel, entry, summary, index: at.index } : undefined
  }

  /** Relative paths in a stable order (sorted). */
  paths(): readonly string[] {
    // Sorting 100k paths costs more than the list built from them; only a new or removed file changes the order.
    this.#sorted ??= [...this.#entries.keys()].sort(comparePaths)
    return this.#sorted
  }

  entries(): IterableIterator<[string, CatalogEntry]> {
    return this.#entries.entries()
  }

  /** The first article id of every distinct file content, for duplicate checks. */
  hashIndex(): Map<string, string> {
    const byHash = new Map<string, string>()
    for (const rel of this.paths()) {
      const entry = this.#entries.get(rel)!
      const first = entry.articles[0]
      if (first && !byHash.has(entry.hash)) byHash.set(entry.hash, first.id)
    }
    return byHash
  }
}

/** Orders relative paths by code point, so the order never depends on the locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function validEntry(entry: unknown): entry is StoredEntry {
  const e = entry as StoredEntry
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number' &&
    typeof e.hash === 'string' &&
    typeof e.importedAt === 'string' &&
    typeof e.parserVersion === 'number' &&
    Array.isArray(e.articles) &&
    (e.locations === undefined || (Array.isArray(e.locations) && e.locations.length === e.articles.length)) &&
    Array.isArray(e.warnings) &&
    e.articles.every((a) => typeof a === 'object' && a !== null && typeof a.id === 'string')
  )
}

/** The catalog cache file of a data folder. */
export function catalogFile(dataDir: string): string {
  return path.join(dataDir, 'catalog.json')
}
