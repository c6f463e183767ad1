import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import WithApp from './WithApp.svelte'
import ReaderView from '../../../renderer/views/ReaderView.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { article, fakeApi } from '../fake-api'

const text = 'The quayside plan was approved.\n\nWork on the quayside starts in spring.'

describe('ReaderView', () => {
  it('marks every hit in the text and steps between them', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', title: 'Quayside plan', text }) })
    const app = new AppState(fake.api)
    await app.reader.open('a', [
      [4, 12],
      [45, 53],
    ])
    render(WithApp, { app, view: ReaderView })
    const marks = document.querySelectorAll('mark')
    expect([...marks].map((m) => m.textContent)).toEqual(['quayside', 'quayside'])
    expect(marks[0]).toHaveClass('current')
    expect(screen.getByText(/Hit 1 of 2/)).toBeInTheDocument()
    await userEvent.setup().click(screen.getByRole('button', { name: /Next hit/ }))
    expect(screen.getByText(/Hit 2 of 2/)).toBeInTheDocument()
    expect(document.querySelectorAll('mark')[1]).toHaveClass('current')
  })

  it('shows title, byline, dates and the disclaimer banner above the text', async () => {
    const fake = fakeApi([], {
      a: article({
        id: 'a',
        title: 'Quayside plan',
        author: 'R. Teller',
        collection: 'world',
        text,
        flags: ['machine-translated'],
        disclaimers: ['Translated by a machine.'],
      }),
    })
    const app = new AppState(fake.api)
    await app.reader.open('a')
    render(WithApp, { app, view: ReaderView })
    expect(screen.getByRole('heading', { level: 1, name: 'Quayside plan' })).toBeInTheDocument()
    expect(screen.getByText('By R. Teller')).toBeInTheDocument()
    expect(screen.getByText('Published 5 Mar 2024')).toBeInTheDocument()
    expect(screen.getByText('Imported 2 Jan 2025')).toBeInTheDocument()
    expect(screen.getByText('Collection world')).toBeInTheDocument()
    const banner = screen.getByRole('note', { name: /Disclaimer/ })
    const firstParagraph = screen.getByText('The quayside plan was approved.')
    expect(banner.compareDocumentPosition(firstParagraph) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(banner).toHaveTextContent('Translated by a machine.')
  })

  it('stars the article and opens the original only on a click', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', text }) })
    const app = new AppState(fake.api)
    await app.reader.open('a')
    render(WithApp, { app, view: ReaderView })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: '☆ Star' }))
    expect(await screen.findByRole('button', { name: '★ Starred' })).toHaveAttribute('aria-pressed', 'true')
    expect(fake.api.articles.openOriginal).not.toHaveBeenCalled()
    expect(document.querySelector('a[href]')).toBeNull()
    await user.click(screen.getByRole('button', { name: /Open original/ }))
    expect(fake.api.articles.openOriginal).toHaveBeenCalledWith('a')
  })
})
