/**
 * Same-story clusters across sites: TF-IDF cosine over title and lead (names folded and cut to a stem), per
 * language, between articles no more than STORY_WINDOW_MS apart; linked pairs and groups of copies are joined.
 */
import { byTime, UnionFind } from './groups'

/** Cosine of title-and-lead vectors from which two articles tell the same story. */
export const STORY_SIMILARITY = 0.3

/** How far apart (by published, else captured, else imported date) two articles of one story may be. */
export const STORY_WINDOW_MS = 3 * 86_400_000

/** Title words weigh this many lead words. */
const TITLE_WEIGHT = 2

/** What clustering needs of one article. */
export interface ClusterEntry {
  id: string
  language: string | null
  /** Published, else captured, else imported (ms); NaN when none parses. */
  time: number
  /** From `storyTermsOf`. */
  terms: readonly string[]
}

/** Unit TF-IDF vectors of each entry of one language: term → weight. */
function vectorsOf(entries: readonly ClusterEntry[], members: readonly number[]): Map<string, number>[] {
  const df = new Map<string, number>()
  const tfs = members.map((i) => {
    const tf = new Map<string, number>()
    for (const t of entries[i]!.terms) {
      const title = t.startsWith('^')
      const term = title ? t.slice(1) : t
      tf.set(term, (tf.get(term) ?? 0) + (title ? TITLE_WEIGHT : 1))
    }
    for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1)
    return tf
  })
  const n = members.length
  return tfs.map((tf) => {
    const v = new Map<string, number>()
    let norm = 0
    for (const [term, count] of tf) {
      const w = (1 + Math.log(count)) * Math.log(1 + n / df.get(term)!)
      v.set(term, w)
      norm += w * w
    }
    norm = Math.sqrt(norm) || 1
    for (const [term, w] of v) v.set(term, w / norm)
    return v
  })
}

/**
 * Clusters the entries; `joined` are id lists already known to be one story (groups of copies).
 *
 * Returns the clusters of two or more, each earliest member first.
 */
export function buildClusters(
  entries: readonly ClusterEntry[],
  joined: readonly (readonly string[])[] = [],
): string[][] {
  const uf = new UnionFind(entries.length)
  const index = new Map(entries.map((e, i) => [e.id, i]))
  for (const group of joined) {
    const first = index.get(group[0]!)
    if (first === undefined) continue
    for (const id of group) {
      const i = index.get(id)
      if (i !== undefined) uf.union(first, i)
    }
  }
  const byLanguage = new Map<string, number[]>()
  entries.forEach((e, i) => {
    const key = e.language ?? ''
    let list = byLanguage.get(key)
    if (!list) byLanguage.set(key, (list = []))
    list.push(i)
  })
  for (const members of byLanguage.values()) linkLanguage(entries, members, uf)
  return uf.sets().map((set) =>
    set
      .map((i) => entries[i]!)
      .sort(byTime)
      .map((e) => e.id),
  )
}

/** Links the pairs of one language whose cosine reaches STORY_SIMILARITY within the window. */
function linkLanguage(entries: readonly ClusterEntry[], members: readonly number[], uf: UnionFind): void {
  const vectors = vectorsOf(entries, members)
  // Terms in more than this many articles are a topic, not a story: they do not make candidates alone.
  const common = Math.max(50, Math.ceil(members.length * 0.02))
  const postings = new Map<string, { at: number; w: number }[]>()
  vectors.forEach((v, at) => {
    for (const [term, w] of v) {
      let list = postings.get(term)
      if (!list) postings.set(term, (list = []))
      list.push({ at, w })
    }
  })
  const dots = new Float64Array(members.length)
  const touched: number[] = []
  vectors.forEach((v, at) => {
    const time = entries[members[at]!]!.time
    for (const [term, w] of v) {
      const list = postings.get(term)!
      if (list.length > common) continue
      for (const p of list) {
        if (p.at <= at) continue
        if (dots[p.at] === 0) touched.push(p.at)
        dots[p.at]! += w * p.w
      }
    }
    for (const other of touched) {
      const otherTime = entries[members[other]!]!.time
      const near = Number.isNaN(time) || Number.isNaN(otherTime) || Math.abs(time - otherTime) <= STORY_WINDOW_MS
      if (near && dots[other]! >= STORY_SIMILARITY) uf.union(members[at]!, members[other]!)
      dots[other] = 0
    }
    touched.length = 0
  })
}
