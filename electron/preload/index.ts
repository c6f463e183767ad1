/**
 * The only module that touches ipcRenderer: exposes the typed domain API as `window.broadsheet`.
 *
 * Named functions only (never ipcRenderer, never a generic invoke); listeners get payloads, never the IPC event.
 * It imports only types from the contract, so no zod (or anything else heavy) is bundled into the preload.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRenderer } from 'electron'
import type {
  BroadsheetApi,
  DroppedFile,
  EventChannel,
  EventPayloads,
  ImportSource,
  InvokeArgs,
  InvokeChannel,
  InvokeResults,
  Unsubscribe,
} from '../shared/ipc-contract'

/** The part of ipcRenderer the API uses. */
export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

/**
 * Turns dropped files into import sources: their paths on disk, or their bytes for a file that has no path
 * (e.g. one dragged out of another app's window).
 */
export async function droppedToSources(
  files: DroppedFile[],
  getPathForFile: (file: File) => string,
): Promise<ImportSource[]> {
  const sources: ImportSource[] = []
  for (const { file, relativePath } of files) {
    let filePath = ''
    try {
      filePath = getPathForFile(file)
    } catch {
      filePath = ''
    }
    if (filePath) sources.push({ kind: 'path', path: filePath })
    else
      sources.push({ kind: 'bytes', name: relativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
  }
  return sources
}

/** Builds the API over an ipcRenderer (the real one, or a test double). */
export function createBroadsheetApi(ipc: PreloadIpc, getPathForFile: (file: File) => string): BroadsheetApi {
  const invoke = <C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResults[C]> =>
    ipc.invoke(channel, ...args) as Promise<InvokeResults[C]>

  const listen = <C extends EventChannel>(channel: C, listener: (payload: EventPayloads[C]) => void): Unsubscribe => {
    const wrapped = (_event: unknown, payload: EventPayloads[C]) => listener(payload)
    ipc.on(channel, wrapped)
    return () => {
      ipc.removeListener(channel, wrapped)
    }
  }

  return {
    library: {
      info: () => invoke('library:info'),
      list: () => invoke('library:list'),
      choose: () => invoke('library:choose'),
      reveal: () => invoke('library:reveal'),
      onChanged: (listener) => listen('library:changed', listener),
    },
    articles: {
      get: (id) => invoke('article:get', id),
      setState: (id, patch) => invoke('article:set-state', id, patch),
      reveal: (id) => invoke('article:reveal', id),
      trash: (id) => invoke('article:trash', id),
      openOriginal: (id) => invoke('article:open-original', id),
    },
    imports: {
      dropped: async (files, into) => invoke('import:files', await droppedToSources(files, getPathForFile), into),
      dialog: (into) => invoke('import:dialog', into),
      onProgress: (listener) => listen('import:progress', listener),
    },
    search: {
      query: (request) => invoke('search:query', request),
      onIndexStatus: (listener) => listen('index:status', listener),
    },
    settings: {
      get: () => invoke('settings:get'),
      set: (patch) => invoke('settings:set', patch),
    },
    app: {
      onCommand: (listener) => listen('app:command', listener),
    },
  }
}

contextBridge.exposeInMainWorld(
  'broadsheet',
  createBroadsheetApi(ipcRenderer, (file) => webUtils.getPathForFile(file)),
)
