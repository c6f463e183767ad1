import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { toListRow, type ArticleEdits } from '../../../electron/shared/models'
import type { ParseOutcome } from '../../../electron/core/formats/types'
import {
  LibraryOpenError,
  openLibrary,
  type OpenedLibrary,
  type OpenLibraryExtras,
} from '../../../electron/core/library/library'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

// The real parsers, behind a spy (to count parses); .jsonl gets a tiny stand-in so record ids can be
// tested whatever stage the JSONL parser is at.
const parseSpy = vi.hoisted(() => ({ calls: [] as string[] }))
vi.mock('../../../electron/core/formats/index', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/core/formats/index')>()
  return {
    ...real,
    parseFile: async (bytes: Uint8Array, fileName: string, options?: { maxBytes?: number }): Promise<ParseOutcome> => {
      parseSpy.calls.push(fileName)
      if (!fileName.endsWith('.jsonl')) return real.parseFile(bytes, fileName, options)
      const lines = new TextDecoder().decode(bytes).split('\n')
      const articles: Extract<ParseOutcome, { ok: true }>['articles'] = []
      const warnings: string[] = []
      lines.forEach((line, index) => {
        if (!line.trim()) return
        try {
          const record = JSON.parse(line) as { title: string; text: string }
          articles.push({
            index,
            article: {
              title: record.title,
              text: record.text,
              author: null,
              site: null,
              url: null,
              published: null,
              sourceUrl: null,
              capturedAt: null,
              language: null,
              category: null,
              html: null,
              disclaimers: [],
              flags: [],
              wordCount: record.text.split(/\s+/).length,
            },
          })
        } catch {
          warnings.push(`line ${index + 1}: not valid JSON`)
        }
      })
      return articles.length ? { ok: true, articles, warnings } : { ok: false, reason: 'no valid JSON line' }
    },
  }
})

let lib: TempDir
let outside: TempDir
let library: OpenedLibrary | undefined

beforeEach(() => {
  lib = makeTempDir()
  outside = makeTempDir()
  parseSpy.calls.length = 0
})

afterEach(async () => {
  await library?.close()
  library = undefined
  lib.remove()
  outside.remove()
})

async function open(options: OpenLibraryExtras = {}) {
  await library?.close()
  // Parsing stays in this thread so the spy and the JSONL stand-in above see every parse.
  library = await openLibrary(lib.root, { parseThreads: 0, ...options })
  return library
}

const titles = (l: OpenedLibrary) => l.list().map((item) => item.title)

