/**
 * Worker thread entry: one grouping pass over a library's signatures and terms.
 *
 * Bundled to `group-worker.js` beside the main bundle and the CLI by scripts/build.mjs and build-cli.mjs; run from
 * the `.ts` file under tsx.
 */
import { parentPort } from 'node:worker_threads'
import { fromJob, groupAll, type GroupingAnswer, type GroupingJob } from './grouping'

const port = parentPort
if (port) {
  port.on('message', (job: GroupingJob) => {
    try {
      port.postMessage({ result: groupAll(fromJob(job)) } satisfies GroupingAnswer)
    } catch (e) {
      port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies GroupingAnswer)
    }
  })
}
