/**
 * Finds a passage of one text in another that says the same with other whitespace: the article's extracted `text`
 * and the text the reader draws from its HTML differ in line breaks, spaces and soft hyphens, not in words.
 *
 * Both texts are folded (every run of whitespace one space, invisible characters dropped), the quote is looked for
 * in the folded target, the prefix and suffix around it choose among repeats, and a quote that is not there as it
 * stands is found fuzzily (approx-string-match, a bounded number of edits). Offsets go back through the fold map.
 */
import { CONTEXT_CHARS, contextScore, occurrences } from '../../electron/shared/anchoring'
import type { TextRange } from '../../electron/shared/models'

/** A text with its whitespace folded, and where each folded character came from. */
export interface FoldedText {
  text: string
  /** `map[i]` is the index in the original of folded character `i`; `map[text.length]` is the original's length. */
  map: number[]
}

const isSpace = (code: number) =>
  code === 32 ||
  (code >= 9 && code <= 13) ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000
const isInvisible = (code: number) =>
  code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff

/** Folds every run of whitespace to one space and drops invisible characters, keeping a map back. */
export function fold(text: string): FoldedText {
  const parts: string[] = []
  const map: number[] = []
  let inSpace = false
  let runStart = 0
  // Plain characters are copied a run at a time; the map is filled one index per kept character.
  const flush = (end: number) => {
    if (end > runStart) parts.push(text.slice(runStart, end))
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isInvisible(code) || (isSpace(code) && inSpace)) {
      flush(i)
      runStart = i + 1
      continue
    }
    if (isSpace(code)) {
      flush(i)
      parts.push(' ')
      runStart = i + 1
      inSpace = true
    } else {
      inSpace = false
    }
    map.push(i)
  }
  flush(text.length)
  map.push(text.length)
  return { text: parts.join(''), map }
}

/** The last texts folded whole: the drawn text is searched once per highlight, the article's once per selection. */
const folds: { text: string; folded: FoldedText }[] = []

function foldCached(text: string): FoldedText {
  const hit = folds.find((f) => f.text === text)
  if (hit) return hit.folded
  const folded = fold(text)
  folds.unshift({ text, folded })
  folds.length = Math.min(folds.length, 2)
  return folded
}

/** A quote with the text around it, folded, as searched for. */
export interface Quote {
  exact: string
  prefix: string
  suffix: string
  /** Where the quote started, as a share of its text's length (0…1): breaks ties between equal candidates. */
  position: number
}

/** The folded quote of `range` in `text`, with its context; null when the range holds nothing visible. */
export function quoteOf(text: string, range: TextRange): Quote | null {
  const [start, end] = range
  const exact = fold(text.slice(start, end)).text.trim()
  if (!exact) return null
  return {
    exact,
    prefix: fold(text.slice(Math.max(0, start - CONTEXT_CHARS), start)).text,
    suffix: fold(text.slice(end, end + CONTEXT_CHARS)).text,
    position: text.length > 0 ? start / text.length : 0,
  }
}

/** The candidate (in folded offsets) whose surroundings best match the quote's context, then the nearest. */
function pickBest(candidates: TextRange[], folded: string, quote: Quote): TextRange {
  let best = candidates[0]!
  let bestScore = -Infinity
  const prefix = quote.prefix.trimStart()
  const suffix = quote.suffix.trimEnd()
  for (const [s, e] of candidates) {
    const before = folded.slice(Math.max(0, s - prefix.length - 1), s).trimEnd()
    const after = folded.slice(e, e + suffix.length + 1).trimStart()
    const context = contextScore(before, prefix.trimEnd(), after, suffix.trimStart())
    const distance = Math.abs(s / Math.max(1, folded.length) - quote.position)
    const score = context - distance
    if (score > bestScore) {
      best = [s, e]
      bestScore = score
    }
  }
  return best
}

/** Where `quote` lies in `text` (original offsets), or null when it cannot be found even approximately. */
export function findQuote(text: string, quote: Quote): TextRange | null {
  const target = foldCached(text)
  const { exact } = quote
  const candidates = occurrences(target.text, exact).ranges
  if (candidates.length === 0) return null
  const [s, e] = pickBest(candidates, target.text, quote)
  // The end maps through the last folded character, so trailing whitespace of the original is not taken.
  return [target.map[s]!, target.map[e - 1]! + 1]
}

/** The range without the whitespace at its ends; null when nothing but whitespace is left. */
export function trimRange(text: string, [start, end]: TextRange): TextRange | null {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? [start, end] : null
}

/** The passage of `to` that says what `range` of `from` says (whitespace aside), or null when it is not there. */
export function translateRange(from: string, range: TextRange, to: string): TextRange | null {
  if (from === to) return range
  const quote = quoteOf(from, range)
  return quote ? findQuote(to, quote) : null
}
