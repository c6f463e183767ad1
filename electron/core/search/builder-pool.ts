/**
 * Builds shards in worker threads (so indexing never blocks the app), with an in-thread fallback.
 */
import { existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { log } from '../logger'
import type { SegmentBuilder } from './engine'
import type { BuildAnswer, BuildJob } from './index-worker'
import type { SearchRecord } from './record'
import { buildSegment, decodeSegment, type Segment } from './segment'

/** A set of shard builders. */
export interface BuilderPool {
  build: SegmentBuilder
  /** Worker threads in use (0: everything is built in the calling thread). */
  readonly threads: number
  close(): Promise<void>
}

/** Builds in the calling thread (tests, and the fallback when workers cannot start). */
export const buildInThread: SegmentBuilder = async (records) => buildSegment(records)

/**
 * The worker script beside this module: `index-worker.js` in the bundle (dist/main), or
 * `index-worker.ts` when running from source under tsx, which the worker then loads through tsx too.
 */
function workerEntry(): (() => Worker) | null {
  const js = new URL('./index-worker.js', import.meta.url)
  if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return () => new Worker(js)
  const ts = new URL('./index-worker.ts', import.meta.url)
  if (ts.protocol !== 'file:' || !existsSync(fileURLToPath(ts))) return null
  let tsx: string
  try {
    // require.resolve gives the CommonJS build; the worker needs its ES module twin beside it.
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api')
    tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href
  } catch {
    return null
  }
  // From source: register tsx inside the worker, then load the .ts entry.
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(ts.href)}) })`
  return () => new Worker(boot, { eval: true })
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
