/**
 * Worker thread entry: builds one shard from records and sends back its file bytes.
 *
 * Bundled to `dist/main/index-worker.js` by scripts/build.mjs; run from the `.ts` file under tsx.
 */
import { parentPort } from 'node:worker_threads'
import type { SearchRecord } from './record'
import { buildSegment, encodeSegment, type SkippedRecord } from './segment'

/** A job sent to the worker. */
export interface BuildJob {
  id: number
  records: SearchRecord[]
}

/** The worker's answer: the shard's bytes (and the records it left out), or why it could not be built. */
export type BuildAnswer = { id: number; bytes: ArrayBuffer; skipped?: SkippedRecord[] } | { id: number; error: string }

const port = parentPort
if (port) {
  port.on('message', (job: BuildJob) => {
    try {
      const segment = buildSegment(job.records)
      const bytes = encodeSegment(segment)
      const owned = (
        bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
          ? bytes.buffer
          : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
      ) as ArrayBuffer
      port.postMessage({ id: job.id, bytes: owned, skipped: segment.skipped } satisfies BuildAnswer, [owned])
    } catch (e) {
      port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies BuildAnswer)
    }
  })
}
