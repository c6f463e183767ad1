import fs from 'node:fs'
import fsp from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { copyNew, writeFileAtomic } from '../../../electron/core/library/atomic'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let dir: TempDir
const bytes = (s: string) => new TextEncoder().encode(s)

beforeEach(() => {
  dir = makeTempDir()
})

afterEach(() => {
  vi.restoreAllMocks()
  dir.remove()
})

const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code })

describe('copyNew', () => {
  it('copies whole where hard links are not supported, never over an existing file', async () => {
    vi.spyOn(fsp, 'link').mockRejectedValue(errno('EXDEV'))
    dir.write('a.txt', 'original')
    const name = await copyNew(bytes('the new text'), dir.root, 'a.txt', dir.path('.tmp'))
    expect(name).toBe('a (2).txt')
    expect(dir.read('a.txt')).toBe('original')
    expect(dir.read('a (2).txt')).toBe('the new text')
    expect(dir.files({ hidden: true }).filter((f) => !f.startsWith('.tmp'))).toEqual(['a (2).txt', 'a.txt'])
  })

  it('leaves no empty or partial file when both linking and renaming fail', async () => {
    vi.spyOn(fsp, 'link').mockRejectedValue(errno('EPERM'))
    vi.spyOn(fsp, 'rename').mockRejectedValue(errno('EIO'))
    await expect(copyNew(bytes('the new text'), dir.root, 'a.txt', dir.path('.tmp'))).rejects.toThrow(/EIO/)
    expect(dir.files({ hidden: true })).toEqual([])
  })

  it('writes a new file and leaves no temp file', async () => {
    const name = await copyNew(bytes('hello'), dir.root, 'a.txt', dir.path('.tmp'))
    expect(name).toBe('a.txt')
    expect(dir.read('a.txt')).toBe('hello')
    expect(fs.readdirSync(dir.path('.tmp'))).toEqual([])
  })

  it('never overwrites, even when many copies race for the same name', async () => {
    dir.write('a.txt', 'original')
    const names = await Promise.all(
      Array.from({ length: 10 }, (_, i) => copyNew(bytes(`copy ${i}`), dir.root, 'a.txt', dir.path('.tmp'))),
    )
    expect(new Set(names).size).toBe(10)
    expect(names).not.toContain('a.txt')
    expect(dir.read('a.txt')).toBe('original')
    expect(dir.files()).toHaveLength(11)
  })

  it('leaves nothing behind when the target folder is missing', async () => {
    await expect(copyNew(bytes('x'), dir.path('missing'), 'a.txt', dir.path('.tmp'))).rejects.toThrow()
    expect(fs.readdirSync(dir.path('.tmp'))).toEqual([])
    expect(dir.files()).toEqual([])
  })
})

describe('writeFileAtomic', () => {
  it('replaces a file whole', async () => {
    dir.write('state.json', 'old')
    await writeFileAtomic(dir.path('state.json'), 'new', dir.path('.tmp'))
    expect(dir.read('state.json')).toBe('new')
    expect(fs.readdirSync(dir.path('.tmp'))).toEqual([])
  })
})
