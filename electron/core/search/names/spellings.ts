/**
 * Spellings of a name the alias table does not know: a Latin word's Cyrillic spellings (reverse transliteration
 * with the spelling habits of English-language news: -y for -ый/-ий, kh, ts, zh, shch, ya/ia, yu/iu, ye/e, the
 * soft sign dropped), its other Latin spellings (Navalny, Navalnyi, Navalnyy) and a Cyrillic word's Latin ones.
 *
 * Reverse transliteration is ambiguous (y is ы, и, й or ый), so candidates are grown letter group by letter group
 * and a branch is dropped as soon as no word of the library starts with it (`Vocabulary.hasPrefix`); only spellings
 * whose analysed term is in the library are kept, so a name never expands into words nobody wrote.
 */
import cyrillicToTranslit from 'cyrillic-to-translit-js'

/** What the library holds, as the generator asks it. */
export interface Vocabulary {
  /** Whether some written word or term of the library starts with `prefix` (folded, lower case). */
  hasPrefix(prefix: string): boolean
}

/** A spelling of a query word found in the library, as it would be written (capitalised like a name). */
export interface Spelling {
  spelling: string
  /** Whether it is in Cyrillic (else Latin). */
  cyrillic: boolean
}

const CYRILLIC = /\p{Script=Cyrillic}/u
const LATIN_WORD = /^[a-z]+$/
const translit = [cyrillicToTranslit({ preset: 'ru' }), cyrillicToTranslit({ preset: 'uk' })]

/** The fewest letters a query word needs before its other spellings are looked for (shorter ones are mostly not names). */
export const MIN_NAME_LETTERS = 4

/** The most partial spellings followed at once: bounds the work on a long word whatever the library holds. */
const BEAM = 256

// Latin letter groups and the Cyrillic they stand for in Russian and Ukrainian names (ё, ї fold to е, і).
const GROUPS: Record<string, readonly string[]> = {
  shch: ['щ'],
  sch: ['щ', 'ш'],
  zh: ['ж'],
  kh: ['х'],
  ts: ['ц', 'тс'],
  tz: ['ц'],
  ch: ['ч'],
  sh: ['ш'],
  ya: ['я', 'ья', 'ия'],
  ia: ['ия', 'я', 'ья'],
  yu: ['ю', 'ью'],
  iu: ['ию', 'ю', 'ью'],
  ye: ['е', 'ье', 'є', 'э'],
  ie: ['ье', 'ие', 'е'],
  yo: ['е', 'йо', 'ье'],
  yi: ['ый', 'ий', 'і', 'йі'],
  iy: ['ий', 'ый'],
  yy: ['ый', 'ий'],
  ii: ['ий', 'ии', 'іі'],
  ey: ['ей', 'ий'],
  ei: ['ей'],
  ay: ['ай'],
  ai: ['ай'],
  oy: ['ой'],
  oi: ['ой'],
  uy: ['уй'],
  a: ['а'],
  b: ['б'],
  c: ['ц', 'к'],
  d: ['д'],
  e: ['е', 'э', 'є'],
  f: ['ф'],
  g: ['г', 'ґ'],
  h: ['х', 'г'],
  i: ['и', 'і', 'ы', 'й'],
  j: ['й', 'дж'],
  k: ['к'],
  l: ['л'],
  m: ['м'],
  n: ['н'],
  o: ['о'],
  p: ['п'],
  q: ['к'],
  r: ['р'],
  s: ['с'],
  t: ['т'],
  u: ['у', 'ю'],
  v: ['в'],
  w: ['в'],
  x: ['кс'],
  y: ['ы', 'и', 'й', 'ый', 'ий'],
  z: ['з'],
}
const GROUP_LENGTHS = [4, 3, 2, 1]
// Consonants English spellings write without the soft sign that may follow them.
const SOFT = new Set('лнтдсзрвмкп')

