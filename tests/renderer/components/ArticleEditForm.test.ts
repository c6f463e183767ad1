import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import ArticleEditForm from '../../../renderer/components/ArticleEditForm.svelte'
import { article } from '../fake-api'

describe('ArticleEditForm', () => {
  it('sends only the fields the user changed, an emptied one as cleared', async () => {
    const onsave = vi.fn()
    render(ArticleEditForm, {
      article: article({ title: 'Port plan', site: 'example.org', author: 'R. Teller', category: 'News' }),
      onsave,
      oncancel: vi.fn(),
    })
    const user = userEvent.setup()
    const title = screen.getByRole('textbox', { name: 'Title' })
    await user.clear(title)
    await user.type(title, 'Port expansion plan approved')
    await user.clear(screen.getByRole('textbox', { name: 'Author' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(onsave).toHaveBeenCalledWith({ title: 'Port expansion plan approved', author: null })
  })

  it('shows the publication date as a date and sends a changed one as YYYY-MM-DD', async () => {
    const onsave = vi.fn()
    render(ArticleEditForm, { article: article({ published: '2024-03-05T10:00:00Z' }), onsave, oncancel: vi.fn() })
    const date = screen.getByLabelText('Published (date)') as HTMLInputElement
    expect(date.value).toBe('2024-03-05')
    const user = userEvent.setup()
    await user.clear(date)
    await user.type(date, '2024-03-06')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(onsave).toHaveBeenCalledWith({ published: '2024-03-06' })
  })

  it('refuses an empty title', async () => {
    const onsave = vi.fn()
    render(ArticleEditForm, { article: article(), onsave, oncancel: vi.fn() })
    const user = userEvent.setup()
    await user.clear(screen.getByRole('textbox', { name: 'Title' }))
    screen.getByRole('form', { name: 'Edit article details' }).dispatchEvent(new Event('submit', { cancelable: true }))
    expect(await screen.findByRole('alert')).toHaveTextContent('An article needs a title.')
    expect(onsave).not.toHaveBeenCalled()
  })

  it('closes on Escape without leaving the article', async () => {
    const oncancel = vi.fn()
    const onWindow = vi.fn()
    window.addEventListener('keydown', onWindow)
    render(ArticleEditForm, { article: article(), onsave: vi.fn(), oncancel })
    const user = userEvent.setup()
    await user.click(screen.getByRole('textbox', { name: 'Site' }))
    await user.keyboard('{Escape}')
    expect(oncancel).toHaveBeenCalled()
    expect(onWindow).not.toHaveBeenCalled()
    window.removeEventListener('keydown', onWindow)
  })
})
