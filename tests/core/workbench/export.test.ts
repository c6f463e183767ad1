import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/core/library/library'
import type { Library } from '../../../electron/core/library/types'
import { openSearchIndex } from '../../../electron/core/search/search-index'
import type { SearchIndex } from '../../../electron/core/search/types'
import type { Stories } from '../../../electron/core/stories/types'
import { runExport, type ExportSources } from '../../../electron/core/workbench/export/index'
import { verifyExport } from '../../../electron/core/workbench/verify'
import type { ExportProgress, Highlight } from '../../../electron/shared/workbench'
import { ok } from '../../../electron/shared/result'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

const require = createRequire(import.meta.url)
const { Cite } = require('@citation-js/core') as { Cite: new (input: string) => { data: { title: string }[] } }
require('@citation-js/plugin-bibtex')
require('@citation-js/plugin-csl')

const PAGE = `<!doctype html><html><head><title>Quay &amp; port</title></head><body><article><h1>Quay &amp; port</h1>
<p>The quay was rebuilt after the storm and the harbour master said ships could dock again from Friday morning.</p>
<p>Fishermen welcomed the news but asked who would pay for the <b>&lt;script&gt;</b> repairs to the older piers.</p>
<img src="quay_files/photo.png"></article></body></html>`

let lib: TempDir
let dest: TempDir
let library: Library
let search: SearchIndex
let highlights: Highlight[]

function sources(patch: Partial<ExportSources> = {}): ExportSources {
  return {
    library,
    search,
    stories: null,
    highlightsOf: async (ids) => highlights.filter((h) => ids.includes(h.articleId)),
    savedIds: async () => ok(library.list().map((a) => a.id)),
    ...patch,
  }
}

const idOf = (p: string) => library.list().find((a) => a.path === p)!.id
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

