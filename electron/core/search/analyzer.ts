/**
 * Text analysis shared by indexing and querying: tokens with their places in the text, folding,
 * stop words and stemming per script and language (Latin → English; Cyrillic → Russian, or Ukrainian
 * for Ukrainian articles and words with Ukrainian letters), so one pipeline serves mixed collections
 * and a query in any of these languages finds articles in it.
 */
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian'
import { lunr } from './lunr'

/** A language with its own Cyrillic analysis; anything else is guessed per word from its letters. */
export type CyrillicLanguage = 'ru' | 'uk'

/** The Cyrillic analysis for an article's language tag (`uk`, `uk-UA`, `ru`), or undefined to guess per word. */
export function cyrillicLanguage(tag: string | null | undefined): CyrillicLanguage | undefined {
  const base = tag?.toLowerCase().split(/[-_]/)[0]
  return base === 'uk' || base === 'ru' ? base : undefined
}

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

// Letters only Ukrainian (і ї є ґ) or only Russian (ы э ъ ё) writes, for words of an article of no known language.
const UKRAINIAN_LETTERS = /[іїєґ]/
const RUSSIAN_LETTERS = /[ыэъё]/

// Written for Broadsheet: common Ukrainian function words (the stemmer package ships no usable list).
const UKRAINIAN_STOP_WORDS = new Set(
  (
    'а але б би бо був була були було в вже ви від він вона вони воно все де для до є же ж з за зі із ' +
    'й і її їх коли ми на навіть не ні о об от по при про та так також те ти то тобто тут у хоча це ці цей ' +
    'цю ця чи що щоб як яка яке які який якщо я'
  ).split(' '),
)

/**
 * Stems a lower-case Ukrainian word. The stemmer is @orama/stemmers' Ukrainian one; two fixes on top:
 * a stem shorter than three letters keeps the word (the stemmer reads Київ's "-їв" as a plural ending),
 * and ї before a final consonant becomes є, the vowel it alternates with (Київ ~ Києва, Києві).
 */
function stemUkrainian(word: string): string {
  let stem = ukrainianStemmer(word)
  if (stem.length < 3) stem = word
  return stem.replace(/ї(?=[^аеєиіїоуюяь]$)/u, 'є')
}

const stemCaches = { ru: new Map<string, string | null>(), uk: new Map<string, string | null>(), auto: new Map() }
const token = new lunr.Token('', {})

function runLunr(fn: lunr.PipelineFunction, word: string): string | null {
  token.update(() => word)
  const out = fn(token, 0, [token]) as lunr.Token | lunr.Token[] | undefined | null
  if (out === undefined || out === null) return null
  const one = Array.isArray(out) ? out[0] : out
  return one ? one.toString() : null
}

/**
 * Folds a word, drops it when it is a stop word (null) and stems it with the stemmer of its script,
 * for Cyrillic of `language` (when not given: Ukrainian for words with Ukrainian letters, else Russian).
 */
export function analyzeWord(word: string, language?: CyrillicLanguage): string | null {
  const stemCache: Map<string, string | null> = stemCaches[language ?? 'auto']
  const seen = stemCache.get(word)
  if (seen !== undefined) return seen
  const folded = fold(word)
  const cached = stemCache.get(folded)
  // Ukrainian stems depend on letters folding removes (ї), so those words are cached as written only.
  const byFolded = !CYRILLIC.test(folded) || language === 'ru'
  if (cached !== undefined && byFolded) {
    stemCache.set(word, cached)
    return cached
  }
  let result: string | null
  if (CYRILLIC.test(folded)) {
    const lower = word.toLowerCase()
    const uk = language === 'uk' || (language === undefined && UKRAINIAN_LETTERS.test(lower))
    if (uk && !RUSSIAN_LETTERS.test(lower)) {
      // Stemmed before folding: the stemmer knows ї and й; the stem is folded like every other term.
      result = UKRAINIAN_STOP_WORDS.has(lower) ? null : fold(stemUkrainian(lower))
    } else {
      result = runLunr(lunr.ru.stopWordFilter, folded) === null ? null : runLunr(lunr.ru.stemmer, folded)
    }
  } else {
    result = runLunr(lunr.stopWordFilter, folded) === null ? null : runLunr(lunr.stemmer, folded)
  }
  if (result === '') result = null
  // The cache is bounded so a long-running app does not grow it without end.
  if (stemCache.size > 500_000) stemCache.clear()
  if (byFolded) stemCache.set(folded, result)
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

/** Calls `visit` with the [start, end) range of every word (letters and digits, with their marks); `true` from it stops. */
export function eachWord(text: string, visit: (start: number, end: number) => boolean | void): void {
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && classOf(text.charCodeAt(i)) !== 1) i++
    if (i >= n) return
    const start = i
    i++
    while (i < n && classOf(text.charCodeAt(i)) !== 3) i++
    if (visit(start, i) === true) return
  }
}

/** Splits a text into words with their ranges and analysed terms (stop words keep their position). */
export function tokenize(text: string, language?: CyrillicLanguage): TextToken[] {
  const tokens: TextToken[] = []
  eachWord(text, (start, end) => {
    tokens.push({ term: analyzeWord(text.slice(start, end), language), start, end, position: tokens.length })
  })
  return tokens
}

/** Calls `visit` for every analysed term of a text with its position (stop words are skipped but counted). */
export function forEachTerm(
  text: string,
  visit: (term: string, position: number, start: number, end: number) => void,
  language?: CyrillicLanguage,
): number {
  let position = 0
  eachWord(text, (start, end) => {
    const term = analyzeWord(text.slice(start, end), language)
    if (term !== null) visit(term, position, start, end)
    position++
  })
  return position
}

/** The analyses a query word may have in articles of each language (usually one; two for some Cyrillic words). */
export function analyzeQueryWord(word: string): string[] {
  const out = new Set<string>()
  for (const language of [undefined, 'ru', 'uk'] as const) {
    const term = analyzeWord(word, language)
    if (term !== null) out.add(term)
  }
  // A stop word in the language the word is guessed to be in stays a stop word.
  return analyzeWord(word) === null ? [] : [...out]
}

/** The words of a query fragment, folded only (for wildcard terms, which skip stemming as in lunr). */
export function foldedWords(text: string): string[] {
  const out: string[] = []
  eachWord(text, (start, end) => {
    out.push(fold(text.slice(start, end)))
  })
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
