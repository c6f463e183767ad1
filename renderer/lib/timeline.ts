/**
 * Pure helpers behind the timeline chart: the core's bins laid out as dense columns per top site, the bar unit a
 * span calls for, the words that summarise it, and the date range a brushed or typed choice of bins means.
 *
 * No DOM, no API: the bins themselves (which date places a hit, ISO weeks, UTC) are the core's
 * (electron/core/stories/timeline.ts); here they are only laid out and named.
 */
import type { Timeline, TimelineBin, TimelineUnit } from '../../electron/shared/stories'
import { count, counted } from './format'

/** How many sites get their own colour; the rest are summed as "Other sites". */
export const TOP_SITES = 5

/** The label of the series that sums every site past the top ones. */
export const OTHER_SITES = 'Other sites'

/** A date range (ISO dates, both ends inclusive), as the search state takes it. */
export interface BinRange {
  from: string
  to: string
}

/** One site's (or the other sites') hits per bin, aligned with `TimelineChart.starts`. */
export interface TimelineSeries {
  label: string
  counts: number[]
}

/** The bins of a timeline as columns, zeros included between hits, per top site. */
export interface TimelineChart {
  unit: TimelineUnit
  /** ISO date each bin starts on, oldest first: every bin from the first hit's to the last's (up to MAX_BINS). */
  starts: string[]
  /** The top sites by hits, most first, then "Other sites" when there are more. */
  series: TimelineSeries[]
  /** Hits per bin, all sites together. */
  totals: number[]
  /** Every dated hit. */
  dated: number
  /** Hits with no date (counted apart, never in a bin). */
  undated: number
}

const DAY_MS = 86_400_000

/** The start of the bin after the one starting on `start` (ISO dates, UTC). */
export function nextStart(start: string, unit: TimelineUnit): string {
  const d = new Date(`${start}T00:00:00Z`)
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1)
  else d.setUTCDate(d.getUTCDate() + (unit === 'week' ? 7 : 1))
  return d.toISOString().slice(0, 10)
}

