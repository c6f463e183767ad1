import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sanitizeArticleHtml } from '../../../electron/core/formats/sanitize'

/** What must never survive sanitizing. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  expect(html).not.toMatch(/javascript:/i)
  expect(html).not.toMatch(/\ssrc\s*=\s*["']?\s*(?:https?:)?\/\//i)
  expect(html).not.toMatch(/\ssrcset\s*=/i)
  expect(html).not.toMatch(/<(?:iframe|object|embed|form|style|link|meta|base)\b/i)
  expect(html).not.toMatch(/\sstyle\s*=/i)
}

describe('sanitizeArticleHtml', () => {
  it.each([
    ['a script', '<p>Hi</p><script>alert(1)</script>', '<p>Hi</p>'],
    ['an event handler', '<p onclick="steal()">Hi</p>', '<p>Hi</p>'],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['a relative link', '<a href="/about">x</a>', '<a>x</a>'],
    ['a style attribute', '<p style="background:url(https://t.example/p.png)">Hi</p>', '<p>Hi</p>'],
    ['a style element', '<style>@import "https://t.example/x.css";</style><p>Hi</p>', '<p>Hi</p>'],
    ['an iframe', '<iframe src="https://v.example/embed"></iframe><p>Hi</p>', '<p>Hi</p>'],
    ['a form', '<form action="https://e.example"><input name="q"></form><p>Hi</p>', '<p>Hi</p>'],
  ])('removes %s', (_case, input, output) => {
    expect(sanitizeArticleHtml(input)).toBe(output)
  })

  it.each([
    [
      'an https link',
      '<a href="https://example.org/a" title="A">x</a>',
      '<a href="https://example.org/a" title="A">x</a>',
    ],
    ['a mailto link', '<a href="mailto:desk@example.org">desk</a>', '<a href="mailto:desk@example.org">desk</a>'],
    [
      'structure',
      '<h2>Head</h2><ul><li>one</li></ul><blockquote>q</blockquote>',
      '<h2>Head</h2><ul><li>one</li></ul><blockquote>q</blockquote>',
    ],
    [
      'a data: image',
      '<img src="data:image/png;base64,iVBOR" alt="dot">',
      '<img alt="dot" src="data:image/png;base64,iVBOR" />',
    ],
  ])('keeps %s', (_case, input, output) => {
    expect(sanitizeArticleHtml(input)).toBe(output)
  })

  it('turns a remote image into an inert data-src and keeps its alt', () => {
    const html = sanitizeArticleHtml(
      '<img src="https://cdn.example/a.jpg" srcset="https://cdn.example/a2.jpg 2x" alt="Quay">',
    )
    expect(html).toBe(
      '<img alt="Quay" data-src="https://cdn.example/a.jpg" data-srcset="https://cdn.example/a2.jpg 2x" />',
    )
  })

  it('takes the real image of a lazy-loading page from data-src', () => {
    const html = sanitizeArticleHtml('<img src="data:image/gif;base64,R0lG" data-src="//cdn.example/b.jpg" alt="B">')
    expect(html).toContain('data-src="https://cdn.example/b.jpg"')
    expect(html).toContain('src="data:image/gif;base64,R0lG"')
  })

  it('leaves nothing active in any mix of dangerous markup', () => {
    const pieces = [
      '<p>',
      '</p>',
      '<script>x()</script>',
      '<SCRIPT SRC=//e.example/x.js></SCRIPT>',
      '<img src=x onerror=alert(1)>',
      '<img src="https://e.example/i.png">',
      '<img srcset="http://e.example/1.png 1x">',
      '<a href="javascript:alert(1)">',
      '<a href=" JaVaScRiPt:alert(1)">',
      '<a href="https://ok.example">',
      '</a>',
      '<svg onload=alert(1)><script>x</script></svg>',
      '<iframe src="https://e.example"></iframe>',
      '<style>*{}</style>',
      '<div style="x:y">',
      '</div>',
      '<b onmouseover="x">',
      '<object data="https://e.example/x.swf"></object>',
      '<scr<script>ipt>',
      '"',
      "'",
      '>',
      '<',
      'text',
      '<!--',
      '-->',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<video src="https://e.example/v.mp4" poster="https://e.example/p.jpg">',
      '<base href="https://e.example/">',
      '<link rel=stylesheet href="https://e.example/s.css">',
      '<meta http-equiv="refresh" content="0;url=https://e.example">',
    ]
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 25 }), (parts) => {
        expectInert(sanitizeArticleHtml(parts.join('')))
      }),
      { numRuns: 400 },
    )
  })
})
