import { describe, expect, it } from 'vitest'
import type { Timeline, TimelineBin } from '../../../electron/shared/stories'
import {
  binLabel,
  chartOf,
  lastDay,
  binAt,
  nextStart,
  OTHER_SITES,
  rangeLabel,
  rangeOfBins,
  secondsOf,
  stacked,
  summary,
  tickBins,
  tickLabel,
  TOP_SITES,
  undatedByImport,
  unitForSpan,
} from '../../../renderer/lib/timeline'

const timeline = (bins: TimelineBin[], by: Timeline['by'] = 'month', undated = 0): Timeline => ({
  by,
  bins,
  undated,
  undatedByImport: undated > 0 ? [{ start: '2024-01-01', site: 'a.example', count: undated }] : [],
})

describe('chartOf', () => {
  it('fills the months with no hits between the first and the last with zeros', () => {
    const chart = chartOf(
      timeline([
        { start: '2022-01-01', site: 'a.example', count: 3 },
        { start: '2022-04-01', site: 'a.example', count: 2 },
      ]),
    )
    expect(chart.starts).toEqual(['2022-01-01', '2022-02-01', '2022-03-01', '2022-04-01'])
    expect(chart.totals).toEqual([3, 0, 0, 2])
  })

  it('keeps the five busiest sites apart and sums the rest as "Other sites", counts unchanged', () => {
    const sites = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((s, i) => ({
      start: '2023-05-01',
      site: `${s}.example`,
      count: 10 - i,
    }))
    const chart = chartOf(timeline(sites))
    expect(chart.series.map((s) => s.label)).toEqual([
      'a.example',
      'b.example',
      'c.example',
      'd.example',
      'e.example',
      OTHER_SITES,
    ])
    expect(chart.series[TOP_SITES]!.counts).toEqual([5 + 4])
    expect(chart.totals).toEqual([10 + 9 + 8 + 7 + 6 + 5 + 4])
    expect(chart.dated).toBe(49)
  })

  it('names a sixth site rather than calling one site "Other sites"', () => {
    const sites = ['a', 'b', 'c', 'd', 'e', 'f'].map((s) => ({ start: '2023-05-01', site: `${s}.example`, count: 1 }))
    expect(chartOf(timeline(sites)).series.map((s) => s.label)).toContain('f.example')
  })

  it('never puts undated hits in a dated bin', () => {
    const chart = chartOf(timeline([{ start: '2022-01-01', site: 'a.example', count: 3 }], 'month', 7))
    expect(chart.totals).toEqual([3])
    expect(chart.undated).toBe(7)
  })

  it('walks ISO weeks and days without skipping any', () => {
    const weeks = chartOf(
      timeline(
        [
          { start: '2024-02-26', site: 'a', count: 1 },
          { start: '2024-03-11', site: 'a', count: 1 },
        ],
        'week',
      ),
    )
    expect(weeks.starts).toEqual(['2024-02-26', '2024-03-04', '2024-03-11'])
    const days = chartOf(
      timeline(
        [
          { start: '2024-02-28', site: 'a', count: 1 },
          { start: '2024-03-01', site: 'a', count: 1 },
        ],
        'day',
      ),
    )
    expect(days.starts).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
  })

  it('lays out only the days with hits when a day unit spans decades, still counting every hit', () => {
    const t = timeline(
      [
        { start: '1990-01-01', site: 'a', count: 1 },
        { start: '2024-03-01', site: 'a', count: 2 },
      ],
      'day',
    )
    const chart = chartOf(t)
    expect(chart.starts).toEqual(['1990-01-01', '2024-03-01'])
    expect(chart.totals).toEqual([1, 2])
    expect(summary(chart)).toBe('Timeline: 3 hits from 1990 to 2024, most in 1 March 2024.')
  })
})

describe('undatedByImport', () => {
  it('sums the undated hits of every site per import bin, oldest first', () => {
    const t: Timeline = {
      by: 'month',
      bins: [],
      undated: 6,
      undatedByImport: [
        { start: '2024-02-01', site: 'b', count: 1 },
        { start: '2024-01-01', site: 'a', count: 2 },
        { start: '2024-02-01', site: 'a', count: 3 },
      ],
    }
    expect(undatedByImport(t)).toEqual([
      ['2024-01-01', 2],
      ['2024-02-01', 4],
    ])
  })
})

