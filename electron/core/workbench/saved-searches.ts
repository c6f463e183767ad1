/**
 * Saved searches in `<library>/.broadsheet/saved-searches.json`: a name, the request, when it was made and the ids
 * the user has seen (its matches when made, then at each open). After every library change, once the search index
 * has caught up, each one's matches are counted again; the ones not seen are its new matches.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { SearchRequest } from '../../shared/models'
import { err, ok, type Result } from '../../shared/result'
import type { SavedSearch, SavedSearchMatches } from '../../shared/workbench'
import { writeFileAtomic } from '../library/atomic'
import type { Library } from '../library/types'
import { log } from '../logger'
import type { SearchIndex } from '../search/types'

/** The saved searches file's name inside `.broadsheet/`. */
export const SAVED_FILE = 'saved-searches.json'

const VERSION = 1
const MAX_NAME = 100

interface StoredSaved {
  name: string
  request: SearchRequest
  created: string
  /** The matches at the last open (or when saved). */
  seen: string[]
}

interface Counted {
  ids: string[]
  newIds: string[]
}

/** What changed since the last count: the ids to look at again, or everything (a first count). */
type Pending = { all: true } | { all: false; changed: Set<string>; removed: Set<string> }

/** The request as kept: no page, no collapsing of copies (a saved search counts every matching article). */
function keptRequest(request: SearchRequest): SearchRequest {
  const { offset: _offset, limit: _limit, ...rest } = request
  return rest
}

/** A name's problem, or null when it is usable. */
function badName(name: string): string | null {
  if (!name.trim()) return 'A saved search needs a name.'
  if (name !== name.trim()) return 'A saved search name cannot start or end with spaces.'
  if (name.length > MAX_NAME) return `A saved search name has at most ${MAX_NAME} characters.`
  if (/\p{Cc}/u.test(name)) return 'A saved search name cannot hold control characters.'
  return null
}

/** The saved searches of one library, kept counted as the library changes. */
export class SavedSearches {
  readonly #file: string
  readonly #tmpDir: string
  readonly #search: SearchIndex
  #items = new Map<string, StoredSaved>()
  #counts = new Map<string, Counted>()
  #writing: Promise<unknown> = Promise.resolve()
  /** The file's identity when last read or written (inode, size, mtime); null when absent. */
  #version: string | null = null
  #refreshing: Promise<void> = Promise.resolve()
  #pending: Pending | null = { all: true }
  #unsubscribe: () => void

