/// <reference lib="dom" />
/**
 * The browser harness's `window.broadsheet`: the same BroadsheetApi as the Electron preload, over loopback HTTP.
 *
 * Requests go to `POST /ipc/<channel>` with the JSON argument tuple; events arrive over `EventSource('/events')`.
 * Built with esbuild by the harness at startup and loaded before the app's own script.
 */
import type {
  BroadsheetApi,
  DroppedFile,
  EventChannel,
  EventPayloads,
  InvokeChannel,
  InvokeResults,
} from '../shared/ipc-contract'
import { wireReplacer } from './wire'

async function invoke<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<InvokeResults[C]> {
  try {
    const response = await fetch(`/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(args, wireReplacer),
    })
    return (await response.json()) as InvokeResults[C]
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: `The harness did not answer: ${String(error)}` },
    } as InvokeResults[C]
  }
}

type Listener = (payload: never) => void
const listeners = new Map<EventChannel, Set<Listener>>()
const source = new EventSource('/events')
const channels: EventChannel[] = ['library:changed', 'import:progress', 'index:status', 'app:command']
for (const channel of channels) {
  source.addEventListener(channel, (event) => {
    const payload = JSON.parse((event as MessageEvent<string>).data) as never
    for (const listener of listeners.get(channel) ?? []) listener(payload)
  })
}

function on<C extends EventChannel>(channel: C, listener: (payload: EventPayloads[C]) => void): () => void {
  let set = listeners.get(channel)
  if (!set) listeners.set(channel, (set = new Set()))
  const wrapped = listener as Listener
  set.add(wrapped)
  return () => set.delete(wrapped)
}

async function droppedSources(files: DroppedFile[]) {
  // A plain browser gives no paths: send each file's bytes under its relative name.
  return Promise.all(
    files.map(async ({ file, relativePath }) => ({
      kind: 'bytes' as const,
      name: relativePath || file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  )
}

const api: BroadsheetApi = {
  library: {
    info: () => invoke('library:info'),
    list: () => invoke('library:list'),
    choose: () => invoke('library:choose'),
    reveal: () => invoke('library:reveal'),
    onChanged: (listener) => on('library:changed', listener),
  },
  articles: {
    get: (id) => invoke('article:get', id),
    setState: (id, patch) => invoke('article:set-state', id, patch),
    reveal: (id) => invoke('article:reveal', id),
    trash: (id) => invoke('article:trash', id),
    openOriginal: (id) => invoke('article:open-original', id),
  },
  imports: {
    dropped: async (files, into) =>
      into === undefined
        ? invoke('import:files', await droppedSources(files))
        : invoke('import:files', await droppedSources(files), into),
    dialog: (into) => (into === undefined ? invoke('import:dialog') : invoke('import:dialog', into)),
    onProgress: (listener) => on('import:progress', listener),
  },
  search: {
    query: (request) => invoke('search:query', request),
    onIndexStatus: (listener) => on('index:status', listener),
  },
  settings: {
    get: () => invoke('settings:get'),
    set: (patch) => invoke('settings:set', patch),
  },
  app: {
    onCommand: (listener) => on('app:command', listener),
  },
}

Object.defineProperty(window, 'broadsheet', { value: Object.freeze(api), writable: false })
