import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/core/library/library'
import type { Library } from '../../../electron/core/library/types'
import { setLogSink } from '../../../electron/core/logger'
import { openSearchIndex } from '../../../electron/core/search/search-index'
import { openStoryGroups, storiesDir, type StoryGroups } from '../../../electron/core/stories/story-groups'

import { makeTempDir, type TempDir } from '../../helpers/temp-library'

const PORT =
  'The river port opened on Monday with two new cranes after three years of work. Dock workers said the quay ' +
  'could now take ships twice as large, and the council expects trade through the harbour to grow next year. ' +
  'Local firms welcomed the news, while residents asked for a limit on night traffic along the waterfront road.'
const MARKET =
  'Stallholders at the covered market protested on Wednesday against a rent rise of a third, closing their ' +
  'shutters for an hour at noon. The market board said the increase pays for a new roof and better drains.'

/** A saved news page with the metadata the stories read. */
function page(o: { title: string; text: string; site: string; published: string; url?: string }): string {
  const paragraphs = o.text
    .split('. ')
    .map((p) => `<p>${p}.</p>`)
    .join('\n')
  return `<!doctype html><html lang="en"><head><title>${o.title}</title>
<meta property="og:site_name" content="${o.site}">
<meta property="article:published_time" content="${o.published}">
${o.url ? `<link rel="canonical" href="${o.url}">` : ''}
</head><body><article><h1>${o.title}</h1>
${paragraphs}
</article></body></html>`
}

let dir: TempDir
const opened: { close(): Promise<void> }[] = []

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close()
  setLogSink(() => {})
  dir?.remove()
})

function writeLibrary(): void {
  dir = makeTempDir()
  dir.write(
    'wire/port.html',
    page({ title: 'Port opens', text: PORT, site: 'Wire', published: '2024-03-01T08:00:00Z' }),
  )
  dir.write(
    'reprints/port.html',
    page({ title: 'New port opens', text: PORT, site: 'Reprints', published: '2024-03-02T08:00:00Z' }),
  )
  const url = 'https://gazette.example/market'
  dir.write(
    'gazette/market-1.html',
    page({ title: 'Market protest', text: MARKET, site: 'Gazette', published: '2024-03-05T10:00:00Z', url }),
  )
  dir.write(
    'gazette/market-2.html',
    page({
      title: 'Market protest over rent',
      text: MARKET.replace('a third', 'forty per cent') + ' Talks resume next week.',
      site: 'Gazette',
      published: '2024-03-05T18:00:00Z',
      url,
    }),
  )
}

async function open(): Promise<{ library: Library; stories: StoryGroups }> {
  const library = await openLibrary(dir.root)
  opened.push(library)
  const stories = await openStoryGroups(library, { settleMs: 10 })
  opened.push(stories)
  await stories.ready()
  return { library, stories }
}

const idOf = (library: Library, rel: string) => library.list().find((item) => item.path === rel)!.id

