/**
 * Language per article: a declared tag when valid, else letters and function words, else franc.
 */
import { francAll } from 'franc'

/** franc's ISO 639-3 codes → ISO 639-1, for the languages of its default set that matter here. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  deu: 'de',
  ger: 'de',
  fra: 'fr',
  fre: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  pol: 'pl',
  nld: 'nl',
  dut: 'nl',
  swe: 'sv',
  nob: 'nb',
  nno: 'nn',
  nor: 'no',
  dan: 'da',
  fin: 'fi',
  ces: 'cs',
  cze: 'cs',
  slk: 'sk',
  slo: 'sk',
  tur: 'tr',
  arb: 'ar',
  ara: 'ar',
  cmn: 'zh',
  zho: 'zh',
  chi: 'zh',
  jpn: 'ja',
  kor: 'ko',
  hin: 'hi',
  uzn: 'uz',
  uzb: 'uz',
  bul: 'bg',
  ron: 'ro',
  rum: 'ro',
  ind: 'id',
  lvs: 'lv',
  lav: 'lv',
  lit: 'lt',
  ekk: 'et',
  est: 'et',
  hun: 'hu',
  hrv: 'hr',
  srp: 'sr',
  bos: 'bs',
  slv: 'sl',
  mkd: 'mk',
  ell: 'el',
  gre: 'el',
  heb: 'he',
  pes: 'fa',
  fas: 'fa',
  per: 'fa',
  urd: 'ur',
  ben: 'bn',
  tha: 'th',
  vie: 'vi',
  kaz: 'kk',
  tat: 'tt',
  kir: 'ky',
  tgk: 'tg',
  azj: 'az',
  aze: 'az',
  kat: 'ka',
  geo: 'ka',
  hye: 'hy',
  arm: 'hy',
  cat: 'ca',
  glg: 'gl',
  eus: 'eu',
  afr: 'af',
  swh: 'sw',
  swa: 'sw',
  tgl: 'tl',
  zlm: 'ms',
  msa: 'ms',
  als: 'sq',
  sqi: 'sq',
  mar: 'mr',
  npi: 'ne',
  tam: 'ta',
  tel: 'te',
  kan: 'kn',
  mal: 'ml',
  guj: 'gu',
  pan: 'pa',
  amh: 'am',
  khk: 'mn',
  mon: 'mn',
  epo: 'eo',
  isl: 'is',
  ice: 'is',
  gle: 'ga',
  cym: 'cy',
  wel: 'cy',
  sin: 'si',
  mya: 'my',
  khm: 'km',
  lao: 'lo',
  ydd: 'yi',
  yid: 'yi',
  jav: 'jv',
  sun: 'su',
  som: 'so',
  hau: 'ha',
  yor: 'yo',
  ibo: 'ig',
  zul: 'zu',
  xho: 'xh',
  uig: 'ug',
  tuk: 'tk',
  ckb: 'ku',
  pbu: 'ps',
  pus: 'ps',
  // franc takes short English for Scots, which has no two-letter code; news in Scots is rare.
  sco: 'en',
}

const ISO1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ' +
    'ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os ' +
    'pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ' +
    'ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
)

/**
 * Normalises a declared language ('en-US', 'en_GB', 'RU', 'rus') to ISO 639-1, or null when it is not one.
 */
export function normaliseLanguage(declared: unknown): string | null {
  if (typeof declared !== 'string') return null
  const primary =
    declared
      .trim()
      .toLowerCase()
      .split(/[-_\s]/)[0] ?? ''
  if (primary.length === 2) return ISO1.has(primary) ? primary : null
  if (primary.length === 3) return ISO3_TO_1[primary] ?? null
  return null
}

/** Function words that tell the big Latin-script languages apart quickly, without franc. */
const STOPWORDS: Record<string, string> = {
  en: 'the and of to in is that for was with on said it as by he his from at have are be this which were has but not they will would an its',
  de: 'der die und das ist den nicht mit von sich des auf für ein eine dem im auch es wird zu wurde bei nach sie er aus hat wie oder',
  fr: 'le la les et des du un une est que qui dans pour pas sur au il elle par ne se ce avec sont plus aux été mais',
  es: 'el la los las y de que en del un una es por con para se no su al lo como más pero sus fue ha este esta',
  it: 'il la di che e è un una per non del della con sono gli le si da nel alla dei ha anche al più questo',
  pt: 'o a os as de que e do da em um uma para com não no na por se dos das mais ao é foi como mas',
  nl: 'de het een en van is dat niet op te voor met zijn er die aan ook als bij om maar wordt nog werd',
  pl: 'i w na z się nie do że to jest o jak po przez od za dla oraz ale jego już tak',
}
const STOPWORD_LANGS = Object.keys(STOPWORDS)
/** Each function word → the index (into STOPWORD_LANGS) of the one language that uses it. */
const STOPWORD_INDEX = new Map<string, number[]>()
STOPWORD_LANGS.forEach((lang, index) => {
  for (const word of STOPWORDS[lang]!.split(' ')) STOPWORD_INDEX.set(word, [...(STOPWORD_INDEX.get(word) ?? []), index])
})
// Words shared by several of these languages ("de", "la", "que") tell them apart badly: only
// words of one language count, and no one-letter words ("i", "a", "o" are everywhere).
for (const [word, langs] of STOPWORD_INDEX) if (langs.length > 1 || word.length < 2) STOPWORD_INDEX.delete(word)
// About 170 words: plenty for function-word counts.
const STOPWORD_SAMPLE = 1000
const LATIN_WORD = /\p{L}+/gu

