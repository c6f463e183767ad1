/**
 * Match ranges in an article's text and the best short passage around them.
 *
 * Only words whose first letter could start a matched term are analysed (stemmers change word
 * endings, never the first letter), so marking a long article costs little more than scanning it.
 */
import type { TextRange } from '../../shared/models'
import { analyzeWord, eachWord, fold, type CyrillicLanguage } from './analyzer'

/** Words in a snippet. */
export const SNIPPET_WORDS = 30

/** The [start, end) ranges of the words of a text. */
export interface Words {
  starts: number[]
  ends: number[]
}

/** Finds the words of a text. */
export function scanWords(text: string): Words {
  const starts: number[] = []
  const ends: number[] = []
  eachWord(text, (start, end) => {
    starts.push(start)
    ends.push(end)
  })
  return { starts, ends }
}

const firstLetter = new Map<string, string>()

function foldedFirst(text: string, at: number): string {
  const cp = text.codePointAt(at)!
  const ch = String.fromCodePoint(cp)
  let f = firstLetter.get(ch)
  if (f === undefined) {
    f = fold(ch).charAt(0)
    firstLetter.set(ch, f)
  }
  return f
}

/** What to mark: analysed terms, words starting with a prefix, and exact phrases (folded words in order). */
export interface HighlightQuery {
  terms: ReadonlySet<string>
  prefixes?: readonly string[]
  phrases?: readonly (readonly string[])[]
  /** The text's language, for analysing its Cyrillic words as the index did. */
  language?: CyrillicLanguage
}

/** Every [start, end) range of `text` holding a queried term, prefix or phrase, in order, merged where they overlap. */
export function highlight(text: string, query: HighlightQuery, words: Words = scanWords(text)): TextRange[] {
  const { terms, prefixes = [], phrases = [], language } = query
  if (text === '' || (terms.size === 0 && prefixes.length === 0 && phrases.length === 0)) return []
  const firsts = new Set<string>()
  for (const t of terms) firsts.add(t.charAt(0))
  const literalFirsts = new Set<string>()
  for (const p of prefixes) literalFirsts.add(p.charAt(0))
  for (const p of phrases) if (p.length > 0) literalFirsts.add(p[0]!.charAt(0))
  const { starts, ends } = words
  const analysed = new Map<number, string | null>()
  const termAt = (i: number): string | null => {
    if (!firsts.has(foldedFirst(text, starts[i]!))) return null
    let t = analysed.get(i)
    if (t === undefined) analysed.set(i, (t = analyzeWord(text.slice(starts[i], ends[i]), language)))
    return t
  }
  const folded = new Map<number, string>()
  const foldedAt = (i: number): string | null => {
    if (i >= starts.length) return null
    let f = folded.get(i)
    if (f === undefined) folded.set(i, (f = fold(text.slice(starts[i], ends[i]))))
    return f
  }
  const ranges: TextRange[] = []
  for (let i = 0; i < starts.length; i++) {
    const t = termAt(i)
    if (t !== null && terms.has(t)) ranges.push([starts[i]!, ends[i]!])
    if (!literalFirsts.has(foldedFirst(text, starts[i]!))) continue
    const f = foldedAt(i)!
    if (prefixes.some((p) => f.startsWith(p))) ranges.push([starts[i]!, ends[i]!])
    for (const p of phrases) {
      if (p.length > 0 && p.every((w, k) => foldedAt(i + k) === w)) ranges.push([starts[i]!, ends[i + p.length - 1]!])
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: TextRange[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** Whether `text` holds a word that, folded, starts with `prefix` (and is in `allowed`, when given). */
export function holdsPrefix(text: string, prefix: string, allowed: ReadonlySet<string> | null = null): boolean {
  const first = prefix.charAt(0)
  let found = false
  eachWord(text, (start, end) => {
    if (end - start < prefix.length || foldedFirst(text, start) !== first) return false
    const word = fold(text.slice(start, end))
    found = word.startsWith(prefix) && (!allowed || allowed.has(word))
    return found
  })
  return found
}

/** Whether `text` holds the folded words `phrase` next to each other, in order. */
export function holdsPhrase(text: string, phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false
  const letters = new Set(phrase.map((w) => w.charAt(0)))
  // The last phrase.length words, folded; a word whose first letter is in no phrase word is only a gap.
  const recent: string[] = []
  let found = false
  eachWord(text, (start, end) => {
    recent.push(letters.has(foldedFirst(text, start)) ? fold(text.slice(start, end)) : '')
    if (recent.length > phrase.length) recent.shift()
    found = recent.length === phrase.length && recent.every((w, k) => w === phrase[k])
    return found
  })
  return found
}

/** The passage of about `SNIPPET_WORDS` words holding the most matches, with the matches' ranges inside it. */
export function makeSnippet(
  text: string,
  matches: readonly TextRange[],
  words: Words = scanWords(text),
): { text: string; matches: TextRange[] } {
  const { starts, ends } = words
  const n = starts.length
  if (n === 0) return { text: '', matches: [] }
  // Slide a window over the words, counting the matches inside it.
  let best = 0
  let bestCount = 0
  let m = 0
  let mEnd = 0
  for (let w = 0; w + SNIPPET_WORDS <= n || w === 0; w++) {
    const lastEnd = ends[Math.min(w + SNIPPET_WORDS, n) - 1]!
    while (m < matches.length && matches[m]![0] < starts[w]!) m++
    if (mEnd < m) mEnd = m
    while (mEnd < matches.length && matches[mEnd]![1] <= lastEnd) mEnd++
    if (mEnd - m > bestCount) {
      bestCount = mEnd - m
      best = w
    }
    if (matches.length === 0) break
  }
  if (bestCount > 0) {
    // Centre the best window's matches so they read in context.
    let i = 0
    while (i < matches.length && matches[i]![0] < starts[best]!) i++
    const first = wordAt(starts, matches[i]![0])
    const windowEnd = ends[Math.min(best + SNIPPET_WORDS, n) - 1]!
    let last = first
    for (let j = i; j < matches.length && matches[j]![1] <= windowEnd; j++) last = wordAt(starts, matches[j]![1] - 1)
    const slack = SNIPPET_WORDS - (last - first + 1)
    best = Math.max(0, Math.min(first - Math.floor(slack / 2), n - SNIPPET_WORDS))
  }
  const endWord = Math.min(best + SNIPPET_WORDS, n) - 1
  // Keep punctuation stuck to the first and last words (quotes, full stops).
  let start = starts[best]!
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--
  let end = ends[endWord]!
  while (end < text.length && !/\s/.test(text[end]!)) end++
  const prefix = best > 0 ? '… ' : ''
  const suffix = endWord < n - 1 ? ' …' : ''
  const shift = prefix.length - start
  const inside = matches
    .filter((r) => r[0] >= start && r[1] <= end)
    .map((r) => [r[0] + shift, r[1] + shift] as TextRange)
  // Line breaks become spaces of the same length, so the ranges still fit.
  return { text: prefix + text.slice(start, end).replace(/\s/g, ' ') + suffix, matches: inside }
}

/** The index of the word starting at or before character `at`. */
function wordAt(starts: readonly number[], at: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (starts[mid]! <= at) lo = mid
    else hi = mid - 1
  }
  return lo
}
