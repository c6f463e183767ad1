/**
 * The stories of an open library: signatures cached in `.broadsheet/stories/`, groups of copies and versions, and
 * same-story clusters, kept in step with the library's changes.
 *
 * Stays together because it is one lifecycle: load the cache, catch up with the library, regroup, follow changes.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ArticleListItem } from '../../shared/models'
import type { SimilarAnswer, StoriesRequest, StoriesStatus, StoryCluster } from '../../shared/stories'
import { writeFileAtomic } from '../library/atomic'
import { DATA_DIR } from '../library/paths'
import type { Library } from '../library/types'
import { log } from '../logger'
import { byTime, joinNew } from './groups'
import { StoriesWorker, type GroupingEntry } from './grouping'
import { decodeSignature, encodeSignature, similarityOf, storyTermsOf } from './signature'
import type { Stories } from './types'

/** The stories of a library without the diff and the timeline (which `openStories` in index.ts adds). */
export type StoryGroups = Omit<Stories, 'diff' | 'timeline'>

/** Options for `openStoryGroups` (and `openStories`). */
export interface StoriesOptions {
  /** Keep signatures on disk (default true). */
  persist?: boolean
  /** How long to wait for more changes before regrouping (default 100 ms). */
  settleMs?: number
  /** Sign and group in a worker thread (default true; false: in the calling thread). */
  worker?: boolean
}

/** Bumped whenever a signature or the stored terms would come out differently. */
const CACHE_VERSION = 2

// Up to this many new articles join their groups at once, before the whole pass; more wait for the pass.
const JOIN_LIMIT = 200

// Articles read from the store per step: bounded memory, and a yield between steps keeps the app responsive.
const BATCH = 500

/**
 * What "the very same bytes" means for one article: its file's hash and its place in the file. Every record of a
 * WARC, EPUB or JSONL file shares the file's hash, and is not a copy of the others for that.
 */
export function bytesKey(item: { id: string; hash: string }): string {
  const dash = item.id.lastIndexOf('-')
  return dash < 0 ? item.hash : `${item.hash}:${item.id.slice(dash + 1)}`
}

/** What the cache keeps per article, valid while the content hash stays. */
interface Cached {
  hash: string
  sig: Uint32Array | null
  /** The lead's story terms (the title's come from the list, as a user may correct it). */
  lead: string[]
}

interface CacheFile {
  version: number
  /** id → [hash, signature (base64) or '', lead terms joined by spaces] */
  articles: Record<string, [string, string, string]>
}

/** The directory of the stories' cache. */
export function storiesDir(root: string): string {
  return path.join(root, DATA_DIR, 'stories')
}

/** The date an article is placed by: published, else captured, else imported. */
function seenOf(item: Pick<ArticleListItem, 'published' | 'capturedAt' | 'importedAt'>): string | null {
  return item.published ?? item.capturedAt ?? item.importedAt ?? null
}

function timeOf(iso: string | null): number {
  return iso ? Date.parse(iso) : NaN
}

const STORY_PREFIX = 's-'

class LibraryStories implements StoryGroups {
  readonly #library: Library
  readonly #file: string | null
  readonly #tmpDir: string
  readonly #settleMs: number
  readonly #worker: StoriesWorker
  #grouped = false
  #waiting = false
  // Answers wait for the first grouping only: later changes show as soon as they are joined, not after a pass.
  readonly #first: Promise<void>
  #cache = new Map<string, Cached>()
  #copies = new Map<string, readonly string[]>()
  #versions = new Map<string, readonly string[]>()
  #storyOf = new Map<string, StoryCluster>()
  #clusters = new Map<string, StoryCluster>()
  #queue: Promise<void> = Promise.resolve()
  #timer: NodeJS.Timeout | null = null
  #unsubscribe: () => void
  #closed = false
  readonly #listeners = new Set<(status: StoriesStatus) => void>()
  // Whether a 'grouping' was told and its 'ready' not yet.
  #announced = false

