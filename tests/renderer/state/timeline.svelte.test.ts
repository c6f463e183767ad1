import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TIMELINE_DEBOUNCE_MS, TimelineState } from '../../../renderer/state/timeline.svelte'
import { err, ok } from '../../../electron/shared/result'
import type { Timeline, TimelineBin, TimelineUnit } from '../../../electron/shared/stories'
import { fakeApi } from '../fake-api'

const answer = (by: TimelineUnit, bins: TimelineBin[] = [], undated = 0): Timeline => ({
  by,
  bins,
  undated,
  undatedByImport: [],
})

describe('TimelineState', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('asks once the pause has passed, for the newest request only', async () => {
    const fake = fakeApi()
    const timeline = new TimelineState(fake.api)
    timeline.show({ query: 'f' }, 'the results')
    timeline.show({ query: 'fl' }, 'the results')
    timeline.show({ query: 'flood' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS - 1)
    expect(fake.api.search.timeline).not.toHaveBeenCalled()
    expect(timeline.pending).toBe(true)
    await vi.advanceTimersByTimeAsync(1)
    expect(fake.api.search.timeline).toHaveBeenCalledTimes(1)
    expect(fake.api.search.timeline).toHaveBeenCalledWith({ query: 'flood' }, 'month')
    expect(timeline.pending).toBe(false)
  })

  it('drops an answer that arrives after a newer request was made', async () => {
    const fake = fakeApi()
    const timeline = new TimelineState(fake.api)
    let answerOld: (t: Timeline) => void = () => {}
    vi.mocked(fake.api.search.timeline)
      .mockImplementationOnce(() => new Promise((resolve) => (answerOld = (t) => resolve(ok(t)))))
      .mockImplementationOnce(async () =>
        ok(
          answer('month', [
            { start: '2021-01-01', site: 'new', count: 2 },
            { start: '2024-01-01', site: 'new', count: 1 },
          ]),
        ),
      )
    timeline.show({ query: 'old' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    timeline.show({ query: 'new' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    answerOld(answer('month', [{ start: '2020-01-01', site: 'old', count: 9 }]))
    await vi.advanceTimersByTimeAsync(0)
    expect(timeline.timeline?.bins[0]!.site).toBe('new')
  })

  it('drops an answer still on its way when a newer request is shown, and stays busy until that one answers', async () => {
    const fake = fakeApi()
    const timeline = new TimelineState(fake.api)
    let answerOld: (t: Timeline) => void = () => {}
    vi.mocked(fake.api.search.timeline).mockImplementationOnce(
      () => new Promise((resolve) => (answerOld = (t) => resolve(ok(t)))),
    )
    timeline.show({ query: 'old' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    timeline.show({ query: 'new' }, 'the results')
    answerOld(answer('month', [{ start: '2020-01-01', site: 'old', count: 9 }]))
    await vi.advanceTimersByTimeAsync(0)
    expect(timeline.timeline).toBeNull()
    expect(timeline.pending).toBe(true)
  })

  it('asks again per day when the hits span a few weeks, and starts from that unit next time', async () => {
    const fake = fakeApi()
    vi.mocked(fake.api.search.timeline).mockImplementation(async (_request, by) =>
      ok(
        answer(
          by,
          by === 'month'
            ? [{ start: '2024-03-01', site: 'a', count: 3 }]
            : [
                { start: '2024-03-04', site: 'a', count: 1 },
                { start: '2024-03-20', site: 'a', count: 2 },
              ],
        ),
      ),
    )
    const timeline = new TimelineState(fake.api)
    timeline.show({ query: 'strike' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    expect(vi.mocked(fake.api.search.timeline).mock.calls.map((c) => c[1])).toEqual(['month', 'day'])
    expect(timeline.timeline?.by).toBe('day')
    expect(timeline.unit).toBe('day')
    timeline.show({ query: 'strike pay' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    expect(fake.api.search.timeline).toHaveBeenLastCalledWith({ query: 'strike pay' }, 'day')
  })

  it('keeps the unit the user picked, whatever the span', async () => {
    const fake = fakeApi()
    const timeline = new TimelineState(fake.api)
    timeline.show({ query: 'port' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    vi.mocked(fake.api.search.timeline).mockClear()
    vi.mocked(fake.api.search.timeline).mockImplementation(async (_r, by) =>
      ok(answer(by, [{ start: '2024-03-04', site: 'a', count: 1 }])),
    )
    timeline.setUnit('week')
    await vi.advanceTimersByTimeAsync(0)
    expect(fake.api.search.timeline).toHaveBeenCalledTimes(1)
    expect(fake.api.search.timeline).toHaveBeenCalledWith({ query: 'port' }, 'week')
    expect(timeline.chosen).toBe('week')
    expect(timeline.timeline?.by).toBe('week')
  })

  it('shows the failure of a request instead of an older timeline', async () => {
    const fake = fakeApi()
    const timeline = new TimelineState(fake.api)
    timeline.show({ query: 'port' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    vi.mocked(fake.api.search.timeline).mockResolvedValueOnce(err('no-library', 'The stories are not open.'))
    timeline.show({ query: 'port*' }, 'the results')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    expect(timeline.timeline).toBeNull()
    expect(timeline.error?.message).toBe('The stories are not open.')
  })

  it('asks nothing once stopped', async () => {
    const fake = fakeApi()
    const timeline = new TimelineState(fake.api)
    timeline.show({ query: 'port' }, 'the results')
    timeline.stop()
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS * 2)
    expect(fake.api.search.timeline).not.toHaveBeenCalled()
    expect(timeline.pending).toBe(false)
  })
})

describe('TimelineState.subject', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says whose hits the shown timeline counts, once it has answered', async () => {
    const fake = fakeApi()
    const timeline = new TimelineState(fake.api)
    timeline.show({ query: '' }, 'the whole library')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    expect(timeline.subject).toBe('the whole library')
    timeline.show({ query: 'port' }, 'the results')
    expect(timeline.subject).toBe('the whole library')
    await vi.advanceTimersByTimeAsync(TIMELINE_DEBOUNCE_MS)
    expect(timeline.subject).toBe('the results')
  })
})
