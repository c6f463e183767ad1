import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary, type OpenedLibrary } from '../../../electron/core/library/library'
import type { LibraryChange } from '../../../electron/shared/models'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let src: TempDir
let library: OpenedLibrary
let changes: LibraryChange[]

/** Polls until `check` passes or the time is up (chokidar is real IO: no fake timers here). */
async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (Date.now() > end) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

const titles = () => library.list().map((item) => item.title)

/** Gives chokidar time to finish its initial walk before the test changes files. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300))

beforeEach(async () => {
  lib = makeTempDir()
  src = makeTempDir()
  lib.write('existing.txt', sampleText('Existing'))
  library = await openLibrary(lib.root, { watch: true })
  changes = []
  library.onChange((change) => changes.push(change))
  await settle()
})

afterEach(async () => {
  await library.close()
  lib.remove()
  src.remove()
})

describe('watchLibrary (through openLibrary with watch: true)', () => {
  it('shows a file another program adds, without a restart', async () => {
    lib.write('arrived.txt', sampleText('Arrived later'))
    await eventually(() => expect(titles()).toContain('Arrived later'))
    expect(changes.flatMap((c) => c.added)).toHaveLength(1)
  })

  it('shows a new folder with files as a collection', async () => {
    lib.write('desk/a.txt', sampleText('In a new folder'))
    await eventually(() => expect(titles()).toContain('In a new folder'))
    expect(library.info().collections).toEqual(['desk'])
  })

  it('updates a file another program changes', async () => {
    const id = library.list()[0]!.id
    lib.write('existing.txt', sampleText('Existing, edited'))
    await eventually(() => expect(titles()).toEqual(['Existing, edited']))
    expect(changes.flatMap((c) => c.updated)).toEqual([id])
  })

  it('drops a file another program deletes', async () => {
    const id = library.list()[0]!.id
    fs.rmSync(lib.path('existing.txt'))
    await eventually(() => expect(titles()).toEqual([]))
    expect(changes.flatMap((c) => c.removed)).toEqual([id])
  })

  it('follows a rename and keeps the article’s read and starred state', async () => {
    await library.setState(library.list()[0]!.id, { read: true, starred: true })
    fs.mkdirSync(lib.path('archive'))
    await settle()
    fs.renameSync(lib.path('existing.txt'), lib.path('archive/moved.txt'))
    await eventually(() => expect(library.list().map((item) => item.path)).toEqual(['archive/moved.txt']))
    expect(library.list()[0]).toMatchObject({ read: true, starred: true })
  })

  it('ignores hidden files and Broadsheet’s own folder', async () => {
    lib.write('.draft.txt', sampleText('Hidden draft'))
    lib.write('.broadsheet/junk.txt', sampleText('Junk'))
    lib.write('visible.txt', sampleText('Visible'))
    await eventually(() => expect(titles()).toContain('Visible'))
    expect(titles()).not.toContain('Hidden draft')
    expect(titles()).not.toContain('Junk')
  })

  it('does not report the library’s own imports twice', async () => {
    src.write('in.txt', sampleText('Imported'))
    src.write('folder/deep.txt', sampleText('Imported deep'))
    await library.import([{ kind: 'path', path: src.path('in.txt') }])
    await library.import([{ kind: 'path', path: src.path('folder') }], { into: 'new' })
    // Something later from outside proves the watcher has seen everything before it.
    await settle()
    lib.write('after.txt', sampleText('After'))
    await eventually(() => expect(titles()).toContain('After'))
    await settle()
    const added = changes.flatMap((c) => c.added)
    expect(added).toHaveLength(3)
    expect(new Set(added).size).toBe(3)
    expect(changes.flatMap((c) => [...c.updated, ...c.removed])).toEqual([])
  })
})
