/**
 * Bytes → string: BOMs, declared charsets, UTF-8 validity, then detection with a Cyrillic sanity check.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'

/** A decoded text and the encoding it was read as. */
export interface Decoded {
  text: string
  encoding: string
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true })
const SAMPLE = 64 * 1024
// Enough Cyrillic letters to tell the code pages apart, cheap to decode seven times.
const SCORE_SAMPLE = 3 * 1024

const CHARDET_NAMES: Record<string, string> = {
  'windows-1251': 'windows-1251',
  'koi8-r': 'koi8-r',
  'iso-8859-5': 'iso-8859-5',
  ibm866: 'cp866',
  ibm855: 'cp855',
}

// Frequent letter pairs of Russian, Ukrainian and Belarusian running text.
const COMMON_BIGRAMS = new Set(
  'ст но то на ен ов ни ра во ко ро ре ер от пр ал по та ли ан ел ос не ны ка ет ть ла ол ом ва ор ри ле ве ин ти ит ат ро ил ск ак ра ог ад ен ой ой ый ие ия го ва ва ав ня ль ны ем ам ое ии ци ць ві ні ти на ма ня ці ла ку ыя ая ае ад ыі ці ай'.split(
    ' ',
  ),
)

/** Reports whether the bytes start with a byte-order mark, and which. */
export function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/**
 * Recognises UTF-16 text without a BOM by its NUL bytes: mostly-Latin UTF-16 has a zero in
 * every other byte (odd positions for LE, even for BE) and almost none in the others.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const end = Math.min(bytes.length, 4096) & ~1
  if (end < 8) return null
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZeros++
    if (bytes[i + 1] === 0) oddZeros++
  }
  const pairs = end / 2
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.02) return 'utf-16le'
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.02) return 'utf-16be'
  return null
}

/**
 * Tells whether bytes (without a UTF-16 BOM) look like binary data rather than text.
 *
 * A NUL byte or more than 10% control characters in the first 8 KB counts as binary.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192)
  let control = 0
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++
  }
  return end > 0 && control / end > 0.1
}

/** Normalises a charset label to one iconv-lite knows, or null. */
export function normaliseCharset(label: string): string | null {
  const name = label.trim().toLowerCase().replace(/^x-/, '')
  if (name === 'utf8' || name === 'utf-8' || name === 'unicode-1-1-utf-8') return 'utf-8'
  // As browsers do: Latin-1 labels mean windows-1252, GB2312 means GBK.
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'us-ascii' || name === 'ascii') return 'windows-1252'
  if (name === 'gb2312') return 'gbk'
  if (name === 'mac-cyrillic') return 'maccyrillic'
  return iconv.encodingExists(name) ? name : null
}

/** Decodes with iconv-lite, dropping a leading U+FEFF. */
function decodeAs(bytes: Uint8Array, encoding: string): string {
  const text =
    encoding === 'utf-8'
      ? new TextDecoder('utf-8').decode(bytes)
      : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Strict UTF-8, or null when the bytes are not valid UTF-8. */
function tryUtf8(bytes: Uint8Array): string | null {
  try {
    const text = utf8Strict.decode(bytes)
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } catch {
    return null
  }
}

/** Counts well-formed multi-byte UTF-8 sequences and stray high bytes. */
function utf8Census(bytes: Uint8Array): { multi: number; stray: number; high: number; asciiLetters: number } {
  let multi = 0
  let stray = 0
  let high = 0
  let asciiLetters = 0
  const end = Math.min(bytes.length, SAMPLE * 4)
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!
    if (b < 0x80) {
      if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) asciiLetters++
      continue
    }
    high++
    const need = utf8Continuations(bytes, i)
    const okSeq = need > 0
    if (okSeq) {
      multi++
      high += need
      i += need
    } else stray++
  }
  return { multi, stray, high, asciiLetters }
}

/** How many continuation bytes follow the UTF-8 lead byte at `i` (1–3), or 0 when no whole sequence starts there. */
function utf8Continuations(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k]
    if (c === undefined || c < 0x80 || c > 0xbf) return 0
  }
  return need
}

/** Decodes mostly-UTF-8 bytes, reading each stray byte that is not part of a sequence as windows-1252. */
function decodeUtf8WithStrays(bytes: Uint8Array): string {
  const parts: string[] = []
  let start = 0
  const flush = (to: number) => {
    if (to > start) parts.push(new TextDecoder('utf-8').decode(bytes.subarray(start, to)))
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b < 0x80) continue
    const need = utf8Continuations(bytes, i)
    const okSeq = need > 0
    if (okSeq) {
      i += need
      continue
    }
    flush(i)
    parts.push(iconv.decode(Buffer.from([b]), 'windows-1252'))
    start = i + 1
  }
  flush(bytes.length)
  const text = parts.join('')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * How much a decoding reads like Cyrillic prose, 0 when it does not at all.
 *
 * Real text has its Cyrillic letters in runs, mostly lower-case, with many common letter pairs;
 * a wrong code page gives upper-case runs, odd symbols or rare pairs.
 */
