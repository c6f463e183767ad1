import { describe, expect, it, vi } from 'vitest'
import { LibraryState } from '../../../renderer/state/library.svelte'
import { fakeApi, item } from '../fake-api'
import { ok } from '../../../electron/shared/result'

const rows = [
  item({
    id: 'a',
    title: 'Beta',
    site: 'z.example',
    published: '2024-01-01',
    flags: ['sponsored'],
    collection: 'world',
  }),
  item({ id: 'b', title: 'alpha', site: 'y.example', published: '2024-06-01', language: 'ru', collection: 'world/eu' }),
  item({ id: 'c', title: 'Gamma', site: null, published: null, importedAt: '2025-01-01', collection: '' }),
]

describe('LibraryState', () => {
  it('lists the newest first by default, undated articles last', async () => {
    const library = new LibraryState(fakeApi(rows).api)
    await library.load()
    expect(library.visible.map((i) => i.id)).toEqual(['b', 'a', 'c'])
  })

  it('sorts by title ignoring case, and by site with unknown sites last', async () => {
    const library = new LibraryState(fakeApi(rows).api)
    await library.load()
    library.setSort('title')
    expect(library.visible.map((i) => i.title)).toEqual(['alpha', 'Beta', 'Gamma'])
    library.setSort('site')
    expect(library.visible.map((i) => i.id)).toEqual(['b', 'a', 'c'])
  })

  it('combines filters across facets and removes one when chosen again', async () => {
    const library = new LibraryState(fakeApi(rows).api)
    await library.load()
    library.setFilter('collection', 'world')
    expect(library.visible.map((i) => i.id).sort()).toEqual(['a', 'b'])
    library.setFilter('language', 'en')
    expect(library.visible.map((i) => i.id)).toEqual(['a'])
    library.setFilter('collection', 'world')
    expect(library.filters).toEqual({ language: 'en' })
    expect(library.visible.map((i) => i.id).sort()).toEqual(['a', 'c'])
  })

  it('shows a starred article in the Starred view as soon as it is starred', async () => {
    const library = new LibraryState(fakeApi(rows).api)
    await library.load()
    library.setFilter('view', 'starred')
    expect(library.visible).toHaveLength(0)
    library.applyState('b', { read: false, starred: true })
    expect(library.visible.map((i) => i.id)).toEqual(['b'])
  })

  it('counts collections, sites, languages and flags for the sidebar', async () => {
    const library = new LibraryState(fakeApi(rows).api)
    await library.load()
    expect(library.facets.sites).toEqual([
      ['y.example', 1],
      ['z.example', 1],
    ])
    expect(library.facets.languages).toEqual([
      ['en', 2],
      ['ru', 1],
    ])
    expect(library.facets.flags).toEqual([['sponsored', 1]])
    // The root's files ('c') are a collection of their own, listed first.
    expect(library.facets.collections.map(([c]) => c)).toEqual(['', 'world', 'world/eu'])
  })

  it('reloads the list when the library changes', async () => {
    const fake = fakeApi(rows)
    const library = new LibraryState(fake.api)
    await library.load()
    const stop = library.connect()
    vi.mocked(fake.api.library.list).mockResolvedValue(ok([...rows, item({ id: 'd' })]))
    fake.emit('library:changed', { added: ['d'], updated: [], removed: [] })
    await vi.waitFor(() => expect(library.items).toHaveLength(4))
    stop()
    expect(fake.listenerCount('library:changed')).toBe(0)
  })

  it('moves the selection within the list and finds neighbours', async () => {
    const library = new LibraryState(fakeApi(rows).api)
    await library.load()
    library.move(1)
    expect(library.selectedItem?.id).toBe('a')
    library.move(10)
    expect(library.selectedItem?.id).toBe('c')
    library.move(-10)
    expect(library.selectedItem?.id).toBe('b')
    expect(library.neighbour('b', 1)).toBe('a')
    expect(library.neighbour('c', 1)).toBeUndefined()
  })

  it('updates one row when its read or starred state changes', async () => {
    const library = new LibraryState(fakeApi(rows).api)
    await library.load()
    const order = library.visible
    library.applyState('b', { read: true, starred: true })
    expect(library.withState(library.items.find((i) => i.id === 'b')!)).toMatchObject({ read: true, starred: true })
    expect(library.visible).toBe(order)
  })

  it('keeps the error when the list cannot be read', async () => {
    const fake = fakeApi(rows)
    vi.mocked(fake.api.library.list).mockResolvedValue({
      ok: false,
      error: { code: 'no-library', message: 'No library is open.' },
    })
    const library = new LibraryState(fake.api)
    await library.load()
    expect(library.error?.message).toBe('No library is open.')
    expect(library.loaded).toBe(true)
  })
})
