/**
 * The Electron shell's entry point: wires the guards, the app scheme, IPC, the menu and the library session.
 *
 * Every concern lives in its own module beside this one; this file only connects them in the right order.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EventChannel, EventPayloads } from '../shared/ipc-contract'
import { log } from '../core/logger'
import { openLibrary } from '../core/library/library'
import { openSearchIndex } from '../core/search/search-index'
import { openStories } from '../core/stories'
import { openWorkbench } from '../core/workbench/index'
import { pathsFromArgv } from './command-line'
import { createAppHandlers } from '../app/context'
import { DropTokens } from '../app/drops'
import { createLibrarySession } from '../app/library-session'
import { registerDropChannel, registerIpcHandlers, isTrustedSender, sendToWindow } from './ipc'
import type { SettingsStore } from './ipc/handlers'
import { createErrorReporter, installCrashHandlers, startLogging } from './logging'
import { installMenu } from './menu'
import { APP_ENTRY_URL, registerAppScheme, serveRenderer } from './protocol'
import { hardenSession, installWebContentsGuards } from './security'
import { openSettingsStore } from './settings-store'
import { createShellServices } from './shell-services'
import { createMainWindow } from './window'

const here = path.dirname(fileURLToPath(import.meta.url))
const isDev = !app.isPackaged
const logFile = path.join(app.getPath('userData'), 'logs', 'main.log')

startLogging(logFile, isDev)
const reportError = createErrorReporter(logFile)
installCrashHandlers(process, reportError)

// Only one Broadsheet at a time: a second launch hands its files to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  main()
}

/** The user's Documents folder, or their home folder on systems that have none. */
function documentsFolder(): string {
  try {
    return app.getPath('documents')
  } catch {
    return app.getPath('home')
  }
}

