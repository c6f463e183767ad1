import { describe, expect, it } from 'vitest'
import { facetCounts, matches, sortItems, type ListFilters } from '../../../renderer/lib/list'
import { item } from '../fake-api'

const now = Date.parse('2026-11-28T12:00:00Z')

describe('list', () => {
  it('puts undated articles after every dated one under Published, however recent their import', () => {
    const rows = [
      item({ id: 'undated', published: null, importedAt: '2026-11-28T08:00:00Z' }),
      item({ id: 'old', published: '2001-02-03', importedAt: '2020-01-01T00:00:00Z' }),
      item({ id: 'new', published: '2024-06-01', importedAt: '2020-01-01T00:00:00Z' }),
    ]
    expect(sortItems(rows, 'published').map((i) => i.id)).toEqual(['new', 'old', 'undated'])
  })

  it('sorts by import date, newest first, under Imported', () => {
    const rows = [
      item({ id: 'a', published: '2024-01-01', importedAt: '2025-01-01T00:00:00Z' }),
      item({ id: 'b', published: null, importedAt: '2026-01-01T00:00:00Z' }),
      item({ id: 'c', published: '2025-01-01', importedAt: '2024-01-01T00:00:00Z' }),
    ]
    expect(sortItems(rows, 'imported').map((i) => i.id)).toEqual(['b', 'a', 'c'])
  })

  it('sorts titles as a reader expects: accents beside their letter, numbers by value', () => {
    const rows = ['Zebra', 'Éclair', 'apple', '10 ways', '9 lives', 'Eagle'].map((title, i) =>
      item({ id: String(i), title }),
    )
    expect(sortItems(rows, 'title').map((i) => i.title)).toEqual([
      '9 lives',
      '10 ways',
      'apple',
      'Eagle',
      'Éclair',
      'Zebra',
    ])
  })

  it('combines filters across facets: every one must hold', () => {
    const rows = [
      item({ id: 'a', site: 'x.example', language: 'ru', flags: ['machine-translated'] }),
      item({ id: 'b', site: 'x.example', language: 'en', flags: ['machine-translated'] }),
      item({ id: 'c', site: 'y.example', language: 'ru', flags: ['machine-translated'] }),
      item({ id: 'd', site: 'x.example', language: 'ru', flags: [] }),
    ]
    const filters: ListFilters = { site: 'x.example', language: 'ru', flag: 'machine-translated' }
    expect(rows.filter((r) => matches(r, filters, now)).map((r) => r.id)).toEqual(['a'])
  })

  it('has smart views for unread, starred, recently imported and undated articles', () => {
    const rows = [
      item({ id: 'read', read: true, importedAt: '2020-01-01T00:00:00Z' }),
      item({ id: 'starred', read: true, starred: true, importedAt: '2020-01-01T00:00:00Z' }),
      item({ id: 'recent', read: true, importedAt: '2026-11-27T00:00:00Z' }),
      item({ id: 'undated', read: true, published: null, importedAt: '2020-01-01T00:00:00Z' }),
    ]
    const ids = (view: ListFilters['view']) => rows.filter((r) => matches(r, { view }, now)).map((r) => r.id)
    expect(ids('unread')).toEqual([])
    expect(ids('starred')).toEqual(['starred'])
    expect(ids('recent')).toEqual(['recent'])
    expect(ids('undated')).toEqual(['undated'])
  })

  it('lists files at the library root as a collection of their own that filters to them alone', () => {
    const rows = [
      item({ id: 'root1', collection: '' }),
      item({ id: 'root2', collection: '' }),
      item({ id: 'w1', collection: 'world' }),
      item({ id: 'w2', collection: 'world' }),
      item({ id: 'w3', collection: 'world/europe' }),
    ]
    expect(facetCounts(rows).collections).toEqual([
      ['', 2],
      ['world', 2],
      ['world/europe', 1],
    ])
    expect(rows.filter((r) => matches(r, { collection: '' }, now)).map((r) => r.id)).toEqual(['root1', 'root2'])
    // Without folders, "Library root" would only repeat "All articles".
    expect(facetCounts(rows.slice(0, 2)).collections).toEqual([])
  })
})
