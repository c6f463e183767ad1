import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import WithApp from './WithApp.svelte'
import SearchView from '../../../renderer/views/SearchView.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { fakeApi, response } from '../fake-api'
import { ok } from '../../../electron/shared/result'
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
})
