/**
 * Plain text: the first non-empty line is the title, the rest the body.
 */
import { finishArticle } from './article'
import { stripBoilerplate } from './boilerplate'
import { toLines } from './text'
import type { ParseOutcome } from './types'

/** Parses a decoded .txt file into one article. */
export function parseTxt(content: string): ParseOutcome {
  // Notices may stand above the title ("Sponsored content", then the headline).
  const top = stripBoilerplate(toLines(content), { end: false })
  const lines = top.lines
  const first = lines.findIndex((line) => line !== '')
  if (first < 0) return { ok: false, reason: 'no text in the file' }
  const article = finishArticle({
    title: lines[first]!,
    lines: lines.slice(first + 1),
    disclaimers: top.disclaimers,
    flags: top.flags,
  })
  return { ok: true, articles: [{ index: 0, article }], warnings: [] }
}
