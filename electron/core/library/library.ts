/**
 * openLibrary: a plain folder of article files, with Broadsheet's own data in `<library>/.broadsheet/`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ImportSource } from '../../shared/ipc-contract'
import type {
  Article,
  ArticleListItem,
  ArticleState,
  ImportResult,
  LibraryChange,
  LibraryInfo,
  LibraryNotice,
} from '../../shared/models'
import { log } from '../logger'
import { Catalog, catalogFile, comparePaths, type CatalogEntry } from './catalog'
import { buildEntry, toArticle } from './entry'
import { createParsePool } from './parse-pool'
import { DEFAULT_MAX_BYTES } from '../formats/index'
import { runImport, type ImportTimings } from './import'
import { DATA_DIR, collectionOf, isInside, isSupportedFile, resolveInside } from './paths'
import { StateStore } from './state-store'
import type { ImportOptions, Library, OpenLibraryOptions } from './types'
import { walk, type WalkResult } from './walk'
import { watchLibrary, type LibraryWatcher } from './watch'

/** The default largest article file: the parser's own size limit (20 MB). */
export const DEFAULT_MAX_FILE_BYTES = DEFAULT_MAX_BYTES

/** Temp files older than this are leftovers of a crash. */
const STALE_TEMP_MS = 60 * 60 * 1000

/** How long catalog cache writes wait for more changes. */
const CATALOG_WRITE_DELAY_MS = 1000

/** How long a removed file's read/starred state waits for the same bytes to reappear elsewhere (a rename). */
const RENAME_WINDOW_MS = 10_000

/** How many unreadable files the notice names. */
const UNREADABLE_SHOWN = 5

/** How many changed files a scan reads and parses at a time. */
const SCAN_CONCURRENCY = 4

/** Why a library folder cannot be used; its message is one line for the user. */
export class LibraryOpenError extends Error {
  readonly code = 'library-unusable'
}

/** Options beyond the contract, for benchmarks and tests. */
export interface OpenLibraryExtras extends OpenLibraryOptions {
  /** fsync imported copies (default true; the benchmark can turn it off to see its cost). */
  syncCopies?: boolean
  /** Parse worker threads (default: one per core but one, 1 to 4; 0 parses in the calling thread). */
  parseThreads?: number
}

/** A library as the core uses it: the contract plus what benchmarks want to see. */
export interface OpenedLibrary extends Library {
  /** Where the last import's time went. */
  lastImportTimings(): ImportTimings | undefined
}