/** Whether a query word, as typed, is treated as a name: capitalised, in one script, long enough. */
export function isNameLike(word: string): boolean {
  const first = word[0] ?? ''
  return (
    word.length >= MIN_NAME_LETTERS &&
    first !== first.toLowerCase() &&
    /^[\p{L}'’-]+$/u.test(word) &&
    (CYRILLIC.test(word) ? !/[a-z]/i.test(word) : !CYRILLIC.test(word))
  )
}

/** The capitalised name-like words of a query, outside quoted phrases and not wildcards or fuzzy terms. */
export function nameWordsOf(query: string): string[] {
  const out: string[] = []
  const unquoted = query.replace(/"[^"]*"?/g, ' ')
  for (const m of unquoted.matchAll(/(?:^|[\s+\-(:])([\p{L}'’-]+)(?=$|[\s)^])/gu)) {
    const word = m[1]!.replace(/^[-'’]+|[-'’]+$/g, '')
    if (isNameLike(word)) out.push(word)
  }
  return out
}

/**
 * Cyrillic spellings of a Latin word that the library may hold (lower case, folded), grown group by group;
 * a branch is followed only while a word of the library starts with it short of its last two groups (so an
 * ending the library only holds inflected, -ый of Навального, survives to be stemmed).
 */
export function cyrillicCandidates(latin: string, vocabulary: Vocabulary): string[] {
  const word = latin.toLowerCase().replace(/['’]/g, '')
  if (!LATIN_WORD.test(word)) return []
  const viable = new Map<string, boolean>()
  const isViable = (prefix: string) => {
    if (prefix === '') return true
    let v = viable.get(prefix)
    if (v === undefined) viable.set(prefix, (v = vocabulary.hasPrefix(prefix)))
    return v
  }
  // A state: the Cyrillic so far, and its length before the last two groups (the part that must be viable).
  type State = { text: string; lag: string[] }
  const states = new Map<number, State[]>([[0, [{ text: '', lag: [] }]]])
  const done = new Set<string>()
  for (let at = 0; at <= word.length; at++) {
    const here = states.get(at)
    if (!here) continue
    states.delete(at)
    if (at === word.length) {
      for (const s of here) done.add(s.text)
      continue
    }
    for (const len of GROUP_LENGTHS) {
      const group = word.slice(at, at + len)
      const options = group.length === len ? GROUPS[group] : undefined
      if (!options) continue
      const next = states.get(at + len) ?? []
      for (const s of here)
        for (const option of options) {
          const tails = SOFT.has(option.at(-1)!) ? [option, option + 'ь'] : [option]
          for (const tail of tails) {
            const lag = [...s.lag, s.text].slice(-2)
            if (!isViable(lag[0]!)) continue
            if (next.length < BEAM) next.push({ text: s.text + tail, lag })
          }
        }
      if (next.length > 0) states.set(at + len, next)
    }
  }
  for (const t of translit) done.add(t.reverse(word).toLowerCase())
  return [...done].filter((c) => c.length >= MIN_NAME_LETTERS - 1 && !/[a-z]/.test(c))
}

/** Other Latin spellings of a Latin name: its ending (-y, -iy, -yi, -yy, -ii) and kh/h, ya/ia, yu/iu, ye/ie. */
export function latinCandidates(latin: string): string[] {
  const word = latin.toLowerCase().replace(/['’]/g, '')
  if (!LATIN_WORD.test(word)) return []
  let out = new Set([word])
  const swap = (from: RegExp, to: string) => {
    for (const w of [...out]) if (out.size < 64) out.add(w.replace(from, to))
  }
  const ending = /(?<=[^aeiouy])(?:iy|yi|yy|ii|ij|yj|y)$/
  if (ending.test(word)) for (const e of ['y', 'iy', 'yi', 'yy', 'ii']) out.add(word.replace(ending, e))
  swap(/kh/g, 'h')
  swap(/(?<![kcsz])h/g, 'kh')
  swap(/ya/g, 'ia')
  swap(/ia/g, 'ya')
  swap(/yu/g, 'iu')
  swap(/iu/g, 'yu')
  swap(/(?<=[aeiou])ye|^ye/g, 'e')
  out = new Set([...out].filter((w) => w !== word))
  return [...out]
}

/** Latin spellings of a Cyrillic word: its Russian and Ukrainian transliterations first, then their variants. */
export function latinOfCyrillic(cyrillic: string): string[] {
  const bases = new Set<string>()
  for (const t of translit) {
    const latin = t.transform(cyrillic).toLowerCase().replace(/['’]/g, '')
    // A preset leaves letters it does not know (ы in Ukrainian) in Cyrillic: such a half spelling is dropped.
    if (LATIN_WORD.test(latin)) bases.add(latin)
  }
  const out = new Set(bases)
  for (const latin of bases) for (const v of latinCandidates(latin)) out.add(v)
  return [...out]
}

/** Whether a sorted table of words (a shard's terms or written words) holds one starting with `prefix`. */
export function tableHasPrefix(table: { readonly length: number; at(i: number): string }, prefix: string): boolean {
  let lo = 0
  let hi = table.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (table.at(mid) < prefix) lo = mid + 1
    else hi = mid
  }
  return lo < table.length && table.at(lo).startsWith(prefix)
}

/** Writes a lower-case spelling as a name (first letter capital). */
export function asName(spelling: string): string {
  return spelling.charAt(0).toUpperCase() + spelling.slice(1)
}
