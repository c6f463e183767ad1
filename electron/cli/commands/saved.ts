/**
 * `saved add NAME "QUERY" [filters…]`, `saved list [--json]`, `saved show NAME [--json]`: searches kept under a
 * name. `list` gives each one's matches and how many are new since it was last shown; `show` lists the new matches
 * first and marks them seen.
 */
import type { SearchRequest } from '../../shared/models'
import type { SavedSearch } from '../../shared/workbench'
import { openSearchIndex } from '../../core/search/search-index'
import { LibraryWorkbench } from '../../core/workbench/index'
import { CommandError, UsageError, type CliCommand } from '../command'
import { indexReady } from '../index-progress'
import { FILTER_OPTIONS, FILTER_USAGE, filteredRequest } from '../search-filters'

const USAGE = `saved add NAME "QUERY" ${FILTER_USAGE} | saved list | saved show NAME`

/** The filters of a request in words, e.g. `site:example.org from:2024-01-01`. */
function filtersOf(request: SearchRequest): string {
  const parts: string[] = []
  if (request.site) parts.push(`site:${request.site}`)
  if (request.language) parts.push(`lang:${request.language}`)
  if (request.collection !== undefined) parts.push(`collection:${request.collection}`)
  for (const f of request.flags ?? []) parts.push(`flag:${f}`)
  for (const f of request.notFlags ?? []) parts.push(`-flag:${f}`)
  if (request.from) parts.push(`from:${request.from}`)
  if (request.to) parts.push(`to:${request.to}`)
  if (request.starred) parts.push('starred')
  if (request.unread) parts.push('unread')
  return parts.join(' ')
}

function line(s: SavedSearch): string {
  const filters = filtersOf(s.request)
  return `${s.name}  "${s.request.query}"${filters ? ` ${filters}` : ''}  ${s.total} match${s.total === 1 ? '' : 'es'}, ${s.newCount} new`
}

/** The `saved` command. */
export const command: CliCommand = {
  usage: USAGE,
  summary: 'Keep searches under a name and see what is new in them since last time.',
  options: FILTER_OPTIONS,
  minArgs: 1,
  maxArgs: 3,
  async run(ctx) {
    const [action, name, query] = ctx.args
    const wanted = { add: 3, list: 1, show: 2 }[action as string]
    if (wanted === undefined) throw new UsageError(`saved needs add, list or show, not "${action}"`)
    if (ctx.args.length !== wanted) throw new UsageError(`usage: ${USAGE}`)
    const request = action === 'add' ? filteredRequest(query!, ctx.flags) : null
    const library = await ctx.openLibrary()
    const index = await openSearchIndex(library)
    const bench = await LibraryWorkbench.open(library, index, null)
    try {
      await indexReady(index, ctx)
      if (action === 'list') {
        const all = await bench.savedSearches()
        if (ctx.json) ctx.out(JSON.stringify(all) + '\n')
        else ctx.out((all.length === 0 ? 'No saved searches.' : all.map(line).join('\n')) + '\n')
        return 0
      }
      if (request) {
        const made = await bench.saveSearch(name!, request)
        if (!made.ok) throw new CommandError(made.error.message)
        if (ctx.json) ctx.out(JSON.stringify(made.value) + '\n')
        else ctx.out(`Saved ${line(made.value)}\n`)
        return 0
      }
      const opened = await bench.openSaved(name!)
      if (!opened.ok) throw new CommandError(opened.error.message)
      const { saved, newIds, ids } = opened.value
      const articles = await library.getMany(ids)
      const byId = new Map(articles.map((a) => [a.id, a]))
      const fresh = new Set(newIds)
      const rows = ids.map((id) => {
        const a = byId.get(id)
        return { id, title: a?.title ?? id, site: a?.site ?? null, published: a?.published ?? null, new: fresh.has(id) }
      })
      if (ctx.json) {
        ctx.out(JSON.stringify({ saved, newIds, ids, articles: rows }) + '\n')
        return 0
      }
      const lines = [line(saved)]
      for (const r of rows) {
        const meta = [r.site, r.published?.slice(0, 10)].filter(Boolean).join(' · ')
        lines.push(`${r.new ? 'NEW ' : '    '}${r.title}${meta ? `  ${meta}` : ''}  (${r.id})`)
      }
      ctx.out(lines.join('\n') + '\n')
      return 0
    } finally {
      await bench.close()
      await index.close()
      await library.close()
    }
  },
}
