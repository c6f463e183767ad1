import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { render, screen, within } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import Timeline from '../../../renderer/components/Timeline.svelte'
import { TIMELINE_DEBOUNCE_MS, TimelineState } from '../../../renderer/state/timeline.svelte'
import { ok } from '../../../electron/shared/result'
import type { Timeline as TimelineAnswer } from '../../../electron/shared/stories'
import { fakeApi } from '../fake-api'

/** What the component gave uPlot, and the hooks it asked for: jsdom has no canvas, so the chart itself is faked. */
const plots = vi.hoisted(() => [] as { opts: Record<string, unknown>; data: number[][]; destroyed: boolean }[])

vi.mock('uplot', () => {
  class FakePlot {
    record: { opts: Record<string, unknown>; data: number[][]; destroyed: boolean }
    static paths = { bars: () => () => null }
    constructor(opts: Record<string, unknown>, data: number[][]) {
      this.record = { opts, data, destroyed: false }
      plots.push(this.record)
    }
    setSize() {}
    destroy() {
      this.record.destroyed = true
    }
  }
  return { default: FakePlot }
})

const ANSWER: TimelineAnswer = {
  by: 'month',
  bins: [
    { start: '2022-01-01', site: 'north.example', count: 3 },
    { start: '2022-01-01', site: 'south.example', count: 1 },
    { start: '2022-03-01', site: 'north.example', count: 5 },
    { start: '2022-05-01', site: 'south.example', count: 2 },
  ],
  undated: 4,
  undatedByImport: [{ start: '2025-01-01', site: 'north.example', count: 4 }],
}

