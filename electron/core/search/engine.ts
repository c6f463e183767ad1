/**
 * The search engine's heart: sharded compact indexes over plain records, queried with lunr's query
 * language and scored with lunr's BM25 using collection-wide statistics, so a hit scores the same
 * whichever shard holds it. Knows nothing of the library, files or threads.
 *
 * It stays one file because matching, scoring and the top-k share one per-shard pass; the parts that
 * stand alone (query parsing, snippets, notices, shard files) live beside it.
 */
import type { ArticleFlag, SearchFacets, SearchHit, SearchRequest, SearchResponse } from '../../shared/models'
import { ARTICLE_FLAGS } from '../../shared/models'
import { ok, type Result } from '../../shared/result'
import { log } from '../logger'
import { analyzeQueryWord, cyrillicLanguage } from './analyzer'
import {
  asName,
  cyrillicCandidates,
  latinCandidates,
  latinOfCyrillic,
  nameWordsOf,
  tableHasPrefix,
} from './names/spellings'
import { noticeFor } from './notice'
import { parseQuery, type ParsedQuery, type QueryClause, type QueryPhrase, type TermMatcher } from './query'
import { FIELD_BOOST, FIELDS, fieldValues, type DocMeta, type SearchRecord } from './record'
import {
  findTerm,
  PostingCursor,
  segmentRecords,
  segmentText,
  surfacesWithPrefix,
  type Segment,
  type SkippedRecord,
} from './segment'
import { highlight, holdsPhrase, holdsPrefix, makeSnippet, scanWords, type HighlightQuery } from './snippet'

const F = FIELDS.length
// lunr's BM25 parameters.
const K1 = 1.2
const B = 0.75
const TEXT_FIELD = 1
const TITLE_FIELD = 0

/** The most written words a prefix (`elect*`) stands for; the rest are left out and the response says so. */
export const PREFIX_LIMIT = 1000

/** How much another spelling of a name weighs against the spelling typed, so the exact one ranks first. */
export const NAME_VARIANT_BOOST = 0.5

/** What a prefix stands for over the collection, and per shard which stems hold only matching words. */
interface PrefixExpansion {
  /** Every stem reached, for scoring. */
  terms: string[]
  /** Written words allowed when the prefix was capped (null: every word with the prefix). */
  allowed: Set<string> | null
  perShard: Map<Segment, { exact: number[]; verify: number[] }>
}

/** Per shard: how many written words each stem has, and one of them (-1: the stem itself, or none). */
interface StemSurfaces {
  count: Uint32Array
  first: Int32Array
}

const stemSurfaceCache = new WeakMap<Segment, StemSurfaces>()

function stemSurfaces(seg: Segment): StemSurfaces {
  let out = stemSurfaceCache.get(seg)
  if (!out) {
    out = { count: Uint32Array.from(seg.termWritten), first: new Int32Array(seg.terms.length).fill(-1) }
    for (let i = 0; i < seg.surfaceStem.length; i++) {
      const t = seg.surfaceStem[i]!
      out.count[t]!++
      if (out.first[t] === -1) out.first[t] = i
    }
    stemSurfaceCache.set(seg, out)
  }
  return out
}

/** The text of one field of a document (the body is read back from the shard). */
function fieldText(seg: Segment, doc: number, field: number): string {
  if (field === TEXT_FIELD) return segmentText(seg, doc)
  return fieldValues({ ...seg.docs[doc]!, text: '' })[field]!
}

/** Builds a shard from records; the worker pool or the in-thread builder. */
export type SegmentBuilder = (records: SearchRecord[]) => Promise<Segment>

/** One shard: a bounded group of documents with its own compact index. */
export interface Shard {
  segment: Segment
  /** Ids of documents removed or replaced since the shard was built (tombstones), until it is rebuilt. */
  deleted?: Set<string>
}

interface Columns {
  site: Int32Array
  language: Int32Array
  collection: Int32Array
  flags: Uint8Array
  /** Milliseconds since the epoch, NaN when unknown. */
  time: Float64Array
  /** Year of publication, 0 when unknown. */
  year: Int16Array
}

interface LiveShard extends Shard {
  cols: Columns
  deleted: Set<string>
  /** 1 for a tombstoned document. */
  dead: Uint8Array
}

/** Engine settings. */
export interface EngineOptions {
  /** Documents per shard to aim for; a shard splits when it grows past twice this (default 2000). */
  shardSize?: number
  /** Groups of spellings of one name (the library's alias table): a query term also finds the others. */
  names?: readonly (readonly string[])[]
}

class Interner {
  readonly ids = new Map<string, number>()
  readonly values: string[] = []
  id(value: string | null): number {
    if (value === null || value === '') return -1
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(value, id)
      this.values.push(value)
    }
    return id
  }
}

const FLAG_BIT = new Map<ArticleFlag, number>(ARTICLE_FLAGS.map((f, i) => [f, 1 << i]))

function flagMask(flags: readonly ArticleFlag[] | undefined): number {
  let m = 0
  for (const f of flags ?? []) m |= FLAG_BIT.get(f) ?? 0
  return m
}

function dateMs(iso: string | null | undefined, endOfDay = false): number {
  if (!iso) return NaN
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return NaN
  // A bare date as an upper bound includes that whole day.
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? t + 86_399_999 : t
}

interface Candidate {
  shard: number
  doc: number
  score: number
  time: number
}

/** Extra conditions the caller knows and the engine does not (e.g. starred or unread ids). */
export interface SearchExtras {
  /** When set, only these ids can be hits. */
  allowed?: ReadonlySet<string>
  /** With `request.collapse`: the id standing for an article's group of copies (its earliest member). */
  collapseKeyOf?: (id: string) => string
}

/** The sharded engine. */
export class SearchEngine {
  readonly shardSize: number
  #shards: LiveShard[] = []
  #sites = new Interner()
  #languages = new Interner()
  #collections = new Interner()
  #docCount = 0
  #avgFieldLen = new Float64Array(F)
  /** Every term of every shard: built on the first fuzzy or wildcard query, then kept up to date. */
  #vocabulary: Vocabulary | null = null
  #docShard = new Map<string, LiveShard>()
  #scratch = scratch(0)
  #skipped = new Map<string, string>()

