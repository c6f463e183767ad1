/**
 * Import: copies files from outside into the library, never touching the originals and never overwriting.
 *
 * Every input file gets its own result; one bad file never stops the batch. Files are read, hashed and parsed
 * a few at a time ahead of the commit step, which runs strictly in input order (duplicates and `name (2)` numbering
 * are decided in the order the user gave).
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ImportSource } from '../../shared/ipc-contract'
import type { ImportProgress, ImportResult } from '../../shared/models'
import { tooLargeReason } from '../formats/index'
import { formatOf, SUPPORTED_EXTENSIONS, type ParseOutcome, type SavedLink } from '../formats/types'
import { log } from '../logger'
import { linkNew, writeTemp, type TempFile } from './atomic'
import { assetsBeside, copyAssets, gatherDroppedAssets, type PageAssets } from './media'
import type { Catalog, CatalogEntry } from './catalog'
import { buildEntry, safeParsePath, sha256File } from './entry'
import { extensionOf, isHiddenName, isInside, resolveInside, sha256, validCollection } from './paths'
import { notRegularReason, walk } from './walk'

/** What an import needs from the open library. */
export interface ImportContext {
  root: string
  /** The real path of the root (symlinks resolved). */
  realRoot: string
  tmpDir: string
  catalog: Catalog
  maxFileBytes: number
  /** fsync every copy before it is linked into place (default true). */
  sync?: boolean
  /** Parses a file's bytes (in a worker pool, or inline). */
  parse(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<ParseOutcome>
  /** Parses a streamed format's file (web archive) from its path (default: in this thread). */
  parsePath?(filePath: string, fileName: string, maxBytes: number, size: number): Promise<ParseOutcome>
  /** Takes a copied file's entry and parsed articles (into the catalog and the article store); never throws. */
  keep?(rel: string, entry: CatalogEntry, outcome: Extract<ParseOutcome, { ok: true }>, from: string): Promise<void>
  /** Gives a read-later export's links to the articles holding their addresses; returns the result's warnings. */
  links?(links: SavedLink[]): Promise<string[]>
}

/** Time spent per stage, in milliseconds (summed over files). */
export interface StageTimes {
  read: number
  hash: number
  parse: number
  copy: number
}

/** Where the time of an import went: per stage, and per stage for each extension with file and byte counts. */
export interface ImportTimings extends StageTimes {
  byExtension: Record<string, StageTimes & { files: number; bytes: number }>
}

function addTime(timings: ImportTimings, ext: string, stage: keyof StageTimes, ms: number): void {
  timings[stage] += ms
  const forExt = (timings.byExtension[ext] ??= { files: 0, bytes: 0, read: 0, hash: 0, parse: 0, copy: 0 })
  forExt[stage] += ms
}

/** An import's results, the ids it added, and its timings. */
export interface ImportOutcome {
  results: ImportResult[]
  added: string[]
  timings: ImportTimings
}

/** One input file, once sources are expanded. */
interface ImportItem {
  /** What the user gave (the `file` of its result). */
  file: string
  /** Its absolute path, for a file read from disk: the provenance a colleague can follow, whatever the cwd was. */
  absolute?: string
  /** The folder it goes into, relative to the root ('' for the root). */
  targetDir: string
  name: string
  /** A reason known before reading (hidden name, vanished source, …). */
  failure?: string
  load?: () => Promise<Uint8Array>
  size?: number
  /** A saved page's assets folder (`page_files/`), copied beside the page once it is in (see ./media.ts). */
  assets?: () => Promise<PageAssets | undefined>
}

interface Prepared {
  item: ImportItem
  failure?: string
  bytes?: Uint8Array
  hash?: string
  outcome?: ParseOutcome
  /** A streamed format's copy, already in the library's temp folder (never read whole into memory). */
  tmp?: TempFile
}

/** How many files are read and parsed ahead of the in-order decisions. */
const READ_AHEAD = 8

/** How many copies (write, fsync, link) run at once; fsync waits on the disk, not the CPU. */
const COPIES_IN_FLIGHT = 8

/** What one batch shares between its items. */
interface Batch {
  /** The first article id per content hash: the library's, then this batch's (undefined when that copy failed). */
  firstByHash: Map<string, Promise<string | undefined>>
  /** Read-later exports (links, no articles, so no id): the library path of the first copy per content hash. */
  exportByHash: Map<string, Promise<string | undefined>>
  /** The last copy into each target name, so two same-named files are numbered in input order. */
  nameChains: Map<string, Promise<unknown>>
  readyDirs: Map<string, string | Error>
  timings: ImportTimings
}

/** Runs one import; the caller holds the library's lock and saves the catalog afterwards. */
export async function runImport(
  ctx: ImportContext,
  sources: ImportSource[],
  into: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const timings: ImportTimings = { read: 0, hash: 0, parse: 0, copy: 0, byExtension: {} }
  const items = validCollection(into) ? await expandSources(sources, into) : await badCollection(sources, into)
  const batch: Batch = {
    firstByHash: new Map(),
    exportByHash: new Map(),
    nameChains: new Map(),
    readyDirs: new Map(),
    timings,
  }
  for (const [hash, id] of ctx.catalog.hashIndex()) batch.firstByHash.set(hash, Promise.resolve(id))
  for (const rel of ctx.catalog.paths()) {
    const entry = ctx.catalog.get(rel)
    // A file without articles and without an error is a read-later export (see buildEntry).
    if (entry && entry.articles.length === 0 && !entry.error && !batch.exportByHash.has(entry.hash))
      batch.exportByHash.set(entry.hash, Promise.resolve(rel))
  }
  await fs.mkdir(ctx.tmpDir, { recursive: true }).catch(() => {})
  const total = items.length
  const results: ImportResult[] = new Array(total)
  let done = 0
  const report = (progress: ImportProgress) => {
    try {
      onProgress?.(progress)
    } catch (error) {
      log.error('import: a progress listener threw', error)
    }
  }

  const pending: Promise<Prepared>[] = []
  const start = (i: number) => {
    const item = items[i]
    if (item) pending[i] = prepare(ctx, item, timings)
  }
  for (let i = 0; i < READ_AHEAD; i++) start(i)

  const inFlight = new Set<Promise<void>>()
  for (let i = 0; i < total; i++) {
    const prepared = await pending[i]!
    delete pending[i]
    start(i + READ_AHEAD)
    const task = commit(ctx, prepared, batch).then((result) => {
      results[i] = result
      done += 1
      report({ done, total, current: result.file })
    })
    inFlight.add(task)
    void task.finally(() => inFlight.delete(task))
    if (inFlight.size >= COPIES_IN_FLIGHT) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  report({ done: total, total, current: null })
  const added = results.flatMap((result) => (result.status === 'imported' ? result.articles : []))
  return { results, added, timings }
}

function failed(file: string, error: string, warnings: string[] = []): ImportResult {
  return { file, status: 'failed', articles: [], error, warnings }
}

async function badCollection(sources: ImportSource[], into: string): Promise<ImportItem[]> {
  const failure = `"${into}" is not a valid collection name (a relative folder path without ".." or hidden parts)`
  return sources.map((source) => ({
    file: source.kind === 'path' ? source.path : source.name,
    targetDir: '',
    name: '',
    failure,
  }))
}

function joinRel(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/')
}

/** Turns sources into one item per input file; folders expand recursively (hidden names skipped). */
async function expandSources(sources: ImportSource[], into: string): Promise<ImportItem[]> {
  const items: ImportItem[] = []
  for (const source of sources) {
    if (source.kind === 'bytes') {
      const parts = source.name.split(/[\\/]/).filter((part) => part !== '' && part !== '.')
      const name = parts.pop() ?? ''
      const hidden = [...parts, name].find((part) => isHiddenName(part) || part === '..')
      const item: ImportItem = {
        file: source.name,
        targetDir: joinRel(into, ...parts),
        name,
        size: source.bytes.length,
      }
      if (name === '') item.failure = 'the file has no name'
      else if (hidden) item.failure = `hidden name "${hidden}": files and folders starting with "." are not imported`
      else item.load = async () => source.bytes
      items.push(item)
      continue
    }
    const given = source.path
    const abs = path.resolve(given)
    let stats
    try {
      stats = await fs.stat(abs)
    } catch (error) {
      items.push({ file: given, targetDir: into, name: path.basename(abs), failure: readFailure(error) })
      continue
    }
    const base = path.basename(abs)
    if (stats.isDirectory()) {
      if (isHiddenName(base)) {
        items.push({ file: given, targetDir: into, name: base, failure: `hidden folder "${base}" is not imported` })
        continue
      }
      const unreadable: [string, string][] = []
      const skipped: [string, string][] = []
      let found
      try {
        // A link inside a dropped folder that leads out of it (to /etc, say) is not what the user dropped.
        found = await walk(abs, {
          confineTo: await fs.realpath(abs),
          onUnreadable: (rel, code) => unreadable.push([rel, code]),
          onSkipped: (rel, reason) => skipped.push([rel, reason]),
        })
      } catch (error) {
        items.push({
          file: given,
          targetDir: into,
          name: base,
          failure: `the folder cannot be read (${errorCode(error)})`,
        })
        continue
      }
      for (const [rel, code] of unreadable) {
        const file = rel ? path.join(given, ...rel.split('/')) : given
        items.push({ file, targetDir: into, name: base, failure: `the folder cannot be read (${code})` })
      }
      for (const [rel, reason] of skipped) {
        items.push({ file: path.join(given, ...rel.split('/')), targetDir: into, name: base, failure: reason })
      }
      for (const file of found.files) {
        const slash = file.rel.lastIndexOf('/')
        items.push({
          file: path.join(given, ...file.rel.split('/')),
          absolute: path.join(abs, ...file.rel.split('/')),
          targetDir: joinRel(into, base, slash < 0 ? '' : file.rel.slice(0, slash)),
          name: file.rel.slice(slash + 1),
          size: file.size,
          load: () => fs.readFile(path.join(abs, ...file.rel.split('/'))),
          assets: () => assetsBeside(path.join(abs, ...file.rel.split('/'))),
        })
      }
    } else if (stats.isFile()) {
      const item: ImportItem = { file: given, absolute: abs, targetDir: into, name: base, size: stats.size }
      if (isHiddenName(base)) item.failure = `hidden file "${base}": files starting with "." are not imported`
      else {
        item.load = () => fs.readFile(abs)
        item.assets = () => assetsBeside(abs)
      }
      items.push(item)
    } else {
      items.push({ file: given, targetDir: into, name: base, failure: notRegularReason(stats) })
    }
  }
  return gatherDroppedAssets(items)
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
}

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'file not found'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: the file cannot be read'
  if (code === 'EISDIR') return 'a folder where a file was expected'
  return `the file cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`
}

/** Checks, reads, hashes and parses one item; everything but the copy. */
async function prepare(ctx: ImportContext, item: ImportItem, timings: ImportTimings): Promise<Prepared> {
  if (item.failure || !item.load) return { item, failure: item.failure ?? 'nothing to read' }
  const ext = extensionOf(item.name)
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    const known = SUPPORTED_EXTENSIONS.join(', ')
    return {
      item,
      failure: ext
        ? `unsupported file type "${ext}" (Broadsheet reads ${known})`
        : `no file extension (Broadsheet reads ${known})`,
    }
  }
  if (formatOf(item.name)?.streamed && item.absolute) return prepareStreamed(ctx, item, ext, timings)
  const tooBig = (size: number) => tooLargeReason(size, ctx.maxFileBytes)
  if (item.size !== undefined && item.size > ctx.maxFileBytes) return { item, failure: tooBig(item.size) }
  let bytes: Uint8Array
  let t = performance.now()
  try {
    bytes = await item.load()
  } catch (error) {
    return { item, failure: readFailure(error) }
  } finally {
    addTime(timings, ext, 'read', performance.now() - t)
  }
  if (bytes.length > ctx.maxFileBytes) return { item, failure: tooBig(bytes.length) }
  timings.byExtension[ext]!.files += 1
  timings.byExtension[ext]!.bytes += bytes.length
  t = performance.now()
  const hash = sha256(bytes)
  addTime(timings, ext, 'hash', performance.now() - t)
  t = performance.now()
  const outcome = await ctx.parse(bytes, item.name, ctx.maxFileBytes)
  addTime(timings, ext, 'parse', performance.now() - t)
  return { item, bytes, hash, outcome }
}

