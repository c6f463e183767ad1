import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import nodePath from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type OpenedLibrary } from '../../../electron/core/library/library'
import type { ImportProgress, LibraryChange } from '../../../electron/shared/models'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

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

describe('Library.import', () => {
  it('copies a file into the library root and lists it', async () => {
    src.write('story.txt', sampleText('Harbour plan approved'))
    const [result] = await library.import([path('story.txt')])
    expect(result).toEqual({
      file: src.path('story.txt'),
      status: 'imported',
      articles: [expect.any(String)],
      warnings: [],
    })
    expect(lib.read('story.txt')).toBe(src.read('story.txt'))
    expect(library.list().map((item) => item.id)).toEqual(result!.articles)
    expect(library.list()[0]!.title).toBe('Harbour plan approved')
  })

  it('imports into a named collection, creating it', async () => {
    src.write('story.txt', sampleText('Into a collection'))
    const [result] = await library.import([path('story.txt')], { into: 'desk/politics' })
    expect(result!.status).toBe('imported')
    expect(lib.exists('desk/politics/story.txt')).toBe(true)
    expect(library.list()[0]!.collection).toBe('desk/politics')
    expect(library.info().collections).toEqual(['desk', 'desk/politics'])
  })

  it('imports a folder recursively, keeping its structure and skipping hidden names', async () => {
    src.write('batch/one.txt', sampleText('One'))
    src.write('batch/deeper/two.txt', sampleText('Two'))
    src.write('batch/.hidden.txt', sampleText('Hidden'))
    src.write('batch/.git/config.txt', sampleText('Git'))
    const results = await library.import([path('batch')], { into: 'news' })
    expect(results.map((r) => [r.file, r.status])).toEqual([
      [src.path('batch/deeper/two.txt'), 'imported'],
      [src.path('batch/one.txt'), 'imported'],
    ])
    expect(lib.files()).toEqual(['news/batch/deeper/two.txt', 'news/batch/one.txt'])
  })

  it('does not follow links in a dropped folder that lead out of it', async () => {
    const outside = makeTempDir()
    try {
      outside.write('elsewhere/secret.txt', sampleText('Not part of the drop'))
      outside.write('loose.txt', sampleText('Also not part of the drop'))
      src.write('drop/story.txt', sampleText('Part of the drop'))
      fs.symlinkSync(outside.path('elsewhere'), src.path('drop/linked-folder'))
      fs.symlinkSync(outside.path('loose.txt'), src.path('drop/linked-file.txt'))
      const results = await library.import([path('drop')])
      expect(results.map((r) => r.file)).toEqual([src.path('drop/story.txt')])
      expect(library.list().map((item) => item.title)).toEqual(['Part of the drop'])
    } finally {
      outside.remove()
    }
  })

  it('never overwrites: a taken name becomes "name (2)", then "name (3)"', async () => {
    lib.write('story.txt', sampleText('Already here'))
    await library.rescan()
    src.write('a/story.txt', sampleText('Second story'))
    src.write('b/story.txt', sampleText('Third story'))
    const results = await library.import([path('a/story.txt'), path('b/story.txt')])
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported'])
    expect(lib.read('story.txt')).toBe(sampleText('Already here'))
    expect(lib.read('story (2).txt')).toBe(sampleText('Second story'))
    expect(lib.read('story (3).txt')).toBe(sampleText('Third story'))
  })

  it('reports a file whose bytes are already in the library as a duplicate and does not copy it', async () => {
    lib.write('existing.txt', sampleText('Same bytes'))
    await library.rescan()
    const existingId = library.list()[0]!.id
    src.write('copy.txt', sampleText('Same bytes'))
    const [result] = await library.import([path('copy.txt')])
    expect(result).toMatchObject({ status: 'duplicate', duplicateOf: existingId, articles: [] })
    expect(lib.files()).toEqual(['existing.txt'])
  })

  it('finds duplicates within one batch, pointing at the first copy', async () => {
    src.write('first.txt', sampleText('Twice'))
    src.write('second.txt', sampleText('Twice'))
    const [first, second] = await library.import([path('first.txt'), path('second.txt')])
    expect(first!.status).toBe('imported')
    expect(second).toMatchObject({ status: 'duplicate', duplicateOf: first!.articles[0] })
    expect(lib.files()).toEqual(['first.txt'])
  })

  it('gives a FIFO and a name that is not UTF-8 in a dropped folder their own failed rows', async () => {
    src.write('batch/one.txt', sampleText('One'))
    execFileSync('mkfifo', [src.path('batch/pipe.txt')])
    const badName = Buffer.concat([
      Buffer.from(src.path('batch') + nodePath.sep),
      Buffer.from([0x66, 0xff, 0x2e, 0x74, 0x78, 0x74]),
    ])
    fs.writeFileSync(badName, sampleText('Bad name'))
    execFileSync('mkfifo', [src.path('lone-pipe')])
    const results = await library.import([path('batch'), path('lone-pipe')])
    const rows = results.map((r) => [nodePath.basename(r.file), r.status, r.error])
    expect(rows).toHaveLength(4)
    expect(rows).toEqual(
      expect.arrayContaining([
        ['one.txt', 'imported', undefined],
        ['pipe.txt', 'failed', 'not a regular file (FIFO)'],
        ['lone-pipe', 'failed', 'not a regular file (FIFO)'],
        [expect.stringMatching(/^f.*\.txt$/), 'failed', expect.stringMatching(/not valid UTF-8/)],
      ]),
    )
  })

  it('gives no " (2)" copies when two library instances import the same files at once', async () => {
    const other = await openLibrary(lib.root)
    try {
      for (let i = 0; i < 6; i++) src.write(`batch/story-${i}.txt`, sampleText(`Story ${i}`))
      const [mine, theirs] = await Promise.all([library.import([path('batch')]), other.import([path('batch')])])
      expect(lib.files()).toEqual(Array.from({ length: 6 }, (_, i) => `batch/story-${i}.txt`))
      expect([...mine, ...theirs].filter((r) => r.status === 'imported')).toHaveLength(6)
      expect([...mine, ...theirs].filter((r) => r.status === 'duplicate')).toHaveLength(6)
    } finally {
      await other.close()
    }
  })

  it('goes on after failures and gives each bad file a specific reason', async () => {
    src.write('good.txt', sampleText('Good one'))
    src.write('empty.txt', '')
    src.write('picture.png', 'png bytes')
    src.write('noext', 'no extension')
    src.write('later.txt', sampleText('Good two'))
    const results = await library.import([
      path('good.txt'),
      path('empty.txt'),
      path('picture.png'),
      path('missing.txt'),
      path('noext'),
      path('later.txt'),
    ])
    expect(results.map((r) => r.status)).toEqual(['imported', 'failed', 'failed', 'failed', 'failed', 'imported'])
    expect(results[1]!.error).toMatch(/empty/)
    expect(results[2]!.error).toMatch(/unsupported file type "\.png"/)
    expect(results[3]!.error).toBe('file not found')
    expect(results[4]!.error).toMatch(/no file extension/)
    expect(lib.files()).toEqual(['good.txt', 'later.txt'])
  })

  it('gives every record of a JSONL export its own id and passes a bad line on as a warning', async () => {
    const line = (title: string) => JSON.stringify({ title, text: `Body of ${title.toLowerCase()}, in a few words.` })
    src.write('feed.jsonl', [line('First record'), '{oops', line('Third record')].join('\n'))
    const [result] = await library.import([path('feed.jsonl')])
    expect(result!.status).toBe('imported')
    expect(result!.articles).toHaveLength(2)
    expect(result!.warnings).toEqual([expect.stringMatching(/^line 2(, column \d+)?: /)])
    expect(library.list().map((item) => [item.id, item.title])).toEqual([
      [result!.articles[0], 'First record'],
      [result!.articles[1], 'Third record'],
    ])
    expect((await library.get(result!.articles[1]!))?.text).toContain('third record')
  })

  it('imports a saved HTML page (parsed in a worker) with its title and reading HTML', async () => {
    const paragraph = '<p>The river authority opened the new lock on Monday after two years of work on the channel.</p>'
    src.write(
      'saved/page.html',
      `<!doctype html><html><head><title>Lock opens on the river</title></head><body><article><h1>Lock opens on the river</h1>${paragraph.repeat(8)}</article></body></html>`,
    )
    const [result] = await library.import([path('saved/page.html')])
    expect(result!.status).toBe('imported')
    const article = await library.get(result!.articles[0]!)
    expect(article?.title).toBe('Lock opens on the river')
    expect(article?.text).toContain('opened the new lock')
    expect(article?.html).toContain('<p>')
  })

  it('refuses a file over the size limit', async () => {
    await library.close()
    library = await openLibrary(lib.root, { maxFileBytes: 100 })
    src.write('big.txt', `Big\n\n${'word '.repeat(100)}`)
    const [result] = await library.import([path('big.txt')])
    // The parser's own reason, word for word: one message for the one limit.
    expect(result).toMatchObject({ status: 'failed', error: 'file is 505 bytes, over the 100 bytes limit' })
    expect(lib.files()).toEqual([])
  })

  it('leaves the originals untouched: same bytes, same mtime, still there', async () => {
    const file = src.write('keep/original.txt', sampleText('Original'))
    const old = new Date('2023-01-02T03:04:05Z')
    fs.utimesSync(file, old, old)
    const before = { bytes: fs.readFileSync(file), mtime: fs.statSync(file).mtimeMs }
    await library.import([path('keep')])
    await library.import([path('keep/original.txt')], { into: 'again' })
    expect(fs.readFileSync(file)).toEqual(before.bytes)
    expect(fs.statSync(file).mtimeMs).toBe(before.mtime)
    expect(src.files()).toEqual(['keep/original.txt'])
  })

  it('imports bytes sources, with a relative name inside a dropped folder', async () => {
    const bytes = new TextEncoder().encode(sampleText('Dropped'))
    const results = await library.import(
      [
        { kind: 'bytes', name: 'dropped/inner/story.txt', bytes },
        { kind: 'bytes', name: 'dropped/.DS_Store.txt', bytes: new TextEncoder().encode('x') },
      ],
      { into: 'web' },
    )
    expect(results[0]).toMatchObject({ file: 'dropped/inner/story.txt', status: 'imported' })
    expect(results[1]).toMatchObject({ status: 'failed', error: expect.stringMatching(/hidden name/) })
    expect(lib.files()).toEqual(['web/dropped/inner/story.txt'])
  })

  it('leaves no temp file behind, and nothing at all for a failed copy', async () => {
    src.write('ok.txt', sampleText('Fine'))
    src.write('blocked.txt', sampleText('Blocked'))
    lib.write('locked', 'a file where a folder is wanted')
    const results = await library.import([path('ok.txt')])
    const blocked = await library.import([path('blocked.txt')], { into: 'locked/inner' })
    expect(results[0]!.status).toBe('imported')
    expect(blocked[0]).toMatchObject({ status: 'failed', error: expect.stringMatching(/cannot/) })
    expect(lib.files()).toEqual(['locked', 'ok.txt'])
    const tmp = lib.path('.broadsheet/tmp')
    expect(fs.existsSync(tmp) ? fs.readdirSync(tmp) : []).toEqual([])
  })

  it('fails every file for an invalid collection name', async () => {
    src.write('a.txt', sampleText('A'))
    const [result] = await library.import([path('a.txt')], { into: '../escape' })
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/not a valid collection/) })
    expect(fs.existsSync(lib.path('../escape'))).toBe(false)
  })

  it('reports progress and emits one change with the new ids', async () => {
    src.write('a.txt', sampleText('A'))
    src.write('b.txt', sampleText('B'))
    const progress: ImportProgress[] = []
    const changes: LibraryChange[] = []
    library.onChange((change) => changes.push(change))
    const results = await library.import([path('a.txt'), path('b.txt')], { onProgress: (p) => progress.push(p) })
    expect(progress.at(-1)).toEqual({ done: 2, total: 2, current: null })
    expect(progress.slice(0, 2).map((p) => p.done)).toEqual([1, 2])
    expect(
      progress
        .slice(0, 2)
        .map((p) => p.current)
        .sort(),
    ).toEqual([src.path('a.txt'), src.path('b.txt')])
    expect(changes).toEqual([{ added: results.flatMap((r) => r.articles), updated: [], removed: [] }])
  })

  it('keeps imported articles and their importedAt after a restart', async () => {
    src.write('a.txt', sampleText('A'))
    const [result] = await library.import([path('a.txt')])
    const before = library.list()
    await library.close()
    library = await openLibrary(lib.root)
    expect(library.list()).toEqual(before)
    expect(library.list()[0]!.id).toBe(result!.articles[0])
  })
})
