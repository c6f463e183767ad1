/**
 * Finding a quoted passage again in a text that may have changed: its exact occurrences, or else its approximate
 * ones (approx-string-match, a bounded number of edits), and a score of how well a candidate's surroundings match
 * the quote's context. Shared by the workbench core (re-anchoring stored highlights) and the reader (mapping a
 * selection between the drawn page and the article's text). Pure: no I/O, no DOM.
 */
import approxSearch from 'approx-string-match'
import type { TextRange } from './models'

/** Characters of context kept on each side of a quote to tell repeats apart. */
export const CONTEXT_CHARS = 32

/** Fuzzy search allows at most this share of the quote's length as edits… */
const FUZZY_SHARE = 0.2
/** …and never more than this many (Myers' algorithm slows with the error bound). */
const FUZZY_MAX_ERRORS = 64
/** Quotes shorter than this are too short to find fuzzily without false matches. */
const FUZZY_MIN_CHARS = 8

/** Where `quote` occurs in `text`: every exact occurrence, else the approximate ones with the fewest edits. */
export function occurrences(text: string, quote: string): { ranges: TextRange[]; fuzzy: boolean } {
  const ranges: TextRange[] = []
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) ranges.push([at, at + quote.length])
  if (ranges.length > 0 || quote.length < FUZZY_MIN_CHARS) return { ranges, fuzzy: false }
  const maxErrors = Math.min(FUZZY_MAX_ERRORS, Math.floor(quote.length * FUZZY_SHARE))
  const matches = approxSearch(text, quote, maxErrors)
  const fewest = Math.min(...matches.map((m) => m.errors))
  for (const m of matches) if (m.errors === fewest && m.end > m.start) ranges.push([m.start, m.end])
  return { ranges, fuzzy: true }
}

/** How many characters at the end of `before` agree with `prefix`, plus at the start of `after` with `suffix`. */
export function contextScore(before: string, prefix: string, after: string, suffix: string): number {
  let score = 0
  while (score < before.length && score < prefix.length && before.at(-1 - score) === prefix.at(-1 - score)) score++
  let n = 0
  while (n < after.length && n < suffix.length && after[n] === suffix[n]) n++
  return score + n
}
