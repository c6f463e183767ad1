/**
 * `search QUERY`: full-text search over the library with lunr's query language, exact phrases,
 * AND/OR/NOT and filters. Why nothing was found, and what the query did not fully get, go to stderr
 * (or into the JSON as `notice` and `adjustments`); the exit status stays 0.
 */
import { ARTICLE_FLAGS, type ArticleFlag, type SearchRequest, type TextRange } from '../../shared/models'
import { openSearchIndex, withStoryToken } from '../../core/search/search-index'
import { openStoryGroups, type StoryGroups } from '../../core/stories/story-groups'
import { CommandError, UsageError, type CliCommand } from '../command'
import { indexReady } from '../index-progress'
import { LibraryWorkbench } from '../../core/workbench/index'

const DATE = /^\d{4}-\d{2}-\d{2}/

function strings(value: unknown): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/** The flags named by a repeatable `--flag`-like option; a usage error for an unknown one. */
export function flagList(value: unknown, option: string): ArticleFlag[] {
  return strings(value).map((f) => {
    if (!(ARTICLE_FLAGS as readonly string[]).includes(f)) {
      throw new UsageError(`--${option} must be one of ${ARTICLE_FLAGS.join(', ')}`)
    }
    return f as ArticleFlag
  })
}

/** A `--from`/`--to` date option, checked; a usage error for anything else. */
export function date(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${option} must be a date such as 2024-05-01`)
  }
  return value
}

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
  usage:
    'search QUERY [--site S] [--lang L] [--flag F] [--no-flag F] [--from D] [--to D] [--sort date] [--limit N] [--collapse]',
  summary: 'Search the library (field:term +must -not a AND b, a OR b, NOT a, term* term~1 term^2 "exact words").',
  options: {
    site: { type: 'string' },
    lang: { type: 'string' },
    collection: { type: 'string' },
    flag: { type: 'string', multiple: true },
    'no-flag': { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    sort: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    starred: { type: 'boolean' },
    unread: { type: 'boolean' },
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
      query,
      site: ctx.flags.site as string | undefined,
      language: ctx.flags.lang as string | undefined,
      collection: ctx.flags.collection as string | undefined,
      flags: flagList(ctx.flags.flag, 'flag'),
      notFlags: flagList(ctx.flags['no-flag'], 'no-flag'),
      from: date(ctx.flags.from, 'from'),
      to: date(ctx.flags.to, 'to'),
      sort: sort as SearchRequest['sort'],
      limit: count(ctx.flags.limit, 'limit', 20, 1),
      offset: count(ctx.flags.offset, 'offset', 0, 0),
      starred: ctx.flags.starred === true ? true : undefined,
      unread: ctx.flags.unread === true ? true : undefined,
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