describe('openLibrary', () => {
  it('lists the articles of every sub-folder, with collections named by relative path', async () => {
    lib.write('top.txt', sampleText('Top story'))
    lib.write('world/europe/paris.txt', sampleText('Paris story'))
    lib.write('world/tokyo.txt', sampleText('Tokyo story'))
    const l = await open()
    expect(titles(l).sort()).toEqual(['Paris story', 'Tokyo story', 'Top story'])
    const paris = l.list().find((item) => item.title === 'Paris story')!
    expect(paris.collection).toBe('world/europe')
    expect(paris.path).toBe('world/europe/paris.txt')
    expect(l.info()).toMatchObject({ root: lib.root, articleCount: 3, collections: ['world', 'world/europe'] })
  })

  it('skips hidden files and folders and ignores unsupported extensions', async () => {
    lib.write('.hidden.txt', sampleText('Hidden file'))
    lib.write('.secret/inside.txt', sampleText('Hidden folder'))
    lib.write('photo.jpg', 'not an article')
    lib.write('visible.txt', sampleText('Visible'))
    const l = await open()
    expect(titles(l)).toEqual(['Visible'])
    expect(l.info().collections).toEqual([])
  })

  it('names files it cannot read as articles in a notice, and lists the rest', async () => {
    lib.write('good.txt', sampleText('Good'))
    lib.write('desk/empty.txt', '')
    const l = await open()
    expect(titles(l)).toEqual(['Good'])
    expect(l.info().notices).toEqual([
      {
        code: 'scan-failed',
        message: expect.stringMatching(
          /^1 file in the library could not be read as articles: desk\/empty\.txt \(.+\)$/,
        ),
      },
    ])
  })

  it('does not follow a symlink that leads outside the library or into a hidden folder', async () => {
    outside.write('elsewhere/far.txt', sampleText('Far away'))
    outside.write('single.txt', sampleText('Single far file'))
    fs.symlinkSync(outside.path('elsewhere'), lib.path('linked-folder'))
    fs.symlinkSync(outside.path('single.txt'), lib.path('linked.txt'))
    lib.write('.private/kept.txt', sampleText('Kept hidden'))
    fs.symlinkSync(lib.path('.private'), lib.path('peek'))
    lib.write('home.txt', sampleText('At home'))
    const l = await open()
    expect(titles(l)).toEqual(['At home'])
  })

  it('follows a symlink inside the library without looping', async () => {
    lib.write('real/story.txt', sampleText('Real story'))
    fs.symlinkSync(lib.path('real'), lib.path('alias'))
    fs.symlinkSync(lib.root, lib.path('real/loop'))
    lib.write('other/note.txt', sampleText('Linked note'))
    fs.symlinkSync(lib.path('other'), lib.path('real/shortcut'))
    const l = await open()
    expect(l.list().map((item) => item.path)).toEqual(['other/note.txt', 'real/story.txt'])
  })

  it('gives every article the same id after a restart', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    lib.write('sub/b.txt', sampleText('Beta'))
    const first = (await open()).list().map((item) => item.id)
    fs.rmSync(lib.path('.broadsheet'), { recursive: true })
    const second = (await open()).list().map((item) => item.id)
    expect(second).toEqual(first)
    expect(new Set(first).size).toBe(2)
  })

  it('gives each record of a JSONL file its own id', async () => {
    lib.write(
      'feed.jsonl',
      [
        JSON.stringify({ title: 'First record', text: 'One.' }),
        '{broken',
        JSON.stringify({ title: 'Third record', text: 'Three.' }),
      ].join('\n'),
    )
    const l = await open()
    const items = l.list()
    expect(items.map((item) => item.title)).toEqual(['First record', 'Third record'])
    expect(items[0]!.id).not.toBe(items[1]!.id)
    expect(items[0]!.id.endsWith('-0')).toBe(true)
    expect((await l.get(items[1]!.id))?.text).toBe('Three.')
    parseSpy.calls.length = 0
    const again = await open()
    expect(parseSpy.calls).toEqual([])
    expect(again.list()).toEqual(items)
  })

  it('returns the whole article for get() and undefined for an unknown id', async () => {
    lib.write('news/a.txt', sampleText('Harbour plan', 'The harbour plan was approved by the council.'))
    const l = await open()
    const id = l.list()[0]!.id
    const article = await l.get(id)
    expect(article?.title).toBe('Harbour plan')
    expect(article?.text).toContain('approved by the council')
    expect(article?.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(await l.get('nope')).toBeUndefined()
  })

  it('confines pathOf to the library whatever the id', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    const l = await open()
    const id = l.list()[0]!.id
    expect(l.pathOf(id)).toBe(path.join(lib.root, 'a.txt'))
    for (const bad of ['../../etc/passwd', '/etc/passwd', '..', '', '.broadsheet/state.json']) {
      expect(l.pathOf(bad)).toBeUndefined()
    }
  })

  it('keeps importedAt of a scanned file at its mtime', async () => {
    const file = lib.write('a.txt', sampleText('Alpha'))
    const when = new Date('2024-03-05T10:00:00Z')
    fs.utimesSync(file, when, when)
    const l = await open()
    expect(l.list()[0]!.importedAt).toBe(when.toISOString())
  })

  it('rejects a missing folder, a file, and creates the folder with create: true', async () => {
    const missing = path.join(lib.root, 'missing')
    await expect(openLibrary(missing)).rejects.toThrow(LibraryOpenError)
    await expect(openLibrary(missing)).rejects.toThrow(/does not exist/)
    const file = lib.write('plain.txt', 'x')
    await expect(openLibrary(file)).rejects.toThrow(/not a folder/)
    const created = await openLibrary(missing, { create: true })
    expect(fs.statSync(missing).isDirectory()).toBe(true)
    await created.close()
  })

  it('does not re-parse unchanged files after a restart, but re-reads a changed one', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    lib.write('b.txt', sampleText('Beta'))
    await open()
    await library!.close()
    library = undefined
    parseSpy.calls.length = 0
    await open()
    expect(parseSpy.calls).toEqual([])

    await library!.close()
    library = undefined
    const file = lib.write('b.txt', sampleText('Beta revised, longer title'))
    const later = new Date(Date.now() + 5000)
    fs.utimesSync(file, later, later)
    const l = await open()
    expect(parseSpy.calls).toEqual(['b.txt'])
    expect(titles(l)).toEqual(['Alpha', 'Beta revised, longer title'])
  })

  it('rebuilds a corrupt or other-version catalog silently', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    await open()
    await library!.close()
    library = undefined
    fs.writeFileSync(lib.path('.broadsheet/catalog.json'), '{"version": 1, "files": {"a.txt": 42')
    expect(titles(await open())).toEqual(['Alpha'])
    await library!.close()
    library = undefined
    fs.writeFileSync(lib.path('.broadsheet/catalog.json'), JSON.stringify({ version: 999, files: {} }))
    const l = await open()
    expect(titles(l)).toEqual(['Alpha'])
    expect(l.info().notices).toEqual([])
  })

  it('drops temp files a crash left behind, but not fresh ones another process may be writing', async () => {
    const stale = lib.write('.broadsheet/tmp/old.part', 'half a file')
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    fs.utimesSync(stale, hourAgo, hourAgo)
    lib.write('.broadsheet/tmp/fresh.part', 'being written')
    await open()
    expect(fs.readdirSync(lib.path('.broadsheet/tmp'))).toEqual(['fresh.part'])
  })

  it('keeps read and starred state across a restart', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    const l = await open()
    const id = l.list()[0]!.id
    expect(await l.setState(id, { starred: true })).toEqual({ read: false, starred: true })
    await l.setState(id, { read: true })
    const again = await open()
    expect(again.state(id)).toEqual({ read: true, starred: true })
    expect(again.list()[0]).toMatchObject({ read: true, starred: true })
  })

  it('lists read-later tags, archived state and saved time with the article, and in the list row', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    lib.write('b.txt', sampleText('Beta'))
    const l = await open()
    const [a, b] = l.list()
    await l.setState(a!.id, { tags: ['climate', 'eu'], archived: true, savedAt: '2024-05-03T09:00:00.000Z' })
    const again = await open()
    const listed = again.list()
    expect(listed.find((i) => i.id === a!.id)).toMatchObject({
      read: false,
      tags: ['climate', 'eu'],
      archived: true,
      savedAt: '2024-05-03T09:00:00.000Z',
    })
    expect(toListRow(listed.find((i) => i.id === a!.id)!)).toMatchObject({ tags: ['climate', 'eu'], archived: true })
    // An article without read-later state has no such keys: 100,000 rows cross IPC.
    const plain = toListRow(listed.find((i) => i.id === b!.id)!)
    expect(plain).not.toHaveProperty('tags')
    expect(plain).not.toHaveProperty('archived')
  })

  it('opens with fresh state and a notice when state.json is corrupt', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    lib.write('.broadsheet/state.json', '{ this is not json')
    const l = await open()
    expect(l.info().notices).toEqual([expect.objectContaining({ code: 'state-corrupt' })])
    expect(l.state(l.list()[0]!.id)).toEqual({ read: false, starred: false })
    const aside = fs.readdirSync(lib.path('.broadsheet')).filter((name) => name.startsWith('state.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(fs.readFileSync(lib.path(`.broadsheet/${aside[0]}`), 'utf8')).toBe('{ this is not json')
  })

  it('reports files removed and added by rescan() and keeps state across a rename', async () => {
    lib.write('a.txt', sampleText('Alpha'))
    const l = await open()
    const oldId = l.list()[0]!.id
    await l.setState(oldId, { starred: true })
    fs.renameSync(lib.path('a.txt'), lib.path('renamed.txt'))
    lib.write('new.txt', sampleText('New one'))
    const changes: unknown[] = []
    l.onChange((change) => changes.push(change))
    const change = await l.rescan()
    expect(change.removed).toEqual([oldId])
    expect(change.added).toHaveLength(2)
    expect(changes).toEqual([change])
    const renamed = l.list().find((item) => item.title === 'Alpha')!
    expect(renamed.starred).toBe(true)
  })

  it('shows a user’s corrections in list() and get(), names them in edited, and tells the listeners', async () => {
    lib.write('a.txt', sampleText('Harbor plan', 'The harbour plan was approved by the council.'))
    // The state store keeps corrections on disk (its own tests); here they live in a map that outlives a restart.
    const kept = new Map<string, ArticleEdits>()
    const edits = { edits: (id: string) => kept.get(id), setEdits: (id: string, e: ArticleEdits) => kept.set(id, e) }
    const l = await open({ edits })
    const id = l.list()[0]!.id
    const changes: unknown[] = []
    l.onChange((change) => changes.push(change))
    const edited = await l.edit(id, { title: 'Harbour plan', site: 'Port Gazette' })
    expect(edited).toMatchObject({ title: 'Harbour plan', site: 'Port Gazette', edited: ['title', 'site'] })
    expect(edited?.text).toContain('approved by the council')
    expect(l.list()[0]).toMatchObject({ title: 'Harbour plan', site: 'Port Gazette', edited: ['title', 'site'] })
    expect(changes).toEqual([{ added: [], updated: [id], removed: [], cause: 'edit' }])
    // Setting a field back to what the file says drops that correction.
    expect((await l.edit(id, { title: 'Harbor plan' }))?.edited).toEqual(['site'])
    const again = await open({ edits })
    expect(await again.get(id)).toMatchObject({ title: 'Harbor plan', site: 'Port Gazette', edited: ['site'] })
    expect(await again.edit('no-such-id', { title: 'x' })).toBeUndefined()
  })

  it('yields every whole article from articles()', async () => {
    lib.write('a.txt', sampleText('Alpha', 'First body.'))
    lib.write('z/b.txt', sampleText('Beta', 'Second body.'))
    const l = await open()
    const all = []
    for await (const article of l.articles()) all.push(article)
    expect(all.map((a) => a.title)).toEqual(['Alpha', 'Beta'])
    expect(all[1]!.text).toContain('Second body.')
    expect(all.map((a) => a.id)).toEqual(l.list().map((item) => item.id))
  })
})
