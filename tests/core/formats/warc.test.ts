import { brotliCompressSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseFile } from '../../../electron/core/formats/index'
import type { ParseOutcome } from '../../../electron/core/formats/types'
import { bytesStream, parseWarc } from '../../../electron/core/formats/warc'
import { makeWarc, page, PNG, type RecordSpec } from '../../fixtures/formats/warc/make-warc'

const HTML = { 'Content-Type': 'text/html; charset=utf-8' }

function ok(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`expected articles, got: ${outcome.reason}`)
  return outcome
}

/** A record whose raw HTTP body is given as is (chunked or compressed by hand). */
const raw = (url: string, headers: Record<string, string>, body: Uint8Array | string): RecordSpec => ({
  url,
  headers,
  body,
})

describe('parseWarc', () => {
  it('makes articles of readable pages only and counts every skipped record in one warning', async () => {
    const bytes = await makeWarc([
      { type: 'warcinfo', url: '', body: 'software: test\r\n' },
      { type: 'request', url: 'https://news.example/a', headers: { Host: 'news.example' } },
      { url: 'https://news.example/a', body: page('Ferry timetable') },
      { url: 'https://news.example/site.css', headers: { 'Content-Type': 'text/css' }, body: 'p{}' },
      { url: 'https://news.example/robots.txt', headers: { 'Content-Type': 'text/plain' }, body: 'User-agent: *' },
      { url: 'https://news.example/old', status: 301, headers: { Location: 'https://news.example/a' } },
      { url: 'https://news.example/gone', status: 404, headers: HTML, body: page('Not found') },
      { url: 'https://news.example/empty', body: '<html><body><nav>Home</nav></body></html>' },
      { url: 'https://news.example/b', body: page('Bridge repairs') },
    ])
    const outcome = ok(await parseFile(bytes, 'crawl.warc'))
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Ferry timetable', 'Bridge repairs'])
    expect(outcome.warnings).toEqual([
      'WARC: 9 records, 2 articles, 7 skipped: 2 resources, 1 not readable, 1 redirects, 1 errors, 1 requests, 1 metadata',
    ])
  })

  it('keeps where and when each page was captured, apart from its own URL and date', async () => {
    const bytes = await makeWarc([
      { url: 'https://news.example/2024/ferry', date: '2024-03-05T10:20:30Z', body: page('Ferry timetable') },
    ])
    const { article } = ok(await parseFile(bytes, 'crawl.warc')).articles[0]!
    expect(article.sourceUrl).toBe('https://news.example/2024/ferry')
    expect(article.capturedAt).toBe('2024-03-05T10:20:30.000Z')
  })

  it('gives each article the same index every time: its record number in the archive', async () => {
    const bytes = await makeWarc([
      { url: 'https://news.example/x.css', headers: { 'Content-Type': 'text/css' }, body: 'p{}' },
      { url: 'https://news.example/a', body: page('First story') },
      { url: 'https://news.example/b', body: page('Second story') },
    ])
    const first = ok(await parseFile(bytes, 'crawl.warc')).articles.map((a) => a.index)
    const second = ok(await parseFile(bytes, 'crawl.warc')).articles.map((a) => a.index)
    expect(first).toEqual([1, 2])
    expect(second).toEqual(first)
  })

  it('reads gzipped archives (.warc.gz) record by record', async () => {
    const bytes = await makeWarc(
      [
        { url: 'https://news.example/a', body: page('Ferry timetable') },
        { url: 'https://news.example/b', body: page('Bridge repairs') },
      ],
      { gzip: true },
    )
    expect(ok(await parseFile(bytes, 'crawl.warc.gz')).articles).toHaveLength(2)
  })

  it('skips revisit records without breaking the walk', async () => {
    const bytes = await makeWarc([
      { url: 'https://news.example/a', body: page('Ferry timetable') },
      { type: 'revisit', url: 'https://news.example/a', headers: {} },
      { url: 'https://news.example/b', body: page('Bridge repairs') },
    ])
    const outcome = ok(await parseFile(bytes, 'crawl.warc'))
    expect(outcome.articles).toHaveLength(2)
    expect(outcome.warnings[0]).toContain('1 revisits')
  })

  it('reads chunked and gzip-encoded HTTP bodies', async () => {
    const html = page('Chunked story')
    const chunked = `${(1000).toString(16)}\r\n${html.slice(0, 1000)}\r\n${(html.length - 1000).toString(16)}\r\n${html.slice(1000)}\r\n0\r\n\r\n`
    const bytes = await makeWarc([
      raw('https://news.example/c', { ...HTML, 'Transfer-Encoding': 'chunked' }, chunked),
      raw('https://news.example/g', { ...HTML, 'Content-Encoding': 'gzip' }, gzipSync(page('Gzipped story'))),
    ])
    const titles = ok(await parseFile(bytes, 'crawl.warc')).articles.map((a) => a.article.title)
    expect(titles).toEqual(['Chunked story', 'Gzipped story'])
  })

  it('reads Brotli-encoded HTTP bodies, as browser crawls store them', async () => {
    const bytes = await makeWarc([
      raw('https://news.example/b', { ...HTML, 'Content-Encoding': 'br' }, brotliCompressSync(page('Brotli story'))),
    ])
    const { article } = ok(await parseFile(bytes, 'crawl.warc')).articles[0]!
    expect(article.title).toBe('Brotli story')
    expect(article.text).toContain('Paragraph 1 of Brotli story')
  })

  it('reads WARC/0.17 and WARC/1.0 headers', async () => {
    const v10 = await makeWarc([{ url: 'https://news.example/a', body: page('Old crawl') }], { version: 'WARC/1.0' })
    const v017 = new TextEncoder().encode(
      new TextDecoder('latin1').decode(v10).replace(/^WARC\/1\.0\r\n/gm, 'WARC/0.17\r\n'),
    )
    expect(new TextDecoder().decode(v017).startsWith('WARC/0.17')).toBe(true)
    expect(ok(await parseFile(v10, 'old.warc')).articles[0]!.article.title).toBe('Old crawl')
    expect(ok(await parseFile(v017, 'old.warc')).articles[0]!.article.title).toBe('Old crawl')
  })

  it('finds the next record when a writer ends one with fewer than the two CRLFs', async () => {
    const one = await makeWarc([{ url: 'https://news.example/a', body: page('First story') }])
    const two = await makeWarc([{ url: 'https://news.example/b', body: page('Second story') }])
    const cut = (bytes: Uint8Array, n: number) => bytes.subarray(0, bytes.length - n)
    // Heritrix's WARC/0.17 files: none at all; a replayweb.page WACZ: one, in its own gzip member.
    const plain = Buffer.concat([cut(one, 4), two])
    const gzipped = Buffer.concat([gzipSync(cut(one, 2)), gzipSync(two)])
    for (const [bytes, name] of [
      [plain, 'crawl.warc'],
      [gzipped, 'crawl.warc.gz'],
    ] as const) {
      const titles = ok(await parseFile(bytes, name)).articles.map((a) => a.article.title)
      expect(titles).toEqual(['First story', 'Second story'])
    }
  })

  it('reads a page without a doctype or an article element, its images resolved against the captured address', async () => {
    const html = page('Shortwave log', ['pics/radio.png'])
      .replace('<!DOCTYPE html>', '')
      .replace(/<\/?article>/g, '')
    const bytes = await makeWarc([
      { url: 'https://radio.example/logs/index.htm', headers: { 'Content-Type': 'text/html' }, body: html },
      { url: 'https://radio.example/logs/pics/radio.png', headers: { 'Content-Type': 'image/png' }, body: PNG },
    ])
    const { article } = ok(await parseFile(bytes, 'radio.warc')).articles[0]!
    expect(article.title).toBe('Shortwave log')
    expect(article.html).toContain('src="data:image/png;base64,')
  })

  it('decodes a page by its HTTP charset', async () => {
    const text = 'Городской совет обсудил новое расписание паромов и выслушал жителей. '.repeat(8)
    const html = `<html><head><title>Паром</title></head><body><article><h1>Паром</h1><p>${text}</p><p>${text}</p></article></body></html>`
    const cp1251 = Buffer.from(
      [...html].map((ch) => {
        const code = ch.charCodeAt(0)
        if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
        return code
      }),
    )
    const bytes = await makeWarc([
      raw('https://news.example/ru', { 'Content-Type': 'text/html; charset=windows-1251' }, cp1251),
    ])
    expect(ok(await parseFile(bytes, 'ru.warc')).articles[0]!.article.text).toContain('Городской совет')
  })

  it('inlines the images a page names, from the archive, and no others', async () => {
    const bytes = await makeWarc([
      {
        url: 'https://news.example/2024/a',
        body: page('Ferry timetable', ['../img/ferry.png', 'https://cdn.example/missing.png']),
      },
      { url: 'https://news.example/img/ferry.png', headers: { 'Content-Type': 'image/png' }, body: PNG },
      { url: 'https://news.example/img/unused.png', headers: { 'Content-Type': 'image/png' }, body: PNG },
    ])
    const html = ok(await parseFile(bytes, 'crawl.warc')).articles[0]!.article.html!
    const srcs = [...html.matchAll(/<img[^>]*>/g)].map((m) => /\ssrc="([^"]*)"/.exec(m[0])?.[1] ?? null)
    expect(srcs).toEqual([`data:image/png;base64,${Buffer.from(PNG).toString('base64')}`, null])
    expect(html).toContain('data-src="https://cdn.example/missing.png"')
    expect(html).not.toContain('data-local-src')
  })

  it('leaves out images over the per-image limit and says so', async () => {
    const big = new Uint8Array(3 * 1024 * 1024)
    big.set(PNG)
    const bytes = await makeWarc([
      { url: 'https://news.example/a', body: page('Ferry timetable', ['big.png']) },
      { url: 'https://news.example/big.png', headers: { 'Content-Type': 'image/png' }, body: big },
    ])
    const outcome = ok(await parseFile(bytes, 'crawl.warc'))
    expect(outcome.articles[0]!.article.html).not.toContain('src="data:')
    expect(outcome.warnings).toContain('WARC: 1 images over the size limit left out')
  })

  it('stops inlining an article’s images at its cap and says so', async () => {
    const bytes = await makeWarc([
      { url: 'https://news.example/a', body: page('Ferry timetable', ['one.png', 'two.png']) },
      { url: 'https://news.example/one.png', headers: { 'Content-Type': 'image/png' }, body: PNG },
      { url: 'https://news.example/two.png', headers: { 'Content-Type': 'image/png' }, body: PNG },
    ])
    const uri = `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`
    const outcome = ok(
      await parseWarc(bytesStream(bytes), { maxRecordBytes: 1_000_000, maxArticleImageBytes: uri.length + 10 }),
    )
    expect(outcome.articles[0]!.article.html!.split('src="data:').length - 1).toBe(1)
    expect(outcome.warnings).toContain('record 1: images left out, over the limit of image bytes per article')
  })

  it('keeps the records before a truncated gzip stream and says where it ends', async () => {
    const bytes = await makeWarc(
      [
        { url: 'https://news.example/a', body: page('Ferry timetable') },
        { url: 'https://news.example/b', body: page('Bridge repairs') },
        { url: 'https://news.example/c', body: page('Canal works') },
      ],
      { gzip: true },
    )
    const outcome = ok(await parseFile(bytes.subarray(0, bytes.length - 200), 'crawl.warc.gz'))
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Ferry timetable', 'Bridge repairs'])
    expect(outcome.warnings[0]).toBe('the gzip stream ends early after 2 records; the records read so far are kept')
  })

  it('says where a plain archive is cut off, keeping the records before it', async () => {
    const bytes = await makeWarc([
      { url: 'https://news.example/a', body: page('Ferry timetable') },
      { url: 'https://news.example/x.css', headers: { 'Content-Type': 'text/css' }, body: 'p{}'.repeat(400) },
    ])
    const outcome = ok(await parseFile(bytes.subarray(0, bytes.length - 300), 'crawl.warc'))
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Ferry timetable'])
    expect(outcome.warnings[0]).toBe('the archive ends early inside record 2; the records read so far are kept')
  })

  it('refuses a file that is not a WARC, with the reason', async () => {
    const outcome = await parseFile(new TextEncoder().encode('hello\r\nthis is not an archive\r\n\r\n'), 'x.warc')
    expect(outcome).toEqual({ ok: false, reason: 'not a WARC file (no WARC/1.x header)' })
  })

  it('caps each record, not the archive, by the size limit', async () => {
    const bytes = await makeWarc([
      { url: 'https://news.example/a', body: page('Ferry timetable') },
      { url: 'https://news.example/long', body: page('Very long story', [], 400) },
    ])
    const outcome = ok(await parseFile(bytes, 'crawl.warc', { maxBytes: 20_000 }))
    expect(bytes.length).toBeGreaterThan(20_000)
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Ferry timetable'])
    expect(outcome.warnings[0]).toContain('1 too large')
  })
})

