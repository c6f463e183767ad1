import { writeFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type OpenedLibrary } from '../../../electron/core/library/library'
import { normaliseUrl } from '../../../electron/core/library/links'
import { makeZip } from '../../fixtures/formats/warc/make-warc'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let src: TempDir
let library: OpenedLibrary

beforeEach(async () => {
  lib = makeTempDir()
  src = makeTempDir()
  library = await openLibrary(lib.root)
})

afterEach(async () => {
  await library.close()
  lib.remove()
  src.remove()
})

const path = (rel: string) => ({ kind: 'path' as const, path: src.path(rel) })

/** A saved page whose canonical address is `url`. */
function page(title: string, url: string): string {
  const body = `${title} was decided by the council after a long evening of debate about the harbour. `.repeat(6)
  return `<!doctype html><html><head><title>${title}</title><link rel="canonical" href="${url}"></head><body><article><h1>${title}</h1><p>${body}</p><p>${body}</p></article></body></html>`
}

const POCKET_HEADER = 'title,url,time_added,tags,status'

describe('read-later links', () => {
  it('gives a Pocket link its article tags, read state and saved time, and counts the rest', async () => {
    src.write('harbour.html', page('Harbour plan approved', 'https://news.example.org/harbour-plan/'))
    const [article] = await library.import([path('harbour.html')])
    const id = article!.articles[0]!
    src.write(
      'pocket.csv',
      [
        POCKET_HEADER,
        'Harbour plan,HTTPS://News.Example.org/harbour-plan?utm_source=feed#top,1700000000,council|harbour,archive',
        'Elsewhere,https://other.example.net/story,1700000100,,unread',
      ].join('\n'),
    )
    const [result] = await library.import([path('pocket.csv')])
    expect(result!.status).toBe('imported')
    expect(result!.articles).toEqual([])
    expect(result!.warnings).toContain(
      '1 link matched articles; 1 link only, no text (https://other.example.net/story)',
    )
    expect(library.state(id)).toEqual({
      read: true,
      starred: false,
      archived: true,
      tags: ['council', 'harbour'],
      savedAt: new Date(1700000000 * 1000).toISOString(),
    })
    // The export itself is kept, and is no "unreadable file".
    expect(lib.read('pocket.csv')).toBe(src.read('pocket.csv'))
    expect(library.info().notices.map((n) => n.code)).not.toContain('scan-failed')
  })

  it('merges tags with those the article already has and keeps them across a reopen', async () => {
    src.write('harbour.html', page('Harbour plan approved', 'https://news.example.org/harbour-plan'))
    const id = (await library.import([path('harbour.html')]))[0]!.articles[0]!
    await library.setState(id, { tags: ['local'] })
    src.write(
      'pocket.csv',
      `${POCKET_HEADER}\nHarbour,https://news.example.org/harbour-plan/,1700000000,local|ports,unread\n`,
    )
    await library.import([path('pocket.csv')])
    await library.close()
    library = await openLibrary(lib.root)
    expect(library.state(id)).toMatchObject({ read: false, tags: ['local', 'ports'] })
  })

  it('gives a Wallabag export its own tags and archived state', async () => {
    const body = 'The night bus now stops at the new hospital, the transport office said on Tuesday. '.repeat(4)
    const entry = {
      title: 'Night bus reaches the hospital',
      url: 'https://buses.example.org/night',
      is_archived: true,
      created_at: '2024-05-01T10:00:00Z',
      content: `<p>${body}</p>`,
      tags: [{ label: 'buses' }],
    }
    src.write('wallabag.json', JSON.stringify([entry]))
    const [result] = await library.import([path('wallabag.json')])
    expect(result!.status).toBe('imported')
    expect(result!.warnings).toContain('1 link matched articles; 0 link only, no text')
    expect(library.state(result!.articles[0]!)).toMatchObject({ read: true, archived: true, tags: ['buses'] })
  })

  it('applies a re-imported export again without keeping a second copy of it', async () => {
    src.write(
      'pocket.csv',
      `${POCKET_HEADER}\nHarbour,https://news.example.org/harbour-plan,1700000000,ports,archive\n`,
    )
    const [first] = await library.import([path('pocket.csv')])
    expect(first!.warnings).toEqual([
      '0 links matched articles; 1 link only, no text (https://news.example.org/harbour-plan)',
    ])
    // The article arrives after the export: importing the export again gives it the link's state.
    src.write('harbour.html', page('Harbour plan approved', 'https://news.example.org/harbour-plan'))
    const id = (await library.import([path('harbour.html')]))[0]!.articles[0]!
    src.write('again/pocket.csv', src.read('pocket.csv'))
    const [again] = await library.import([path('again/pocket.csv')])
    expect(again).toEqual({
      file: src.path('again/pocket.csv'),
      status: 'duplicate',
      articles: [],
      warnings: [
        'already in the library as pocket.csv: its links are applied again',
        '1 link matched articles; 0 link only, no text',
      ],
    })
    expect(library.state(id)).toMatchObject({ archived: true, tags: ['ports'] })
    expect(lib.exists('pocket (2).csv')).toBe(false)
    expect(lib.exists('again')).toBe(false)
  })

  it('knows an export imported before the library was last closed', async () => {
    src.write('pocket.csv', `${POCKET_HEADER}\nHarbour,https://news.example.org/harbour-plan,1700000000,,unread\n`)
    await library.import([path('pocket.csv')])
    await library.close()
    library = await openLibrary(lib.root)
    const [again] = await library.import([path('pocket.csv')])
    expect(again!.status).toBe('duplicate')
    expect(lib.exists('pocket (2).csv')).toBe(false)
  })

  it('keeps one copy of an export given twice in one import, and applies it each time', async () => {
    const file = `${POCKET_HEADER}\nHarbour,https://news.example.org/harbour-plan,1700000000,,unread\n`
    src.write('a/pocket.csv', file)
    src.write('b/pocket.csv', file)
    const results = await library.import([path('a/pocket.csv'), path('b/pocket.csv')])
    expect(results.map((r) => r.status)).toEqual(['imported', 'duplicate'])
    expect(results[1]!.warnings[0]).toBe('already in the library as pocket.csv: its links are applied again')
    expect(lib.exists('pocket (2).csv')).toBe(false)
  })

  it('imports an Omnivore export ZIP with its labels and archived state on each article', async () => {
    const body = 'The night bus now stops at the new hospital, the transport office said on Tuesday. '.repeat(4)
    const metadata = [
      {
        slug: 'night-bus',
        title: 'Night bus reaches the hospital',
        url: 'https://buses.example.org/night',
        state: 'ARCHIVED',
        labels: ['buses'],
        savedAt: '2024-05-01T10:00:00.000Z',
      },
    ]
    const zip = await makeZip({
      'metadata_0_to_1.json': JSON.stringify(metadata),
      'content/night-bus.html': `<div class="page"><p>${body}</p></div>`,
    })
    writeFileSync(src.path('omnivore.zip'), zip)
    const [result] = await library.import([path('omnivore.zip')])
    expect(result!.status).toBe('imported')
    expect(result!.warnings).toEqual(['1 link matched articles; 0 link only, no text'])
    const id = result!.articles[0]!
    expect(library.state(id)).toMatchObject({
      read: true,
      archived: true,
      tags: ['buses'],
      savedAt: '2024-05-01T10:00:00.000Z',
    })
    expect(await library.get(id)).toMatchObject({
      sourceUrl: 'https://buses.example.org/night',
      capturedAt: '2024-05-01T10:00:00.000Z',
    })
  })

  it('normalises addresses: scheme and host case, trailing slash, utm parameters and fragment', () => {
    expect(normaliseUrl('HTTPS://Example.ORG/a/b/?utm_medium=x&id=3#p2')).toBe('https://example.org/a/b?id=3')
    expect(normaliseUrl('not a url')).toBeNull()
  })
})
