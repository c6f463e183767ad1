import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/core/library/library'
import type { Library } from '../../../electron/core/library/types'
import { openSearchIndex } from '../../../electron/core/search/search-index'
import type { SearchIndex } from '../../../electron/core/search/types'
import { LibraryWorkbench } from '../../../electron/core/workbench/index'
import { makeTempDir, makeTempLibrary, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let src: TempDir
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
  src = makeTempDir()
  lib.write('a/ferry-1.txt', sampleText('Ferry strike begins', 'Ferry crews walked out at dawn.'))
  lib.write('a/market.txt', sampleText('Market day', 'Stallholders sold apples.'))
  await open()
})

afterEach(async () => {
  await close()
  lib.remove()
  src.remove()
})

describe('saved searches', () => {
  it('shows exactly the new matching articles after an import, new first, then marks them seen', async () => {
    const made = await bench.saveSearch('ferries', { query: 'ferry', limit: 5, offset: 3 })
    expect(made.ok && made.value).toMatchObject({ name: 'ferries', total: 1, newCount: 0 })
    expect(made.ok && made.value.request).toEqual({ query: 'ferry' })
    const files = [
      src.write('ferry-2.txt', sampleText('Ferry talks resume', 'Ferry owners met the union.')),
      src.write('ferry-3.txt', sampleText('Ferry deal agreed', 'The ferry dispute ended.')),
      src.write('bridge.txt', sampleText('Bridge closed', 'The bridge shut for repairs.')),
    ]
    await library.import(files.map((path) => ({ kind: 'path' as const, path })))
    const [listed] = await bench.savedSearches()
    expect(listed).toMatchObject({ name: 'ferries', total: 3, newCount: 2 })
    const opened = await bench.openSaved('ferries')
    if (!opened.ok) throw new Error(opened.error.message)
    const fresh = [idOf('ferry-2.txt'), idOf('ferry-3.txt')].sort()
    expect([...opened.value.newIds].sort()).toEqual(fresh)
    expect([...opened.value.ids.slice(0, 2)].sort()).toEqual(fresh)
    expect(opened.value.ids[2]).toBe(idOf('a/ferry-1.txt'))
    expect(opened.value.saved.newCount).toBe(2)
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 3, newCount: 0 })
  })

  it('counts a file another program drops in the folder once rescanned, and keeps what was seen across a reopen', async () => {
    await bench.saveSearch('ferries', { query: 'ferry' })
    await close()
    await open()
    lib.write('a/ferry-4.txt', sampleText('Ferry fares rise', 'Ferry tickets cost more from May.'))
    await library.rescan()
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 2, newCount: 1 })
    const opened = await bench.openSaved('ferries')
    expect(opened.ok && opened.value.newIds).toEqual([idOf('a/ferry-4.txt')])
    await close()
    await open()
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 2, newCount: 0 })
  })

  it('drops an article from the count when an edit makes it stop matching or it is deleted', async () => {
    lib.write('a/ferry-2.txt', sampleText('Ferry two', 'Another ferry sailed.'))
    await library.rescan()
    await bench.saveSearch('ferries', { query: 'ferry' })
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 2, newCount: 0 })
    lib.write('a/ferry-2.txt', sampleText('Boat two', 'Another boat sailed.'))
    await library.rescan()
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 1, newCount: 0 })
    lib.write('a/ferry-2.txt', sampleText('Ferry again', 'The ferry is back.'))
    await library.rescan()
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 2, newCount: 0 })
    await library.trash(idOf('a/ferry-1.txt'))
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 1, newCount: 0 })
  })

  it('keeps a saved search another process added meanwhile (the CLI beside the app)', async () => {
    await bench.saveSearch('ferries', { query: 'ferry' })
    const other = await LibraryWorkbench.open(library, search, null)
    await other.saveSearch('markets', { query: 'market' })
    await other.close()
    await bench.saveSearch('apples', { query: 'apples' })
    expect((await bench.savedSearches()).map((s) => s.name)).toEqual(['ferries', 'markets', 'apples'])
    await close()
    await open()
    expect((await bench.savedSearches()).map((s) => s.name)).toEqual(['ferries', 'markets', 'apples'])
  })

  it('keeps the filters with the query', async () => {
    await bench.saveSearch('in b', { query: 'ferry', collection: 'b' })
    await library.import(
      [{ kind: 'path', path: src.write('ferry-5.txt', sampleText('Ferry late', 'The ferry was late.')) }],
      {
        into: 'b',
      },
    )
    expect((await bench.savedSearches())[0]).toMatchObject({ total: 1, newCount: 1 })
  })

  it('refuses a repeated or empty name, a bad query and an unknown name, with the reason', async () => {
    await bench.saveSearch('ferries', { query: 'ferry' })
    const again = await bench.saveSearch('ferries', { query: 'strike' })
    expect(again.ok ? null : again.error.message).toBe('A saved search named "ferries" already exists.')
    const empty = await bench.saveSearch('  ', { query: 'strike' })
    expect(empty.ok ? null : empty.error.code).toBe('invalid-argument')
    const syntax = await bench.saveSearch('bad', { query: 'nofield:x' })
    expect(syntax.ok ? null : syntax.error.code).toBe('query-syntax')
    const unknown = await bench.openSaved('nope')
    expect(unknown.ok ? null : unknown.error.message).toBe('No saved search named "nope".')
    expect(await bench.removeSaved('ferries')).toBe(true)
    expect(await bench.savedSearches()).toEqual([])
  })

  it('sets an unreadable saved-searches file aside and starts empty', async () => {
    await close()
    lib.write('.broadsheet/saved-searches.json', '{"version": 1, "searches": [tru')
    await open()
    expect(await bench.savedSearches()).toEqual([])
    expect(lib.files({ hidden: true }).some((f) => f.startsWith('.broadsheet/saved-searches.json.corrupt-'))).toBe(true)
  })
})
