import { describe, expect, it } from 'vitest'
import type { StoredHighlight } from '../../../electron/core/workbench/annotations'
import { hasNoteTerm, matchNotes, noteWords, withoutNoteTerms } from '../../../electron/core/workbench/notes'

function h(id: string, note: string, tags: string[] = []): StoredHighlight {
  const t = '2026-01-01T00:00:00.000Z'
  return {
    id,
    articleId: `a-${id}`,
    quote: `quote ${id}`,
    prefix: '',
    suffix: '',
    start: 0,
    end: 7,
    note,
    tags,
    created: t,
    modified: t,
  }
}

const NOTES = [
  h('1', 'Ask the Harbourmaster about tonnage'),
  h('2', 'Дата не совпадает', ['проверить']),
  h('3', '', ['café']),
]
const title = (id: string) => `Title of ${id}`

describe('noteWords', () => {
  it('takes the words of note: terms when there are any', () => {
    expect(noteWords('crane note:tonnage note:"port authority"')).toEqual(['tonnage', 'port', 'authority'])
  })

  it('takes the plain words otherwise, leaving out operators, excluded and fielded terms', () => {
    expect(noteWords('"river port" AND crane~1 -strike NOT ferry title:quay +Tonnage^2')).toEqual([
      'river',
      'port',
      'crane',
      'tonnage',
    ])
  })
})

describe('withoutNoteTerms', () => {
  it('leaves the article query without its note: terms', () => {
    expect(withoutNoteTerms('crane note:tonnage  +note:"two words" title:quay')).toBe('crane title:quay')
    expect(hasNoteTerm('crane note:tonnage')).toBe(true)
    expect(hasNoteTerm('footnote:x crane')).toBe(false)
  })
})

describe('matchNotes', () => {
  it('finds a note by a word prefix, case-blind, with its title and quote', () => {
    expect(matchNotes('harbourMASTER tonn', NOTES, title)).toEqual([
      {
        highlightId: '1',
        articleId: 'a-1',
        title: 'Title of a-1',
        quote: 'quote 1',
        note: 'Ask the Harbourmaster about tonnage',
      },
    ])
  })

  it('finds Cyrillic notes, tags, and accented words typed without accents', () => {
    expect(matchNotes('note:совпадает', NOTES, title).map((n) => n.highlightId)).toEqual(['2'])
    expect(matchNotes('note:проверить', NOTES, title).map((n) => n.highlightId)).toEqual(['2'])
    expect(matchNotes('note:cafe', NOTES, title).map((n) => n.highlightId)).toEqual(['3'])
  })

  it('needs every word and finds nothing for a query of no words', () => {
    expect(matchNotes('tonnage ferry', NOTES, title)).toEqual([])
    expect(matchNotes('-tonnage', NOTES, title)).toEqual([])
  })
})
