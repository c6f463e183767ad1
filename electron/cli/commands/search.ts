/**
 * `search QUERY`: full-text search over the library with lunr's query language, exact phrases,
 * AND/OR/NOT and filters. Why nothing was found, and what the query did not fully get, go to stderr
 * (or into the JSON as `notice` and `adjustments`); the exit status stays 0.
 */
import type { SearchRequest, TextRange } from '../../shared/models'
import { openSearchIndex, withStoryToken } from '../../core/search/search-index'
import { openStoryGroups, type StoryGroups } from '../../core/stories/story-groups'
import { CommandError, UsageError, type CliCommand } from '../command'
import { indexReady } from '../index-progress'
import { FILTER_OPTIONS, FILTER_USAGE, filteredRequest } from '../search-filters'
import { LibraryWorkbench } from '../../core/workbench/index'

function count(value: unknown, option: string, fallback: number, min: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${option} must be a whole number of at least ${min}`)
  return n
}

/** Marks ranges of `text` with [brackets]. */
function mark(text: string, ranges: readonly TextRange[]): string {
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + '[' + text.slice(start, end) + ']'
    at = end
  }
  return out + text.slice(at)
}

/** The `search` command. */
export const command: CliCommand = {
  usage: `search QUERY ${FILTER_USAGE} [--sort date] [--limit N] [--collapse]`,
  summary: 'Search the library (field:term +must -not a AND b, a OR b, NOT a, term* term~1 term^2 "exact words").',
  options: {
    ...FILTER_OPTIONS,
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    collapse: { type: 'boolean' },
  },
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const query = ctx.args[0]!
    const sort = ctx.flags.sort
    if (sort !== undefined && sort !== 'date' && sort !== 'relevance') {
      throw new UsageError('--sort must be "date" or "relevance"')
    }
    const request: SearchRequest = {
      ...filteredRequest(query, ctx.flags),
      sort: sort as SearchRequest['sort'],
      limit: count(ctx.flags.limit, 'limit', 20, 1),
      offset: count(ctx.flags.offset, 'offset', 0, 0),
      collapse: ctx.flags.collapse === true ? true : undefined,
    }
    const library = await ctx.openLibrary()
    const index = await openSearchIndex(library)
    // Copies and stories are grouped only when the request needs them: the first grouping signs every article.
    let stories: StoryGroups | null = null
    try {
      if (request.collapse || withStoryToken(request).story !== undefined) {
        stories = await openStoryGroups(library)
        index.useStories(stories)
        await stories.ready()
      }
      await indexReady(index, ctx)
      const result = await index.search(request)
      if (!result.ok) {
        const { message, start, end } = result.error
        if (result.error.code !== 'query-syntax' || start === undefined) throw new CommandError(message)
        const at = query.slice(start, Math.max(end ?? start, start + 1))
        throw new CommandError(`query syntax error at character ${start + 1}${at ? ` ("${at}")` : ''}: ${message}`)
      }
      const { total, hits, facets, notice, adjustments, variants } = result.value
      // The user's notes answer the same query (plain words, or its note: terms); they print apart from articles.
      const bench = await LibraryWorkbench.open(library, index, null)
      const noteHits = bench.searchNotes(query)
      await bench.close()
      if (ctx.json) {
        const out = {
          total,
          hits: hits.map((h) => ({
            id: h.id,
            title: h.title,
            site: h.site,
            published: h.published,
            language: h.language,
            flags: h.flags,
            score: h.score,
            snippet: h.snippet,
            matches: h.matches,
            titleMatches: h.titleMatches,
            ...(h.copies !== undefined ? { copies: h.copies } : {}),
          })),
          facets,
          ...(notice ? { notice } : {}),
          ...(adjustments ? { adjustments } : {}),
          ...(variants ? { variants } : {}),
          ...(noteHits.length > 0 ? { notes: noteHits } : {}),
        }
        ctx.out(JSON.stringify(out) + '\n')
        return 0
      }
      const lines: string[] = []
      for (const h of hits) {
        const meta = [h.site, h.published?.slice(0, 10), h.language, ...h.flags].filter(Boolean).join(' · ')
        const copies = h.copies ? `  +${h.copies} ${h.copies === 1 ? 'copy' : 'copies'}` : ''
        lines.push(h.title + copies, `  ${meta}  (${h.id})`, `  ${mark(h.snippet, h.snippetMatches)}`, '')
      }
      const shown = hits.length === 0 ? '' : ` (showing ${request.offset! + 1}–${request.offset! + hits.length})`
      lines.push(`${total} article${total === 1 ? '' : 's'} found${shown}`)
      if (variants) lines.push(`also matched: ${variants.join(', ')}`)
      if (noteHits.length > 0) lines.push('', `${noteHits.length} note${noteHits.length === 1 ? '' : 's'} found:`)
      for (const n of noteHits) lines.push(`  note: ${n.note}`, `    on "${n.quote}" in ${n.title}  (${n.articleId})`)
      ctx.out(lines.join('\n') + '\n')
      const notes = [...(adjustments ?? [])]
      if (notice) notes.push(notice.message, ...notice.suggestions.map((q) => `  try: ${q}`))
      if (notes.length > 0) ctx.err(notes.join('\n') + '\n')
      return 0
    } finally {
      await stories?.close()
      await index.close()
      await library.close()
    }
  },
}
