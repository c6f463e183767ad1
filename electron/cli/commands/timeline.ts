/**
 * `timeline "QUERY" [--by day|week|month]`: how many hits fall in each bin, per site (the whole library for an
 * empty query). Undated hits are counted apart and binned by their import date.
 */
import type { TimelineUnit } from '../../shared/stories'
import { openSearchIndex } from '../../core/search/search-index'
import { binTimeline, type TimelineItem } from '../../core/stories/timeline'
import { CommandError, UsageError, type CliCommand } from '../command'
import { indexReady } from '../index-progress'

const UNITS: readonly TimelineUnit[] = ['day', 'week', 'month']

/** The `timeline` command. */
export const command: CliCommand = {
  usage: 'timeline QUERY [--by day|week|month]',
  summary: 'Count the hits of a search per site and day, week or month (with --json: {bins, undated}).',
  options: { by: { type: 'string' } },
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const by = (ctx.flags.by ?? 'month') as TimelineUnit
    if (!UNITS.includes(by)) throw new UsageError('--by must be "day", "week" or "month"')
    const library = await ctx.openLibrary()
    const index = await openSearchIndex(library)
    try {
      await indexReady(index, ctx)
      const ids = await index.matchingIds({ query: ctx.args[0]! })
      if (!ids.ok) throw new CommandError(ids.error.message)
      const listed = new Map(library.list().map((a) => [a.id, a]))
      const items: TimelineItem[] = []
      for (const id of ids.value) {
        const a = listed.get(id)
        if (!a) continue
        items.push({ published: a.published, importedAt: a.importedAt, site: a.site })
      }
      const t = binTimeline(items, by)
      if (ctx.json) {
        ctx.out(JSON.stringify(t) + '\n')
        return 0
      }
      const lines = t.bins.map((b) => `${b.start}  ${String(b.count).padStart(6)}  ${b.site}`)
      if (t.undated > 0) {
        lines.push('', `${t.undated} undated, by import date:`)
        for (const b of t.undatedByImport)
          lines.push(`${b.start}  ${String(b.count).padStart(6)}  ${b.site} (imported)`)
      }
      ctx.out(lines.join('\n') + '\n')
      return 0
    } finally {
      await index.close()
      await library.close()
    }
  },
}
