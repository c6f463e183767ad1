/**
 * Saved searches benchmark: `npx tsx tests/bench/saved-bench.ts [--base=N] [--batch=M] [--saved=K]`
 *
 * A temp library of N synthetic articles with K saved searches (words, phrases, a filter, a prefix) takes an
 * import of M new files. It prints the import's time, the index catching up, and the cost of recounting every
 * saved search against the batch (target: ≤ 10% of the import's time), and checks the new counts are exact.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLibrary } from '../../electron/core/library/library'
import { openSearchIndex } from '../../electron/core/search/search-index'
import { LibraryWorkbench } from '../../electron/core/workbench/index'
import type { SearchRequest } from '../../electron/shared/models'

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`))
  return found ? Number(found.slice(name.length + 3)) : fallback
}
const base = arg('base', 2000)
const batch = arg('batch', 200)
const savedCount = arg('saved', 10)
const ms = (n: number) => `${n.toFixed(0)} ms`

const WORDS =
  'harbour ferry crane council budget strike election river bridge market school hospital court police'.split(' ')
const FILLER = 'the of and a to in said on was for with that by at from it its has were after'.split(' ')

/** A deterministic article: a title and ~300 words mixing topic words into filler. */
function article(i: number): string {
  let seed = i * 2654435761
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
  const words: string[] = []
  for (let w = 0; w < 300; w++)
    words.push(next() < 0.05 ? WORDS[Math.floor(next() * WORDS.length)]! : FILLER[Math.floor(next() * FILLER.length)]!)
  const topic = WORDS[i % WORDS.length]!
  return `Report ${i} on the ${topic}\n\n${words.join(' ')}.\n\nThe ${topic} story continues.\n`
}

const REQUESTS: SearchRequest[] = [
  { query: 'ferry' },
  { query: 'crane strike' },
  { query: '"harbour council"' },
  { query: 'elect*' },
  { query: 'bridge -river' },
  { query: 'budget', collection: 'batch' },
  { query: 'title:court' },
  { query: 'hospital OR school' },
  { query: 'market' },
  { query: 'police~1' },
]

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-saved-bench-'))
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-saved-src-'))
  try {
    for (let i = 0; i < base; i++) fs.writeFileSync(path.join(root, `a-${i}.txt`), article(i))
    let start = performance.now()
    const library = await openLibrary(root)
    const search = await openSearchIndex(library)
    await search.ready()
    console.log(`library of ${base} articles opened and indexed in ${ms(performance.now() - start)}`)
    const bench = await LibraryWorkbench.open(library, search, null)
    const requests = Array.from({ length: savedCount }, (_, k) => REQUESTS[k % REQUESTS.length]!)
    for (const [k, request] of requests.entries()) {
      const made = await bench.saveSearch(`s${k}`, request)
      if (!made.ok) throw new Error(made.error.message)
    }
    const files: string[] = []
    for (let i = base; i < base + batch; i++) {
      const file = path.join(src, `b-${i}.txt`)
      fs.writeFileSync(file, article(i))
      files.push(file)
    }
    start = performance.now()
    const results = await library.import(
      files.map((f) => ({ kind: 'path' as const, path: f })),
      { into: 'batch' },
    )
    const importMs = performance.now() - start
    start = performance.now()
    await search.ready()
    const indexMs = performance.now() - start
    const listed = await bench.savedSearches()
    const batchIds = results.flatMap((r) => r.articles)
    // The check the workbench runs after a change, timed on its own: each saved search among the batch's ids…
    start = performance.now()
    for (const request of requests) await search.matchingIds(request, batchIds)
    const checkMs = performance.now() - start
    // …and, for comparison, a whole recount (what opening a saved search runs).
    start = performance.now()
    for (const request of requests) await search.matchingIds(request)
    const recountMs = performance.now() - start
    const share = (n: number) => `${((n / importMs) * 100).toFixed(1)}% of the import`
    console.log(
      `import of ${batch} files (${batchIds.length} articles): ${ms(importMs)}; index caught up ${ms(indexMs)} later`,
    )
    console.log(
      `check of ${savedCount} saved searches against the batch: ${ms(checkMs)} = ${share(checkMs)} (target ≤ 10%)`,
    )
    console.log(`whole recount of ${savedCount} saved searches: ${ms(recountMs)} = ${share(recountMs)}`)
    for (const [k, s] of listed.entries()) {
      const opened = await bench.openSaved(s.name)
      if (!opened.ok) throw new Error(opened.error.message)
      const wrong = opened.value.newIds.filter(
        (id) => !id.startsWith('batch/') && !library.pathOf(id)?.includes(`${path.sep}batch${path.sep}`),
      )
      console.log(
        `  s${k} ${JSON.stringify(requests[k]!)}: ${s.total} matches, ${s.newCount} new${wrong.length ? `, ${wrong.length} NOT from the batch` : ''}`,
      )
    }
    await bench.close()
    await search.close()
    await library.close()
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
    fs.rmSync(src, { recursive: true, force: true })
  }
}

void main()
