import { describe, expect, it } from 'vitest'
import {
  count,
  counted,
  languageLabel,
  otherFiltersLabel,
  paragraphs,
  rowDate,
  segments,
} from '../../../renderer/lib/format'

describe('format', () => {
  it('splits text into paragraphs that keep their offsets', () => {
    const text = 'One two.\n\nThree four.\n \nFive.'
    const paras = paragraphs(text)
    expect(paras.map((p) => p.text)).toEqual(['One two.', 'Three four.', 'Five.'])
    for (const p of paras) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text)
  })

  it('marks ranges inside a paragraph and numbers the hits across the text', () => {
    const text = 'alpha beta\n\ngamma beta'
    const [first, second] = paragraphs(text)
    const ranges: [number, number][] = [
      [6, 10],
      [18, 22],
    ]
    expect(segments(first!.text, first!.start, ranges)).toEqual([
      { text: 'alpha ', hit: null },
      { text: 'beta', hit: 0 },
    ])
    expect(segments(second!.text, second!.start, ranges)).toEqual([
      { text: 'gamma ', hit: null },
      { text: 'beta', hit: 1 },
    ])
  })

  it('clips a range that crosses a paragraph edge', () => {
    expect(segments('abcdef', 10, [[8, 12]])).toEqual([
      { text: 'ab', hit: 0 },
      { text: 'cdef', hit: null },
    ])
  })

  it('shows an undated article as undated, never as the day it was imported', () => {
    expect(rowDate({ published: null })).toEqual({ text: 'Undated', undated: true })
    expect(rowDate({ published: '2024-03-05' })).toEqual({ text: '5 Mar 2024', undated: false })
  })

  it('names languages in words and writes counts with separators', () => {
    expect(languageLabel('ru')).toBe('Russian')
    expect(languageLabel(null)).toBe('Unknown language')
    expect(count(3243)).toBe('3,243')
    expect(counted(3243, 'word')).toBe('3,243 words')
    expect(counted(1, 'article')).toBe('1 article')
  })
})

describe('otherFiltersLabel', () => {
  it('names every filter a saved search carries beyond the facets', () => {
    expect(
      otherFiltersLabel({
        moreFlags: ['sponsored'],
        notFlags: ['opinion'],
        starred: true,
        unread: true,
        story: 's-1',
      }),
    ).toBe('also Sponsored · not Opinion · starred · unread · story s-1')
    expect(otherFiltersLabel({})).toBe('')
  })
})
