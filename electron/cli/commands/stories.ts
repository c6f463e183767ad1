/**
 * `stories`: same-story clusters across sites, biggest and newest first.
 */
import { openStoryGroups } from '../../core/stories/story-groups'
import { UsageError, type CliCommand } from '../command'
import { formatTable } from '../table'

const DATE = /^\d{4}-\d{2}-\d{2}/

function date(value: unknown, option: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UsageError(`--${option} must be a date such as 2024-05-01`)
  }
  return value
}

function count(value: unknown, option: string, min: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${option} must be a whole number of at least ${min}`)
  return n
}

/** The `stories` command. */
export const command: CliCommand = {
  usage: 'stories [--from D] [--to D] [--min-size N] [--limit N]',
  summary: 'List stories told by several articles (clusters across sites), biggest and newest first.',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    'min-size': { type: 'string' },
    limit: { type: 'string' },
  },
  maxArgs: 0,
  async run(ctx) {
    const request = {
      from: date(ctx.flags.from, 'from'),
      to: date(ctx.flags.to, 'to'),
      minSize: count(ctx.flags['min-size'], 'min-size', 1),
      limit: count(ctx.flags.limit, 'limit', 1),
    }
    const library = await ctx.openLibrary()
    const stories = await openStoryGroups(library)
    try {
      const clusters = await stories.list(request)
      if (ctx.json) {
        ctx.out(JSON.stringify({ stories: clusters }) + '\n')
        return 0
      }
      if (clusters.length === 0) {
        ctx.out('No story is told by more than one article.\n')
        return 0
      }
      const rows = clusters.map((c) => [
        c.id,
        String(c.size),
        c.firstSeen?.slice(0, 10) ?? '',
        c.sites.join(', ') || '—',
        c.title,
      ])
      ctx.out(formatTable(['STORY', 'SIZE', 'FIRST SEEN', 'SITES', 'TITLE'], rows))
      return 0
    } finally {
      await stories.close()
      await library.close()
    }
  },
}
