import { describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/svelte'
import ArticleFrame from '../../../renderer/components/ArticleFrame.svelte'

describe('ArticleFrame', () => {
  const setup = () =>
    render(ArticleFrame, {
      html: '<p>Framed body</p><a href="https://example.org/x">a link</a>',
      title: 'Framed article',
      fontSize: 20,
      theme: 'sepia',
    })

  it('frames the HTML without scripts', () => {
    setup()
    const frame = screen.getByTitle('Framed article')
    expect(frame.tagName).toBe('IFRAME')
    expect(frame.getAttribute('sandbox')).not.toBeNull()
    expect(frame.getAttribute('sandbox')).not.toMatch(/allow-scripts|allow-top-navigation|allow-popups/)
    expect(frame).toHaveAttribute('referrerpolicy', 'no-referrer')
  })

  it("gives the framed document its own strict CSP, the reader's size and theme, and inert links", () => {
    setup()
    const doc = screen.getByTitle('Framed article').getAttribute('srcdoc') ?? ''
    expect(doc).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'"`)
    expect(doc).toContain('<p>Framed body</p>')
    expect(doc).toContain('20px')
    expect(doc).toContain('#f4ecd8')
    expect(doc).toContain('a{pointer-events:none')
  })
})
