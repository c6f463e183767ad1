/**
 * Import benchmark: `npm run bench:import -- [--no-sync] [--threads=N] DIR…`
 *
 * Imports each DIR (one import per DIR, as a user would) into a fresh temp library and prints files/s and MB/s
 * of the whole import (read, hash, parse, copy), per DIR and in total, then per extension where the time went.
 *
 * `npm run bench:import -- --startup=N` instead writes N small synthetic articles into a temp library and times
 * the first open (every file parsed), a restart (catalog cache: stats only) and a restart after 100 files changed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLibrary } from '../../electron/core/library/library'

const args = process.argv.slice(2)
const sync = !args.includes('--no-sync')
const threadsArg = args.find((arg) => arg.startsWith('--threads='))
const parseThreads = threadsArg ? Number(threadsArg.slice('--threads='.length)) : undefined
const ms = (n: number) => `${n.toFixed(0)} ms`
const mb = (bytes: number) => bytes / 1_048_576
const startupArg = args.find((arg) => arg.startsWith('--startup='))
const dirs = args.filter((arg) => !arg.startsWith('--'))
if (startupArg) {
  await startupBench(Number(startupArg.slice('--startup='.length)))
  process.exit(0)
}
if (dirs.length === 0) {
  console.error('usage: npm run bench:import -- [--no-sync] [--threads=N] DIR…')
  process.exit(2)
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'))
try {
  const library = await openLibrary(root, { syncCopies: sync, parseThreads })
  console.log(
    `library ${root} (fsync copies: ${sync ? 'yes' : 'no'}, parse threads: ${parseThreads ?? 'default'}), ` +
      `${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  )
  let allFiles = 0
  let allBytes = 0
  let allMs = 0
  const stages: Record<
    string,
    { files: number; bytes: number; read: number; hash: number; parse: number; copy: number }
  > = {}
  for (const dir of dirs) {
    const start = performance.now()
    const results = await library.import([{ kind: 'path', path: dir }])
    const wall = performance.now() - start
    const timings = library.lastImportTimings()!
    const files = results.length
    const bytes = Object.values(timings.byExtension).reduce((sum, e) => sum + e.bytes, 0)
    const count = (status: string) => results.filter((r) => r.status === status).length
    console.log(
      `${dir}: ${files} files, ${mb(bytes).toFixed(1)} MB in ${ms(wall)}: ` +
        `${(files / (wall / 1000)).toFixed(0)} files/s, ${(mb(bytes) / (wall / 1000)).toFixed(1)} MB/s ` +
        `(${count('imported')} imported, ${count('duplicate')} duplicates, ${count('failed')} failed)`,
    )
    allFiles += files
    allBytes += bytes
    allMs += wall
    for (const [ext, t] of Object.entries(timings.byExtension)) {
      const sum = (stages[ext] ??= { files: 0, bytes: 0, read: 0, hash: 0, parse: 0, copy: 0 })
      for (const key of ['files', 'bytes', 'read', 'hash', 'parse', 'copy'] as const) sum[key] += t[key]
    }
  }
  console.log(
    `total: ${allFiles} files in ${ms(allMs)}: ${(allFiles / (allMs / 1000)).toFixed(0)} files/s, ` +
      `${(mb(allBytes) / (allMs / 1000)).toFixed(1)} MB/s`,
  )
  console.log(
    '\nper extension (stage times summed over files, waits included: files overlap, so sums exceed the wall time;\nfor pooled HTML the parse sum includes the queue, so its files/s is not a parse speed):',
  )
  console.log('ext        files      MB     read     hash    parse     copy   parse files/s')
  for (const [ext, t] of Object.entries(stages).sort()) {
    console.log(
      [
        (ext || '(none)').padEnd(8),
        String(t.files).padStart(7),
        mb(t.bytes).toFixed(1).padStart(7),
        ms(t.read).padStart(8),
        ms(t.hash).padStart(8),
        ms(t.parse).padStart(8),
        ms(t.copy).padStart(8),
        (t.parse > 0 ? (t.files / (t.parse / 1000)).toFixed(0) : '-').padStart(15),
      ].join(' '),
    )
  }
  await library.close()
} finally {
  fs.rmSync(root, { recursive: true, force: true })
}

async function startupBench(count: number): Promise<void> {
  const lib = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-startup-'))
  try {
    let t = performance.now()
    for (let i = 0; i < count; i++) {
      const dir = path.join(lib, `desk-${i % 50}`, `week-${Math.floor(i / 5000)}`)
      if (i % 5000 < 50) fs.mkdirSync(dir, { recursive: true })
      const body = `Synthetic report ${i} on the harbour works.\n\nThe council met on day ${i % 365} to discuss the plan.`
      fs.writeFileSync(path.join(dir, `story-${i}.txt`), `Story ${i}\n\n${body}\n`)
    }
    console.log(`wrote ${count} files in ${ms(performance.now() - t)} (load ${os.loadavg()[0]!.toFixed(1)})`)
    const timeOpen = async (label: string) => {
      const start = performance.now()
      const library = await openLibrary(lib, { parseThreads })
      const opened = performance.now() - start
      const n = library.info().articleCount
      await library.close()
      console.log(`${label}: ${n} articles, open ${ms(opened)}, open+close ${ms(performance.now() - start)}`)
    }
    await timeOpen('first open (parses every file)')
    await timeOpen('restart (catalog cache)')
    t = Date.now() / 1000 + 10
    for (let i = 0; i < Math.min(100, count); i++) {
      const file = path.join(lib, `desk-${i % 50}`, `week-${Math.floor(i / 5000)}`, `story-${i}.txt`)
      fs.appendFileSync(file, 'Updated.\n')
      fs.utimesSync(file, t, t)
    }
    await timeOpen('restart after 100 files changed')
    const catalogBytes = fs.statSync(path.join(lib, '.broadsheet', 'catalog.json')).size
    console.log(`catalog.json: ${mb(catalogBytes).toFixed(1)} MB`)
  } finally {
    fs.rmSync(lib, { recursive: true, force: true })
  }
}
