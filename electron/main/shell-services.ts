/**
 * The shell's own powers for the IPC handlers: system browser, file manager, trash and pickers.
 */
import { dialog, shell, type BrowserWindow } from 'electron'
import { log } from '../core/logger'
import { SUPPORTED_EXTENSIONS } from '../core/formats/types'
import { safeWebUrl, type ShellServices } from './ipc/handlers'

/** Builds the `ShellServices` over Electron's `dialog` and `shell`; dialogs are modal to the current window. */
export function createShellServices(getWindow: () => BrowserWindow | null): ShellServices {
  const parent = () => {
    const win = getWindow()
    return win && !win.isDestroyed() ? win : null
  }
  return {
    async openExternal(url) {
      // Checked here as well as in the handler: nothing but a parsed http(s) URL ever reaches the OS.
      const safe = safeWebUrl(url)
      if (!safe) throw new Error(`shell-services: refused to open a non-http(s) URL`)
      await shell.openExternal(safe, { activate: true })
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path)
    },
    async openPath(path) {
      const problem = await shell.openPath(path)
      if (problem) log.warn(`shell: could not open ${path}: ${problem}`)
    },
    async confirmTrash(title) {
      const options = {
        type: 'warning' as const,
        buttons: ['Move to Trash', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: 'Move this article to the trash?',
        detail: `“${title}”\n\nIts file is moved to the system trash, where you can restore it.`,
      }
      const win = parent()
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
      return response === 0
    },
    async trashItem(path) {
      await shell.trashItem(path)
    },
    async chooseFolder() {
      const options = {
        title: 'Open Library',
        buttonLabel: 'Open Library',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      }
      const win = parent()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null)
    },
    async chooseImportPaths() {
      const options = {
        title: 'Import Articles',
        buttonLabel: 'Import',
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [
          { name: 'Articles', extensions: SUPPORTED_EXTENSIONS.map((ext) => ext.slice(1)) },
          { name: 'All Files', extensions: ['*'] },
        ],
      }
      const win = parent()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async chooseExportTarget(zip) {
      const options = {
        title: 'Export Evidence',
        buttonLabel: 'Export',
        defaultPath: zip ? 'Broadsheet export.zip' : 'Broadsheet export',
        filters: zip ? [{ name: 'ZIP archive', extensions: ['zip'] }] : [],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      }
      const win = parent()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
