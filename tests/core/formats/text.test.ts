import { describe, expect, it } from 'vitest'
import {
  countWords,
  linesToParagraphs,
  normaliseNewlines,
  shortTitle,
  toLines,
} from '../../../electron/core/formats/text'

describe('text helpers', () => {
  it('turns CRLF and CR into LF', () => {
    expect(normaliseNewlines('a\r\nb\rc\n')).toBe('a\nb\nc\n')
  })

  it('makes each line a paragraph when the body has no blank line', () => {
    expect(linesToParagraphs(toLines('One.\nTwo.\nThree.'))).toEqual(['One.', 'Two.', 'Three.'])
  })

  it('keeps lines of one paragraph together when blank lines separate paragraphs', () => {
    expect(linesToParagraphs(toLines('One\nstill one.\n\nTwo.'))).toEqual(['One\nstill one.', 'Two.'])
  })

  it('counts words in Latin and Cyrillic text, with inner apostrophes and hyphens', () => {
    expect(countWords("It's a well-known fact: 42 people came.")).toBe(7)
    expect(countWords('Жители района давно просили об этом.')).toBe(6)
    expect(countWords('新的渡轮码头')).toBe(6)
  })
})

describe('shortTitle', () => {
  it('takes the first sentence of a long paragraph', () => {
    expect(shortTitle('The council approved the budget. Opposition members said it cut too deeply into repairs.')).toBe(
      'The council approved the budget.',
    )
  })

  it('cuts at a word boundary when the first sentence is too long', () => {
    const title = shortTitle(`${'word '.repeat(60)}end.`, 40)
    expect(title.endsWith('word…')).toBe(true)
    expect(title.length).toBeLessThanOrEqual(41)
  })
})
