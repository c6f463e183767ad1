/**
 * `similar ID`: an article's copies (with their estimated similarity), its versions (oldest first) and its story.
 */
import { openStoryGroups } from '../../core/stories/story-groups'
import { CommandError, type CliCommand } from '../command'

/** The `similar` command. */
export const command: CliCommand = {
  usage: 'similar ID',
  summary: 'List the copies and versions of an article and the story it belongs to.',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const id = ctx.args[0]!
    const library = await ctx.openLibrary()
    const stories = await openStoryGroups(library)
    try {
      const answer = await stories.similar(id)
      if (!answer) throw new CommandError(`no article with id "${id}" in ${library.root}`)
      if (ctx.json) {
        ctx.out(JSON.stringify(answer) + '\n')
        return 0
      }
      const lines: string[] = []
      lines.push(answer.duplicates.length === 0 ? 'No copies.' : `${answer.duplicates.length} copies:`)
      for (const d of answer.duplicates) {
        lines.push(`  ${Math.round(d.similarity * 100)}%  ${d.title}  ${d.site ?? ''}  (${d.id})`.trimEnd())
      }
      lines.push(answer.versions.length === 0 ? 'No other versions.' : `${answer.versions.length} other versions:`)
      for (const v of answer.versions) {
        const when = (v.capturedAt ?? v.published ?? 'undated').slice(0, 10)
        lines.push(`  ${when}  ${v.title}  ${v.site ?? ''}  (${v.id})`.trimEnd())
      }
      lines.push(
        answer.story ? `Story ${answer.story.id}: ${answer.story.size} articles` : 'Not part of a story with others.',
      )
      ctx.out(lines.join('\n') + '\n')
      return 0
    } finally {
      await stories.close()
      await library.close()
    }
  },
}
