import fs from 'node:fs'
import path from 'node:path'
import { DATA_DIR } from '../../../electron/core/library/paths'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/core/library/library'
import type { Library } from '../../../electron/core/library/types'
import { openSearchIndex } from '../../../electron/core/search/search-index'
import type { SearchIndex } from '../../../electron/core/search/types'
import { findQuote, LibraryWorkbench } from '../../../electron/core/workbench/index'
import { makeTempDir, makeTempLibrary, sampleText, type TempDir } from '../../helpers/temp-library'

const BODY =
  'The harbour board met on Tuesday. Workers said the new crane would double the quay capacity by spring. ' +
  'The yard in the north built it in eleven months.'

let lib: TempDir
let library: Library
let search: SearchIndex
let bench: LibraryWorkbench

async function open(): Promise<void> {
  library = await openLibrary(lib.root)
  search = await openSearchIndex(library, { threads: 0 })
  bench = await LibraryWorkbench.open(library, search, null)
}

async function close(): Promise<void> {
  await bench.close()
  await search.close()
  await library.close()
}

const idOf = (rel: string) => library.list().find((item) => item.path === rel)!.id

beforeEach(async () => {
  lib = makeTempLibrary()
  lib.write('port/crane.txt', sampleText('Crane arrives', BODY))
  lib.write('port/other.txt', sampleText('Market day', 'Stallholders sold apples and pears.'))
  await open()
})

afterEach(async () => {
  await close()
  lib.remove()
})

