/**
 * The one main window: locked-down web preferences, remembered size and position, shown when ready.
 */
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type Rectangle } from 'electron'
import { log } from '../core/logger'
import type { WindowBounds } from './settings-store'

const DEFAULT_SIZE = { width: 1200, height: 800 }

/** True when at least a 100×50 corner of `bounds` lies on one of the displays' work areas (so the title bar is reachable). */
export function isOnScreen(bounds: Rectangle, workAreas: Rectangle[]): boolean {
  return workAreas.some((area) => {
    const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
    const overlapY = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y)
    return overlapX >= 100 && overlapY >= 50
  })
}

/**
 * The window's options: remembered bounds when they are still on a screen, and the hardened web preferences
 * (context isolation, sandbox, no Node, web security, no `<webview>`, no spellchecker downloads).
 */
export function mainWindowOptions(
  remembered: WindowBounds | null,
  preloadPath: string,
  workAreas: Rectangle[],
): BrowserWindowConstructorOptions {
  const place =
    remembered && isOnScreen(remembered, workAreas)
      ? { x: remembered.x, y: remembered.y, width: remembered.width, height: remembered.height }
      : remembered
        ? { width: remembered.width, height: remembered.height }
        : DEFAULT_SIZE
  return {
    ...place,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Broadsheet',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  }
}

/** What the window needs from the app. */
export interface MainWindowOptions {
  bounds: WindowBounds | null
  preloadPath: string
  url: string
  /** Called (debounced, and on close) with the window's normal bounds. */
  saveBounds(bounds: WindowBounds): void
}

/** Creates the main window, loads the app and shows it once it has painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const win = new BrowserWindow(mainWindowOptions(options.bounds, options.preloadPath, workAreas))

  // Show on the first paint; if the page never gets there (a broken build), show anyway so the app is not invisible.
  let shown = false
  const showOnce = () => {
    if (shown || win.isDestroyed()) return
    shown = true
    if (options.bounds?.maximized) win.maximize()
    win.show()
  }
  win.once('ready-to-show', showOnce)
  setTimeout(showOnce, 5000).unref()

  const currentBounds = (): WindowBounds => ({ ...win.getNormalBounds(), maximized: win.isMaximized() })
  let timer: NodeJS.Timeout | undefined
  const saveSoon = () => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (!win.isDestroyed()) options.saveBounds(currentBounds())
    }, 500)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', saveSoon)
  win.on('close', () => {
    clearTimeout(timer)
    options.saveBounds(currentBounds())
  })

  // Reload a crashed renderer, but not in a loop: at most three times a minute.
  let crashes: number[] = []
  win.webContents.on('render-process-gone', (_event, details) => {
    log.error(`window: the renderer went away (${details.reason}, exit code ${details.exitCode})`)
    const now = Date.now()
    crashes = [...crashes.filter((t) => now - t < 60_000), now]
    if (details.reason !== 'clean-exit' && crashes.length <= 3 && !win.isDestroyed()) void win.loadURL(options.url)
  })
  win.webContents.on('unresponsive', () => log.warn('window: the renderer is not responding'))

  void win.loadURL(options.url).catch((error: unknown) => log.error(`window: could not load ${options.url}`, error))
  return win
}