beforeEach(async () => {
  lib = makeTempDir()
  dest = makeTempDir('broadsheet-export-')
  lib.write('harbour/port.txt', sampleText('River port opens', 'The new river port opened on Monday with two cranes.'))
  lib.write('ru/most.txt', sampleText('Мост открыт', 'Строительство моста через реку завершено.'))
  lib.write('pages/quay.html', PAGE)
  lib.write('pages/quay_files/photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))
  library = await openLibrary(lib.root)
  search = await openSearchIndex(library, { threads: 0 })
  await search.ready()
  const portId = idOf('harbour/port.txt')
  highlights = [
    {
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      articleId: portId,
      quote: 'river port',
      prefix: 'The new ',
      suffix: ' opened',
      range: [8, 18],
      status: 'exact',
      note: 'Check the date',
      tags: ['port'],
      created: '2024-06-01T00:00:00Z',
      modified: '2024-06-01T00:00:00Z',
    },
  ]
})

afterEach(async () => {
  await search.close()
  await library.close()
  lib.remove()
  dest.remove()
})

describe('runExport (evidence)', () => {
  it('writes originals byte for byte, the data files and a manifest that sha256sum -c accepts', async () => {
    const to = dest.path('bundle')
    const progress: ExportProgress[] = []
    const ids = library.list().map((a) => a.id)
    const result = await runExport(sources(), {
      selection: { kind: 'ids', ids },
      format: 'evidence',
      zip: false,
      to,
      onProgress: (p) => progress.push(p),
    })
    expect(result.ok && result.value.articles).toBe(3)
    expect(progress.at(-1)).toEqual({ done: 3, total: 3 })

    const files = dest.files().map((f) => f.replace(/^bundle\//, ''))
    expect(files).toEqual([
      'MANIFEST.sha256',
      'annotations.jsonl',
      'articles.jsonl',
      'citations.bib',
      'citations.json',
      'index.html',
      'originals/harbour/port.txt',
      'originals/pages/quay.html',
      'originals/pages/quay_files/photo.png',
      'originals/ru/most.txt',
    ])
    for (const rel of ['harbour/port.txt', 'pages/quay.html', 'pages/quay_files/photo.png', 'ru/most.txt']) {
      expect(fs.readFileSync(path.join(to, 'originals', rel))).toEqual(fs.readFileSync(lib.path(rel)))
    }
    const check = execFileSync('sha256sum', ['-c', 'MANIFEST.sha256'], { cwd: to, encoding: 'utf8' })
    expect(check.trim().split('\n')).toHaveLength(9)
    expect(check).not.toMatch(/FAILED/)

    const articles = fs
      .readFileSync(path.join(to, 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const ru = articles.find((a) => a.path === 'ru/most.txt')
    expect(ru.title).toBe('Мост открыт')
    expect(ru.original).toBe('originals/ru/most.txt')
    expect(ru.originalSha256).toBe(sha(fs.readFileSync(lib.path('ru/most.txt'))))
    expect(ru.changedSinceImport).toBe(false)
    expect(ru).toHaveProperty('disclaimers')
    expect(ru).toHaveProperty('flags')

    const [anno] = fs
      .readFileSync(path.join(to, 'annotations.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(anno.type).toBe('Annotation')
    expect(anno.body[0]).toMatchObject({ purpose: 'commenting', value: 'Check the date' })
    expect(anno.target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: 'river port' })
    expect(anno.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 8, end: 18 })

    const titles = (text: string) => new Cite(text).data.map((d) => d.title).sort()
    expect(titles(fs.readFileSync(path.join(to, 'citations.bib'), 'utf8'))).toEqual(
      ['Quay & port', 'River port opens', 'Мост открыт'].sort(),
    )
    expect(titles(fs.readFileSync(path.join(to, 'citations.json'), 'utf8'))).toEqual(
      ['Quay & port', 'River port opens', 'Мост открыт'].sort(),
    )

    const html = fs.readFileSync(path.join(to, 'index.html'), 'utf8')
    expect(html).not.toMatch(/<script|src=|https?:\/\/(?!www\.w3)/i)
    expect(html).toContain('Quay &#38; port')
    expect(html).toContain(sha(fs.readFileSync(lib.path('pages/quay.html'))))
    expect(html).toContain('href="originals/ru/most.txt"')
  })

  it('exports a search result, and packs a ZIP that verify accepts', async () => {
    const to = dest.path('port.zip')
    const result = await runExport(sources(), {
      selection: { kind: 'search', request: { query: 'port' } },
      format: 'evidence',
      zip: true,
      to,
    })
    expect(result.ok).toBe(true)
    expect(dest.files()).toEqual(['port.zip'])
    const report = await verifyExport(to)
    expect(report.ok && report.value.ok).toBe(true)
    if (!report.ok) return
    expect(report.value.matched).toContain('originals/harbour/port.txt')
    expect(report.value.matched).not.toContain('originals/ru/most.txt')
  })

  it('refuses a folder that is not empty and writes nothing', async () => {
    dest.write('bundle/notes.txt', 'mine')
    const result = await runExport(sources(), {
      selection: { kind: 'saved', name: 'all' },
      format: 'evidence',
      zip: false,
      to: dest.path('bundle'),
    })
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error.message).toBe(`${dest.path('bundle')} is not empty: choose an empty or new folder`)
    expect(dest.files({ hidden: true })).toEqual(['bundle/notes.txt'])
  })

  it('refuses a destination inside the library, whose watcher would read the copies back in', async () => {
    const result = await runExport(sources(), {
      selection: { kind: 'saved', name: 'all' },
      format: 'evidence',
      zip: false,
      to: lib.path('exports/bundle'),
    })
    expect(result.ok ? null : result.error.message).toBe(
      `${lib.path('exports/bundle')} is inside the library: choose a folder outside it`,
    )
    expect(lib.exists('exports')).toBe(false)
  })

  it('fills an empty folder the user chose', async () => {
    fs.mkdirSync(dest.path('empty'))
    const result = await runExport(sources(), {
      selection: { kind: 'ids', ids: [idOf('ru/most.txt')] },
      format: 'csv',
      zip: false,
      to: dest.path('empty'),
    })
    expect(result.ok).toBe(true)
    expect(dest.files()).toEqual(['empty/MANIFEST.sha256', 'empty/articles.csv'])
  })

  it('leaves nothing behind when it fails midway', async () => {
    const result = await runExport(
      sources({
        highlightsOf: async () => {
          throw new Error('disk went away')
        },
      }),
      { selection: { kind: 'ids', ids: [idOf('ru/most.txt')] }, format: 'evidence', zip: false, to: dest.path('b') },
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toMatch(/failed and was removed: disk went away/)
    expect(dest.files({ hidden: true })).toEqual([])
    expect(fs.readdirSync(dest.root)).toEqual([])
  })

  it('exports the members of a story, and says when the library has no stories', async () => {
    const portId = idOf('harbour/port.txt')
    const stories = { members: (id: string) => (id === 's1' ? [portId] : undefined) } as unknown as Stories
    const story = await runExport(sources({ stories }), {
      selection: { kind: 'story', story: 's1' },
      format: 'json',
      zip: false,
      to: dest.path('s'),
    })
    expect(story.ok && story.value.articles).toBe(1)
    const unknown = await runExport(sources({ stories }), {
      selection: { kind: 'story', story: 's9' },
      format: 'json',
      zip: false,
      to: dest.path('t'),
    })
    expect(unknown.ok ? null : unknown.error.message).toBe('no story with id "s9"')
    const none = await runExport(sources(), {
      selection: { kind: 'story', story: 's1' },
      format: 'json',
      zip: false,
      to: dest.path('u'),
    })
    expect(none.ok ? null : none.error.message).toBe('stories are not available for this library')
  })

  it('copies a file edited since import as it is now, and says it changed', async () => {
    const id = idOf('ru/most.txt')
    lib.write('ru/most.txt', sampleText('Мост открыт', 'Строительство моста через реку отложено.'))
    const to = dest.path('changed')
    await runExport(sources(), { selection: { kind: 'ids', ids: [id] }, format: 'evidence', zip: false, to })
    expect(fs.readFileSync(path.join(to, 'originals/ru/most.txt'))).toEqual(fs.readFileSync(lib.path('ru/most.txt')))
    const line = JSON.parse(fs.readFileSync(path.join(to, 'articles.jsonl'), 'utf8'))
    expect(line.changedSinceImport).toBe(true)
    expect(line.originalSha256).toBe(sha(fs.readFileSync(lib.path('ru/most.txt'))))
    expect(fs.readFileSync(path.join(to, 'index.html'), 'utf8')).toContain('The file changed since import')
  })

  it('names unknown ids instead of exporting part of a selection', async () => {
    const result = await runExport(sources(), {
      selection: { kind: 'ids', ids: ['nope'] },
      format: 'evidence',
      zip: false,
      to: dest.path('b'),
    })
    expect(result.ok ? null : result.error).toEqual({
      code: 'not-found',
      message: 'no article with id "nope" in the library',
    })
  })
})

describe('runExport (analysis)', () => {
  it('writes a CSV with a BOM, RFC 4180 quoting and one row per article', async () => {
    const to = dest.path('csv')
    const result = await runExport(sources(), {
      selection: { kind: 'ids', ids: [idOf('pages/quay.html'), idOf('ru/most.txt')] },
      format: 'csv',
      zip: false,
      to,
    })
    expect(result.ok).toBe(true)
    const csv = fs.readFileSync(path.join(to, 'articles.csv'), 'utf8')
    expect(csv.startsWith('\uFEFFid,title,site,author,published,capturedAt,url,language,flags,words,sha256\r\n')).toBe(
      true,
    )
    const rows = csv.slice(1).trimEnd().split('\r\n')
    expect(rows).toHaveLength(3)
    expect(rows[1]).toContain(',Quay & port,')
    expect(rows[2]).toContain(',Мост открыт,')
    expect(rows[2]!.endsWith(sha(fs.readFileSync(lib.path('ru/most.txt'))))).toBe(true)
  })

  it('writes JSON as one array of records', async () => {
    const to = dest.path('json')
    await runExport(sources(), { selection: { kind: 'saved', name: 'all' }, format: 'json', zip: false, to })
    const records = JSON.parse(fs.readFileSync(path.join(to, 'articles.json'), 'utf8'))
    expect(records.map((r: { title: string }) => r.title).sort()).toEqual(
      ['Quay & port', 'River port opens', 'Мост открыт'].sort(),
    )
    expect(Object.keys(records[0])).toEqual(
      expect.arrayContaining(['id', 'site', 'author', 'published', 'capturedAt', 'url', 'words', 'sha256', 'text']),
    )
  })

  it('writes one Markdown file per article with YAML front matter and Cyrillic names kept', async () => {
    const to = dest.path('md')
    await runExport(sources(), { selection: { kind: 'saved', name: 'all' }, format: 'markdown', zip: false, to })
    const names = fs.readdirSync(path.join(to, 'articles')).sort()
    const ruId = idOf('ru/most.txt')
    expect(names).toContain(`Мост открыт (${ruId.slice(0, 8)}).md`)
    const md = fs.readFileSync(path.join(to, 'articles', `Мост открыт (${ruId.slice(0, 8)}).md`), 'utf8')
    expect(md.startsWith(`---\ntitle: "Мост открыт"\nid: "${ruId}"\n`)).toBe(true)
    expect(md).toContain('\n---\n\n# Мост открыт\n\nСтроительство моста')
  })
})
