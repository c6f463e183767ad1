import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import SavedSearches from '../../../renderer/components/SavedSearches.svelte'
import { SavedState } from '../../../renderer/state/saved.svelte'
import { ExportState } from '../../../renderer/state/export.svelte'
import { ok } from '../../../electron/shared/result'
import type { SavedSearch } from '../../../electron/shared/workbench'
import type { SearchHit } from '../../../electron/shared/models'
import { AppState } from '../../../renderer/state/app.svelte'
import Sidebar from '../../../renderer/components/Sidebar.svelte'
import SearchView from '../../../renderer/views/SearchView.svelte'
import WithApp from '../views/WithApp.svelte'
import { fakeApi, item, response } from '../fake-api'

const floods = (total: number, newCount: number): SavedSearch => ({
  name: 'Floods',
  request: { query: 'flood' },
  created: '2025-01-01T00:00:00Z',
  total,
  newCount,
})

describe('SavedSearches', () => {
  it('lists saved searches with their counts and counts again after the library changes', async () => {
    const fake = fakeApi()
    fake.api.saved.list = vi
      .fn()
      .mockResolvedValueOnce(ok([floods(3, 0)]))
      .mockResolvedValue(ok([floods(5, 2)]))
    const onopen = vi.fn()
    render(SavedSearches, { saved: new SavedState(fake.api), onopen })
    const list = await screen.findByRole('region', { name: 'Saved searches' })
    expect(within(list).getByRole('button', { name: /^Floods/ })).toHaveTextContent('Floods 3')
    fake.emit('library:changed', { added: ['x'], updated: [], removed: [] } as never)
    expect(await within(list).findByText('2 new')).toBeInTheDocument()
    await userEvent.setup().click(within(list).getByRole('button', { name: /^Floods/ }))
    expect(onopen).toHaveBeenCalledWith('Floods')
  })
})

describe('opening a saved search', () => {
  const saved: SavedSearch = {
    name: 'Harbour in English',
    request: { query: 'harbour', site: 'velmora.example', language: 'en', from: '2024-05-01', to: '2024-05-31' },
    created: '2025-01-01T00:00:00Z',
    total: 3,
    newCount: 2,
  }
  const hit = (id: string, title: string): SearchHit => ({
    id,
    title,
    site: 'velmora.example',
    published: '2024-05-03',
    language: 'en',
    flags: [],
    score: 1,
    snippet: 'the harbour',
    snippetMatches: [[4, 11]],
    matches: [],
    titleMatches: [],
  })

  async function openFromSidebar() {
    const rows = [
      item({ id: 'old', title: 'Harbour fees frozen' }),
      item({ id: 'n1', title: 'Harbour crane arrives' }),
      item({ id: 'n2', title: 'Harbour strike ends' }),
    ]
    const fake = fakeApi(rows)
    fake.api.saved.list = vi.fn(async () => ok([saved]))
    fake.api.saved.open = vi.fn(async () => ok({ saved: { ...saved, newCount: 0 }, newIds: ['n2', 'n1'], ids: [] }))
    vi.mocked(fake.api.search.query).mockResolvedValue(
      ok(
        response({
          total: 3,
          hits: [
            hit('old', 'Harbour fees frozen'),
            hit('n1', 'Harbour crane arrives'),
            hit('n2', 'Harbour strike ends'),
          ],
        }),
      ),
    )
    const app = new AppState(fake.api)
    await app.library.load()
    render(Sidebar, {
      library: app.library,
      saved: app.saved,
      exports: app.exports,
      onopensaved: (name: string) => void app.openSaved(name),
    })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: /^Harbour in English/ }))
    await vi.waitFor(() => expect(app.view).toBe('search'))
    render(WithApp, { app, view: SearchView })
    return { fake, app, user }
  }

  it('searches with its filters and dates, not its query alone, and shows them as chips', async () => {
    const { fake, app } = await openFromSidebar()
    await vi.waitFor(() =>
      expect(fake.api.search.query).toHaveBeenLastCalledWith(
        expect.objectContaining({
          query: 'harbour',
          site: 'velmora.example',
          language: 'en',
          from: '2024-05-01',
          to: '2024-05-31',
        }),
      ),
    )
    expect(app.search.range).toEqual({ from: '2024-05-01', to: '2024-05-31' })
    const chips = screen.getByRole('list', { name: 'Filters in force' })
    expect(chips).toHaveTextContent('velmora.example')
    expect(chips).toHaveTextContent('English')
    expect(within(chips).getByRole('button', { name: /Remove filter Dates: .*2024/ })).toBeInTheDocument()
  })

  it('lists the new matches first, says how many are new, and marks them New among the results', async () => {
    const { app } = await openFromSidebar()
    const fresh = await screen.findByRole('region', {
      name: '2 new matches since “Harbour in English” was last opened',
    })
    const buttons = within(fresh).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual([
      expect.stringContaining('New Harbour strike ends'),
      expect.stringContaining('New Harbour crane arrives'),
    ])
    expect(await screen.findByText(/3 results, 2 new/)).toBeInTheDocument()
    const results = screen.getByRole('list', { name: 'Results' })
    expect(within(results).getByRole('button', { name: /^New Harbour strike ends/ })).toBeInTheDocument()
    expect(within(results).getByRole('button', { name: /^Harbour fees frozen/ })).toBeInTheDocument()

    // Another query is another search: its results are not called new.
    app.search.setFilter('site', null)
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: /new match/ })).not.toBeInTheDocument())
    expect(within(results).queryByText('New')).not.toBeInTheDocument()
  })
})