/**
 * A web archive from disk, never read whole: copied into the temp folder (copyFile), hashed as a stream, and
 * parsed from that copy's path (which becomes the library's file), each record capped instead of the file.
 */
async function prepareStreamed(
  ctx: ImportContext,
  item: ImportItem,
  ext: string,
  timings: ImportTimings,
): Promise<Prepared> {
  let t = performance.now()
  let tmp: TempFile
  try {
    tmp = await copyTemp(ctx, item.absolute!)
  } catch (error) {
    return { item, failure: readFailure(error) }
  } finally {
    addTime(timings, ext, 'read', performance.now() - t)
  }
  timings.byExtension[ext]!.files += 1
  timings.byExtension[ext]!.bytes += tmp.size
  t = performance.now()
  let hash: string
  try {
    hash = await sha256File(tmp.path)
  } catch (error) {
    await fs.rm(tmp.path, { force: true })
    return { item, failure: readFailure(error) }
  }
  addTime(timings, ext, 'hash', performance.now() - t)
  t = performance.now()
  const outcome = ctx.parsePath
    ? await ctx.parsePath(tmp.path, item.name, ctx.maxFileBytes, tmp.size)
    : await safeParsePath(tmp.path, item.name, ctx.maxFileBytes)
  addTime(timings, ext, 'parse', performance.now() - t)
  // Only the file's copy is kept; the bytes stay on disk.
  return { item, bytes: new Uint8Array(), hash, outcome, tmp }
}

