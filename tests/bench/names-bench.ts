/**
 * Benchmarks names in every spelling on a big synthetic index: the time a capitalised query word (taken for a
 * name, so its transliterations are looked for) adds over the same word in lower case (taken as typed), and how
 * many other spellings ordinary capitalised words pick up; and `matchingIds` (every match, no page: saved searches,
 * exports, `story:ID`) over the same index. Run with `npx tsx tests/bench/names-bench.ts [COUNT]` (default 100,000).
 */
import { performance } from 'node:perf_hooks'
import { buildInThread } from '../../electron/core/search/builder-pool'
import { SearchEngine } from '../../electron/core/search/engine'
import { SEED_ALIASES } from '../../electron/core/search/names/seed'
import { generate } from './search-corpus'
import { medianMs } from './measure'

const count = Number(process.argv[2] ?? 100_000)
const corpus = generate(count)
// A made-up name in four spellings, spread over the corpus.
const spellings = ['Tomilevsky', 'Tomilevskiy', 'Томилевский', 'Томилевского']
corpus.records.forEach((r, i) => {
  if (i % 500 === 0) r.text += ` ${spellings[(i / 500) % spellings.length]} said.`
})

const engine = new SearchEngine({ names: SEED_ALIASES })
const built = performance.now()
await engine.buildFrom(corpus.records, buildInThread)
const buildMs = performance.now() - built

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1)
// Ordinary words of every frequency (the corpus's pseudo-words), English and Russian.
const ordinary = [
  ...corpus.en.slice(0, 40).filter((_, i) => i % 4 === 0),
  ...corpus.ru.slice(0, 20).filter((_, i) => i % 4 === 0),
]
  .concat(corpus.en.slice(5000, 5020).filter((_, i) => i % 4 === 0))
  .filter((w) => w.length >= 4)

let extra = 0
let junk = 0
const examples: string[] = []
for (const w of ordinary) {
  const plain = medianMs(() => engine.search({ query: w, limit: 20 }))
  const named = medianMs(() => engine.search({ query: capital(w), limit: 20 }))
  extra += named - plain
  const r = engine.search({ query: capital(w), limit: 0 })
  const variants = r.ok ? (r.value.variants ?? []) : []
  junk += variants.length
  if (variants.length > 0) examples.push(`${capital(w)} → ${variants.join(', ')}`)
}
const nameMs = medianMs(() => engine.search({ query: 'Tomilevsky', limit: 20 }))
const name = engine.search({ query: 'Tomilevsky', limit: 0 })

const out = (line: string) => process.stdout.write(`${line}\n`)
out(`index of ${count} articles built in ${(buildMs / 1000).toFixed(1)} s (in thread)`)
out(
  `name query "Tomilevsky": ${nameMs.toFixed(1)} ms, ${name.ok ? name.value.total : 0} hits, also matched ${name.ok ? JSON.stringify(name.value.variants) : '-'}`,
)
out(
  `capitalised ordinary word: +${(extra / ordinary.length).toFixed(2)} ms a query over the same word in lower case (${ordinary.length} words)`,
)
out(
  `other spellings picked up by capitalised ordinary words: ${junk} in all, ${examples.length} of ${ordinary.length} words: ${examples.join('; ')}`,
)

for (const query of [
  corpus.en[0]!,
  corpus.en[200]!,
  `${corpus.en[3]} ${corpus.en[40]}`,
  `"${corpus.en[1]} ${corpus.en[2]}"`,
  `${corpus.en[9]!.slice(0, 3)}*`,
  'Tomilevsky',
]) {
  let matches = 0
  const took = medianMs(() => {
    const r = engine.matchingIds({ query })
    matches = r.ok ? r.value.length : -1
  })
  out(`matchingIds ${JSON.stringify(query)}: ${took.toFixed(1)} ms for ${matches} ids`)
}
