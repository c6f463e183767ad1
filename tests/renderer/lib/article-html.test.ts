import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { articleFragment } from '../../../renderer/lib/article-html'

const markup = (html: string, options?: Parameters<typeof articleFragment>[2]) => {
  const div = document.createElement('div')
  div.append(articleFragment(html, document, options))
  return div.innerHTML
}

describe('articleFragment', () => {
  it.each([
    ['<script>alert(1)</script><p>x</p>', '<p>x</p>'],
    ['<p onmouseover="alert(1)" style="color:red" class="a" id="b">x</p>', '<p>x</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="https://a.example/">x</a>', '<a href="https://a.example/" title="https://a.example/">x</a>'],
    ['<form action="https://a.example/"><input name="q"></form><p>x</p>', '<p>x</p>'],
    ['<svg><image href="https://a.example/i.png"/></svg><p>x</p>', '<p>x</p>'],
    [
      '<link rel="prefetch" href="https://a.example/"><meta http-equiv="refresh" content="0;url=https://a.example/">',
      '',
    ],
    ['<img src="data:image/png;base64,AAAA" alt="dot">', '<img src="data:image/png;base64,AAAA" alt="dot">'],
  ])('makes %j inert', (input, expected) => {
    expect(markup(input)).toBe(expected)
  })

  it('turns an image that is not stored offline into a labelled placeholder', () => {
    const out = markup('<img alt="Quay at night" title="Photo: harbour office" data-src="https://img.example/q.jpg">')
    expect(out).not.toContain('<img')
    expect(out).toContain('Image not stored offline')
    expect(out).toContain('Quay at night')
    expect(out).toContain('Photo: harbour office')
    expect(out).toContain('https://img.example/q.jpg')
  })

  it('draws an image stored beside the article through the URL the app gives for it', () => {
    const out = markup('<img alt="Map" data-local-src="page_files/map.png">', {
      localSource: (p) => `/media/${p}`,
    })
    expect(out).toContain('src="/media/page_files/map.png"')
    expect(markup('<img alt="Map" data-local-src="page_files/map.png">')).toContain('Image not stored offline')
  })

  it('never leaves script, handlers, javascript: or a remote source, whatever the input', () => {
    const piece = fc.constantFrom(
      '<script>x</script>',
      '<p onclick="x">',
      '<img src="https://t.example/a.png" onerror="x">',
      '<a href="javascript:x">',
      '<a href=" JAVASCRIPT:x">',
      '<iframe srcdoc="<script>x</script>">',
      '<object data="https://t.example/">',
      '<p style="background:url(https://t.example/)">',
      '<svg onload="x">',
      '<math><mi xlink:href="javascript:x">',
      '<img srcset="https://t.example/a.png 2x">',
      '</p>',
      'text',
      '<b>',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const out = markup(pieces.join(''))
        expect(out).not.toMatch(/<script|<iframe|<object|<svg|<math|\son\w+=|javascript:|style=|srcset=|src="https?:/i)
      }),
    )
  })
})
