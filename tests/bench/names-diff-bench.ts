/**
 * Benchmarks the version diff and the timeline bins against the targets:
 * two 5,000-word articles diffed ≤ 100 ms; 100k hits binned ≤ 100 ms. Run with `npm run bench:diff`.
 */
import { diffText } from '../../electron/core/stories/diff'
import { binTimeline, type TimelineItem } from '../../electron/core/stories/timeline'
import { medianMs } from './measure'

const WORDS = ['river', 'port', 'город', 'мост', 'council', 'vote', 'Київ', 'budget', 'road', 'school']

function words(n: number, seed: number): string[] {
  const out: string[] = []
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    out.push(WORDS[x % WORDS.length]!)
  }
  return out
}

const base = words(5000, 7)
const edited = [...base]
for (let i = 0; i < edited.length; i += 50) edited[i] = 'changed'
const left = base.join(' ') + '.'
const right = edited.join(' ') + '.'
const diffMs = medianMs(() => diffText(left, right))

const sites = ['a.example', 'b.example', 'c.example', null]
const items: TimelineItem[] = []
for (let i = 0; i < 100_000; i++) {
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000).toISOString()
  items.push({
    published: i % 10 === 0 ? null : day,
    importedAt: '2024-05-01T00:00:00Z',
    site: sites[i % sites.length]!,
  })
}
const binMs = {
  day: medianMs(() => binTimeline(items, 'day')),
  week: medianMs(() => binTimeline(items, 'week')),
  month: medianMs(() => binTimeline(items, 'month')),
}

process.stdout.write(`diff of two 5,000-word articles (100 edits): ${diffMs.toFixed(1)} ms (target ≤ 100)\n`)
for (const [by, ms] of Object.entries(binMs))
  process.stdout.write(`timeline of 100k hits by ${by}: ${ms.toFixed(1)} ms (target ≤ 100)\n`)
