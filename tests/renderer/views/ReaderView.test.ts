import { describe, expect, it, vi } from 'vitest'
import { fireEvent, render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { tick } from 'svelte'
import WithApp from './WithApp.svelte'
import ReaderView from '../../../renderer/views/ReaderView.svelte'
import TrashUndo from '../../../renderer/components/TrashUndo.svelte'
import { AppState } from '../../../renderer/state/app.svelte'
import { article, fakeApi, item } from '../fake-api'
import { highlight } from '../components/reader/highlight-fixture'

const text = 'The quayside plan was approved.\n\nWork on the quayside starts in spring.'
const html =
  '<p>The harbour board met on <a href="https://port.example/minutes">Tuesday</a>.</p>' +
  '<figure><img alt="Cranes at dusk" data-src="https://img.example/cranes.jpg"><figcaption>The new cranes</figcaption></figure>'

/** The shadow root the reader draws article HTML into. */
function htmlRoot(): ShadowRoot {
  const host = document.querySelector('[data-article-html]')
  if (!host?.shadowRoot) throw new Error('no article HTML host')
  return host.shadowRoot
}

async function openReader(a = article({ id: 'a', text }), others: ReturnType<typeof article>[] = []) {
  const all = [a, ...others]
  const fake = fakeApi(
    all.map((x) => item(x)),
    Object.fromEntries(all.map((x) => [x.id, x])),
  )
  const app = new AppState(fake.api)
  await app.library.load()
  await app.settings.load()
  await app.openArticle(a.id)
  render(WithApp, { app, view: ReaderView })
  await tick()
  return { fake, app }
}

/** Opens the toolbar's More menu and picks an action in it, as a mouse user does. */
async function fromMore(user: ReturnType<typeof userEvent.setup>, name: string | RegExp): Promise<void> {
  await user.click(screen.getByRole('button', { name: 'More' }))
  await user.click(screen.getByRole('menuitem', { name }))
}

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
    await openReader(
      article({
        id: 'a',
        title: 'Quayside plan',
        author: 'R. Teller',
        collection: 'world',
        text,
        flags: ['machine-translated'],
        disclaimers: ['Translated by a machine.'],
      }),
    )
    expect(screen.getByRole('heading', { level: 1, name: 'Quayside plan' })).toBeInTheDocument()
    expect(screen.getByText('By R. Teller')).toBeInTheDocument()
    expect(screen.getByText('Published 5 Mar 2024')).toBeInTheDocument()
    expect(screen.getByText('Collection world')).toBeInTheDocument()
    const banner = screen.getByRole('note', { name: 'Disclaimer and provenance' })
    const firstParagraph = screen.getByText('The quayside plan was approved.')
    expect(banner.compareDocumentPosition(firstParagraph) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(banner).toHaveTextContent('Translated by a machine.')
  })

  it('stars the article and opens the original only on a click', async () => {
    const { fake } = await openReader()
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: '☆ Star' }))
    expect(await screen.findByRole('button', { name: '★ Starred' })).toHaveAttribute('aria-pressed', 'true')
    expect(fake.api.articles.openOriginal).not.toHaveBeenCalled()
    expect(document.querySelector('a[href]')).toBeNull()
    await fromMore(user, /Open original/)
    expect(fake.api.articles.openOriginal).toHaveBeenCalledWith('a')
  })

  it('highlights the search hits in the title too', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', title: 'Quayside plan for the quayside', text }) })
    const app = new AppState(fake.api)
    await app.reader.open('a', [[4, 12]], [[0, 8]])
    render(WithApp, { app, view: ReaderView })
    const title = screen.getByRole('heading', { level: 1, name: 'Quayside plan for the quayside' })
    expect([...title.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Quayside'])
  })

  it("puts focus on the article's scroll container when it opens", async () => {
    await openReader()
    const body = screen.getByRole('article', { name: 'Title a' })
    expect(document.activeElement).toBe(body)
    expect(body).toHaveAttribute('tabindex', '0')
  })

  it('goes to the next article when Space is pressed at the end of this one, and scrolls before that', async () => {
    const { app } = await openReader(article({ id: 'a', text }), [article({ id: 'b', text: 'Second story.' })])
    const body = screen.getByRole('article', { name: 'Title a' })
    // Not at the end yet: Space is left to scroll the page.
    Object.defineProperty(body, 'scrollHeight', { configurable: true, value: 2000 })
    Object.defineProperty(body, 'clientHeight', { configurable: true, value: 500 })
    const space = () => body.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true }))
    expect(space()).toBe(true)
    expect(app.reader.article?.id).toBe('a')
    let top = 1500
    Object.defineProperty(body, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) })
    expect(space()).toBe(false)
    await vi.waitFor(() => expect(app.reader.article?.id).toBe('b'))
    await tick()
    expect(document.activeElement).toBe(screen.getByRole('article', { name: 'Title b' }))
    expect(top).toBe(0)
  })

  it('opens the banner as a compact strip when Settings say compact', async () => {
    const fake = fakeApi([], { a: article({ id: 'a', text, disclaimers: ['Quoted notice.'], flags: ['opinion'] }) })
    const app = new AppState(fake.api)
    await app.settings.setBannerMode('compact')
    await app.reader.open('a')
    render(WithApp, { app, view: ReaderView })
    const banner = screen.getByRole('note', { name: 'Disclaimer and provenance' })
    expect(banner).not.toHaveTextContent('Quoted notice.')
    expect(within(banner).getByText('Opinion')).toBeInTheDocument()
  })

  it('labels the body toggle by what it switches to, with no pressed state', async () => {
    const { app } = await openReader(article({ id: 'a', text, html }))
    const user = userEvent.setup()
    const toggle = screen.getByRole('button', { name: 'Show plain text' })
    expect(toggle).not.toHaveAttribute('aria-pressed')
    await user.click(toggle)
    expect(app.reader.mode).toBe('text')
    expect(screen.getByRole('button', { name: 'Show formatted' })).not.toHaveAttribute('aria-pressed')
  })

  it('gives every button a name that contains its visible label', async () => {
    await openReader(article({ id: 'a', text, html }))
    const visible = (b: HTMLElement) =>
      [...b.childNodes]
        .filter((n) => !(n instanceof HTMLElement && n.classList.contains('visually-hidden')))
        .map((n) => n.textContent)
        .join('')
        .trim()
    for (const button of screen.getAllByRole('button')) {
      const name = button.getAttribute('aria-label') ?? button.textContent ?? ''
      expect(name.replace(/\s+/g, ' ')).toContain(visible(button).replace(/\s+/g, ' '))
    }
    expect(screen.getByRole('button', { name: /^‹ Prev/ })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /^A− / })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /^A\+ / })).toBeInTheDocument()
  })

  it("declares the article's language on its body", async () => {
    await openReader(article({ id: 'a', text, language: 'ru' }))
    expect(screen.getByText('The quayside plan was approved.').closest('[lang]')).toHaveAttribute('lang', 'ru')
  })

  it('draws article HTML in the reading column, in the document, without a frame', async () => {
    await openReader(article({ id: 'a', text, html, language: 'en' }))
    expect(document.querySelector('iframe')).toBeNull()
    const root = htmlRoot()
    expect(root.textContent).toContain('The harbour board met on')
    expect(root.host).toHaveAttribute('lang', 'en')
    expect(root.host.closest('[role="article"], article')).not.toBeNull()
  })

  it('keeps the drawn article (and a selection or focus in it) when the article is starred', async () => {
    const { app } = await openReader(article({ id: 'a', text, html }))
    const paragraph = htmlRoot().querySelector('p')
    await app.reader.toggleStar()
    await tick()
    expect(app.reader.article?.starred).toBe(true)
    expect(htmlRoot().querySelector('p')).toBe(paragraph)
  })

  it('opens a link only through main, never by navigating, and shows its address on hover', async () => {
    const { fake } = await openReader(article({ id: 'a', text, html }))
    const link = htmlRoot().querySelector('a')!
    fireEvent.mouseOver(link)
    expect(screen.getByText('https://port.example/minutes')).toBeInTheDocument()
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })
    link.dispatchEvent(click)
    expect(click.defaultPrevented).toBe(true)
    expect(fake.api.articles.openLink).toHaveBeenCalledWith('a', 'https://port.example/minutes')
  })

  it('draws a labelled placeholder for a remote image, with its alt text, caption and address', async () => {
    await openReader(article({ id: 'a', text, html }))
    const root = htmlRoot()
    expect(root.querySelector('img')).toBeNull()
    const placeholder = root.querySelector('.image-placeholder')
    expect(placeholder?.textContent).toContain('Cranes at dusk')
    expect(placeholder?.textContent).toContain('https://img.example/cranes.jpg')
    expect(placeholder?.textContent).toMatch(/not stored offline/i)
    expect(root.querySelector('figcaption')?.textContent).toBe('The new cranes')
  })

  it('draws an image stored beside a saved page from the media route of its article', async () => {
    const local = '<p>Plots</p><img alt="Plot one" data-local-src="Allotments_files/plot 1.png">'
    await openReader(article({ id: 'a', text, html: local }))
    expect(htmlRoot().querySelector('img')?.getAttribute('src')).toBe('/media/a/Allotments_files/plot%201.png')
  })
})

