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

/** FNV-1a over a string's UTF-16 units: a fast 32-bit hash of a word. */
function hashWord(word: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
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

/**
 * The MinHash signature of a text's word 3-shingles (a text shorter than three words: of its words).
 *
 * null for a text with no words at all: it is nobody's copy.
 */
export function signatureOf(text: string): Uint32Array | null {
  const words = wordsOf(text)
  if (words.length === 0) return null
  const hashes = words.map(hashWord)
  const shingles = new Set<number>()
  if (hashes.length < SHINGLE) for (const h of hashes) shingles.add(h)
  for (let i = 0; i + SHINGLE <= hashes.length; i++) {
    shingles.add(mix(hashes[i]! ^ mix(hashes[i + 1]! ^ mix(hashes[i + 2]!))))
  }
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  for (const s of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      // Half a finaliser per slot: the shingle is already mixed, and this is the hot loop of signing.
      let v = Math.imul(s ^ SEEDS[k]!, 0x85ebca6b)
      v = (v ^ (v >>> 13)) >>> 0
      if (v < sig[k]!) sig[k] = v
    }
  }
  return sig
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
  add(wordsOf(text).slice(0, LEAD_WORDS), '')
  return terms
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