  constructor(options: EngineOptions = {}) {
    this.shardSize = Math.max(1, options.shardSize ?? 2000)
    for (const group of options.names ?? []) {
      const terms = new Set<string>()
      for (const name of group)
        for (const t of analyzeQueryWord(name)) {
          terms.add(t)
          const spellings = this.#spellings.get(t) ?? []
          if (!spellings.includes(name)) this.#spellings.set(t, [...spellings, name])
        }
      for (const t of terms)
        this.#names.set(
          t,
          [...terms].filter((o) => o !== t),
        )
    }
  }

  /** Each analysed spelling of a known name to the analysed terms of its other spellings. */
  readonly #names = new Map<string, string[]>()
  /** Each analysed spelling of a known name to the spellings that give it, for "also matched". */
  readonly #spellings = new Map<string, string[]>()

  /**
   * Spellings the alias table does not know, of each capitalised query word (a name as people type one): its
   * transliterations and Latin variants that the library holds, by the word's own term. Lower-case words are left
   * alone, so an ordinary word (most, dom) never matches the Russian word it happens to spell.
   */
  #spelledNames(raw: string): Map<string, { terms: string[]; names: string[] }> {
    const out = new Map<string, { terms: string[]; names: string[] }>()
    if (this.#shards.length === 0) return out
    const segs = this.#shards.map((s) => s.segment)
    const vocabulary = {
      hasPrefix: (p: string) => segs.some((g) => tableHasPrefix(g.terms, p) || tableHasPrefix(g.surfaces, p)),
    }
    const present = (t: string) => segs.some((g) => findTerm(g, t) >= 0)
    const written = (w: string) => segs.some((g) => g.surfaces.find(w) >= 0 || (g.termWritten[findTerm(g, w)] ?? 0) > 0)
    for (const word of nameWordsOf(raw)) {
      const own = analyzeQueryWord(word)
      if (own.length === 0 || out.has(own[0]!)) continue
      const cyrillic = /\p{Script=Cyrillic}/u.test(word)
      const latin = cyrillic ? latinOfCyrillic(word) : latinCandidates(word)
      const candidates = new Set(latin)
      // A Cyrillic word reaches its other Cyrillic spellings (Russian Навальный, Ukrainian Навальний) through Latin.
      for (const l of cyrillic ? latin.slice(0, 2) : [word])
        for (const c of cyrillicCandidates(l, vocabulary)) candidates.add(c)
      const byTerm = new Map<string, string[]>()
      for (const c of candidates)
        for (const t of analyzeQueryWord(c))
          if (!own.includes(t) && (byTerm.has(t) || present(t))) byTerm.set(t, [...(byTerm.get(t) ?? []), c])
      // Said as the library writes them: a spelling only grown to reach a stem (Газпромь) is matched, never shown.
      const names = new Set<string>()
      for (const spellings of byTerm.values()) for (const c of spellings) if (written(c)) names.add(asName(c))
      const first = byTerm.values().next().value?.[0]
      if (names.size === 0 && first) names.add(asName(first))
      names.delete(word)
      out.set(own[0]!, { terms: [...byTerm.keys()], names: [...names] })
    }
    return out
  }

  /** The other spellings of a name a clause was expanded to, as written, when some document holds them. */
  #nameVariants(query: ParsedQuery, spelled: Map<string, { names: string[] }>): string[] {
    const out = new Set<string>()
    const cache = new Map<string, number>()
    const present = (t: string) => this.#shards.some((s) => findTerm(s.segment, t) >= 0)
    for (const c of query.clauses) {
      if (c.presence === 'prohibited' || c.matcher.kind !== 'exact') continue
      const own = new Set([c.matcher.term, ...(c.matcher.also ?? [])])
      for (const t of this.#names.get(c.matcher.term) ?? [])
        if (!own.has(t) && (cache.get(t) ?? cache.set(t, present(t) ? 1 : 0).get(t)))
          for (const name of this.#spellings.get(t) ?? []) out.add(name)
      for (const name of spelled.get(c.matcher.term)?.names ?? []) out.add(name)
    }
    return [...out]
  }

  /** Whether an expanded term came from the alias table rather than the clause's own word (it weighs less). */
  #isNameVariant(c: QueryClause, term: string): boolean {
    return c.matcher.kind === 'exact' && term !== c.matcher.term && !c.matcher.also?.includes(term)
  }

  /** Records that could not be indexed (id → reason), until they are indexed or removed. */
  get skipped(): ReadonlyMap<string, string> {
    return this.#skipped
  }

  /** Notes which records a freshly built shard holds and which it had to leave out. */
  #noteBuilt(segment: Segment): void {
    for (const d of segment.docs) this.#skipped.delete(d.id)
    for (const { id, reason } of segment.skipped ?? []) {
      log.warn(`search: article ${id} cannot be indexed and is left out: ${reason}`)
      this.#skipped.set(id, reason)
    }
  }

  /**
   * Builds a shard; when the builder fails, finds the records that make it fail (halving the set),
   * leaves them out with their reason and builds the rest, so one article never takes its shard down.
   */
  async #buildSafely(builder: SegmentBuilder, records: SearchRecord[]): Promise<Segment> {
    try {
      return await builder(records)
    } catch (e) {
      log.warn(`search: building a shard of ${records.length} articles failed; looking for the cause`, e)
      const bad = await findFailing(builder, records, e)
      const badIds = new Set(bad.map((b) => b.id))
      const segment = await builder(records.filter((r) => !badIds.has(r.id)))
      segment.skipped = [...(segment.skipped ?? []), ...bad]
      return segment
    }
  }

  /** Number of indexed documents (tombstones not counted). */
  get size(): number {
    return this.#docShard.size
  }

  /** The current shards (for persistence). */
  get shards(): readonly Shard[] {
    return this.#shards
  }

  /** Every indexed document's id and hash, for checking against the library. */
  documents(): Map<string, string> {
    const out = new Map<string, string>()
    for (const s of this.#shards) s.segment.docs.forEach((d, i) => !s.dead[i] && out.set(d.id, d.hash))
    return out
  }

  /** Replaces every shard with `shards` (after a load). */
  setShards(shards: Shard[]): void {
    for (const s of this.#shards) s.segment.texts.close()
    this.#vocabulary = null
    this.#shards = shards.map((s) => this.#live(s))
    this.#refresh()
  }

  /** Drops some shards (e.g. damaged ones); their documents are then missing until indexed again. */
  dropShards(shards: readonly Shard[]): void {
    const drop = new Set(shards)
    this.#swap(
      this.#shards.filter((s) => drop.has(s)),
      [],
    )
  }

  /** Drops everything. */
  clear(): void {
    this.#skipped.clear()
    this.setShards([])
  }

  /** Adds a freshly built shard of new documents (a full build adds them one by one, searchable at once). */
  addShard(shard: Shard): void {
    for (const d of shard.segment.docs) {
      if (this.#docShard.has(d.id)) throw new Error(`SearchEngine.addShard: ${d.id} is indexed already`)
    }
    this.#noteBuilt(shard.segment)
    this.#shards.push(this.#live(shard))
    this.#countTerms(shard.segment, 1)
    this.#refresh()
  }

  /**
   * Builds the index from a stream of records in shards of `shardSize`, each shard searchable as soon
   * as it is built; at most `parallel` shards are waiting for the builder at a time, so memory stays bounded.
   */
  async buildFrom(
    records: AsyncIterable<SearchRecord> | Iterable<SearchRecord>,
    builder: SegmentBuilder,
    options: { parallel?: number; onShard?: (shard: Shard) => void; stop?: () => boolean } = {},
  ): Promise<void> {
    const parallel = Math.max(1, options.parallel ?? 2)
    const running = new Set<Promise<void>>()
    const seen = new Set<string>()
    let chunk: SearchRecord[] = []
    const flush = async () => {
      const records = chunk
      chunk = []
      const job: Promise<void> = this.#buildSafely(builder, records).then((segment) => {
        const shard = { segment }
        this.addShard(shard)
        options.onShard?.(shard)
      })
      running.add(job)
      void job.finally(() => running.delete(job)).catch(() => {})
      if (running.size >= parallel) await Promise.race(running)
    }
    for await (const r of records) {
      // Stopping leaves a partial index; whatever is missing is indexed next time.
      if (options.stop?.()) break
      // A record already indexed (or twice in the stream) is left for `apply`.
      if (seen.has(r.id) || this.#docShard.has(r.id)) continue
      seen.add(r.id)
      chunk.push(r)
      if (chunk.length >= this.shardSize) await flush()
    }
    if (chunk.length > 0) await flush()
    await Promise.all(running)
  }

  /**
   * Adds or replaces `upserts` and removes `removals`, rebuilding only the shards that hold them; new
   * documents join the smallest shard while it is small (a quarter of `shardSize`), or new shards. Returns the shards made and those replaced.
   */
  async apply(
    upserts: SearchRecord[],
    removals: string[],
    builder: SegmentBuilder,
  ): Promise<{ changed: Shard[]; dropped: Shard[] }> {
    const records = [...new Map(upserts.map((r) => [r.id, r])).values()]
    const gone = new Set([...removals, ...records.map((r) => r.id)])
    // Added and changed documents go to a small shard, quick to rebuild, while there is one; then to new shards.
    const small = Math.max(1, Math.floor(this.shardSize / 4))
    let target: LiveShard | null = null
    for (const s of this.#shards) if (!target || liveCount(s) < liveCount(target)) target = s
    const room = target ? small - liveCount(target) : 0
    const intoTarget = room > 0 ? records.splice(0, room) : []
    if (intoTarget.length === 0) target = null
    const live = (s: LiveShard) => segmentRecords(s.segment).filter((r) => !s.deleted.has(r.id) && !gone.has(r.id))
    const jobs: Promise<Shard>[] = []
    const build = (list: SearchRecord[]) => this.#buildSafely(builder, list).then((segment) => ({ segment }))
    if (target) jobs.push(build([...live(target), ...intoTarget]))
    for (let i = 0; i < records.length; i += this.shardSize) jobs.push(build(records.slice(i, i + this.shardSize)))
    const built = await Promise.all(jobs)
    for (const id of removals) this.#skipped.delete(id)
    for (const b of built) this.#noteBuilt(b.segment)
    // Only now, with the new copies ready, do the old ones elsewhere become tombstones (their shards stay as they are).
    for (const id of gone) {
      const shard = this.#docShard.get(id)
      if (!shard || shard === target) continue
      shard.deleted.add(id)
      const i = shard.segment.docs.findIndex((d) => d.id === id)
      if (i >= 0) shard.dead[i] = 1
    }
    const first = this.#swap(target ? [target] : [], built)
    // A shard that is a quarter tombstones is rebuilt without them.
    const worn = this.#shards.filter((s) => s.deleted.size > s.segment.docs.length / 4)
    const compacted = await Promise.all(
      worn.map((s) => build(segmentRecords(s.segment).filter((r) => !s.deleted.has(r.id)))),
    )
    const second = this.#swap(worn, compacted)
    return { changed: [...first.changed, ...second.changed], dropped: [...first.dropped, ...second.dropped] }
  }

  /** Replaces shards `old` with `made` (empty ones left out) in one step. */
  #swap(old: LiveShard[], made: Shard[]): { changed: Shard[]; dropped: Shard[] } {
    const changed = made.filter((s) => s.segment.docs.length > 0)
    const gone = new Set(old)
    const next: LiveShard[] = this.#shards.filter((s) => !gone.has(s))
    for (const s of old) {
      s.segment.texts.close()
      this.#countTerms(s.segment, -1)
    }
    for (const s of changed) {
      next.push(this.#live(s))
      this.#countTerms(s.segment, 1)
    }
    this.#shards = next
    this.#refresh()
    return { changed, dropped: old }
  }

  #live(shard: Shard): LiveShard {
    const docs = shard.segment.docs
    const n = docs.length
    const cols: Columns = {
      site: new Int32Array(n),
      language: new Int32Array(n),
      collection: new Int32Array(n),
      flags: new Uint8Array(n),
      time: new Float64Array(n),
      year: new Int16Array(n),
    }
    for (let i = 0; i < n; i++) {
      const d = docs[i]!
      cols.site[i] = this.#sites.id(d.site)
      cols.language[i] = this.#languages.id(d.language)
      cols.collection[i] = this.#collections.id(d.collection)
      cols.flags[i] = flagMask(d.flags)
      cols.time[i] = dateMs(d.published)
      const year = Number.isNaN(cols.time[i]!) ? 0 : new Date(cols.time[i]!).getUTCFullYear()
      cols.year[i] = year > 0 && year < 32768 ? year : 0
    }
    const deleted = shard.deleted ?? new Set<string>()
    const dead = new Uint8Array(n)
    if (deleted.size > 0) for (let i = 0; i < n; i++) if (deleted.has(docs[i]!.id)) dead[i] = 1
    return { ...shard, cols, deleted, dead }
  }

  #refresh(): void {
    let n = 0
    const sums = new Float64Array(F)
    this.#docShard.clear()
    for (const s of this.#shards) {
      s.segment.docs.forEach((d, i) => {
        if (!s.dead[i]) this.#docShard.set(d.id, s)
      })
      n += s.segment.docs.length
      for (let f = 0; f < F; f++) sums[f]! += s.segment.fieldLenSum[f]!
    }
    this.#docCount = n
    for (let f = 0; f < F; f++) this.#avgFieldLen[f] = n === 0 ? 0 : sums[f]! / n
  }

  #vocab(): Vocabulary {
    if (!this.#vocabulary) {
      this.#vocabulary = { count: new Map(), buckets: new Map(), firsts: new Map() }
      for (const s of this.#shards) this.#countTerms(s.segment, 1)
    }
    return this.#vocabulary
  }

  #countTerms(segment: Segment, delta: 1 | -1): void {
    const v = this.#vocabulary
    if (!v) return
    for (const t of segment.terms) {
      const n = (v.count.get(t) ?? 0) + delta
      const key = bucketKey(t.charAt(0), t.length)
      if (n > 0) {
        if (n === 1 && delta === 1) {
          let set = v.buckets.get(key)
          if (!set) v.buckets.set(key, (set = new Set()))
          set.add(t)
          v.firsts.set(t.charAt(0), (v.firsts.get(t.charAt(0)) ?? 0) + 1)
        }
        v.count.set(t, n)
      } else {
        v.count.delete(t)
        v.buckets.get(key)?.delete(t)
        const f = (v.firsts.get(t.charAt(0)) ?? 1) - 1
        if (f > 0) v.firsts.set(t.charAt(0), f)
        else v.firsts.delete(t.charAt(0))
      }
    }
  }

  /**
   * What a prefix stands for: the written words starting with it (at most PREFIX_LIMIT, the first in
   * order), their stems, and per shard whether a stem's postings are all such words or need checking.
   */
  #expandPrefix(prefix: string, adjustments: string[]): PrefixExpansion {
    const found = this.#shards.map((s) => surfacesWithPrefix(s.segment, prefix))
    let allowed: Set<string> | null = null
    const distinct = new Set<string>()
    for (const list of found) for (const f of list) distinct.add(f.surface)
    if (distinct.size > PREFIX_LIMIT) {
      allowed = new Set([...distinct].sort().slice(0, PREFIX_LIMIT))
      adjustments.push(
        `"${prefix}*" stands for ${distinct.size} words; only the first ${PREFIX_LIMIT} in alphabetical order were searched.`,
      )
    }
    const terms = new Set<string>()
    const perShard = new Map<Segment, { exact: number[]; verify: number[] }>()
    this.#shards.forEach((s, i) => {
      const seg = s.segment
      const reached = new Map<number, number>()
      for (const f of found[i]!) {
        if (allowed && !allowed.has(f.surface)) continue
        reached.set(f.term, (reached.get(f.term) ?? 0) + 1)
      }
      if (reached.size === 0) return
      const { count } = stemSurfaces(seg)
      const exact: number[] = []
      const verify: number[] = []
      for (const [t, n] of reached) {
        terms.add(seg.terms.at(t))
        // A stem whose every written word has the prefix matches exactly; else its documents are read.
        ;(n === count[t] ? exact : verify).push(t)
      }
      perShard.set(seg, { exact, verify })
    })
    return { terms: [...terms], allowed, perShard }
  }

  /** The index terms a clause's term stands for, over the whole collection. */
  #expand(
    matcher: TermMatcher,
    prefixes: Map<string, PrefixExpansion>,
    spelled: Map<string, { terms: string[] }>,
  ): string[] {
    switch (matcher.kind) {
      case 'exact':
        return [
          ...new Set([
            matcher.term,
            ...(matcher.also ?? []),
            ...(this.#names.get(matcher.term) ?? []),
            ...(spelled.get(matcher.term)?.terms ?? []),
          ]),
        ]
      case 'prefix':
        return prefixes.get(matcher.prefix)?.terms ?? []
      case 'pattern': {
        const out: string[] = []
        for (const t of this.#vocab().count.keys()) if (matcher.pattern.test(t)) out.push(t)
        return out
      }
      case 'fuzzy':
        return fuzzyTerms(this.#vocab(), matcher.term, matcher.distance)
    }
  }

  /** Document frequency over every shard (lunr counts a term once per field it occurs in). */
  #idf(term: string, cache: Map<string, number>): number {
    let idf = cache.get(term)
    if (idf !== undefined) return idf
    let df = 0
    for (const s of this.#shards) {
      const t = findTerm(s.segment, term)
      if (t >= 0) df += s.segment.termStart[t + 1]! - s.segment.termStart[t]!
    }
    idf = Math.log(1 + Math.abs((this.#docCount - df + 0.5) / (df + 0.5)))
    cache.set(term, idf)
    return idf
  }

  /**
   * Answers a request: total, one page of hits with snippets and match ranges, and facets; with a
   * notice when nothing was found (why, and queries that do find something) and the adjustments made.
   */
  search(request: SearchRequest, extras: SearchExtras = {}): Result<SearchResponse> {
    const answer = this.#answer(request, extras)
    if (!answer.ok || answer.value.total > 0) return answer
    const parsed = parseQuery(request.query)
    const notice = parsed.ok ? noticeFor(request, parsed.value, (r: SearchRequest) => this.#count(r, extras)) : null
    return notice ? ok({ ...answer.value, notice }) : answer
  }

  #count(request: SearchRequest, extras: SearchExtras): number {
    const r = this.#answer({ ...request, limit: 0, offset: 0 }, extras)
    return r.ok ? r.value.total : 0
  }

  /** The ids of every match of a request, best first: no page, snippets or facets (saved searches, exports). */
  matchingIds(request: SearchRequest, extras: SearchExtras = {}): Result<string[]> {
    const parsed = parseQuery(request.query)
    if (!parsed.ok) return parsed
    const { prefixes, expanded } = this.#expansions(parsed.value, [], request.query)
    const { top } = this.#match(parsed.value, request, extras, Infinity, prefixes, expanded)
    return ok(top.map((c) => this.#shards[c.shard]!.segment.docs[c.doc]!.id))
  }

  /** Each clause expanded once (fuzzy terms scan the vocabulary), for matching and marking alike. */
  #expansions(
    query: ParsedQuery,
    adjustments: string[],
    raw: string,
  ): {
    prefixes: Map<string, PrefixExpansion>
    expanded: Map<QueryClause, string[]>
    spelled: Map<string, { terms: string[]; names: string[] }>
  } {
    const prefixes = new Map<string, PrefixExpansion>()
    for (const c of query.clauses) {
      if (c.matcher.kind === 'prefix' && !prefixes.has(c.matcher.prefix))
        prefixes.set(c.matcher.prefix, this.#expandPrefix(c.matcher.prefix, adjustments))
    }
    const spelled = this.#spelledNames(raw)
    const expanded = new Map<QueryClause, string[]>(
      query.clauses.map((c) => [c, this.#expand(c.matcher, prefixes, spelled)]),
    )
    return { prefixes, expanded, spelled }
  }

  #answer(request: SearchRequest, extras: SearchExtras): Result<SearchResponse> {
    const parsed = parseQuery(request.query)
    if (!parsed.ok) return parsed
    const query = parsed.value
    const adjustments = [...query.adjustments]
    const { prefixes, expanded, spelled } = this.#expansions(query, adjustments, request.query)
    const offset = Math.max(0, request.offset ?? 0)
    const limit = Math.max(0, request.limit ?? 20)
    const keyOf = request.collapse ? extras.collapseKeyOf : undefined
    // Collapsing needs every match to count each group's copies, so the top list is then unbounded.
    const matched = this.#match(query, request, extras, keyOf ? Infinity : offset + limit, prefixes, expanded)
    const { top } = matched
    const idOf = (c: Candidate) => this.#shards[c.shard]!.segment.docs[c.doc]!.id
    const shown = keyOf ? collapseCandidates(top, idOf, keyOf) : top.map((c) => ({ c, copies: 0 }))
    const total = keyOf ? shown.length : matched.total
    const facets = keyOf ? this.#facetsOfShown(shown) : matched.facets
    const page = shown.slice(offset, offset + limit)
    const textMarks = page.length === 0 ? null : this.#marks(query, TEXT_FIELD, expanded)
    const titleMarks = page.length === 0 ? null : this.#marks(query, TITLE_FIELD, expanded)
    const hits = page.map(({ c, copies }) => {
      const hit = this.#hit(c, textMarks!, titleMarks!)
      return keyOf ? { ...hit, copies } : hit
    })
    const variants = total > 0 ? this.#nameVariants(query, spelled) : []
    return ok({
      total,
      hits,
      facets,
      ...(adjustments.length > 0 ? { adjustments } : {}),
      ...(variants.length > 0 ? { variants } : {}),
    })
  }

  /** What to mark in one field: the terms, prefixes and phrases of every clause that searched it. */
  #marks(query: ParsedQuery, field: number, expanded: Map<QueryClause, string[]>): HighlightQuery {
    const terms = new Set<string>()
    const prefixList: string[] = []
    for (const c of query.clauses) {
      if (c.presence === 'prohibited' || !c.fields.includes(field)) continue
      if (c.matcher.kind === 'prefix') prefixList.push(c.matcher.prefix)
      else for (const t of expanded.get(c)!) terms.add(t)
    }
    const phrases = query.phrases.filter((p) => p.presence !== 'prohibited' && p.fields.includes(field))
    return { terms, prefixes: prefixList, phrases: phrases.map((p) => p.exact) }
  }

  #hit(c: Candidate, textMarks: HighlightQuery, titleMarks: HighlightQuery): SearchHit {
    const segment = this.#shards[c.shard]!.segment
    const d: DocMeta = segment.docs[c.doc]!
    const text = segmentText(segment, c.doc)
    const words = scanWords(text)
    const language = cyrillicLanguage(d.language)
    const matches = highlight(text, { ...textMarks, language }, words)
    const snippet = makeSnippet(text, matches, words)
    return {
      id: d.id,
      title: d.title,
      site: d.site,
      published: d.published,
      language: d.language,
      flags: d.flags,
      score: c.score,
      snippet: snippet.text,
      snippetMatches: snippet.matches,
      matches,
      titleMatches: highlight(d.title, { ...titleMarks, language }),
    }
  }

  #newCounts(): FacetCounts {
    return {
      site: new Int32Array(this.#sites.values.length),
      language: new Int32Array(this.#languages.values.length),
      collection: new Int32Array(this.#collections.values.length),
      flag: new Int32Array(ARTICLE_FLAGS.length),
      year: new Int32Array(32768),
    }
  }

  /** The facets of the hits a collapsed answer shows (one per group), so they add up to its total. */
  #facetsOfShown(shown: { c: Candidate }[]): SearchFacets {
    const counts = this.#newCounts()
    for (const { c } of shown) countFacets(counts, this.#shards[c.shard]!.cols, c.doc)
    return this.#facetsOf(counts)
  }

  #facetsOf(counts: FacetCounts): SearchFacets {
    // Year 0 is "no date": never a facet value.
    counts.year[0] = 0
    const named = (c: Int32Array, names: string[]) =>
      Object.fromEntries(
        [...c]
          .map((v, i) => [names[i]!, v] as const)
          .filter(([, v]) => v > 0)
          .sort((a, b) => b[1] - a[1]),
      )
    const years: [string, number][] = []
    for (let y = counts.year.length - 1; y >= 0; y--) if (counts.year[y]) years.push([String(y), counts.year[y]!])
    return {
      site: named(counts.site, this.#sites.values),
      language: named(counts.language, this.#languages.values),
      flag: Object.fromEntries(ARTICLE_FLAGS.flatMap((f, i) => (counts.flag[i] ? [[f, counts.flag[i]!]] : []))),
      year: Object.fromEntries(years),
      collection: named(counts.collection, this.#collections.values),
    }
  }

  #match(
    query: ParsedQuery,
    request: SearchRequest,
    extras: SearchExtras,
    k: number,
    prefixes: Map<string, PrefixExpansion>,
    expanded: Map<QueryClause, string[]>,
  ): { total: number; top: Candidate[]; facets: SearchFacets } {
    const idfCache = new Map<string, number>()
    // Per expanded term: the query weight per field (lunr's query vector, divided by its norm).
    const weights = new Map<string, Float64Array>()
    // Terms whose postings alone make a document a match (not those of prefixes and phrases, which are checked).
    const matching = new Set<string>()
    const checked: { clause: QueryClause; terms: string[] }[] = []
    const addWeight = (term: string, fields: readonly number[], boost: number) => {
      let w = weights.get(term)
      if (!w) weights.set(term, (w = new Float64Array(F)))
      for (const f of fields) w[f]! += boost
    }
    for (const c of query.clauses) {
      const terms = expanded.get(c)!
      checked.push({ clause: c, terms })
      if (c.presence === 'prohibited') continue
      for (const t of terms) addWeight(t, c.fields, this.#isNameVariant(c, t) ? c.boost * NAME_VARIANT_BOOST : c.boost)
      if (c.matcher.kind !== 'prefix') for (const t of terms) matching.add(t)
    }
    for (const p of query.phrases)
      if (p.presence !== 'prohibited') for (const w of p.words) addWeight(w.term, p.fields, 1)
    const norm = new Float64Array(F)
    for (const w of weights.values()) for (let f = 0; f < F; f++) norm[f]! += w[f]! * w[f]!
    for (let f = 0; f < F; f++) norm[f] = Math.sqrt(norm[f]!)
    for (const w of weights.values()) for (let f = 0; f < F; f++) if (w[f]) w[f] = w[f]! / norm[f]!
    const positive = query.kind === 'positive'
    const filter = this.#filter(request, extras)
    const counts = this.#newCounts()
    const top = new TopK(k, request.sort === 'date', (si, d) => this.#shards[si]!.segment.docs[d]!.id)
    let total = 0
    this.#shards.forEach((shard, si) => {
      const seg = shard.segment
      const n = seg.docs.length
      if (n === 0) return
      // A shard holding none of the allowed ids (e.g. a saved search checking one import batch) is skipped whole.
      const allowed = extras.allowed
      if (allowed && allowed.size < n && !seg.docs.some((doc) => allowed.has(doc.id))) return
      // Scratch arrays are shared by every shard and query (searching is synchronous), so a query allocates little.
      if (this.#scratch.scores.length < n) this.#scratch = scratch(n)
      const scores = this.#scratch.scores.fill(0, 0, n)
      const matched = this.#scratch.matched.fill(0, 0, n)
      const ok = this.#scratch.ok.fill(1, 0, n)
      if (shard.deleted.size > 0) for (let d = 0; d < n; d++) if (shard.dead[d]) ok[d] = 0
      for (const [term, w] of weights) {
        const t = findTerm(seg, term)
        if (t < 0) continue
        const idf = this.#idf(term, idfCache)
        const matches = matching.has(term) ? 1 : 0
        for (let p = seg.termStart[t]!; p < seg.termStart[t + 1]!; p++) {
          const f = seg.postField[p]!
          const qw = w[f]!
          if (qw === 0) continue
          const doc = seg.postDoc[p]!
          const tf = seg.postTf[p]!
          const len = seg.fieldLen[doc * F + f]!
          const bm25 = (idf * ((K1 + 1) * tf)) / (K1 * (1 - B + (B * len) / this.#avgFieldLen[f]!) + tf)
          scores[doc]! += (qw * Math.round(bm25 * FIELD_BOOST[f]! * 1000)) / 1000
          matched[doc]! |= matches
        }
      }
      const texts = new Map<number, string>()
      const read = (doc: number, field: number) => {
        if (field !== TEXT_FIELD) return fieldText(seg, doc, field)
        let text = texts.get(doc)
        if (text === undefined) texts.set(doc, (text = segmentText(seg, doc)))
        return text
      }
      // Texts are read only for documents that can still be hits (not yet excluded, and through the filters).
      const worth = (doc: number) => ok[doc] === 1 && (!filter || filter(shard, doc))
      const apply = (has: Uint8Array, presence: QueryClause['presence'], sets: boolean) => {
        if (presence === 'required') for (let d = 0; d < n; d++) ok[d]! &= has[d]!
        else if (presence === 'prohibited') for (let d = 0; d < n; d++) ok[d]! &= has[d]! ^ 1
        if (sets && presence !== 'prohibited') for (let d = 0; d < n; d++) matched[d]! |= has[d]!
      }
      for (const { clause, terms } of checked) {
        if (clause.matcher.kind === 'prefix') {
          const expansion = prefixes.get(clause.matcher.prefix)!
          apply(docsWithPrefix(seg, clause, expansion, worth, read), clause.presence, true)
        } else if (clause.presence !== 'optional') {
          apply(docsWithAny(seg, terms, clause.fields), clause.presence, false)
        }
      }
      for (const p of query.phrases) apply(docsWithPhrase(seg, p, worth, read), p.presence, true)
      const cols = shard.cols
      for (let d = 0; d < n; d++) {
        if (!ok[d] || (positive && !matched[d])) continue
        if (filter && !filter(shard, d)) continue
        total++
        countFacets(counts, cols, d)
        top.offer(scores[d]!, cols.time[d]!, si, d)
      }
    })
    return { total, top: top.sorted(), facets: this.#facetsOf(counts) }
  }

  #filter(request: SearchRequest, extras: SearchExtras): ((shard: LiveShard, doc: number) => boolean) | null {
    const checks: ((shard: LiveShard, doc: number) => boolean)[] = []
    if (request.site !== undefined) {
      const id = this.#sites.ids.get(request.site) ?? -2
      checks.push((s, d) => s.cols.site[d] === id)
    }
    if (request.language !== undefined) {
      const id = this.#languages.ids.get(request.language) ?? -2
      checks.push((s, d) => s.cols.language[d] === id)
    }
    if (request.collection !== undefined && request.collection !== '') {
      // A collection is a folder: it holds its sub-folders too.
      const root = request.collection
      const ids = new Set<number>()
      this.#collections.values.forEach((c, i) => {
        if (c === root || c.startsWith(root + '/')) ids.add(i)
      })
      checks.push((s, d) => ids.has(s.cols.collection[d]!))
    }
    const all = flagMask(request.flags)
    if (all) checks.push((s, d) => (s.cols.flags[d]! & all) === all)
    const none = flagMask(request.notFlags)
    if (none) checks.push((s, d) => (s.cols.flags[d]! & none) === 0)
    const from = dateMs(request.from)
    const to = dateMs(request.to, true)
    if (!Number.isNaN(from)) checks.push((s, d) => s.cols.time[d]! >= from)
    if (!Number.isNaN(to)) checks.push((s, d) => s.cols.time[d]! <= to)
    const allowed = extras.allowed
    if (allowed) checks.push((s, d) => allowed.has(s.segment.docs[d]!.id))
    if (checks.length === 0) return null
    if (checks.length === 1) return checks[0]!
    return (s, d) => checks.every((c) => c(s, d))
  }
}

function docsWithAny(seg: Segment, terms: string[], fields: readonly number[]): Uint8Array {
  const has = new Uint8Array(seg.docs.length)
  const inField = new Uint8Array(F)
  for (const f of fields) inField[f] = 1
  for (const term of terms) {
    const t = findTerm(seg, term)
    if (t < 0) continue
    for (let p = seg.termStart[t]!; p < seg.termStart[t + 1]!; p++)
      if (inField[seg.postField[p]!]) has[seg.postDoc[p]!] = 1
  }
  return has
}

/**
 * Documents holding a word with the prefix in one of the clause's fields: every document of a stem
 * whose written words all have it, and those of the other stems whose text shows such a word.
 */
function docsWithPrefix(
  seg: Segment,
  clause: QueryClause,
  expansion: PrefixExpansion,
  worth: (doc: number) => boolean,
  read: (doc: number, field: number) => string,
): Uint8Array {
  const has = new Uint8Array(seg.docs.length)
  const own = expansion.perShard.get(seg)
  if (!own) return has
  const prefix = (clause.matcher as { prefix: string }).prefix
  const inField = new Uint8Array(F)
  for (const f of clause.fields) inField[f] = 1
  for (const t of own.exact) {
    for (let p = seg.termStart[t]!; p < seg.termStart[t + 1]!; p++)
      if (inField[seg.postField[p]!]) has[seg.postDoc[p]!] = 1
  }
  for (const t of own.verify) {
    for (let p = seg.termStart[t]!; p < seg.termStart[t + 1]!; p++) {
      const doc = seg.postDoc[p]!
      const field = seg.postField[p]!
      if (has[doc] || !inField[field] || !worth(doc)) continue
      if (holdsPrefix(read(doc, field), prefix, expansion.allowed)) has[doc] = 1
    }
  }
  return has
}

/**
 * Documents where the phrase's exact words stand in order, next to each other: candidates come from a
 * merge join of the words' stem positions (in each language's analysis); a candidate's field text is
 * then read to check the words as written, unless every stem there has only the phrase's own word.
 */
function docsWithPhrase(
  seg: Segment,
  phrase: QueryPhrase,
  worth: (doc: number) => boolean,
  read: (doc: number, field: number) => string,
): Uint8Array {
  const has = new Uint8Array(seg.docs.length)
  const { count, first } = stemSurfaces(seg)
  for (const words of [phrase.words, ...(phrase.variants ?? [])]) {
    const ids = words.map((w) => findTerm(seg, w.term))
    if (ids.some((t) => t < 0)) continue
    const sure =
      phrase.exact.length === words.length &&
      ids.every((t, i) => count[t] === 1 && writtenAs(seg, t, first[t]!) === phrase.exact[i])
    const check = (doc: number, field: number) => sure || (worth(doc) && holdsPhrase(read(doc, field), phrase.exact))
    stemPhrase(seg, words, ids, phrase.fields, has, check)
  }
  return has
}

/** The one written word of stem `t` (given `first`, its entry in the surface table, -1 for the stem itself). */
function writtenAs(seg: Segment, t: number, first: number): string {
  return first >= 0 ? seg.surfaces.at(first) : seg.terms.at(t)
}

/** Marks in `has` the documents where the stems stand at their offsets, in one of `fields`, and `check` agrees. */
function stemPhrase(
  seg: Segment,
  words: QueryPhrase['words'],
  ids: number[],
  fields: readonly number[],
  has: Uint8Array,
  check: (doc: number, field: number) => boolean,
): void {
  const cursors = ids.map((t) => new PostingCursor(seg, t))
  const inField = new Uint8Array(F)
  for (const f of fields) inField[f] = 1
  // A merge join over the words' postings: positions are decoded only where every word is present.
  for (;;) {
    let max = 0
    for (const c of cursors) max = Math.max(max, c.key())
    if (max === Infinity) return
    let aligned = true
    for (const c of cursors) {
      while (c.key() < max) c.next()
      if (c.key() !== max) aligned = false
    }
    if (!aligned) continue
    const doc = Math.floor(max / F)
    if (inField[max % F] && !has[doc]) {
      const lists = cursors.map((c) => new Set(c.positions()))
      const base = words[0]!.offset
      let found = false
      for (const p of lists[0]!) {
        if (lists.every((list, i) => i === 0 || list.has(p - base + words[i]!.offset))) {
          found = true
          break
        }
      }
      if (found && check(doc, max % F)) has[doc] = 1
    }
    for (const c of cursors) c.next()
  }
}

/** The records of `records` that make `builder` fail, each with its reason (found by halving). */
async function findFailing(builder: SegmentBuilder, records: SearchRecord[], error: unknown): Promise<SkippedRecord[]> {
  if (records.length === 1) {
    return [{ id: String(records[0]!.id), reason: error instanceof Error ? error.message : String(error) }]
  }
  const half = Math.ceil(records.length / 2)
  const out: SkippedRecord[] = []
  for (const part of [records.slice(0, half), records.slice(half)]) {
    try {
      await builder(part)
    } catch (e) {
      out.push(...(await findFailing(builder, part, e)))
    }
  }
  return out
}

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)]

/** Whether two strings are within `max` edits (insert, delete, substitute, swap neighbours, as lunr counts them). */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false
  if (a === b) return true
  if (max === 1) return oneEditApart(a, b)
  if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2))
  let [before, prev, cur] = rows as [Int32Array, Int32Array, Int32Array]
  for (let j = 0; j <= b.length; j++) prev[j] = j
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let best = i
    const ca = a.charCodeAt(i - 1)
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1)
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1))
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, before[j - 2]! + 1)
      cur[j] = v
      if (v < best) best = v
    }
    if (best > max) return false
    ;[before, prev, cur] = [prev, cur, before]
  }
  return prev[b.length]! <= max
}

