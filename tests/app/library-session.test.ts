import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Library } from '../../electron/core/library/types'
import type { SearchIndex } from '../../electron/core/search/types'
import type { LibraryChange } from '../../electron/shared/models'
import type { Workbench } from '../../electron/core/workbench/types'
import {
  copyTreeNoOverwrite,
  createLibrarySession,
  libraryInfo,
  seedDefaultLibrary,
} from '../../electron/app/library-session'

let tmp: string
let sampleDir: string
let documents: string

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-session-'))
  sampleDir = path.join(tmp, 'sample-library')
  documents = path.join(tmp, 'Documents')
  await fs.mkdir(path.join(sampleDir, 'world'), { recursive: true })
  await fs.writeFile(path.join(sampleDir, 'world', 'port.txt'), 'Port expansion approved\n\nThe council voted.')
  await fs.writeFile(path.join(sampleDir, 'readme.md'), '# Sample')
  await fs.mkdir(documents)
})

afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true })
})

function fakeLibrary(root: string) {
  const listeners: ((change: LibraryChange) => void)[] = []
  const library = {
    root,
    info: () => ({ root, articleCount: 0, collections: [], notices: [] }),
    onChange: (listener: (change: LibraryChange) => void) => {
      listeners.push(listener)
      return () => listeners.splice(listeners.indexOf(listener), 1)
    },
    onScanProgress: () => () => {},
    import: vi.fn(
      async (_sources: unknown, _options?: { onProgress?: (p: unknown) => void }): Promise<unknown[]> => [],
    ),
    close: vi.fn(async () => {}),
    change: (change: LibraryChange) => listeners.forEach((l) => l(change)),
  }
  return library
}

function setup(options: { lastRoot?: string | null; failOpen?: string[]; workbench?: Partial<Workbench> } = {}) {
  let lastRoot = options.lastRoot ?? null
  const libraries = new Map<string, ReturnType<typeof fakeLibrary>>()
  const emit = vi.fn()
  const warn = vi.fn()
  const openLibrary = vi.fn(async (root: string, opts: { create?: boolean }) => {
    if (options.failOpen?.includes(root)) throw new Error('folder is gone')
    const stat = await fs.stat(root).catch(() => null)
    if (!stat && !opts.create) throw new Error('no such folder')
    const library = fakeLibrary(root)
    libraries.set(root, library)
    return library as unknown as Library
  })
  const search = {
    status: () => ({ state: 'ready', indexed: 0, total: 0 }),
    onStatus: () => () => {},
    close: vi.fn(async () => {}),
  }
  const session = createLibrarySession({
    openLibrary,
    openSearchIndex: async () => search as unknown as SearchIndex,
    openWorkbench: options.workbench
      ? async () => ({ close: async () => {}, ...options.workbench }) as unknown as Workbench
      : undefined,
    settings: { libraryRoot: () => lastRoot, setLibraryRoot: async (root) => void (lastRoot = root) },
    defaultRoot: path.join(documents, 'Broadsheet Library'),
    sampleDir,
    emit,
    warn,
  })
  return { session, libraries, emit, warn, openLibrary, lastRoot: () => lastRoot }
}

describe('seedDefaultLibrary', () => {
  it('creates the library from the sample articles on first run', async () => {
    const root = path.join(documents, 'Broadsheet Library')
    expect(await seedDefaultLibrary(root, sampleDir)).toBe('seeded')
    expect(await fs.readFile(path.join(root, 'world', 'port.txt'), 'utf8')).toContain('Port expansion')
    expect(await fs.readFile(path.join(root, 'readme.md'), 'utf8')).toBe('# Sample')
  })

  it('never touches a folder that already exists', async () => {
    const root = path.join(documents, 'Broadsheet Library')
    await fs.mkdir(path.join(root, 'world'), { recursive: true })
    await fs.writeFile(path.join(root, 'world', 'port.txt'), 'my own notes')
    expect(await seedDefaultLibrary(root, sampleDir)).toBe('exists')
    expect(await fs.readFile(path.join(root, 'world', 'port.txt'), 'utf8')).toBe('my own notes')
    expect(await fs.readdir(root)).toEqual(['world'])
  })

  it('still creates an empty library when the sample folder is missing', async () => {
    const root = path.join(documents, 'Broadsheet Library')
    expect(await seedDefaultLibrary(root, path.join(tmp, 'missing'))).toBe('seeded')
    expect((await fs.stat(root)).isDirectory()).toBe(true)
  })
})

