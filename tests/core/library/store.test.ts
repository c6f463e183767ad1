import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleEdits, LibraryChange } from '../../../electron/shared/models'
import { openLibrary, type OpenedLibrary, type OpenLibraryExtras } from '../../../electron/core/library/library'
import { inlineParsePool, type ParsePool } from '../../../electron/core/library/parse-pool'
import type { ScanProgress } from '../../../electron/core/library/types'
import { openSearchIndex } from '../../../electron/core/search/search-index'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let outside: TempDir
let library: OpenedLibrary | undefined
/** File names the library parsed, in order. */
let parsed: string[]

// The real parsers in this thread, counted.
const countingPool: ParsePool = {
  threads: 0,
  parse: (bytes, fileName, maxBytes) => {
    parsed.push(fileName)
    return inlineParsePool.parse(bytes, fileName, maxBytes)
  },
  close: async () => {},
}

beforeEach(() => {
  lib = makeTempDir()
  outside = makeTempDir()
  parsed = []
})

afterEach(async () => {
  await library?.close()
  library = undefined
  lib.remove()
  outside.remove()
})

async function open(options: OpenLibraryExtras = {}): Promise<OpenedLibrary> {
  await library?.close()
  library = await openLibrary(lib.root, { parsePool: countingPool, syncCopies: false, ...options })
  return library
}

async function reopen(options: OpenLibraryExtras = {}): Promise<OpenedLibrary> {
  await library?.close()
  library = undefined
  parsed = []
  return open(options)
}

/** A JSONL file of `count` synthetic records; record i holds the made-up word `zebrafinch<i>`. */
function jsonl(count: number): string {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      title: `Harbour bulletin ${i}`,
      text: `Bulletin number ${i} about the ferry timetable mentions zebrafinch${i} once.`,
    }),
  ).join('\n')
}

function segments(): string[] {
  return fs.readdirSync(lib.path('.broadsheet/store')).filter((name) => /^seg-\d+\.bin$/.test(name))
}

/** The segment holding the most bytes (the one a first open wrote). */
function biggestSegment(): string {
  const sized = segments().map((name) => [name, fs.statSync(lib.path(`.broadsheet/store/${name}`)).size] as const)
  return lib.path(`.broadsheet/store/${sized.sort((a, b) => b[1] - a[1])[0]![0]}`)
}