/** Copies a file into the library's temp folder by the file system (no bytes through memory), synced. */
async function copyTemp(ctx: ImportContext, source: string): Promise<TempFile> {
  const tmp = path.join(ctx.tmpDir, `stream-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.part`)
  await fs.copyFile(source, tmp, fs.constants.COPYFILE_EXCL)
  try {
    const handle = await fs.open(tmp, 'r+')
    try {
      if (ctx.sync ?? true) await handle.sync()
      const stats = await handle.stat()
      return { path: tmp, size: stats.size, mtimeMs: stats.mtimeMs }
    } finally {
      await handle.close()
    }
  } catch (error) {
    await fs.rm(tmp, { force: true })
    throw error
  }
}

/** Makes (once per batch) the folder an item goes into and checks it really lies inside the library. */
async function targetFolder(ctx: ImportContext, rel: string, ready: Map<string, string | Error>): Promise<string> {
  const known = ready.get(rel)
  if (known instanceof Error) throw known
  if (known) return known
  try {
    const abs = rel === '' ? ctx.root : resolveInside(ctx.root, rel)
    if (!abs) throw new Error(`"${rel}" is not a folder inside the library`)
    await fs.mkdir(abs, { recursive: true })
    if (!isInside(ctx.realRoot, await fs.realpath(abs))) throw new Error(`"${rel}" leads outside the library`)
    ready.set(rel, abs)
    return abs
  } catch (error) {
    const wrapped = new Error(`cannot create the folder "${rel}": ${error instanceof Error ? error.message : error}`)
    ready.set(rel, wrapped)
    throw wrapped
  }
}

