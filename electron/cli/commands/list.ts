/**
 * `list`: every article of the library, one line each.
 */
import type { CliCommand } from '../command'
import { formatTable } from '../table'

/** The `list` command. */
export const command: CliCommand = {
  usage: 'list',
  summary: 'List every article (with --json: an array of article summaries with read/starred).',
  maxArgs: 0,
  async run(ctx) {
    const library = await ctx.openLibrary()
    try {
      const items = library.list()
      if (ctx.json) {
        ctx.out(JSON.stringify(items) + '\n')
        return 0
      }
      const rows = items.map((item) => [
        item.id,
        (item.published ?? '').slice(0, 10),
        item.collection || '.',
        `${item.read ? '' : '•'}${item.starred ? '★' : ''}`,
        item.title,
      ])
      ctx.out(formatTable(['ID', 'PUBLISHED', 'COLLECTION', '', 'TITLE'], rows))
      ctx.out(`${items.length} article${items.length === 1 ? '' : 's'}\n`)
      return 0
    } finally {
      await library.close()
    }
  },
}
