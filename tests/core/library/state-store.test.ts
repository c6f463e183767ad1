import fs from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { StateStore } from '../../../electron/core/library/state-store'
import type { LibraryNotice } from '../../../electron/shared/models'
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
})
