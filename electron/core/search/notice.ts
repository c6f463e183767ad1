/**
 * What a search that found nothing says: why (only stop words, or no match) and queries worth trying
 * instead, each tried first so only those that do find something are offered.
 */
import type { SearchNotice, SearchRequest } from '../../shared/models'
import type { ParsedQuery } from './query'

/** The most alternative queries tried for one empty result, and offered. */
const TRIED = 5
const OFFERED = 4

const WORD = /^[\p{L}\p{N}]+$/u
const OPERATORS = new Set(['AND', 'OR', 'NOT'])

function hasFilters(r: SearchRequest): boolean {
  return (
    r.site !== undefined ||
    r.language !== undefined ||
    (r.collection !== undefined && r.collection !== '') ||
    (r.flags?.length ?? 0) > 0 ||
    (r.notFlags?.length ?? 0) > 0 ||
    r.from !== undefined ||
    r.to !== undefined ||
    r.starred !== undefined ||
    r.unread !== undefined
  )
}

/** Queries close to `query` that may find more: OR for AND, a dropped required word, `word*`, `word~1`. */
function alternatives(query: string): string[] {
  const tokens = query.trim().split(/\s+/)
  const out: string[] = []
  if (tokens.includes('AND')) out.push(tokens.map((t) => (t === 'AND' ? 'OR' : t)).join(' '))
  tokens.forEach((t, i) => {
    const swap = (to: string) => [...tokens.slice(0, i), to, ...tokens.slice(i + 1)].join(' ')
    if (t.startsWith('+') && tokens.length > 1) out.push([...tokens.slice(0, i), ...tokens.slice(i + 1)].join(' '))
    if (OPERATORS.has(t) || !WORD.test(t)) return
    if (t.length >= 4) out.push(swap(`${t}~1`))
    if (t.length >= 3) out.push(swap(`${t}*`))
  })
  return [...new Set(out)].filter((q) => q !== query)
}

/**
 * The notice for a search that found nothing, or null when there is nothing useful to say.
 * `count` answers how many articles a request finds.
 */
export function noticeFor(
  request: SearchRequest,
  query: ParsedQuery,
  count: (request: SearchRequest) => number,
): SearchNotice | null {
  const searched = query.clauses.some((c) => c.presence !== 'prohibited')
  const phrased = query.phrases.some((p) => p.presence !== 'prohibited')
  if (query.kind === 'positive' && !searched && !phrased && query.stopWords.length > 0) {
    const words = query.stopWords.map((w) => `"${w}"`).join(', ')
    return {
      code: 'stop-words-only',
      message: `${words} ${query.stopWords.length === 1 ? 'is' : 'are'} too common to search for; add a less common word.`,
      suggestions: [],
    }
  }
  const text = request.query.trim()
  const filtered = hasFilters(request)
  if (text === '') {
    return filtered
      ? { code: 'no-results', message: 'No article matches these filters; remove one to see more.', suggestions: [] }
      : null
  }
  const suggestions: string[] = []
  for (const q of alternatives(text).slice(0, TRIED)) {
    if (suggestions.length >= OFFERED) break
    if (count({ ...request, query: q }) > 0) suggestions.push(q)
  }
  const unfiltered = filtered ? count({ query: request.query }) : 0
  const message =
    unfiltered > 0
      ? `No article matches "${text}" with these filters; ${unfiltered} do without them.`
      : suggestions.length > 0
        ? `No article matches "${text}"; the queries below find some.`
        : `No article matches "${text}"; try fewer or other words.`
  return { code: 'no-results', message, suggestions }
}
