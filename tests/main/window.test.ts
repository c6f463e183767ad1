import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  /** Just enough of an event emitter for the window and its web contents. */
  class Emitter {
    #listeners = new Map<string, ((...args: unknown[]) => void)[]>()
    on(name: string, listener: (...args: unknown[]) => void) {
      this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener])
      return this
    }
    once(name: string, listener: (...args: unknown[]) => void) {
      const wrapped = (...args: unknown[]) => {
        this.#listeners.set(
          name,
          (this.#listeners.get(name) ?? []).filter((l) => l !== wrapped),
        )
        listener(...args)
      }
      return this.on(name, wrapped)
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.#listeners.get(name) ?? []) listener(...args)
    }
  }
  class FakeBrowserWindow {
    static last: FakeBrowserWindow | null = null
    events = new Emitter()
    webContents = new Emitter()
    loadURL = vi.fn(async () => {})
    show = vi.fn()
    maximize = vi.fn()
    constructor(public options: unknown) {
      FakeBrowserWindow.last = this
    }
    on(name: string, listener: (...args: unknown[]) => void) {
      this.events.on(name, listener)
      return this
    }
    once(name: string, listener: (...args: unknown[]) => void) {
      this.events.once(name, listener)
      return this
    }
    isDestroyed = () => false
    isMaximized = () => false
    getNormalBounds = () => ({ x: 5, y: 6, width: 1000, height: 700 })
  }
  return {
    BrowserWindow: FakeBrowserWindow,
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  }
})
vi.mock('electron', () => electron)

const { createMainWindow, isOnScreen, mainWindowOptions } = await import('../../electron/main/window')

const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }]

describe('mainWindowOptions', () => {
  const options = mainWindowOptions(null, '/app/dist/preload/index.cjs', screens)

  it('locks the renderer down', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    })
  })

  it('stays hidden until the first paint', () => {
    expect(options.show).toBe(false)
  })

  it('restores remembered bounds that are on a screen', () => {
    const restored = mainWindowOptions({ x: 100, y: 50, width: 900, height: 600, maximized: false }, '/p', screens)
    expect(restored).toMatchObject({ x: 100, y: 50, width: 900, height: 600 })
  })

  it('keeps the size but not the position of bounds on a screen that is gone', () => {
    const restored = mainWindowOptions({ x: 5000, y: 50, width: 900, height: 600, maximized: false }, '/p', screens)
    expect(restored).toMatchObject({ width: 900, height: 600 })
    expect(restored.x).toBeUndefined()
  })
})

describe('isOnScreen', () => {
  it('needs a reachable corner of the window on some display', () => {
    expect(isOnScreen({ x: 1880, y: 10, width: 800, height: 600 }, screens)).toBe(false)
    expect(isOnScreen({ x: 1700, y: 10, width: 800, height: 600 }, screens)).toBe(true)
    expect(isOnScreen({ x: -700, y: -550, width: 800, height: 600 }, screens)).toBe(true)
  })
})

describe('createMainWindow', () => {
  it('loads the app URL, shows on ready-to-show and saves its bounds on close', () => {
    const saveBounds = vi.fn()
    createMainWindow({
      bounds: { x: 1, y: 2, width: 800, height: 600, maximized: true },
      preloadPath: '/p',
      url: 'app://broadsheet/index.html',
      saveBounds,
    })
    const win = electron.BrowserWindow.last!
    expect(win.loadURL).toHaveBeenCalledWith('app://broadsheet/index.html')
    expect(win.show).not.toHaveBeenCalled()
    win.events.emit('ready-to-show')
    expect(win.maximize).toHaveBeenCalled()
    expect(win.show).toHaveBeenCalled()
    win.events.emit('close')
    expect(saveBounds).toHaveBeenCalledWith({ x: 5, y: 6, width: 1000, height: 700, maximized: false })
  })

  it('reloads a crashed renderer, but not in a loop', () => {
    createMainWindow({ bounds: null, preloadPath: '/p', url: 'app://broadsheet/index.html', saveBounds: () => {} })
    const win = electron.BrowserWindow.last!
    for (let i = 0; i < 5; i++) win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    // One initial load plus three reloads.
    expect(win.loadURL).toHaveBeenCalledTimes(4)
  })
})
