import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import HighlightForm from '../../../../renderer/components/reader/HighlightForm.svelte'

describe('HighlightForm', () => {
  it('takes the focus in the note, and saves the note with the tags typed', async () => {
    const onsave = vi.fn()
    render(HighlightForm, { label: 'New highlight', onsave, oncancel: vi.fn() })
    const user = userEvent.setup()
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveFocus()
    await user.keyboard('  ask the harbour master ')
    await user.tab()
    await user.keyboard('#port, dates port')
    await user.keyboard('{Enter}')
    expect(onsave).toHaveBeenCalledWith('ask the harbour master', ['port', 'dates'])
  })

  it('starts from the note and tags given, saves on Ctrl+Enter in the note, and cancels on Escape alone', async () => {
    const onsave = vi.fn()
    const oncancel = vi.fn()
    const windowKeys = vi.fn()
    window.addEventListener('keydown', windowKeys)
    render(HighlightForm, { label: 'Edit', note: 'first', tags: ['a', 'b'], onsave, oncancel })
    const user = userEvent.setup()
    expect(screen.getByRole('textbox', { name: 'Tags' })).toHaveValue('a b')
    await user.keyboard('{End} draft{Control>}{Enter}{/Control}')
    expect(onsave).toHaveBeenCalledWith('first draft', ['a', 'b'])
    windowKeys.mockClear()
    await user.keyboard('{Escape}')
    expect(oncancel).toHaveBeenCalledTimes(1)
    // The app's Escape would leave the article: it never hears this one.
    expect(windowKeys).not.toHaveBeenCalled()
  })
})
