import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import WithApp from './WithApp.svelte'
import HighlightsView from '../../../renderer/views/HighlightsView.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { ok } from '../../../electron/shared/result'
import type { Highlight } from '../../../electron/shared/workbench'
import { article, fakeApi, item } from '../fake-api'

const highlight = (over: Partial<Highlight>): Highlight => ({
  id: 'urn:uuid:1',
  articleId: 'a',
  quote: 'the bridge opened at noon',
  prefix: '',
  suffix: '',
  range: [0, 25],
  status: 'exact',
  note: '',
  tags: [],
  created: '2025-03-01T08:00:00Z',
  modified: '2025-03-01T08:00:00Z',
  ...over,
})

describe('HighlightsView', () => {
  it('lists every highlight with its article, quote, note, tags and status, and opens the article', async () => {
    const fake = fakeApi([item({ id: 'a', title: 'Bridge reopens' }), item({ id: 'b', title: 'Ferry news' })], {
      b: article({ id: 'b', title: 'Ferry news' }),
    })
    fake.api.highlights.list = vi.fn(async () =>
      ok([
        highlight({ id: 'urn:uuid:1', articleId: 'a', note: 'check the time', tags: ['transport', 'city'] }),
        highlight({
          id: 'urn:uuid:2',
          articleId: 'b',
          quote: 'a removed sentence',
          range: null,
          status: 'orphaned',
          modified: '2025-03-02T08:00:00Z',
        }),
      ]),
    )
    const app = new AppState(fake.api)
    await app.library.load()
    render(WithApp, { app, view: HighlightsView })

    const bridge = await screen.findByRole('article', { name: 'Highlight in Bridge reopens' })
    expect(fake.api.highlights.list).toHaveBeenCalledWith()
    expect(within(bridge).getByText('the bridge opened at noon')).toBeInTheDocument()
    expect(within(bridge).getByText(/check the time/)).toBeInTheDocument()
    expect(within(within(bridge).getByRole('list', { name: 'Tags' })).getAllByRole('listitem')).toHaveLength(2)
    expect(bridge).toHaveTextContent('Anchored')

    const ferry = screen.getByRole('article', { name: 'Highlight in Ferry news' })
    expect(ferry).toHaveTextContent(/Orphaned/)
    // Newest first.
    expect(screen.getAllByRole('article')[0]).toBe(ferry)

    const user = userEvent.setup()
    await user.tab()
    expect(within(ferry).getByRole('button', { name: 'Ferry news' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await vi.waitFor(() => expect(app.view).toBe('reader'))
    expect(app.reader.article?.id).toBe('b')
  })

  it('says why when the highlights cannot be listed', async () => {
    const fake = fakeApi()
    fake.api.highlights.list = async () => ({ ok: false, error: { code: 'internal', message: 'disk gone' } })
    render(WithApp, { app: new AppState(fake.api), view: HighlightsView })
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not list the highlights: disk gone')
  })

  it('lists again after the library changes', async () => {
    const fake = fakeApi([item({ id: 'a', title: 'Bridge reopens' })])
    fake.api.highlights.list = vi
      .fn()
      .mockResolvedValueOnce(ok([]))
      .mockResolvedValue(ok([highlight({})]))
    const app = new AppState(fake.api)
    await app.library.load()
    render(WithApp, { app, view: HighlightsView })
    expect(await screen.findByText(/No highlights yet/)).toBeInTheDocument()
    fake.emit('library:changed', { added: [], updated: ['a'], removed: [] } as never)
    expect(await screen.findByRole('article', { name: 'Highlight in Bridge reopens' })).toBeInTheDocument()
  })
})
