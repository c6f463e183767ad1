/**
 * Binds the search engine to a library: loads the persisted shards at start (the list never waits),
 * checks them against the library, indexes what changed in worker threads, follows the library's
 * changes shard by shard and persists each step.
 */
import path from 'node:path'
import type { IndexStatus, SearchRequest, SearchResponse } from '../../shared/models'
import { err, ok, type Result } from '../../shared/result'
import { DATA_DIR } from '../library/paths'
import type { Library } from '../library/types'
import type { StoryLookup } from '../stories/types'
import { hasNoteTerm, withoutNoteTerms } from '../workbench/notes'
import { log } from '../logger'
import { createBuilderPool, type BuilderPool } from './builder-pool'
import { SearchEngine, type SearchExtras } from './engine'
import { toSearchRecord, type SearchRecord } from './record'
import { loadAliases } from './names/index'
import { SEED_ALIASES } from './names/seed'
import { searchDir, ShardStore } from './store'
import type { SearchIndex } from './types'

/** Options for `openSearchIndex`. */
export interface SearchIndexOptions {
  /** Build threads (default: one per core; 0 builds in the calling thread). */
  threads?: number
  /** Documents per shard (default 2000). */
  shardSize?: number
  /** Keep the index on disk (default true). */
  persist?: boolean
}

// Changed articles are fetched and indexed in batches of this many, so memory stays bounded.
const BATCH = 2000

class LibrarySearchIndex implements SearchIndex {
  readonly #library: Library
  #stories: StoryLookup | null = null
  readonly #engine: SearchEngine
  readonly #pool: BuilderPool
  readonly #store: ShardStore | null
  #status: IndexStatus = { state: 'loading', indexed: 0, total: 0 }
  #listeners = new Set<(status: IndexStatus) => void>()
  #queue: Promise<void> = Promise.resolve()
  #loaded: Promise<void>
  #unsubscribe: () => void
  #closed = false
  #stopping = false

