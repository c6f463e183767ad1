import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import SavedSearches from '../../../renderer/components/SavedSearches.svelte'
import { SavedState } from '../../../renderer/state/saved.svelte'
import { ok } from '../../../electron/shared/result'
import type { SavedSearch } from '../../../electron/shared/workbench'
import { fakeApi } from '../fake-api'

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
    expect(within(list).getByRole('button', { name: /Floods/ })).toHaveTextContent('Floods 3')
    fake.emit('library:changed', { added: ['x'], updated: [], removed: [] } as never)
    expect(await within(list).findByText('2 new')).toBeInTheDocument()
    await userEvent.setup().click(within(list).getByRole('button', { name: /Floods/ }))
    expect(onopen).toHaveBeenCalledWith('Floods')
  })
})
