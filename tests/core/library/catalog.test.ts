import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Catalog, catalogFile, type CatalogEntry } from '../../../electron/core/library/catalog'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let dir: TempDir

beforeEach(() => {
  dir = makeTempDir()
})

afterEach(() => {
  dir.remove()
})

function entry(rel: string, fields: Partial<CatalogEntry['articles'][number]>): CatalogEntry {
  const base = { hash: 'ab'.repeat(32), importedAt: '2024-05-01T00:00:00.000Z', importedFrom: '/drop/a.txt' }
  return {
    size: 10,
    mtimeMs: 1,
    ...base,
    parserVersion: 1,
    warnings: [],
    locations: [[1, 0, 100]],
    articles: [
      {
        id: 'id-1',
        path: rel,
        collection: 'news',
        title: 'Title',
        author: null,
        site: null,
        url: null,
        published: null,
        sourceUrl: null,
        capturedAt: null,
        language: null,
        category: null,
        disclaimers: [],
        flags: [],
        wordCount: 3,
        edited: [],
        ...base,
        ...fields,
      },
    ],
  }
}

describe('Catalog', () => {
  it('gives back every summary field after a restart, the empty ones as null or []', async () => {
    const file = catalogFile(path.join(dir.root, '.broadsheet'))
    const catalog = new Catalog()
    const bare = entry('news/a.txt', {})
    const full = entry('news/b.txt', {
      id: 'id-2',
      author: 'A. Writer',
      site: 'Port Gazette',
      url: 'https://example.org/b',
      published: '2024-04-01T00:00:00.000Z',
      language: 'en',
      category: 'Politics',
      disclaimers: ['Sponsored coverage.'],
      flags: ['sponsored'],
    })
    catalog.set('news/a.txt', bare)
    catalog.set('news/b.txt', full)
    await catalog.save(file, path.join(dir.root, '.broadsheet', 'tmp'))
    const loaded = await Catalog.load(file)
    expect(loaded.get('news/a.txt')).toEqual(bare)
    expect(loaded.get('news/b.txt')).toEqual(full)
    expect(dir.read('.broadsheet/catalog.json')).not.toContain('"author":null')
  })
})
