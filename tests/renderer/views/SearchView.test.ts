import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import WithApp from './WithApp.svelte'
import SearchView from '../../../renderer/views/SearchView.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { fakeApi, response } from '../fake-api'
import { err, ok } from '../../../electron/shared/result'
import type { SearchHit } from '../../../electron/shared/models'

const hit: SearchHit = {
  id: 'a',
  title: 'Quayside plan approved',
  site: 'velmora.example',
  published: '2024-03-05',
  language: 'en',
  flags: ['machine-translated'],
  score: 3.2,
  snippet: '… extend the northern quayside by 240 metres …',
  snippetMatches: [[22, 30]],
  matches: [[4, 12]],
  titleMatches: [],
}

async function setup() {
  const fake = fakeApi()
  vi.mocked(fake.api.search.query).mockResolvedValue(
    ok(
      response({
        total: 120,
        hits: [hit],
        facets: {
          site: { 'velmora.example': 120 },
          language: { en: 120 },
          flag: {},
          year: { '2024': 120 },
          collection: {},
        },
      }),
    ),
  )
  const app = new AppState(fake.api)
  app.search.setQuery('quayside')
  await app.search.run()
  render(WithApp, { app, view: SearchView })
  return { fake, app }
}

describe('SearchView', () => {
  it('shows the total and each hit with its snippet marked', async () => {
    await setup()
    expect(screen.getByText(/120 results/)).toBeInTheDocument()
    const result = screen.getByRole('button', { name: /Quayside plan approved/ })
    expect(within(result).getByText('quayside', { selector: 'mark' })).toBeInTheDocument()
    expect(result).toHaveTextContent('Machine-translated')
  })

  it('narrows by a facet', async () => {
    const { fake } = await setup()
    const filters = screen.getByRole('navigation', { name: 'Search filters' })
    await userEvent.setup().click(within(filters).getByRole('button', { name: /2024/ }))
    expect(fake.api.search.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ query: 'quayside', from: '2024-01-01', to: '2024-12-31' }),
    )
  })

  it('asks for more hits when there are more than shown', async () => {
    const { fake } = await setup()
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more results' }))
    expect(fake.api.search.query).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 250 }))
  })

  it('clears the previous results on a query error and keeps the count in view', async () => {
    const { fake, app } = await setup()
    vi.mocked(fake.api.search.query).mockResolvedValue(
      err('query-syntax', 'Unknown field "nosuch" at 1', { start: 0, end: 6 }),
    )
    app.search.setQuery('nosuch:port')
    await app.search.run()
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: /Quayside plan approved/ })).toBeNull())
    expect(screen.getByText(/No results: the query has an error/)).toBeVisible()
  })

  it('says why nothing was found and offers its suggestions as buttons', async () => {
    const { fake, app } = await setup()
    vi.mocked(fake.api.search.query).mockResolvedValue(
      ok(
        response({
          notice: { code: 'no-results', message: 'Nothing matches "quaysid".', suggestions: ['quayside'] },
        }),
      ),
    )
    app.search.setQuery('quaysid')
    await app.search.run()
    await screen.findByText('Nothing matches "quaysid".')
    await userEvent.setup().click(screen.getByRole('button', { name: 'quayside' }))
    expect(app.search.query).toBe('quayside')
  })

  it('has one level-one heading', async () => {
    await setup()
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1)
  })

  it('walks the results with j/k and the arrow keys, one tab stop for them all', async () => {
    const fake = fakeApi()
    const second = { ...hit, id: 'b', title: 'Ferry timetable changes' }
    vi.mocked(fake.api.search.query).mockResolvedValue(ok(response({ total: 2, hits: [hit, second] })))
    const app = new AppState(fake.api)
    await app.search.searchFor('quayside')
    render(WithApp, { app, view: SearchView })
    const results = within(screen.getByRole('list', { name: 'Results' })).getAllByRole('button')
    expect(results.map((r) => r.tabIndex)).toEqual([0, -1])
    results[0]!.focus()
    const user = userEvent.setup()
    await user.keyboard('j')
    expect(document.activeElement).toBe(results[1])
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(results[0])
  })
  it('saves the search with its query and filters under the name given', async () => {
    const { fake, app } = await setup()
    fake.api.saved.add = vi.fn(async (name, request) =>
      ok({ name, request, created: '2025-01-01T00:00:00Z', total: 120, newCount: 0 }),
    )
    const user = userEvent.setup()
    app.search.setFilter('site', 'velmora.example')
    const form = await screen.findByRole('form', { name: 'Save search' })
    await user.type(within(form).getByRole('textbox', { name: 'Name' }), 'Quays{Enter}')
    expect(fake.api.saved.add).toHaveBeenCalledWith(
      'Quays',
      expect.objectContaining({ query: 'quayside', site: 'velmora.example' }),
    )
    expect(within(form).getByRole('status')).toHaveTextContent('Saved “Quays”')
    expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveValue('')
  })

  it('exports the current search from a dialog and gives focus back to its button', async () => {
    const { fake, app } = await setup()
    fake.api.evidence.export = vi.fn(async () => ok({ path: '/out/export-1', articles: 120, files: 5, bytes: 1 }))
    app.search.setFilter('site', 'velmora.example')
    const user = userEvent.setup()
    const open = await screen.findByRole('button', { name: 'Export…' })
    await user.click(open)
    const dialog = screen.getByRole('dialog', { name: 'Export' })
    await user.click(within(dialog).getByRole('radio', { name: /Markdown/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Export' }))
    expect(fake.api.evidence.export).toHaveBeenCalledWith({
      selection: { kind: 'search', request: expect.objectContaining({ query: 'quayside', site: 'velmora.example' }) },
      format: 'markdown',
      zip: false,
    })
    expect(await within(dialog).findByText('Exported 120 articles, 5 files to /out/export-1')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(open).toHaveFocus()
  })
})
