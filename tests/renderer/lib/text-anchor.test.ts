import { describe, expect, it } from 'vitest'
import { findQuote, fold, quoteOf, translateRange, trimRange } from '../../../renderer/lib/text-anchor'

const TEXT =
  'The harbour board met on Tuesday.\n\nWorkers said the new crane would double the quay capacity.\n\n' +
  'The board met again on Friday.'
/** The same words as the HTML view draws them: other line breaks and spaces, a soft hyphen. */
const DRAWN =
  'The harbour board met on Tuesday. Workers said the new crane would dou\u00adble the quay  capacity. ' +
  'The board met again on Friday.'

const slice = (text: string, range: [number, number] | null) => (range ? text.slice(range[0], range[1]) : null)

describe('fold', () => {
  it('folds runs of whitespace to one space and drops soft hyphens, keeping a map back', () => {
    const folded = fold('a \n\n b\u00adc')
    expect(folded.text).toBe('a bc')
    expect(folded.map).toEqual([0, 1, 5, 7, 8])
  })
})

describe('translateRange', () => {
  it('finds the drawn words of a passage of the text whatever the whitespace', () => {
    const start = TEXT.indexOf('double the quay capacity')
    const range = translateRange(TEXT, [start, start + 'double the quay capacity'.length], DRAWN)
    expect(slice(DRAWN, range)).toBe('dou\u00adble the quay  capacity')
  })

  it('finds the text of drawn words across paragraph breaks', () => {
    const start = DRAWN.indexOf('Tuesday. Workers')
    const range = translateRange(DRAWN, [start, start + 'Tuesday. Workers'.length], TEXT)
    expect(slice(TEXT, range)).toBe('Tuesday.\n\nWorkers')
  })

  it('tells a repeated phrase apart by the words around it', () => {
    const second = TEXT.indexOf('board met', 20)
    const range = translateRange(TEXT, [second, second + 'board met'.length], DRAWN)
    expect(range).not.toBeNull()
    expect(DRAWN.slice(range![0] - 4, range![1])).toBe('The board met')
    expect(range![0]).toBe(DRAWN.lastIndexOf('board met'))
  })

  it('finds a passage whose words changed a little, and gives up on one that is gone', () => {
    const edited = TEXT.replace('double the quay capacity', 'double the quays capacity')
    const start = TEXT.indexOf('would double the quay capacity')
    const end = start + 'would double the quay capacity'.length
    expect(slice(edited, translateRange(TEXT, [start, end], edited))).toBe('would double the quays capacity')
    expect(translateRange(TEXT, [start, end], 'Nothing of the sort is said here at all.')).toBeNull()
  })
})

describe('quoteOf and findQuote', () => {
  it('keeps context on both sides, and nothing for a blank range', () => {
    const start = TEXT.indexOf('crane')
    const quote = quoteOf(TEXT, [start, start + 5])
    expect(quote).toMatchObject({ exact: 'crane', prefix: expect.stringMatching(/said the new $/) })
    expect(quote!.suffix.startsWith(' would double')).toBe(true)
    expect(quoteOf(TEXT, [33, 35])).toBeNull()
    expect(findQuote(DRAWN, quote!)).toEqual([DRAWN.indexOf('crane'), DRAWN.indexOf('crane') + 5])
  })
})

describe('trimRange', () => {
  it('leaves out whitespace at either end, and a range of whitespace alone', () => {
    expect(trimRange(' ab  c \n', [0, 8])).toEqual([1, 6])
    expect(trimRange('a \n b', [1, 4])).toBeNull()
  })
})