  constructor(library: Library, options: StoriesOptions) {
    this.#library = library
    this.#file = options.persist === false ? null : path.join(storiesDir(library.root), 'signatures.json')
    this.#tmpDir = path.join(library.root, DATA_DIR, 'tmp')
    this.#settleMs = options.settleMs ?? 100
    this.#worker = new StoriesWorker(options.worker ?? true)
    // Opening returns at once; the first catch-up runs behind it.
    this.#first = this.#enqueue(async () => {
      await new Promise<void>((resolve) => setImmediate(resolve))
      await this.#load()
      await this.#refresh()
    })
    this.#unsubscribe = library.onChange(() => {
      if (this.#timer) clearTimeout(this.#timer)
      this.#timer = setTimeout(() => {
        this.#timer = null
        // One waiting refresh reads every change so far: while a long pass runs, later changes add no more passes.
        if (this.#waiting) return
        this.#waiting = true
        void this.#enqueue(() => {
          this.#waiting = false
          return this.#refresh()
        })
      }, this.#settleMs)
    })
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(async () => {
      if (this.#closed) return
      try {
        await task()
      } catch (e) {
        log.error('stories: grouping failed', e)
        // A failed pass still ends: the view stops saying it is grouping and shows the last groups.
        if (this.#announced) this.#tell('ready')
      }
    })
    this.#queue = run
    return run
  }

  async #load(): Promise<void> {
    if (!this.#file) return
    let text: string
    try {
      text = await fs.readFile(this.#file, 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('stories: cannot read the signature cache', e)
      return
    }
    const problem = this.#parse(text)
    if (problem) log.warn(`stories: the signature cache is unusable (${problem}); it will be rebuilt`)
  }

  /** Fills the cache from the file's text; a reason when it cannot be used (the cache then stays empty). */
  #parse(text: string): string | null {
    let data: CacheFile
    try {
      data = JSON.parse(text) as CacheFile
    } catch {
      return 'not JSON'
    }
    if (!data || typeof data !== 'object' || data.version !== CACHE_VERSION || typeof data.articles !== 'object') {
      return 'an unknown version'
    }
    const cache = new Map<string, Cached>()
    for (const [id, entry] of Object.entries(data.articles ?? {})) {
      if (!Array.isArray(entry) || entry.length !== 3 || !entry.every((v) => typeof v === 'string')) {
        return `a malformed entry for ${id}`
      }
      const [hash, sig, lead] = entry
      const decoded = sig === '' ? null : decodeSignature(sig)
      if (sig !== '' && !decoded) return `a malformed signature for ${id}`
      cache.set(id, { hash, sig: decoded, lead: lead === '' ? [] : lead.split(' ') })
    }
    this.#cache = cache
    return null
  }

  async #save(): Promise<void> {
    if (!this.#file || this.#closed) return
    const articles: CacheFile['articles'] = {}
    for (const [id, c] of this.#cache) articles[id] = [c.hash, c.sig ? encodeSignature(c.sig) : '', c.lead.join(' ')]
    try {
      await fs.mkdir(path.dirname(this.#file), { recursive: true })
      await writeFileAtomic(
        this.#file,
        JSON.stringify({ version: CACHE_VERSION, articles } satisfies CacheFile),
        this.#tmpDir,
      )
    } catch (e) {
      // Everything still works from memory; the signatures are computed again next time.
      log.warn('stories: cannot save the signature cache', e)
    }
  }

  /** The counts of the last finished pass, in the given state. */
  #status(state: StoriesStatus['state']): StoriesStatus {
    let stories = 0
    for (const c of this.#clusters.values()) if (c.size >= 2) stories++
    return { state, stories, articles: this.#cache.size }
  }

  #tell(state: StoriesStatus['state']): void {
    this.#announced = state === 'grouping'
    const status = this.#status(state)
    for (const listener of this.#listeners) {
      try {
        listener(status)
      } catch (e) {
        log.error('stories: a listener failed', e)
      }
    }
  }

  onChanged(listener: (status: StoriesStatus) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Signs what is new or changed, forgets what is gone, and regroups. */
  async #refresh(): Promise<void> {
    const list = this.#library.list()
    const current = new Set<string>()
    const stale: string[] = []
    for (const item of list) {
      current.add(item.id)
      if (this.#cache.get(item.id)?.hash !== item.hash) stale.push(item.id)
    }
    let removed = false
    for (const id of [...this.#cache.keys()]) {
      if (!current.has(id)) {
        this.#cache.delete(id)
        removed = true
      }
    }
    const passes = stale.length > 0 || removed || !this.#grouped
    // Only a pass that may change the stories is announced; a starred article or a read mark is not one.
    if (passes) this.#tell('grouping')
    for (let i = 0; i < stale.length && !this.#closed; i += BATCH) {
      const articles = await this.#library.getMany(stale.slice(i, i + BATCH))
      const signed = await this.#worker.sign(articles.map((article) => article.text))
      articles.forEach((article, n) => this.#cache.set(article.id, { hash: article.hash, ...signed[n]! }))
    }
    if (this.#closed) return
    const known = list.filter((item) => this.#cache.has(item.id))
    // A few new articles join their copies and versions at once; the whole pass (clusters too) follows in a worker.
    const fresh = stale.filter((id) => this.#cache.has(id) && !this.#copies.has(id) && !this.#versions.has(id))
    if (this.#grouped && !removed && fresh.length > 0 && fresh.length <= JOIN_LIMIT) {
      const copies = new Map(this.#copies)
      const versions = new Map(this.#versions)
      joinNew(this.#entries(known, false), new Set(fresh), copies, versions)
      this.#copies = copies
      this.#versions = versions
    }
    if (passes) {
      await this.#regroup(known)
      if (!this.#closed) this.#tell('ready')
    }
    if (stale.length > 0 || removed) await this.#save()
  }

  /** What grouping reads of each signed article (`terms`: false leaves the story terms out, for joining alone). */
  #entries(known: readonly ArticleListItem[], terms: boolean): GroupingEntry[] {
    return known.map((item) => {
      const c = this.#cache.get(item.id)!
      return {
        id: item.id,
        hash: bytesKey(item),
        url: item.url,
        sourceUrl: item.sourceUrl,
        site: item.site,
        sig: c.sig,
        language: item.language,
        time: timeOf(seenOf(item)),
        undated: item.published === null && item.capturedAt === null,
        terms: terms ? [...storyTermsOf(item.title, ''), ...c.lead] : [],
      }
    })
  }

  async #regroup(known: readonly ArticleListItem[]): Promise<void> {
    const groups = await this.#worker.group(this.#entries(known, true))
    if (this.#closed) return
    const copies = new Map<string, readonly string[]>()
    for (const group of groups.duplicates) for (const id of group) copies.set(id, group)
    const versions = new Map<string, readonly string[]>()
    for (const group of groups.versions) for (const id of group) versions.set(id, group)
    const items = new Map(known.map((item) => [item.id, item]))
    const clusters = new Map<string, StoryCluster>()
    const storyOf = new Map<string, StoryCluster>()
    for (const members of groups.clusters) {
      const cluster = clusterOf(members.map((id) => items.get(id)!))
      clusters.set(cluster.id, cluster)
      for (const id of members) storyOf.set(id, cluster)
    }
    this.#copies = copies
    this.#versions = versions
    this.#clusters = clusters
    this.#storyOf = storyOf
    this.#grouped = true
  }

  async ready(): Promise<void> {
    let last: Promise<void> | null = null
    while (last !== this.#queue || this.#timer) {
      if (this.#timer) await new Promise((resolve) => setTimeout(resolve, this.#settleMs))
      last = this.#queue
      await last
    }
  }

  members(storyId: string): readonly string[] | undefined {
    return this.#clusters.get(storyId)?.members
  }

  collapseKeyOf(id: string): string {
    return this.#copies.get(id)?.[0] ?? id
  }

  async similar(id: string): Promise<SimilarAnswer | undefined> {
    await this.#first
    // An article the grouping has not signed yet (just read or imported) waits for the pass that joins it, so its
    // copies are not reported as none.
    if (!this.#cache.has(id)) await this.ready()
    const items = new Map(this.#library.list().map((item) => [item.id, item]))
    const self = items.get(id)
    if (!self) return undefined
    const sig = this.#cache.get(id)?.sig ?? null
    const duplicates = (this.#copies.get(id) ?? [])
      .filter((other) => other !== id && items.has(other))
      .map((other) => {
        const item = items.get(other)!
        const otherSig = this.#cache.get(other)?.sig ?? null
        const similarity = bytesKey(item) === bytesKey(self) ? 1 : sig && otherSig ? similarityOf(sig, otherSig) : 0
        return { id: other, title: item.title, site: item.site, similarity }
      })
    const versions = (this.#versions.get(id) ?? [])
      .filter((other) => other !== id && items.has(other))
      .map((other) => items.get(other)!)
      .map((item) => ({ item, id: item.id, time: timeOf(item.capturedAt ?? item.published ?? item.importedAt) }))
      .sort(byTime)
      .map(({ item }) => ({
        id: item.id,
        title: item.title,
        site: item.site,
        capturedAt: item.capturedAt,
        published: item.published,
      }))
    const story = this.#storyOf.get(id)
    return { duplicates, versions, story: story ? { id: story.id, size: story.size } : null }
  }

  async list(request: StoriesRequest): Promise<StoryCluster[]> {
    await this.#first
    const minSize = request.minSize ?? 2
    const from = request.from ? Date.parse(request.from) : NaN
    // A bare date as the upper bound holds that whole day.
    const to = request.to ? Date.parse(request.to) + (/^\d{4}-\d{2}-\d{2}$/.test(request.to) ? 86_399_999 : 0) : NaN
    const clusters = [...this.#clusters.values()].filter((c) => {
      if (c.size < minSize) return false
      if (!Number.isNaN(from) && !(timeOf(c.lastSeen) >= from)) return false
      if (!Number.isNaN(to) && !(timeOf(c.firstSeen) <= to)) return false
      return true
    })
    clusters.sort(
      (a, b) => b.size - a.size || (timeOf(b.lastSeen) || 0) - (timeOf(a.lastSeen) || 0) || (a.id < b.id ? -1 : 1),
    )
    return request.limit === undefined ? clusters : clusters.slice(0, request.limit)
  }

  async close(): Promise<void> {
    this.#listeners.clear()
    this.#unsubscribe()
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#closed = true
    await this.#queue
    await this.#worker.close()
  }
}

/** A cluster's public shape from its members, earliest first; its id is its earliest member's. */
function clusterOf(members: readonly ArticleListItem[]): StoryCluster {
  const first = members[0]!
  let last: string | null = null
  let lastTime = -Infinity
  for (const m of members) {
    const seen = seenOf(m)
    const time = timeOf(seen)
    if (time > lastTime) [last, lastTime] = [seen, time]
  }
  return {
    id: STORY_PREFIX + first.id,
    size: members.length,
    title: first.title,
    sites: [...new Set(members.flatMap((m) => (m.site ? [m.site] : [])))],
    languages: [...new Set(members.flatMap((m) => (m.language ? [m.language] : [])))],
    firstSeen: seenOf(first),
    firstSeenBy: first.published ? 'published' : first.capturedAt ? 'captured' : 'imported',
    lastSeen: last,
    members: members.map((m) => m.id),
  }
}

/** Opens a library's groups and stories: returns at once, signs and groups in the background (`ready()` resolves then). */
export async function openStoryGroups(library: Library, options: StoriesOptions = {}): Promise<StoryGroups> {
  return new LibraryStories(library, options)
}
