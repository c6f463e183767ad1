import { describe, expect, it, vi } from 'vitest'
import { render } from '@testing-library/svelte'
import ArticleFrame from '../../../renderer/components/ArticleFrame.svelte'
import { mediaUrl } from '../../../electron/shared/media'

const hostile =
  '<p onclick="alert(1)" style="background:url(https://t.example/x)">Body text</p>' +
  '<script>alert(1)</script><iframe src="https://t.example/"></iframe>' +
  '<a href="javascript:alert(1)">bad</a> <a href="https://port.example/a">good</a>' +
  '<img src="https://t.example/pixel.gif" alt="Pixel">'

function setup(html = hostile, articleId?: string) {
  const onopenlink = vi.fn()
  const onhint = vi.fn()
  const localSource = articleId ? (relativePath: string) => mediaUrl(articleId, relativePath) : undefined
  render(ArticleFrame, { html, lang: 'de', onopenlink, onhint, localSource })
  const host = document.querySelector('[data-article-html]') as HTMLElement
  return { host, root: host.shadowRoot!, onopenlink, onhint }
}

describe('ArticleFrame', () => {
  it('draws the article in a shadow root of the page, with its language, and no frame', () => {
    const { host, root } = setup()
    expect(document.querySelector('iframe')).toBeNull()
    expect(host).toHaveAttribute('lang', 'de')
    expect(root.textContent).toContain('Body text')
  })

  it('keeps nothing that could run, fetch or navigate', () => {
    const { root } = setup()
    const markup = [...root.children]
      .filter((el) => el.localName !== 'style')
      .map((el) => el.outerHTML)
      .join('')
    expect(markup).not.toMatch(/<script|<iframe|onclick|style=|javascript:|src="https?:/i)
    expect(root.querySelector('a[href="https://port.example/a"]')).not.toBeNull()
  })

  it('hands a clicked web link to the app instead of following it, and ignores other schemes', () => {
    const { root, onopenlink } = setup(
      '<p><a href="https://port.example/a">good</a> <a href="mailto:x@y.z">mail</a></p>',
    )
    const [web, mail] = [...root.querySelectorAll('a')]
    const click = (el: Element) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true })
      el.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(click(web!)).toBe(true)
    expect(onopenlink).toHaveBeenCalledWith('https://port.example/a')
    expect(click(mail!)).toBe(true)
    expect(onopenlink).toHaveBeenCalledTimes(1)
  })

  it('tells the reader which address a focused or hovered link goes to', () => {
    const { root, onhint } = setup('<p><a href="https://port.example/a">good</a></p>')
    const link = root.querySelector('a')!
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }))
    expect(onhint).toHaveBeenLastCalledWith('https://port.example/a')
    link.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }))
    expect(onhint).toHaveBeenLastCalledWith(null)
  })

  it('draws an image stored beside the article from the app’s media route', () => {
    const { root } = setup('<p>Text</p><img alt="Plot one" data-local-src="Allotments_files/plot 1.png">', 'a1b2')
    const img = root.querySelector('img')!
    expect(img.getAttribute('src')).toBe('/media/a1b2/Allotments_files/plot%201.png')
    expect(img).toHaveAttribute('alt', 'Plot one')
  })

  it('shows a remote image and a local image that fails to load as labelled placeholders, never a broken icon', () => {
    const { root } = setup(
      '<img alt="Quay at dawn" data-src="https://cdn.example/quay.jpg">' +
        '<img alt="Plot one" data-local-src="Allotments_files/plot 1.png">',
      'a1b2',
    )
    expect(root.querySelectorAll('img')).toHaveLength(1)
    root.querySelector('img')!.dispatchEvent(new Event('error'))
    expect(root.querySelectorAll('img')).toHaveLength(0)
    const boxes = [...root.querySelectorAll('.image-placeholder')].map((box) => box.textContent)
    expect(boxes).toEqual([expect.stringContaining('Quay at dawn'), expect.stringContaining('Plot one')])
    expect(boxes[0]).toContain('https://cdn.example/quay.jpg')
    expect(boxes[1]).toContain('Allotments_files/plot 1.png')
    expect(boxes[1]).toContain('Image missing from the library')
  })
})

describe('ArticleFrame highlights', () => {
  const page =
    '<p>The island council agreed the <em>winter ferry</em> timetable.</p>\n<p>The first boat leaves at seven.</p>'
  /** The article's extracted text: the same words, other whitespace. */
  const text = 'The island council agreed the winter ferry timetable.\n\nThe first boat leaves at seven.'
  const at = (words: string): [number, number] => [text.indexOf(words), text.indexOf(words) + words.length]

  it('draws highlights as marks over the HTML, found by their words, with the note described', async () => {
    const onselect = vi.fn()
    const { rerender } = render(ArticleFrame, {
      html: page,
      lang: 'en',
      onopenlink: vi.fn(),
      onhint: vi.fn(),
      text,
      highlights: [{ id: 'h1', range: at('winter ferry timetable'), note: 'earlier?', tags: [] }],
      onselect,
    })
    const root = document.querySelector('[data-article-html]')!.shadowRoot!
    const marks = [...root.querySelectorAll('mark.highlight')]
    expect(marks.map((m) => m.textContent).join('')).toBe('winter ferry timetable')
    expect(marks[0]).toHaveAttribute('tabindex', '0')
    expect(marks[0]).toHaveAttribute('aria-description', expect.stringContaining('Note: earlier?'))
    // Drawn again from the new list: the old marks go, the text is whole again.
    await rerender({ highlights: [{ id: 'h2', range: at('first boat'), note: '', tags: [] }] })
    expect([...root.querySelectorAll('mark.highlight')].map((m) => m.textContent)).toEqual(['first boat'])
    expect(root.querySelector('p')!.innerHTML).toBe('The island council agreed the <em>winter ferry</em> timetable.')
  })

  it('tells the selected words as a range of the article text, across formatting and line breaks', async () => {
    const onselect = vi.fn()
    const { component } = render(ArticleFrame, {
      html: page,
      lang: 'en',
      onopenlink: vi.fn(),
      onhint: vi.fn(),
      text,
      onselect,
    })
    const root = document.querySelector('[data-article-html]')!.shadowRoot!
    const [first, second] = root.querySelectorAll('p')
    const range = document.createRange()
    range.setStart(first!.querySelector('em')!.firstChild!, 0)
    range.setEnd(second!.firstChild!, 'The first'.length)
    // jsdom's document selection cannot hold a range in a shadow root; Chromium shows it as the root's own.
    let selected: Range | null = range
    Object.assign(root, {
      getSelection: () => ({
        rangeCount: selected ? 1 : 0,
        isCollapsed: !selected,
        getRangeAt: () => selected,
      }),
    })
    document.dispatchEvent(new Event('selectionchange'))
    const expected = [text.indexOf('winter'), text.indexOf('The first') + 'The first'.length]
    expect(component.currentSelection()?.range).toEqual(expected)
    await vi.waitFor(() => expect(onselect).toHaveBeenLastCalledWith(expect.objectContaining({ range: expected })))
    selected = null
    expect(component.currentSelection()).toBeNull()
  })
})