describe('copyTreeNoOverwrite', () => {
  it('copies only the files that are not there yet', async () => {
    const target = path.join(tmp, 'target')
    await fs.mkdir(path.join(target, 'world'), { recursive: true })
    await fs.writeFile(path.join(target, 'world', 'port.txt'), 'keep me')
    expect(await copyTreeNoOverwrite(sampleDir, target)).toBe(1)
    expect(await fs.readFile(path.join(target, 'world', 'port.txt'), 'utf8')).toBe('keep me')
    expect(await fs.readFile(path.join(target, 'readme.md'), 'utf8')).toBe('# Sample')
  })
})

describe('createLibrarySession', () => {
  it('creates, opens and remembers the default library on first run', async () => {
    const { session, lastRoot } = setup()
    const result = await session.start()
    const root = path.join(documents, 'Broadsheet Library')
    expect(result).toMatchObject({ ok: true, value: { root } })
    expect(session.library()?.root).toBe(root)
    expect(lastRoot()).toBe(root)
    expect(await fs.readFile(path.join(root, 'world', 'port.txt'), 'utf8')).toContain('Port expansion')
  })

  it('opens the last library without seeding anything', async () => {
    const mine = path.join(tmp, 'Mine')
    await fs.mkdir(mine)
    const { session, openLibrary } = setup({ lastRoot: mine })
    expect(await session.start()).toMatchObject({ ok: true, value: { root: mine } })
    expect(openLibrary).toHaveBeenCalledWith(mine, { watch: true, create: false, scanInBackground: true })
    await expect(fs.stat(path.join(documents, 'Broadsheet Library'))).rejects.toThrow()
  })

  it('falls back to the default library when the last one is gone, tells the user and keeps pointing at it', async () => {
    const gone = path.join(tmp, 'Unplugged Drive')
    const { session, warn, lastRoot } = setup({ lastRoot: gone })
    expect(await session.start()).toMatchObject({
      ok: true,
      value: { root: path.join(documents, 'Broadsheet Library') },
    })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be opened'), expect.stringContaining(gone))
    expect(lastRoot()).toBe(gone)
  })

  it('switches libraries, closes the old one and stops forwarding its events', async () => {
    const other = path.join(tmp, 'Other')
    await fs.mkdir(other)
    const { session, libraries, emit, lastRoot } = setup()
    await session.start()
    const first = libraries.get(path.join(documents, 'Broadsheet Library'))!
    first.change({ added: ['a'], updated: [], removed: [] })
    expect(emit).toHaveBeenCalledWith('library:changed', { added: ['a'], updated: [], removed: [] })

    expect(await session.switchTo(other)).toMatchObject({ ok: true, value: { root: other } })
    expect(first.close).toHaveBeenCalled()
    expect(lastRoot()).toBe(other)
    emit.mockClear()
    first.change({ added: ['b'], updated: [], removed: [] })
    expect(emit).not.toHaveBeenCalledWith('library:changed', expect.anything())
  })

  it('keeps the current library when the new one cannot be opened', async () => {
    const { session, lastRoot } = setup()
    await session.start()
    const before = session.library()
    const result = await session.switchTo(path.join(tmp, 'does-not-exist'))
    expect(result).toMatchObject({ ok: false, error: { code: 'library-unusable' } })
    expect(session.library()).toBe(before)
    expect(lastRoot()).toBe(path.join(documents, 'Broadsheet Library'))
  })

  it('imports command-line paths into the open library with progress events', async () => {
    const { session, libraries, emit } = setup()
    expect(await session.importPaths(['/x.txt'])).toMatchObject({ ok: false, error: { code: 'no-library' } })
    await session.start()
    const library = libraries.get(path.join(documents, 'Broadsheet Library'))!
    library.import.mockImplementation(async (_sources, options) => {
      options?.onProgress?.({ done: 1, total: 1, current: null })
      return []
    })
    expect(await session.importPaths(['/downloads/a.txt'])).toEqual({ ok: true, value: [] })
    expect(library.import).toHaveBeenCalledWith([{ kind: 'path', path: '/downloads/a.txt' }], expect.anything())
    expect(emit).toHaveBeenCalledWith('import:progress', { done: 1, total: 1, current: null })
  })

  it('says, among the library notices, that a damaged highlights file was set aside and where', async () => {
    const aside = {
      code: 'annotations-set-aside' as const,
      message: 'Highlights: … The damaged file is kept, unchanged, at /lib/.broadsheet/annotations.jsonl.corrupt-1.',
    }
    const { session } = setup({ workbench: { notices: () => [aside] } })
    const started = await session.start()
    expect(started.ok && started.value.notices).toEqual([aside])
    expect(libraryInfo(session.library()!, session.workbench())).toMatchObject({ notices: [aside] })
  })
})
