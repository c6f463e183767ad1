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
 * What the user dropped that a file came from: the file's own path, or, for a file found inside a dropped folder
 * (`relativePath` `notes/a.txt`), that folder's path, so the folder is imported whole and keeps its name as a
 * collection, as it does in the browser. Null when the path does not end with the relative path.
 */
function droppedItemPath(filePath: string, relativePath: string): string | null {
  const parts = relativePath.split('/')
  if (parts.length === 1) return filePath
  const separator = filePath.includes('\\') && !filePath.includes('/') ? '\\' : '/'
  const tail = separator + parts.join(separator)
  if (!filePath.endsWith(tail)) return null
  return filePath.slice(0, filePath.length - tail.length) + separator + parts[0]
}

/**
 * Dropped files as one-time tokens where Electron knows their paths, else as bytes.
 *
 * The page never sees or sends a path: only this preload can turn a real dropped `File` into its path (a `File` the
 * page makes itself has none), and main hands back a token per dropped file or folder that `import:files` can use
 * once.
 */
async function toSources(files: DroppedFile[]): Promise<ImportRequestSource[]> {
  const items = files.map((dropped) => {
    const filePath = pathOf(dropped.file)
    return filePath ? droppedItemPath(filePath, dropped.relativePath) : null
  })
  const onDisk = [...new Set(items.filter((item): item is string => item !== null))]
  if (onDisk.length === 0) return Promise.all(files.map(bytesSource))
  const answer = (await ipcRenderer.invoke('import:register-drops', onDisk)) as PreloadResults['import:register-drops']
  // Main refused them (e.g. too many at once): send the files' bytes instead, which needs no trust in a path.
  if (!answer.ok) return Promise.all(files.map(bytesSource))
  if (answer.value.length !== onDisk.length) throw new Error('preload: main answered the wrong number of drop tokens')
  const tokens = new Map(onDisk.map((item, i) => [item, answer.value[i]!]))
  const sources: ImportRequestSource[] = []
  const sent = new Set<string>()
  for (const [i, dropped] of files.entries()) {
    const item = items[i]
    if (item === null || item === undefined) sources.push(await bytesSource(dropped))
    else if (!sent.has(item)) {
      sent.add(item)
      sources.push({ kind: 'dropped', token: tokens.get(item)! })
    }
  }
  return sources
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
