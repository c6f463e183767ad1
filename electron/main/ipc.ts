/**
 * Electron's side of the IPC contract: every channel goes through a sender check, then `dispatch`.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import {
  invokeChannels,
  preloadChannels,
  type EventChannel,
  type EventPayloads,
  type PreloadResults,
} from '../shared/ipc-contract'
import { err, ok } from '../shared/result'
import { log } from '../core/logger'
import type { DropTokens } from '../app/drops'
import { dispatch } from './ipc/dispatch'
import type { Handlers } from './ipc/handlers'
import { isAppUrl } from './security'

/**
 * True when a request comes from the top frame of the app's own window showing the app's own page.
 *
 * After GitHub Desktop's `trusted-ipc-sender`: a sub-frame, another web contents or a page that is not
 * `app://broadsheet/…` never reaches a handler.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, getWindow: () => BrowserWindow | null): boolean {
  const win = getWindow()
  if (!win || win.isDestroyed()) return false
  if (event.sender.id !== win.webContents.id) return false
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url)
}

/**
 * Registers a handler for every request channel of the contract; returns a function that removes them.
 *
 * Requests wait for `ready` (the library's first opening) so an early call never sees "no library" by accident.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  ready: Promise<unknown> = Promise.resolve(),
): () => void {
  const channels = Object.keys(invokeChannels)
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!isTrusted(event)) {
        log.warn(`ipc: refused ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`)
        return err('untrusted-sender', `${channel}: the request did not come from Broadsheet's own window.`)
      }
      await ready.catch(() => {})
      return dispatch(handlers, channel, args)
    })
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

/**
 * Answers the preload's `import:register-drops`: one one-time token per dropped file's path, for `import:files`.
 *
 * Only the trusted window reaches it, and only its preload can name real dropped files (the page has no ipcRenderer).
 */
export function registerDropChannel(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  drops: DropTokens,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  const channel = 'import:register-drops'
  ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<PreloadResults[typeof channel]> => {
    if (!isTrusted(event)) {
      log.warn(`ipc: refused ${channel} from an untrusted sender (${event.senderFrame?.url ?? 'no frame'})`)
      return err('untrusted-sender', `${channel}: the request did not come from Broadsheet's own window.`)
    }
    const parsed = preloadChannels[channel].safeParse(args)
    if (!parsed.success) return err('invalid-argument', `${channel}: expected a list of dropped files' paths.`)
    return ok(drops.register(parsed.data[0]))
  })
  return () => ipcMain.removeHandler(channel)
}

/** Sends an event to the window's renderer, if the window is still there. */
export function sendToWindow<C extends EventChannel>(
  win: BrowserWindow | null,
  channel: C,
  payload: EventPayloads[C],
): void {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return
  win.webContents.send(channel, payload)
}
