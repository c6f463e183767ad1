import { describe, expect, it, vi } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import ArticleRow from '../../../renderer/components/ArticleRow.svelte'
import { item } from '../fake-api'

describe('ArticleRow', () => {
  it('shows title, site, published date and language', () => {
    render(ArticleRow, { item: item({ title: 'Port expansion approved', site: 'velmora.example', language: 'ru' }) })
    const row = screen.getByRole('option')
    expect(row).toHaveTextContent('Port expansion approved')
    expect(row).toHaveTextContent('velmora.example')
    expect(row).toHaveTextContent('5 Mar 2024')
    expect(row).toHaveTextContent('Russian')
    expect(row).not.toHaveTextContent('imported')
  })

  it('says an article is undated instead of showing its import date as if published', () => {
    render(ArticleRow, { item: item({ published: null, importedAt: '2025-01-02T08:00:00Z' }) })
    expect(screen.getByRole('option')).toHaveTextContent('Undated')
    expect(screen.getByRole('option')).not.toHaveTextContent('2 Jan 2025')
  })

  it('shows each flag as a badge', () => {
    render(ArticleRow, { item: item({ flags: ['machine-translated', 'sponsored', 'opinion'] }) })
    const row = screen.getByRole('option')
    expect(row).toHaveTextContent('Machine-translated')
    expect(row).toHaveTextContent('Sponsored')
    expect(row).toHaveTextContent('Opinion')
  })

  it('shows the tags and archived state a read-later export gave the article, named for a screen reader', () => {
    const { unmount } = render(ArticleRow, { item: item({ tags: ['climate', 'eu'], archived: true }) })
    const row = screen.getByRole('option')
    expect(row).toHaveTextContent(/Archived\s*Tags:\s*climate,\s*eu/)
    expect(screen.getByTitle('Tags: climate, eu')).toBeInTheDocument()
    unmount()
    render(ArticleRow, { item: item({}) })
    expect(screen.getByRole('option')).not.toHaveTextContent(/Tags|Archived/)
  })

  it('tells read from unread and starred from not', () => {
    const { unmount } = render(ArticleRow, { item: item({ read: false, starred: true }) })
    expect(screen.getByRole('img', { name: 'Unread' })).toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'Starred' })).toBeInTheDocument()
    unmount()
    render(ArticleRow, { item: item({ read: true, starred: false }) })
    expect(screen.getByRole('img', { name: 'Read' })).toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'Not starred' })).toBeInTheDocument()
  })

  it('opens the article on click', async () => {
    const onopen = vi.fn()
    render(ArticleRow, { item: item({ id: 'x9' }), onopen })
    await userEvent.setup().click(screen.getByRole('option'))
    expect(onopen).toHaveBeenCalledWith('x9')
  })
})
