/**
 * How the core starts its worker threads (parsing, index builds, story grouping): the `.js` script beside the
 * bundle (dist/main), or, running from source, the `.ts` one loaded through tsx registered inside the worker.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/** A starter for the worker at `js` (bundle) or `ts` (source), both resolved by the caller; null when neither runs. */
export function workerEntry(js: URL, ts: URL): (() => Worker) | null {
  if (js.protocol === 'file:' && existsSync(fileURLToPath(js))) return () => new Worker(js)
  if (ts.protocol !== 'file:' || !existsSync(fileURLToPath(ts))) return null
  let tsx: string
  try {
    // require.resolve gives the CommonJS build; the worker needs its ES module twin beside it.
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api')
    tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href
  } catch {
    return null
  }
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(ts.href)}) })`
  return () => new Worker(boot, { eval: true })
}
