/**
 * `annotations [ID] [--json]`: the highlights of one article, or of the whole library, found again in the articles'
 * current text; a highlight that can no longer be found is listed as orphaned.
 */
import { openSearchIndex } from '../../core/search/search-index'
import { LibraryWorkbench } from '../../core/workbench/index'
import type { Highlight } from '../../shared/workbench'
import { CommandError, type CliCommand } from '../command'

/** One highlight as a few lines of text. */
function describe(h: Highlight): string[] {
  const where = h.range ? `${h.range[0]}–${h.range[1]}` : 'not found in the current text'
  const lines = [`  [${h.status}] "${h.quote}"  (${where})`]
  if (h.note) lines.push(`    note: ${h.note}`)
  if (h.tags.length > 0) lines.push(`    tags: ${h.tags.join(', ')}`)
  lines.push(`    ${h.id}`)
  return lines
}

/** The `annotations` command. */
export const command: CliCommand = {
  usage: 'annotations [ID] [--json]',
  summary: "List an article's highlights and notes, or every one in the library.",
  minArgs: 0,
  maxArgs: 1,
  async run(ctx) {
    const id = ctx.args[0] ?? null
    const library = await ctx.openLibrary()
    const index = await openSearchIndex(library)
    const bench = await LibraryWorkbench.open(library, index, null)
    try {
      if (bench.notice) ctx.err(bench.notice.message + '\n')
      const highlights = await bench.highlights(id)
      // A deleted article's highlights are still listed (as orphans); only an id nothing knows is an error.
      if (id !== null && highlights.length === 0 && !(await library.get(id))) {
        throw new CommandError(`no article with id "${id}" in ${library.root}`)
      }
      if (ctx.json) {
        ctx.out(JSON.stringify(highlights) + '\n')
        return 0
      }
      const titles = new Map(library.list().map((item) => [item.id, item.title]))
      const lines: string[] = []
      let article: string | null = null
      for (const h of highlights.toSorted((a, b) => a.articleId.localeCompare(b.articleId))) {
        if (h.articleId !== article) {
          article = h.articleId
          lines.push(`${titles.get(article) ?? '(article no longer in the library)'}  (${article})`)
        }
        lines.push(...describe(h))
      }
      const orphans = highlights.filter((h) => h.status === 'orphaned').length
      const count = `${highlights.length} highlight${highlights.length === 1 ? '' : 's'}`
      lines.push(orphans > 0 ? `${count}, ${orphans} orphaned` : count)
      ctx.out(lines.join('\n') + '\n')
      return 0
    } finally {
      await bench.close()
      await index.close()
      await library.close()
    }
  },
}
