/**
 * openLibrary: a plain folder of article files, with Broadsheet's own data in `<library>/.broadsheet/`.
 *
 * Over 300 lines on purpose: the scan, the import hook, the article store's reads and background re-parses all
 * change the same catalog under one lock, and splitting them would hand that lock and catalog around.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ImportSource } from '../../shared/ipc-contract'
import {
  EDITABLE_FIELDS,
  type Article,
  type ArticleEdits,
  type ArticleListItem,
  type ArticleState,
  type ArticleSummary,
  type EditableField,
  type ImportResult,
  type LibraryChange,
  type LibraryInfo,
  type LibraryNotice,
} from '../../shared/models'
import { formatOf, PARSER_VERSION, type ParsedArticle, type ParseOutcome } from '../formats/types'
import { log } from '../logger'
import { Catalog, catalogFile, comparePaths, type CatalogEntry } from './catalog'
import { buildEntry, safeParsePath, setImportedFrom, sha256File } from './entry'
import { createParsePool, type ParsePool } from './parse-pool'
import { DEFAULT_MAX_BYTES } from '../formats/index'
import { runImport, type ImportTimings } from './import'
import { applyLinks, linksWarning } from './links'
import { DATA_DIR, collectionOf, isInside, isSupportedFile, resolveInside, sha256 } from './paths'
import { WriteLock } from './lock'
import { Trash } from './trash'
import { StateStore } from './state-store'
import { ArticleStore, storeDir, type StoredRecord } from './store'
import type { EditsStore, ImportOptions, Library, OpenLibraryOptions, ScanProgress } from './types'
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

/** A background scan tells listeners of new articles at least this often (and every `SCAN_BATCH_FILES` files). */
const SCAN_BATCH_MS = 250
const SCAN_BATCH_FILES = 500

/** A store segment is compacted when records nothing points to are most of it and at least this many bytes. */
const COMPACT_MIN_DEAD_BYTES = 8 * 1024 * 1024

/** Files a background re-parse takes per step (one change event and one catalog write each). */
const REPARSE_BATCH_FILES = 200

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
  /** A parse pool to use instead of making one (tests count parses with it; the library does not close it). */
  parsePool?: ParsePool
  /** The parser version to tie stored articles to (default `PARSER_VERSION`; tests simulate an upgrade). */
  parserVersion?: number
  /** Where the user's corrections are kept (default: the library's state store). */
  edits?: EditsStore
}