/** A tag or section page: each item a heading linking to a story, its byline and its first paragraphs. */
function listing(tag: string, stories: string[]): string {
  const items = stories.map(
    (
      story,
    ) => `<div class="node node-teaser"><h2 class="node-title"><a href="/post/${story.toLowerCase().replace(/\W+/g, '-')}">${story}</a></h2>
<div class="meta">post by <a href="/profile/ana">Ana Ruiz</a> on April 11, 2024</div>
<div class="content"><p>${story}: the harbour council met on Tuesday to weigh the new ferry timetable, and members of the public spoke for and against the change at length before the vote was put off.</p>
<p>Officials said the crossings would run every half hour through the summer, with a later last boat on Fridays and Saturdays.</p></div>
<div class="read-more"><a href="/post/${story.toLowerCase().replace(/\W+/g, '-')}">Read</a></div></div>`,
  )
  return `<!DOCTYPE html><html><head><title>${tag} | Harbour News</title></head><body><div id="content"><h1 class="title">${tag}</h1>${items.join('\n')}</div></body></html>`
}

describe('parseWarc listing pages', () => {
  it('skips tag and section pages of story teasers, counting them, and keeps the stories', async () => {
    const related = `<aside><h3><a href="/post/bridge-repairs">Bridge repairs begin on the east span next month</a></h3><p>Work starts in spring.</p></aside>`
    const story = page('Ferry timetable').replace('</article>', `</article>${related}`)
    const bytes = await makeWarc([
      { url: 'https://news.example/post/ferry-timetable', body: story },
      { url: 'https://news.example/tag/ferries', body: listing('Ferries', ['Ferry timetable', 'Night boats return']) },
      { url: 'https://news.example/tag/timetables', body: listing('Timetables', ['Ferry timetable']) },
      { url: 'https://news.example/post/bridge-repairs', body: page('Bridge repairs') },
    ])
    const outcome = ok(await parseFile(bytes, 'crawl.warc'))
    expect(outcome.articles.map((a) => a.article.title)).toEqual(['Ferry timetable', 'Bridge repairs'])
    expect(outcome.warnings).toEqual(['WARC: 4 records, 2 articles, 2 skipped: 2 listing pages'])
  })

  it('keeps a post whose title links to the post itself', async () => {
    const post = page('Ferry timetable').replace(
      '<h1>Ferry timetable</h1>',
      '<h1><a href="https://news.example/post/ferry-timetable#top">Ferry timetable</a></h1>',
    )
    const bytes = await makeWarc([{ url: 'https://news.example/post/ferry-timetable', body: post }])
    expect(ok(await parseFile(bytes, 'crawl.warc')).articles.map((a) => a.article.title)).toEqual(['Ferry timetable'])
  })

  it('refuses a one-page archive whose page is a listing', async () => {
    const bytes = await makeWarc([
      { url: 'https://news.example/tag/ferries', body: listing('Ferries', ['Ferry timetable', 'Night boats return']) },
    ])
    const outcome = await parseFile(bytes, 'crawl.warc')
    expect(!outcome.ok && outcome.reason).toBe(
      'no readable articles in the archive (WARC: 1 records, 0 articles, 1 skipped: 1 listing pages)',
    )
  })

  it('keeps a roundup whose sections are headed by links to other sites', async () => {
    const sections = ['Ferry timetable', 'Night boats return', 'Bridge repairs'].map(
      (story, i) => `<section><h2><a href="https://other-paper${i}.example/${i}">${story} in the other papers</a></h2>
<p>${story}: the harbour council met on Tuesday to weigh the new ferry timetable, and members of the public spoke for and against the change at length.</p></section>`,
    )
    const roundup = `<!DOCTYPE html><html><head><title>This week's harbour reading</title></head><body><article><h1>This week's harbour reading</h1>${sections.join('\n')}</article></body></html>`
    const bytes = await makeWarc([{ url: 'https://news.example/post/reading', body: roundup }])
    const outcome = ok(await parseFile(bytes, 'crawl.warc'))
    expect(outcome.articles.map((a) => a.article.title)).toEqual(["This week's harbour reading"])
  })
})
