import { describe, expect, it } from 'vitest'
import { highlight, holdsPrefix, makeSnippet, SNIPPET_WORDS } from '../../../electron/core/search/snippet'
import { analyzeWord } from '../../../electron/core/search/analyzer'

describe('highlight', () => {
  it('marks every form of a word and merges a phrase into one range', () => {
    const text = 'Bridges and a bridge; the river port by the port river.'
    const ranges = highlight(text, { terms: new Set([analyzeWord('bridge')!]), phrases: [['river', 'port']] })
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Bridges', 'bridge', 'river port'])
  })

  it('marks a phrase only where its words stand as written, and words by their prefix', () => {
    const text = 'Oil prices and the oil price; electioneering and elected.'
    const ranges = highlight(text, { terms: new Set(), phrases: [['oil', 'price']], prefixes: ['election'] })
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['oil price', 'electioneering'])
  })
})

describe('holdsPrefix', () => {
  it('finds a word by its folded prefix, accents and case included, and nothing else', () => {
    expect(holdsPrefix('Élections were held.', 'election')).toBe(true)
    expect(holdsPrefix('They elected a mayor.', 'election')).toBe(false)
    expect(holdsPrefix('Preelection talk.', 'election')).toBe(false)
    expect(holdsPrefix('Elections, electioneering.', 'election', new Set(['electioneering']))).toBe(true)
  })
})

describe('makeSnippet', () => {
  it('gives about thirty words around the matches, with their ranges inside the snippet', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`)
    words[120] = 'harbour'
    words[125] = 'harbour'
    const text = words.join(' ')
    const start = text.indexOf('harbour')
    const matches: [number, number][] = [
      [start, start + 7],
      [text.lastIndexOf('harbour'), text.lastIndexOf('harbour') + 7],
    ]
    const snippet = makeSnippet(text, matches)
    expect(snippet.text.startsWith('… ')).toBe(true)
    expect(snippet.text.endsWith(' …')).toBe(true)
    expect(snippet.text.replace(/…/g, '').trim().split(' ')).toHaveLength(SNIPPET_WORDS)
    expect(snippet.matches.map(([s, e]) => snippet.text.slice(s, e))).toEqual(['harbour', 'harbour'])
  })

  it('starts at the beginning when nothing matched in the text', () => {
    const snippet = makeSnippet('Short text with no match.', [])
    expect(snippet).toEqual({ text: 'Short text with no match.', matches: [] })
  })
})