  constructor(library: Library, options: SearchIndexOptions) {
    this.#library = library
    // An index kept only in memory writes nothing into the library, so it uses the bundled names.
    const names =
      options.persist === false ? SEED_ALIASES : [...new Set(loadAliases(path.join(library.root, DATA_DIR)).values())]
    this.#engine = new SearchEngine({ shardSize: options.shardSize, names })
    this.#pool = createBuilderPool(options.threads)
    this.#store = options.persist === false ? null : new ShardStore(searchDir(library.root))
    // Loading yields first so opening returns at once; queries wait only for the load, never for a build.
    this.#loaded = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.#load())
    this.#enqueue(() => this.#catchUp())
    this.#unsubscribe = library.onChange((change) => {
      this.#enqueue(() => this.#update([...change.added, ...change.updated], change.removed))
    })
  }

  #setStatus(status: IndexStatus): void {
    this.#status = status
    for (const listener of this.#listeners) {
      try {
        listener(status)
      } catch (e) {
        log.error('search: a status listener failed', e)
      }
    }
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#closed) return
      try {
        await this.#loaded
        await task()
        const skipped = skippedMessage(this.#engine.skipped)
        const size = this.#engine.size
        this.#setStatus({ state: 'ready', indexed: size, total: size, ...(skipped ? { message: skipped } : {}) })
      } catch (e) {
        log.error('search: indexing failed', e)
        const message = e instanceof Error ? e.message : String(e)
        this.#setStatus({ state: 'error', indexed: this.#engine.size, total: this.#engine.size, message })
      }
    })
    this.#queue = run
    return run
  }

  async #load(): Promise<void> {
    if (!this.#store) return
    try {
      const outcome = await this.#store.load()
      if (outcome.kind === 'loaded') this.#engine.setShards(outcome.shards)
      else if (outcome.kind === 'unusable') {
        log.warn(`search: discarding the stored index (${outcome.reason}); it will be rebuilt`)
        this.#store.clear()
      }
    } catch (e) {
      log.warn('search: the stored index cannot be read; it will be rebuilt', e)
      this.#engine.clear()
    }
    this.#setStatus({ state: 'loading', indexed: this.#engine.size, total: this.#engine.size })
  }

  #save(): void {
    if (!this.#store || this.#closed) return
    try {
      this.#store.save(this.#engine.shards)
    } catch (e) {
      // The index still works from memory; it is rebuilt or re-saved next time.
      log.warn('search: cannot save the index', e)
    }
  }

  /** Brings the index in line with the library: a full build when empty, else only what changed. */
  async #catchUp(): Promise<void> {
    if (this.#store && this.#engine.shards.length > 0) {
      // Shards are searchable at once; their checksums are checked now, and a damaged one is dropped and redone.
      const damaged = await this.#store.damaged(this.#engine.shards)
      if (damaged.length > 0) {
        log.warn(`search: ${damaged.length} stored shard(s) are damaged; their articles will be indexed again`)
        this.#engine.dropShards(damaged)
      }
    }
    const list = this.#library.list()
    const indexed = this.#engine.documents()
    const total = list.length
    this.#setStatus({ state: 'building', indexed: 0, total })
    if (indexed.size === 0 && total > 0) {
      await this.#buildAll(total)
      return
    }
    const current = new Set<string>()
    const changed: string[] = []
    for (const item of list) {
      current.add(item.id)
      if (indexed.get(item.id) !== item.hash) changed.push(item.id)
    }
    const removed = [...indexed.keys()].filter((id) => !current.has(id))
    await this.#update(changed, removed)
  }

  async #buildAll(total: number): Promise<void> {
    const library = this.#library
    async function* records(): AsyncIterable<SearchRecord> {
      for await (const article of library.articles()) yield toSearchRecord(article)
    }
    await this.#engine.buildFrom(records(), this.#pool.build, {
      parallel: Math.max(1, this.#pool.threads) + 1,
      onShard: () => this.#setStatus({ state: 'building', indexed: this.#engine.size, total }),
      stop: () => this.#stopping,
    })
    this.#save()
  }

  async #update(upsertIds: string[], removals: string[]): Promise<void> {
    if (upsertIds.length === 0 && removals.length === 0) return
    const total = upsertIds.length + removals.length
    let done = 0
    for (let i = 0; i < Math.max(upsertIds.length, 1) && !this.#stopping; i += BATCH) {
      const ids = upsertIds.slice(i, i + BATCH)
      const records: SearchRecord[] = []
      const gone: string[] = i === 0 ? [...removals] : []
      // One batched read from the library's article store: no file is parsed, so this stays linear in the ids.
      const found = new Set<string>()
      for (const article of await this.#library.getMany(ids)) {
        found.add(article.id)
        records.push(toSearchRecord(article))
      }
      for (const id of ids) if (!found.has(id)) gone.push(id)
      await this.#engine.apply(records, gone, this.#pool.build)
      done += ids.length + (i === 0 ? removals.length : 0)
      this.#setStatus({ state: 'building', indexed: done, total })
      this.#save()
    }
  }

  useStories(stories: StoryLookup | null): void {
    this.#stories = stories
  }

  async matchingIds(request: SearchRequest, within?: readonly string[]): Promise<Result<string[]>> {
    await this.#loaded
    try {
      const scoped = this.#scope(request, within)
      if (!scoped.ok) return scoped
      return scoped.value ? this.#engine.matchingIds(scoped.value.request, scoped.value.extras) : ok([])
    } catch (e) {
      log.error('search: a query failed', e)
      return err('internal', `The search failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  async search(request: SearchRequest): Promise<Result<SearchResponse>> {
    await this.#loaded
    try {
      const scoped = this.#scope(request)
      if (!scoped.ok) return scoped
      if (!scoped.value) {
        return ok({ total: 0, hits: [], facets: { site: {}, language: {}, flag: {}, year: {}, collection: {} } })
      }
      return this.#engine.search(scoped.value.request, scoped.value.extras)
    } catch (e) {
      log.error('search: a query failed', e)
      return err('internal', `The search failed: ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  /**
   * A request as the engine takes it, with the ids it may match (`within`, starred/unread, a story) and how copies
   * collapse; null when it asks nothing of the articles (only `note:` terms); a failure for a story or collapse the
   * library cannot answer.
   */
  #scope(
    request: SearchRequest,
    within?: readonly string[],
  ): Result<{ request: SearchRequest; extras: SearchExtras } | null> {
    let allowed: Set<string> | undefined = within ? new Set(within) : undefined
    if (request.starred !== undefined || request.unread !== undefined) {
      const kept = new Set<string>()
      for (const item of this.#library.list()) {
        if (request.starred !== undefined && item.starred !== request.starred) continue
        if (request.unread !== undefined && item.read === request.unread) continue
        if (!allowed || allowed.has(item.id)) kept.add(item.id)
      }
      allowed = kept
    }
    request = withStoryToken(request)
    if (hasNoteTerm(request.query)) {
      // `note:` asks the user's notes (the workbench answers those); the articles get the rest of the query.
      const query = withoutNoteTerms(request.query)
      if (!query) return ok(null)
      request = { ...request, query }
    }
    if (request.story !== undefined) {
      const members = this.#stories?.members(request.story)
      if (!members) return err('not-found', `No story "${request.story}" in this library.`)
      allowed = new Set(allowed ? members.filter((id) => allowed!.has(id)) : members)
    }
    if (request.collapse && !this.#stories) {
      return err('not-allowed', 'Copies cannot be collapsed: this library has no story groups open.')
    }
    const collapseKeyOf = this.#stories ? (id: string) => this.#stories!.collapseKeyOf(id) : undefined
    return ok({ request, extras: { allowed, collapseKeyOf } })
  }

  status(): IndexStatus {
    return this.#status
  }

  onStatus(listener: (status: IndexStatus) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async ready(): Promise<void> {
    // Later changes queue behind earlier ones; wait until the queue is empty.
    let last: Promise<void> | null = null
    while (last !== this.#queue) {
      last = this.#queue
      await last
    }
  }

  rebuild(): Promise<void> {
    return this.#enqueue(async () => {
      this.#store?.clear()
      this.#engine.clear()
      const total = this.#library.list().length
      this.#setStatus({ state: 'building', indexed: 0, total })
      await this.#buildAll(total)
    })
  }

  async close(): Promise<void> {
    this.#stopping = true
    this.#unsubscribe()
    // Let the running step finish so no shard file is left half-written.
    await this.#queue
    this.#closed = true
    await this.#pool.close()
    this.#engine.clear()
    this.#listeners.clear()
  }
}

