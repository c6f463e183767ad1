/**
 * Groups of copies and of versions, from signatures: LSH banding finds the candidate pairs, the signatures confirm.
 *
 * - same text: estimated similarity ≥ DUPLICATE_SIMILARITY, or the very same bytes;
 * - versions: the same canonical or source URL, or the same site and similarity ≥ VERSION_SIMILARITY, with a
 *   different content hash.
 */
import { SIGNATURE_SIZE, similarityOf } from './signature'

/** Estimated similarity from which two texts are the same text (a reprint, a second save). */
export const DUPLICATE_SIMILARITY = 0.9

/** Estimated similarity from which two articles of one site are versions of each other. */
export const VERSION_SIMILARITY = 0.7

// 16 bands of 4 rows: a pair at 0.9 becomes a candidate with p > 0.999, at 0.7 with p ≈ 0.99, at 0.3 with
// p ≈ 0.12; every candidate is then checked on the whole signature.
const ROWS = 4
const BANDS = SIGNATURE_SIZE / ROWS

/** What grouping needs of one article. */
export interface GroupEntry {
  id: string
  hash: string
  url: string | null
  sourceUrl: string | null
  site: string | null
  sig: Uint32Array | null
  /** Sort key: published, else captured, else imported (ms). */
  time: number
}

/** Sets of ids that belong together (union-find over entry indexes). */
export class UnionFind {
  readonly #parent: Int32Array

  constructor(size: number) {
    this.#parent = Int32Array.from({ length: size }, (_, i) => i)
  }

  /** The representative of i's set. */
  find(i: number): number {
    const p = this.#parent
    while (p[i] !== i) {
      p[i] = p[p[i]!]!
      i = p[i]!
    }
    return i
  }

  /** Puts a and b in one set. */
  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.#parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }

  /** The sets with more than one member, as index lists. */
  sets(): number[][] {
    const by = new Map<number, number[]>()
    for (let i = 0; i < this.#parent.length; i++) {
      const r = this.find(i)
      let list = by.get(r)
      if (!list) by.set(r, (list = []))
      list.push(i)
    }
    return [...by.values()].filter((s) => s.length > 1)
  }
}

/** Earliest first: by time, then id, so the order never depends on the scan. */
export function byTime(a: { time: number; id: string }, b: { time: number; id: string }): number {
  const at = Number.isNaN(a.time) ? Infinity : a.time
  const bt = Number.isNaN(b.time) ? Infinity : b.time
  return at - bt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** A URL with what does not name the page (fragment, tracking parameters, trailing slash, case of the host) removed. */
export function canonicalUrl(url: string | null): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    u.hash = ''
    for (const key of [...u.searchParams.keys()]) if (/^(utm_|fbclid$|gclid$)/.test(key)) u.searchParams.delete(key)
    const path = u.pathname.replace(/\/+$/, '')
    return `${u.host.toLowerCase().replace(/^www\./, '')}${path}${u.search}`
  } catch {
    return null
  }
}

/** The groups of a library: each list of member ids is earliest first. */
export interface Groups {
  duplicates: string[][]
  versions: string[][]
}

/** The candidate pairs of similar signatures (each pair once, i < j). */
export function candidatePairs(entries: readonly GroupEntry[]): [number, number][] {
  const seen = new Set<number>()
  const pairs: [number, number][] = []
  const n = entries.length
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>()
    entries.forEach((e, i) => {
      if (!e.sig) return
      const key = e.sig.subarray(band * ROWS, band * ROWS + ROWS).join(',')
      let list = buckets.get(key)
      if (!list) buckets.set(key, (list = []))
      list.push(i)
    })
    for (const list of buckets.values()) {
      for (let a = 0; a < list.length; a++) {
        for (let b = a + 1; b < list.length; b++) {
          const key = list[a]! * n + list[b]!
          if (seen.has(key)) continue
          seen.add(key)
          pairs.push([list[a]!, list[b]!])
        }
      }
    }
  }
  return pairs
}

