/**
 * `annotate ID --quote "TEXT" [--note "…"] [--tag T]…`: highlights the one place an article's text holds the quote
 * (line breaks and repeated spaces need not match), with an optional note and tags.
 */
import { openSearchIndex } from '../../core/search/search-index'
import { LibraryWorkbench } from '../../core/workbench/index'
import { CommandError, UsageError, type CliCommand } from '../command'

/** The `annotate` command. */
export const command: CliCommand = {
  usage: 'annotate ID --quote "TEXT" [--note "…"] [--tag T]…',
  summary: 'Highlight a passage of an article, with an optional note and tags.',
  options: {
    quote: { type: 'string' },
    note: { type: 'string' },
    tag: { type: 'string', multiple: true },
  },
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const id = ctx.args[0]!
    const quote = ctx.flags.quote
    if (typeof quote !== 'string' || !quote.trim()) throw new UsageError('annotate needs --quote "TEXT"')
    const note = typeof ctx.flags.note === 'string' ? ctx.flags.note : undefined
    const tags = ((ctx.flags.tag as string[] | undefined) ?? []).map(String)
    const library = await ctx.openLibrary()
    const index = await openSearchIndex(library)
    const bench = await LibraryWorkbench.open(library, index, null)
    try {
      if (bench.notice) ctx.err(bench.notice.message + '\n')
      const made = await bench.addQuote(id, quote, note, tags)
      if (!made.ok) {
        const message =
          made.error.code === 'not-found' && !(await library.get(id))
            ? `no article with id "${id}"`
            : made.error.message
        throw new CommandError(message)
      }
      const h = made.value
      if (ctx.json) {
        ctx.out(JSON.stringify(h) + '\n')
        return 0
      }
      const title = library.list().find((item) => item.id === id)?.title ?? id
      ctx.out(`Highlighted "${h.quote}" in ${title} (${h.range![0]}–${h.range![1]}); id ${h.id}\n`)
      return 0
    } finally {
      await bench.close()
      await index.close()
      await library.close()
    }
  },
}
