import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import QueryAdjustments from '../../../renderer/components/QueryAdjustments.svelte'
import MatchingNotes from '../../../renderer/components/MatchingNotes.svelte'

describe('QueryAdjustments', () => {
  it('says which other spellings were matched and offers the spelling as typed', async () => {
    const onsearch = vi.fn()
    render(QueryAdjustments, { query: 'Kyiv', variants: ['Киев', 'Київ'], adjustments: [], onsearch })
    expect(screen.getByRole('status')).toHaveTextContent('Also matched: Киев, Київ.')
    await userEvent.click(screen.getByRole('button', { name: 'Only “Kyiv”' }))
    expect(onsearch).toHaveBeenCalledWith('"Kyiv"')
  })

  it('says what the query could not get in full, and nothing when all was as asked', () => {
    const { unmount } = render(QueryAdjustments, {
      query: 'harbo*',
      variants: [],
      adjustments: ['"harbo*" matched its first 1,000 words only.'],
      onsearch: vi.fn(),
    })
    expect(screen.getByRole('status')).toHaveTextContent('matched its first 1,000 words only')
    unmount()
    render(QueryAdjustments, { query: 'port', variants: [], adjustments: [], onsearch: vi.fn() })
    expect(screen.queryByRole('status')).toBeNull()
  })
})

describe('MatchingNotes', () => {
  it('lists notes as notes, apart from the hits, each opening its article', async () => {
    const onopen = vi.fn()
    render(MatchingNotes, {
      notes: [
        { highlightId: 'h1', articleId: 'a1', title: 'Quay works', quote: 'two weeks early', note: 'ask the mayor' },
      ],
      onopen,
    })
    const region = screen.getByRole('region', { name: '1 matching note' })
    expect(region).toHaveTextContent('Note: ask the mayor')
    expect(region).toHaveTextContent('“two weeks early”')
    await userEvent.click(screen.getByRole('button', { name: /ask the mayor/ }))
    expect(onopen).toHaveBeenCalledWith('a1')
  })
})