function oneEditApart(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a]
  let i = 0
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++
  const sameFrom = (x: number, y: number) => {
    for (; x < a.length; x++, y++) if (a.charCodeAt(x) !== b.charCodeAt(y)) return false
    return true
  }
  if (a.length === b.length) {
    // One substitution, or two neighbours swapped: the rest must match.
    if (sameFrom(i + 1, i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(i + 2, i + 2)
  }
  // One insertion into a.
  return sameFrom(i, i + 1)
}

/** Every term (with how many shards hold it), grouped by first letter and length for fuzzy terms. */
interface Vocabulary {
  count: Map<string, number>
  buckets: Map<string, Set<string>>
  /** First letters in use, with their term counts. */
  firsts: Map<string, number>
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`
}

/**
 * The terms within `distance` edits of `term`. For one edit (the common case), only terms with the
 * same first letter are scanned; an edit at the first letter is found by direct look-ups.
 */
function fuzzyTerms(v: Vocabulary, term: string, distance: number): string[] {
  const out = new Set<string>()
  const firsts = distance === 1 ? [term.charAt(0)] : [...v.firsts.keys()]
  for (const first of firsts) {
    for (let len = term.length - distance; len <= term.length + distance; len++) {
      for (const t of v.buckets.get(bucketKey(first, len)) ?? []) if (withinDistance(term, t, distance)) out.add(t)
    }
  }
  if (distance === 1) {
    const rest = term.slice(1)
    const candidates = [rest, term.length > 1 ? term.charAt(1) + term.charAt(0) + term.slice(2) : '']
    for (const c of v.firsts.keys()) candidates.push(c + rest, c + term)
    for (const c of candidates) if (c !== '' && v.count.has(c)) out.add(c)
  }
  return [...out]
}

interface FacetCounts {
  site: Int32Array
  language: Int32Array
  collection: Int32Array
  flag: Int32Array
  year: Int32Array
}

/** Adds one matching document to the facet counts. */
function countFacets(counts: FacetCounts, cols: LiveShard['cols'], d: number): void {
  const site = cols.site[d]!
  if (site >= 0) counts.site[site]!++
  const language = cols.language[d]!
  if (language >= 0) counts.language[language]!++
  const collection = cols.collection[d]!
  if (collection >= 0) counts.collection[collection]!++
  const flags = cols.flags[d]!
  if (flags) for (let b = 0; b < counts.flag.length; b++) if (flags & (1 << b)) counts.flag[b]!++
  counts.year[cols.year[d]!]!++
}

/** Keeps the best `k` candidates seen (by score, or by date), without holding or sorting the whole result set. */
/**
 * One candidate per group of copies, in the rank of the group's best match: the group's earliest member when it
 * matched, else its best match, with how many other matches it stands for.
 */
function collapseCandidates(
  top: readonly Candidate[],
  idOf: (c: Candidate) => string,
  keyOf: (id: string) => string,
): { c: Candidate; copies: number }[] {
  const groups = new Map<string, { c: Candidate; copies: number }>()
  for (const c of top) {
    const id = idOf(c)
    const key = keyOf(id)
    const group = groups.get(key)
    if (!group) groups.set(key, { c, copies: 0 })
    else {
      group.copies++
      if (id === key) group.c = c
    }
  }
  return [...groups.values()]
}

class TopK {
  readonly #k: number
  readonly #byDate: boolean
  readonly #idOf: (shard: number, doc: number) => string
  // A heap with the worst kept candidate on top.
  #heap: Candidate[] = []

  constructor(k: number, byDate: boolean, idOf: (shard: number, doc: number) => string) {
    this.#k = k
    this.#byDate = byDate
    this.#idOf = idOf
  }

  /** Whether a is better than b: score (or date) first, then date (or score), then id. */
  #better(a: Candidate, b: Candidate): boolean {
    const at = Number.isNaN(a.time) ? -Infinity : a.time
    const bt = Number.isNaN(b.time) ? -Infinity : b.time
    if (this.#byDate) {
      if (at !== bt) return at > bt
      if (a.score !== b.score) return a.score > b.score
    } else {
      if (a.score !== b.score) return a.score > b.score
      if (at !== bt) return at > bt
    }
    return this.#idOf(a.shard, a.doc) < this.#idOf(b.shard, b.doc)
  }

  offer(score: number, time: number, shard: number, doc: number): void {
    if (this.#k === 0) return
    const heap = this.#heap
    if (heap.length === this.#k) {
      const worst = heap[0]!
      // Cheap rejection before making a candidate object.
      const key = this.#byDate ? (Number.isNaN(time) ? -Infinity : time) : score
      const worstKey = this.#byDate ? (Number.isNaN(worst.time) ? -Infinity : worst.time) : worst.score
      if (key < worstKey) return
      const c = { shard, doc, score, time }
      if (!this.#better(c, worst)) return
      heap[0] = c
      this.#down(0)
      return
    }
    heap.push({ shard, doc, score, time })
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.#better(heap[parent]!, heap[i]!)) break
      ;[heap[parent], heap[i]] = [heap[i]!, heap[parent]!]
      i = parent
    }
  }

  #down(i: number): void {
    const heap = this.#heap
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let worst = i
      if (l < heap.length && this.#better(heap[worst]!, heap[l]!)) worst = l
      if (r < heap.length && this.#better(heap[worst]!, heap[r]!)) worst = r
      if (worst === i) return
      ;[heap[worst], heap[i]] = [heap[i]!, heap[worst]!]
      i = worst
    }
  }

  /** The kept candidates, best first. */
  sorted(): Candidate[] {
    return [...this.#heap].sort((a, b) => (this.#better(a, b) ? -1 : this.#better(b, a) ? 1 : 0))
  }
}

function scratch(n: number): { scores: Float64Array; matched: Uint8Array; ok: Uint8Array } {
  const size = Math.max(n, 2048)
  return { scores: new Float64Array(size), matched: new Uint8Array(size), ok: new Uint8Array(size) }
}

function liveCount(s: LiveShard): number {
  return s.segment.docs.length - s.deleted.size
}
