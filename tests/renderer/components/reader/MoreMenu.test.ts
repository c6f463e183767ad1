import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import MoreMenu from '../../../../renderer/components/reader/MoreMenu.svelte'

function setup() {
  const reveal = vi.fn()
  const copy = vi.fn()
  const onchange = vi.fn()
  const windowKeys = vi.fn()
  window.addEventListener('keydown', windowKeys)
  render(MoreMenu, {
    menuLabel: 'More article actions',
    entries: [
      { kind: 'action', label: 'Show file', onselect: reveal },
      {
        kind: 'choice',
        label: 'Citation format',
        options: [
          { value: 'apa', label: 'APA' },
          { value: 'mla', label: 'MLA' },
        ],
        value: 'apa',
        onchange,
      },
      { kind: 'action', label: 'Copy citation', onselect: copy },
    ],
  })
  const button = screen.getByRole('button', { name: 'More' })
  return { reveal, copy, onchange, windowKeys, button, user: userEvent.setup() }
}

describe('MoreMenu', () => {
  it('opens from the keyboard on the first item and moves with the arrows, Home and End, wrapping', async () => {
    const { button, user } = setup()
    expect(button).toHaveAttribute('aria-haspopup', 'menu')
    button.focus()
    await user.keyboard('{ArrowDown}')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('menu', { name: 'More article actions' })).toBeInTheDocument()
    expect(screen.getByRole('menuitem', { name: 'Show file' })).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(screen.getByRole('menuitem', { name: 'Copy citation' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Show file' })).toHaveFocus()
    await user.keyboard('{End}')
    expect(screen.getByRole('menuitem', { name: 'Copy citation' })).toHaveFocus()
    await user.keyboard('{Home}{ArrowDown}')
    expect(screen.getByRole('menuitemradio', { name: 'APA' })).toHaveFocus()
    await user.keyboard('m')
    expect(screen.getByRole('menuitemradio', { name: 'MLA' })).toHaveFocus()
  })

  it('acts on Enter, closes and gives the focus back to the button', async () => {
    const { button, copy, user } = setup()
    button.focus()
    await user.keyboard('{ArrowUp}{Enter}')
    expect(copy).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('menu')).toBeNull()
    expect(button).toHaveFocus()
  })

  it('picks a radio item and stays open; Escape closes without reaching the app', async () => {
    const { button, onchange, windowKeys, user } = setup()
    await user.click(button)
    expect(screen.getByRole('group', { name: 'Citation format' })).toBeInTheDocument()
    expect(screen.getByRole('menuitemradio', { name: 'APA' })).toHaveAttribute('aria-checked', 'true')
    await user.click(screen.getByRole('menuitemradio', { name: 'MLA' }))
    expect(onchange).toHaveBeenCalledWith('mla')
    expect(screen.getByRole('menu')).toBeInTheDocument()
    windowKeys.mockClear()
    await user.keyboard('j{ArrowRight}{Escape}')
    // j, the arrows and Escape belong to the menu while it is open: the reader must not change articles or close.
    expect(windowKeys).not.toHaveBeenCalled()
    expect(screen.queryByRole('menu')).toBeNull()
    expect(button).toHaveFocus()
  })
})
