import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import { makeWarc, makeZip, page, PNG } from '../../fixtures/formats/warc/make-warc'

const PAGES = [
  '{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}',
  '{"id": "1", "url": "https://news.example/a", "title": "Ferry timetable", "ts": "2024-03-05T10:20:30Z"}',
].join('\n')

describe('parseWacz', () => {
  it('reads the WARCs under archive/ with their images, numbering records across them', async () => {
    const first = await makeWarc(
      [
        { url: 'https://news.example/a', body: page('Ferry timetable', ['/img/ferry.png']) },
        { url: 'https://news.example/img/ferry.png', headers: { 'Content-Type': 'image/png' }, body: PNG },
      ],
      { gzip: true },
    )
    const second = await makeWarc([{ url: 'https://news.example/b', body: page('Bridge repairs') }], { gzip: true })
    const wacz = await makeZip({
      'datapackage.json': '{}',
      'archive/data-1.warc.gz': first,
      'archive/data-2.warc.gz': second,
      'pages/pages.jsonl': PAGES,
    })
    const outcome = await parseFile(wacz, 'crawl.wacz')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles.map((a) => [a.index, a.article.title, a.article.sourceUrl])).toEqual([
      [0, 'Ferry timetable', 'https://news.example/a'],
      [2, 'Bridge repairs', 'https://news.example/b'],
    ])
    expect(outcome.articles[0]!.article.html).toContain('src="data:image/png;base64,')
    expect(outcome.warnings[0]).toBe('WACZ: 3 records, 2 articles, 1 skipped: 1 resources')
  })

  it('refuses a ZIP without an archive/ folder, with the reason', async () => {
    const zip = await makeZip({ 'pages/pages.jsonl': PAGES })
    expect(await parseFile(zip, 'crawl.wacz')).toEqual({ ok: false, reason: 'not a WACZ: no archive/ folder' })
  })

  it('refuses a file that is not a ZIP at all', async () => {
    const outcome = await parseFile(new TextEncoder().encode('just some text, not a zip'), 'crawl.wacz')
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.reason).toMatch(/^not a WACZ: not a ZIP archive/)
  })

  it('keeps the one short page of a single-page archive, not the short pages of a larger one', async () => {
    const short =
      '<html><head><title>Example notice</title></head><body><div><h1>Example notice</h1><p>This address is kept for examples in documents. You may use it in writing without asking first. More information lives elsewhere.</p></div></body></html>'
    const one = await makeZip({
      'archive/data.warc.gz': await makeWarc([{ url: 'https://example.test/', body: short }], { gzip: true }),
      'pages/pages.jsonl': PAGES,
    })
    const outcome = await parseFile(one, 'one.wacz')
    if (!outcome.ok) throw new Error(outcome.reason)
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Example notice'])
    expect(outcome.warnings[0]).toBe('WACZ: 1 records, 1 article, 0 skipped')

    const many = await makeZip({
      'archive/data.warc.gz': await makeWarc(
        [
          { url: 'https://example.test/', body: short },
          { url: 'https://example.test/b', body: short.replace(/Example notice/g, 'Second notice') },
        ],
        { gzip: true },
      ),
      'pages/pages.jsonl': PAGES,
    })
    const refused = await parseFile(many, 'many.wacz')
    expect(!refused.ok && refused.reason).toContain('2 not readable')
  })
})
