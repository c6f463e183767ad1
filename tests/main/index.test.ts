/**
 * The whole shell wired together (electron/main/index.ts) over the real library core and search index, with the
 * `electron` module replaced by a test double: first run, IPC through the sender check, `open-file` imports, quit.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  const appListeners = new Map<string, Listener[]>()
  const handlers = new Map<string, Listener>()
  const windows: {
    options: Record<string, unknown>
    loadURL: ReturnType<typeof vi.fn>
    webContents: { id: number; send: ReturnType<typeof vi.fn>; caretBrowsingEnabled?: boolean }
  }[] = []
  const state = {
    userData: '',
    documents: '',
    appPath: process.cwd(),
    quit: vi.fn(),
    onBeforeRequest: vi.fn(),
    protocolHandle: vi.fn(),
    sent: [] as [string, unknown][],
  }
  let resolveReady!: () => void
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  let nextId = 1
  class BrowserWindow {
    webContents: {
      id: number
      send: ReturnType<typeof vi.fn>
      on: () => void
      isDestroyed: () => boolean
      reload: () => void
      caretBrowsingEnabled?: boolean
    }
    loadURL = vi.fn(async () => {})
    constructor(public options: Record<string, unknown>) {
      const send = vi.fn((channel: string, payload: unknown) => state.sent.push([channel, payload]))
      this.webContents = { id: nextId++, send, on: () => {}, isDestroyed: () => false, reload: () => {} }
      windows.push(this)
    }
    on() {
      return this
    }
    once() {
      return this
    }
    isDestroyed = () => false
    isMinimized = () => false
    isMaximized = () => false
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 })
  }
  const electron = {
    app: {
      name: 'Broadsheet',
      isPackaged: false,
      getPath: (name: string) =>
        name === 'userData' ? state.userData : name === 'documents' ? state.documents : os.tmpdir(),
      getAppPath: () => state.appPath,
      getVersion: () => '0.1.0',
      requestSingleInstanceLock: () => true,
      enableSandbox: vi.fn(),
      setAboutPanelOptions: vi.fn(),
      showAboutPanel: vi.fn(),
      isReady: () => true,
      whenReady: () => ready,
      quit: state.quit,
      on: (name: string, listener: Listener) => {
        appListeners.set(name, [...(appListeners.get(name) ?? []), listener])
      },
    },
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(async () => ({ response: 1 })), showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: {
      handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
      removeHandler: vi.fn(),
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: state.onBeforeRequest },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn(), openPath: vi.fn(async () => ''), showItemInFolder: vi.fn(), trashItem: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: state.protocolHandle },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: (t: unknown) => t },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  }
  const emitApp = (name: string, ...args: unknown[]) => {
    for (const listener of appListeners.get(name) ?? []) listener(...args)
  }
  return { electron, state, handlers, windows, emitApp, resolveReady }
})
vi.mock('electron', () => fake.electron)
vi.mock('electron-log/main', () => ({
  default: { transports: { file: {}, console: {} }, debug() {}, info() {}, warn() {}, error() {} },
}))

const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-shell-'))
fake.state.userData = path.join(tmp, 'userData')
fake.state.documents = path.join(tmp, 'Documents')
await fs.mkdir(fake.state.documents, { recursive: true })
const argvBefore = process.argv
process.argv = [process.execPath, '.']

await import('../../electron/main/index')
fake.resolveReady()

afterAll(async () => {
  process.argv = argvBefore
  fake.emitApp('before-quit', { preventDefault: () => {} })
  await vi.waitFor(() => expect(fake.state.quit).toHaveBeenCalled(), { timeout: 10_000 })
  await fs.rm(tmp, { recursive: true, force: true })
})

const window = () => fake.windows[0]!
const trusted = () => ({
  sender: { id: window().webContents.id },
  senderFrame: { url: 'app://broadsheet/index.html', parent: null },
})
const invoke = (channel: string, ...args: unknown[]) =>
  fake.handlers.get(channel)!(trusted(), ...args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>

describe('the shell', () => {
  it('opens a locked-down window on the app scheme', async () => {
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    expect(window().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
    expect(window().loadURL).toHaveBeenCalledWith('app://broadsheet/index.html')
    expect(fake.state.onBeforeRequest).toHaveBeenCalled()
    expect(fake.state.protocolHandle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('creates the default library from the sample articles on first run and lists them over IPC', async () => {
    const root = path.join(fake.state.documents, 'Broadsheet Library')
    const info = await invoke('library:info')
    expect(info).toMatchObject({ ok: true, value: { root } })
    expect(await fs.readdir(path.join(root, 'world'))).toContain('velmora-river-port-expansion.txt')
    // The list fills while the new folder is first read (the scan runs in the background).
    await vi.waitFor(
      async () => {
        const list = await invoke('library:list')
        expect(list.ok).toBe(true)
        expect((list.value as unknown[]).length).toBeGreaterThan(5)
      },
      { timeout: 10_000, interval: 100 },
    )
    const saved = JSON.parse(await fs.readFile(path.join(fake.state.userData, 'settings.json'), 'utf8'))
    expect(saved.libraryRoot).toBe(root)
  })

  it('refuses requests from anything but its own window', async () => {
    const result = await fake.handlers.get('library:list')!({
      sender: { id: 999 },
      senderFrame: { url: 'https://example.com/', parent: null },
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
  })

  it('turns caret browsing on and off in the window as the setting changes', async () => {
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    expect(window().webContents.caretBrowsingEnabled).toBe(false)
    expect(await invoke('settings:set', { caretBrowsing: true })).toMatchObject({ ok: true })
    expect(window().webContents.caretBrowsingEnabled).toBe(true)
    await invoke('settings:set', { caretBrowsing: false })
    expect(window().webContents.caretBrowsingEnabled).toBe(false)
  })

  it('refuses a bad argument with invalid-argument', async () => {
    expect(await invoke('article:get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('imports a file handed over by open-file and tells the renderer', async () => {
    const file = path.join(tmp, 'dropped-on-dock.txt')
    await fs.writeFile(file, 'Harbour ferry timetable changes\n\nThe ferry will run every forty minutes from March.\n')
    fake.emitApp('open-file', { preventDefault: () => {} }, file)
    await vi.waitFor(
      async () => {
        const list = await invoke('library:list')
        expect((list.value as { title: string }[]).map((a) => a.title)).toContain('Harbour ferry timetable changes')
      },
      { timeout: 10_000, interval: 100 },
    )
    expect(fake.state.sent.some(([channel]) => channel === 'import:progress')).toBe(true)
  })

  it('imports a dropped file through a one-time token, and never a path the page names', async () => {
    const file = path.join(tmp, 'dropped-on-window.txt')
    await fs.writeFile(file, 'Lighthouse keepers return\n\nThe lighthouse on the north cape has keepers again.\n')
    const named = await invoke('import:files', [{ kind: 'path', path: file }])
    expect(named).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })

    const tokens = (await invoke('import:register-drops', [file])) as { ok: true; value: string[] }
    expect(tokens.ok).toBe(true)
    const imported = await invoke('import:files', [{ kind: 'dropped', token: tokens.value[0] }])
    expect(imported).toMatchObject({ ok: true, value: [{ status: 'imported' }] })
    const replayed = await invoke('import:files', [{ kind: 'dropped', token: tokens.value[0] }])
    expect(replayed).toMatchObject({ ok: true, value: [{ status: 'failed' }] })
  })

  it('sends menu commands to the renderer', async () => {
    const template = (fake.electron.Menu.setApplicationMenu.mock.calls[0] as unknown[])[0] as {
      label?: string
      submenu?: { label?: string; submenu?: { label?: string; click?: () => void }[] }[]
    }[]
    const view = template.find((m) => m.label === 'View')!
    const theme = view.submenu!.find((i) => i.label === 'Theme')!
    theme.submenu!.find((i) => i.label === 'Dark')!.click!()
    expect(fake.state.sent).toContainEqual(['app:command', 'theme:dark'])
  })
})
