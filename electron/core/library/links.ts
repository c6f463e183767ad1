/**
 * Saved links of a read-later export (Pocket, Instapaper) given to the articles already in the library.
 *
 * A link whose address matches an article's `url` or `sourceUrl` hands that article its tags (merged), its
 * read/archived state and when it was saved; the other links have no text and are only counted and named.
 */
import type { ArticleState, ArticleSummary } from '../../shared/models'
import type { SavedLink } from '../formats/types'

/** How many unmatched addresses an import's warning names. */
const UNMATCHED_SHOWN = 3

/**
 * An address in the form two copies of the same page share: scheme and host lower-cased, no `#fragment`, no
 * `utm_*` tracking parameters, no trailing slash. Null for a string that is no absolute URL.
 */
export function normaliseUrl(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  url.hash = ''
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_')) url.searchParams.delete(name)
  }
  const query = url.searchParams.toString()
  const pathname = url.pathname.replace(/\/+$/, '')
  return `${url.protocol}//${url.host}${pathname}${query ? `?${query}` : ''}`
}

/** The part of the library's state that links change. */
export interface LinkState {
  state(id: string): ArticleState
  setState(id: string, patch: Partial<ArticleState>): unknown
}

/** What applying links did: the ids given state, and the addresses no article holds. */
export interface LinkOutcome {
  matched: number
  unmatched: string[]
  ids: string[]
}

/** Gives every link's tags, read/archived state and saved time to the articles holding its address. */
export async function applyLinks(
  links: readonly SavedLink[],
  articles: Iterable<Pick<ArticleSummary, 'id' | 'url' | 'sourceUrl'>>,
  library: LinkState,
): Promise<LinkOutcome> {
  const byUrl = new Map<string, string[]>()
  for (const article of articles) {
    const keys = new Set([article.url, article.sourceUrl].flatMap((u) => (u ? (normaliseUrl(u) ?? []) : [])))
    for (const key of keys) byUrl.set(key, [...(byUrl.get(key) ?? []), article.id])
  }
  const outcome: LinkOutcome = { matched: 0, unmatched: [], ids: [] }
  for (const link of links) {
    const key = normaliseUrl(link.url)
    const ids = key ? byUrl.get(key) : undefined
    if (!ids) {
      outcome.unmatched.push(link.url)
      continue
    }
    outcome.matched += 1
    for (const id of ids) {
      const before = library.state(id)
      const patch: Partial<ArticleState> = {}
      const tags = [...new Set([...(before.tags ?? []), ...link.tags])]
      if (tags.length > (before.tags?.length ?? 0)) patch.tags = tags
      if (link.read && !before.read) patch.read = true
      if (link.archived && !before.archived) patch.archived = true
      if (link.savedAt && link.savedAt !== before.savedAt) patch.savedAt = link.savedAt
      if (Object.keys(patch).length > 0) await library.setState(id, patch)
      outcome.ids.push(id)
    }
  }
  return outcome
}

/** The import warning for applied links: "N links matched articles; M link only, no text: a, b, c and K more". */
export function linksWarning(outcome: LinkOutcome): string {
  const { matched, unmatched } = outcome
  const head = `${matched} ${matched === 1 ? 'link' : 'links'} matched articles; ${unmatched.length} link only, no text`
  if (unmatched.length === 0) return head
  const shown = unmatched.slice(0, UNMATCHED_SHOWN).join(', ')
  const more = unmatched.length > UNMATCHED_SHOWN ? ` and ${unmatched.length - UNMATCHED_SHOWN} more` : ''
  return `${head} (${shown}${more})`
}
