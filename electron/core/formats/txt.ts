/**
 * Plain text: the first non-empty line is the title, the rest the body.
 */
import { finishArticle } from './article'
import { stripBoilerplate } from './boilerplate'
import { shortTitle, toLines, TITLE_MAX } from './text'
import type { ParseOutcome } from './types'

/** Parses a decoded .txt file into one article. */
export function parseTxt(content: string): ParseOutcome {
  // Notices may stand above the title ("Sponsored content", then the headline).
  const top = stripBoilerplate(toLines(content), { end: false })
  const lines = top.lines
  const first = lines.findIndex((line) => line !== '')
  if (first < 0) return { ok: false, reason: 'no text in the file' }
  // A first "line" that is a whole paragraph is body too; the title is then its opening words.
  const long = lines[first]!.length > TITLE_MAX
  const article = finishArticle({
    title: long ? shortTitle(lines[first]!) : lines[first]!,
    lines: lines.slice(long ? first : first + 1),
    disclaimers: top.disclaimers,
    flags: top.flags,
  })
  return { ok: true, articles: [{ index: 0, article }], warnings: [] }
}
