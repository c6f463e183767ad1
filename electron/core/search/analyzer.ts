/**
 * Text analysis shared by indexing and querying: tokens with their places in the text, folding,
 * stop words and stemming per script (Cyrillic → Russian, Latin → English), so one pipeline serves
 * mixed collections and a query in either language finds articles in it.
 */
import { lunr } from './lunr'

/** A word of a text, with its [start, end) range and its ordinal position among the words. */
export interface TextToken {
  /** The analysed term (folded and stemmed), or null for a stop word. */
  term: string | null
  start: number
  end: number
  position: number
}

// Letters, marks and digits make words (see `eachWord`); lunr's default trimmer would drop every non-ASCII letter.
const CYRILLIC = /[\u0400-\u04ff]/
const MARKS = /\p{M}/gu

/** Lowercases and removes diacritics, keeping Russian й and folding ё to е. */
export function fold(word: string): string {
  const lower = word.toLowerCase()
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u007f]*$/.test(lower)) return lower
  return lower
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/и\u0306/g, 'й')
    .replace(MARKS, '')
    .normalize('NFC')
}

const stemCache = new Map<string, string | null>()
const token = new lunr.Token('', {})

function runLunr(fn: lunr.PipelineFunction, word: string): string | null {
  token.update(() => word)
  const out = fn(token, 0, [token]) as lunr.Token | lunr.Token[] | undefined | null
  if (out === undefined || out === null) return null
  const one = Array.isArray(out) ? out[0] : out
  return one ? one.toString() : null
}

/** Folds a word, drops it when it is a stop word (null) and stems it with the stemmer of its script. */
export function analyzeWord(word: string): string | null {
  const seen = stemCache.get(word)
  if (seen !== undefined) return seen
  const folded = fold(word)
  const cached = stemCache.get(folded)
  if (cached !== undefined) {
    stemCache.set(word, cached)
    return cached
  }
  let result: string | null
  if (CYRILLIC.test(folded)) {
    result = runLunr(lunr.ru.stopWordFilter, folded) === null ? null : runLunr(lunr.ru.stemmer, folded)
  } else {
    result = runLunr(lunr.stopWordFilter, folded) === null ? null : runLunr(lunr.stemmer, folded)
  }
  if (result === '') result = null
  // The cache is bounded so a long-running app does not grow it without end.
  if (stemCache.size > 500_000) stemCache.clear()
  stemCache.set(folded, result)
  stemCache.set(word, result)
  return result
}

// Character classes, filled in on first sight: 1 starts or continues a word (letter, digit),
// 2 only continues one (a combining mark), 3 separates words.
const charClass = new Uint8Array(65536)
for (let c = 0; c < 128; c++) {
  charClass[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 3
}

function classOf(code: number): number {
  let k = charClass[code]!
  if (k === 0) {
    const ch = String.fromCharCode(code)
    // Lone surrogate halves (emoji and other astral characters) separate words.
    k = /[\p{L}\p{N}]/u.test(ch) ? 1 : /\p{M}/u.test(ch) ? 2 : 3
    charClass[code] = k
  }
  return k
}

/** Calls `visit` with the [start, end) range of every word (letters and digits, with their marks). */
export function eachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && classOf(text.charCodeAt(i)) !== 1) i++
    if (i >= n) return
    const start = i
    i++
    while (i < n && classOf(text.charCodeAt(i)) !== 3) i++
    visit(start, i)
  }
}

/** Splits a text into words with their ranges and analysed terms (stop words keep their position). */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = []
  eachWord(text, (start, end) => {
    tokens.push({ term: analyzeWord(text.slice(start, end)), start, end, position: tokens.length })
  })
  return tokens
}

/** Calls `visit` for every analysed term of a text with its position (stop words are skipped but counted). */
export function forEachTerm(text: string, visit: (term: string, position: number) => void): number {
  let position = 0
  eachWord(text, (start, end) => {
    const term = analyzeWord(text.slice(start, end))
    if (term !== null) visit(term, position)
    position++
  })
  return position
}

/** The words of a query fragment, folded only (for wildcard terms, which skip stemming as in lunr). */
export function foldedWords(text: string): string[] {
  const out: string[] = []
  eachWord(text, (start, end) => out.push(fold(text.slice(start, end))))
  return out
}

/** lunr tokenizer and pipeline function with the same analysis, for plain lunr indexes (peers and parity tests). */
export function lunrTokenizer(obj: unknown): lunr.Token[] {
  if (obj === null || obj === undefined) return []
  const text = Array.isArray(obj) ? obj.join(' ') : String(obj)
  const out: lunr.Token[] = []
  eachWord(text, (start, end) => {
    out.push(new lunr.Token(text.slice(start, end), { position: [start, end - start], index: out.length }))
  })
  return out
}

/** The lunr pipeline function: fold, stop words, stem by script. */
export const lunrAnalyze: lunr.PipelineFunction = (t) => {
  const term = analyzeWord(t.toString())
  return term === null ? (undefined as unknown as lunr.Token) : t.update(() => term)
}
lunr.Pipeline.registerFunction(lunrAnalyze, 'broadsheetAnalyze')
