/**
 * CLI start-up benchmark: `npm run bench:cli -- [--runs 20]`
 *
 * Times `broadsheet --help` from the built command (dist/cli, what `npx broadsheet` runs after npm's own start)
 * against the same entry through tsx, and prints the fastest, median and slowest wall times of each.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } })
const runs = Number(values.runs)
const root = path.resolve(import.meta.dirname ?? '.', '../..')

function time(command: string, args: string[]): number[] {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    const run = spawnSync(command, args, { cwd: root, stdio: 'ignore' })
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${run.status}`)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  return times.sort((a, b) => a - b)
}

function report(label: string, times: number[]): void {
  const ms = (n: number) => `${Math.round(n)} ms`
  const median = times[Math.floor(times.length / 2)]!
  console.log(`${label}: fastest ${ms(times[0]!)}, median ${ms(median)}, slowest ${ms(times.at(-1)!)} (${runs} runs)`)
}

report('built (node dist/cli/broadsheet.js --help)', time(process.execPath, ['dist/cli/broadsheet.js', '--help']))
report(
  'tsx (electron/cli/index.ts --help)',
  time(path.join(root, 'node_modules/.bin/tsx'), ['electron/cli/index.ts', '--help']),
)
