import fs from 'node:fs'
import fsp from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StateStore } from '../../../electron/core/library/state-store'
import type { LibraryNotice } from '../../../electron/shared/models'
import * as atomic from '../../../electron/core/library/atomic'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let dir: TempDir

beforeEach(() => {
  dir = makeTempDir()
})

afterEach(() => {
  vi.useRealTimers()
  dir.remove()
})

const stateFile = () => JSON.parse(dir.read('state.json')) as { version: number; articles: Record<string, unknown> }

describe('StateStore', () => {
  it('round-trips read and starred through state.json', async () => {
    const store = await StateStore.load(dir.root, [])
    store.set('a', { read: true })
    store.set('b', { starred: true })
    await store.flush()
    const again = await StateStore.load(dir.root, [])
    expect(again.get('a')).toEqual({ read: true, starred: false })
    expect(again.get('b')).toEqual({ read: false, starred: true })
    expect(again.get('unknown')).toEqual({ read: false, starred: false })
    expect(stateFile().version).toBe(1)
  })

  it('waits for more changes before writing, then writes them together', async () => {
    vi.useFakeTimers()
    const store = await StateStore.load(dir.root, [])
    store.set('a', { read: true })
    store.set('b', { read: true })
    expect(dir.exists('state.json')).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    vi.useRealTimers()
    await store.flush()
    expect(Object.keys(stateFile().articles).sort()).toEqual(['a', 'b'])
  })

  it('writes atomically: no temp file is left and the file is always whole JSON', async () => {
    const store = await StateStore.load(dir.root, [])
    for (let i = 0; i < 20; i++) store.set(`id${i}`, { starred: true })
    await store.flush()
    expect(Object.keys(stateFile().articles)).toHaveLength(20)
    expect(fs.readdirSync(dir.path('tmp'))).toEqual([])
  })

  it('moves a corrupt file aside, reports a notice and starts empty', async () => {
    dir.write('state.json', '{"version":1,"articles":{"a":')
    const notices: LibraryNotice[] = []
    const store = await StateStore.load(dir.root, notices)
    expect(notices).toEqual([
      { code: 'state-corrupt', message: expect.stringMatching(/moved to state\.json\.corrupt-/) },
    ])
    expect(store.get('a')).toEqual({ read: false, starred: false })
    expect(dir.exists('state.json')).toBe(false)
    expect(fs.readdirSync(dir.root).some((name) => name.startsWith('state.json.corrupt-'))).toBe(true)
  })

  it('treats an unknown version like a corrupt file', async () => {
    dir.write('state.json', JSON.stringify({ version: 7, articles: { a: { read: true } } }))
    const notices: LibraryNotice[] = []
    const store = await StateStore.load(dir.root, notices)
    expect(notices.map((n) => n.code)).toEqual(['state-corrupt'])
    expect(store.get('a').read).toBe(false)
  })

  it('keeps per-article fields it does not know (written by a later version)', async () => {
    dir.write('state.json', JSON.stringify({ version: 1, articles: { a: { read: true, note: 'check the date' } } }))
    const store = await StateStore.load(dir.root, [])
    expect(store.get('a')).toEqual({ read: true, starred: false })
    store.set('a', { read: false, starred: true })
    await store.flush()
    expect(stateFile().articles).toEqual({ a: { starred: true, note: 'check the date' } })
  })

  it('moves state from one id to another', async () => {
    const store = await StateStore.load(dir.root, [])
    store.set('old', { starred: true })
    store.move('old', 'new')
    expect(store.get('new').starred).toBe(true)
    expect(store.get('old').starred).toBe(false)
    await store.flush()
  })

  it('keeps corrections per article and writes them beside read and starred', async () => {
    const store = await StateStore.load(dir.root, [])
    store.set('a', { read: true })
    await store.setEdits('a', { title: 'Harbour opens a new pier', published: null })
    expect(stateFile().articles).toEqual({
      a: { read: true, edits: { title: 'Harbour opens a new pier', published: null } },
    })
    const again = await StateStore.load(dir.root, [])
    expect(again.edits('a')).toEqual({ title: 'Harbour opens a new pier', published: null })
    expect(again.edits('b')).toBeUndefined()
    await again.setEdits('a', {})
    expect(again.edits('a')).toBeUndefined()
    expect(stateFile().articles).toEqual({ a: { read: true } })
  })

  it('sets aside a state file of the wrong shape, like a corrupt one', async () => {
    dir.write('state.json', JSON.stringify({ version: 1, articles: [{ read: true }] }))
    const notices: LibraryNotice[] = []
    await StateStore.load(dir.root, notices)
    expect(notices.map((n) => n.code)).toEqual(['state-corrupt'])
    expect(fs.readdirSync(dir.root).some((name) => name.startsWith('state.json.corrupt-'))).toBe(true)
  })

  it('sets aside a state file it cannot read and never writes over one it could not set aside', async () => {
    dir.write('state.json', JSON.stringify({ version: 1, articles: { a: { starred: true } } }))
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })
    const read = vi.spyOn(fsp, 'readFile').mockRejectedValueOnce(denied)
    const rename = vi.spyOn(fsp, 'rename').mockRejectedValueOnce(denied)
    const notices: LibraryNotice[] = []
    const store = await StateStore.load(dir.root, notices)
    read.mockRestore()
    rename.mockRestore()
    expect(notices.map((n) => n.code)).toEqual(['state-corrupt'])
    store.set('b', { read: true })
    await expect(store.flush()).rejects.toThrow(/state\.json/)
    expect(stateFile().articles).toEqual({ a: { starred: true } })
  })

  it('rejects a failed write, says unsaved changes are pending, and rolls a correction back', async () => {
    const store = await StateStore.load(dir.root, [])
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    const write = vi.spyOn(atomic, 'writeFileAtomic').mockRejectedValue(full)
    store.set('a', { starred: true })
    await expect(store.flush()).rejects.toThrow(/ENOSPC/)
    expect(store.unsaved).toBe(true)
    await expect(store.setEdits('a', { title: 'Corrected' })).rejects.toThrow(/ENOSPC/)
    expect(store.edits('a')).toBeUndefined()
    write.mockRestore()
    await store.flush()
    expect(store.unsaved).toBe(false)
    expect(stateFile().articles).toEqual({ a: { starred: true } })
  })
})
