import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { makeZip } from '../../fixtures/formats/warc/make-warc'

const QUAY_TEXT = 'The harbour board agreed on Tuesday to reopen the old quay to ferries from the first of June. '
const BUS_TEXT = 'The night bus now stops at the new hospital, the transport office said after a trial month. '

/** An Omnivore metadata item as its exporter writes it (labels as names, dates as ISO strings). */
function item(slug: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `id-${slug}`,
    slug,
    title: `Title of ${slug}`,
    description: 'A short description.',
    author: 'Ada Lovelace',
    url: `https://news.example/${slug}`,
    state: 'SUCCEEDED',
    readingProgress: 0,
    labels: [],
    savedAt: '2024-10-29T16:30:11.000Z',
    updatedAt: '2024-10-31T13:01:28.320Z',
    publishedAt: '2024-10-28T08:00:00.000Z',
    ...fields,
  }
}

/** Omnivore's reading HTML for one item (its readability output, wrapped in a page div). */
function content(text: string): string {
  return `<div class="page" id="readability-page-1"><p>${text.repeat(3)}</p><p>${text.repeat(2)}</p><script>alert(1)</script><img src="https://cdn.example/pic.jpg"></div>`
}

describe('parseOmnivoreZip', () => {
  it('gives one article per item with its provenance, and its labels and state as links', async () => {
    const zip = await makeZip({
      'metadata_0_to_3.json': JSON.stringify([
        item('quay-reopens', { labels: ['harbour', 'ferries'], state: 'ARCHIVED' }),
        item('lost-item'),
        item('night-bus', { labels: [{ name: 'buses' }], readingProgress: 100, author: 'By Grace Hopper' }),
      ]),
      'content/quay-reopens.html': content(QUAY_TEXT),
      'content/night-bus.html': content(BUS_TEXT),
    })
    const outcome = await parseFile(zip, 'omnivore-export.zip')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.warnings).toEqual([
      'metadata_0_to_3.json item 2: "lost-item" has no content/lost-item.html in the export: skipped',
    ])
    expect(outcome.articles.map(({ index, article }) => [index, article.title, article.author])).toEqual([
      [0, 'Title of quay-reopens', 'Ada Lovelace'],
      [2, 'Title of night-bus', 'Grace Hopper'],
    ])
    const quay = outcome.articles[0]!.article
    expect(quay).toMatchObject({
      url: 'https://news.example/quay-reopens',
      sourceUrl: 'https://news.example/quay-reopens',
      capturedAt: '2024-10-29T16:30:11.000Z',
      published: '2024-10-28T08:00:00.000Z',
    })
    expect(quay.text.startsWith('The harbour board agreed on Tuesday')).toBe(true)
    expect(quay.html).not.toContain('<script')
    expect(quay.html).not.toContain(' src="https://cdn.example')
    expect(outcome.links).toEqual([
      {
        url: 'https://news.example/quay-reopens',
        title: 'Title of quay-reopens',
        tags: ['harbour', 'ferries'],
        read: true,
        archived: true,
        savedAt: '2024-10-29T16:30:11.000Z',
      },
      {
        // No content, so no article; its link may still find the article elsewhere in the library.
        url: 'https://news.example/lost-item',
        title: 'Title of lost-item',
        tags: [],
        read: false,
        archived: false,
        savedAt: '2024-10-29T16:30:11.000Z',
      },
      {
        url: 'https://news.example/night-bus',
        title: 'Title of night-bus',
        tags: ['buses'],
        read: true,
        archived: false,
        savedAt: '2024-10-29T16:30:11.000Z',
      },
    ])
  })

  it('numbers items across metadata lists in their order, and reads an export zipped inside a folder', async () => {
    const zip = await makeZip({
      'export/metadata_2_to_4.json': JSON.stringify([item('c'), item('d')]),
      'export/metadata_0_to_2.json': JSON.stringify([item('a'), item('b')]),
      'export/content/a.html': content(QUAY_TEXT),
      'export/content/d.html': content(BUS_TEXT),
    })
    const outcome = await parseFile(zip, 'omnivore.zip')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles.map(({ index, article }) => [index, article.title])).toEqual([
      [0, 'Title of a'],
      [3, 'Title of d'],
    ])
    expect(outcome.warnings).toHaveLength(2)
  })

  it('leaves out an item whose content is over the size limit for one article, naming it', async () => {
    const zip = await makeZip({
      'metadata_0_to_2.json': JSON.stringify([item('big'), item('small')]),
      'content/big.html': `<p>${'x'.repeat(3000)}</p>`,
      'content/small.html': `<p>${QUAY_TEXT}</p>`,
    })
    const outcome = await parseFile(zip, 'omnivore.zip', { maxBytes: 2048 })
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles.map(({ article }) => article.title)).toEqual(['Title of small'])
    expect(outcome.warnings).toEqual([
      'metadata_0_to_2.json item 1: content/big.html: file is 2.9 KB, over the 2 KB limit: skipped',
    ])
  })

  it('says when highlights are left out', async () => {
    const zip = await makeZip({
      'metadata_0_to_1.json': JSON.stringify([item('quay')]),
      'content/quay.html': content(QUAY_TEXT),
      'highlights/quay.md': '> the old quay to ferries \n\n#harbour',
    })
    const outcome = await parseFile(zip, 'omnivore.zip')
    expect(outcome.ok && outcome.warnings).toEqual(["1 highlights file not imported (Omnivore's own notes)"])
  })

  it('refuses a ZIP that is no Omnivore export, with the reason', async () => {
    const zip = await makeZip({ 'notes/readme.txt': 'hello', 'content/page.html': content(QUAY_TEXT) })
    expect(await parseFile(zip, 'photos.zip')).toEqual({ ok: false, reason: 'ZIP holds no Omnivore metadata_*.json' })
  })

  it('refuses a file that is not a ZIP at all', async () => {
    const outcome = await parseFile(new TextEncoder().encode('plain words, not an archive'), 'omnivore.zip')
    expect(!outcome.ok && outcome.reason).toMatch(/^not a readable ZIP archive \(/)
  })

  it('fails with the items’ problems when none of them has content', async () => {
    const zip = await makeZip({
      'metadata_0_to_1.json': JSON.stringify([item('gone', { url: undefined })]),
      'metadata_1_to_2.json': '{"broken": ',
    })
    const outcome = await parseFile(zip, 'omnivore.zip')
    expect(!outcome.ok && outcome.reason).toMatch(
      /^no readable items in the Omnivore export \(metadata_0_to_1\.json item 1: "gone" has no content\/gone\.html in the export: skipped; metadata_1_to_2\.json: not valid JSON/,
    )
  })

  it('gives the links of an export whose items have no content, as a link export', async () => {
    const zip = await makeZip({
      'metadata_0_to_2.json': JSON.stringify([item('quay', { state: 'ARCHIVED' }), item('bus')]),
      'content/bus.html': '',
    })
    const outcome = await parseFile(zip, 'omnivore.zip')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles).toEqual([])
    expect(outcome.links?.map((link) => [link.url, link.archived])).toEqual([
      ['https://news.example/quay', true],
      ['https://news.example/bus', false],
    ])
    expect(outcome.warnings).toEqual([
      'metadata_0_to_2.json item 1: "quay" has no content/quay.html in the export: skipped',
      'metadata_0_to_2.json item 2: "bus": no text in content/bus.html: skipped',
    ])
  })

  it('still reads Omnivore metadata saved as plain JSON, one article per item', async () => {
    const json = JSON.stringify([item('quay', { description: QUAY_TEXT }), item('bus', { description: BUS_TEXT })])
    const outcome = await parseFile(new TextEncoder().encode(json), 'omnivore.json')
    expect(outcome.ok && outcome.articles.map(({ article }) => [article.title, article.url])).toEqual([
      ['Title of quay', 'https://news.example/quay'],
      ['Title of bus', 'https://news.example/bus'],
    ])
  })
})