describe('workbench highlights', () => {
  it('highlights a quote with a note and tags and lists it for the article', async () => {
    const id = idOf('port/crane.txt')
    const made = await bench.addQuote(id, 'double the quay capacity', 'ask the port for figures', ['capacity'])
    expect(made.ok).toBe(true)
    const [h] = await bench.highlights(id)
    expect(h).toMatchObject({ quote: 'double the quay capacity', status: 'exact', note: 'ask the port for figures' })
    expect(h!.tags).toEqual(['capacity'])
    const article = await library.get(id)
    expect(article!.text.slice(...h!.range!)).toBe('double the quay capacity')
    expect(await bench.highlights(idOf('port/other.txt'))).toEqual([])
  })

  it('finds a quote typed with other line breaks, and refuses an absent or repeated one by name', async () => {
    const id = idOf('port/crane.txt')
    expect((await bench.addQuote(id, 'new   crane\nwould')).ok).toBe(true)
    const absent = await bench.addQuote(id, 'a tunnel under the bay')
    expect(absent.ok ? null : absent.error.message).toBe(
      `The quote "a tunnel under the bay" is not in the article's text.`,
    )
    const repeated = await bench.addQuote(id, 'the')
    expect(repeated.ok ? null : repeated.error.message).toMatch(/appears \d+ times in the article; quote more words/)
    const unknown = await bench.addQuote('nope', 'crane')
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found')
  })

  it('adds the note and tags to the highlight of the same words instead of making a twin', async () => {
    const id = idOf('port/crane.txt')
    const first = await bench.addQuote(id, 'double the quay capacity', 'ask the port', ['capacity'])
    const again = await bench.addQuote(id, 'double the quay capacity', 'and the union', ['jobs', 'capacity'])
    expect(again.ok && first.ok ? again.value.id : null).toBe(first.ok ? first.value.id : 'none')
    const all = await bench.highlights(id)
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ note: 'ask the port\n\nand the union', tags: ['capacity', 'jobs'] })
    // Without a new note nothing is lost or repeated.
    await bench.addQuote(id, 'double the quay capacity')
    expect((await bench.highlights(id))[0]!.note).toBe('ask the port\n\nand the union')
  })

  it('refuses a range outside the text without saving anything', async () => {
    const id = idOf('port/crane.txt')
    const bad = await bench.addHighlight(id, { range: [5, 100_000] })
    expect(bad.ok ? null : bad.error.code).toBe('invalid-argument')
    expect(await bench.highlights(null)).toEqual([])
  })

  it('keeps a highlight when the file is edited in place and rescanned', async () => {
    const id = idOf('port/crane.txt')
    await bench.addQuote(id, 'would double the quay capacity', 'key claim')
    await bench.addQuote(id, 'built it in eleven months')
    await bench.addQuote(id, 'The harbour board met on Tuesday')
    const edited = BODY.replace(
      'The harbour board met on Tuesday.',
      'Correction appended. The harbour board met on Monday.',
    ).replace('would double', 'will double')
    lib.write('port/crane.txt', sampleText('Crane arrives', edited))
    await library.rescan()
    expect(idOf('port/crane.txt')).toBe(id)
    const article = await library.get(id)
    const byQuote = Object.fromEntries((await bench.highlights(id)).map((h) => [h.quote, h]))
    expect(byQuote['built it in eleven months']!.status).toBe('moved')
    expect(article!.text.slice(...byQuote['built it in eleven months']!.range!)).toBe('built it in eleven months')
    expect(byQuote['would double the quay capacity']!.status).toBe('fuzzy')
    expect(article!.text.slice(...byQuote['would double the quay capacity']!.range!)).toContain(
      'double the quay capacity',
    )
    expect(byQuote['would double the quay capacity']!.note).toBe('key claim')
    // "Tuesday" became "Monday" and the sentence moved: still found, within the error bound.
    expect(byQuote['The harbour board met on Tuesday']!.status).toBe('fuzzy')
  })

  it('keeps a highlight of a deleted article as orphaned and lists it', async () => {
    const id = idOf('port/crane.txt')
    await bench.addQuote(id, 'double the quay capacity', 'still wanted')
    lib.write('port/crane.txt', sampleText('Crane arrives', 'Entirely different words now.'))
    await library.rescan()
    const [h] = await bench.highlights(null)
    expect(h).toMatchObject({ status: 'orphaned', range: null, note: 'still wanted' })
  })

  it('leaves a copy under a new name without highlights, and lists them as orphaned once the original is moved', async () => {
    const id = idOf('port/crane.txt')
    await bench.addQuote(id, 'double the quay capacity', 'key claim')
    lib.write('port/crane copy.txt', lib.read('port/crane.txt'))
    await library.rescan()
    expect(await bench.highlights(idOf('port/crane copy.txt'))).toEqual([])
    expect((await bench.highlights(id)).map((h) => h.status)).toEqual(['exact'])
    fs.renameSync(lib.path('port/crane.txt'), lib.path('port/renamed.txt'))
    await library.rescan()
    expect(await bench.highlights(null)).toEqual([
      expect.objectContaining({ articleId: id, status: 'orphaned', range: null, note: 'key claim' }),
    ])
  })

  it('carries highlights over to an edited copy of a file imported again from the same place', async () => {
    const src = makeTempDir()
    try {
      const file = src.write(
        'ferry.txt',
        sampleText('Ferry report', 'The ferry sailed at noon with ninety cars aboard.'),
      )
      const [first] = await library.import([{ kind: 'path', path: file }])
      const old = first!.articles[0]!
      await bench.addQuote(old, 'sailed at noon with ninety cars', 'count the cars')
      await bench.addQuote(old, 'ferry sailed')
      src.write(
        'ferry.txt',
        sampleText('Ferry report', 'Corrected: the ferry sailed at noon with ninety-one cars aboard.'),
      )
      const [second] = await library.import([{ kind: 'path', path: file }])
      const fresh = second!.articles[0]!
      expect(fresh).not.toBe(old)
      const carried = await bench.highlights(fresh)
      expect(carried.map((h) => [h.quote, h.status, h.note])).toEqual([
        // Found again in the new text and made anew there, note and tags kept; the old version keeps the old quote.
        ['sailed at noon with ninety-one cars', 'exact', 'count the cars'],
        ['ferry sailed', 'exact', ''],
      ])
      expect((await library.get(fresh))!.text.slice(...carried[0]!.range!)).toContain('sailed at noon with ninety-one')
      expect((await bench.highlights(old)).map((h) => h.status)).toEqual(['exact', 'exact'])
    } finally {
      src.remove()
    }
  })

  it('carries highlights to a version imported while the workbench was closed, once', async () => {
    const src = makeTempDir()
    try {
      const file = src.write(
        'ferry.txt',
        sampleText('Ferry report', 'The ferry sailed at noon with ninety cars aboard.'),
      )
      const [first] = await library.import([{ kind: 'path', path: file }])
      await bench.addQuote(first!.articles[0]!, 'ninety cars aboard', 'count them')
      await bench.close()
      src.write('ferry.txt', sampleText('Ferry report', 'Update. The ferry sailed at noon with ninety cars aboard.'))
      const [second] = await library.import([{ kind: 'path', path: file }])
      const fresh = second!.articles[0]!
      bench = await LibraryWorkbench.open(library, search, null)
      const [carried] = await bench.highlights(fresh)
      expect(carried).toMatchObject({ quote: 'ninety cars aboard', status: 'exact', note: 'count them' })
      await bench.removeHighlight(carried!.id)
      await close()
      await open()
      expect(await bench.highlights(fresh)).toEqual([])
    } finally {
      src.remove()
    }
  })

  it('updates a note and tags and removes a highlight, across a reopen', async () => {
    const id = idOf('port/crane.txt')
    const made = await bench.addQuote(id, 'eleven months')
    if (!made.ok) throw new Error(made.error.message)
    const changed = await bench.updateHighlight(made.value.id, {
      note: 'confirm with the yard',
      tags: ['yard', 'yard'],
    })
    expect(changed.ok && changed.value).toMatchObject({ note: 'confirm with the yard', tags: ['yard'] })
    await close()
    await open()
    expect((await bench.highlights(id)).map((h) => h.note)).toEqual(['confirm with the yard'])
    expect(await bench.removeHighlight(made.value.id)).toBe(true)
    expect(await bench.highlights(null)).toEqual([])
    expect((await bench.updateHighlight('urn:uuid:none', { note: 'x' })).ok).toBe(false)
  })

  it('tells the library which damaged highlights file it set aside and where', async () => {
    await bench.addQuote(idOf('port/crane.txt'), 'eleven months', 'n')
    expect(bench.notices()).toEqual([])
    await close()
    fs.appendFileSync(path.join(lib.root, DATA_DIR, 'annotations.jsonl'), '{"type":"Annot\n')
    await open()
    const [notice, ...rest] = bench.notices()
    expect(rest).toEqual([])
    expect(notice?.code).toBe('annotations-set-aside')
    const aside = fs.readdirSync(path.join(lib.root, DATA_DIR)).find((f) => f.startsWith('annotations.jsonl.corrupt-'))
    expect(notice?.message).toContain(`kept, unchanged, at ${path.join(lib.root, DATA_DIR, aside!)}`)
    expect(notice?.message).toMatch(/1 unreadable line .*1 highlight loaded/)
  })

  it('never changes the article files', async () => {
    const before = lib.read('port/crane.txt')
    await bench.addQuote(idOf('port/crane.txt'), 'eleven months', 'n')
    expect(lib.read('port/crane.txt')).toBe(before)
  })
})