function main(): void {
  app.enableSandbox()
  registerAppScheme()
  installWebContentsGuards(app)
  // Any later session (none today) gets the same blocker and permission denials as the default one.
  app.on('session-created', (created) => hardenSession(created))

  const settings = openSettingsStore(path.join(app.getPath('userData'), 'settings.json'))
  let win: BrowserWindow | null = null
  const getWindow = () => (win && !win.isDestroyed() ? win : null)
  const emit = <C extends EventChannel>(channel: C, payload: EventPayloads[C]) =>
    sendToWindow(getWindow(), channel, payload)

  const librarySession = createLibrarySession({
    openLibrary,
    openSearchIndex,
    openStories,
    openWorkbench,
    settings,
    defaultRoot: path.join(documentsFolder(), 'Broadsheet Library'),
    sampleDir: path.join(app.getAppPath(), 'resources', 'sample-library'),
    emit,
    warn: (message, detail) => void dialog.showMessageBox({ type: 'warning', title: 'Broadsheet', message, detail }),
  })
  const shellServices = createShellServices(getWindow)
  const drops = new DropTokens()
  // Caret browsing is a setting the window follows, at once when it changes.
  const applyCaretBrowsing = () => {
    const current = getWindow()
    if (current) current.webContents.caretBrowsingEnabled = settings.get().caretBrowsing
  }
  const appliedSettings: SettingsStore = {
    get: () => settings.get(),
    async set(patch) {
      const next = await settings.set(patch)
      applyCaretBrowsing()
      return next
    },
  }
  const handlers = createAppHandlers({
    session: librarySession,
    shell: shellServices,
    settings: appliedSettings,
    drops,
  })

  // Files from the command line, `open-file` (macOS, also drops on the dock icon) and second launches wait here
  // until the library is open.
  let started: Promise<unknown> | null = null
  const pending: string[] = pathsFromArgv(process.argv, process.cwd(), app.isPackaged)
  const importFiles = async (paths: string[]) => {
    if (paths.length === 0) return
    const result = await librarySession.importPaths(paths)
    if (!result.ok) return reportError('The files could not be imported.', new Error(result.error.message))
    const failed = result.value.filter((r) => r.status === 'failed')
    if (failed.length === 0) return
    const lines = failed.slice(0, 10).map((r) => `${path.basename(r.file)}: ${r.error ?? 'failed'}`)
    if (failed.length > 10) lines.push(`…and ${failed.length - 10} more (see the log).`)
    await dialog.showMessageBox({
      type: 'warning',
      title: 'Broadsheet',
      message: `${failed.length} of ${result.value.length} files could not be imported.`,
      detail: lines.join('\n'),
    })
  }
  const queueImport = (paths: string[]) => {
    if (!started) pending.push(...paths)
    else void started.then(() => importFiles(paths)).catch((error: unknown) => reportError('Import failed.', error))
  }

  app.on('open-file', (event, file) => {
    event.preventDefault()
    queueImport([file])
  })

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const current = getWindow()
    if (current) {
      if (current.isMinimized()) current.restore()
      current.focus()
    } else if (app.isReady()) {
      openWindow()
    }
    // A second launch is always packaged-style or `electron .`-style, like this one.
    queueImport(pathsFromArgv(argv, workingDirectory, app.isPackaged))
  })

  const openWindow = () => {
    win = createMainWindow({
      bounds: settings.windowBounds(),
      preloadPath: path.join(here, '../preload/index.cjs'),
      url: APP_ENTRY_URL,
      saveBounds: (bounds) => void settings.setWindowBounds(bounds),
    })
    applyCaretBrowsing()
    win.on('closed', () => {
      win = null
    })
  }

  const openLibraryFromMenu = async () => {
    const folder = await shellServices.chooseFolder()
    if (folder === null) return
    const result = await librarySession.switchTo(folder)
    if (!result.ok) {
      await dialog.showMessageBox({
        type: 'error',
        title: 'Broadsheet',
        message: 'This library could not be opened.',
        detail: result.error.message,
      })
      return
    }
    // The renderer starts over against the new library.
    getWindow()?.webContents.reload()
  }

  app.setAboutPanelOptions({
    applicationName: 'Broadsheet',
    applicationVersion: app.getVersion(),
    credits: 'A desktop reader for offline news collections. Nothing you read leaves your computer.',
  })

  void app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession)
      serveRenderer(path.join(here, '../renderer'), () => librarySession.library())
      installMenu(
        { platform: process.platform, appName: app.name, isDev },
        {
          command: (command) => emit('app:command', command),
          openLibrary: () =>
            void openLibraryFromMenu().catch((error: unknown) => reportError('Open Library failed.', error)),
          revealLibrary: () => {
            const library = librarySession.library()
            if (library) void shell.openPath(library.root)
          },
          about: () => app.showAboutPanel(),
        },
      )
      started = librarySession.start().then((result) => {
        if (!result.ok) reportError('No library could be opened.', new Error(result.error.message))
        // Files trashed in a session that crashed before quitting go to the system trash now.
        void flushTrash()
      })
      registerIpcHandlers(ipcMain, handlers, (event) => isTrustedSender(event, getWindow), started)
      registerDropChannel(ipcMain, drops, (event) => isTrustedSender(event, getWindow))
      openWindow()
      const first = pending.splice(0)
      void started.then(() => importFiles(first)).catch((error: unknown) => reportError('Import failed.', error))
    })
    .catch((error: unknown) => reportError('Broadsheet could not start.', error))

  app.on('activate', () => {
    if (app.isReady() && !getWindow()) openWindow()
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  /** Hands the files held for undo in the library's trash to the system trash (at quit, and after a crash). */
  const flushTrash = (): Promise<void> =>
    (librarySession.library()?.flushTrash((file) => shell.trashItem(file)) ?? Promise.resolve()).catch(
      (error: unknown) => log.error('index: cannot empty the library trash', error),
    )

  // Close the library (flushing its state) and write the settings before the process ends.
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    // A hung close must not keep the app from quitting: give it five seconds.
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000))
    void Promise.race([Promise.all([flushTrash().then(() => librarySession.close()), settings.flush()]), timeout])
      .catch((error: unknown) => log.error('index: error while closing', error))
      .finally(() => app.quit())
  })

  app.on('child-process-gone', (_event, details) => {
    log.error(`index: a ${details.type} process went away (${details.reason}, exit code ${details.exitCode})`)
  })
}
