/**
 * A small pool of parse workers. Parsing (Readability over a big page) is the CPU-heavy part of an import; in
 * workers it runs on every core and a parser that crashes or hangs on one file fails only that file.
 */
import os from 'node:os'
import type { Worker } from 'node:worker_threads'
import type { ParseOutcome } from '../formats/types'
import { log } from '../logger'
import { safeParse, safeParsePath } from './entry'
import { workerEntry } from '../worker-entry'

/** Parses a file's bytes, somewhere. */
export interface ParsePool {
  parse(bytes: Uint8Array, fileName: string, maxBytes: number): Promise<ParseOutcome>
  /** Parses a file of a streamed format (web archive) from its path, reading it as a stream; `size` scales the time limit. */
  parsePath?(filePath: string, fileName: string, maxBytes: number, size: number): Promise<ParseOutcome>
  /** Worker threads in use (0: parsing runs in the calling thread). */
  readonly threads: number
  close(): Promise<void>
}

/** Longest one file may take to parse before its worker is stopped and the file fails. */
export const PARSE_TIMEOUT_MS = 60_000

/** An archive parsed from its path gets PARSE_TIMEOUT_MS per this many bytes begun (a 1 GB WARC: 16 minutes). */
export const STREAMED_BYTES_PER_TIMEOUT = 64 * 1024 * 1024

/** The time limit of one parse: PARSE_TIMEOUT_MS, scaled by size for an archive read from its path. */
function limitFor(timeoutMs: number, size: number | undefined): number {
  return size === undefined ? timeoutMs : timeoutMs * Math.max(1, Math.ceil(size / STREAMED_BYTES_PER_TIMEOUT))
}

/** Runs a job in the calling thread. */
function runInline(job: Pick<Job, 'bytes' | 'path' | 'fileName' | 'maxBytes'>): Promise<ParseOutcome> {
  return job.path !== undefined
    ? safeParsePath(job.path, job.fileName, job.maxBytes)
    : safeParse(job.bytes ?? new Uint8Array(), job.fileName, job.maxBytes)
}

/** Options of a parse pool. */
export interface ParsePoolOptions {
  /** Longest one file may take to parse (default PARSE_TIMEOUT_MS). */
  timeoutMs?: number
  /** Starts one worker (tests inject a parser that hangs); default: parse-worker beside this module. */
  startWorker?: () => Worker
}

/**
 * A spare worker with nothing to do for this long is stopped; the first one stays, so a small file costs only a
 * message hop and never runs a parser in the calling thread (a 63 KB pathological Markdown once blocked it for 5 s).
 */
const IDLE_MS = 10_000

/** The default number of workers: one per core but one (left for the main thread's IO and the UI), 1 to 4. */
export function defaultParseThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1))
}

/** Parses in the calling thread. */
export const inlineParsePool: ParsePool = {
  parse: (bytes, fileName, maxBytes) => safeParse(bytes, fileName, maxBytes),
  parsePath: (filePath, fileName, maxBytes) => safeParsePath(filePath, fileName, maxBytes),
  threads: 0,
  close: async () => {},
}

/** The worker script beside this module (see worker-entry.ts). */
function workerFactory(): (() => Worker) | null {
  return workerEntry(new URL('./parse-worker.js', import.meta.url), new URL('./parse-worker.ts', import.meta.url))
}

interface Job {
  id: number
  bytes?: Uint8Array
  /** Set for a streamed format: the worker reads the file from here. */
  path?: string
  /** The file's size, for a path job (scales its time limit). */
  size?: number
  fileName: string
  maxBytes: number
  resolve: (outcome: ParseOutcome) => void
}

interface Slot {
  worker: Worker
  job?: Job
  timer?: NodeJS.Timeout
  idleTimer?: NodeJS.Timeout
}

/**
 * Starts a pool of up to `threads` workers, lazily, for HTML and big files; 0 threads (or
 * workers that cannot start) parses everything in the calling thread.
 */
