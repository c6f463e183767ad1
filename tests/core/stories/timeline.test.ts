import { describe, expect, it } from 'vitest'
import { binTimeline, UNKNOWN_SITE, type TimelineItem } from '../../../electron/core/stories/timeline'

const item = (over: Partial<TimelineItem>): TimelineItem => ({
  published: null,
  importedAt: '2024-06-30T12:00:00Z',
  site: 'a.example',
  ...over,
})

describe('binTimeline', () => {
  it('counts hits per day and site by publication date, as the search date filter does', () => {
    const t = binTimeline(
      [
        item({ published: '2024-03-01T10:00:00Z' }),
        item({ published: '2024-03-01T23:59:00Z' }),
        item({ published: '2024-03-01', site: 'b.example' }),
        item({ published: '2024-03-02T08:00:00Z' }),
      ],
      'day',
    )
    expect(t.bins).toEqual([
      { start: '2024-03-01', site: 'a.example', count: 2 },
      { start: '2024-03-01', site: 'b.example', count: 1 },
      { start: '2024-03-02', site: 'a.example', count: 1 },
    ])
    expect(t.undated).toBe(0)
  })

  it('bins an article without a publication date by its import date apart', () => {
    const t = binTimeline([item({ importedAt: '2026-11-01T00:00:00Z' })], 'day')
    expect(t.bins).toEqual([])
    expect(t.undated).toBe(1)
    expect(t.undatedByImport).toEqual([{ start: '2026-11-01', site: 'a.example', count: 1 }])
  })

  it('starts weeks on Monday and months on the first, in UTC', () => {
    const items = [
      item({ published: '2024-03-03T23:30:00Z' }), // Sunday
      item({ published: '2024-03-04T00:30:00+02:00' }), // still Sunday in UTC
      item({ published: '2024-03-04T09:00:00Z' }), // Monday
    ]
    expect(binTimeline(items, 'week').bins).toEqual([
      { start: '2024-02-26', site: 'a.example', count: 2 },
      { start: '2024-03-04', site: 'a.example', count: 1 },
    ])
    expect(binTimeline(items, 'month').bins).toEqual([{ start: '2024-03-01', site: 'a.example', count: 3 }])
  })

  it('counts undated hits apart, binned by import date, and labels a missing site once', () => {
    const t = binTimeline(
      [item({ site: null }), item({ published: 'not a date', importedAt: '2024-07-01T00:00:00Z' })],
      'month',
    )
    expect(t.bins).toEqual([])
    expect(t.undated).toBe(2)
    expect(t.undatedByImport).toEqual([
      { start: '2024-06-01', site: UNKNOWN_SITE, count: 1 },
      { start: '2024-07-01', site: 'a.example', count: 1 },
    ])
  })
})
