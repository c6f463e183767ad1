/**
 * `show ID`: one whole article.
 */
import { CommandError, type CliCommand } from '../command'

/** The `show` command. */
export const command: CliCommand = {
  usage: 'show ID',
  summary: 'Print one whole article (with --json: the Article object).',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const id = ctx.args[0]!
    const library = await ctx.openLibrary()
    try {
      const article = await library.get(id)
      if (!article) throw new CommandError(`no article with id "${id}" in ${library.root}`)
      if (ctx.json) {
        ctx.out(JSON.stringify({ ...article, ...library.state(id) }) + '\n')
        return 0
      }
      const meta: [string, string | null][] = [
        ['Site', article.site],
        ['Author', article.author],
        ['Published', article.published],
        ['Language', article.language],
        ['Category', article.category],
        ['URL', article.url],
        ['Flags', article.flags.length ? article.flags.join(', ') : null],
        ['File', article.path],
        ['Id', article.id],
      ]
      const lines = [article.title, '='.repeat(Math.min(article.title.length, 80) || 1)]
      for (const [label, value] of meta) if (value) lines.push(`${label}: ${value}`)
      for (const disclaimer of article.disclaimers) lines.push(`Note: ${disclaimer}`)
      lines.push('', article.text, '')
      ctx.out(lines.join('\n'))
      return 0
    } finally {
      await library.close()
    }
  },
}
