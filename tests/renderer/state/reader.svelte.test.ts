import { describe, expect, it, vi } from 'vitest'
import { ReaderState } from '../../../renderer/state/reader.svelte'
import { article, fakeApi } from '../fake-api'
import { ok } from '../../../electron/shared/result'

describe('ReaderState', () => {
  it('opens an article and marks it read', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', read: false }) })
    const onState = vi.fn()
    const reader = new ReaderState(fake.api, onState)
    expect(await reader.open('a')).toBe(true)
    expect(reader.article?.read).toBe(true)
    expect(fake.api.articles.setState).toHaveBeenCalledWith('a', { read: true })
    expect(onState).toHaveBeenCalledWith('a', { read: true, starred: false })
  })

  it('shows the text view with hits when opened from a search, else the HTML when there is some', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', html: '<p>First</p>' }) })
    const reader = new ReaderState(fake.api)
    await reader.open('a')
    expect(reader.mode).toBe('html')
    await reader.open('a', [[0, 5]])
    expect(reader.mode).toBe('text')
    expect(reader.matches).toEqual([[0, 5]])
  })

  it('steps through hits and wraps around', async () => {
    const reader = new ReaderState(fakeApi([], { a: article({ id: 'a' }) }).api)
    await reader.open('a', [
      [0, 5],
      [18, 24],
    ])
    reader.stepHit(1)
    expect(reader.hit).toBe(1)
    reader.stepHit(1)
    expect(reader.hit).toBe(0)
    reader.stepHit(-1)
    expect(reader.hit).toBe(1)
  })

  it('toggles the star', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', starred: false }) })
    const reader = new ReaderState(fake.api)
    await reader.open('a')
    await reader.toggleStar()
    expect(reader.article?.starred).toBe(true)
    await reader.toggleStar()
    expect(reader.article?.starred).toBe(false)
  })

  it('reports an article that cannot be found', async () => {
    const reader = new ReaderState(fakeApi().api)
    expect(await reader.open('gone')).toBe(false)
    expect(reader.error?.code).toBe('not-found')
  })

  it('cites title, site, date, URL and file hash', async () => {
    const a = article({ id: 'a', title: 'Bridge repairs', site: 'x.example', url: 'https://x.example/b' })
    const reader = new ReaderState(fakeApi([], { a }).api)
    await reader.open('a')
    const text = reader.citation() ?? ''
    for (const part of ['"Bridge repairs"', 'x.example', '5 Mar 2024', 'https://x.example/b', a.hash]) {
      expect(text).toContain(part)
    }
  })

  it('asks the app to open the original only when told to', async () => {
    const fake = fakeApi([], { a: article({ id: 'a' }) })
    const reader = new ReaderState(fake.api)
    await reader.open('a')
    expect(fake.api.articles.openOriginal).not.toHaveBeenCalled()
    await reader.openOriginal()
    expect(fake.api.articles.openOriginal).toHaveBeenCalledWith('a')
  })
})

describe('ReaderState links', () => {
  it("asks main to open a link of the article's HTML and says what happened", async () => {
    const fake = fakeApi([], { a: article({ id: 'a' }) })
    const reader = new ReaderState(fake.api)
    await reader.open('a')
    await reader.openLink('https://port.example/minutes')
    expect(fake.api.articles.openLink).toHaveBeenCalledWith('a', 'https://port.example/minutes')
    expect(reader.notice).toBe('Opened https://port.example/minutes in your browser')
    vi.mocked(fake.api.articles.openLink).mockResolvedValueOnce({
      ok: false,
      error: { code: 'not-allowed', message: 'Only a web address that this article gives or links to can be opened.' },
    })
    await reader.openLink('https://elsewhere.example/')
    expect(reader.notice).toMatch(/Only a web address/)
  })
})

describe('ReaderState library care', () => {
  it('moves the article to the trash when main confirms, and can bring it back', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', title: 'Port plan' }) })
    const restore = vi.fn(async () => ok(true))
    Object.assign(fake.api.articles, { restore })
    vi.mocked(fake.api.articles.trash).mockResolvedValueOnce(ok({ token: 'undo-1', articles: 1 }))
    const reader = new ReaderState(fake.api)
    await reader.open('a')
    expect(await reader.trash()).toBe(true)
    expect(reader.trashed).toEqual({ title: 'Port plan', token: 'undo-1' })
    reader.close()
    expect(reader.trashed).not.toBeNull()
    await reader.undoTrash()
    expect(restore).toHaveBeenCalledWith('undo-1')
    expect(reader.trashed).toBeNull()
    expect(reader.notice).toBe('“Port plan” is back in the library.')
  })

  it('leaves everything as it was when the user cancels the trash', async () => {
    const fake = fakeApi([], { a: article({ id: 'a' }) })
    const reader = new ReaderState(fake.api)
    await reader.open('a')
    expect(await reader.trash()).toBe(false)
    expect(reader.trashed).toBeNull()
    expect(reader.article?.id).toBe('a')
  })

  it('saves corrections and shows the corrected article', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', title: 'Port plan' }) })
    const edit = vi.fn(async () => ok(article({ id: 'a', title: 'Port plan approved', edited: ['title'] })))
    Object.assign(fake.api.articles, { edit })
    const reader = new ReaderState(fake.api)
    await reader.open('a')
    expect(await reader.edit({ title: 'Port plan approved' })).toBe(true)
    expect(edit).toHaveBeenCalledWith('a', { title: 'Port plan approved' })
    expect(reader.article?.title).toBe('Port plan approved')
    expect(reader.article?.edited).toEqual(['title'])
  })
})

describe('ReaderState live updates', () => {
  it('reads the open article again when its file changes, and says when it is removed', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', text: 'Old text.' }) })
    const reader = new ReaderState(fake.api)
    const stop = reader.connect()
    await reader.open('a')
    vi.mocked(fake.api.articles.get).mockResolvedValueOnce({ ok: true, value: article({ id: 'a', text: 'New text.' }) })
    fake.emit('library:changed', { added: [], updated: ['a'], removed: [] })
    await vi.waitFor(() => expect(reader.article?.text).toBe('New text.'))
    fake.emit('library:changed', { added: [], updated: [], removed: ['a'] })
    expect(reader.notice).toMatch(/removed or renamed/)
    expect(reader.article?.text).toBe('New text.')
    stop()
  })

  it('reads it again without saying the file changed when it was only re-parsed or corrected', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', text: 'Old text.' }) })
    const reader = new ReaderState(fake.api)
    const stop = reader.connect()
    await reader.open('a')
    for (const [cause, text] of [
      ['reparse', 'Read by a newer parser.'],
      ['edit', 'Corrected.'],
    ] as const) {
      vi.mocked(fake.api.articles.get).mockResolvedValueOnce({ ok: true, value: article({ id: 'a', text }) })
      fake.emit('library:changed', { added: [], updated: ['a'], removed: [], cause })
      await vi.waitFor(() => expect(reader.article?.text).toBe(text))
      expect(reader.notice).toBeNull()
    }
    fake.emit('library:changed', { added: [], updated: ['a'], removed: [] })
    await vi.waitFor(() => expect(reader.notice).toMatch(/changed on disk/))
    stop()
  })
})