  private constructor(dataDir: string, library: Library, search: SearchIndex) {
    this.#file = path.join(dataDir, SAVED_FILE)
    this.#tmpDir = path.join(dataDir, 'tmp')
    this.#search = search
    this.#unsubscribe = library.onChange((change) => {
      if (this.#pending?.all !== true) {
        const pending = this.#pending ?? { all: false, changed: new Set<string>(), removed: new Set<string>() }
        for (const id of [...change.added, ...change.updated]) pending.changed.add(id)
        for (const id of change.removed) pending.removed.add(id)
        this.#pending = pending
      }
      void this.#refresh()
    })
  }

  /** Loads the saved searches of a library (an unreadable file is set aside and logged) and follows its changes. */
  static async open(dataDir: string, library: Library, search: SearchIndex): Promise<SavedSearches> {
    const saved = new SavedSearches(dataDir, library, search)
    await saved.#sync()
    return saved
  }

  async #stat(): Promise<string | null> {
    const st = await fs.stat(this.#file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    })
    return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : null
  }

  /** Reads the file again when another process (the CLI beside the app) changed it since the last read or write. */
  async #sync(): Promise<void> {
    const version = await this.#stat().catch(() => 'unknown')
    if (version === this.#version && version !== 'unknown') return
    const items = new Map<string, StoredSaved>()
    try {
      const parsed = JSON.parse(await fs.readFile(this.#file, 'utf8')) as { version?: number; searches?: unknown }
      if (parsed?.version !== VERSION || !Array.isArray(parsed.searches)) throw new Error('unknown version or shape')
      for (const s of parsed.searches as StoredSaved[]) {
        if (typeof s?.name !== 'string' || typeof s.request?.query !== 'string' || !Array.isArray(s.seen)) {
          throw new Error('an entry has the wrong shape')
        }
        items.set(s.name, s)
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        const aside = `${this.#file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
        log.warn(`workbench: unusable ${SAVED_FILE}, moved to ${path.basename(aside)}`, error)
        await fs.rename(this.#file, aside).catch((e: unknown) => log.error(`cannot move ${SAVED_FILE} aside`, e))
      }
    }
    this.#items = items
    this.#version = version === 'unknown' ? null : version
    // What was seen may have changed with the file: count everything again.
    this.#counts.clear()
    this.#pending = { all: true }
  }

  /** Runs one change after the ones before it, on the file as it is now: one writer at a time. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#writing
      .catch(() => {})
      .then(async () => {
        await this.#sync()
        return task()
      })
    this.#writing = run
    return run
  }

  /**
   * Brings every saved search's matches up to date once the index has caught up: a first count runs each search
   * whole; after a change only the changed articles are checked (the cost the import batch pays), removed ones leave.
   */
  #refresh(): Promise<void> {
    const run = this.#refreshing.then(async () => {
      const pending = this.#pending
      if (!pending) return
      this.#pending = null
      await this.#search.ready()
      for (const s of [...this.#items.values()]) {
        const before = this.#counts.get(s.name)
        if (pending.all || !before) {
          const counted = await this.#count(s)
          if (counted) this.#counts.set(s.name, counted)
          continue
        }
        const answer = await this.#search.matchingIds(s.request, [...pending.changed])
        if (!answer.ok) continue
        const seen = new Set(s.seen)
        const ids = before.ids.filter((id) => !pending.changed.has(id) && !pending.removed.has(id))
        ids.push(...answer.value)
        this.#counts.set(s.name, { ids, newIds: ids.filter((id) => !seen.has(id)) })
      }
    })
    this.#refreshing = run.catch((error: unknown) => log.error('workbench: cannot count saved searches', error))
    return this.#refreshing
  }

  async #count(s: StoredSaved): Promise<Counted | null> {
    const answer = await this.#search.matchingIds(s.request)
    if (!answer.ok) {
      log.warn(`workbench: saved search "${s.name}" failed: ${answer.error.message}`)
      return null
    }
    const seen = new Set(s.seen)
    return { ids: answer.value, newIds: answer.value.filter((id) => !seen.has(id)) }
  }

  #view(s: StoredSaved): SavedSearch {
    const counted = this.#counts.get(s.name)
    return {
      name: s.name,
      request: s.request,
      created: s.created,
      total: counted?.ids.length ?? 0,
      newCount: counted?.newIds.length ?? 0,
    }
  }

  /** Every saved search with its counts as of the library's latest change, in the order they were made. */
  async list(): Promise<SavedSearch[]> {
    await this.#enqueue(async () => {})
    await this.#refresh()
    return [...this.#items.values()].map((s) => this.#view(s))
  }

  /** Saves a request under a new name; its current matches count as seen. */
  add(name: string, request: SearchRequest): Promise<Result<SavedSearch>> {
    return this.#enqueue(() => this.#add(name, request))
  }

  async #add(name: string, request: SearchRequest): Promise<Result<SavedSearch>> {
    const problem = badName(name)
    if (problem) return err('invalid-argument', problem)
    if (this.#items.has(name)) return err('invalid-argument', `A saved search named "${name}" already exists.`)
    const kept = keptRequest(request)
    await this.#search.ready()
    const answer = await this.#search.matchingIds(kept)
    if (!answer.ok) return answer
    const s: StoredSaved = { name, request: kept, created: new Date().toISOString(), seen: answer.value }
    this.#items.set(name, s)
    this.#counts.set(name, { ids: answer.value, newIds: [] })
    await this.#write()
    return ok(this.#view(s))
  }

  /** The current matches of a saved search without marking anything seen (for exports). */
  async ids(name: string): Promise<Result<string[]>> {
    const s = this.#items.get(name)
    if (!s) return err('not-found', `No saved search named "${name}".`)
    await this.#search.ready()
    return this.#search.matchingIds(s.request)
  }

  /** Opens a saved search: its matches, new ones first; they are seen from now on. */
  open(name: string): Promise<Result<SavedSearchMatches>> {
    return this.#enqueue(() => this.#open(name))
  }

  async #open(name: string): Promise<Result<SavedSearchMatches>> {
    const s = this.#items.get(name)
    if (!s) return err('not-found', `No saved search named "${name}".`)
    await this.#refresh()
    await this.#search.ready()
    const counted = await this.#count(s)
    if (!counted) return err('query-syntax', `The saved search "${name}" cannot be run on this library.`)
    const fresh = new Set(counted.newIds)
    const saved = this.#view(s)
    const view: SavedSearch = { ...saved, total: counted.ids.length, newCount: counted.newIds.length }
    s.seen = counted.ids
    this.#counts.set(name, { ids: counted.ids, newIds: [] })
    await this.#write()
    return ok({
      saved: view,
      newIds: counted.newIds,
      ids: [...counted.newIds, ...counted.ids.filter((id) => !fresh.has(id))],
    })
  }

  /** Forgets a saved search; false when unknown. */
  remove(name: string): Promise<boolean> {
    return this.#enqueue(async () => {
      if (!this.#items.delete(name)) return false
      this.#counts.delete(name)
      await this.#write()
      return true
    })
  }

  /** Stops following the library and waits for the last count and write. */
  async close(): Promise<void> {
    this.#unsubscribe()
    await this.#refreshing
    await this.#writing.catch(() => {})
  }

  async #write(): Promise<void> {
    const data = { version: VERSION, searches: [...this.#items.values()] }
    await writeFileAtomic(this.#file, JSON.stringify(data, null, 2) + '\n', this.#tmpDir)
    this.#version = await this.#stat()
  }
}