describe('workbench notes in search', () => {
  it('finds notes by plain words and by note:, with the article title and quote', async () => {
    const id = idOf('port/crane.txt')
    await bench.addQuote(id, 'double the quay capacity', 'Ask the harbourmaster for tonnage figures')
    await bench.addQuote(id, 'eleven months', 'schedule seems short')
    expect(bench.searchNotes('tonnage')).toEqual([
      expect.objectContaining({ articleId: id, title: 'Crane arrives', quote: 'double the quay capacity' }),
    ])
    expect(bench.searchNotes('note:harbourmaster').map((n) => n.note)).toEqual([
      'Ask the harbourmaster for tonnage figures',
    ])
    expect(bench.searchNotes('note:schedul')).toHaveLength(1)
    expect(bench.searchNotes('note:nothing')).toEqual([])
  })

  it('lets the search index answer a query with a note: term', async () => {
    await search.ready()
    const mixed = await search.search({ query: 'crane note:tonnage' })
    expect(mixed.ok && mixed.value.hits.map((h) => h.title)).toEqual(['Crane arrives'])
    const noteOnly = await search.search({ query: 'note:tonnage' })
    expect(noteOnly.ok && noteOnly.value.total).toBe(0)
  })
})

describe('workbench citations', () => {
  it('cites an article and refuses an unknown id', async () => {
    const cited = await bench.cite(idOf('port/crane.txt'), 'bibtex')
    expect(cited.ok && cited.value).toContain('Crane arrives')
    const unknown = await bench.cite('nope', 'apa')
    expect(unknown.ok ? null : unknown.error.code).toBe('not-found')
  })
})

describe('findQuote', () => {
  it('treats regex characters in a quote as text', () => {
    expect(findQuote('costs rose (by 5%) in [May].', '(by 5%) in [May]')).toEqual({ ok: true, value: [11, 27] })
  })
})
