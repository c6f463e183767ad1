/**
 * `cite ID --format apa|chicago|mla|bibtex|ris|csl`: one article's citation, with the hash of its offline copy.
 */
import { CITATION_FORMATS, type CitationFormat } from '../../shared/workbench'
import { citation } from '../../core/workbench/cite'
import { CommandError, UsageError, type CliCommand } from '../command'

/** The `cite` command. */
export const command: CliCommand = {
  usage: `cite ID [--format ${CITATION_FORMATS.join('|')}]`,
  summary: 'Print a citation of one article (APA by default) carrying the sha256 of its offline copy.',
  options: { format: { type: 'string' } },
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const id = ctx.args[0]!
    const format = (ctx.flags.format ?? 'apa') as CitationFormat
    if (!CITATION_FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${CITATION_FORMATS.join(', ')}`)
    const library = await ctx.openLibrary()
    try {
      const article = await library.get(id)
      if (!article) throw new CommandError(`no article with id "${id}" in ${library.root}`)
      const text = citation(article, format)
      if (ctx.json) ctx.out(JSON.stringify({ id, format, citation: text }) + '\n')
      else ctx.out(text.endsWith('\n') ? text : `${text}\n`)
      return 0
    } finally {
      await library.close()
    }
  },
}
