import { describe, expect, it } from 'vitest'
import { diffArticles, diffText } from '../../../electron/core/stories/diff'
import type { Article } from '../../../electron/shared/models'
import type { DiffOp } from '../../../electron/shared/stories'

function article(over: Partial<Article>): Article {
  return {
    id: 'a',
    path: 'a.txt',
    collection: '',
    title: 'Bridge opens',
    author: null,
    site: 'example.org',
    url: null,
    published: '2024-03-01',
    sourceUrl: null,
    capturedAt: null,
    language: 'en',
    category: null,
    text: '',
    html: null,
    disclaimers: [],
    flags: [],
    wordCount: 0,
    importedAt: '2024-03-02T00:00:00Z',
    hash: 'h',
    importedFrom: null,
    edited: [],
    ...over,
  }
}

const sideOf = (ops: DiffOp[], keep: '-' | '+') =>
  ops
    .filter(([k]) => k === '=' || k === keep)
    .map(([, t]) => t)
    .join('')

describe('diffText', () => {
  it('marks a changed word as deleted then inserted and keeps the rest', () => {
    const ops = diffText('The bridge opened on Monday.', 'The bridge opened on Tuesday.')
    expect(ops).toEqual([
      ['=', 'The bridge opened on '],
      ['-', 'Monday'],
      ['+', 'Tuesday'],
      ['=', '.'],
    ])
  })

  it('splits Cyrillic into words, so one changed word is one change', () => {
    const left = 'Мэр Киева открыл новый мост через Днепр.'
    const right = 'Мэр Киева открыл второй мост через Днепр.'
    const ops = diffText(left, right)
    expect(ops.filter(([k]) => k !== '=')).toEqual([
      ['-', 'новый'],
      ['+', 'второй'],
    ])
    expect(sideOf(ops, '-')).toBe(left)
    expect(sideOf(ops, '+')).toBe(right)
  })

  it('reproduces each side from its ops, whitespace and punctuation included', () => {
    const left = 'Line one,  with  spaces.\n\nSecond paragraph — dashes; and "quotes".'
    const right = 'Line one, with spaces!\nA new paragraph.\n\nSecond paragraph — dashes; "quotes".'
    const ops = diffText(left, right)
    expect(sideOf(ops, '-')).toBe(left)
    expect(sideOf(ops, '+')).toBe(right)
    for (let i = 1; i < ops.length; i++) expect(ops[i]![0]).not.toBe(ops[i - 1]![0])
  })

  it('gives one kept run for equal texts and one deletion and insertion for unrelated ones', () => {
    expect(diffText('same words', 'same words')).toEqual([['=', 'same words']])
    expect(diffText('', 'new')).toEqual([['+', 'new']])
  })
})

describe('diffArticles', () => {
  it('lists only the differing fields and each side with its disclaimers and flags', () => {
    const left = article({ id: 'orig', text: 'Текст статьи.', language: 'ru', site: 'ria.example' })
    const right = article({
      id: 'mt',
      text: 'Article text.',
      language: 'en',
      site: 'mirror.example',
      title: 'Bridge opens',
      disclaimers: ['This text was translated by a machine.'],
      flags: ['machine-translated'],
    })
    const d = diffArticles(left, right)
    expect(d.fields).toEqual({
      site: { before: 'ria.example', after: 'mirror.example' },
      language: { before: 'ru', after: 'en' },
    })
    expect(d.sides[0]).toMatchObject({ id: 'orig', disclaimers: [], flags: [] })
    expect(d.sides[1]).toMatchObject({
      id: 'mt',
      disclaimers: ['This text was translated by a machine.'],
      flags: ['machine-translated'],
    })
    expect(sideOf(d.ops, '-')).toBe('Текст статьи.')
    expect(sideOf(d.ops, '+')).toBe('Article text.')
  })
})