// What each letter of the Cyrillic block (U+0400–U+04FF) says about the language.
const NONE = 255
const BE = 0 // ў
const I = 1 // і
const UK = 2 // ї є ґ
const Y = 3 // ы
const RU = 4 // э ъ ё
const OTHER = 5 // letters of Kazakh, Serbian, Macedonian, Tatar, Mongolian…
const CYRILLIC_KIND = new Uint8Array(0x100).fill(NONE)
const markLetters = (letters: string, kind: number) => {
  for (const ch of letters) CYRILLIC_KIND[ch.charCodeAt(0) - 0x0400] = kind
}
markLetters('ўЎ', BE)
markLetters('іІ', I)
markLetters('їЇєЄґҐ', UK)
markLetters('ыЫ', Y)
markLetters('эЭъЪёЁ', RU)
markLetters('әғқңөұүһҗјљњћђџќѓѕ', OTHER)

/** Detects a language from Cyrillic letters alone, or null when franc must decide. */
function cyrillicLanguage(sample: string): string | null {
  const counts = new Uint16Array(6)
  for (let k = 0; k < sample.length; k++) {
    const code = sample.charCodeAt(k)
    if (code < 0x0400 || code > 0x04ff) continue
    const kind = CYRILLIC_KIND[code - 0x0400]!
    if (kind !== NONE) counts[kind]!++
  }
  const be = counts[BE]!
  const i = counts[I]!
  const uk = counts[UK]!
  const y = counts[Y]!
  const ru = counts[RU]! + y
  const other = counts[OTHER]!
  if (other >= 2) return null
  if (be >= 2 && i > 0) return 'be'
  if (uk >= 1 && i >= 1 && y === 0) return 'uk'
  if (i >= 2 && y >= 2 && uk === 0) return 'be'
  if (ru >= 2 && i === 0 && uk === 0 && be === 0) return 'ru'
  if (i >= 3 && ru === 0 && be === 0) return 'uk'
  return null
}

/** Scores the function words of the big Latin-script languages; a clear winner or null. */
function latinLanguage(sample: string): string | null {
  const counts = new Array<number>(STOPWORD_LANGS.length).fill(0)
  for (const word of sample.slice(0, STOPWORD_SAMPLE).toLowerCase().match(LATIN_WORD) ?? []) {
    const langs = STOPWORD_INDEX.get(word)
    if (langs) for (const index of langs) counts[index]!++
  }
  let best = -1
  let first = 0
  let second = 0
  counts.forEach((n, index) => {
    if (n > first) {
      second = first
      first = n
      best = index
    } else if (n > second) second = n
  })
  const clear = (first >= 10 && first >= second * 2.5) || (first >= 5 && second === 0)
  return best >= 0 && clear ? STOPWORD_LANGS[best]! : null
}

// franc compares a sample with every language of its script; limiting it to the languages
// this table can name makes it several times faster, and an unnamed language came out null anyway.
const FRANC_CANDIDATES = Object.keys(ISO3_TO_1)
const CYRILLIC_LANGUAGES = new Set(['ru', 'uk', 'be', 'bg', 'mk', 'kk', 'ky', 'tg', 'mn', 'tt', 'ba', 'cv', 'os'])
const LATIN_LANGUAGES = new Set(
  'en de fr es it pt pl nl sv nb nn no da fi cs sk tr ro id ms lv lt et hu hr sl bs sq ca gl eu af sw tl vi az uz is ga cy eo'.split(
    ' ',
  ),
)
const SAMPLE_CHARS = 2000
const MIN_LETTERS = 40

/**
 * Tells an article's language as ISO 639-1, or null when too short or unsure.
 *
 * A valid declared language wins unless the text is plainly in another script. Russian, Ukrainian and Belarusian are told by their own
 * letters; English and the big Western languages by function words; the rest by franc on a
 * bounded sample.
 */
export function detectLanguage(title: string, text: string, declared?: unknown): string | null {
  const fromMetadata = normaliseLanguage(declared)
  const sample = `${title.slice(0, 300)}\n${text.slice(0, SAMPLE_CHARS)}`
  let cyrillic = 0
  let latin = 0
  let letters = 0
  for (let k = 0; k < sample.length; k++) {
    const code = sample.charCodeAt(k)
    if (code >= 0x0400 && code <= 0x04ff) cyrillic++
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f))
      latin++
    else if (code > 0x2e7f || (code > 0x370 && code < 0x2000)) letters++
  }
  letters += cyrillic + latin
  // A declared language wins unless the text is plainly in another script (a site template's
  // lang="en" on a Russian article, say).
  if (fromMetadata) {
    const declaredCyrillic = CYRILLIC_LANGUAGES.has(fromMetadata)
    const contradicted =
      letters >= MIN_LETTERS &&
      ((declaredCyrillic && latin > cyrillic * 2) ||
        (!declaredCyrillic && LATIN_LANGUAGES.has(fromMetadata) && cyrillic > latin * 2))
    if (!contradicted) return fromMetadata
  }
  if (letters < MIN_LETTERS) return null
  if (cyrillic > latin) {
    const lang = cyrillicLanguage(sample)
    if (lang) return lang
  } else if (latin > letters / 2) {
    const lang = latinLanguage(sample)
    if (lang) return lang
  }
  // franc may rank a close relative without an ISO 639-1 code first (Magahi for Hindi):
  // take the best candidate that has one, if it is nearly as likely.
  for (const [code, score] of francAll(sample, { minLength: MIN_LETTERS, only: FRANC_CANDIDATES })) {
    if (code === 'und' || score < 0.97) break
    const iso = ISO3_TO_1[code]
    if (iso) return iso
  }
  return null
}
