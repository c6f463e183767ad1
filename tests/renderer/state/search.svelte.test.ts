import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SearchState } from '../../../renderer/state/search.svelte'
import type { ArticleFlag } from '../../../electron/shared/models'
import { fakeApi } from '../fake-api'

describe('SearchState', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('turns facets into request filters', async () => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    search.setQuery('port')
    search.setFilter('year', '2024')
    search.setFilter('flag', 'machine-translated')
    search.setFilter('site', 'x.example')
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.api.search.query).toHaveBeenLastCalledWith(
      expect.objectContaining({
        query: 'port',
        from: '2024-01-01',
        to: '2024-12-31',
        flags: ['machine-translated'],
        site: 'x.example',
      }),
    )
  })

  it('narrows to a date range, which wins over the year facet', async () => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    search.setFilter('year', '2024')
    search.setRange({ from: '2024-03-01', to: '2024-03-31' })
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.api.search.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ from: '2024-03-01', to: '2024-03-31' }),
    )
    search.clear()
    expect(search.range).toBeNull()
  })

  it('puts a saved request in force: query, facets and dates', async () => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    search.applyRequest({ query: 'port', site: 'x.example', flags: ['sponsored'], from: '2023-01-01' })
    await vi.advanceTimersByTimeAsync(0)
    expect(search.query).toBe('port')
    expect(search.filters).toEqual({ site: 'x.example', flag: 'sponsored' })
    expect(fake.api.search.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ query: 'port', site: 'x.example', flags: ['sponsored'], from: '2023-01-01' }),
    )
    expect(vi.mocked(fake.api.search.query).mock.lastCall?.[0]).not.toHaveProperty('to')
  })

  it("keeps a saved request's filters that have no facet, until they are cleared", async () => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    const request = {
      query: 'port',
      flags: ['opinion', 'sponsored'] as ArticleFlag[],
      notFlags: ['machine-translated'] as ArticleFlag[],
      starred: true,
      unread: true,
    }
    search.applyRequest(request)
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.api.search.query).toHaveBeenLastCalledWith(expect.objectContaining(request))
    expect(search.filters).toEqual({ flag: 'opinion' })
    search.clearFilters()
    await vi.advanceTimersByTimeAsync(0)
    const last = vi.mocked(fake.api.search.query).mock.lastCall?.[0]
    expect(last).toMatchObject({ query: 'port' })
    expect(last).not.toHaveProperty('notFlags')
    expect(last).not.toHaveProperty('starred')
    expect(last).not.toHaveProperty('flags')
  })

  it('asks for one hit per copy group when collapsed, and a saved request brings its choice', async () => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    search.setQuery('port')
    search.setCollapse(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.api.search.query).toHaveBeenLastCalledWith(expect.objectContaining({ collapse: true }))
    search.applyRequest({ query: 'port' })
    await vi.advanceTimersByTimeAsync(0)
    expect(search.collapse).toBe(false)
    expect(vi.mocked(fake.api.search.query).mock.lastCall?.[0]).not.toHaveProperty('collapse')
    search.applyRequest({ query: 'port', collapse: true })
    expect(search.collapse).toBe(true)
    expect(search.other).toEqual({})
  })

  it('clears a facet chosen twice', () => {
    const search = new SearchState(fakeApi().api)
    search.setFilter('language', 'ru')
    search.setFilter('language', 'ru')
    expect(search.filters).toEqual({})
  })

  it('asks nothing when the query is empty and there are no filters', async () => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    search.setQuery('   ')
    await vi.advanceTimersByTimeAsync(200)
    expect(fake.api.search.query).not.toHaveBeenCalled()
    expect(search.active).toBe(false)
  })

  it('follows the index status and searches again once the index is ready', async () => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    const stop = search.connect()
    search.setQuery('port')
    await vi.advanceTimersByTimeAsync(200)
    fake.emit('index:status', { state: 'building', indexed: 4000, total: 10000 })
    expect(search.status).toEqual({ state: 'building', indexed: 4000, total: 10000 })
    fake.emit('index:status', { state: 'ready', indexed: 10000, total: 10000 })
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.api.search.query).toHaveBeenCalledTimes(2)
    stop()
  })
})
