import { describe, expect, it, vi } from 'vitest'
import { AppState } from '../../../renderer/state/app.svelte'
import { article, fakeApi, item, response } from '../fake-api'
import { ok } from '../../../electron/shared/result'

describe('AppState', () => {
  it('comes back to the remembered article', async () => {
    const fake = fakeApi([item({ id: 'a' })], { a: article({ id: 'a' }) })
    await fake.api.settings.set({ lastView: 'list', lastArticleId: 'a' })
    const app = new AppState(fake.api)
    await app.start()
    expect(app.view).toBe('reader')
    expect(app.reader.article?.id).toBe('a')
  })

  it('opens a search result with its hits in the text and the title, and goes back to the results', async () => {
    const fake = fakeApi([item({ id: 'a' })], { a: article({ id: 'a' }) })
    const hit = {
      id: 'a',
      title: 'A',
      site: null,
      published: null,
      language: null,
      flags: [],
      score: 1,
      snippet: 'First',
      snippetMatches: [],
      matches: [[0, 5]] as [number, number][],
      titleMatches: [[0, 1]] as [number, number][],
    }
    vi.mocked(fake.api.search.query).mockResolvedValue(ok(response({ total: 1, hits: [hit] })))
    const app = new AppState(fake.api)
    await app.start()
    app.show('search')
    app.search.setQuery('first')
    await app.search.run()
    await app.openArticle('a')
    expect(app.view).toBe('reader')
    expect(app.reader.matches).toEqual([[0, 5]])
    expect(app.reader.titleMatches).toEqual([[0, 1]])
    app.back()
    expect(app.view).toBe('search')
  })

  it('steps to the next article of the list', async () => {
    const rows = [item({ id: 'a', published: '2024-02-01' }), item({ id: 'b', published: '2024-01-01' })]
    const fake = fakeApi(rows, { a: article({ id: 'a' }), b: article({ id: 'b' }) })
    const app = new AppState(fake.api)
    await app.start()
    await app.openArticle('a')
    await app.step(1)
    expect(app.reader.article?.id).toBe('b')
    expect(app.library.withState(app.library.items.find((i) => i.id === 'b')!).read).toBe(true)
  })
})
