/**
 * The parse worker: runs parseFile off the main thread, so big HTML pages never stall the app or the import.
 */
import { parentPort } from 'node:worker_threads'
import { safeParse } from './entry'

/** One request to the worker. */
export interface ParseRequest {
  id: number
  bytes: Uint8Array
  fileName: string
  maxBytes: number
}

if (!parentPort) throw new Error('parse-worker: must run as a worker thread')
const port = parentPort
port.on('message', async (request: ParseRequest) => {
  port.postMessage({ id: request.id, outcome: await safeParse(request.bytes, request.fileName, request.maxBytes) })
})
