/**
 * The only module that touches ipcRenderer: exposes the typed domain API as `window.broadsheet`.
 *
 * Named functions only (never ipcRenderer, never a generic invoke); listeners get payloads, never the IPC event.
 * It imports no schema library, so nothing heavy is bundled into the preload.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { bytesSource, createBroadsheetApi, type ApiTransport } from '../shared/api'
import type { DroppedFile, ImportRequestSource, InvokeResults, PreloadResults } from '../shared/ipc-contract'

/** A dropped file's path on disk, or '' when it has none (e.g. dragged out of another app's window). */
function pathOf(file: File): string {
  try {
    return webUtils.getPathForFile(file)
  } catch {
    return ''
  }
}

/**
 * Dropped files as one-time tokens where Electron knows their paths, else as bytes.
 *
 * The page never sees or sends a path: only this preload can turn a real dropped `File` into its path (a `File` the
 * page makes itself has none), and main hands back a token per path that `import:files` can use once.
 */
async function toSources(files: DroppedFile[]): Promise<ImportRequestSource[]> {
  const paths = files.map((dropped) => pathOf(dropped.file))
  const onDisk = paths.filter((path) => path !== '')
  let tokens: string[] = []
  if (onDisk.length > 0) {
    const answer = (await ipcRenderer.invoke(
      'import:register-drops',
      onDisk,
    )) as PreloadResults['import:register-drops']
    // Main refused them (e.g. too many at once): send the files' bytes instead, which needs no trust in a path.
    if (!answer.ok) return Promise.all(files.map(bytesSource))
    tokens = answer.value
  }
  let next = 0
  return Promise.all(
    files.map(async (dropped, i) => {
      if (paths[i] === '') return bytesSource(dropped)
      const token = tokens[next++]
      if (token === undefined) throw new Error('preload: main answered fewer drop tokens than files')
      return { kind: 'dropped' as const, token }
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
