import { describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import WithApp from './WithApp.svelte'
import StoriesView from '../../../renderer/views/StoriesView.svelte'
import ListView from '../../../renderer/views/ListView.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { byStorySize, storyExtent } from '../../../renderer/state/browse.svelte'
import { ok } from '../../../electron/shared/result'
import type { StoryCluster } from '../../../electron/shared/stories'
import { fakeApi, item } from '../fake-api'

const cluster = (over: Partial<StoryCluster>): StoryCluster => ({
  id: 's1',
  size: 2,
  title: 'Harbour bridge reopens',
  sites: ['one.example', 'two.example'],
  languages: ['en'],
  firstSeen: '2025-03-01T08:00:00Z',
  firstSeenBy: 'published',
  lastSeen: '2025-03-02T08:00:00Z',
  members: ['a', 'b'],
  ...over,
})

describe('StoriesView', () => {
  it('lists stories biggest first, then most recent first', () => {
    const order = byStorySize([
      cluster({ id: 'old', size: 2, lastSeen: '2024-01-01' }),
      cluster({ id: 'big', size: 5 }),
      cluster({ id: 'new', size: 2, lastSeen: '2025-06-01' }),
    ]).map((c) => c.id)
    expect(order).toEqual(['big', 'new', 'old'])
  })

  it('says how big a story is and where from, without naming sites it does not know', () => {
    expect(storyExtent({ size: 3, sites: ['one.example', 'two.example'] })).toBe(
      '3 articles from one.example, two.example',
    )
    expect(storyExtent({ size: 2, sites: [] })).toBe('2 articles')
  })

  it('lists the stories again when the grouping pass after an import ends, and says so politely', async () => {
    const fake = fakeApi()
    const before = [cluster({ id: 'a', title: 'Ferry timetable changes' })]
    const after = [...before, cluster({ id: 'b', title: 'Harbour bridge reopens' })]
    let answer = before
    fake.api.stories.list = vi.fn(async () => ok(answer))
    const app = new AppState(fake.api)
    render(WithApp, { app, view: StoriesView })
    await screen.findByRole('button', { name: /^Ferry timetable changes/ })
    expect(screen.queryByRole('button', { name: /^Harbour bridge reopens/ })).toBeNull()

    fake.emit('stories:changed', { state: 'grouping', stories: 1, articles: 2 })
    expect(await screen.findByRole('status')).toHaveTextContent('Grouping stories…')
    answer = after
    fake.emit('stories:changed', { state: 'ready', stories: 2, articles: 4 })
    await screen.findByRole('button', { name: /^Harbour bridge reopens/ })
    expect(screen.getByRole('status')).toHaveTextContent('2 stories, up to date')
  })

  it('shows each story with its size, sites and first sighting, and searches it when chosen by keyboard', async () => {
    const fake = fakeApi()
    fake.api.stories.list = async () =>
      ok([
        cluster({
          id: 'small',
          size: 2,
          title: 'Ferry timetable changes',
          sites: ['one.example'],
          firstSeen: '2026-11-28T10:00:00Z',
          firstSeenBy: 'imported',
        }),
        cluster({ id: 'big', size: 4, title: 'Harbour bridge reopens' }),
      ])
    const app = new AppState(fake.api)
    render(WithApp, { app, view: StoriesView })
    const first = await screen.findByRole('button', {
      name: /Harbour bridge reopens 4 articles from one.example, two.example/,
    })
    const buttons = screen.getAllByRole('button')
    expect(buttons[0]).toBe(first)
    expect(first).toHaveTextContent('one.example, two.example')
    expect(first).toHaveTextContent('first published 1 Mar 2025')
    // A story only its import dates is not said to have been first seen then.
    expect(screen.getByRole('button', { name: /^Ferry timetable changes/ })).toHaveTextContent(
      'undated, imported 28 Nov 2026',
    )
    expect(within(screen.getByRole('region', { name: 'Stories' })).getByText('2 stories')).toBeInTheDocument()

    const user = userEvent.setup()
    await user.tab()
    expect(first).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(app.view).toBe('search')
    expect(fake.api.search.query).toHaveBeenCalledWith(expect.objectContaining({ query: 'story:big' }))
    expect(app.story?.title).toBe('Harbour bridge reopens')

    await app.clearStory()
    expect(app.story).toBeNull()
    expect(app.search.query).toBe('')
  })

  it('exports a story’s articles from its own button, named for the story', async () => {
    const fake = fakeApi()
    fake.api.stories.list = async () => ok([cluster({ id: 'big', size: 4, title: 'Harbour bridge reopens' })])
    fake.api.evidence.export = vi.fn(async () => ok({ path: '/out/export-1', articles: 4, files: 12, bytes: 900 }))
    const app = new AppState(fake.api)
    render(WithApp, { app, view: StoriesView })
    const user = userEvent.setup()
    const exportButton = await screen.findByRole('button', { name: 'Export story “Harbour bridge reopens”…' })
    expect(exportButton).toHaveTextContent(/^Export story/)
    await user.tab()
    await user.tab()
    expect(exportButton).toHaveFocus()
    await user.keyboard('{Enter}')
    const dialog = screen.getByRole('dialog', { name: 'Export' })
    expect(dialog).toHaveTextContent('Exporting the story “Harbour bridge reopens” (4 articles).')
    await user.click(within(dialog).getByRole('radio', { name: /CSV/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Export' }))
    expect(fake.api.evidence.export).toHaveBeenCalledWith({
      selection: { kind: 'story', story: 'big' },
      format: 'csv',
      zip: false,
    })
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Exported 4 articles, 12 files to /out/export-1',
    )
  })

  it('says so when the library has no stories', async () => {
    const app = new AppState(fakeApi().api)
    render(WithApp, { app, view: StoriesView })
    expect(await screen.findByText(/No stories yet/)).toBeInTheDocument()
  })

  it('opens from the sidebar in place of the article list, and goes back to the articles', async () => {
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver
    const fake = fakeApi([item({ id: 'a' })])
    fake.api.stories.list = async () => ok([cluster({})])
    const app = new AppState(fake.api)
    await app.library.load()
    render(WithApp, { app, view: ListView })
    const browse = screen.getByRole('region', { name: 'Browse' })
    const user = userEvent.setup()
    await user.click(within(browse).getByRole('button', { name: 'Stories' }))
    expect(within(browse).getByRole('button', { name: 'Stories' })).toHaveAttribute('aria-pressed', 'true')
    expect(await screen.findByRole('button', { name: /^Harbour bridge reopens/ })).toBeInTheDocument()
    expect(screen.queryByRole('listbox', { name: 'Articles' })).toBeNull()
    await user.click(within(browse).getByRole('button', { name: 'Articles' }))
    expect(screen.getByRole('listbox', { name: 'Articles' })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Stories' })).toBeNull()
  })
})