describe('ReaderView library care', () => {
  it('moves the article to the trash, goes on, and offers Undo', async () => {
    const a = article({ id: 'a', text, title: 'Port plan' })
    const b = article({ id: 'b', text: 'Second story.' })
    const all = [a, b]
    const fake = fakeApi(
      all.map((x) => item(x)),
      { a, b },
    )
    const restore = vi.fn(async () => ({ ok: true as const, value: true }))
    Object.assign(fake.api.articles, { restore })
    vi.mocked(fake.api.articles.trash).mockResolvedValueOnce({ ok: true, value: { token: 't', articles: 1 } })
    const app = new AppState(fake.api)
    await app.library.load()
    await app.openArticle('a')
    render(WithApp, { app, view: ReaderView })
    const user = userEvent.setup()
    await fromMore(user, 'Move to trash')
    expect(fake.api.articles.trash).toHaveBeenCalledWith('a')
    await vi.waitFor(() => expect(app.reader.article?.id).toBe('b'))
    expect(app.reader.trashed).toEqual({ title: 'Port plan', token: 't' })
    // The Undo offer lives in the app shell, so it stays in every view until the app quits.
    render(TrashUndo, { reader: app.reader })
    const status = screen.getByText(/Moved “Port plan” to the trash/)
    await user.click(within(status).getByRole('button', { name: 'Undo' }))
    expect(restore).toHaveBeenCalledWith('t')
    expect(screen.queryByText(/Moved “Port plan” to the trash/)).toBeNull()
  })

  it('edits the details in a form and shows the corrected title', async () => {
    const a = article({ id: 'a', text, title: 'Port plan' })
    const fake = fakeApi([item(a)], { a })
    const edit = vi.fn(async () => ({
      ok: true as const,
      value: article({ id: 'a', text, title: 'Port plan approved' }),
    }))
    Object.assign(fake.api.articles, { edit })
    const app = new AppState(fake.api)
    await app.library.load()
    await app.openArticle('a')
    render(WithApp, { app, view: ReaderView })
    const user = userEvent.setup()
    await fromMore(user, 'Edit details')
    const title = screen.getByRole('textbox', { name: 'Title' })
    await user.clear(title)
    await user.type(title, 'Port plan approved')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(edit).toHaveBeenCalledWith('a', { title: 'Port plan approved' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Port plan approved' })).toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Edit article details' })).toBeNull()
  })
  it('copies the citation in the chosen format and says so', async () => {
    const { fake } = await openReader()
    fake.api.evidence.cite = vi.fn(async () => ({ ok: true as const, value: '@online{a, title = {Title a}}' }))
    const user = userEvent.setup()
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue()
    await user.click(screen.getByRole('button', { name: 'More' }))
    const formats = screen.getByRole('group', { name: 'Citation format' })
    await user.click(within(formats).getByRole('menuitemradio', { name: 'BibTeX' }))
    expect(within(formats).getByRole('menuitemradio', { name: 'BibTeX' })).toHaveAttribute('aria-checked', 'true')
    await user.click(screen.getByRole('menuitem', { name: 'Copy citation' }))
    expect(fake.api.evidence.cite).toHaveBeenCalledWith('a', 'bibtex')
    expect(writeText).toHaveBeenCalledWith('@online{a, title = {Title a}}')
    expect(await screen.findByText('Citation copied')).toHaveAttribute('role', 'status')
  })

  it("exports this article from the reader's actions", async () => {
    const { fake } = await openReader()
    const user = userEvent.setup()
    await fromMore(user, 'Export…')
    const dialog = screen.getByRole('dialog', { name: 'Export' })
    await user.click(within(dialog).getByRole('button', { name: 'Export' }))
    expect(fake.api.evidence.export).toHaveBeenCalledWith({
      selection: { kind: 'ids', ids: ['a'] },
      format: 'evidence',
      zip: false,
    })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})

describe('ReaderView highlights', () => {
  /** Selects `words` in the plain-text body, as a drag or Shift+arrows would. */
  function select(words: string): void {
    const span = [...document.querySelectorAll<HTMLElement>('.body [data-start]')].find((el) =>
      el.textContent?.includes(words),
    )!
    const node = span.firstChild as Text
    const at = node.data.indexOf(words)
    const range = document.createRange()
    range.setStart(node, at)
    range.setEnd(node, at + words.length)
    document.getSelection()!.removeAllRanges()
    document.getSelection()!.addRange(range)
  }

  it('highlights the selected words of the plain text with H, a note and tags', async () => {
    const { fake } = await openReader()
    const start = text.indexOf('quayside starts')
    const made = highlight({ id: 'n', quote: 'quayside starts', range: [start, start + 15], note: 'when?' })
    vi.mocked(fake.api.highlights.add).mockResolvedValue({ ok: true, value: made })
    const user = userEvent.setup()
    select('quayside starts')
    await user.keyboard('h')
    const dialog = screen.getByRole('dialog', { name: 'New highlight' })
    expect(within(dialog).getByText('quayside starts')).toBeInTheDocument()
    await user.keyboard('when?')
    await user.click(within(dialog).getByRole('button', { name: 'Save highlight' }))
    expect(fake.api.highlights.add).toHaveBeenCalledWith('a', { range: [start, start + 15], note: 'when?', tags: [] })
    const mark = await vi.waitFor(() => {
      const found = document.querySelector<HTMLElement>('mark.highlight[tabindex="0"]')
      if (!found) throw new Error('no mark yet')
      return found
    })
    expect(mark).toHaveTextContent('quayside starts')
    expect(mark).toHaveAttribute('aria-description', expect.stringContaining('Note: when?'))
    expect(mark).toHaveFocus()
    expect(screen.getByRole('dialog', { name: 'Highlight' })).toHaveTextContent('when?')
  })

  it('offers a Highlight button beside a selection, hidden while the article scrolls and back after', async () => {
    await openReader()
    select('quayside starts')
    document.dispatchEvent(new Event('selectionchange'))
    const float = () => document.querySelector('button.float')
    await vi.waitFor(() => expect(float()).not.toBeNull())
    fireEvent.scroll(screen.getByRole('article', { name: 'Title a' }))
    await tick()
    expect(float()).toBeNull()
    await vi.waitFor(() => expect(float()).not.toBeNull())
    await userEvent.setup().click(float()!)
    expect(screen.getByRole('dialog', { name: 'New highlight' })).toHaveTextContent('quayside starts')
  })

  it('says how to select when H is pressed with nothing selected', async () => {
    await openReader()
    document.getSelection()!.removeAllRanges()
    await userEvent.setup().keyboard('h')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByText(/Select the words to highlight first/)).toHaveAttribute('role', 'status')
  })

  it('draws the highlights of the article and shows a note from its mark by keyboard', async () => {
    const a = article({ id: 'a', text })
    const fake = fakeApi([item(a)], { a })
    vi.mocked(fake.api.highlights.list).mockResolvedValue({
      ok: true,
      value: [
        highlight({ id: 'h1', quote: 'quayside plan', range: [4, 17], note: 'which plan?', tags: ['plans'] }),
        highlight({ id: 'h2', quote: 'gone', range: null, status: 'orphaned' }),
      ],
    })
    const app = new AppState(fake.api)
    await app.library.load()
    await app.openArticle('a')
    render(WithApp, { app, view: ReaderView })
    const mark = await vi.waitFor(() => {
      const found = document.querySelector<HTMLElement>('mark.highlight')
      if (!found) throw new Error('no mark yet')
      return found
    })
    expect(mark).toHaveTextContent('quayside plan')
    expect(mark).toHaveAttribute('aria-description', expect.stringContaining('Note: which plan?. Tags: plans'))
    mark.focus()
    const user = userEvent.setup()
    await user.keyboard('{Enter}')
    const dialog = screen.getByRole('dialog', { name: 'Highlight' })
    expect(within(dialog).getByRole('button', { name: 'Edit' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(mark).toHaveFocus()
    expect(app.view).toBe('reader')
    // The notes panel lists both, the orphaned one said so.
    await user.click(screen.getByRole('button', { name: /^Notes/ }))
    const panel = screen.getByRole('region', { name: 'Highlights and notes' })
    expect(panel).toHaveTextContent('Orphaned: could not be found in the current text')
    await user.click(within(panel).getByRole('button', { name: 'Go to: “quayside plan”' }))
    expect(mark).toHaveFocus()
  })

  it('leaves Shift with the arrows to the selection instead of changing articles', async () => {
    const b = article({ id: 'b', text: 'Other text.' })
    const { app } = await openReader(article({ id: 'a', text }), [b])
    const body = screen.getByRole('article', { name: 'Title a' })
    body.focus()
    await userEvent.setup().keyboard('{Shift>}{ArrowRight}{/Shift}')
    expect(app.reader.article?.id).toBe('a')
  })
})

describe('ReaderView highlights and the article state', () => {
  it('keeps the marks and the focus on one when the article is starred', async () => {
    const a = article({ id: 'a', text })
    const fake = fakeApi([item(a)], { a })
    vi.mocked(fake.api.highlights.list).mockResolvedValue({
      ok: true,
      value: [highlight({ id: 'h1', quote: 'quayside plan', range: [4, 17] })],
    })
    const app = new AppState(fake.api)
    await app.library.load()
    await app.openArticle('a')
    render(WithApp, { app, view: ReaderView })
    const mark = await vi.waitFor(() => {
      const found = document.querySelector<HTMLElement>('mark.highlight')
      if (!found) throw new Error('no mark yet')
      return found
    })
    const listed = vi.mocked(fake.api.highlights.list).mock.calls.length
    mark.focus()
    await app.reader.toggleStar()
    await tick()
    expect(app.reader.article?.starred).toBe(true)
    expect(fake.api.highlights.list).toHaveBeenCalledTimes(listed)
    expect(document.querySelector('mark.highlight')).toHaveFocus()
  })
})

describe('ReaderView notes panel in the formatted view', () => {
  it('says so when a highlight’s words are not in the formatted view', async () => {
    // The extracted text holds a line the saved page's HTML does not show.
    const a = article({ id: 'a', text: 'The harbour board met on Tuesday.\n\nSubscribe for more port news.', html })
    const fake = fakeApi([item(a)], { a })
    vi.mocked(fake.api.highlights.list).mockResolvedValue({
      ok: true,
      value: [highlight({ id: 'h1', quote: 'Subscribe for more port news', range: [35, 63] })],
    })
    const app = new AppState(fake.api)
    await app.library.load()
    await app.openArticle('a')
    render(WithApp, { app, view: ReaderView })
    expect(app.reader.mode).toBe('html')
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: /^Notes/ }))
    await user.click(await screen.findByRole('button', { name: 'Go to: “Subscribe for more port news”' }))
    expect(screen.getByText(/not in the formatted view; “Show plain text” shows it/)).toHaveAttribute('role', 'status')
  })
})
