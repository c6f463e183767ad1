/**
 * Worker thread entry for the stories: signs texts and runs grouping passes (see grouping.ts).
 *
 * Bundled to `group-worker.js` beside the main bundle and the CLI by scripts/build.mjs and build-cli.mjs; run from
 * the `.ts` file under tsx.
 */
import { parentPort } from 'node:worker_threads'
import { answer, type WorkerAnswer, type WorkerJob } from './grouping'

const port = parentPort
if (port) {
  port.on('message', (job: WorkerJob) => {
    try {
      const { answer: reply, transfer } = answer(job)
      port.postMessage(reply, transfer)
    } catch (e) {
      port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies WorkerAnswer)
    }
  })
}
