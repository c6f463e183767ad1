import { describe, expect, it } from 'vitest'
import {
  decodeSignature,
  encodeSignature,
  signatureOf,
  similarityOf,
  storyTermsOf,
  wordsOf,
} from '../../../electron/core/stories/signature'

const base =
  'The river port opened on Monday with two new cranes after three years of work. Dock workers said the quay ' +
  'could now take ships twice as large, and the council expects trade through the harbour to grow next year. ' +
  'Local firms welcomed the news, while residents asked for a limit on night traffic along the waterfront road.'

describe('signatureOf', () => {
  it('gives the same text the same signature whatever its case and spacing', () => {
    const a = signatureOf(base)!
    const b = signatureOf(base.toUpperCase().replace(/ /g, '  '))!
    expect(similarityOf(a, b)).toBe(1)
  })

  it('rates a copy with one word changed as nearly the same text', () => {
    const edited = base.replace('Monday', 'Tuesday')
    expect(similarityOf(signatureOf(base)!, signatureOf(edited)!)).toBeGreaterThanOrEqual(0.75)
  })

  it('rates a different text on the same topic as different', () => {
    const other =
      'Harbour cranes stood idle on Friday as dock workers went on strike over pay. The council said the port ' +
      'would stay closed until talks resume, and ships were sent to a quay further along the river.'
    expect(similarityOf(signatureOf(base)!, signatureOf(other)!)).toBeLessThan(0.2)
  })

  it('compares Cyrillic texts, folding ё', () => {
    const a = signatureOf('Ещё один мост через реку открыт в пятницу, сообщили в мэрии города.')!
    const b = signatureOf('Еще один мост через реку открыт в пятницу, сообщили в мэрии города.')!
    expect(similarityOf(a, b)).toBe(1)
  })

  it('signs the very words wordsOf reads: accents, marks, capitals and ё folded the same way', () => {
    const text = 'Café NAÏVE Ёлка e\u0301tude Straße 𝐁𝐨𝐥𝐝 ǅemal Ёж — три слова, 42 года.'
    expect(signatureOf(text)).toEqual(signatureOf(wordsOf(text).join(' ')))
    expect(signatureOf('Two words')).toEqual(signatureOf('two WORDS'))
  })

  it('reads the lead a same-story comparison weighs from the start of a long text only', () => {
    const long = `${'Harbour cranes stood idle on Friday. '.repeat(40)}${'x'.repeat(10_000)}`
    expect(storyTermsOf('', long)).toEqual(storyTermsOf('', long.slice(0, 600)))
  })

  it('gives no signature to a text without words', () => {
    expect(signatureOf(' — … ')).toBeNull()
  })

  it('survives the cache encoding unchanged', () => {
    const sig = signatureOf(base)!
    expect(decodeSignature(encodeSignature(sig))).toEqual(sig)
    expect(decodeSignature('bm90IGEgc2lnbmF0dXJl')).toBeNull()
  })
})

describe('storyTermsOf', () => {
  it('marks title words, drops stop words and cuts inflected names to one stem', () => {
    expect(storyTermsOf('Навальный', 'Адвокаты Навального заявили')).toEqual(['^наваль', 'адвока', 'наваль', 'заявил'])
    expect(wordsOf('Kyiv’s mayor')).toEqual(['kyiv', 's', 'mayor'])
  })
})
