import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSettingsStore } from '../../electron/main/settings-store'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'

let dir: string
let file: string

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-settings-'))
  file = path.join(dir, 'settings.json')
})

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

describe('openSettingsStore', () => {
  it('starts with defaults on first run', () => {
    const store = openSettingsStore(file)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.windowBounds()).toBeNull()
    expect(store.libraryRoot()).toBeNull()
  })

  it('remembers settings, window bounds and the library across restarts', async () => {
    const store = openSettingsStore(file)
    await store.set({ theme: 'sepia', fontSize: 20 })
    await store.setWindowBounds({ x: 10, y: 20, width: 900, height: 700, maximized: true })
    await store.setLibraryRoot(path.join(dir, 'My Library'))
    const again = openSettingsStore(file)
    expect(again.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 20 })
    expect(again.windowBounds()).toEqual({ x: 10, y: 20, width: 900, height: 700, maximized: true })
    expect(again.libraryRoot()).toBe(path.join(dir, 'My Library'))
  })

  it('leaves no temp files behind and keeps the last of many quick writes', async () => {
    const store = openSettingsStore(file)
    await Promise.all([12, 13, 14, 15, 16].map((fontSize) => store.set({ fontSize })))
    await store.flush()
    expect(await fs.readdir(dir)).toEqual(['settings.json'])
    expect(openSettingsStore(file).get().fontSize).toBe(16)
  })

  it('never leaves a half-written file: the file on disk is always whole JSON', async () => {
    const store = openSettingsStore(file)
    await store.set({ theme: 'dark' })
    const writes = Array.from({ length: 30 }, (_, i) => store.set({ fontSize: 10 + (i % 30) }))
    for (let i = 0; i < 30; i++) {
      const text = await fs.readFile(file, 'utf8')
      expect(() => JSON.parse(text)).not.toThrow()
      await new Promise((resolve) => setImmediate(resolve))
    }
    await Promise.all(writes)
  })

  it('moves a corrupt file aside and starts with defaults', async () => {
    await fs.writeFile(file, '{"settings": {"theme": "dark"', 'utf8')
    const store = openSettingsStore(file)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    const names = await fs.readdir(dir)
    const aside = names.find((name) => name.startsWith('settings.json.corrupt-'))
    expect(aside).toBeDefined()
    expect(await fs.readFile(path.join(dir, aside!), 'utf8')).toBe('{"settings": {"theme": "dark"')
  })

  it('keeps the valid fields of a file with some bad ones', async () => {
    await fs.writeFile(
      file,
      JSON.stringify({
        settings: { theme: 'neon', fontSize: 22, lastView: 'search', lastArticleId: 5 },
        window: { x: 'left', y: 0, width: 800, height: 600, maximized: false },
        libraryRoot: 'relative/path',
      }),
    )
    const store = openSettingsStore(file)
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, fontSize: 22, lastView: 'search' })
    expect(store.windowBounds()).toBeNull()
    expect(store.libraryRoot()).toBeNull()
  })

  it('tolerates JSON that is not an object', async () => {
    await fs.writeFile(file, '[1, 2, 3]')
    expect(openSettingsStore(file).get()).toEqual(DEFAULT_SETTINGS)
  })

  it('refuses an invalid setting without changing the stored ones', async () => {
    const store = openSettingsStore(file)
    await expect(store.set({ fontSize: 500 })).rejects.toThrow(/fontSize/)
    expect(store.get().fontSize).toBe(DEFAULT_SETTINGS.fontSize)
  })
})
