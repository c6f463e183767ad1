/**
 * Stories benchmark: `npm run bench:stories -- CORPUS [--synthetic=N]` (without CORPUS: the scale part only)
 *
 * 1. Quality: imports the files of the labelled pairs (tests/fixtures/stories/pairs-*.json, paths relative to
 *    CORPUS) into a fresh temp library per language, opens its stories, and prints pairwise precision, recall and
 *    F1 for copies (label "copy") and for same-story clusters (labels "copy" and "same-event").
 * 2. Cost: the import's time against the time to sign the same articles (target ≤ 10%).
 * 3. Scale: N synthetic articles (default 100,000; one in ten a lightly edited copy): signing, grouping, clustering,
 *    and a regroup after one new article (what a new import waits for).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openLibrary } from '../../electron/core/library/library'
import { buildClusters, type ClusterEntry } from '../../electron/core/stories/clusters'
import { buildGroups, joinNew, type GroupEntry } from '../../electron/core/stories/groups'
import { StoriesWorker } from '../../electron/core/stories/grouping'
import { bytesKey, openStoryGroups } from '../../electron/core/stories/story-groups'
import { signatureOf, storyTermsOf } from '../../electron/core/stories/signature'

interface Pair {
  a: string
  b: string
  label: 'copy' | 'same-event' | 'different'
}

const args = process.argv.slice(2)
const corpus = args.find((arg) => !arg.startsWith('--'))
const syntheticArg = args.find((arg) => arg.startsWith('--synthetic='))
const synthetic = syntheticArg ? Number(syntheticArg.slice('--synthetic='.length)) : 100_000
const fixtures = path.resolve(import.meta.dirname ?? '.', '../fixtures/stories')
const ms = (n: number) => `${n.toFixed(0)} ms`
const pct = (n: number) => (Number.isNaN(n) ? 'n/a' : `${(n * 100).toFixed(1)}%`)

function scores(pairs: readonly { truth: boolean; said: boolean }[]): string {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const p of pairs) {
    if (p.truth && p.said) tp++
    else if (p.said) fp++
    else if (p.truth) fn++
  }
  const precision = tp / (tp + fp)
  const recall = tp / (tp + fn)
  const f1 = (2 * precision * recall) / (precision + recall)
  return `precision ${pct(precision)}, recall ${pct(recall)}, F1 ${pct(f1)} (tp ${tp}, fp ${fp}, fn ${fn})`
}

async function quality(file: string): Promise<void> {
  const pairs = (JSON.parse(fs.readFileSync(path.join(fixtures, file), 'utf8')) as { pairs: Pair[] }).pairs
  // `file#N` is the N-th record of a file holding many (a CSV or JSONL export); a plain path its one article.
  const refs = [...new Set(pairs.flatMap((p) => [p.a, p.b]))]
  const fileOf = (ref: string) => ref.replace(/#\d+$/, '')
  const files = [...new Set(refs.map(fileOf))]
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-stories-bench-'))
  try {
    const library = await openLibrary(root)
    let start = performance.now()
    const results = await library.import(files.map((f) => ({ kind: 'path' as const, path: path.join(corpus!, f) })))
    const importMs = performance.now() - start
    const idOf = new Map<string, string>()
    for (const ref of refs) {
      const r = results[files.indexOf(fileOf(ref))]!
      const index = Number(/#(\d+)$/.exec(ref)?.[1] ?? 0)
      const id = r.articles[index] ?? (index === 0 ? (r.duplicateOf as string | undefined) : undefined)
      if (id) idOf.set(ref, id)
    }
    const articles = await library.getMany([...new Set(idOf.values())])
    start = performance.now()
    for (const article of articles) {
      signatureOf(article.text)
      storyTermsOf(article.title, article.text)
    }
    const signMs = performance.now() - start
    start = performance.now()
    const stories = await openStoryGroups(library, { persist: false })
    await stories.ready()
    const groupMs = performance.now() - start
    const copies: { truth: boolean; said: boolean }[] = []
    const same: { truth: boolean; said: boolean }[] = []
    // Copies always share a story; this leaves them out, to show how different texts of one event fare.
    const events: { truth: boolean; said: boolean }[] = []
    let missing = 0
    for (const p of pairs) {
      const a = idOf.get(p.a)
      const b = idOf.get(p.b)
      if (!a || !b) {
        missing++
        continue
      }
      const [sa, sb] = [await stories.similar(a), await stories.similar(b)]
      copies.push({ truth: p.label === 'copy', said: a === b || stories.collapseKeyOf(a) === stories.collapseKeyOf(b) })
      const story = sa?.story && sa.story.id === sb?.story?.id
      same.push({ truth: p.label !== 'different', said: a === b || Boolean(story) })
      if (p.label !== 'copy') events.push(same.at(-1)!)
    }
    // The same clusters at other thresholds, from the same signatures and terms, to show the trade-off.
    const items = new Map(library.list().map((item) => [item.id, item]))
    const entries = articles.map((article) => {
      const item = items.get(article.id)!
      const seen = item.published ?? item.capturedAt ?? item.importedAt
      return {
        id: article.id,
        // The records of one file share its hash and are not copies of each other for that.
        hash: bytesKey(article),
        url: article.url,
        sourceUrl: article.sourceUrl,
        site: article.site,
        language: article.language,
        time: Date.parse(seen),
        undated: item.published === null && item.capturedAt === null,
        sig: signatureOf(article.text),
        terms: [...storyTermsOf(item.title, ''), ...storyTermsOf('', article.text)],
      }
    })
    const duplicates = buildGroups(entries).duplicates
    const sweep: string[] = []
    for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7]) {
      const storyOf = new Map<string, number>()
      // Every article held to the one threshold, undated or not, to show the trade-off the undated bar picks from.
      const held = entries.map((e) => ({ ...e, undated: false }))
      buildClusters(held, duplicates, threshold).forEach((members, n) => {
        for (const id of members) storyOf.set(id, n)
      })
      const said = pairs.flatMap((p) => {
        const [a, b] = [idOf.get(p.a), idOf.get(p.b)]
        if (!a || !b) return []
        const sa = storyOf.get(a)
        const together = a === b || (sa !== undefined && sa === storyOf.get(b))
        return [{ truth: p.label !== 'different', said: together, label: p.label }]
      })
      const apart = said.filter((p) => p.label !== 'copy')
      sweep.push(`    at ${threshold}: ${scores(said)}\n      copy pairs left out: ${scores(apart)}`)
    }
    const labels = pairs.reduce<Record<string, number>>((n, p) => ({ ...n, [p.label]: (n[p.label] ?? 0) + 1 }), {})
    console.log(`\n${file}: ${pairs.length} pairs ${JSON.stringify(labels)}, ${files.length} files`)
    if (missing > 0) console.log(`  ${missing} pairs left out: a file did not import`)
    console.log(`  copies:   ${scores(copies)}`)
    console.log(`  clusters: ${scores(same)}`)
    console.log(`  clusters, copy pairs left out: ${scores(events)}`)
    console.log(`  clusters at other cosine thresholds, undated articles held to the same:\n${sweep.join('\n')}`)
    console.log(
      `  import ${ms(importMs)}; signing the ${articles.length} articles ${ms(signMs)} ` +
        `(${pct(signMs / importMs)} of the import); open + sign + group ${ms(groupMs)}`,
    )
    await stories.close()
    await library.close()
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same library. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function scale(n: number): Promise<void> {
  const rnd = random(42)
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`)
  // Zipf-like: low ranks are common, as in news text.
  const word = () => vocabulary[Math.floor(vocabulary.length * rnd() ** 3)]!
  const texts: string[] = []
  for (let i = 0; i < n; i++) {
    if (i > 0 && rnd() < 0.1) {
      const words = texts[Math.floor(rnd() * i)]!.split(' ')
      words[Math.floor(rnd() * words.length)] = word()
      texts.push(words.join(' '))
    } else texts.push(Array.from({ length: 300 }, word).join(' '))
  }
  let start = performance.now()
  const day = 86_400_000
  const entries: (GroupEntry & ClusterEntry)[] = texts.map((text, i) => ({
    id: `a${i}`,
    hash: `h${i}`,
    url: null,
    sourceUrl: null,
    site: `site${i % 50}`,
    language: 'en',
    time: Date.UTC(2024, 0, 1) + Math.floor((i / n) * 365) * day,
    sig: signatureOf(text),
    terms: storyTermsOf(text.slice(0, 40), text),
  }))
  const signMs = performance.now() - start
  start = performance.now()
  const groups = buildGroups(entries)
  const groupMs = performance.now() - start
  start = performance.now()
  const clusters = buildClusters(entries, groups.duplicates)
  const clusterMs = performance.now() - start
  console.log(`\nsynthetic: ${n} articles of 300 words, one in ten a copy with one word changed`)
  console.log(`  signing ${ms(signMs)} (${((signMs * 1000) / n).toFixed(0)} µs per article)`)
  console.log(`  groups ${ms(groupMs)} (${groups.duplicates.length} groups of copies)`)
  console.log(`  clusters ${ms(clusterMs)} (${clusters.length} clusters)`)
  const last = entries.length - 1
  const copies = new Map<string, readonly string[]>()
  const versions = new Map<string, readonly string[]>()
  start = performance.now()
  joinNew(entries, new Set([entries[last]!.id]), copies, versions)
  const joinMs = performance.now() - start
  console.log(
    `  a new article joins its copies at once in ${ms(joinMs)} (${copies.get(entries[last]!.id)?.length ?? 1} in its group)`,
  )
  start = performance.now()
  const worker = new StoriesWorker(true)
  const inWorker = await worker.group(entries)
  await worker.close()
  console.log(
    `  the whole pass in a worker (what a new import then waits for): ${ms(performance.now() - start)} (${inWorker.clusters.length} clusters)`,
  )
}

if (!corpus && !syntheticArg) {
  console.error('usage: npm run bench:stories -- CORPUS [--synthetic=N]   (or only --synthetic=N)')
  process.exit(2)
}
if (corpus) {
  await quality('pairs-en.json')
  await quality('pairs-ru.json')
}
if (synthetic > 0) await scale(synthetic)
