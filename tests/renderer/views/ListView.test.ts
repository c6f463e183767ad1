import { beforeAll, describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import WithApp from './WithApp.svelte'
import ListView from '../../../renderer/views/ListView.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { fakeApi, item } from '../fake-api'
import { ok } from '../../../electron/shared/result'

describe('ListView', () => {
  beforeAll(() => {
    // jsdom has no layout, so no ResizeObserver; the list then sizes itself from its default height.
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver
  })

  it('renders only a window of rows out of 100,000', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) =>
      item({ id: `a${i}`, site: i % 10 === 0 ? 'ten.example' : 'other.example' }),
    )
    const app = new AppState(fakeApi(rows).api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    const list = screen.getByRole('listbox', { name: 'Articles' })
    expect(screen.getByText('100,000 articles')).toBeInTheDocument()
    const shown = within(list).getAllByRole('option').length
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(100)
  })

  it('filters the list from the sidebar', async () => {
    const rows = [item({ id: 'a', site: 'one.example' }), item({ id: 'b', site: 'two.example' })]
    const app = new AppState(fakeApi(rows).api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    const user = userEvent.setup()
    const sidebar = screen.getByRole('navigation', { name: 'Library filters' })
    await user.click(await within(sidebar).findByRole('button', { name: /two\.example/ }))
    expect(screen.getByText('1 article')).toBeInTheDocument()
    expect(within(screen.getByRole('listbox', { name: 'Articles' })).getByRole('option')).toHaveTextContent(
      'two.example',
    )
  })

  it('explains how to import when the library is empty', async () => {
    const app = new AppState(fakeApi([]).api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    expect(screen.getByRole('heading', { name: 'Your library is empty' })).toBeInTheDocument()
    expect(screen.getByText(/Drag article files or whole folders/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Import files…' })).toBeInTheDocument()
  })

  it('combines filters from different groups, shows them as chips in words and removes one', async () => {
    const rows = [
      item({ id: 'a', site: 'one.example', language: 'ru', flags: ['machine-translated'] }),
      item({ id: 'b', site: 'one.example', language: 'en' }),
      item({ id: 'c', site: 'two.example', language: 'ru' }),
    ]
    const app = new AppState(fakeApi(rows).api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    const user = userEvent.setup()
    const sidebar = screen.getByRole('navigation', { name: 'Library filters' })
    await user.click(await within(sidebar).findByRole('button', { name: /Russian/ }))
    await user.click(within(sidebar).getByRole('button', { name: /one\.example/ }))
    expect(screen.getByText('1 article')).toBeInTheDocument()
    const chips = screen.getByRole('list', { name: 'Filters in force' })
    expect(chips).toHaveTextContent('Language: Russian')
    expect(chips).toHaveTextContent('Site: one.example')
    await user.click(within(chips).getByRole('button', { name: 'Remove filter Language: Russian' }))
    expect(screen.getByText('2 articles')).toBeInTheDocument()
  })

  it('names flags and offers Unread and Starred views', async () => {
    const rows = [item({ id: 'a', flags: ['machine-translated'], starred: true, read: true }), item({ id: 'b' })]
    const app = new AppState(fakeApi(rows).api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    const user = userEvent.setup()
    const sidebar = screen.getByRole('navigation', { name: 'Library filters' })
    expect(await within(sidebar).findByRole('button', { name: /Machine-translated/ })).toBeInTheDocument()
    await user.click(within(sidebar).getByRole('button', { name: /Starred/ }))
    expect(screen.getByText('1 article')).toBeInTheDocument()
    await user.click(within(sidebar).getByRole('button', { name: /Unread/ }))
    expect(within(screen.getByRole('listbox', { name: 'Articles' })).getByRole('option')).toHaveTextContent('Title b')
  })

  it('makes each sidebar group one tab stop, walked with the arrow keys', async () => {
    const rows = [item({ id: 'a', site: 'one.example' }), item({ id: 'b', site: 'two.example' })]
    const app = new AppState(fakeApi(rows).api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    const sidebar = screen.getByRole('navigation', { name: 'Library filters' })
    const sites = await within(sidebar).findByRole('group', { name: 'Sites' })
    const buttons = within(sites).getAllByRole('button')
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1)
    buttons[0]!.focus()
    await userEvent.setup().keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(buttons[1])
  })

  it('sorts by Published or Imported', async () => {
    const app = new AppState(fakeApi([item({ id: 'a' })]).api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    const sort = screen.getByRole('combobox', { name: /Sort by/ })
    expect(
      within(sort)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Published', 'Imported', 'Title', 'Site'])
  })

  it('moves the selected article to the trash from the list, and tells the app what to undo', async () => {
    const rows = [item({ id: 'a', title: 'Ferry fares rise' }), item({ id: 'b', title: 'Pier repairs begin' })]
    const fake = fakeApi(rows)
    vi.mocked(fake.api.articles.trash).mockResolvedValue(ok({ token: 'undo-1', articles: 1 }))
    const app = new AppState(fake.api)
    await app.library.load()
    app.library.selectId('b')
    render(WithApp, { app, view: ListView })
    await userEvent.setup().click(screen.getByRole('button', { name: 'Move to trash' }))
    expect(fake.api.articles.trash).toHaveBeenCalledWith('b')
    expect(app.reader.trashed?.title).toBe('Pier repairs begin')
  })
})