/**
 * Decides duplicate or copy for one prepared item. The decision is taken synchronously when called (so in input
 * order); the copy then runs alongside others.
 */
function commit(ctx: ImportContext, prepared: Prepared, batch: Batch): Promise<ImportResult> {
  const { item, bytes, hash, outcome } = prepared
  // A streamed copy that will not be linked in goes from the temp folder.
  const dropTemp = () => (prepared.tmp ? void fs.rm(prepared.tmp.path, { force: true }).catch(() => {}) : undefined)
  if (prepared.failure || !bytes || !hash || !outcome) {
    dropTemp()
    return Promise.resolve(failed(item.file, prepared.failure ?? 'not read'))
  }
  if (!outcome.ok) {
    dropTemp()
    return Promise.resolve(failed(item.file, outcome.reason))
  }
  // A read-later export (links, no text) is kept: the user's file, whose links go to the articles (./links.ts).
  if (outcome.articles.length === 0 && !outcome.links?.length) {
    dropTemp()
    return Promise.resolve(failed(item.file, 'no article found in the file', outcome.warnings))
  }
  // An export's copy is known by its path (it has no article id); its links are applied again on every import.
  const linkExport = outcome.articles.length === 0
  const firsts = linkExport ? batch.exportByHash : batch.firstByHash
  const earlier = firsts.get(hash)
  let settle: (id: string | undefined) => void = () => {}
  const mine = new Promise<string | undefined>((resolve) => (settle = resolve))
  firsts.set(hash, earlier ? earlier.then((id) => id ?? mine) : mine)
  const nameKey = `${item.targetDir}/${item.name}`
  const previousSameName = batch.nameChains.get(nameKey)

  const run = async (): Promise<ImportResult> => {
    const duplicateOf = earlier ? await earlier : undefined
    if (duplicateOf && linkExport) {
      dropTemp()
      settle(undefined)
      // The user's state could not be written (a full disk): said in the result, never a crash of the batch.
      const linkWarnings = ctx.links
        ? await ctx
            .links(outcome.links!)
            .catch((error: unknown) => [
              `its links could not be applied: ${error instanceof Error ? error.message : String(error)}`,
            ])
        : []
      const again = `already in the library as ${duplicateOf}: its links are applied again`
      return {
        file: item.file,
        status: 'duplicate',
        articles: [],
        warnings: [again, ...outcome.warnings, ...linkWarnings],
      }
    }
    if (duplicateOf) {
      dropTemp()
      settle(undefined)
      return { file: item.file, status: 'duplicate', articles: [], duplicateOf, warnings: outcome.warnings }
    }
    const t = performance.now()
    try {
      const dir = await targetFolder(ctx, item.targetDir, batch.readyDirs)
      const tmp = prepared.tmp ?? (await writeTemp(ctx.tmpDir, bytes, ctx.sync ?? true))
      await previousSameName
      const name = await linkNew(tmp.path, dir, item.name)
      const rel = joinRel(item.targetDir, name)
      // Assets before the page is kept, so the reader never opens it without its images.
      const assets = await item.assets?.()
      const assetWarnings = assets ? await copyAssets(assets, dir, name, ctx) : []
      const entry = buildEntry(rel, bytes, tmp, new Date().toISOString(), ctx.maxFileBytes, hash, outcome)
      if (ctx.keep) await ctx.keep(rel, entry, outcome, item.absolute ?? item.file)
      else ctx.catalog.set(rel, entry)
      const ids = entry.articles.map((article) => article.id)
      settle(linkExport ? rel : ids[0])
      const linkWarnings = outcome.links?.length && ctx.links ? await ctx.links(outcome.links) : []
      const warnings = [...outcome.warnings, ...assetWarnings, ...linkWarnings]
      return { file: item.file, status: 'imported', articles: ids, warnings }
    } catch (error) {
      dropTemp()
      settle(undefined)
      log.warn(`import: cannot copy ${item.file}`, error)
      const reason = error instanceof Error ? error.message : String(error)
      return failed(item.file, `cannot copy into the library: ${reason}`)
    } finally {
      addTime(batch.timings, extensionOf(item.name), 'copy', performance.now() - t)
    }
  }
  const result = run()
  batch.nameChains.set(
    nameKey,
    result.catch(() => {}),
  )
  return result
}