describe('bin dates', () => {
  it('knows where each unit ends, months of any length included', () => {
    expect(nextStart('2024-01-31', 'day')).toBe('2024-02-01')
    expect(lastDay('2024-02-01', 'month')).toBe('2024-02-29')
    expect(lastDay('2023-12-01', 'month')).toBe('2023-12-31')
    expect(lastDay('2024-03-04', 'week')).toBe('2024-03-10')
  })

  it('labels bins in words', () => {
    expect(binLabel('2022-03-01', 'month')).toBe('March 2022')
    expect(binLabel('2022-03-07', 'week')).toBe('week of 7 March 2022')
    expect(binLabel('2022-03-03', 'day')).toBe('3 March 2022')
  })
})

describe('axis ticks', () => {
  it('names ticks by the unit, never by the hour', () => {
    expect(tickLabel('2023-11-02', 'day')).toBe('2 Nov 2023')
    expect(tickLabel('2022-03-01', 'month')).toBe('Mar 2022')
  })

  it('ticks every bin that fits, else every k-th from the first', () => {
    expect(tickBins(3, 5)).toEqual([0, 1, 2])
    expect(tickBins(24, 5)).toEqual([0, 5, 10, 15, 20])
    expect(tickBins(1, 0)).toEqual([0])
  })
})

describe('unitForSpan', () => {
  const at = (...starts: string[]) => starts.map((start) => ({ start, site: 'a', count: 1 }))

  it('draws a few weeks per day, a year per week and several years per month', () => {
    expect(unitForSpan(at('2024-03-01', '2024-03-20'), 'day')).toBe('day')
    expect(unitForSpan(at('2023-01-01', '2023-12-01'), 'month')).toBe('week')
    expect(unitForSpan(at('2019-01-01', '2024-06-01'), 'month')).toBe('month')
  })

  it('has nothing to say without dated bins', () => {
    expect(unitForSpan([], 'month')).toBeNull()
  })
})

describe('summary', () => {
  it('says how many hits, over which years, where most fall and how many are undated', () => {
    const chart = chartOf(
      timeline(
        [
          { start: '2019-05-01', site: 'a', count: 200 },
          { start: '2022-03-01', site: 'a', count: 700 },
          { start: '2022-03-01', site: 'b', count: 28 },
          { start: '2024-01-01', site: 'b', count: 0 + 1 },
        ],
        'month',
        311,
      ),
    )
    expect(summary(chart)).toBe('Timeline: 1,240 hits from 2019 to 2024, most in March 2022; 311 of them undated.')
  })

  it('says so when nothing is dated or nothing is found', () => {
    expect(summary(chartOf(timeline([], 'month', 4)))).toBe('Timeline: 4 hits, all undated.')
    expect(summary(chartOf(timeline([])))).toBe('Timeline: no hits.')
  })
})

describe('brushing', () => {
  const chart = chartOf(
    timeline([
      { start: '2022-01-01', site: 'a', count: 1 },
      { start: '2022-06-01', site: 'a', count: 1 },
    ]),
  )
  const xs = secondsOf(chart.starts)

  it('turns the bins under a drag into whole months, from the first day to the last', () => {
    const from = binAt(xs, Date.parse('2022-02-03') / 1000)
    const to = binAt(xs, Date.parse('2022-03-20') / 1000)
    expect(rangeOfBins(chart, from, to)).toEqual({ from: '2022-02-01', to: '2022-03-31' })
  })

  it('takes a drag from right to left the same way', () => {
    expect(rangeOfBins(chart, 3, 1)).toEqual({ from: '2022-02-01', to: '2022-04-30' })
  })

  it('refuses bins that are not there', () => {
    expect(rangeOfBins(chart, -1, 2)).toBeNull()
    expect(binAt([], 5)).toBe(-1)
  })

  it('keeps a drag that runs past either end to the first and last bins', () => {
    expect(binAt(xs, xs[0]! - 1000)).toBe(0)
    expect(binAt(xs, xs.at(-1)! + 40 * 86_400)).toBe(xs.length - 1)
  })

  it('says a range in words for its chip, an open end as an ellipsis', () => {
    expect(rangeLabel({ from: '2022-02-01', to: '2022-03-31' })).toBe('1 February 2022 – 31 March 2022')
    expect(rangeLabel({ from: '', to: '2022-03-31' })).toBe('… – 31 March 2022')
  })
})

describe('stacked', () => {
  it('piles each site on the ones before it', () => {
    expect(
      stacked([
        { label: 'a', counts: [1, 0, 2] },
        { label: 'b', counts: [3, 1, 0] },
      ]),
    ).toEqual([
      [1, 0, 2],
      [4, 1, 2],
    ])
  })
})
