/**
 * The heavy work of the stories, off the calling thread: signing article texts and whole grouping passes (copies,
 * versions, clusters) run in one worker, so a library of 100,000 articles never blocks the app for the seconds they
 * take; everything runs in the calling thread when no worker can start.
 */
import type { Worker } from 'node:worker_threads'
import { log } from '../logger'
import { buildClusters, type ClusterEntry } from './clusters'
import { buildGroups, type GroupEntry } from './groups'
import { SIGNATURE_SIZE, signatureOf, storyTermsOf } from './signature'
import { workerEntry as entryOf } from '../worker-entry'

/** What a grouping pass reads of one article. */
export type GroupingEntry = GroupEntry & ClusterEntry

/** What a grouping pass gives: id lists, each earliest member first. */
export interface GroupingResult {
  duplicates: string[][]
  versions: string[][]
  clusters: string[][]
}

/** The entries as they cross to the worker: signatures in one transferable array, terms as one string each. */
export interface GroupingJob {
  entries: (Omit<GroupingEntry, 'sig' | 'terms'> & { terms: string; signed: boolean })[]
  sigs: Uint32Array
}

/** What signing gives per text: its signature (null: no words) and its lead's story terms. */
export interface Signed {
  sig: Uint32Array | null
  lead: string[]
}

/** A message to the worker. */
export type WorkerJob = { id: number; group: GroupingJob } | { id: number; sign: string[] }

/** The worker's answer. */
export type WorkerAnswer =
  | { id: number; result: GroupingResult }
  | { id: number; sigs: Uint32Array; signed: boolean[]; leads: string[] }
  | { id: number; error: string }

/** Groups in the calling thread. */
export function groupAll(entries: readonly GroupingEntry[]): GroupingResult {
  const { duplicates, versions } = buildGroups(entries)
  return { duplicates, versions, clusters: buildClusters(entries, duplicates) }
}

/** Signs texts in the calling thread. */
export function signAll(texts: readonly string[]): Signed[] {
  return texts.map((text) => ({ sig: signatureOf(text), lead: storyTermsOf('', text) }))
}

/** Packs entries for the worker. */
export function toJob(entries: readonly GroupingEntry[]): GroupingJob {
  const sigs = new Uint32Array(entries.length * SIGNATURE_SIZE)
  const wire = entries.map(({ sig, terms, ...rest }, i) => {
    if (sig) sigs.set(sig, i * SIGNATURE_SIZE)
    return { ...rest, terms: terms.join(' '), signed: sig !== null }
  })
  return { entries: wire, sigs }
}

/** Unpacks a job in the worker. */
export function fromJob(job: GroupingJob): GroupingEntry[] {
  return job.entries.map(({ terms, signed, ...rest }, i) => ({
    ...rest,
    terms: terms === '' ? [] : terms.split(' '),
    sig: signed ? job.sigs.subarray(i * SIGNATURE_SIZE, (i + 1) * SIGNATURE_SIZE) : null,
  }))
}

/** Answers one job (in the worker). */
export function answer(job: WorkerJob): { answer: WorkerAnswer; transfer: ArrayBuffer[] } {
  if ('group' in job) return { answer: { id: job.id, result: groupAll(fromJob(job.group)) }, transfer: [] }
  const signed = signAll(job.sign)
  const sigs = new Uint32Array(signed.length * SIGNATURE_SIZE)
  signed.forEach((s, i) => s.sig && sigs.set(s.sig, i * SIGNATURE_SIZE))
  const wire = {
    id: job.id,
    sigs,
    signed: signed.map((s) => s.sig !== null),
    leads: signed.map((s) => s.lead.join(' ')),
  }
  return { answer: wire, transfer: [sigs.buffer as ArrayBuffer] }
}

/** The worker script beside this module (see worker-entry.ts). */
function workerEntry(): (() => Worker) | null {
  return entryOf(new URL('./group-worker.js', import.meta.url), new URL('./group-worker.ts', import.meta.url))
}

/** One worker thread for a library's stories, started on first use; falls back to the calling thread for good. */
export class StoriesWorker {
  #worker: Worker | null = null
  #broken: boolean
  #nextId = 0
  readonly #pending = new Map<number, { resolve: (a: WorkerAnswer) => void; reject: (e: Error) => void }>()

  /** `enabled` false: everything runs in the calling thread. */
  constructor(enabled: boolean) {
    this.#broken = !enabled
  }

  #start(): Worker | null {
    if (this.#worker || this.#broken) return this.#worker
    const entry = workerEntry()
    if (!entry) {
      this.#broken = true
      return null
    }
    const worker = entry()
    worker.unref()
    worker.on('message', (message: WorkerAnswer) => {
      const job = this.#pending.get(message.id)
      this.#pending.delete(message.id)
      if (!job) return
      if ('error' in message) job.reject(new Error(`stories worker: ${message.error}`))
      else job.resolve(message)
    })
    worker.on('error', (error) => this.#fail(error))
    worker.on('exit', () => this.#fail(new Error('stories worker: exited')))
    this.#worker = worker
    return worker
  }

  #fail(error: Error): void {
    if (!this.#broken) log.warn('stories: the worker failed; working in this thread from now on', error)
    this.#broken = true
    this.#worker = null
    for (const job of this.#pending.values()) job.reject(error)
    this.#pending.clear()
  }

  async #run(job: Omit<WorkerJob, 'id'>, transfer: ArrayBuffer[]): Promise<WorkerAnswer | null> {
    const worker = this.#start()
    if (!worker) return null
    const id = this.#nextId++
    try {
      return await new Promise<WorkerAnswer>((resolve, reject) => {
        this.#pending.set(id, { resolve, reject })
        worker.postMessage({ ...job, id } as WorkerJob, transfer)
      })
    } catch (error) {
      if (!this.#broken) throw error
      return null
    }
  }

  /** Signs texts (in order). */
  async sign(texts: string[]): Promise<Signed[]> {
    const reply = await this.#run({ sign: texts }, [])
    if (!reply || !('sigs' in reply)) return signAll(texts)
    return reply.leads.map((lead, i) => ({
      sig: reply.signed[i] ? reply.sigs.slice(i * SIGNATURE_SIZE, (i + 1) * SIGNATURE_SIZE) : null,
      lead: lead === '' ? [] : lead.split(' '),
    }))
  }

  /** One whole grouping pass. */
  async group(entries: readonly GroupingEntry[]): Promise<GroupingResult> {
    const job = toJob(entries)
    const reply = await this.#run({ group: job }, [job.sigs.buffer as ArrayBuffer])
    return reply && 'result' in reply ? reply.result : groupAll(entries)
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    const worker = this.#worker
    this.#broken = true
    this.#worker = null
    if (worker) await worker.terminate()
  }
}
