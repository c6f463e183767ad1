/**
 * Timeline bins: hits counted per site and per day, ISO week (Monday first) or month, in UTC. An article is
 * placed by its publication date, the date the search's date filter reads, so each bin equals a search of its
 * dates; one without is counted as undated and binned by its import date apart (a capture date says when the
 * copy was made, not when the story ran). Pure: no I/O.
 */
import type { Timeline, TimelineBin, TimelineUnit } from '../../shared/stories'

/** The label of hits whose site is not known. */
export const UNKNOWN_SITE = '(unknown site)'

/** What binning needs of one hit. */
export interface TimelineItem {
  published: string | null
  importedAt: string
  site: string | null
}

const DAY_MS = 86_400_000

/** Start (YYYY-MM-DD, UTC) of the bin holding an ISO date, or null when the date cannot be read. */
export function binStart(iso: string, by: TimelineUnit): string | null {
  // A bare date (YYYY-MM-DD) is read as UTC midnight, as Date does.
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const d = new Date(ms)
  if (by === 'month') return `${d.toISOString().slice(0, 7)}-01`
  if (by === 'week') {
    const sinceMonday = (d.getUTCDay() + 6) % 7
    return new Date(ms - sinceMonday * DAY_MS).toISOString().slice(0, 10)
  }
  return d.toISOString().slice(0, 10)
}

function toBins(counts: Map<string, number>): TimelineBin[] {
  const bins: TimelineBin[] = []
  for (const [key, count] of counts) {
    const tab = key.indexOf('\t')
    bins.push({ start: key.slice(0, tab), site: key.slice(tab + 1), count })
  }
  return bins.sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.site < b.site ? -1 : a.site > b.site ? 1 : 0,
  )
}

/** Counts hits per bin and site; undated hits are counted in `undated` and binned by import date apart. */
export function binTimeline(items: readonly TimelineItem[], by: TimelineUnit): Timeline {
  const dated = new Map<string, number>()
  const byImport = new Map<string, number>()
  // Many hits share a date string: its bin is worked out once.
  const starts = new Map<string, string | null>()
  const startOf = (iso: string) => {
    let s = starts.get(iso)
    if (s === undefined) starts.set(iso, (s = binStart(iso, by)))
    return s
  }
  let undated = 0
  for (const item of items) {
    const site = item.site || UNKNOWN_SITE
    const date = item.published
    const start = date === null ? null : startOf(date)
    if (start !== null) {
      const key = `${start}\t${site}`
      dated.set(key, (dated.get(key) ?? 0) + 1)
      continue
    }
    undated++
    const imported = startOf(item.importedAt)
    if (imported === null) continue
    const key = `${imported}\t${site}`
    byImport.set(key, (byImport.get(key) ?? 0) + 1)
  }
  return { by, bins: toBins(dated), undated, undatedByImport: toBins(byImport) }
}
