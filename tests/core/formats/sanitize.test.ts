import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseHTML } from 'linkedom'
import { markLocalImages, sanitizeArticleHtml } from '../../../electron/core/formats/sanitize'

/** What must never survive sanitizing. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i)
  expect(html).not.toMatch(/\son[a-z]+\s*=/i)
  expect(html).not.toMatch(/javascript:/i)
  expect(html).not.toMatch(/\ssrc\s*=\s*["']?\s*(?:https?:)?\/\//i)
  expect(html).not.toMatch(/\ssrcset\s*=/i)
  expect(html).not.toMatch(/<(?:iframe|object|embed|form|style|link|meta|base)\b/i)
  expect(html).not.toMatch(/\sstyle\s*=/i)
  // A local image path never climbs out of the page's folder, never is absolute and never names a hidden file.
  for (const [, local] of html.matchAll(/data-local-src="([^"]*)"/g)) {
    expect(local).not.toMatch(/(?:^|\/)\.|^\/|\\|:/)
  }
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

  it.each([
    ['a "complete" page\'s image', 'page_files/quay.jpg', 'page_files/quay.jpg'],
    ['a ./ path', './page_files/quay.png', 'page_files/quay.png'],
    ['a percent-encoded name', 'Harbour%20news_files/tide%20chart.webp', 'Harbour news_files/tide chart.webp'],
    ['a query and fragment', 'page_files/map.gif?v=2#top', 'page_files/map.gif'],
    ['an upper-case extension', 'page_files/PIER.JPEG', 'page_files/PIER.JPEG'],
  ])('keeps %s as a checked local path', (_case, src, local) => {
    expect(sanitizeArticleHtml(`<img src="${src}" alt="Quay">`)).toBe(`<img alt="Quay" data-local-src="${local}" />`)
  })

  it.each([
    ['a parent folder', '../secrets/key.png'],
    ['an encoded parent folder', 'page_files/%2e%2e/%2e%2e/key.png'],
    ['a parent folder in the middle', 'page_files/../../key.png'],
    ['an absolute path', '/etc/passwd.png'],
    ['a file: URL', 'file:///home/user/photo.png'],
    ['a Windows path', 'C:\\Users\\photo.png'],
    ['a backslash', 'page_files\\..\\key.png'],
    ['a hidden file', 'page_files/.thumb.png'],
    ['a hidden folder', '.broadsheet/store/x.png'],
    ['a script', 'page_files/app.js'],
    ['an SVG', 'page_files/logo.svg'],
    ['an HTML file', 'page_files/frame.html'],
    ['a bad escape', 'page_files/%E0%A4%A.png'],
  ])('refuses %s as a local image', (_case, src) => {
    const html = sanitizeArticleHtml(`<img src="${src}" alt="Quay">`)
    expect(html).toBe('<img alt="Quay" />')
  })

  it('checks a data-local-src the page brings itself as strictly as a src', () => {
    expect(sanitizeArticleHtml('<img data-local-src="../../x.png" alt="X">')).toBe('<img alt="X" />')
    expect(sanitizeArticleHtml('<img data-local-src="a_files/x.png">')).toBe('<img data-local-src="a_files/x.png" />')
  })

  it('keeps the local path marked before Readability made src absolute, beside the remote address', () => {
    const { document } = parseHTML('<html><body><img src="page_files/quay.jpg" alt="Quay"></body></html>')
    markLocalImages(Array.from(document.querySelectorAll('img')))
    const img = document.querySelector('img')!
    img.setAttribute('src', 'https://news.example/page_files/quay.jpg')
    expect(sanitizeArticleHtml(document.body.innerHTML)).toBe(
      '<img alt="Quay" data-local-src="page_files/quay.jpg" data-src="https://news.example/page_files/quay.jpg" />',
    )
  })

  it.each(['png', 'jpeg', 'gif', 'webp', 'avif'])('keeps a data:image/%s image', (type) => {
    const src = `data:image/${type};base64,AAAA`
    expect(sanitizeArticleHtml(`<img src="${src}">`)).toBe(`<img src="${src}" />`)
  })

  it.each([
    ['an SVG', 'data:image/svg+xml;base64,PHN2Zz4='],
    ['HTML', 'data:text/html;base64,PHNjcmlwdD4='],
  ])('drops a data: URI holding %s', (_case, src) => {
    expect(sanitizeArticleHtml(`<img src="${src}" alt="Logo">`)).toBe('<img alt="Logo" />')
  })

  it('takes the real image of a lazy-loading page from data-src, dropping the pixel that stood in for it', () => {
    const html = sanitizeArticleHtml('<img src="data:image/gif;base64,R0lG" data-src="//cdn.example/b.jpg" alt="B">')
    expect(html).toBe('<img alt="B" data-src="https://cdn.example/b.jpg" />')
  })

  it('keeps a real data: image even when the page also names a remote copy', () => {
    const src = `data:image/png;base64,${'A'.repeat(400)}`
    const html = sanitizeArticleHtml(`<img src="${src}" data-src="https://cdn.example/b.png" alt="B">`)
    expect(html).toBe(`<img alt="B" src="${src}" data-src="https://cdn.example/b.png" />`)
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
      '<img src="page_files/a.png">',
      '<img src="../a.png">',
      '<img src="page_files/%2e%2e/a.png">',
      '<img data-local-src="./../.hidden/a.jpg">',
      '<img src="/abs/a.gif">',
      '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
      '<img src="data:text/html,<script>x()</script>">',
      '..',
      '/',
      '%2e',
    ]
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 25 }), (parts) => {
        expectInert(sanitizeArticleHtml(parts.join('')))
      }),
      { numRuns: 400 },
    )
  })
})
