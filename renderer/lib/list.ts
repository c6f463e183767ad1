/**
 * Pure helpers for the library list: sorting, filtering and the sidebar's counts.
 */
import type { ArticleFlag, ArticleListItem } from '../../electron/shared/models'
import { assertNever } from '../../electron/shared/result'

/** How the list is ordered. */
export type ListSort = 'date' | 'title' | 'site'

/** One sidebar filter: a collection, a site, a language or a flag. */
export type ListFilter =
  | { kind: 'collection'; value: string }
  | { kind: 'site'; value: string }
  | { kind: 'language'; value: string }
  | { kind: 'flag'; value: ArticleFlag }

/** Counts per value for the sidebar. */
export interface ListFacets {
  collections: [string, number][]
  sites: [string, number][]
  languages: [string, number][]
  flags: [ArticleFlag, number][]
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** A sorted copy of the items. */
export function sortItems(items: ArticleListItem[], sort: ListSort): ArticleListItem[] {
  const copy = items.slice()
  switch (sort) {
    case 'date': {
      // Newest first; an article without a published date sorts by its import date.
      const key = (a: ArticleListItem) => a.published ?? a.importedAt
      return copy.sort((a, b) => {
        const ka = key(a)
        const kb = key(b)
        return ka < kb ? 1 : ka > kb ? -1 : 0
      })
    }
    case 'title':
      return copy.sort((a, b) => collator.compare(a.title, b.title))
    case 'site':
      return copy.sort(
        (a, b) => collator.compare(a.site ?? '\uffff', b.site ?? '\uffff') || collator.compare(a.title, b.title),
      )
    default:
      return assertNever(sort, 'sortItems')
  }
}

/** True when the item passes the filter (none: every item does). */
export function matches(item: ArticleListItem, filter: ListFilter | null): boolean {
  if (!filter) return true
  switch (filter.kind) {
    case 'collection':
      return item.collection === filter.value || item.collection.startsWith(filter.value + '/')
    case 'site':
      return item.site === filter.value
    case 'language':
      return item.language === filter.value
    case 'flag':
      return item.flags.includes(filter.value)
    default:
      return assertNever(filter, 'matches')
  }
}

function tally(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function sorted<K extends string>(map: Map<K, number>): [K, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))
}

/** Counts per collection, site, language and flag, most frequent first. */
export function facetCounts(items: readonly ArticleListItem[]): ListFacets {
  const collections = new Map<string, number>()
  const sites = new Map<string, number>()
  const languages = new Map<string, number>()
  const flags = new Map<ArticleFlag, number>()
  for (const item of items) {
    if (item.collection !== '') tally(collections, item.collection)
    if (item.site) tally(sites, item.site)
    if (item.language) tally(languages, item.language)
    for (const flag of item.flags) flags.set(flag, (flags.get(flag) ?? 0) + 1)
  }
  return { collections: sorted(collections), sites: sorted(sites), languages: sorted(languages), flags: sorted(flags) }
}
