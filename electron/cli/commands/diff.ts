/**
 * `diff ID1 ID2`: a word-level comparison of two articles' text, with the metadata fields that differ and each
 * side's disclaimers. Readable output marks deletions [-like this-] and insertions {+like this+}.
 */
import { diffArticles } from '../../core/stories/diff'
import { CommandError, type CliCommand } from '../command'

/** The `diff` command. */
export const command: CliCommand = {
  usage: 'diff ID1 ID2',
  summary: 'Compare two articles word by word (with --json: {ops, fields, sides}).',
  minArgs: 2,
  maxArgs: 2,
  async run(ctx) {
    const [leftId, rightId] = ctx.args as [string, string]
    const library = await ctx.openLibrary()
    try {
      const [left, right] = await Promise.all([library.get(leftId), library.get(rightId)])
      for (const [id, a] of [
        [leftId, left],
        [rightId, right],
      ] as const)
        if (!a) throw new CommandError(`no article with id "${id}" in ${library.root}`)
      const d = diffArticles(left!, right!)
      if (ctx.json) {
        ctx.out(JSON.stringify(d) + '\n')
        return 0
      }
      const lines: string[] = [`--- ${d.sides[0].title}  (${leftId})`, `+++ ${d.sides[1].title}  (${rightId})`]
      for (const [field, { before, after }] of Object.entries(d.fields))
        lines.push(`${field}: ${before ?? '(none)'} → ${after ?? '(none)'}`)
      for (const [i, side] of d.sides.entries())
        for (const note of side.disclaimers) lines.push(`${i === 0 ? '---' : '+++'} note: ${note}`)
      lines.push('', d.ops.map(([k, t]) => (k === '=' ? t : k === '-' ? `[-${t}-]` : `{+${t}+}`)).join(''), '')
      ctx.out(lines.join('\n'))
      return 0
    } finally {
      await library.close()
    }
  },
}
