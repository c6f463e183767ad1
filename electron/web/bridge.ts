/// <reference lib="dom" />
/**
 * The browser harness's `window.broadsheet`: the same BroadsheetApi as the Electron preload, over loopback HTTP.
 *
 * Requests go to `POST /ipc/<channel>` with the JSON argument tuple; events arrive over `EventSource('/events')`.
 * Built with esbuild by the harness at startup and loaded before the app's own script.
 */
import { bytesSource, createBroadsheetApi } from '../shared/api'
import {
  eventChannels,
  type EventChannel,
  type EventPayloads,
  type InvokeChannel,
  type InvokeResults,
} from '../shared/ipc-contract'
import { wireReplacer } from './wire'

async function invoke<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<InvokeResults[C]> {
  // JSON turns a trailing undefined (an optional argument left out) into null, which the contract refuses.
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop()
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
for (const channel of eventChannels) {
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

const api = createBroadsheetApi({
  invoke,
  listen: on,
  // A plain browser gives no paths: send each file's bytes under its relative name.
  toSources: (files) => Promise.all(files.map(bytesSource)),
})

Object.defineProperty(window, 'broadsheet', { value: Object.freeze(api), writable: false })
