/**
 * Pure helpers for the library list: sorting, filtering (smart views and facets combined) and the sidebar's counts.
 */
import type { ArticleFlag, ArticleListRow } from '../../electron/shared/models'
import { assertNever } from '../../electron/shared/result'
import { filterValueLabel } from './format'

/** How the list is ordered: Published puts undated articles last, always; Imported is the import date. */
export type ListSort = 'published' | 'imported' | 'title' | 'site'

/** Every sort with its label, in the order the sort menu lists them. */
export const LIST_SORTS: readonly { value: ListSort; label: string }[] = [
  { value: 'published', label: 'Published' },
  { value: 'imported', label: 'Imported' },
  { value: 'title', label: 'Title' },
  { value: 'site', label: 'Site' },
]

/** A saved view of the sidebar, over the user's own state and the dates. */
export type SmartView = 'unread' | 'starred' | 'recent' | 'undated'

/** Every smart view with its label, in sidebar order. */
export const SMART_VIEWS: readonly { value: SmartView; label: string }[] = (
  ['unread', 'starred', 'recent', 'undated'] as const
).map((value) => ({ value, label: filterValueLabel('view', value) }))

/** How far back "Recently imported" reaches. */
export const RECENT_DAYS = 7

/** The filters in force: at most one value per facet, and all of them must hold. */
export interface ListFilters {
  view?: SmartView
  collection?: string
  site?: string
  language?: string
  flag?: ArticleFlag
}

/** One kind of filter. */
export type FilterKind = keyof ListFilters

/** Counts per value for the sidebar. */
export interface ListFacets {
  collections: [string, number][]
  sites: [string, number][]
  languages: [string, number][]
  flags: [ArticleFlag, number][]
}

/** Titles and names in the order a reader expects: case and accents beside their letter, numbers by value. */
export const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Sorts by a precomputed string key with plain comparisons (ISO dates sort as strings). */
function sortByKey(items: ArticleListRow[], key: (item: ArticleListRow) => string, descending = false) {
  const keyed = items.map((item) => ({ key: key(item), item }))
  const sign = descending ? -1 : 1
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : 0))
  return keyed.map((k) => k.item)
}

/** Sorts by a precomputed text key through the collator. */
function sortByText(items: ArticleListRow[], key: (item: ArticleListRow) => string) {
  const keyed = items.map((item) => ({ key: key(item), item }))
  keyed.sort((a, b) => collator.compare(a.key, b.key))
  return keyed.map((k) => k.item)
}

const titleKey = (item: ArticleListRow) => item.title.replace(/^[^\p{L}\p{N}]+/u, '')

/** A sorted copy of the items. */
export function sortItems(items: ArticleListRow[], sort: ListSort): ArticleListRow[] {
  switch (sort) {
    case 'published': {
      // Newest first, and undated articles after every dated one: their import date is no publication date.
      const dated = items.filter((i) => i.published !== null)
      const undated = items.filter((i) => i.published === null)
      return [...sortByKey(dated, (a) => a.published!, true), ...sortByKey(undated, (a) => a.importedAt, true)]
    }
    case 'imported':
      return sortByKey(items, (a) => a.importedAt, true)
    case 'title':
      return sortByText(items, titleKey)
    case 'site': {
      // By site (unknown sites last), then by title: a stable sort of the title order by each site's rank.
      const sites = [...new Set(items.map((i) => i.site).filter((s) => s !== null))].sort(collator.compare)
      const rank = new Map(sites.map((s, i) => [s, i]))
      const last = sites.length
      return sortByText(items, titleKey).sort((a, b) => (rank.get(a.site!) ?? last) - (rank.get(b.site!) ?? last))
    }
    default:
      return assertNever(sort, 'sortItems')
  }
}

/** True when the item is in the smart view. */
function inView(item: ArticleListRow, view: SmartView, now: number): boolean {
  switch (view) {
    case 'unread':
      return !item.read
    case 'starred':
      return item.starred
    case 'recent':
      return Date.parse(item.importedAt) >= now - RECENT_DAYS * 86_400_000
    case 'undated':
      return item.published === null
    default:
      return assertNever(view, 'inView')
  }
}

/** True when the item passes every filter (none: every item does). */
export function matches(item: ArticleListRow, filters: ListFilters, now: number): boolean {
  if (filters.view && !inView(item, filters.view, now)) return false
  if (
    filters.collection !== undefined &&
    item.collection !== filters.collection &&
    !item.collection.startsWith(filters.collection + '/')
  )
    return false
  if (filters.site !== undefined && item.site !== filters.site) return false
  if (filters.language !== undefined && item.language !== filters.language) return false
  if (filters.flag !== undefined && !item.flags.includes(filters.flag)) return false
  return true
}

/** True when no filter is set. */
export function noFilters(filters: ListFilters): boolean {
  return Object.values(filters).every((v) => v === undefined)
}

/** How many articles each smart view holds. */
export function viewCounts(items: readonly ArticleListRow[], now: number): Record<SmartView, number> {
  const counts: Record<SmartView, number> = { unread: 0, starred: 0, recent: 0, undated: 0 }
  const since = now - RECENT_DAYS * 86_400_000
  for (const item of items) {
    if (!item.read) counts.unread++
    if (item.starred) counts.starred++
    if (item.published === null) counts.undated++
    if (Date.parse(item.importedAt) >= since) counts.recent++
  }
  return counts
}

function tally(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function sorted<K extends string>(map: Map<K, number>): [K, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
}

/**
 * Counts per collection, site, language and flag, most frequent first.
 *
 * Files at the library root (collection '') come first as a collection of their own ("Library root"), but only
 * when there are folders too: in a library without folders it would repeat "All articles".
 */
export function facetCounts(items: readonly ArticleListRow[]): ListFacets {
  let root = 0
  const collections = new Map<string, number>()
  const sites = new Map<string, number>()
  const languages = new Map<string, number>()
  const flags = new Map<ArticleFlag, number>()
  for (const item of items) {
    if (item.collection === '') root++
    else tally(collections, item.collection)
    if (item.site) tally(sites, item.site)
    if (item.language) tally(languages, item.language)
    for (const flag of item.flags) flags.set(flag, (flags.get(flag) ?? 0) + 1)
  }
  const folders = sorted(collections)
  return {
    collections: root > 0 && folders.length > 0 ? [['', root], ...folders] : folders,
    sites: sorted(sites),
    languages: sorted(languages),
    flags: sorted(flags),
  }
}