export function cyrillicScore(text: string): number {
  let lower = 0
  let upper = 0
  let pairs = 0
  let common = 0
  let odd = 0
  let prev = -1
  let prevLower = false
  const end = Math.min(text.length, 20000)
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const index = letterIndex(code)
    if (index >= 0) {
      const isUpper = (code >= 0x0410 && code <= 0x042f) || (code >= 0x0400 && code <= 0x040f) || code === 0x0490
      if (isUpper) {
        upper++
        if (prevLower) odd++ // an upper-case letter inside a lower-case word
      } else lower++
      if (prev >= 0) {
        pairs++
        common += COMMON_PAIRS[prev * 64 + index]!
      }
      prev = index
      prevLower = !isUpper
    } else {
      if (code >= 0x80 && !FRIENDLY.has(code)) {
        if (letterIndex(text.charCodeAt(i - 1)) >= 0 || letterIndex(text.charCodeAt(i + 1)) >= 0) odd++
      }
      prev = -1
      prevLower = false
    }
  }
  const letters = lower + upper
  if (letters < 20 || pairs === 0) return 0
  const commonShare = common / pairs
  if (commonShare < 0.12) return 0
  const penalty = Math.max(0, 1 - (5 * odd) / letters)
  return ((lower / letters) * 0.5 + commonShare * 2 + pairs / letters) * penalty
}

// Characters that sit next to Cyrillic words in real text.
const FRIENDLY = new Set([...'«»„“”‘’—–…№\u00a0'].map((c) => c.charCodeAt(0)))

/** The letters of Russian, Ukrainian and Belarusian as 0..37 (case folded), or -1. */
function letterIndex(code: number): number {
  if (code >= 0x0430 && code <= 0x044f) return code - 0x0430
  if (code >= 0x0410 && code <= 0x042f) return code - 0x0410
  switch (code) {
    case 0x0451:
    case 0x0401:
      return 32
    case 0x0456:
    case 0x0406:
      return 33
    case 0x0457:
    case 0x0407:
      return 34
    case 0x0454:
    case 0x0404:
      return 35
    case 0x0491:
    case 0x0490:
      return 36
    case 0x045e:
    case 0x040e:
      return 37
    default:
      return -1
  }
}

// COMMON_BIGRAMS as a 64×64 lookup table over letterIndex.
const COMMON_PAIRS = new Uint8Array(64 * 64)
for (const pair of COMMON_BIGRAMS) {
  const a = letterIndex(pair.charCodeAt(0))
  const b = letterIndex(pair.charCodeAt(1))
  if (a >= 0 && b >= 0) COMMON_PAIRS[a * 64 + b] = 1
}

const SURE_SCORE = 2.05

// Preference order when two code pages read equally well (they share most letters).
const CYRILLIC_PREFERENCE = ['windows-1251', 'koi8-r', 'cp866', 'iso-8859-5', 'maccyrillic', 'cp855', 'koi8-u']

/** Picks a single-byte decoding for bytes that are not UTF-8. */
function detectLegacy(bytes: Uint8Array, census: { high: number; asciiLetters: number }): string {
  // A few high bytes in Latin text (a '£', an 'é') mean Western European, not Cyrillic.
  if (census.high < 0.05 * (census.high + census.asciiLetters) && census.high < 64) return 'windows-1252'
  const sample = bytes.length > SAMPLE ? bytes.subarray(0, SAMPLE) : bytes
  let best: string | null = null
  let bestScore = 1.3
  const probe = sample.subarray(0, SCORE_SAMPLE)
  for (const encoding of CYRILLIC_PREFERENCE) {
    const score = cyrillicScore(decodeAs(probe, encoding))
    if (score > bestScore + 0.02) {
      best = encoding
      bestScore = score
    }
    // The right code page scores about 2.0–2.4 on real text; a wrong one stayed under 1.9 on
    // every sample tried, so a clear reading of a common code page needs no further tries.
    if (bestScore >= SURE_SCORE) break
  }
  if (best) return best
  const top = chardet.analyse(sample)[0]
  return (top && (CHARDET_NAMES[top.name.toLowerCase()] ?? normaliseCharset(top.name))) || 'windows-1252'
}

/**
 * Decodes a file's bytes to a string with LF line endings untouched (callers normalise).
 *
 * Order: a BOM; then a declared charset (HTML's meta), unless the bytes are valid multi-byte
 * UTF-8, which wins because it almost never happens by chance; then strict UTF-8; then mostly
 * UTF-8 with stray Latin-1 bytes; then detection.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const bom = bomEncoding(bytes)
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding }
  const utf16 = sniffUtf16(bytes)
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16 }
  const utf8 = tryUtf8(bytes)
  const declaredName = declared ? normaliseCharset(declared) : null
  if (declaredName && declaredName !== 'utf-8') {
    const isPlainAscii = utf8 !== null && !/[^\p{ASCII}]/u.test(utf8)
    if (utf8 === null || isPlainAscii) return { text: decodeAs(bytes, declaredName), encoding: declaredName }
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
  const census = utf8Census(bytes)
  if (census.multi > 0 && census.multi >= census.stray * 2)
    return { text: decodeUtf8WithStrays(bytes), encoding: 'utf-8' }
  const encoding = detectLegacy(bytes, census)
  return { text: decodeAs(bytes, encoding), encoding }
}