/** The last day (ISO date) of the bin starting on `start`. */
export function lastDay(start: string, unit: TimelineUnit): string {
  return new Date(Date.parse(`${nextStart(start, unit)}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10)
}

/** Most bins a chart lays out densely; a day unit over decades would otherwise make tens of thousands of columns. */
export const MAX_BINS = 5_000

/** Lays out a timeline's dated bins as columns per top site: dense up to MAX_BINS columns, else only those with hits. */
export function chartOf(timeline: Timeline): TimelineChart {
  const { by: unit, bins } = timeline
  const bySite = new Map<string, number>()
  for (const b of bins) bySite.set(b.site, (bySite.get(b.site) ?? 0) + b.count)
  const ranked = [...bySite].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([site]) => site)
  // "Other sites" only when it stands for more than one site; a single sixth site keeps its own name.
  const own = ranked.length <= TOP_SITES + 1 ? ranked : ranked.slice(0, TOP_SITES)
  const labels = ranked.length > own.length ? [...own, OTHER_SITES] : own
  const row = new Map(own.map((site, i) => [site, i]))

  let starts: string[] = []
  if (bins.length > 0) {
    const first = bins.reduce((m, b) => (b.start < m ? b.start : m), bins[0]!.start)
    const last = bins.reduce((m, b) => (b.start > m ? b.start : m), bins[0]!.start)
    for (let s = first; s <= last && starts.length <= MAX_BINS; s = nextStart(s, unit)) starts.push(s)
    // Too many bins to lay out densely (days over decades): only the bins with hits, so every hit still counts.
    if (starts.length > MAX_BINS) starts = [...new Set(bins.map((b) => b.start))].sort()
  }
  const column = new Map(starts.map((s, i) => [s, i]))
  const series = labels.map((label) => ({ label, counts: new Array<number>(starts.length).fill(0) }))
  const totals = new Array<number>(starts.length).fill(0)
  let dated = 0
  for (const b of bins) {
    dated += b.count
    const i = column.get(b.start)
    if (i === undefined) continue
    series[row.get(b.site) ?? labels.length - 1]!.counts[i]! += b.count
    totals[i]! += b.count
  }
  return { unit, starts, series, totals, dated, undated: timeline.undated }
}

/** The undated hits per import bin, all sites together, oldest first: [start, hits]. */
export function undatedByImport(timeline: Timeline): [string, number][] {
  const sums = new Map<string, number>()
  for (const b of timeline.undatedByImport) sums.set(b.start, (sums.get(b.start) ?? 0) + b.count)
  return [...sums].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

/** Spans up to this many days are drawn per day, up to SPAN_WEEKS per week, longer ones per month. */
export const SPAN_DAYS = 62
const SPAN_WEEKS = 2 * 366

/** The bar unit that suits the span of some bins (their first start to the end of the last), or null with none. */
export function unitForSpan(bins: readonly TimelineBin[], unit: TimelineUnit): TimelineUnit | null {
  if (bins.length === 0) return null
  let first = bins[0]!.start
  let last = first
  for (const b of bins) {
    if (b.start < first) first = b.start
    if (b.start > last) last = b.start
  }
  const days = (Date.parse(nextStart(last, unit)) - Date.parse(first)) / DAY_MS
  return days <= SPAN_DAYS ? 'day' : days <= SPAN_WEEKS ? 'week' : 'month'
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

/** A bin in words: "March 2022", "week of 7 March 2022", "3 March 2022". */
export function binLabel(start: string, unit: TimelineUnit): string {
  const d = new Date(`${start}T00:00:00Z`)
  if (unit === 'month') return monthFormat.format(d)
  return unit === 'week' ? `week of ${dayFormat.format(d)}` : dayFormat.format(d)
}

const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' })
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** A bin's start as an axis tick says it: "Mar 2022" for months, "7 Mar 2022" for weeks and days. */
export function tickLabel(start: string, unit: TimelineUnit): string {
  return (unit === 'month' ? shortMonth : shortDay).format(new Date(`${start}T00:00:00Z`))
}

/** Which bins get an axis tick: every bin when `most` fit, else every k-th so that at most `most` do. */
export function tickBins(count: number, most: number): number[] {
  const step = Math.max(1, Math.ceil(count / Math.max(1, most)))
  const out: number[] = []
  for (let i = 0; i < count; i += step) out.push(i)
  return out
}

/**
 * The chart's accessible name: "Timeline: 1,240 hits from 2019 to 2024, most in March 2022; 312 of them undated."
 */
export function summary(chart: TimelineChart): string {
  const all = chart.dated + chart.undated
  if (all === 0) return 'Timeline: no hits.'
  const undated = chart.undated > 0 ? `; ${count(chart.undated)} of them undated` : ''
  if (chart.dated === 0) return `Timeline: ${counted(all, 'hit')}, all undated.`
  const firstYear = chart.starts[chart.totals.findIndex((n) => n > 0)]!.slice(0, 4)
  const lastYear = chart.starts[chart.totals.findLastIndex((n) => n > 0)]!.slice(0, 4)
  const span = firstYear === lastYear ? `in ${firstYear}` : `from ${firstYear} to ${lastYear}`
  let peak = 0
  chart.totals.forEach((n, i) => {
    if (n > chart.totals[peak]!) peak = i
  })
  return `Timeline: ${counted(all, 'hit')} ${span}, most in ${binLabel(chart.starts[peak]!, chart.unit)}${undated}.`
}

/** The index of the bin whose span holds `seconds` (Unix seconds; bars start at their bin's start), or -1 with none. */
export function binAt(xs: readonly number[], seconds: number): number {
  if (xs.length === 0) return -1
  let i = 0
  while (i + 1 < xs.length && xs[i + 1]! <= seconds) i++
  return i
}

/** The dates bins `first`..`last` cover (in either order): from the first one's start to the last one's last day. */
export function rangeOfBins(chart: TimelineChart, first: number, last: number): BinRange | null {
  const a = Math.min(first, last)
  const b = Math.max(first, last)
  if (a < 0 || b >= chart.starts.length) return null
  return { from: chart.starts[a]!, to: lastDay(chart.starts[b]!, chart.unit) }
}

/** The bins' starts as Unix seconds, the x values uPlot takes. */
export function secondsOf(starts: readonly string[]): number[] {
  return starts.map((s) => Date.parse(`${s}T00:00:00Z`) / 1000)
}

/** Each series stacked on the ones before it (running sums), so bars drawn tallest first look stacked. */
export function stacked(series: readonly TimelineSeries[]): number[][] {
  const out: number[][] = []
  series.forEach((s, k) => out.push(s.counts.map((n, i) => n + (k > 0 ? out[k - 1]![i]! : 0))))
  return out
}

/** An ISO date range in words for a chip: "1 March 2022 – 31 March 2022", an open end as "…". */
export function rangeLabel(range: BinRange): string {
  const day = (iso: string) => (iso ? dayFormat.format(new Date(`${iso}T00:00:00Z`)) : '…')
  return `${day(range.from)} – ${day(range.to)}`
}
