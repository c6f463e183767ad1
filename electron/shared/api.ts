/**
 * The renderer's API built once over any transport.
 *
 * The Electron preload (ipcRenderer) and the browser harness's bridge (loopback HTTP) differ only in how a
 * request travels, how an event arrives and how a dropped file becomes an import source; the shape of
 * `window.broadsheet` is written here alone. Pure TypeScript: no zod, no electron, no DOM access beyond `File`.
 */
import type {
  BroadsheetApi,
  BytesSource,
  DroppedFile,
  EventChannel,
  EventPayloads,
  ImportRequestSource,
  InvokeArgs,
  InvokeChannel,
  InvokeResults,
  Unsubscribe,
} from './ipc-contract'

/** How requests, events and dropped files travel on one transport. */
export interface ApiTransport {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<InvokeResults[C]>
  /** Subscribes to an event; the listener gets the payload only. */
  listen<C extends EventChannel>(channel: C, listener: (payload: EventPayloads[C]) => void): Unsubscribe
  /** Turns dropped files into import sources (drop tokens where the transport can see paths, else bytes). */
  toSources(files: DroppedFile[]): Promise<ImportRequestSource[]>
}

/** A dropped file as bytes under its relative name: for files that have no path on disk. */
export async function bytesSource({ file, relativePath }: DroppedFile): Promise<BytesSource> {
  return { kind: 'bytes', name: relativePath || file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
}

/** Builds `window.broadsheet` over a transport: named domain functions, never a generic invoke. */
export function createBroadsheetApi(transport: ApiTransport): BroadsheetApi {
  const { invoke, listen } = transport
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
      restore: (token) => invoke('article:restore', token),
      edit: (id, edits) => invoke('article:edit', id, edits),
      openOriginal: (id) => invoke('article:open-original', id),
      openLink: (id, href) => invoke('article:open-link', id, href),
    },
    imports: {
      dropped: async (files, into) => invoke('import:files', await transport.toSources(files), into),
      dialog: (into) => invoke('import:dialog', into),
      onProgress: (listener) => listen('import:progress', listener),
    },
    search: {
      query: (request) => invoke('search:query', request),
      timeline: (request, by) => invoke('search:timeline', request, by),
      onIndexStatus: (listener) => listen('index:status', listener),
    },
    stories: {
      list: (request) => invoke('stories:list', request),
      similar: (id) => invoke('article:similar', id),
      diff: (left, right) => invoke('article:diff', left, right),
      onChanged: (listener) => listen('stories:changed', listener),
    },
    highlights: {
      list: (articleId) => invoke('highlights:list', articleId ?? null),
      add: (articleId, input) => invoke('highlights:add', articleId, input),
      update: (id, patch) => invoke('highlights:update', id, patch),
      remove: (id) => invoke('highlights:remove', id),
    },
    saved: {
      list: () => invoke('saved:list'),
      add: (name, request) => invoke('saved:add', name, request),
      open: (name) => invoke('saved:open', name),
      remove: (name) => invoke('saved:remove', name),
    },
    evidence: {
      cite: (id, format) => invoke('article:cite', id, format),
      export: (request) => invoke('export:run', request),
      onExportProgress: (listener) => listen('export:progress', listener),
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
