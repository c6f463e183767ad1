import { beforeEach, describe, expect, it, vi } from 'vitest'

type Listener = (event: unknown, payload: unknown) => void

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Listener[]>()
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => electron.exposed.set(key, api)),
    },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<{ ok: boolean; value: unknown }> => ({
        ok: true,
        value: null,
      })),
      on: vi.fn((channel: string, listener: Listener) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener])
      }),
      removeListener: vi.fn((channel: string, listener: Listener) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((l) => l !== listener),
        )
      }),
    },
    webUtils: { getPathForFile: vi.fn((file: { path?: string }) => file.path ?? '') },
    /** Delivers an event the way Electron does: an IPC event object, then the payload. */
    deliver(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-event', ports: [] }, payload)
    },
  }
})
vi.mock('electron', () => electron)

await import('../../electron/preload/index')
const api = electron.exposed.get('broadsheet') as import('../../electron/shared/ipc-contract').BroadsheetApi

beforeEach(() => electron.ipcRenderer.invoke.mockClear())

/** Every leaf of the API as `group.name: typeof value`. */
function shape(value: unknown, prefix = ''): string[] {
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null
      ? shape(inner, `${prefix}${key}.`)
      : [`${prefix}${key}: ${typeof inner}`],
  )
}

describe('preload', () => {
  it('exposes exactly the named domain functions as window.broadsheet, nothing else', () => {
    expect([...electron.exposed.keys()]).toEqual(['broadsheet'])
    expect(shape(api).sort()).toEqual(
      [
        'library.info: function',
        'library.list: function',
        'library.choose: function',
        'library.reveal: function',
        'library.onChanged: function',
        'articles.get: function',
        'articles.setState: function',
        'articles.reveal: function',
        'articles.trash: function',
        'articles.restore: function',
        'articles.edit: function',
        'articles.openOriginal: function',
        'articles.openLink: function',
        'imports.dropped: function',
        'imports.dialog: function',
        'imports.onProgress: function',
        'search.query: function',
        'search.timeline: function',
        'search.onIndexStatus: function',
        'stories.list: function',
        'stories.similar: function',
        'stories.diff: function',
        'stories.onChanged: function',
        'highlights.list: function',
        'highlights.add: function',
        'highlights.update: function',
        'highlights.remove: function',
        'saved.list: function',
        'saved.add: function',
        'saved.open: function',
        'saved.remove: function',
        'evidence.cite: function',
        'evidence.export: function',
        'evidence.onExportProgress: function',
        'settings.get: function',
        'settings.set: function',
        'app.onCommand: function',
      ].sort(),
    )
    expect(JSON.stringify(shape(api))).not.toMatch(/invoke|ipcRenderer|send/)
  })

  it('calls the contract channels with exactly the given arguments', async () => {
    await api.articles.get('world/port.txt')
    await api.articles.setState('world/port.txt', { starred: true })
    await api.search.query({ query: 'port' })
    await api.settings.set({ theme: 'dark' })
    await api.library.choose()
    await api.articles.openOriginal('world/port.txt')
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['article:get', 'world/port.txt'],
      ['article:set-state', 'world/port.txt', { starred: true }],
      ['search:query', { query: 'port' }],
      ['settings:set', { theme: 'dark' }],
      ['library:choose'],
      ['article:open-original', 'world/port.txt'],
    ])
  })

  it('gives listeners the payload, never the IPC event, and unsubscribes them', () => {
    const changes: unknown[] = []
    const commands: unknown[] = []
    const stop = api.library.onChanged((change) => changes.push(change))
    api.app.onCommand((command) => commands.push(command))
    electron.deliver('library:changed', { added: ['a'], updated: [], removed: [] })
    electron.deliver('app:command', 'theme:dark')
    expect(changes).toEqual([{ added: ['a'], updated: [], removed: [] }])
    expect(commands).toEqual(['theme:dark'])
    stop()
    electron.deliver('library:changed', { added: ['b'], updated: [], removed: [] })
    expect(changes).toHaveLength(1)
  })

  it('imports dropped files by one-time token, never by path, and by bytes when a file has no path', async () => {
    electron.ipcRenderer.invoke.mockImplementation(async (...args: unknown[]) =>
      args[0] === 'import:register-drops' ? { ok: true, value: ['token-1'] } : { ok: true, value: [] },
    )
    const onDisk = Object.assign(new File(['x'], 'a.txt'), { path: '/downloads/a.txt' })
    const inMemory = new File(['hello'], 'b.txt')
    await api.imports.dropped(
      [
        { file: onDisk, relativePath: 'a.txt' },
        { file: inMemory, relativePath: 'notes/b.txt' },
      ],
      'world',
    )
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['import:register-drops', ['/downloads/a.txt']],
      [
        'import:files',
        [
          { kind: 'dropped', token: 'token-1' },
          { kind: 'bytes', name: 'notes/b.txt', bytes: new Uint8Array([104, 101, 108, 108, 111]) },
        ],
        'world',
      ],
    ])
    expect(JSON.stringify(electron.ipcRenderer.invoke.mock.calls[1])).not.toContain('/downloads')
  })

  it('sends a file the page made itself as bytes: the page cannot name a path', async () => {
    electron.ipcRenderer.invoke.mockImplementation(async () => ({ ok: true, value: [] }))
    const forged = new File(['x'], 'token.json')
    await api.imports.dropped([{ file: forged, relativePath: 'token.json' }])
    const channels = electron.ipcRenderer.invoke.mock.calls.map((call) => call[0])
    expect(channels).toEqual(['import:files'])
    expect(electron.ipcRenderer.invoke.mock.calls[0]![1]).toEqual([
      { kind: 'bytes', name: 'token.json', bytes: new Uint8Array([120]) },
    ])
  })

  it('sends the bytes when main will not register the dropped paths', async () => {
    electron.ipcRenderer.invoke.mockImplementation(async (...args: unknown[]) =>
      args[0] === 'import:register-drops'
        ? { ok: false, value: undefined, error: { code: 'invalid-argument', message: 'too many' } }
        : { ok: true, value: [] },
    )
    const onDisk = Object.assign(new File(['hi'], 'a.txt'), { path: '/downloads/a.txt' })
    await api.imports.dropped([{ file: onDisk, relativePath: 'a.txt' }])
    expect(electron.ipcRenderer.invoke.mock.calls[1]).toEqual([
      'import:files',
      [{ kind: 'bytes', name: 'a.txt', bytes: new Uint8Array([104, 105]) }],
      undefined,
    ])
  })

  it('registers a dropped folder once, so its files keep their folder as in the browser', async () => {
    electron.ipcRenderer.invoke.mockImplementation(async (...args: unknown[]) =>
      args[0] === 'import:register-drops'
        ? { ok: true, value: (args[1] as string[]).map((_p, i) => `token-${i}`) }
        : { ok: true, value: [] },
    )
    const inFolder = (name: string, relativePath: string) => ({
      file: Object.assign(new File(['x'], name), { path: `/downloads/${relativePath}` }),
      relativePath,
    })
    await api.imports.dropped([
      inFolder('a.txt', 'notes/a.txt'),
      inFolder('b.md', 'notes/deep/b.md'),
      inFolder('c.txt', 'c.txt'),
    ])
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['import:register-drops', ['/downloads/notes', '/downloads/c.txt']],
      [
        'import:files',
        [
          { kind: 'dropped', token: 'token-0' },
          { kind: 'dropped', token: 'token-1' },
        ],
        undefined,
      ],
    ])
  })
})