async function checkRoot(root: string, create: boolean): Promise<void> {
  try {
    const stats = await fs.stat(root)
    if (!stats.isDirectory()) throw new LibraryOpenError(`The library path is not a folder: ${root}`)
  } catch (error) {
    if (error instanceof LibraryOpenError) throw error
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && create) {
      try {
        await fs.mkdir(root)
      } catch (mkdirError) {
        throw new LibraryOpenError(
          `Cannot create the library folder ${root}: ${(mkdirError as NodeJS.ErrnoException).code ?? String(mkdirError)}`,
        )
      }
      return
    }
    if (code === 'ENOENT') throw new LibraryOpenError(`The library folder does not exist: ${root}`)
    if (code === 'ENOTDIR') throw new LibraryOpenError(`The library path is not a folder: ${root}`)
    throw new LibraryOpenError(`Cannot open the library folder ${root}: ${code ?? String(error)}`)
  }
  try {
    await fs.readdir(root)
  } catch (error) {
    throw new LibraryOpenError(
      `Cannot read the library folder ${root}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
}

/**
 * Deletes temp files left by a crash in the middle of a copy: never a user's file. Only old ones, since another
 * process (the CLI beside the app) may be importing into the same library right now.
 */
async function dropStaleTempFiles(tmpDir: string): Promise<void> {
  let names: string[]
  try {
    names = await fs.readdir(tmpDir)
  } catch {
    return
  }
  const cutoff = Date.now() - STALE_TEMP_MS
  for (const name of names) {
    const file = path.join(tmpDir, name)
    try {
      if ((await fs.stat(file)).mtimeMs < cutoff) await fs.rm(file, { force: true, recursive: true })
    } catch (error) {
      log.debug(`library: cannot drop ${file}`, error)
    }
  }
}

/** Opens (scans) a library folder; rejects with a `LibraryOpenError` when the folder cannot be used. */
export async function openLibrary(rootPath: string, options: OpenLibraryExtras = {}): Promise<OpenedLibrary> {
  const root = path.resolve(rootPath)
  await checkRoot(root, options.create ?? false)
  const realRoot = await fs.realpath(root)
  const dataDir = path.join(root, DATA_DIR)
  const tmpDir = path.join(dataDir, 'tmp')
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const notices: LibraryNotice[] = []

  try {
    await fs.mkdir(dataDir, { recursive: true })
    await dropStaleTempFiles(tmpDir)
  } catch (error) {
    log.warn(`library: cannot prepare ${dataDir}`, error)
  }
  const pool = createParsePool(options.parseThreads)
  const parse = (bytes: Uint8Array, rel: string) => pool.parse(bytes, rel, maxFileBytes)
  // The first walk (stats only) runs while the catalog cache is read and parsed.
  const firstWalk = walk(root, { confineTo: realRoot })
  firstWalk.catch(() => {})
  const catalog = await Catalog.load(catalogFile(dataDir))
  const state = await StateStore.load(dataDir, notices)
  let dirs: string[] = []
  let listCache: ArticleListItem[] | undefined
  let lastTimings: ImportTimings | undefined
  const listeners = new Set<(change: LibraryChange) => void>()
  let lock: Promise<unknown> = Promise.resolve()
  let watcher: LibraryWatcher | undefined
  let closed = false

  /** Runs mutations one at a time (imports, scans, watcher updates). */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = lock.then(task, task)
    lock = run.catch(() => {})
    return run
  }

  function emit(change: LibraryChange): void {
    listCache = undefined
    for (const listener of listeners) {
      try {
        listener(change)
      } catch (error) {
        log.error('library: a change listener threw', error)
      }
    }
  }

  let catalogTimer: NodeJS.Timeout | undefined
  let catalogWrite: Promise<void> = Promise.resolve()

  /** Writes the catalog cache now (after any write already running). */
  function writeCatalog(): Promise<void> {
    clearTimeout(catalogTimer)
    catalogTimer = undefined
    catalogWrite = catalogWrite.then(async () => {
      try {
        await catalog.save(catalogFile(dataDir), tmpDir)
      } catch (error) {
        log.warn('library: cannot write the catalog cache', error)
      }
    })
    return catalogWrite
  }

  /**
   * Writes the catalog cache soon. It is only a cache (a lost write costs a re-parse at the next start), and a big
   * library's catalog is megabytes, so a burst of changes gives one write.
   */
  function saveCatalog(): void {
    if (!catalogTimer) catalogTimer = setTimeout(() => void writeCatalog(), CATALOG_WRITE_DELAY_MS)
  }

  /** Reads and parses one file into its catalog entry, keeping its first-seen `importedAt`. */
  async function readEntry(rel: string, stat: { size: number; mtimeMs: number }): Promise<CatalogEntry | undefined> {
    const abs = resolveInside(root, rel)
    if (!abs) return undefined
    const importedAt = catalog.get(rel)?.importedAt ?? new Date(stat.mtimeMs).toISOString()
    if (stat.size > maxFileBytes) {
      return { ...stat, hash: '', importedAt, articles: [], warnings: [], error: 'file is larger than the size limit' }
    }
    let bytes: Uint8Array
    try {
      bytes = await fs.readFile(abs)
    } catch (error) {
      log.debug(`library: cannot read ${rel}`, error)
      return undefined
    }
    const entry = buildEntry(rel, bytes, stat, importedAt, maxFileBytes, undefined, await parse(bytes, rel))
    if (entry.error) log.info(`library: ${rel} cannot be read as an article: ${entry.error}`)
    return entry
  }

  /** Puts a file's new entry (or its absence) into the catalog and records what changed. */
  function apply(rel: string, entry: CatalogEntry | undefined, change: LibraryChange): void {
    const before = new Set(catalog.get(rel)?.articles.map((a) => a.id) ?? [])
    if (entry) catalog.set(rel, entry)
    else catalog.delete(rel)
    const after = new Set(entry?.articles.map((a) => a.id) ?? [])
    for (const id of after) (before.has(id) ? change.updated : change.added).push(id)
    for (const id of before) if (!after.has(id)) change.removed.push(id)
  }

  /** Files removed lately, by hash: a rename seen by the watcher may arrive as a removal and a later addition. */
  const recentlyRemoved = new Map<string, { entry: CatalogEntry; at: number }>()

  /** Moves read/starred state from removed to added articles with the same bytes (a file renamed elsewhere). */
  function carryStateOverRenames(change: LibraryChange, removedEntries: Map<string, CatalogEntry>): void {
    const now = Date.now()
    for (const [hash, removed] of recentlyRemoved) if (now - removed.at > RENAME_WINDOW_MS) recentlyRemoved.delete(hash)
    for (const entry of removedEntries.values()) if (entry.hash) recentlyRemoved.set(entry.hash, { entry, at: now })
    if (change.added.length === 0 || recentlyRemoved.size === 0) return
    const addedSet = new Set(change.added)
    for (const [, entry] of catalog.entries()) {
      const old = recentlyRemoved.get(entry.hash)?.entry
      if (!old || !entry.articles.every((a) => addedSet.has(a.id))) continue
      entry.articles.forEach((article, i) => {
        const from = old.articles[i]
        if (from && from.id !== article.id) state.move(from.id, article.id)
      })
      recentlyRemoved.delete(entry.hash)
    }
  }

  async function fullScan(walked?: Promise<WalkResult>): Promise<LibraryChange> {
    const change: LibraryChange = { added: [], updated: [], removed: [] }
    const found = await (walked ?? walk(root, { confineTo: realRoot }))
    dirs = found.dirs
    const seen = new Set<string>()
    const toRead: { rel: string; size: number; mtimeMs: number }[] = []
    for (const file of found.files) {
      if (!isSupportedFile(file.rel)) continue
      seen.add(file.rel)
      const known = catalog.get(file.rel)
      if (!known || known.size !== file.size || known.mtimeMs !== file.mtimeMs) toRead.push(file)
    }
    const removedEntries = new Map<string, CatalogEntry>()
    for (const rel of catalog.paths()) {
      if (!seen.has(rel)) {
        removedEntries.set(rel, catalog.get(rel)!)
        apply(rel, undefined, change)
      }
    }
    let next = 0
    const readNext = async (): Promise<void> => {
      while (next < toRead.length) {
        const file = toRead[next++]!
        apply(file.rel, await readEntry(file.rel, file), change)
      }
    }
    await Promise.all(Array.from({ length: SCAN_CONCURRENCY }, readNext))
    carryStateOverRenames(change, removedEntries)
    if (change.added.length || change.updated.length || change.removed.length || toRead.length || removedEntries.size) {
      saveCatalog()
    }
    return change
  }

  /** Brings the given relative paths up to date (what the watcher reports). */
  async function refreshPaths(rels: Iterable<string>): Promise<LibraryChange> {
    const change: LibraryChange = { added: [], updated: [], removed: [] }
    const removedEntries = new Map<string, CatalogEntry>()
    for (const rel of rels) {
      const abs = resolveInside(root, rel)
      if (!abs || !isSupportedFile(rel)) continue
      let stat: { size: number; mtimeMs: number } | undefined
      try {
        const real = await fs.realpath(abs)
        const stats = await fs.stat(abs)
        if (stats.isFile() && isInside(realRoot, real)) stat = { size: stats.size, mtimeMs: stats.mtimeMs }
      } catch {
        stat = undefined
      }
      const known = catalog.get(rel)
      if (!stat) {
        if (known) {
          removedEntries.set(rel, known)
          apply(rel, undefined, change)
        }
        continue
      }
      if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) continue
      apply(rel, await readEntry(rel, stat), change)
    }
    carryStateOverRenames(change, removedEntries)
    const collections = new Set(dirs)
    for (const [rel] of catalog.entries()) {
      for (let c = collectionOf(rel); c !== '' && !collections.has(c); c = collectionOf(c)) collections.add(c)
    }
    dirs = [...collections].sort(comparePaths)
    if (change.added.length || change.updated.length || change.removed.length) saveCatalog()
    return change
  }

  /** Every article summary in path order, cached until the next change (state is added by list()). */
  function listItems(): ArticleListItem[] {
    if (!listCache) {
      const items: ArticleListItem[] = []
      for (const rel of catalog.paths()) {
        for (const summary of catalog.get(rel)!.articles) items.push({ ...summary, read: false, starred: false })
      }
      listCache = items
    }
    return listCache
  }

  /** Files in the library that are not articles Broadsheet can read, named with their reasons (a few of them). */
  function unreadableNotice(): LibraryNotice | undefined {
    const failed: string[] = []
    for (const [rel, entry] of catalog.entries()) if (entry.error) failed.push(`${rel} (${entry.error})`)
    if (failed.length === 0) return undefined
    failed.sort(comparePaths)
    const shown = failed.slice(0, UNREADABLE_SHOWN).join('; ')
    const more = failed.length > UNREADABLE_SHOWN ? `; and ${failed.length - UNREADABLE_SHOWN} more` : ''
    const count = failed.length === 1 ? '1 file' : `${failed.length} files`
    return { code: 'scan-failed', message: `${count} in the library could not be read as articles: ${shown}${more}` }
  }

  function hasChanges(change: LibraryChange): boolean {
    return change.added.length + change.updated.length + change.removed.length > 0
  }

  const first = await fullScan(firstWalk)
  log.info(
    `library: opened ${root} (${first.added.length} new, ${first.updated.length} changed articles since last time)`,
  )

  const library: OpenedLibrary = {
    root,

    info(): LibraryInfo {
      const unreadable = unreadableNotice()
      return {
        root,
        articleCount: listItems().length,
        collections: [...dirs],
        notices: unreadable ? [...notices, unreadable] : [...notices],
      }
    },

    list(): ArticleListItem[] {
      return listItems().map((item) => ({ ...item, ...state.get(item.id) }))
    },

    async get(id: string): Promise<Article | undefined> {
      const found = catalog.locate(id)
      const abs = found && library.pathOf(id)
      if (!found || !abs) return undefined
      let bytes: Uint8Array
      try {
        if (!isInside(realRoot, await fs.realpath(abs))) return undefined
        bytes = await fs.readFile(abs)
      } catch (error) {
        log.warn(`library: cannot read ${found.rel}`, error)
        return undefined
      }
      const outcome = await parse(bytes, found.rel)
      if (!outcome.ok) return undefined
      for (const { index, article } of outcome.articles) {
        const whole = toArticle(found.rel, index, article, found.entry.hash, found.entry.importedAt)
        if (whole.id === id) return whole
      }
      return undefined
    },

    async *articles(): AsyncIterable<Article> {
      for (const rel of catalog.paths()) {
        const entry = catalog.get(rel)
        const abs = resolveInside(root, rel)
        if (!entry || !abs || entry.articles.length === 0) continue
        let bytes: Uint8Array
        try {
          bytes = await fs.readFile(abs)
        } catch (error) {
          log.warn(`library: cannot read ${rel}`, error)
          continue
        }
        const outcome = await parse(bytes, rel)
        if (!outcome.ok) continue
        for (const { index, article } of outcome.articles)
          yield toArticle(rel, index, article, entry.hash, entry.importedAt)
      }
    },

    pathOf(id: string): string | undefined {
      const found = catalog.locate(id)
      return found ? resolveInside(root, found.rel) : undefined
    },

    state(id: string): ArticleState {
      return state.get(id)
    },

    async setState(id: string, patch: Partial<ArticleState>): Promise<ArticleState> {
      return state.set(id, patch)
    },

    import(sources: ImportSource[], importOptions: ImportOptions = {}): Promise<ImportResult[]> {
      return exclusive(async () => {
        const outcome = await runImport(
          { root, realRoot, tmpDir, catalog, maxFileBytes, sync: options.syncCopies ?? true, parse: pool.parse },
          sources,
          importOptions.into ?? '',
          importOptions.onProgress,
        )
        lastTimings = outcome.timings
        if (outcome.added.length > 0) {
          const collections = new Set(dirs)
          for (const id of outcome.added) {
            const found = catalog.locate(id)
            for (let c = found ? collectionOf(found.rel) : ''; c !== '' && !collections.has(c); c = collectionOf(c)) {
              collections.add(c)
            }
          }
          dirs = [...collections].sort(comparePaths)
          saveCatalog()
        }
        emit({ added: outcome.added, updated: [], removed: [] })
        return outcome.results
      })
    },

    onChange(listener: (change: LibraryChange) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    rescan(): Promise<LibraryChange> {
      return exclusive(async () => {
        const change = await fullScan()
        if (hasChanges(change)) emit(change)
        return change
      })
    },

    async close(): Promise<void> {
      if (closed) return
      closed = true
      await watcher?.close()
      await lock
      if (catalogTimer) await writeCatalog()
      await catalogWrite
      await state.flush()
      await pool.close()
    },

    lastImportTimings: () => lastTimings,
  }

  if (options.watch) {
    watcher = watchLibrary(root, {
      onPaths: (rels) =>
        void exclusive(async () => {
          if (closed) return
          const change = await refreshPaths(rels)
          if (hasChanges(change)) emit(change)
        }).catch((error) => log.error('library: cannot apply changes from the watcher', error)),
      onFolders: () =>
        void (closed ? Promise.resolve() : library.rescan()).catch((error) =>
          log.error('library: rescan after a folder change failed', error),
        ),
    })
  }
  return library
}