describe('openStoryGroups', () => {
  it('finds an article’s copy on another site and the story they tell', async () => {
    writeLibrary()
    const { library, stories } = await open()
    const answer = await stories.similar(idOf(library, 'reprints/port.html'))
    expect(answer?.duplicates).toEqual([
      { id: idOf(library, 'wire/port.html'), title: 'Port opens', site: 'Wire', similarity: 1 },
    ])
    expect(answer?.versions).toEqual([])
    expect(answer?.story?.size).toBe(2)
    expect(stories.collapseKeyOf(idOf(library, 'reprints/port.html'))).toBe(idOf(library, 'wire/port.html'))
  })

  it('lists an edited re-capture of one URL as a version, with its dates', async () => {
    writeLibrary()
    const { library, stories } = await open()
    const answer = await stories.similar(idOf(library, 'gazette/market-2.html'))
    expect(answer?.versions).toEqual([
      {
        id: idOf(library, 'gazette/market-1.html'),
        title: 'Market protest',
        site: 'Gazette',
        capturedAt: null,
        published: '2024-03-05T10:00:00.000Z',
      },
    ])
  })

  it('answers undefined for an unknown id', async () => {
    writeLibrary()
    const { stories } = await open()
    expect(await stories.similar('nope')).toBeUndefined()
  })

  it('lists clusters with their sites and first appearance, and filters them by date', async () => {
    writeLibrary()
    const { library, stories } = await open()
    const all = await stories.list({})
    const port = all.find((c) => c.members.includes(idOf(library, 'wire/port.html')))!
    expect(port).toMatchObject({
      size: 2,
      title: 'Port opens',
      sites: ['Wire', 'Reprints'],
      languages: ['en'],
      firstSeen: '2024-03-01T08:00:00.000Z',
      firstSeenBy: 'published',
      lastSeen: '2024-03-02T08:00:00.000Z',
      members: [idOf(library, 'wire/port.html'), idOf(library, 'reprints/port.html')],
    })
    expect(stories.members(port.id)).toEqual(port.members)
    expect((await stories.list({ from: '2024-03-04' })).map((c) => c.id)).not.toContain(port.id)
    expect((await stories.list({ to: '2024-03-01' })).map((c) => c.id)).toEqual([port.id])
  })

  it('puts a newly imported copy into its group', async () => {
    writeLibrary()
    const { library, stories } = await open()
    const source = makeTempDir()
    try {
      const file = source.write(
        'copy.html',
        page({ title: 'Port opens at last', text: PORT, site: 'Echo', published: '2024-03-03T08:00:00Z' }),
      )
      const [result] = await library.import([{ kind: 'path', path: file }])
      await stories.ready()
      const answer = await stories.similar(result!.articles[0]!)
      expect(answer?.duplicates.map((d) => d.site).sort()).toEqual(['Reprints', 'Wire'])
    } finally {
      source.remove()
    }
  })

  it('says when a grouping pass after an import starts and ends, with the new counts', async () => {
    writeLibrary()
    const { library, stories } = await open()
    const told: unknown[] = []
    stories.onChanged((status) => told.push(status))
    const source = makeTempDir()
    try {
      const file = source.write(
        'market.html',
        page({ title: 'Market protest', text: MARKET, site: 'Echo', published: '2024-03-05T12:00:00Z' }),
      )
      await library.import([{ kind: 'path', path: file }])
      await stories.ready()
      expect(told).toEqual([
        { state: 'grouping', stories: 2, articles: 4 },
        { state: 'ready', stories: 2, articles: 5 },
      ])
      // A read mark changes no story: nothing is announced.
      await library.setState(library.list()[0]!.id, { read: true })
      await stories.ready()
      expect(told).toHaveLength(2)
    } finally {
      source.remove()
    }
  })

  it('answers for a just-imported copy with its group, not with none, when asked at once', async () => {
    writeLibrary()
    const { library, stories } = await open()
    const source = makeTempDir()
    try {
      const file = source.write(
        'copy.html',
        page({ title: 'Port opens at last', text: PORT, site: 'Echo', published: '2024-03-03T08:00:00Z' }),
      )
      const [result] = await library.import([{ kind: 'path', path: file }])
      // The reader asks the moment the article opens, before the grouping pass the import started has run.
      const answer = await stories.similar(result!.articles[0]!)
      expect(answer?.duplicates.map((d) => d.site).sort()).toEqual(['Reprints', 'Wire'])
    } finally {
      source.remove()
    }
  })

  it('does not take the records of one file for copies of each other because they share its hash', async () => {
    dir = makeTempDir()
    const record = (title: string, text: string) => JSON.stringify({ title, text, site: 'Wire' })
    dir.write('dump.jsonl', [record('Port opens', PORT), record('Market protest', MARKET)].join('\n') + '\n')
    const { library, stories } = await open()
    const answer = await stories.similar(idOf(library, 'dump.jsonl'))
    expect(answer?.duplicates).toEqual([])
    expect(answer?.story).toBeNull()
  })

  it('keeps signatures in .broadsheet/stories and rebuilds a corrupt cache, saying so', async () => {
    writeLibrary()
    const first = await open()
    const cache = path.join(storiesDir(dir.root), 'signatures.json')
    expect(Object.keys(JSON.parse(fs.readFileSync(cache, 'utf8')).articles)).toHaveLength(4)
    for (const thing of opened.splice(0).reverse()) await thing.close()
    expect(first.library).toBeDefined()
    fs.writeFileSync(cache, '{"version":1,"articles":{"x":')
    const warnings: string[] = []
    setLogSink((level, message) => void (level === 'warn' && warnings.push(message)))
    const { library, stories } = await open()
    expect(warnings).toEqual(['stories: the signature cache is unusable (not JSON); it will be rebuilt'])
    expect((await stories.similar(idOf(library, 'wire/port.html')))?.duplicates).toHaveLength(1)
    expect(Object.keys(JSON.parse(fs.readFileSync(cache, 'utf8')).articles)).toHaveLength(4)
  })
})

describe('search with stories', () => {
  it('collapses copies to the earliest with a count, and filters by story:ID', async () => {
    writeLibrary()
    const { library, stories } = await open()
    const index = await openSearchIndex(library, { threads: 0 })
    opened.push(index)
    index.useStories(stories)
    await index.ready()
    const collapsed = await index.search({ query: 'port', collapse: true })
    if (!collapsed.ok) throw new Error(collapsed.error.message)
    expect(collapsed.value.total).toBe(1)
    expect(collapsed.value.hits.map((h) => [h.id, h.copies])).toEqual([[idOf(library, 'wire/port.html'), 1]])
    // The facets count what the answer shows: one article per group, adding up to its total.
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((n, v) => n + v, 0)
    expect(sum(collapsed.value.facets.collection)).toBe(collapsed.value.total)
    const story = (await stories.similar(idOf(library, 'gazette/market-1.html')))!.story!
    const filtered = await index.search({ query: `story:${story.id}` })
    if (!filtered.ok) throw new Error(filtered.error.message)
    expect(filtered.value.hits.map((h) => h.id).sort()).toEqual(stories.members(story.id)!.slice().sort())
    const unknown = await index.search({ query: 'port story:s-nothing' })
    expect(unknown.ok ? null : unknown.error.message).toBe('No story "s-nothing" in this library.')
  })

  it('refuses to collapse without stories', async () => {
    writeLibrary()
    const library = await openLibrary(dir.root)
    opened.push(library)
    const index = await openSearchIndex(library, { threads: 0 })
    opened.push(index)
    const answer = await index.search({ query: 'port', collapse: true })
    expect(answer.ok ? null : answer.error.code).toBe('not-allowed')
  })
})