/** A library as the core uses it: the contract plus what benchmarks want to see. */
export interface OpenedLibrary extends Library {
  /** Where the last import's time went. */
  lastImportTimings(): ImportTimings | undefined
  /** Resolves when the background work queued so far (scan, re-parse, store rebuild) is done. */
  settled(): Promise<void>
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

/** A change with nothing in it. */
function noChange(): LibraryChange {
  return { added: [], updated: [], removed: [] }
}

function hasChanges(change: LibraryChange): boolean {
  return change.added.length + change.updated.length + change.removed.length > 0
}

/** Runs `task` over items, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** An item (summary or whole article) with the user's corrections applied and named in `edited`. */
function withEdits<T extends ArticleSummary>(item: T, edits: ArticleEdits | undefined): T {
  if (!edits) return item
  const edited: EditableField[] = []
  const out: T = { ...item }
  for (const field of EDITABLE_FIELDS) {
    const value = edits[field]
    if (value === undefined) continue
    if (field === 'title') out.title = value ?? item.title
    else out[field] = value
    edited.push(field)
  }
  out.edited = edited
  return out
}

/** Opens (scans) a library folder; rejects with a `LibraryOpenError` when the folder cannot be used. */
export async function openLibrary(rootPath: string, options: OpenLibraryExtras = {}): Promise<OpenedLibrary> {
  const root = path.resolve(rootPath)
  await checkRoot(root, options.create ?? false)
  const realRoot = await fs.realpath(root)
  const dataDir = path.join(root, DATA_DIR)
  const tmpDir = path.join(dataDir, 'tmp')
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  const parserVersion = options.parserVersion ?? PARSER_VERSION
  const notices: LibraryNotice[] = []

  try {
    await fs.mkdir(dataDir, { recursive: true })
    await dropStaleTempFiles(tmpDir)
  } catch (error) {
    log.warn(`library: cannot prepare ${dataDir}`, error)
  }
  const pool = options.parsePool ?? createParsePool(options.parseThreads)
  const parse = (bytes: Uint8Array, rel: string) => pool.parse(bytes, rel, maxFileBytes)
  // Web archives are hashed and parsed from their path as streams, never read whole (FormatSpec.streamed).
  const parsePath = (abs: string, rel: string, size: number) =>
    pool.parsePath ? pool.parsePath(abs, rel, maxFileBytes, size) : safeParsePath(abs, rel, maxFileBytes)
  const streamed = (rel: string) => formatOf(rel)?.streamed === true
  // The first walk (stats only) runs while the catalog cache is read and parsed; in the background it waits, so the
  // cached list is ready first.
  const firstWalk = options.scanInBackground ? undefined : walk(root, { confineTo: realRoot })
  firstWalk?.catch(() => {})
  const catalog = await Catalog.load(catalogFile(dataDir))
  const state = await StateStore.load(dataDir, notices)
  const edits: EditsStore = options.edits ?? state
  // Without a store (a read-only library, say) every read parses its file, as before there was one.
  const store = await ArticleStore.open(storeDir(dataDir)).catch((error: unknown) => {
    log.warn('library: the article store cannot be opened; articles will be parsed on every read', error)
    return undefined
  })
  let dirs: string[] = []
  let listCache: ArticleListItem[] | undefined
  let lastTimings: ImportTimings | undefined
  const listeners = new Set<(change: LibraryChange) => void>()
  const progressListeners = new Set<(progress: ScanProgress) => void>()
  let lock: Promise<unknown> = Promise.resolve()
  let watcher: LibraryWatcher | undefined
  let closed = false

  // --- Library safety: one writer per folder across processes (see ./lock.ts) ---
  const writeLock = new WriteLock(dataDir)
  const trash = new Trash(root, dataDir)
  /** Runs a write under the folder's write lock, first looking at the folder again if another instance wrote. */
  async function lockedWrite<T>(doing: string, task: () => Promise<T>): Promise<T> {
    const held = await writeLock.acquire(doing)
    try {
      if (held.othersWrote) {
        const change = await fullScan()
        if (hasChanges(change)) emit(change)
      }
      return await task()
    } finally {
      await held.release()
    }
  }
  // --- end library safety ---

  /** Runs mutations one at a time (imports, scans, watcher updates, background re-parses). */
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

  function progress(report: ScanProgress): void {
    for (const listener of progressListeners) {
      try {
        listener(report)
      } catch (error) {
        log.error('library: a progress listener threw', error)
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

  /** Puts a freshly parsed file's articles into the store and notes where they went in its entry; never throws. */
  async function keepParsed(entry: CatalogEntry, outcome: ParseOutcome): Promise<void> {
    entry.parserVersion = parserVersion
    delete entry.locations
    if (!store || !outcome.ok || entry.articles.length !== outcome.articles.length) return
    const records: StoredRecord[] = outcome.articles.map(({ article }, i) => ({
      id: entry.articles[i]!.id,
      hash: entry.hash,
      parserVersion,
      article,
    }))
    try {
      entry.locations = await store.put(records)
    } catch (error) {
      log.warn('library: cannot write parsed articles to the store; they will be parsed again when read', error)
    }
  }

  /**
   * Reads and parses one file into its catalog entry, keeping its first-seen `importedAt` (and `importedFrom` while
   * its bytes are the same). Bytes already parsed by this parser version are not parsed again.
   */
  async function readEntry(
    rel: string,
    stat: { size: number; mtimeMs: number },
    force = false,
  ): Promise<CatalogEntry | undefined> {
    const abs = resolveInside(root, rel)
    if (!abs) return undefined
    const known = catalog.get(rel)
    const importedAt = known?.importedAt ?? new Date(stat.mtimeMs).toISOString()
    if (stat.size > maxFileBytes && !streamed(rel)) {
      return {
        ...stat,
        hash: '',
        importedAt,
        importedFrom: null,
        parserVersion,
        articles: [],
        warnings: [],
        error: 'file is larger than the size limit',
      }
    }
    let bytes: Uint8Array
    let hash: string
    try {
      bytes = streamed(rel) ? new Uint8Array() : await fs.readFile(abs)
      hash = streamed(rel) ? await sha256File(abs) : sha256(bytes)
    } catch (error) {
      log.debug(`library: cannot read ${rel}`, error)
      return undefined
    }
    const current = known && known.hash === hash && known.parserVersion === parserVersion
    if (current && !force && known.locations && !known.error) {
      return { ...known, size: stat.size, mtimeMs: stat.mtimeMs }
    }
    const outcome = streamed(rel) ? await parsePath(abs, rel, stat.size) : await parse(bytes, rel)
    const entry = buildEntry(rel, bytes, stat, importedAt, maxFileBytes, hash, outcome)
    if (known?.hash === hash) setImportedFrom(entry, known.importedFrom)
    await keepParsed(entry, outcome)
    if (entry.error) log.info(`library: ${rel} cannot be read as an article: ${entry.error}`)
    return entry
  }

  /** Puts a file's new entry (or its absence) into the catalog and records what changed. */
  function apply(rel: string, entry: CatalogEntry | undefined, change: LibraryChange): void {
    const known = catalog.get(rel)
    // Same bytes, same parse (a touched file): nothing a listener needs to hear about.
    if (entry && known && entry.articles === known.articles) {
      catalog.set(rel, entry)
      return
    }
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

  /**
   * Brings the catalog in line with the folder. With `batches`, new articles are told to listeners as files are
   * read (a first open fills the list progressively) with scan progress; else the caller emits the whole change.
   */
  async function fullScan(walked?: Promise<WalkResult>, batches = false): Promise<LibraryChange> {
    const change = noChange()
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
    // In batch mode each batch is its own change (told at once); `change` then only gathers the whole for the caller.
    let batch = batches ? noChange() : change
    let batchFiles = 0
    let batchStart = performance.now()
    let done = 0
    const flush = () => {
      if (!batches) return
      if (hasChanges(batch)) {
        emit(batch)
        change.added.push(...batch.added)
        change.updated.push(...batch.updated)
        change.removed.push(...batch.removed)
      }
      batch = noChange()
      batchFiles = 0
      batchStart = performance.now()
      progress({ phase: 'scan', done, total: toRead.length })
    }
    if (batches) {
      if (hasChanges(change)) emit(change)
      progress({ phase: 'scan', done: 0, total: toRead.length })
    }
    await eachLimited(toRead, SCAN_CONCURRENCY, async (file) => {
      apply(file.rel, await readEntry(file.rel, file), batch)
      done += 1
      batchFiles += 1
      if (batchFiles >= SCAN_BATCH_FILES || performance.now() - batchStart >= SCAN_BATCH_MS) flush()
    })
    flush()
    carryStateOverRenames(change, removedEntries)
    if (hasChanges(change) || toRead.length || removedEntries.size) saveCatalog()
    return change
  }

  /** Brings the given relative paths up to date (what the watcher reports). */
  async function refreshPaths(rels: Iterable<string>): Promise<LibraryChange> {
    const change = noChange()
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
    if (hasChanges(change)) saveCatalog()
    return change
  }

  /**
   * Parses files again in the background (an older parser's articles, or store records lost or damaged), in steps
   * that each tell the listeners which articles changed; until a file's step is done its old records keep serving.
   */
  function reparseInBackground(rels: string[], phase: ScanProgress['phase']): void {
    if (rels.length === 0) return
    log.info(`library: parsing ${rels.length} files again in the background (${phase})`)
    void exclusive(async () => {
      const total = rels.length
      let done = 0
      progress({ phase, done, total })
      for (let i = 0; i < total && !closed; i += REPARSE_BATCH_FILES) {
        const change: LibraryChange = { ...noChange(), cause: 'reparse' }
        await eachLimited(rels.slice(i, i + REPARSE_BATCH_FILES), SCAN_CONCURRENCY, async (rel) => {
          const known = catalog.get(rel)
          const abs = resolveInside(root, rel)
          if (!known || !abs) return
          let stat
          try {
            stat = await fs.stat(abs)
          } catch {
            return // Gone: the watcher or the next scan removes it.
          }
          // Forced: the entry's records are stale or lost even where its bytes are the same.
          apply(rel, await readEntry(rel, { size: stat.size, mtimeMs: stat.mtimeMs }, true), change)
        })
        done = Math.min(total, i + REPARSE_BATCH_FILES)
        if (hasChanges(change)) {
          emit(change)
          saveCatalog()
        }
        progress({ phase, done, total })
      }
    }).catch((error) => log.error(`library: background ${phase} failed`, error))
  }

  /** Files whose stored records a crash or a lost segment left out (checked by segment size alone). */
  function filesWithLostRecords(sizes: Map<number, number>): string[] {
    const lost: string[] = []
    for (const [rel, entry] of catalog.entries()) {
      if (entry.articles.length === 0 || entry.parserVersion !== parserVersion) continue
      const ok = entry.locations?.every(([segment, offset, length]) => offset + length <= (sizes.get(segment) ?? -1))
      if (!ok) lost.push(rel)
    }
    return lost.sort(comparePaths)
  }

  /** Files parsed by another parser version (or that failed under one: a newer parser may read them). */
  function filesOfOtherParsers(): string[] {
    const stale: string[] = []
    for (const [rel, entry] of catalog.entries()) {
      if (entry.parserVersion !== parserVersion && entry.hash !== '') stale.push(rel)
    }
    return stale.sort(comparePaths)
  }

  const damagedSegments = new Set<number>()

  /** Sets a damaged segment aside, says so, and re-parses every file that had records in it. */
  async function storeDamaged(segment: number): Promise<void> {
    if (!store || damagedSegments.has(segment)) return
    damagedSegments.add(segment)
    const name = await store.setAside(segment)
    notices.push({
      code: 'store-rebuilt',
      message:
        `Part of Broadsheet's store of parsed articles was damaged` +
        `${name ? ` (moved aside as ${name})` : ''}; it is being rebuilt from your files, which are unharmed.`,
    })
    log.warn(`library: store segment ${segment} is damaged; rebuilding its articles`)
    const affected: string[] = []
    for (const [rel, entry] of catalog.entries()) {
      if (entry.locations?.some(([s]) => s === segment)) affected.push(rel)
    }
    reparseInBackground(affected.sort(comparePaths), 'rebuild')
  }

  /**
   * The parsed articles of one file at the given positions, from the store; when a record is missing or damaged the
   * file is parsed once (and its records stored again), so a lost store never loses an article.
   */
  async function parsedOf(
    rel: string,
    entry: CatalogEntry,
    positions: number[],
  ): Promise<(ParsedArticle | undefined)[]> {
    const out: (ParsedArticle | undefined)[] = []
    // An older parser's records keep serving until the background re-parse replaces the entry.
    let complete = store !== undefined && entry.locations !== undefined
    for (const i of positions) {
      if (!complete) break
      const location = entry.locations![i]
      const summary = entry.articles[i]
      if (!location || !summary) {
        out.push(undefined)
        continue
      }
      const key = { id: summary.id, hash: entry.hash, parserVersion: entry.parserVersion }
      const record = await store!.read(location, key)
      if (record === 'corrupt') void storeDamaged(location[0])
      if (typeof record === 'string') complete = false
      else out.push(record.article)
    }
    if (complete) return out
    return parseAgain(rel, entry, positions)
  }

  /** Parses a file whose stored records cannot be used; stores them again when the file is still the one known. */
  async function parseAgain(
    rel: string,
    entry: CatalogEntry,
    positions: number[],
  ): Promise<(ParsedArticle | undefined)[]> {
    const abs = resolveInside(root, rel)
    if (!abs) return positions.map(() => undefined)
    let bytes: Uint8Array
    let hash: string
    try {
      if (!isInside(realRoot, await fs.realpath(abs))) return positions.map(() => undefined)
      bytes = streamed(rel) ? new Uint8Array() : await fs.readFile(abs)
      hash = streamed(rel) ? await sha256File(abs) : sha256(bytes)
    } catch (error) {
      log.warn(`library: cannot read ${rel}`, error)
      return positions.map(() => undefined)
    }
    const outcome = streamed(rel) ? await parsePath(abs, rel, entry.size) : await parse(bytes, rel)
    if (!outcome.ok) return positions.map(() => undefined)
    const byId = new Map<string, ParsedArticle>()
    const fresh = buildEntry(rel, bytes, entry, entry.importedAt, maxFileBytes, hash, outcome)
    fresh.articles.forEach((summary, i) => byId.set(summary.id, outcome.articles[i]!.article))
    if (fresh.hash === entry.hash && entry.parserVersion === parserVersion) {
      await keepParsed(fresh, outcome)
      if (fresh.locations && catalog.get(rel) === entry) {
        entry.locations = fresh.locations
        saveCatalog()
      }
    }
    return positions.map((i) => {
      const id = entry.articles[i]?.id
      return id === undefined ? undefined : byId.get(id)
    })
  }

  /** A whole article: its summary (library fields) with the parsed text and HTML, and the user's corrections. */
  function whole(summary: ArticleSummary, parsed: ParsedArticle): Article {
    const article: Article = {
      ...parsed,
      id: summary.id,
      path: summary.path,
      collection: summary.collection,
      importedAt: summary.importedAt,
      hash: summary.hash,
      importedFrom: summary.importedFrom,
      edited: [],
    }
    return withEdits(article, edits.edits(summary.id))
  }

  /** Whole articles by id from the store, read file by file in store order; unknown ids are left out. */
  async function readMany(ids: readonly string[]): Promise<Map<string, Article>> {
    const byFile = new Map<string, { entry: CatalogEntry; positions: number[]; first: number }>()
    for (const id of ids) {
      const found = catalog.locate(id)
      if (!found) continue
      const group = byFile.get(found.rel)
      if (group) group.positions.push(found.index)
      else {
        const at = found.entry.locations?.[found.index]
        byFile.set(found.rel, {
          entry: found.entry,
          positions: [found.index],
          first: at ? at[0] * 2 ** 32 + at[1] : Number.MAX_SAFE_INTEGER,
        })
      }
    }
    const out = new Map<string, Article>()
    const groups = [...byFile].sort((a, b) => a[1].first - b[1].first)
    for (const [rel, { entry, positions }] of groups) {
      const parsed = await parsedOf(rel, entry, positions)
      positions.forEach((position, i) => {
        const summary = entry.articles[position]
        const article = parsed[i]
        if (summary && article) out.set(summary.id, whole(summary, article))
      })
    }
    return out
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

  /** After the first scan: re-parse what an older parser made, rebuild what a crash lost, drop unused segments. */
  async function afterFirstScan(): Promise<void> {
    reparseInBackground(filesOfOtherParsers(), 'reparse')
    const sizes = (await store?.sizes().catch(() => undefined)) ?? new Map<number, number>()
    reparseInBackground(filesWithLostRecords(sizes), 'rebuild')
    compactInBackground(sparseSegments(sizes))
  }

  /** Deletes old segments no entry points to (their records were superseded or copied out). */
  async function dropUnusedSegments(): Promise<void> {
    const used = new Set<number>()
    for (const [, entry] of catalog.entries()) for (const [segment] of entry.locations ?? []) used.add(segment)
    await store?.dropUnused(used).catch((error) => log.debug('library: cannot drop unused store segments', error))
  }

  /** Segments where records nothing points to any more (superseded parses) are most of the bytes. */
  function sparseSegments(sizes: Map<number, number>): Set<number> {
    const live = new Map<number, number>()
    for (const [, entry] of catalog.entries()) {
      for (const [segment, , length] of entry.locations ?? []) live.set(segment, (live.get(segment) ?? 0) + length)
    }
    const sparse = new Set<number>()
    for (const [segment, size] of sizes) {
      const used = live.get(segment) ?? 0
      if (used > 0 && used < size / 2 && size - used >= COMPACT_MIN_DEAD_BYTES) sparse.add(segment)
    }
    return sparse
  }

  /**
   * Copies the live records of sparse segments to this session's segment (no parsing), so the old ones can go:
   * the store stays near the size of what it holds however often files change.
   */
  function compactInBackground(segments: Set<number>): void {
    void exclusive(async () => {
      if (segments.size > 0 && store) {
        let moved = 0
        for (const [rel, entry] of [...catalog.entries()]) {
          if (closed) break
          if (entry.parserVersion !== parserVersion || !entry.locations?.some(([s]) => segments.has(s))) continue
          const parsed = await parsedOf(
            rel,
            entry,
            entry.articles.map((_, i) => i),
          )
          if (catalog.get(rel) !== entry || parsed.some((article) => !article)) continue
          const records = parsed.map((article, i) => ({
            id: entry.articles[i]!.id,
            hash: entry.hash,
            parserVersion,
            article: article!,
          }))
          entry.locations = await store.put(records)
          moved += records.length
        }
        log.info(`library: moved ${moved} stored articles out of ${segments.size} mostly superseded store segments`)
        // The catalog must point to the copies before the old segments may go.
        await writeCatalog()
      }
      await dropUnusedSegments()
    }).catch((error) => log.warn('library: store compaction failed', error))
  }

  if (options.scanInBackground) {
    void exclusive(async () => {
      const first = await fullScan(firstWalk, true)
      log.info(`library: read ${root} (${first.added.length} new, ${first.updated.length} changed articles)`)
    })
      .then(() => afterFirstScan())
      .catch((error) => log.error('library: the first scan failed', error))
  } else {
    const first = await fullScan(firstWalk)
    log.info(
      `library: opened ${root} (${first.added.length} new, ${first.updated.length} changed articles since last time)`,
    )
    await afterFirstScan()
  }

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
      // Most rows are unread, unstarred, untagged and unedited: those are the cached rows themselves (100k copies
      // cost a GC).
      return listItems().map((item) => {
        const own = state.get(item.id)
        const corrections = edits.edits(item.id)
        const personal = own.read || own.starred || own.tags !== undefined || own.archived === true || !!own.savedAt
        return personal || corrections ? withEdits({ ...item, ...own }, corrections) : item
      })
    },

    async get(id: string): Promise<Article | undefined> {
      return (await readMany([id])).get(id)
    },

    async getMany(ids: readonly string[]): Promise<Article[]> {
      const found = await readMany(ids)
      return ids.flatMap((id) => found.get(id) ?? [])
    },

    async *articles(): AsyncIterable<Article> {
      for (const rel of catalog.paths()) {
        const entry = catalog.get(rel)
        if (!entry || entry.articles.length === 0) continue
        const parsed = await parsedOf(
          rel,
          entry,
          entry.articles.map((_, i) => i),
        )
        for (const [i, summary] of entry.articles.entries()) {
          const article = parsed[i]
          if (article) yield whole(summary, article)
        }
      }
    },

    async edit(id: string, changes: ArticleEdits): Promise<Article | undefined> {
      const found = catalog.locate(id)
      if (!found) return undefined
      const next: ArticleEdits = { ...edits.edits(id) }
      for (const field of EDITABLE_FIELDS) {
        const value = changes[field]
        if (value === undefined) continue
        // Setting a field back to what the file says drops the correction (a null title means the file's title).
        if (value === found.summary[field] || (field === 'title' && value === null)) delete next[field]
        else next[field] = value
      }
      await edits.setEdits(id, next)
      emit({ added: [], updated: [id], removed: [], cause: 'edit' })
      return library.get(id)
    },

    // --- Library safety: trash with undo (see ./trash.ts) ---
    trash(id: string): Promise<{ token: string; articles: number } | undefined> {
      return exclusive(() =>
        lockedWrite('moving a file to the trash', async () => {
          const found = catalog.locate(id)
          if (!found) return undefined
          const token = await trash.hold(found.rel)
          const change = await fullScan()
          if (hasChanges(change)) emit(change)
          return { token, articles: found.entry.articles.length }
        }),
      )
    },

    restore(token: string): Promise<boolean> {
      return exclusive(() =>
        lockedWrite('restoring a file from the trash', async () => {
          const rel = await trash.restore(token)
          if (rel === undefined) return false
          const change = await fullScan()
          if (hasChanges(change)) emit(change)
          return true
        }),
      )
    },

    flushTrash(send: (file: string) => Promise<void>): Promise<void> {
      return trash.flush(send)
    },
    // --- end trash ---

    pathOf(id: string): string | undefined {
      const found = catalog.locate(id)
      return found ? resolveInside(root, found.rel) : undefined
    },

    state(id: string): ArticleState {
      return state.get(id)
    },

    async setState(id: string, patch: Partial<ArticleState>): Promise<ArticleState> {
      const next = state.set(id, patch)
      // Library safety: while an earlier write failed, write now, so the caller learns this change is not kept.
      if (state.unsaved) await state.flush()
      return next
    },

    import(sources: ImportSource[], importOptions: ImportOptions = {}): Promise<ImportResult[]> {
      return exclusive(() =>
        lockedWrite('importing', async () => {
          const outcome = await runImport(
            {
              root,
              realRoot,
              tmpDir,
              catalog,
              maxFileBytes,
              sync: options.syncCopies ?? true,
              parse: pool.parse,
              parsePath: pool.parsePath,
              keep: async (rel, entry, parsed, from) => {
                setImportedFrom(entry, from)
                await keepParsed(entry, parsed)
                catalog.set(rel, entry)
              },
              links: async (links) => {
                const summaries = [...catalog.paths()].flatMap((rel) => catalog.get(rel)?.articles ?? [])
                const applied = await applyLinks(links, summaries, library)
                return [linksWarning(applied)]
              },
            },
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
        }),
      )
    },

    onChange(listener: (change: LibraryChange) => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    onScanProgress(listener: (report: ScanProgress) => void): () => void {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
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
      await library.settled()
      if (catalogTimer) await writeCatalog()
      await catalogWrite
      await state.flush()
      await store?.close()
      if (!options.parsePool) await pool.close()
    },

    async settled(): Promise<void> {
      // Background steps queue more steps; wait until the lock stops moving.
      let last: Promise<unknown> | undefined
      while (last !== lock) {
        last = lock
        await last
      }
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
