/**
 * MinHash signatures of an article's text over word shingles, and the words a same-story cluster compares.
 *
 * Pure functions of the stored text: the stories core caches their output per article id and content hash.
 */

/** Slots in a signature; the LSH bands in groups.ts split them. */
export const SIGNATURE_SIZE = 64

/** Words per shingle: three words keep reprints together and tell apart texts that merely share vocabulary. */
const SHINGLE = 3

/** Words of the lead (after the title) that a same-story comparison reads. */
export const LEAD_WORDS = 60

/** The words of a text with case, `ё` and accents folded, so the same word compares equal however it was typed. */
export function wordsOf(text: string): string[] {
  // Folding the whole text at once costs a fraction of folding word by word.
  const folded = text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
  return folded.match(/[\p{L}\p{N}]+/gu) ?? []
}

/** A 32-bit finaliser (murmur3 fmix32), so nearby inputs scatter. */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

// One seed per slot: slot i keeps the least mix(shingle ^ seed_i), a cheap family of independent-enough hashes.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2f)))

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193
const WORD_CHAR = /^[\p{L}\p{N}]$/u

/**
 * How `wordsOf` folds each UTF-16 unit, filled in on first sight: null for a separator, else its folded text
 * ('' for a mark, which joins the letters around it). Signing reads the text once through this table instead of
 * lower-casing, normalising and splitting it into strings.
 */
const folds: (string | null | undefined)[] = new Array(65536)

function foldOf(ch: string): string | null {
  const folded = ch
    .toLowerCase()
    .replace(/ё/g, 'е')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
  if (folded === '') return /^\p{M}+$/u.test(ch) ? '' : null
  // A character folding to more than one word character (ǆ → dz) keeps them; anything else separates.
  return [...folded].every((c) => WORD_CHAR.test(c)) ? folded : null
}

/** Adds a word's folded UTF-16 units to the slots: the FNV-1a hash of each word, then its 3-shingles. */
class Shingler {
  readonly sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  words = 0
  #h = FNV_OFFSET
  #inWord = false
  #w1 = 0
  #w2 = 0
  // The first words, signed alone when the text has fewer than three.
  readonly #first: number[] = []

  unit(code: number): void {
    this.#h = Math.imul(this.#h ^ code, FNV_PRIME)
    this.#inWord = true
  }

  text(folded: string): void {
    for (let i = 0; i < folded.length; i++) this.unit(folded.charCodeAt(i))
  }

  end(): void {
    if (!this.#inWord) return
    const w = this.#h >>> 0
    this.#h = FNV_OFFSET
    this.#inWord = false
    this.words++
    if (this.words <= SHINGLE) this.#first.push(w)
    if (this.words >= SHINGLE) this.#add(mix(this.#w2 ^ mix(this.#w1 ^ mix(w))))
    this.#w2 = this.#w1
    this.#w1 = w
  }

  #add(s: number): void {
    // Repeated shingles need no removing: the least value per slot is the same however often one comes.
    const sig = this.sig
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      // Half a finaliser per slot: the shingle is already mixed, and this is the hot loop of signing.
      let v = Math.imul(s ^ SEEDS[k]!, 0x85ebca6b)
      v = (v ^ (v >>> 13)) >>> 0
      if (v < sig[k]!) sig[k] = v
    }
  }

  /** The signature, or null for a text without words. */
  finish(): Uint32Array | null {
    this.end()
    if (this.words === 0) return null
    if (this.words < SHINGLE) for (const w of this.#first) this.#add(w)
    return this.sig
  }
}

/**
 * The MinHash signature of a text's word 3-shingles (a text shorter than three words: of its words), over the
 * same folded words as `wordsOf`.
 *
 * null for a text with no words at all: it is nobody's copy.
 */
export function signatureOf(text: string): Uint32Array | null {
  const out = new Shingler()
  const n = text.length
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    // ASCII, most of most texts, without the table.
    if (code < 128) {
      if (code >= 97 && code <= 122) out.unit(code)
      else if (code >= 65 && code <= 90) out.unit(code + 32)
      else if (code >= 48 && code <= 57) out.unit(code)
      else out.end()
      continue
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      // An astral character (a surrogate pair) is rare: folded on its own, never cached.
      const folded = foldOf(text.slice(i, i + 2))
      i++
      if (folded === null) out.end()
      else out.text(folded)
      continue
    }
    let folded = folds[code]
    if (folded === undefined) folds[code] = folded = foldOf(String.fromCharCode(code))
    if (folded === null) out.end()
    else out.text(folded)
  }
  return out.finish()
}

/** The estimated Jaccard similarity of two texts' shingles: the share of equal slots, 0..1. */
export function similarityOf(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++
  return same / SIGNATURE_SIZE
}

// Words too common to say what a story is about (English and Russian); more are cut by their document frequency.
const STOP = new Set(
  (
    'the and for that with this from have has had was were are not but its his her their they them will would said ' +
    'says been also more than after about into over which who what when where there one two new year years may ' +
    'could should can just out all some our your you yet such other most very only being both each many much ' +
    'это как что его она они так для при был была были будет этого того который которые также только уже или ' +
    'еще даже чтобы если там тут где когда этом этой них ему года году более может может время'
  ).split(' '),
)

/** Letters a word is cut to, so inflections of a name (Навальный, Навального) and of a word compare equal. */
const STEM = 6

/**
 * The words a same-story comparison weighs: the title's and the lead's, folded, stop words out, cut to a stem.
 *
 * Title words come first, marked with a leading `^` so they can weigh more.
 */
export function storyTermsOf(title: string, text: string): string[] {
  const terms: string[] = []
  const add = (words: string[], mark: string) => {
    for (const w of words) {
      if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) continue
      terms.push(mark + w.slice(0, STEM))
    }
  }
  add(wordsOf(title), '^')
  add(leadWords(text, LEAD_WORDS), '')
  return terms
}

/** The first `n` words of a text (as `wordsOf` gives them), folding only as much of it as they need. */
export function leadWords(text: string, n: number): string[] {
  // News words average six or seven letters with their spaces: twelve characters a word is rarely too few.
  for (let end = n * 12; ; end *= 2) {
    if (end >= text.length) return wordsOf(text).slice(0, n)
    const words = wordsOf(text.slice(0, end))
    // One word more than needed: the n-th is then whole, not cut by the slice.
    if (words.length > n) return words.slice(0, n)
  }
}

/** Encodes a signature for the cache file. */
export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64')
}

/** Decodes a cached signature; null when it is not one of this size. */
export function decodeSignature(text: string): Uint32Array | null {
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length !== SIGNATURE_SIZE * 4) return null
  const copy = new Uint8Array(bytes)
  return new Uint32Array(copy.buffer)
}
