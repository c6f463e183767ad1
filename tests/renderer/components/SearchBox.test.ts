import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import SearchBox from '../../../renderer/components/SearchBox.svelte'
import { SEARCH_DEBOUNCE_MS, SearchState } from '../../../renderer/state/search.svelte'
import { fakeApi, response } from '../fake-api'
import { ok } from '../../../electron/shared/result'
import type { SearchResponse } from '../../../electron/shared/models'

describe('SearchBox', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const setup = (delay = 0) => {
    const fake = fakeApi()
    const search = new SearchState(fake.api)
    render(SearchBox, { search })
    const user = userEvent.setup({ delay, advanceTimers: vi.advanceTimersByTime })
    return { fake, search, user, box: screen.getByRole('searchbox', { name: 'Search' }) }
  }

  it('is a search field named "Search" that shows its keys', () => {
    const { box } = setup()
    expect(box).toHaveAttribute('type', 'search')
    expect(box).toHaveAttribute('placeholder', expect.stringContaining('/'))
  })

  it('searches once typing pauses, not on every key', async () => {
    const { fake, user, box } = setup(SEARCH_DEBOUNCE_MS / 2)
    await user.type(box, 'flood')
    expect(fake.api.search.query).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(150)
    expect(fake.api.search.query).toHaveBeenCalledTimes(1)
    expect(fake.api.search.query).toHaveBeenCalledWith(expect.objectContaining({ query: 'flood' }))
  })

  it('keeps what the user types while a search is running', async () => {
    const { fake, user, box } = setup()
    vi.mocked(fake.api.search.query).mockImplementation(() => new Promise(() => {}))
    await user.type(box, 'riv')
    await vi.advanceTimersByTimeAsync(150)
    await user.type(box, 'er')
    expect(box).toHaveValue('river')
  })

  it('drops an answer that arrives after a newer one', async () => {
    const { fake, search, user, box } = setup()
    let answerSlow: (value: { ok: true; value: SearchResponse }) => void = () => {}
    vi.mocked(fake.api.search.query)
      .mockImplementationOnce(() => new Promise((resolve) => (answerSlow = resolve)))
      .mockImplementationOnce(async () => ok(response({ total: 2 })))
    await user.type(box, 'old')
    await vi.advanceTimersByTimeAsync(150)
    await user.type(box, 'er')
    await vi.advanceTimersByTimeAsync(150)
    expect(search.response?.total).toBe(2)
    answerSlow(ok(response({ total: 99 })))
    await vi.advanceTimersByTimeAsync(0)
    expect(search.response?.total).toBe(2)
  })

  it('points at the position of a query error', async () => {
    const { fake, user, box } = setup()
    vi.mocked(fake.api.search.query).mockResolvedValue({
      ok: false,
      error: { code: 'query-syntax', message: 'expecting a term after "title:"', start: 6, end: 7 },
    })
    await user.type(box, 'flood title:')
    await vi.advanceTimersByTimeAsync(150)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Query error: expecting a term after "title:"')
    expect(alert.querySelector('mark')).toHaveTextContent('t')
    expect(screen.getByLabelText('Error position')).toHaveTextContent('flood title:')
    expect(box).toHaveAttribute('aria-invalid', 'true')
  })
})
