import { describe, expect, it } from 'vitest'
import { analyzeWord, cyrillicLanguage, fold, tokenize } from '../../../electron/core/search/analyzer'

describe('analyzer', () => {
  it('folds case and diacritics, ё to е, and keeps й', () => {
    expect(fold('Café')).toBe('cafe')
    expect(fold('NAÏVE')).toBe('naive')
    expect(fold('Ёлка')).toBe('елка')
    expect(fold('Йошкар-Ола')).toBe('йошкар-ола')
  })

  it('stems Latin words with the English stemmer and Cyrillic words with the Russian one', () => {
    expect(analyzeWord('bridges')).toBe(analyzeWord('bridge'))
    expect(analyzeWord('моста')).toBe(analyzeWord('мост'))
    expect(analyzeWord('мостами')).toBe(analyzeWord('мост'))
    expect(analyzeWord('running')).toBe('run')
  })

  it('stems Ukrainian so the forms of a word meet, for Ukrainian articles and words with Ukrainian letters', () => {
    const kyiv = analyzeWord('Київ', 'uk')
    expect(kyiv).not.toBeNull()
    for (const form of ['Києва', 'Києві', 'Київ']) {
      expect(analyzeWord(form, 'uk')).toBe(kyiv)
      expect(analyzeWord(form)).toBe(kyiv)
    }
    expect(analyzeWord('виборів', 'uk')).toBe(analyzeWord('вибори', 'uk'))
    expect(analyzeWord('та', 'uk')).toBeNull()
    expect(cyrillicLanguage('uk-UA')).toBe('uk')
    expect(cyrillicLanguage('be')).toBeUndefined()
  })

  it('drops English and Russian stop words', () => {
    expect(analyzeWord('the')).toBeNull()
    expect(analyzeWord('и')).toBeNull()
    expect(analyzeWord('port')).not.toBeNull()
  })

  it('gives every word its exact range in the original text, stop words included', () => {
    const text = 'Über den Fluss — the «мост», 2024!'
    const tokens = tokenize(text)
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Über', 'den', 'Fluss', 'the', 'мост', '2024'])
    expect(tokens.map((t) => t.position)).toEqual([0, 1, 2, 3, 4, 5])
    expect(tokens[3]!.term).toBeNull()
  })
})