// `story:ID` anywhere in the query text, as a word of its own.
const STORY_TOKEN = /(^|\s)story:(\S+)/

/** The request with a `story:ID` of its query text moved into `story` (the query keeps the rest). */
export function withStoryToken(request: SearchRequest): SearchRequest {
  const found = STORY_TOKEN.exec(request.query)
  if (!found) return request
  const query = (request.query.slice(0, found.index) + found[1] + request.query.slice(found.index + found[0].length))
    .replace(/\s+/g, ' ')
    .trim()
  return { ...request, query, story: request.story ?? found[2] }
}

/** One sentence naming the articles indexing had to leave out (a few of them), or null. */
function skippedMessage(skipped: ReadonlyMap<string, string>): string | null {
  if (skipped.size === 0) return null
  const named = [...skipped].slice(0, 3).map(([id, reason]) => `${id} (${reason})`)
  const more = skipped.size > named.length ? ` and ${skipped.size - named.length} more` : ''
  const count = `${skipped.size} article${skipped.size === 1 ? '' : 's'}`
  return `${count} could not be indexed and ${skipped.size === 1 ? 'is' : 'are'} left out of search: ${named.join(', ')}${more}.`
}

/**
 * Opens the search index of a library. Returns at once; the stored index loads in the background
 * and is then brought up to date (`ready()` resolves when it is).
 */
export async function openSearchIndex(library: Library, options: SearchIndexOptions = {}): Promise<SearchIndex> {
  return new LibrarySearchIndex(library, options)
}