describe('the article store', () => {
  it('serves get() and articles() without parsing, also after a restart', async () => {
    lib.write('a.txt', sampleText('Harbour plan', 'The harbour plan was approved by the council.'))
    lib.write('feed.jsonl', jsonl(3))
    const first = await open()
    expect(parsed.sort()).toEqual(['a.txt', 'feed.jsonl'])
    parsed = []
    const id = first.list().find((item) => item.title === 'Harbour plan')!.id
    expect((await first.get(id))?.text).toContain('approved by the council')

    const again = await reopen()
    const record = again.list().find((item) => item.title === 'Harbour bulletin 2')!
    expect((await again.get(record.id))?.text).toContain('zebrafinch2')
    const all = []
    for await (const article of again.articles()) all.push(article.title)
    expect(all).toHaveLength(4)
    expect(parsed).toEqual([])
  })

  it('parses an imported file once, and serves its articles from what that parse stored', async () => {
    const source = outside.write('drop/feed.jsonl', jsonl(5))
    const l = await open()
    const [result] = await l.import([{ kind: 'path', path: source }])
    expect(result!.status).toBe('imported')
    expect(await l.getMany(result!.articles)).toHaveLength(5)
    for await (const article of l.articles()) expect(article.title).toMatch(/^Harbour bulletin/)
    expect(parsed).toEqual(['feed.jsonl'])
  })

  it('remembers where an imported file came from; a scanned file says null', async () => {
    lib.write('found.txt', sampleText('Found by the scan'))
    const source = outside.write('picked.txt', sampleText('Picked by path'))
    const l = await open()
    const [byPath, byBytes] = await l.import([
      { kind: 'path', path: source },
      { kind: 'bytes', name: 'dropped.txt', bytes: new TextEncoder().encode(sampleText('Dropped as bytes')) },
    ])
    const again = await reopen()
    const from = (title: string) => again.list().find((item) => item.title === title)?.importedFrom
    expect(from('Picked by path')).toBe(source)
    expect(from('Dropped as bytes')).toBe('dropped.txt')
    expect(from('Found by the scan')).toBeNull()
    expect((await again.get(byPath!.articles[0]!))?.importedFrom).toBe(source)
    expect((await again.get(byBytes!.articles[0]!))?.importedFrom).toBe('dropped.txt')
  })

  it('records a file imported by a relative path under its absolute path', async () => {
    const source = outside.write('relative/given.txt', sampleText('Given relative'))
    const l = await open()
    await l.import([{ kind: 'path', path: path.relative(process.cwd(), source) }])
    expect(l.list().find((item) => item.title === 'Given relative')?.importedFrom).toBe(source)
  })

  it('sets a damaged segment aside with a notice and rebuilds its articles from the files', async () => {
    lib.write('a.txt', sampleText('Alpha', 'Alpha body about the lighthouse keeper.'))
    lib.write('b.txt', sampleText('Beta', 'Beta body about the tide tables.'))
    await open()
    await library!.close()
    library = undefined
    const segment = biggestSegment()
    const bytes = fs.readFileSync(segment)
    // Damage a byte inside the first record's text, as a bad sector would.
    const at = bytes.indexOf('body about')
    bytes[at] = bytes[at]! ^ 0x20
    fs.writeFileSync(segment, bytes)

    const l = await reopen()
    const alpha = l.list().find((item) => item.title === 'Alpha')!
    const beta = l.list().find((item) => item.title === 'Beta')!
    expect((await l.get(alpha.id))?.text).toContain('Alpha body about the lighthouse keeper.')
    expect((await l.get(beta.id))?.text).toContain('Beta body about the tide tables.')
    await l.settled()
    expect(l.info().notices).toEqual([expect.objectContaining({ code: 'store-rebuilt' })])
    const aside = fs.readdirSync(lib.path('.broadsheet/store')).filter((name) => name.includes('.corrupt-'))
    expect(aside).toEqual([`${path.basename(segment)}${aside[0]!.slice(path.basename(segment).length)}`])

    parsed = []
    expect((await l.get(alpha.id))?.text).toContain('lighthouse keeper')
    expect(parsed).toEqual([])
  })

  it('loses nothing to a torn last record: what a crash cut off is parsed again from the file', async () => {
    for (const name of ['a', 'b', 'c']) lib.write(`${name}.txt`, sampleText(`Title ${name}`, `Body of ${name}.`))
    await open()
    await library!.close()
    library = undefined
    const segment = biggestSegment()
    fs.truncateSync(segment, fs.statSync(segment).size - 7)

    const l = await reopen()
    await l.settled()
    expect(parsed).toHaveLength(1)
    for (const item of l.list()) {
      const name = item.title.slice('Title '.length)
      expect((await l.get(item.id))?.text).toContain(`Body of ${name}.`)
    }
    expect(l.info().notices).toEqual([])
    expect(parsed).toHaveLength(1)
  })

  it('re-parses in the background with progress when the parser version changes', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    lib.write('feed.jsonl', jsonl(2))
    await open({ parserVersion: 1 })
    const ids = library!.list().map((item) => item.id)
    await reopen({ parserVersion: 1 })
    expect(parsed).toEqual([])

    await library?.close()
    library = undefined
    parsed = []
    const l = await openLibrary(lib.root, { parsePool: countingPool, parserVersion: 2, scanInBackground: true })
    library = l
    const reports: ScanProgress[] = []
    const changes: LibraryChange[] = []
    l.onScanProgress((report) => reports.push(report))
    l.onChange((change) => changes.push(change))
    await l.settled()
    expect(parsed.sort()).toEqual(['a.txt', 'feed.jsonl'])
    expect(reports.at(-1)).toEqual({ phase: 'reparse', done: 2, total: 2 })
    expect(changes.flatMap((change) => change.updated).sort()).toEqual([...ids].sort())
    // Not a change on disk: the reader must not say the file changed.
    expect(changes.filter((change) => change.updated.length > 0).map((change) => change.cause)).toEqual(['reparse'])

    await reopen({ parserVersion: 2 })
    await library!.settled()
    expect(parsed).toEqual([])
  })

  it('fills the list as a first open reads an unseen folder, with progress', async () => {
    for (let i = 0; i < 30; i++) lib.write(`news/${i}.txt`, sampleText(`Story ${i}`))
    const l = await openLibrary(lib.root, { parsePool: countingPool, scanInBackground: true })
    library = l
    const reports: ScanProgress[] = []
    const added: string[] = []
    l.onScanProgress((report) => reports.push(report))
    l.onChange((change) => added.push(...change.added))
    await l.settled()
    expect(reports.at(-1)).toEqual({ phase: 'scan', done: 30, total: 30 })
    expect(added.sort()).toEqual(
      l
        .list()
        .map((item) => item.id)
        .sort(),
    )
    expect(l.list()).toHaveLength(30)
    expect(l.info().collections).toEqual(['news'])
  })

  it('moves live records out of a mostly superseded segment and deletes it, without parsing', async () => {
    const paragraphs = (word: string, count: number) =>
      Array.from({ length: count }, (_, i) => `Paragraph ${i} of the ${word} report on the harbour works.`).join('\n\n')
    lib.write('small.txt', `Small\n\n${paragraphs('small', 20_000)}\n`)
    const big = lib.write('big.txt', `Big\n\n${paragraphs('big', 180_000)}\n`)
    await open()
    const [first] = segments()
    await reopen()
    // The big file changes: its new parse is stored anew and most of the first segment is now dead weight.
    fs.appendFileSync(big, '\nOne more paragraph.\n')
    const later = new Date(Date.now() + 5000)
    fs.utimesSync(big, later, later)
    const hoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    fs.utimesSync(lib.path(`.broadsheet/store/${first}`), hoursAgo, hoursAgo)

    const l = await reopen()
    await l.settled()
    expect(parsed).toEqual(['big.txt'])
    expect(segments()).not.toContain(first)
    const small = l.list().find((item) => item.title === 'Small')!
    expect((await l.get(small.id))?.text).toContain('Paragraph 19999 of the small report')
    expect(parsed).toEqual(['big.txt'])
  })

  it('does not parse a touched file again, nor report its articles as changed', async () => {
    const file = lib.write('a.txt', sampleText('Alpha'))
    const l = await open()
    const changes: LibraryChange[] = []
    l.onChange((change) => changes.push(change))
    const later = new Date(Date.now() + 5000)
    fs.utimesSync(file, later, later)
    parsed = []
    expect(await l.rescan()).toEqual({ added: [], updated: [], removed: [] })
    expect(parsed).toEqual([])
    expect(changes).toEqual([])
  })

  it('finds an article by its corrected title once the user edits it', async () => {
    lib.write('a.txt', sampleText('Harbor plan'))
    const kept = new Map<string, ArticleEdits>()
    const l = await open({ edits: { edits: (id) => kept.get(id), setEdits: (id, e) => kept.set(id, e) } })
    const search = await openSearchIndex(l, { threads: 0 })
    try {
      await search.ready()
      const id = l.list()[0]!.id
      await l.edit(id, { title: 'Kittiwake colony plan' })
      await search.ready()
      const response = await search.search({ query: 'kittiwake' })
      expect(response.ok && response.value.hits.map((hit) => [hit.id, hit.title])).toEqual([
        [id, 'Kittiwake colony plan'],
      ])
    } finally {
      await search.close()
    }
  })

  it('makes a 500-record JSONL searchable in an indexed library, parsing it once', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    const l = await open()
    const search = await openSearchIndex(l, { threads: 0 })
    try {
      await search.ready()
      const [result] = await l.import([{ kind: 'path', path: outside.write('dump.jsonl', jsonl(500)) }])
      expect(result!.articles).toHaveLength(500)
      await search.ready()
      const response = await search.search({ query: 'zebrafinch377' })
      expect(response.ok && response.value.hits.map((hit) => hit.id)).toEqual([result!.articles[377]])
      expect(parsed.filter((name) => name === 'dump.jsonl')).toHaveLength(1)
    } finally {
      await search.close()
    }
  })
})
