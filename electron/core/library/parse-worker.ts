/**
 * The parse worker: runs parseFile off the main thread, so big HTML pages never stall the app or the import.
 */
import { parentPort } from 'node:worker_threads'
import { safeParse, safeParsePath } from './entry'

/** One request to the worker. */
export interface ParseRequest {
  id: number
  /** The file's bytes, or (streamed formats) its path to read as a stream. */
  bytes?: Uint8Array
  path?: string
  fileName: string
  maxBytes: number
}

if (!parentPort) throw new Error('parse-worker: must run as a worker thread')
const port = parentPort
port.on('message', async (request: ParseRequest) => {
  const outcome = request.path
    ? await safeParsePath(request.path, request.fileName, request.maxBytes)
    : await safeParse(request.bytes ?? new Uint8Array(), request.fileName, request.maxBytes)
  port.postMessage({ id: request.id, outcome })
})
