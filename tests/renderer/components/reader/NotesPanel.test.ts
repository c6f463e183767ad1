import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import NotesPanel from '../../../../renderer/components/reader/NotesPanel.svelte'
import { HighlightsState } from '../../../../renderer/state/highlights.svelte'
import { ok } from '../../../../electron/shared/result'
import { fakeApi } from '../../fake-api'
import { highlight } from './highlight-fixture'

async function setup() {
  const fake = fakeApi()
  vi.mocked(fake.api.highlights.list).mockResolvedValue(
    ok([
      highlight({ id: 'gone', quote: 'old crane', range: null, status: 'orphaned', note: 'was on page 2' }),
      highlight({ id: 'late', quote: 'spring', range: [40, 46], tags: ['dates'] }),
      highlight({ id: 'early', quote: 'quayside', range: [4, 12], note: 'which quay?' }),
    ]),
  )
  const highlights = new HighlightsState(fake.api)
  await highlights.load('a')
  const ongo = vi.fn()
  render(NotesPanel, { highlights, id: 'notes', ongo })
  const rows = () => within(screen.getByRole('region', { name: 'Highlights and notes' })).getAllByRole('listitem')
  return { fake, highlights, ongo, rows, user: userEvent.setup() }
}

describe('NotesPanel', () => {
  it('lists the highlights in reading order with notes and tags, the orphaned one last and said so', async () => {
    const { rows } = await setup()
    const items = rows().filter((li) => li.parentElement?.localName === 'ol')
    expect(items.map((li) => li.querySelector('.quote')?.textContent?.trim())).toEqual([
      'Go to: “quayside”',
      'Go to: “spring”',
      'old crane',
    ])
    expect(items[0]).toHaveTextContent('Note: which quay?')
    expect(within(items[1]!).getByRole('list', { name: 'Tags' })).toHaveTextContent('dates')
    expect(items[2]).toHaveTextContent('Orphaned: could not be found in the current text')
    // An orphaned highlight has nowhere to go, but can still be edited or deleted.
    expect(within(items[2]!).queryByRole('button', { name: /Go to/ })).toBeNull()
    expect(within(items[2]!).getByRole('button', { name: 'Edit' })).toBeInTheDocument()
  })

  it('goes to a highlight from its quote', async () => {
    const { ongo, user } = await setup()
    await user.click(screen.getByRole('button', { name: 'Go to: “spring”' }))
    expect(ongo).toHaveBeenCalledWith('late')
  })

  it('edits a note and tags by keyboard, Ctrl+Enter saving', async () => {
    const { fake, user } = await setup()
    vi.mocked(fake.api.highlights.update).mockResolvedValue(
      ok(highlight({ id: 'early', quote: 'quayside', note: 'the north quay', tags: ['quay'] })),
    )
    screen.getAllByRole('button', { name: 'Edit' })[0]!.focus()
    await user.keyboard('{Enter}')
    const note = screen.getByRole('textbox', { name: 'Note' })
    expect(note).toHaveFocus()
    await user.clear(note)
    await user.type(note, 'the north quay')
    await user.tab()
    await user.keyboard('quay')
    await user.click(note)
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(fake.api.highlights.update).toHaveBeenCalledWith('early', { note: 'the north quay', tags: ['quay'] })
    expect(await screen.findByText('the north quay')).toBeInTheDocument()
    expect(screen.getAllByRole('button', { name: 'Edit' })[0]).toHaveFocus()
  })

  it('asks before deleting: Keep leaves it, Delete takes it out', async () => {
    const { fake, user } = await setup()
    vi.mocked(fake.api.highlights.remove).mockResolvedValue(ok(true))
    await user.click(screen.getAllByRole('button', { name: 'Delete' })[0]!)
    const ask = screen.getByRole('group', { name: 'Delete this highlight?' })
    expect(within(ask).getByRole('button', { name: 'Keep' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(fake.api.highlights.remove).not.toHaveBeenCalled()
    await user.click(screen.getAllByRole('button', { name: 'Delete' })[0]!)
    await user.click(
      within(screen.getByRole('group', { name: 'Delete this highlight?' })).getByRole('button', { name: 'Delete' }),
    )
    expect(fake.api.highlights.remove).toHaveBeenCalledWith('early')
    expect(screen.queryByText('Go to: “quayside”')).toBeNull()
    expect(screen.getByText('2 highlights')).toBeInTheDocument()
  })
})
