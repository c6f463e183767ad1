import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/core/library/library'
import { Trash } from '../../../electron/core/library/trash'
import { makeTempDir, sampleText, type TempDir } from '../../helpers/temp-library'

let lib: TempDir
let trash: Trash

beforeEach(() => {
  lib = makeTempDir()
  trash = new Trash(lib.root, lib.path('.broadsheet'))
})

afterEach(() => lib.remove())

describe('Trash', () => {
  it('takes a file out of the library and puts it back on undo', async () => {
    lib.write('desk/port.txt', 'Port text')
    const token = await trash.hold('desk/port.txt')
    expect(lib.files()).toEqual([])
    expect(await trash.restore(token)).toBe('desk/port.txt')
    expect(lib.read('desk/port.txt')).toBe('Port text')
    expect(lib.files({ hidden: true }).filter((f) => f.includes('trash'))).toEqual([])
  })

  it('restores beside a file that took the name meanwhile, never over it', async () => {
    lib.write('port.txt', 'Old text')
    const token = await trash.hold('port.txt')
    lib.write('port.txt', 'New text')
    expect(await trash.restore(token)).toBe('port (2).txt')
    expect(lib.read('port.txt')).toBe('New text')
    expect(lib.read('port (2).txt')).toBe('Old text')
  })

  it('hands every held file to the system trash by its own name, and keeps one it could not hand over', async () => {
    lib.write('a.txt', 'A')
    lib.write('b.txt', 'B')
    await trash.hold('a.txt')
    await trash.hold('b.txt')
    const sent: string[] = []
    await trash.flush(async (file) => {
      if (path.basename(file) === 'b.txt') throw new Error('no trash on this drive')
      sent.push(path.basename(file))
    })
    expect(sent).toEqual(['a.txt'])
    const again: string[] = []
    await new Trash(lib.root, lib.path('.broadsheet')).flush(async (file) => void again.push(path.basename(file)))
    expect(again).toEqual(['b.txt'])
    expect(await trash.restore('unknown-token')).toBeUndefined()
  })

  it('refuses a path outside the library', async () => {
    await expect(trash.hold('../elsewhere.txt')).rejects.toThrow(/not inside the library/)
  })

  it('takes a trashed article out of the library list until it is restored, counting its articles', async () => {
    lib.write('port.txt', sampleText('Port expansion approved'))
    const library = await openLibrary(lib.root)
    try {
      const [id] = library.list().map((item) => item.id)
      const held = await library.trash(id!)
      expect(held).toEqual({ token: expect.any(String), articles: 1 })
      expect(library.list()).toEqual([])
      expect(await library.restore(held!.token)).toBe(true)
      expect(library.list().map((item) => item.title)).toEqual(['Port expansion approved'])
      expect(await library.trash('no-such-id')).toBeUndefined()
    } finally {
      await library.close()
    }
  })
})
