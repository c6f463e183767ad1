import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type OpenedLibrary } from '../../../electron/core/library/library'
import { makeWarc, page, PNG, type RecordSpec } from '../../fixtures/formats/warc/make-warc'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

const LIMIT = 1024 * 1024

let lib: TempDir
let src: TempDir
let library: OpenedLibrary

beforeEach(async () => {
  lib = makeTempDir()
  src = makeTempDir()
  library = await openLibrary(lib.root, { maxFileBytes: LIMIT })
})

afterEach(async () => {
  await library.close()
  lib.remove()
  src.remove()
})

/** A gzipped WARC several times the article size limit: two pages, an image, and many big scripts. */
async function bigArchive(): Promise<Uint8Array> {
  const filler = 'var x = "' + 'abcdefghij'.repeat(25_000) + '";\n'
  const specs: RecordSpec[] = [
    { url: 'https://news.example/a', body: page('Ferry timetable', ['/img/ferry.png']) },
    { url: 'https://news.example/img/ferry.png', headers: { 'Content-Type': 'image/png' }, body: PNG },
  ]
  for (let i = 0; i < 24; i++)
    specs.push({
      url: `https://news.example/js/${i}.js`,
      headers: { 'Content-Type': 'application/javascript' },
      body: filler + String(i),
    })
  specs.push({ url: 'https://news.example/b', body: page('Bridge repairs') })
  return makeWarc(specs)
}

describe('streamed import of web archives', () => {
  it('imports an archive larger than the size limit, each record capped instead', async () => {
    const bytes = await bigArchive()
    expect(bytes.length).toBeGreaterThan(5 * LIMIT)
    const file = src.write('crawl.warc', bytes)
    const [result] = await library.import([{ kind: 'path', path: file }])
    expect(result!.status).toBe('imported')
    expect(result!.warnings[0]).toBe('WARC: 27 records, 2 articles, 25 skipped: 25 resources')
    const first = await library.get(result!.articles[0]!)
    expect(first?.title).toBe('Ferry timetable')
    expect(first?.sourceUrl).toBe('https://news.example/a')
    expect(first?.html).toContain('src="data:image/png;base64,')
    // The library holds the archive itself, byte for byte, and the original is untouched.
    expect(fs.readFileSync(lib.path('crawl.warc')).equals(Buffer.from(bytes))).toBe(true)
    expect(fs.readFileSync(file).equals(Buffer.from(bytes))).toBe(true)
  })

  it('keeps the same articles when the library is scanned again', async () => {
    const file = src.write('crawl.warc', await bigArchive())
    const [result] = await library.import([{ kind: 'path', path: file }])
    await library.close()
    library = await openLibrary(lib.root, { maxFileBytes: LIMIT })
    await library.rescan()
    const titles = await Promise.all(result!.articles.map(async (id) => (await library.get(id))?.title))
    expect(titles).toEqual(['Ferry timetable', 'Bridge repairs'])
  })

  it('leaves nothing behind when an archive fails', async () => {
    const file = src.write('broken.warc', 'this is not a web archive at all\r\n\r\n')
    const [result] = await library.import([{ kind: 'path', path: file }])
    expect(result).toMatchObject({ status: 'failed', error: 'not a WARC file (no WARC/1.x header)' })
    expect(lib.files().filter((f) => !f.startsWith('.'))).toEqual([])
    expect(lib.files({ hidden: true }).filter((f) => f.endsWith('.part'))).toEqual([])
  })
})
