/**
 * Import benchmark: `npm run bench:import -- [--no-sync] [--threads=N] DIR…`
 *
 * Imports each DIR (one import per DIR, as a user would) into a fresh temp library and prints files/s and MB/s
 * of the whole import (read, hash, parse, copy), per DIR and in total, then per extension where the time went.
 *
 * `npm run bench:import -- --startup=N` instead writes N small synthetic articles into a temp library and times
 * the first open (every file parsed), a restart (catalog cache: stats only) and a restart after 100 files changed.
 *
 * `npm run bench:import -- --warc[=MB]` gives WARC article records/s and peak RSS importing a ~MB MB archive
 * (default 1,024; tests/bench/warc-bench.ts).
 *
 * `npm run bench:import -- --documents` gives PDF pages/s and EPUB articles/s (tests/bench/documents-bench.ts).
 *
 * `npm run bench:import -- --store=N` gives the article store's figures over N synthetic articles: the first open
 * of the unseen folder read in the background (first change batch, progress reports, all read), the list's first
 * paint at a restart, and article:get latency (p50/p95/max over 2,000 random ids, served from the store).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { openLibrary } from '../../electron/core/library/library'
import { toListRow } from '../../electron/shared/models'

const args = process.argv.slice(2)
const sync = !args.includes('--no-sync')
const threadsArg = args.find((arg) => arg.startsWith('--threads='))
const parseThreads = threadsArg ? Number(threadsArg.slice('--threads='.length)) : undefined
const ms = (n: number) => `${n.toFixed(0)} ms`
const mb = (bytes: number) => bytes / 1_048_576
const startupArg = args.find((arg) => arg.startsWith('--startup='))
const storeArg = args.find((arg) => arg.startsWith('--store='))
const dirs = args.filter((arg) => !arg.startsWith('--'))
if (startupArg) {
  await startupBench(Number(startupArg.slice('--startup='.length)))
  process.exit(0)
}
if (storeArg) {
  await storeBench(Number(storeArg.slice('--store='.length)))
  process.exit(0)
}
const warcArg = args.find((arg) => arg === '--warc' || arg.startsWith('--warc='))
if (warcArg) {
  await (await import('./warc-bench')).warcBench(warcArg.includes('=') ? Number(warcArg.split('=')[1]) : undefined)
  process.exit(0)
}
if (args.includes('--documents')) {
  await (await import('./documents-bench')).documentsBench()
  process.exit(0)
}
const paintArg = args.find((arg) => arg.startsWith('--paint='))
if (paintArg) {
  await firstPaint(paintArg.slice('--paint='.length))
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

/** Writes `count` synthetic articles (about 1 KB each) into desk/week folders of a library. */
function writeSynthetic(lib: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const dir = path.join(lib, `desk-${i % 50}`, `week-${Math.floor(i / 5000)}`)
    if (i % 5000 < 50) fs.mkdirSync(dir, { recursive: true })
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) => `Paragraph ${p} of synthetic report ${i}: the council met on day ${(i + p) % 365} about the harbour.`,
    )
    fs.writeFileSync(path.join(dir, `story-${i}.txt`), `Story ${i}\n\n${paragraphs.join('\n\n')}\n`)
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

async function storeBench(count: number): Promise<void> {
  const lib = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-store-'))
  try {
    let t = performance.now()
    writeSynthetic(lib, count)
    console.log(
      `wrote ${count} files in ${ms(performance.now() - t)} (${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)})`,
    )

    t = performance.now()
    const first = await openLibrary(lib, { parseThreads, scanInBackground: true })
    const returned = performance.now() - t
    let firstBatch: { at: number; listed: number } | undefined
    let batches = 0
    let reports = 0
    let lastReport = ''
    first.onChange(() => {
      batches += 1
      firstBatch ??= { at: performance.now() - t, listed: first.list().length }
    })
    first.onScanProgress((p) => {
      reports += 1
      lastReport = `${p.phase} ${p.done}/${p.total}`
    })
    await first.settled()
    const allRead = performance.now() - t
    console.log(
      `first open of ${count} unseen files: returned in ${ms(returned)}, first batch at ${ms(firstBatch?.at ?? 0)} ` +
        `(${firstBatch?.listed ?? 0} listed), ${batches} change batches, ${reports} progress reports (last ${lastReport}), ` +
        `all read in ${ms(allRead)}`,
    )
    await first.close()

    // A restart is a fresh process, as the app's is: nothing of the first open left in the heap.
    for (let run = 1; run <= 3; run++) {
      execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `--paint=${lib}`], {
        stdio: 'inherit',
      })
    }

    const library = await openLibrary(lib, { parseThreads })
    const ids = library.list().map((item) => item.id)
    const times: number[] = []
    for (let i = 0; i < 2000; i++) {
      const id = ids[Math.floor(Math.random() * ids.length)]!
      const start = performance.now()
      const article = await library.get(id)
      times.push(performance.now() - start)
      if (!article) throw new Error(`bench: ${id} not found`)
    }
    times.sort((a, b) => a - b)
    const f = (n: number) => `${n.toFixed(2)} ms`
    console.log(
      `article:get at ${ids.length} articles: p50 ${f(percentile(times, 50))}, p95 ${f(percentile(times, 95))}, ` +
        `max ${f(times.at(-1)!)}`,
    )
    let storeBytes = 0
    for (const name of fs.readdirSync(path.join(lib, '.broadsheet', 'store'))) {
      storeBytes += fs.statSync(path.join(lib, '.broadsheet', 'store', name)).size
    }
    console.log(
      `store: ${mb(storeBytes).toFixed(1)} MB; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    )
    await library.close()
  } finally {
    fs.rmSync(lib, { recursive: true, force: true })
  }
}

/** One restart: open the library (list from the catalog, files checked afterwards) and make the list's rows. */
async function firstPaint(lib: string): Promise<void> {
  const t = performance.now()
  const library = await openLibrary(lib, { parseThreads, scanInBackground: true })
  const rows = library.list().map(toListRow)
  const paint = performance.now() - t
  console.log(
    `restart: list first paint (open + ${rows.length} rows) in ${ms(paint)} (load ${os.loadavg()[0]!.toFixed(1)})`,
  )
  await library.settled()
  await library.close()
}
