import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { readPocketHtml } from '../../../electron/core/formats/pocket-html'

const bytes = (text: string) => new TextEncoder().encode(text)

/** A page shaped as Pocket writes `ril_export.html`, with the given Unread and Read Archive items. */
function pocketExport(unread: string[], archive: string[], title = 'Pocket Export'): string {
  const list = (items: string[]) => items.map((item) => `\t\t\t<li>${item}</li>`).join('\n')
  return [
    '<!DOCTYPE html>',
    '<html>',
    '\t<!--So long and thanks for all the fish-->',
    '\t<head>',
    '\t\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />',
    `\t\t<title>${title}</title>`,
    '\t</head>',
    '\t<body>',
    '\t\t<h1>Unread</h1>',
    '\t\t<ul>',
    list(unread),
    '\t\t</ul>',
    '',
    '\t\t<h1>Read Archive</h1>',
    '\t\t<ul>',
    list(archive),
    '\t\t</ul>',
    '\t</body>',
    '</html>',
  ].join('\n')
}

const QUAY = '<a href="https://example.test/quay" time_added="1700000000" tags="harbour,local">The quay reopens</a>'
const BAKERY = '<a href="https://example.test/bakery" time_added="1700000100" tags="">Bakery on Mill Street</a>'

describe('readPocketHtml', () => {
  it('reads the saved links with their tags, saved time, and Read Archive as archived', async () => {
    const outcome = await parseFile(bytes(pocketExport([QUAY], [BAKERY])), 'ril_export.html')
    expect(outcome).toEqual({
      ok: true,
      articles: [],
      warnings: [],
      links: [
        {
          url: 'https://example.test/quay',
          title: 'The quay reopens',
          tags: ['harbour', 'local'],
          read: false,
          archived: false,
          savedAt: new Date(1700000000 * 1000).toISOString(),
        },
        {
          url: 'https://example.test/bakery',
          title: 'Bakery on Mill Street',
          tags: [],
          read: true,
          archived: true,
          savedAt: new Date(1700000100 * 1000).toISOString(),
        },
      ],
    })
  })

  it('says an export with empty lists holds no links', () => {
    expect(readPocketHtml(pocketExport([], []))).toEqual({
      ok: false,
      reason: 'Pocket export without links (its Unread and Read Archive lists are empty)',
    })
  })

  const paragraph = '<p>The council met on Tuesday and agreed to reopen the quay for the summer season.</p>'
  it.each([
    ['a page titled otherwise', pocketExport([QUAY], [BAKERY], 'My reading list')],
    ['a link without time_added', pocketExport([QUAY, '<a href="https://example.test/x">Elsewhere</a>'], [])],
    ['an item holding more than its link', pocketExport([`${QUAY} (recommended)`], [])],
    ['a heading other than Unread or Read Archive', pocketExport([QUAY], []).replace('Read Archive', 'Favourites')],
    [
      'a paragraph beside the lists',
      pocketExport([QUAY], []).replace('<h1>Unread</h1>', `${paragraph}<h1>Unread</h1>`),
    ],
  ])('never takes %s for an export', (_case, html) => {
    expect(readPocketHtml(html)).toBeNull()
  })

  it('reads an article about Pocket exports, with its list of links, as an article', async () => {
    const body = 'Pocket lets readers export their saved links as one page, and this guide shows how to do it. '
    const html = [
      '<!doctype html><html><head><title>Pocket Export</title></head><body><article>',
      `<h1>Pocket Export</h1><p>${body.repeat(5)}</p>`,
      `<h2>Unread</h2><ul><li>${QUAY}</li><li>${BAKERY}</li></ul><p>${body.repeat(4)}</p>`,
      '</article></body></html>',
    ].join('')
    const outcome = await parseFile(bytes(html), 'pocket-guide.html')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.links).toBeUndefined()
    expect(outcome.articles).toHaveLength(1)
    expect(outcome.articles[0]!.article.text).toContain('this guide shows how to do it')
  })
})