export function createParsePool(threads = defaultParseThreads(), options: ParsePoolOptions = {}): ParsePool {
  const factory = threads > 0 ? (options.startWorker ?? workerFactory()) : null
  const timeoutMs = options.timeoutMs ?? PARSE_TIMEOUT_MS
  if (!factory) return inlineParsePool
  const slots = new Set<Slot>()
  const queue: Job[] = []
  let nextId = 0
  let broken = false
  let closed = false

  function finish(slot: Slot, outcome: ParseOutcome): void {
    const job = slot.job
    clearTimeout(slot.timer)
    slot.job = undefined
    slot.timer = undefined
    job?.resolve(outcome)
  }

  function retire(slot: Slot): void {
    clearTimeout(slot.timer)
    clearTimeout(slot.idleTimer)
    slots.delete(slot)
    void slot.worker.terminate()
  }

  function start(): Slot | undefined {
    let worker: Worker
    try {
      worker = factory!()
    } catch (error) {
      log.warn('parse-pool: cannot start a worker; parsing in the main thread', error)
      broken = true
      return undefined
    }
    worker.unref()
    const slot: Slot = { worker }
    worker.on('message', (message: { id: number; outcome: ParseOutcome }) => {
      if (slot.job?.id === message.id) finish(slot, message.outcome)
      pump()
    })
    worker.on('error', (error) => {
      log.warn(`parse-pool: a worker failed${slot.job ? ` on ${slot.job.fileName}` : ''}`, error)
      const job = slot.job
      retire(slot)
      if (job) {
        // A worker that never came up (no tsx, no bundle) is not the file's fault: parse it here instead.
        if (/Unknown file extension|Cannot find module|ERR_MODULE_NOT_FOUND/.test(String(error))) {
          broken = true
          void runInline(job).then(job.resolve)
        } else job.resolve({ ok: false, reason: `the parser crashed on this file (${error.message})` })
      }
      pump()
    })
    worker.on('exit', () => {
      if (slots.has(slot)) {
        const job = slot.job
        retire(slot)
        job?.resolve({ ok: false, reason: 'the parser stopped unexpectedly on this file' })
        pump()
      }
    })
    slots.add(slot)
    return slot
  }

  function assign(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer)
    slot.idleTimer = undefined
    slot.job = job
    const limitMs = limitFor(timeoutMs, job.size)
    const limitSeconds = Math.round(limitMs / 100) / 10
    slot.timer = setTimeout(() => {
      log.warn(`parse-pool: ${job.fileName} took longer than ${limitSeconds} s; stopping its parser`)
      retire(slot)
      job.resolve({
        ok: false,
        reason: `parsing took longer than ${limitSeconds} s; the file may be malformed`,
      })
      pump()
    }, limitMs)
    slot.timer.unref()
    slot.worker.postMessage({
      id: job.id,
      bytes: job.bytes,
      path: job.path,
      fileName: job.fileName,
      maxBytes: job.maxBytes,
    })
  }

  function pump(): void {
    while (queue.length > 0) {
      if (broken || closed) {
        const job = queue.shift()!
        void runInline(job).then(job.resolve)
        continue
      }
      let slot = [...slots].find((s) => !s.job)
      if (!slot && slots.size < threads) slot = start()
      if (!slot) return
      assign(slot, queue.shift()!)
    }
    const [first] = slots
    for (const slot of slots) {
      if (slot !== first && !slot.job && !slot.idleTimer) {
        slot.idleTimer = setTimeout(() => retire(slot), IDLE_MS)
        slot.idleTimer.unref()
      }
    }
  }

  return {
    threads,
    parse(bytes, fileName, maxBytes) {
      if (broken || closed) return safeParse(bytes, fileName, maxBytes)
      return new Promise((resolve) => {
        queue.push({ id: (nextId += 1), bytes, fileName, maxBytes, resolve })
        pump()
      })
    },
    parsePath(filePath, fileName, maxBytes, size) {
      if (broken || closed) return safeParsePath(filePath, fileName, maxBytes)
      return new Promise((resolve) => {
        queue.push({ id: (nextId += 1), path: filePath, size, fileName, maxBytes, resolve })
        pump()
      })
    },
    async close() {
      closed = true
      pump()
      for (const slot of [...slots]) {
        if (slot.job) finish(slot, await runInline(slot.job))
        retire(slot)
      }
    },
  }
}