/** Builds the groups of copies and of versions. */
export function buildGroups(entries: readonly GroupEntry[]): Groups {
  const same = new UnionFind(entries.length)
  const versions = new UnionFind(entries.length)
  const byHash = new Map<string, number>()
  const byUrl = new Map<string, number>()
  entries.forEach((e, i) => {
    const first = byHash.get(e.hash)
    if (first === undefined) byHash.set(e.hash, i)
    else same.union(first, i)
    for (const url of new Set([canonicalUrl(e.url), canonicalUrl(e.sourceUrl)])) {
      if (!url) continue
      const other = byUrl.get(url)
      if (other === undefined) byUrl.set(url, i)
      else versions.union(other, i)
    }
  })
  for (const [a, b] of candidatePairs(entries)) {
    const ea = entries[a]!
    const eb = entries[b]!
    const similarity = similarityOf(ea.sig!, eb.sig!)
    if (similarity >= DUPLICATE_SIMILARITY) same.union(a, b)
    if (similarity >= VERSION_SIMILARITY && ea.site && ea.site === eb.site && ea.hash !== eb.hash) versions.union(a, b)
  }
  const ids = (sets: number[][]) =>
    sets.map((set) =>
      set
        .map((i) => entries[i]!)
        .sort(byTime)
        .map((e) => e.id),
    )
  // A "version" group whose members all hold the same bytes is copies, not versions.
  const versionSets = versions.sets().filter((set) => new Set(set.map((i) => entries[i]!.hash)).size > 1)
  return { duplicates: ids(same.sets()), versions: ids(versionSets) }
}

/** Puts `id` and `others` (with their groups) in one group, earliest first, in `groups`. */
function merge(
  groups: Map<string, readonly string[]>,
  id: string,
  others: readonly string[],
  time: Map<string, number>,
) {
  if (others.length === 0) return
  const members = new Set(groups.get(id) ?? [id])
  for (const other of others) for (const m of groups.get(other) ?? [other]) members.add(m)
  const group = [...members]
    .map((m) => ({ id: m, time: time.get(m) ?? NaN }))
    .sort(byTime)
    .map((m) => m.id)
  for (const m of group) groups.set(m, group)
}

/**
 * Adds a few new entries to existing groups (id → its group) without a whole pass: each new entry is compared with
 * every other, which is quicker than banding for a handful of articles in a big library.
 */
export function joinNew(
  entries: readonly GroupEntry[],
  fresh: ReadonlySet<string>,
  copies: Map<string, readonly string[]>,
  versions: Map<string, readonly string[]>,
): void {
  const time = new Map(entries.map((e) => [e.id, e.time]))
  const byUrl = new Map<string, GroupEntry[]>()
  for (const e of entries) {
    for (const url of new Set([canonicalUrl(e.url), canonicalUrl(e.sourceUrl)])) {
      if (!url) continue
      let list = byUrl.get(url)
      if (!list) byUrl.set(url, (list = []))
      list.push(e)
    }
  }
  for (const e of entries) {
    if (!fresh.has(e.id)) continue
    const same: string[] = []
    const versionOf = new Set<string>()
    for (const other of entries) {
      if (other === e) continue
      const similarity = other.hash === e.hash ? 1 : e.sig && other.sig ? similarityOf(e.sig, other.sig) : 0
      if (similarity >= DUPLICATE_SIMILARITY) same.push(other.id)
      if (similarity >= VERSION_SIMILARITY && e.site && e.site === other.site && e.hash !== other.hash) {
        versionOf.add(other.id)
      }
    }
    for (const url of new Set([canonicalUrl(e.url), canonicalUrl(e.sourceUrl)])) {
      for (const other of (url && byUrl.get(url)) || []) if (other.hash !== e.hash) versionOf.add(other.id)
    }
    merge(copies, e.id, same, time)
    merge(versions, e.id, [...versionOf], time)
  }
}
