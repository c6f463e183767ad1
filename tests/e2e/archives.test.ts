/**
 * Web archives in Chromium: a WARC holding a news page and its image is dropped into the reading room; the article
 * opens with its image drawn from the archive (a data: URI made at import), and no request leaves 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { makeWarc } from '../fixtures/formats/warc/make-warc'
import { solidPng } from '../helpers/png'
import { openReadingRoom, type ReadingRoom } from './support'

const TITLE = 'Lighthouse keeper retires after forty years'
const PHOTO = solidPng(48, 32, [20, 120, 90])

const paragraphs = Array.from(
  { length: 8 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: the keeper climbed the tower every evening, logged the weather by hand and kept the ` +
    'lamp turning through storms that closed the harbour for days at a time.</p>',
).join('\n')

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><article><h1>${TITLE}</h1>
<figure><img src="/photos/keeper.png" alt="The keeper at the lamp" width="48" height="32"></figure>
${paragraphs}
</article></body></html>`

describe('web archives in Chromium', () => {
  let room: ReadingRoom
  let page: Page
  let foreignRequests: string[]

  beforeAll(async () => {
    room = await openReadingRoom('archives')
    ;({ page, foreignRequests } = room)
    await page.getByRole('main').waitFor()
  })

  afterAll(async () => {
    await room?.close()
  })

  const list = () => page.getByRole('listbox', { name: 'Articles' })
  const articleImages = () => page.locator('[data-article-html] img')

  it('imports a dropped WARC as its one article', async () => {
    const warc = await makeWarc(
      [
        { url: 'https://coast-news.example/2024/keeper', body: PAGE },
        { url: 'https://coast-news.example/photos/keeper.png', headers: { 'Content-Type': 'image/png' }, body: PHOTO },
        { url: 'https://coast-news.example/site.css', headers: { 'Content-Type': 'text/css' }, body: 'p{}' },
      ],
      { gzip: true },
    )
    const results = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const api = (window as unknown as { broadsheet: import('../../electron/shared/ipc-contract').BroadsheetApi })
        .broadsheet
      const answer = await api.imports.dropped([
        { file: new File([bytes], 'coast.warc.gz'), relativePath: 'coast.warc.gz' },
      ])
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value.map((r) => ({ status: r.status, articles: r.articles.length, warnings: r.warnings }))
    }, Buffer.from(warc).toString('base64'))
    expect(results).toEqual([
      { status: 'imported', articles: 1, warnings: ['WARC: 3 records, 1 article, 2 skipped: 2 resources'] },
    ])
    await list().getByText(TITLE).waitFor()
  })

  it('draws the page’s image from the archive', async () => {
    await list().getByText(TITLE).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await expect
      .poll(() => articleImages().evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete)))
      .toBe(true)
    const widths = await articleImages().evaluateAll((imgs) =>
      imgs.map((img) => (img as HTMLImageElement).naturalWidth),
    )
    expect(widths).toEqual([48])
    expect(await articleImages().first().getAttribute('alt')).toBe('The keeper at the lamp')
  })

  it('sent no request anywhere but 127.0.0.1', () => {
    expect(foreignRequests).toEqual([])
  })
})
