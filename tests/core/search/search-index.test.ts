import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSearchIndex } from '../../../electron/core/search/search-index'
import { searchDir } from '../../../electron/core/search/store'
import type { SearchIndex } from '../../../electron/core/search/types'
import type { IndexStatus, SearchRequest, SearchResponse } from '../../../electron/shared/models'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'
import { FakeLibrary, fillerRecords, record, sampleRecords } from './records'

let dir: TempDir
const open: SearchIndex[] = []

async function openIndex(library: FakeLibrary): Promise<SearchIndex> {
  const index = await openSearchIndex(library, { threads: 0, shardSize: 4 })
  open.push(index)
  await index.ready()
  return index
}

async function search(
  index: SearchIndex,
  request: Partial<SearchRequest> & { query: string },
): Promise<SearchResponse> {
  const result = await index.search({ limit: 100, ...request })
  if (!result.ok) throw new Error(`search failed: ${result.error.message}`)
  return result.value
}

const ids = (r: SearchResponse) => r.hits.map((h) => h.id).sort()

function shardFiles(root: string): string[] {
  return fs.readdirSync(searchDir(root)).filter((f) => f.startsWith('shard-'))
}

afterEach(async () => {
  for (const index of open.splice(0)) await index.close()
  dir?.remove()
})

describe('openSearchIndex', () => {
  it('indexes a library, reports progress and answers queries', async () => {
    dir = makeTempDir()
    const library = new FakeLibrary(dir.root, [...sampleRecords(), ...fillerRecords(10)])
    const index = await openSearchIndex(library, { threads: 0, shardSize: 4 })
    open.push(index)
    const statuses: IndexStatus[] = []
    index.onStatus((s) => statuses.push(s))
    await index.ready()
    expect(index.status()).toMatchObject({ state: 'ready', indexed: 16 })
    expect(statuses.some((s) => s.state === 'building' && s.indexed > 0 && s.indexed < 16)).toBe(true)
    expect(ids(await search(index, { query: 'строительство' }))).toEqual(['ru/most'])
    expect(shardFiles(dir.root).length).toBeGreaterThan(1)
  })

  it('skips an article that cannot be indexed, says so in the status and keeps every other hit', async () => {
    dir = makeTempDir()
    const normal = fillerRecords(7).map((r) => ({ ...r, text: `${r.text} government` }))
    const broken = { ...record('bad/one', 'Broken', 'government'), disclaimers: null as unknown as string[] }
    const huge = record('huge', 'Spam', 'government '.repeat(500_000))
    const index = await openIndex(new FakeLibrary(dir.root, [...normal, broken, huge]))
    expect(index.status().state).toBe('ready')
    expect(index.status().message).toMatch(/1 article.*bad\/one/)
    expect(ids(await search(index, { query: 'government' }))).toEqual([...normal.map((r) => r.id), 'huge'].sort())
  })

  it('loads the stored index at start without reading any article again', async () => {
    dir = makeTempDir()
    const records = [...sampleRecords(), ...fillerRecords(10)]
    const first = await openIndex(new FakeLibrary(dir.root, records))
    const before = await search(first, { query: 'river port' })
    await first.close()
    const library = new FakeLibrary(dir.root, records)
    const read = { articles: 0 }
    const articles = library.articles.bind(library)
    library.articles = async function* () {
      read.articles++
      yield* articles()
    }
    const second = await openIndex(library)
    expect(read.articles).toBe(0)
    expect(library.gets).toBe(0)
    expect(await search(second, { query: 'river port' })).toEqual(before)
  })

  it('catches up at start with files added, changed and removed while it was closed', async () => {
    dir = makeTempDir()
    const records = sampleRecords()
    const first = await openIndex(new FakeLibrary(dir.root, records))
    await first.close()
    const library = new FakeLibrary(dir.root, records)
    library.silently(
      [
        record('new/zeppelin', 'Zeppelin over the harbour', 'A zeppelin drifted over the harbour.'),
        { ...records[0]!, hash: 'changed', text: 'The port is now a museum.' },
      ],
      ['en/cafe'],
    )
    const second = await openIndex(library)
    expect(library.gets).toBe(2)
    expect(ids(await search(second, { query: 'zeppelin' }))).toEqual(['new/zeppelin'])
    expect(ids(await search(second, { query: 'museum' }))).toEqual(['en/port'])
    expect(ids(await search(second, { query: 'grain' }))).toEqual([])
    expect(ids(await search(second, { query: 'café' }))).toEqual([])
  })

  it('follows the library: added, changed and removed articles show in results', async () => {
    dir = makeTempDir()
    const library = new FakeLibrary(dir.root, [...sampleRecords(), ...fillerRecords(12)])
    const index = await openIndex(library)
    const filesBefore = new Set(shardFiles(dir.root))
    library.change([record('new/lighthouse', 'Lighthouse keeper retires', 'The lighthouse keeper retired today.')])
    await index.ready()
    expect(ids(await search(index, { query: 'lighthouse' }))).toEqual(['new/lighthouse'])
    // At most one shard was written (a small one or a new one); the others were kept.
    const filesAfter = shardFiles(dir.root)
    expect(filesAfter.filter((f) => filesBefore.has(f)).length).toBeGreaterThanOrEqual(filesBefore.size - 1)
    expect(filesAfter.filter((f) => !filesBefore.has(f))).toHaveLength(1)

    library.change([record('new/lighthouse', 'Lighthouse sold', 'The old tower was sold at auction.')])
    await index.ready()
    expect(ids(await search(index, { query: 'auction' }))).toEqual(['new/lighthouse'])
    expect(ids(await search(index, { query: 'retired' }))).toEqual([])

    library.change([], ['new/lighthouse', 'ru/most'])
    await index.ready()
    expect(ids(await search(index, { query: 'lighthouse' }))).toEqual([])
    expect(ids(await search(index, { query: 'строительство' }))).toEqual([])
  })

  it('keeps tombstones of changed articles across a restart', async () => {
    dir = makeTempDir()
    const records = [...sampleRecords(), ...fillerRecords(12)]
    const library = new FakeLibrary(dir.root, records)
    const index = await openIndex(library)
    library.change([{ ...records[0]!, hash: 'v2', text: 'The port became a museum.' }], ['filler/4'])
    await index.ready()
    const before = await search(index, { query: 'port museum' })
    expect(ids(before)).toContain('en/port')
    await index.close()
    const reopened = new FakeLibrary(dir.root, [
      { ...records[0]!, hash: 'v2', text: 'The port became a museum.' },
      ...records.slice(1).filter((r) => r.id !== 'filler/4'),
    ])
    const second = await openIndex(reopened)
    expect(reopened.gets).toBe(0)
    expect(await search(second, { query: 'port museum' })).toEqual(before)
    expect((await search(second, { query: '' })).total).toBe(records.length - 1)
  })

  it('stops a first build when closed, keeps what it built and indexes the rest next time', async () => {
    dir = makeTempDir()
    const records = fillerRecords(24)
    const library = new FakeLibrary(dir.root, records)
    const articles = library.articles.bind(library)
    library.articles = async function* () {
      for await (const a of articles()) {
        await new Promise((resolve) => setTimeout(resolve, 2))
        yield a
      }
    }
    const index = await openSearchIndex(library, { threads: 0, shardSize: 4 })
    await new Promise<void>((resolve) => {
      index.onStatus((s) => {
        if (s.state === 'building' && s.indexed >= 8) resolve()
      })
    })
    await index.close()
    const next = new FakeLibrary(dir.root, records)
    const reopened = await openIndex(next)
    expect(next.gets).toBeGreaterThan(0)
    expect(next.gets).toBeLessThan(records.length)
    expect((await search(reopened, { query: '' })).total).toBe(records.length)
  })

  it('filters by starred and unread from the library state', async () => {
    dir = makeTempDir()
    const library = new FakeLibrary(dir.root, sampleRecords())
    const index = await openIndex(library)
    await library.setState('en/port', { starred: true })
    await library.setState('en/dredge', { read: true })
    expect(ids(await search(index, { query: 'port', starred: true }))).toEqual(['en/port'])
    expect(ids(await search(index, { query: 'port', unread: true }))).toEqual(['en/port'])
    expect(ids(await search(index, { query: 'port', unread: false }))).toEqual(['en/dredge'])
  })

  it('discards a corrupt stored index, rebuilds it and answers the same', async () => {
    dir = makeTempDir()
    const records = [...sampleRecords(), ...fillerRecords(10)]
    const first = await openIndex(new FakeLibrary(dir.root, records))
    const before = await search(first, { query: 'bridge OR river' })
    await first.close()
    const [victim] = shardFiles(dir.root)
    const file = path.join(searchDir(dir.root), victim!)
    const bytes = fs.readFileSync(file)
    bytes.write('garbage garbage garbage', Math.floor(bytes.length / 2))
    fs.writeFileSync(file, bytes)
    const library = new FakeLibrary(dir.root, records)
    const second = await openIndex(library)
    expect(await search(second, { query: 'bridge OR river' })).toEqual(before)
    expect(shardFiles(dir.root)).not.toContain(victim)
    // Only the damaged shard's articles (at most a shard's worth) were read again.
    expect(library.gets).toBeGreaterThan(0)
    expect(library.gets).toBeLessThanOrEqual(4)
  })

  it('rebuilds after garbage in the manifest, a truncated shard or a missing shard', async () => {
    dir = makeTempDir()
    const records = sampleRecords()
    await (await openIndex(new FakeLibrary(dir.root, records))).close()
    const manifest = path.join(searchDir(dir.root), 'manifest.json')
    for (const damage of [
      () => fs.writeFileSync(manifest, '{"version": 1, "shards": [{"file": 12}'),
      () => {
        const f = path.join(searchDir(dir.root), shardFiles(dir.root)[0]!)
        fs.truncateSync(f, 100)
      },
      () => fs.rmSync(path.join(searchDir(dir.root), shardFiles(dir.root)[0]!)),
      () => fs.writeFileSync(path.join(searchDir(dir.root), shardFiles(dir.root)[0]!), ''),
    ]) {
      damage()
      const index = await openIndex(new FakeLibrary(dir.root, records))
      expect(ids(await search(index, { query: 'bridge' }))).toEqual(['en/dredge', 'en/port'])
      expect(index.status().state).toBe('ready')
      await index.close()
    }
  })

  it('rebuilds a stored index of another version', async () => {
    dir = makeTempDir()
    const records = sampleRecords()
    await (await openIndex(new FakeLibrary(dir.root, records))).close()
    const manifest = path.join(searchDir(dir.root), 'manifest.json')
    const json = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: number }
    fs.writeFileSync(manifest, JSON.stringify({ ...json, version: json.version + 1 }))
    const library = new FakeLibrary(dir.root, records)
    let streamed = 0
    const articles = library.articles.bind(library)
    library.articles = async function* () {
      for await (const a of articles()) {
        streamed++
        yield a
      }
    }
    const index = await openIndex(library)
    expect(streamed).toBe(records.length)
    expect(ids(await search(index, { query: 'мост' }))).toEqual(['ru/most'])
    const rewritten = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: number }
    expect(rewritten.version).toBe(json.version)
  })

  it('rebuilds from scratch on request', async () => {
    dir = makeTempDir()
    const library = new FakeLibrary(dir.root, sampleRecords())
    const index = await openIndex(library)
    const before = shardFiles(dir.root)
    await index.rebuild()
    expect(shardFiles(dir.root).some((f) => before.includes(f))).toBe(false)
    expect(ids(await search(index, { query: 'мост' }))).toEqual(['ru/most'])
  })

  it('returns a query syntax error as a value', async () => {
    dir = makeTempDir()
    const index = await openIndex(new FakeLibrary(dir.root, sampleRecords()))
    const result = await index.search({ query: 'title:"river' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatchObject({ code: 'query-syntax', start: 6 })
  })

  it('builds in worker threads with the same results', async () => {
    dir = makeTempDir()
    const records = [...sampleRecords(), ...fillerRecords(20)]
    const inThread = await openIndex(new FakeLibrary(dir.root, records))
    const expected = await search(inThread, { query: 'river мост' })
    await inThread.close()
    fs.rmSync(searchDir(dir.root), { recursive: true })
    const index = await openSearchIndex(new FakeLibrary(dir.root, records), { threads: 2, shardSize: 4 })
    open.push(index)
    await index.ready()
    expect(await search(index, { query: 'river мост' })).toEqual(expected)
  })
})
