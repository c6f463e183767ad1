import { describe, expect, it } from 'vitest'
import { markDescription, pieces } from '../../../renderer/lib/highlight-segments'

describe('pieces', () => {
  it('cuts a paragraph where hits and highlights begin and end, the earliest highlight on top, each focusable once', () => {
    // "alpha beta gamma delta" starting at 100 in the article.
    const text = 'alpha beta gamma delta'
    const out = pieces(
      text,
      100,
      [[106, 110]],
      [
        { id: 'h2', range: [108, 116] },
        { id: 'h1', range: [100, 110] },
      ],
    )
    expect(out.map((p) => [p.text, p.hit, p.highlight, p.first])).toEqual([
      ['alpha ', null, 'h1', true],
      ['be', 0, 'h1', false],
      ['ta', 0, 'h1', false],
      [' gamma', null, 'h2', true],
      [' delta', null, null, false],
    ])
    expect(out.map((p) => p.start)).toEqual([100, 106, 108, 110, 116])
  })

  it('clips a highlight that runs on into the next paragraph', () => {
    const out = pieces('second para', 50, [], [{ id: 'h', range: [40, 56] }])
    expect(out.map((p) => [p.text, p.highlight, p.first])).toEqual([
      ['second', 'h', false],
      [' para', null, false],
    ])
  })
})

describe('markDescription', () => {
  it('says the note and tags, or that there is no note', () => {
    expect(markDescription({ note: 'ask the yard', tags: ['port', 'yard'] })).toBe(
      'Highlight. Note: ask the yard. Tags: port, yard. Enter shows the note with Edit and Delete.',
    )
    expect(markDescription({ note: '', tags: [] })).toMatch(/^Highlight\. No note\./)
  })
})
