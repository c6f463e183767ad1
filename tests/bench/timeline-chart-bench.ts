/**
 * Benchmarks the renderer's side of the timeline: laying out the core's bins as chart columns per top site (and
 * the running sums uPlot draws), for the largest answers a library of 100k articles gives. Run with
 * `npx tsx tests/bench/timeline-chart-bench.ts`. The binning itself is benchmarked in names-diff-bench.ts.
 */
import type { Timeline, TimelineBin, TimelineUnit } from '../../electron/shared/stories'
import { chartOf, stacked, summary } from '../../renderer/lib/timeline'
import { binStart } from '../../electron/core/stories/timeline'
import { medianMs } from './measure'

/** Every bin of `years` years from 2015 for `sites` sites, each with a few hits. */
function answer(by: TimelineUnit, years: number, sites: number): Timeline {
  const bins: TimelineBin[] = []
  const seen = new Set<string>()
  for (let d = 0; d < years * 365; d++) {
    const start = binStart(new Date(Date.UTC(2015, 0, 1) + d * 86_400_000).toISOString(), by)!
    if (seen.has(start)) continue
    seen.add(start)
    for (let s = 0; s < sites; s++) bins.push({ start, site: `site-${s}.example`, count: 1 + ((d + s) % 7) })
  }
  return { by, bins, undated: 1234, undatedByImport: [] }
}

for (const [by, years, sites] of [
  ['day', 10, 40],
  ['week', 20, 40],
  ['month', 30, 100],
] as const) {
  const t = answer(by, years, sites)
  const ms = medianMs(() => {
    const chart = chartOf(t)
    stacked(chart.series)
    summary(chart)
  })
  process.stdout.write(
    `chart of ${t.bins.length.toLocaleString('en')} bins (${years} years by ${by}, ${sites} sites): ${ms.toFixed(1)} ms\n`,
  )
}
