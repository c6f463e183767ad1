/**
 * Builds shards in worker threads (so indexing never blocks the app), with an in-thread fallback.
 */
import { cpus } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { log } from '../logger'
import type { SegmentBuilder } from './engine'
import type { BuildAnswer, BuildJob } from './index-worker'
import type { SearchRecord } from './record'
import { buildSegment, decodeSegment, type Segment } from './segment'
import { workerEntry as entryOf } from '../worker-entry'

/** A set of shard builders. */
export interface BuilderPool {
  build: SegmentBuilder
  /** Worker threads in use (0: everything is built in the calling thread). */
  readonly threads: number
  close(): Promise<void>
}

/** Builds in the calling thread (tests, and the fallback when workers cannot start). */
export const buildInThread: SegmentBuilder = async (records) => buildSegment(records)

/** The worker script beside this module (see worker-entry.ts). */
function workerEntry(): (() => Worker) | null {
  return entryOf(new URL('./index-worker.js', import.meta.url), new URL('./index-worker.ts', import.meta.url))
}

interface Pending {
  records: SearchRecord[]
  resolve: (segment: Segment) => void
  reject: (error: Error) => void
}

/** Starts up to `threads` workers (default: one per core); `threads: 0` builds in the calling thread. */
export function createBuilderPool(threads = cpus().length): BuilderPool {
  const entry = threads > 0 ? workerEntry() : null
  if (!entry) return { build: buildInThread, threads: 0, close: async () => {} }
  const idle: Worker[] = []
  const all = new Set<Worker>()
  const queue: Pending[] = []
  const running = new Map<Worker, Pending>()
  let broken = false
  let nextId = 0

  const pump = () => {
    while (queue.length > 0) {
      if (broken) {
        const job = queue.shift()!
        buildInThread(job.records).then(job.resolve, job.reject)
        continue
      }
      const worker = idle.pop()
      if (!worker) return
      const job = queue.shift()!
      running.set(worker, job)
      worker.postMessage({ id: nextId++, records: job.records } satisfies BuildJob)
    }
  }

  const start = () => {
    const worker = entry()
    all.add(worker)
    worker.on('message', (answer: BuildAnswer) => {
      const job = running.get(worker)
      running.delete(worker)
      idle.push(worker)
      if (job) {
        if ('error' in answer) job.reject(new Error(`search worker: ${answer.error}`))
        else {
          try {
            // The worker's own bytes: no need to check them, and they are saved as they are.
            const segment = decodeSegment(Buffer.from(answer.bytes), undefined, false)
            if (answer.skipped) segment.skipped = answer.skipped
            job.resolve(segment)
          } catch (e) {
            job.reject(e instanceof Error ? e : new Error(String(e)))
          }
        }
      }
      pump()
    })
    worker.on('error', (error) => {
      // A worker that cannot run (e.g. no loader for .ts) means building in this thread from now on.
      if (!broken) log.warn('search: a build worker failed; building in the main thread', error)
      broken = true
      all.delete(worker)
      const job = running.get(worker)
      running.delete(worker)
      if (job) queue.unshift(job)
      pump()
    })
    idle.push(worker)
  }
  for (let i = 0; i < threads; i++) start()

  return {
    threads,
    build: (records) =>
      new Promise<Segment>((resolve, reject) => {
        queue.push({ records, resolve, reject })
        pump()
      }),
    close: async () => {
      await Promise.all([...all].map((w) => w.terminate()))
      all.clear()
    },
  }
}
