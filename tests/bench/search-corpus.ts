/**
 * The search benchmark's synthetic news corpus: seeded, deterministic, generated in memory.
 *
 * Pseudo-words from syllables (English-like and Russian-like with case endings), drawn with a
 * Zipf-like distribution, 400–700 words per article, with sites, dates, languages and flags.
 */
import { ARTICLE_FLAGS, type ArticleFlag } from '../../electron/shared/models'
import type { SearchRecord } from '../../electron/core/search/record'

/** A seeded random number generator (mulberry32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const EN_STOP = 'the of and to in a is that for on was with as by at from it his be have are this an said'.split(' ')
const RU_STOP = 'и в не на что с по как из за к от о для это его но он же у'.split(' ')
const EN_SYL =
  'ba be bi bo bu ca ce co da de di do fa fe ga ge la le li lo ma me mi mo na ne no pa pe po ra re ri ro sa se si so ta te ti to va ve vi'.split(
    ' ',
  )
const EN_END = ['', '', 'n', 'r', 's', 'ng', 'rt', 'st', 'nd', 'ck']
const RU_SYL =
  'ба бе би бо ва ве ви во да де ди до ка ке ки ко ла ле ли ло ма ме ми мо на не ни но па пе по ра ре ри ро са се си со та те ти то'.split(
    ' ',
  )
const RU_END = ['а', 'ы', 'е', 'у', 'ой', 'ами', 'ов', 'ом', '']

function vocabulary(random: () => number, size: number, syl: string[], endings: string[]): string[] {
  const words = new Set<string>()
  while (words.size < size) {
    const n = 2 + Math.floor(random() * 3)
    let w = ''
    for (let i = 0; i < n; i++) w += syl[Math.floor(random() * syl.length)]
    words.add(w + endings[Math.floor(random() * endings.length)]!)
  }
  return [...words]
}

/** Zipf-like sampler over `words` (rank r drawn with weight 1/(r+10)). */
function zipf(random: () => number, words: string[]): () => string {
  const cum = new Float64Array(words.length)
  let sum = 0
  for (let i = 0; i < words.length; i++) cum[i] = sum += 1 / (i + 10)
  return () => {
    const x = random() * sum
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cum[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return words[lo]!
  }
}

/** A corpus and the words its queries are drawn from (by frequency rank). */
export interface Corpus {
  records: SearchRecord[]
  en: string[]
  ru: string[]
  sites: string[]
}

/** Generates `count` articles from `seed`. */
export function generate(count: number, seed = 42): Corpus {
  const random = rng(seed)
  const en = vocabulary(random, 40_000, EN_SYL, EN_END)
  const ru = vocabulary(random, 15_000, RU_SYL, RU_END)
  const enWord = zipf(random, en)
  const ruWord = zipf(random, ru)
  const sites = Array.from({ length: 40 }, (_, i) => `news-${i}.example`)
  const records: SearchRecord[] = []
  for (let i = 0; i < count; i++) {
    const russian = random() < 0.15
    const word = russian ? ruWord : enWord
    const stop = russian ? RU_STOP : EN_STOP
    const next = () => (random() < 0.3 ? stop[Math.floor(random() * stop.length)]! : word())
    const length = 400 + Math.floor(random() * 300)
    const paragraphs: string[] = []
    let sentence: string[] = []
    let paragraph: string[] = []
    for (let w = 0; w < length; w++) {
      sentence.push(next())
      if (sentence.length > 8 + random() * 12) {
        const s = sentence.join(' ')
        paragraph.push(s[0]!.toUpperCase() + s.slice(1) + '.')
        sentence = []
        if (paragraph.length > 3 + random() * 3) {
          paragraphs.push(paragraph.join(' '))
          paragraph = []
        }
      }
    }
    if (sentence.length) paragraph.push(sentence.join(' ') + '.')
    if (paragraph.length) paragraphs.push(paragraph.join(' '))
    const flags: ArticleFlag[] = ARTICLE_FLAGS.filter(() => random() < 0.12)
    const day = Math.floor(random() * 3650)
    records.push({
      id: `gen/${i}`,
      hash: `h${i}`,
      title: Array.from({ length: 6 + Math.floor(random() * 5) }, next).join(' '),
      text: paragraphs.join('\n\n'),
      author: random() < 0.5 ? `${word()} ${word()}` : null,
      site: sites[Math.floor(random() * sites.length)]!,
      category: random() < 0.5 ? word() : null,
      disclaimers: flags.includes('machine-translated')
        ? ['We transmit this news automatically and translate it through programmatic technology.']
        : [],
      language: russian ? 'ru' : 'en',
      published: new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString(),
      flags,
      collection: russian ? 'ru' : 'world',
    })
  }
  return { records, en, ru, sites }
}