describe('a saved search’s menu', () => {
  function setup() {
    const fake = fakeApi()
    fake.api.saved.list = vi.fn(async () => ok([floods(12, 0)]))
    fake.api.saved.remove = vi.fn(async () => ok(true))
    const saved = new SavedState(fake.api)
    render(SavedSearches, { saved, exports: new ExportState(fake.api), onopen: vi.fn() })
    return { fake, user: userEvent.setup() }
  }

  it('exports the saved search’s matches, by keyboard, and gives focus back to its menu button', async () => {
    const { fake, user } = setup()
    const more = await screen.findByRole('button', { name: 'More for “Floods”' })
    expect(more).toHaveAttribute('aria-expanded', 'false')
    more.focus()
    await user.keyboard('{Enter}')
    expect(more).toHaveAttribute('aria-expanded', 'true')
    await user.tab()
    expect(screen.getByRole('button', { name: 'Export…' })).toHaveFocus()
    await user.keyboard('{Enter}')

    const dialog = screen.getByRole('dialog', { name: 'Export' })
    expect(dialog).toHaveTextContent('Exporting the saved search “Floods” (12 matches).')
    await user.click(within(dialog).getByRole('button', { name: 'Export' }))
    expect(fake.api.evidence.export).toHaveBeenCalledWith({
      selection: { kind: 'saved', name: 'Floods' },
      format: 'evidence',
      zip: false,
    })
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(more).toHaveFocus()
  })

  it('removes a saved search only once the removal is confirmed, and Escape closes the menu', async () => {
    const { fake, user } = setup()
    const more = await screen.findByRole('button', { name: 'More for “Floods”' })
    await user.click(more)
    await user.keyboard('{Tab}{Escape}')
    expect(more).toHaveAttribute('aria-expanded', 'false')
    expect(more).toHaveFocus()

    await user.click(more)
    await user.click(screen.getByRole('button', { name: 'Remove…' }))
    expect(screen.getByText('Remove “Floods”? Its articles stay in the library.')).toBeInTheDocument()
    // The safe answer has focus: Enter keeps the saved search.
    expect(screen.getByRole('button', { name: 'Keep' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(fake.api.saved.remove).not.toHaveBeenCalled()
    expect(more).toHaveFocus()

    await user.click(more)
    await user.click(screen.getByRole('button', { name: 'Remove…' }))
    await user.click(screen.getByRole('button', { name: 'Remove' }))
    expect(fake.api.saved.remove).toHaveBeenCalledWith('Floods')
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: 'Saved searches' })).not.toBeInTheDocument())
  })
})
