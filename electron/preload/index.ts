/**
 * The only module that touches ipcRenderer: exposes the typed domain API as `window.broadsheet`.
 *
 * Named functions only (never ipcRenderer, never a generic invoke); listeners get payloads, never the IPC event.
 * It imports no schema library, so nothing heavy is bundled into the preload.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { bytesSource, createBroadsheetApi, type ApiTransport } from '../shared/api'
import type { DroppedFile, ImportSource, InvokeResults } from '../shared/ipc-contract'

/** A dropped file's path on disk, or '' when it has none (e.g. dragged out of another app's window). */
function pathOf(file: File): string {
  try {
    return webUtils.getPathForFile(file)
  } catch {
    return ''
  }
}

/** Dropped files as paths where Electron knows them, else as bytes. */
async function toSources(files: DroppedFile[]): Promise<ImportSource[]> {
  return Promise.all(
    files.map(async (dropped) => {
      const path = pathOf(dropped.file)
      return path ? { kind: 'path' as const, path } : bytesSource(dropped)
    }),
  )
}

const transport: ApiTransport = {
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args) as Promise<InvokeResults[typeof channel]>,
  listen: (channel, listener) => {
    const wrapped = (_event: unknown, payload: Parameters<typeof listener>[0]) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  },
  toSources,
}

contextBridge.exposeInMainWorld('broadsheet', createBroadsheetApi(transport))
