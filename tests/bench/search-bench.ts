/**
 * Search benchmark: `npm run bench:search -- [--sizes 10000,100000] [--lunr-max 20000] [--queries 40] [DIR…]`
 *
 * For synthetic news corpora (seeded, generated in memory, 400–700 words, English with some Russian)
 * of each size, and for each DIR read through the library core, prints for Broadsheet and, in the same
 * run, for one plain lunr index and for minisearch: build time, persisted size, cold load time, memory
 * held after load, and query latency p50/p95 per query kind. Plain lunr is skipped above --lunr-max
 * articles (it needs several GB there), minisearch above --mini-max (50,000: at 100,000 it ran out of a 4 GB
 * heap while serialising).
 *
 * `npm run bench:search -- --jsonl=N` instead times an N-record JSONL (200 words a record, under the 20 MB file
 * limit) dropped into a running library whose 1,000 articles are already indexed: import, then time to searchable.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import lunrDefault from 'lunr'
import MiniSearch from 'minisearch'
import { openLibrary } from '../../electron/core/library/library'
import { analyzeWord, lunrAnalyze, lunrTokenizer } from '../../electron/core/search/analyzer'
import { createBuilderPool } from '../../electron/core/search/builder-pool'
import { SearchEngine } from '../../electron/core/search/engine'
import { FIELD_BOOST, FIELDS, fieldValues, toSearchRecord, type SearchRecord } from '../../electron/core/search/record'
import { openSearchIndex } from '../../electron/core/search/search-index'
import { ShardStore } from '../../electron/core/search/store'
import type { SearchRequest } from '../../electron/shared/models'
import { execFileSync } from 'node:child_process'
import { generate, rng, type Corpus } from './search-corpus'

const MINI_OPTIONS = {
  fields: ['title', 'text', 'author', 'site', 'category'],
  storeFields: ['site', 'published', 'flags'],
  searchOptions: { boost: { title: 5 } },
}

/** Loads a persisted index in a fresh process: cold load time and the memory the index holds. */
function coldLoad(kind: string, file: string): { load: number; heapMB: number; rssMB: number } {
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx')
  const out = execFileSync(tsx, [import.meta.filename, '--child', kind, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  return JSON.parse(out.trim().split('\n').at(-1)!) as { load: number; heapMB: number; rssMB: number }
}

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

const argv = process.argv.slice(2)

// `--child KIND PATH`: load one persisted index in a fresh process and report the time and memory it takes.
if (argv[0] === '--child') {
  const [, kind, file] = argv
  gc()
  const before = process.memoryUsage()
  const start = performance.now()
  let keep: unknown
  if (kind === 'broadsheet') {
    const loaded = await new ShardStore(file!).load()
    if (loaded.kind !== 'loaded') throw new Error(`bench: load failed: ${loaded.kind}`)
    const engine = new SearchEngine()
    engine.setShards(loaded.shards)
    keep = engine
  } else if (kind === 'lunr') {
    keep = lunrDefault.Index.load(JSON.parse(fs.readFileSync(file!, 'utf8')))
  } else {
    keep = MiniSearch.loadJSON(fs.readFileSync(file!, 'utf8'), MINI_OPTIONS)
  }
  const load = (performance.now() - start) / 1000
  gc()
  const after = process.memoryUsage()
  const heapMB = (after.heapUsed - before.heapUsed + after.external - before.external) / 1_048_576
  process.stdout.write(JSON.stringify({ load, heapMB, rssMB: after.rss / 1_048_576, kept: keep !== undefined }) + '\n')
  process.exit(0)
}
function option(name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`)
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback
}
const optionNames = new Set(['--sizes', '--lunr-max', '--queries', '--mini-max'])
const dirs = argv.filter((a, i) => !a.startsWith('--') && !optionNames.has(argv[i - 1] ?? ''))
const sizes = option('sizes', dirs.length > 0 ? '' : '10000,100000')
  .split(',')
  .filter(Boolean)
  .map(Number)
const lunrMax = Number(option('lunr-max', '20000'))
const miniMax = Number(option('mini-max', '50000'))
const perKind = Number(option('queries', '40'))

async function readDir(dir: string): Promise<Corpus> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-search-bench-lib-'))
  try {
    const library = await openLibrary(tmp)
    await library.import([{ kind: 'path', path: dir }])
    const records: SearchRecord[] = []
    for await (const a of library.articles()) records.push(toSearchRecord(a))
    await library.close()
    // Query words come from the corpus itself, ranked by frequency.
    const counts = new Map<string, number>()
    for (const r of records)
      for (const w of r.text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1)
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w)
    const sites = [...new Set(records.map((r) => r.site).filter((s): s is string => !!s))]
    return { records, en: ranked, ru: [], sites }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

// ---------- queries ----------

type Kind = 'common' | 'rare' | 'two terms' | 'phrase' | 'prefix' | 'fuzzy' | 'filtered'
const KINDS: Kind[] = ['common', 'rare', 'two terms', 'phrase', 'prefix', 'fuzzy', 'filtered']

interface BenchQuery {
  kind: Kind
  words: string[]
  request: SearchRequest
}

function queries(corpus: Corpus): BenchQuery[] {
  const random = rng(7)
  const words = corpus.en.filter((w) => analyzeWord(w) !== null)
  const pick = (from: number, to: number) =>
    words[Math.min(words.length - 1, from + Math.floor(random() * (to - from)))]!
  const out: BenchQuery[] = []
  const textWords = (r: SearchRecord) => r.text.split(/[^\p{L}]+/u).filter(Boolean)
  for (let i = 0; i < perKind; i++) {
    const common = pick(0, 100)
    const rare = pick(3000, Math.min(words.length, 20000))
    out.push({ kind: 'common', words: [common], request: { query: common } })
    out.push({ kind: 'rare', words: [rare], request: { query: rare } })
    const a = pick(0, 2000)
    const b = pick(0, 2000)
    out.push({ kind: 'two terms', words: [a, b], request: { query: `${a} ${b}` } })
    // A phrase taken from a real article so it has hits.
    const doc = corpus.records[Math.floor(random() * corpus.records.length)]!
    const tw = textWords(doc)
    let at = Math.floor(random() * Math.max(1, tw.length - 2))
    while (at < tw.length - 2 && (analyzeWord(tw[at]!) === null || analyzeWord(tw[at + 1]!) === null)) at++
    const phrase = tw.slice(at, at + 2).map((w) => w.toLowerCase())
    out.push({ kind: 'phrase', words: phrase, request: { query: `"${phrase.join(' ')}"` } })
    const pre = pick(50, 3000).slice(0, 4)
    out.push({ kind: 'prefix', words: [pre], request: { query: `${pre}*` } })
    const f = pick(50, 3000)
    const j = 1 + Math.floor(random() * (f.length - 2))
    const typo = f.slice(0, j) + f.slice(j + 1)
    out.push({ kind: 'fuzzy', words: [typo], request: { query: `${typo}~1` } })
    const site = corpus.sites[Math.floor(random() * corpus.sites.length)]
    out.push({
      kind: 'filtered',
      words: [common],
      request: { query: common, site, from: '2017-01-01', to: '2022-12-31', notFlags: ['sponsored'] },
    })
  }
  return out
}

// ---------- systems ----------

interface Figures {
  build: number
  bytes: number
  load: number
  heapMB: number
  rssMB: number
  latency: Map<Kind, number[]>
  note?: string
}

function dirBytes(dir: string): number {
  return fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0)
}

function timeQueries(qs: BenchQuery[], run: (q: BenchQuery) => void): Map<Kind, number[]> {
  for (const q of qs.slice(0, 14)) run(q)
  const out = new Map<Kind, number[]>()
  for (const q of qs) {
    const start = performance.now()
    run(q)
    const list = out.get(q.kind) ?? []
    list.push(performance.now() - start)
    out.set(q.kind, list)
  }
  return out
}

async function broadsheet(
  corpus: Corpus,
  qs: BenchQuery[],
  tmp: string,
): Promise<Figures & { add: number; change: number }> {
  const dir = path.join(tmp, 'broadsheet')
  const pool = createBuilderPool(2)
  let start = performance.now()
  const built = new SearchEngine()
  await built.buildFrom(corpus.records, pool.build, { parallel: 3 })
  const store = new ShardStore(dir)
  store.save(built.shards)
  const build = (performance.now() - start) / 1000
  built.clear()
  const cold = coldLoad('broadsheet', dir)
  const engine = new SearchEngine()
  const loaded = await new ShardStore(dir).load()
  if (loaded.kind !== 'loaded') throw new Error(`bench: load failed: ${loaded.kind}`)
  engine.setShards(loaded.shards)
  const latency = timeQueries(qs, (q) => {
    const r = engine.search({ ...q.request, limit: 20 })
    if (!r.ok) throw new Error(`bench: ${q.request.query}: ${r.error.message}`)
  })
  // One new article: time until it is searchable (its shard rebuilt in a worker).
  const fresh = { ...corpus.records[0]!, id: 'bench/new', text: corpus.records[0]!.text + ' zyxwvut' }
  start = performance.now()
  await engine.apply([fresh], [], pool.build)
  const add = (performance.now() - start) / 1000
  const found = engine.search({ query: 'zyxwvut' })
  if (!found.ok || found.value.total !== 1) throw new Error('bench: the added article is not searchable')
  // One changed article: its (full) shard is rebuilt.
  const changed = { ...corpus.records[1]!, hash: 'changed', text: corpus.records[1]!.text + ' qwertzu' }
  start = performance.now()
  await engine.apply([changed], [], pool.build)
  const change = (performance.now() - start) / 1000
  engine.clear()
  await pool.close()
  return { build, bytes: dirBytes(dir), ...cold, latency, add, change }
}

function plainLunr(corpus: Corpus, qs: BenchQuery[], tmp: string): Figures {
  const start = performance.now()
  const index = lunrDefault(function () {
    this.tokenizer = lunrTokenizer as unknown as typeof lunrDefault.tokenizer
    this.pipeline.reset()
    this.searchPipeline.reset()
    this.pipeline.add(lunrAnalyze)
    this.searchPipeline.add(lunrAnalyze)
    this.ref('id')
    FIELDS.forEach((f, i) => this.field(f, { boost: FIELD_BOOST[i] }))
    for (const r of corpus.records) {
      const values = fieldValues(r)
      this.add({ id: r.id, ...Object.fromEntries(FIELDS.map((f, i) => [f, values[i]])) })
    }
  })
  const file = path.join(tmp, 'lunr.json')
  fs.writeFileSync(file, JSON.stringify(index))
  const build = (performance.now() - start) / 1000
  const meta = new Map(corpus.records.map((r) => [r.id, r]))
  const cold = coldLoad('lunr', file)
  const latency = timeQueries(qs, (q) => {
    // lunr has no phrases (both words required instead) and no filters (applied to its results).
    const text = q.kind === 'phrase' ? q.words.map((w) => `+${w}`).join(' ') : q.request.query
    let hits = index.search(text)
    if (q.kind === 'filtered') {
      hits = hits.filter((h) => {
        const r = meta.get(h.ref)!
        return r.site === q.request.site && r.published! >= q.request.from! && r.published! <= q.request.to! + 'Z'
      })
    }
    hits.slice(0, 20)
  })
  return { build, bytes: fs.statSync(file).size, ...cold, latency, note: 'phrase = +a +b' }
}

function miniSearch(corpus: Corpus, qs: BenchQuery[], tmp: string): Figures {
  const start = performance.now()
  const ms = new MiniSearch(MINI_OPTIONS)
  ms.addAll(corpus.records)
  const file = path.join(tmp, 'minisearch.json')
  fs.writeFileSync(file, JSON.stringify(ms))
  const build = (performance.now() - start) / 1000
  const cold = coldLoad('minisearch', file)
  const loaded = ms
  const latency = timeQueries(qs, (q) => {
    const w = q.words
    switch (q.kind) {
      case 'prefix':
        return void loaded.search(w[0]!, { prefix: true }).slice(0, 20)
      case 'fuzzy':
        return void loaded.search(w[0]!, { fuzzy: 1 }).slice(0, 20)
      case 'phrase':
        return void loaded.search(w.join(' '), { combineWith: 'AND' }).slice(0, 20)
      case 'filtered':
        return void loaded
          .search(w[0]!, {
            filter: (r) =>
              r.site === q.request.site && r.published >= q.request.from! && r.published <= q.request.to! + 'Z',
          })
          .slice(0, 20)
      default:
        return void loaded.search(q.request.query).slice(0, 20)
    }
  })
  return { build, bytes: fs.statSync(file).size, ...cold, latency, note: 'phrase = AND' }
}

// ---------- report ----------

function pct(list: number[], p: number): number {
  const s = [...list].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

function report(name: string, f: Figures | null, extra = ''): void {
  if (!f) {
    console.log(`  ${name.padEnd(11)} skipped ${extra}`)
    return
  }
  console.log(
    `  ${name.padEnd(11)} build ${f.build.toFixed(1)} s · size ${(f.bytes / 1_048_576).toFixed(0)} MB · ` +
      `cold load ${f.load.toFixed(2)} s · index holds ${f.heapMB.toFixed(0)} MB (process RSS ${f.rssMB.toFixed(0)} MB)${extra}${f.note ? ` · ${f.note}` : ''}`,
  )
  const cells = KINDS.map((k) => {
    const l = f.latency.get(k) ?? []
    return `${k} ${pct(l, 50).toFixed(1)}/${pct(l, 95).toFixed(1)}`
  })
  console.log(`              p50/p95 ms: ${cells.join(' · ')}`)
}

async function benchOne(label: string, corpus: Corpus): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-search-bench-'))
  try {
    const words = corpus.records.reduce((s, r) => s + r.text.split(/\s+/).length, 0)
    console.log(
      `\n${label}: ${corpus.records.length} articles, ${(words / 1e6).toFixed(1)}M words, ${os.cpus().length} CPUs`,
    )
    const qs = queries(corpus)
    const b = await broadsheet(corpus, qs, tmp)
    const ms = (x: number) => `${(x * 1000).toFixed(0)} ms`
    report('broadsheet', b, ` · one article added: searchable in ${ms(b.add)}, one changed: ${ms(b.change)}`)
    gc()
    const n = corpus.records.length
    const lunrSkip = `(over --lunr-max ${lunrMax})`
    report('lunr', n <= lunrMax ? plainLunr(corpus, qs, tmp) : null, n <= lunrMax ? '' : lunrSkip)
    gc()
    const miniSkip = `(over --mini-max ${miniMax})`
    report('minisearch', n <= miniMax ? miniSearch(corpus, qs, tmp) : null, n <= miniMax ? '' : miniSkip)
    console.log(`  peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

/** An N-record JSONL imported into an indexed library: how long until its last record is found. */
async function jsonlBench(count: number): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-jsonl-bench-'))
  try {
    const root = path.join(tmp, 'library')
    const base = generate(1000, 7).records
    for (const [i, r] of base.entries()) {
      fs.mkdirSync(path.join(root, r.site ?? 'misc'), { recursive: true })
      fs.writeFileSync(path.join(root, r.site ?? 'misc', `story-${i}.txt`), `${r.title}\n\n${r.text}\n`)
    }
    const library = await openLibrary(root)
    const search = await openSearchIndex(library)
    let t = performance.now()
    await search.ready()
    console.log(
      `${base.length} articles indexed in ${(performance.now() - t).toFixed(0)} ms (${os.cpus().length} CPUs)`,
    )
    const lines = generate(count, 11).records.map((r, i) =>
      JSON.stringify({
        title: r.title,
        text: `${r.text.split(/\s+/).slice(0, 200).join(' ')} jsonlmarker${i}`,
        site: r.site,
        published: r.published,
      }),
    )
    const dump = path.join(tmp, 'dump.jsonl')
    fs.writeFileSync(dump, lines.join('\n'))
    t = performance.now()
    const [result] = await library.import([{ kind: 'path', path: dump }])
    const imported = performance.now() - t
    await search.ready()
    const searchable = performance.now() - t
    const last = await search.search({ query: `jsonlmarker${count - 1}` })
    const found = last.ok && last.value.hits[0]?.id === result?.articles[count - 1]
    console.log(
      `${count}-record JSONL (${(fs.statSync(dump).size / 1_048_576).toFixed(1)} MB): imported in ${imported.toFixed(0)} ms, ` +
        `searchable in ${searchable.toFixed(0)} ms (${result?.articles.length ?? 0} records; last one found: ${found})`,
    )
    const timings = library.lastImportTimings()
    if (timings) {
      const stages = (['read', 'hash', 'parse', 'copy'] as const).map((k) => `${k} ${timings[k].toFixed(0)} ms`)
      console.log(`  import stages: ${stages.join(', ')}; load ${os.loadavg()[0]!.toFixed(1)}`)
    }
    await search.close()
    await library.close()
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

const jsonlArg = process.argv.find((arg) => arg.startsWith('--jsonl='))
if (jsonlArg) {
  await jsonlBench(Number(jsonlArg.slice('--jsonl='.length)))
  process.exit(0)
}

for (const size of sizes) await benchOne(`synthetic ${size}`, generate(size))
for (const dir of dirs) await benchOne(dir, await readDir(dir))
