/**
 * One whole grouping pass (copies, versions, clusters) and the thread it runs in: a worker, so a library of 100,000
 * articles never blocks the app for the seconds it takes; the calling thread when no worker can start.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { log } from '../logger'
import { buildClusters, type ClusterEntry } from './clusters'
import { buildGroups, type GroupEntry } from './groups'
import { SIGNATURE_SIZE } from './signature'

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

/** The worker's answer. */
export type GroupingAnswer = { result: GroupingResult } | { error: string }

/** Groups in the calling thread. */
export function groupAll(entries: readonly GroupingEntry[]): GroupingResult {
  const { duplicates, versions } = buildGroups(entries)
  return { duplicates, versions, clusters: buildClusters(entries, duplicates) }
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

/**
 * The worker script: `group-worker.js` beside the bundle, or `group-worker.ts` under tsx (registered in the worker).
 * The same lookup as the search index's build workers.
 */
function workerEntry(): (() => Worker) | null {
  const js = new URL('./group-worker.js', import.meta.url)
  if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return () => new Worker(js)
  const ts = new URL('./group-worker.ts', import.meta.url)
  if (ts.protocol !== 'file:' || !existsSync(fileURLToPath(ts))) return null
  let tsx: string
  try {
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api')
    tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href
  } catch {
    return null
  }
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(ts.href)}) })`
  return () => new Worker(boot, { eval: true })
}

/** Runs one grouping pass in a worker (`inWorker` false, or no worker: in this thread). */
export async function runGrouping(entries: readonly GroupingEntry[], inWorker: boolean): Promise<GroupingResult> {
  const entry = inWorker ? workerEntry() : null
  if (!entry) return groupAll(entries)
  const job = toJob(entries)
  try {
    return await new Promise<GroupingResult>((resolve, reject) => {
      const worker = entry()
      const done = (settle: () => void) => {
        settle()
        void worker.terminate()
      }
      worker.once('message', (answer: GroupingAnswer) =>
        done(() => ('error' in answer ? reject(new Error(answer.error)) : resolve(answer.result))),
      )
      worker.once('error', (error) => done(() => reject(error)))
      worker.postMessage(job, [job.sigs.buffer as ArrayBuffer])
    })
  } catch (error) {
    log.warn('stories: the grouping worker failed; grouping in this thread', error)
    return groupAll(entries)
  }
}