describe('Timeline', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    plots.length = 0
  })
  afterEach(() => vi.useRealTimers())

  const setup = async (
    answer: TimelineAnswer = ANSWER,
    range: { from: string; to: string } | null = null,
    subject = 'the results',
  ) => {
    const fake = fakeApi()
    vi.mocked(fake.api.search.timeline).mockImplementation(async (_r, by) => ok({ ...answer, by }))
    const timeline = new TimelineState(fake.api)
    timeline.setUnit('month')
    timeline.show({ query: 'harbour' }, subject)
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    const onrange = vi.fn()
    render(Timeline, { timeline, subject: 'the results', range, onrange })
    await vi.advanceTimersByTimeAsync(0)
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    return { fake, timeline, onrange, user }
  }

  it('is an image named by a summary of the hits', async () => {
    await setup()
    expect(
      screen.getByRole('img', {
        name: 'Timeline: 15 hits in 2022, most in March 2022; 4 of them undated.',
      }),
    ).toBeInTheDocument()
  })

  it('has a table of the same bins whose counts add up to every hit, undated apart', async () => {
    await setup()
    const table = screen.getByRole('table', { name: 'Hits of the results per month and site' })
    const rows = within(table).getAllByRole('row')
    const cells = rows.map((r) =>
      within(r)
        .queryAllByRole('cell')
        .map((c) => c.textContent),
    )
    const heads = rows.map(
      (r) =>
        within(r)
          .queryAllByRole('rowheader')
          .map((c) => c.textContent)[0],
    )
    expect(heads).toEqual([undefined, 'January 2022', 'March 2022', 'May 2022', 'Undated (by import date)', 'All hits'])
    // Columns: north, south, all sites. February and April had no hits and are left out.
    expect(cells[1]).toEqual(['3', '1', '4'])
    expect(cells[2]).toEqual(['5', '0', '5'])
    expect(cells[3]).toEqual(['0', '2', '2'])
    expect(cells[4]!.at(-1)).toBe('4')
    expect(cells[5]).toEqual(['8', '3', '15'])
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Month', 'north.example', 'south.example', 'All sites'])
  })

  it('counts undated hits apart, labelled, and lists them by import date', async () => {
    const { user } = await setup()
    expect(screen.getByText('4 undated, shown by import date')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Dates and bars' }))
    const table = screen.getByRole('table', { name: 'Undated hits by the month they were imported' })
    expect(within(table).getByRole('rowheader', { name: 'January 2025' })).toBeInTheDocument()
    // The undated hits are in no dated bar: the plot's tallest stack is the dated total of a month.
    const data = plots.at(-1)!.data
    expect(Math.max(...data[1]!)).toBe(5)
  })

  it('stacks the busiest site at the bottom, drawing the tallest stack first', async () => {
    await setup()
    const { data, opts } = plots.at(-1)!
    const labels = (opts.series as { label?: string }[]).slice(1).map((s) => s.label)
    expect(labels).toEqual(['south.example', 'north.example'])
    // x, then south on top of north (running sums), then north alone; Jan..May with zeros between.
    expect(data[1]).toEqual([4, 0, 5, 0, 2])
    expect(data[2]).toEqual([3, 0, 5, 0, 0])
  })

  it('puts the months under a drag in force as a date range', async () => {
    const { onrange } = await setup()
    const plot = plots.at(-1)!
    const hook = (plot.opts.hooks as { setSelect: ((u: unknown) => void)[] }).setSelect[0]!
    // A drag from 10 February to 20 March, on an x axis of one pixel per day from 1 January 2022.
    const day0 = Date.parse('2022-01-01') / 1000
    const cleared = vi.fn()
    hook({ select: { left: 40, width: 38 }, posToVal: (left: number) => day0 + left * 86_400, setSelect: cleared })
    expect(cleared).toHaveBeenCalledWith(expect.objectContaining({ width: 0 }), false)
    expect(onrange).toHaveBeenCalledWith({ from: '2022-02-01', to: '2022-03-31' })
  })

  it('is one tab stop until its dates and unit are opened', async () => {
    const { user } = await setup()
    const toggle = screen.getByRole('button', { name: 'Dates and bars' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByLabelText('From')).toBeNull()
    toggle.focus()
    await user.keyboard('{Enter}')
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    await user.tab()
    expect(screen.getByLabelText('Bars per')).toHaveFocus()
  })

  it('puts typed dates in force from the keyboard, and refuses a From after the To', async () => {
    const { onrange, user } = await setup()
    await user.click(screen.getByRole('button', { name: 'Dates and bars' }))
    const from = screen.getByLabelText('From')
    const to = screen.getByLabelText('To')
    await user.type(from, '2022-03-10')
    await user.type(to, '2022-02-01')
    await user.click(screen.getByRole('button', { name: 'Apply dates' }))
    expect(screen.getByRole('alert')).toHaveTextContent('From must be on or before To.')
    expect(onrange).not.toHaveBeenCalled()
    await user.clear(to)
    await user.type(to, '2022-04-30')
    await user.keyboard('{Enter}')
    expect(onrange).toHaveBeenCalledWith({ from: '2022-03-10', to: '2022-04-30' })
  })

  it('shows the range in force in its fields', async () => {
    const { user } = await setup(ANSWER, { from: '2022-01-01', to: '2022-03-31' })
    await user.click(screen.getByRole('button', { name: 'Dates and bars' }))
    expect(screen.getByLabelText('From')).toHaveValue('2022-01-01')
    expect(screen.getByLabelText('To')).toHaveValue('2022-03-31')
  })

  it('asks again per week when the user picks weeks', async () => {
    const { fake, user } = await setup()
    await user.click(screen.getByRole('button', { name: 'Dates and bars' }))
    await user.selectOptions(screen.getByLabelText('Bars per'), 'Week')
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.api.search.timeline).toHaveBeenLastCalledWith({ query: 'harbour' }, 'week')
  })

  it("never shows another view's timeline as its own", async () => {
    await setup(ANSWER, null, 'the whole library')
    expect(screen.getByRole('img', { name: 'Timeline: counting hits…' })).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
    expect(plots).toHaveLength(0)
  })

  it('says when every hit is undated instead of drawing an empty chart', async () => {
    await setup({ by: 'month', bins: [], undated: 3, undatedByImport: [] })
    expect(screen.getByRole('img', { name: 'Timeline: 3 hits, all undated.' })).toHaveTextContent(
      'Every hit is undated.',
    )
    expect(plots).toHaveLength(0)
  })
})
