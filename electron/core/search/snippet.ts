/**
 * Match ranges in an article's text and the best short passage around them.
 */
import type { TextRange } from '../../shared/models'
import { tokenize, type TextToken } from './analyzer'
import type { QueryPhrase } from './query'

/** Words in a snippet. */
export const SNIPPET_WORDS = 30

/** Every [start, end) range of `text` holding one of `terms` or one of the phrases, in order, merged where they overlap. */
export function highlight(text: string, terms: ReadonlySet<string>, phrases: readonly QueryPhrase[]): TextRange[] {
  if (text === '' || (terms.size === 0 && phrases.length === 0)) return []
  const tokens = tokenize(text)
  const ranges: TextRange[] = []
  for (const t of tokens) if (t.term !== null && terms.has(t.term)) ranges.push([t.start, t.end])
  for (const p of phrases) ranges.push(...phraseRanges(tokens, p))
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: TextRange[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

function phraseRanges(tokens: TextToken[], phrase: QueryPhrase): TextRange[] {
  const out: TextRange[] = []
  const span = phrase.words[phrase.words.length - 1]!.offset
  for (let i = 0; i + span < tokens.length; i++) {
    if (phrase.words.every((w) => tokens[i + w.offset]!.term === w.term)) {
      out.push([tokens[i]!.start, tokens[i + span]!.end])
    }
  }
  return out
}

/** The passage of about `SNIPPET_WORDS` words holding the most matches, with the matches' ranges inside it. */
export function makeSnippet(text: string, matches: readonly TextRange[]): { text: string; matches: TextRange[] } {
  const words = Array.from(text.matchAll(/\S+/g), (m) => [m.index, m.index + m[0].length] as TextRange)
  if (words.length === 0) return { text: '', matches: [] }
  // Slide a window over the words, counting the matches that start inside it.
  let best = 0
  let bestCount = -1
  let m = 0
  let mEnd = 0
  for (let w = 0; w < words.length; w++) {
    const lastWord = words[Math.min(w + SNIPPET_WORDS, words.length) - 1]!
    while (m < matches.length && matches[m]![0] < words[w]![0]) m++
    if (mEnd < m) mEnd = m
    while (mEnd < matches.length && matches[mEnd]![1] <= lastWord[1]) mEnd++
    if (mEnd - m > bestCount) {
      bestCount = mEnd - m
      best = w
    }
    if (matches.length === 0 || w + SNIPPET_WORDS >= words.length) break
  }
  if (bestCount > 0) {
    // Centre the matches of the best window so they read in context.
    const first = wordAt(words, matches[firstMatchFrom(matches, words[best]![0])]![0])
    const lastEnd = Math.min(best + SNIPPET_WORDS, words.length) - 1
    let last = first
    for (const r of matches) if (r[0] >= words[first]![0] && r[1] <= words[lastEnd]![1]) last = wordAt(words, r[1] - 1)
    best = Math.max(
      0,
      Math.min(first - Math.floor((SNIPPET_WORDS - (last - first + 1)) / 2), words.length - SNIPPET_WORDS),
    )
  }
  const endWord = Math.min(best + SNIPPET_WORDS, words.length) - 1
  const start = words[best]![0]
  const end = words[endWord]![1]
  const prefix = best > 0 ? '… ' : ''
  const suffix = endWord < words.length - 1 ? ' …' : ''
  const shift = prefix.length - start
  const inside = matches
    .filter((r) => r[0] >= start && r[1] <= end)
    .map((r) => [r[0] + shift, r[1] + shift] as TextRange)
  return {
    text: prefix + text.slice(start, end).replace(/\s+/g, (s) => ' '.repeat(s.length)) + suffix,
    matches: inside,
  }
}

function firstMatchFrom(matches: readonly TextRange[], start: number): number {
  let i = 0
  while (i < matches.length - 1 && matches[i]![0] < start) i++
  return i
}

/** The index of the word holding character `at`. */
function wordAt(words: readonly TextRange[], at: number): number {
  let lo = 0
  let hi = words.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (words[mid]![0] <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}
