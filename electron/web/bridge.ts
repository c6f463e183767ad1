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
  type ImportRequestSource,
  type InvokeChannel,
  type InvokeResults,
} from '../shared/ipc-contract'
import type { ImportResult } from '../shared/models'
import { batchesUnder, wireReplacer } from './wire'

/** The harness's request body cap, written in when the harness builds this script (one constant, harness.ts). */
declare const BROADSHEET_MAX_BODY_BYTES: number

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

/**
 * Imports dropped files in as many requests as their bytes need, each under the harness's body cap, and answers
 * one list of results; a file too large for any request fails alone with the harness's reason.
 */
async function importInBatches(sources: ImportRequestSource[], into?: string): Promise<InvokeResults['import:files']> {
  const results: ImportResult[] = []
  // JSON and the channel's other argument need a little room beside the files.
  for (const batch of batchesUnder(sources, Math.floor(BROADSHEET_MAX_BODY_BYTES * 0.9))) {
    const answer = await invoke('import:files', batch, into)
    const only = batch.length === 1 ? batch[0] : undefined
    if (answer.ok) results.push(...answer.value)
    else if (only?.kind === 'bytes') {
      results.push({ file: only.name, status: 'failed', articles: [], error: answer.error.message, warnings: [] })
    } else return answer
  }
  return { ok: true, value: results }
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
  invoke: (channel, ...args) =>
    (channel === 'import:files'
      ? importInBatches(...(args as [ImportRequestSource[], string?]))
      : invoke(channel, ...args)) as Promise<InvokeResults[typeof channel]>,
  listen: on,
  // A plain browser gives no paths: send each file's bytes under its relative name.
  toSources: (files) => Promise.all(files.map(bytesSource)),
})

Object.defineProperty(window, 'broadsheet', { value: Object.freeze(api), writable: false })
