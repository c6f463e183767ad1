/**
 * The timeline: hits over time per site for the search in force (or the whole library), fetched once the search
 * has answered and the user pauses, with the bar unit chosen from the span unless the user picked one.
 */
import type { BroadsheetApi } from '../../electron/shared/ipc-contract'
import type { SearchRequest } from '../../electron/shared/models'
import type { Failure } from '../../electron/shared/result'
import type { Timeline, TimelineUnit } from '../../electron/shared/stories'
import { unitForSpan } from '../lib/timeline'

/** How long after a search answers the timeline waits before asking: typing fast never waits on it. */
export const TIMELINE_DEBOUNCE_MS = 250

/** The unit asked for first, before any span is known. */
const FIRST_GUESS: TimelineUnit = 'month'

/** The timeline area's state; the API comes in through the constructor. */
export class TimelineState {
  #api: BroadsheetApi
  #timeline = $state.raw<Timeline | null>(null)
  #error = $state.raw<Failure | null>(null)
  #pending = $state(false)
  #chosen = $state<TimelineUnit | null>(null)
  /** The unit the span called for last time: the next request's first guess. */
  #auto = $state<TimelineUnit>(FIRST_GUESS)
  #request: SearchRequest | null = null
  #subject = ''
  /** Whose hits the shown timeline counts, so a view never shows another view's timeline as its own. */
  #shownSubject = $state<string | null>(null)
  #timer: ReturnType<typeof setTimeout> | null = null
  /** Numbers each fetch so that an answer older than the newest one is dropped. */
  #sequence = 0

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** The newest timeline answered, or null before any. */
  get timeline(): Timeline | null {
    return this.#timeline
  }
  /** The newest fetch's failure, or null. */
  get error(): Failure | null {
    return this.#error
  }
  /** True while a fetch is scheduled or running. */
  get pending(): boolean {
    return this.#pending
  }
  /** The unit the user picked, or null for one chosen from the span. */
  get chosen(): TimelineUnit | null {
    return this.#chosen
  }
  /** The unit the next fetch asks for. */
  get unit(): TimelineUnit {
    return this.#chosen ?? this.#auto
  }
  /** Whose hits the shown timeline counts ("the results", "the whole library"), or null before any. */
  get subject(): string | null {
    return this.#shownSubject
  }

  /** Asks for the timeline of a request (whose hits: `subject`) once the pause has passed; a newer call restarts it. */
  show(request: SearchRequest, subject: string): void {
    this.#request = request
    this.#subject = subject
    // An answer still on its way is for an older request now: it must not be shown.
    this.#sequence++
    this.#pending = true
    this.#cancelTimer()
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.fetch()
    }, TIMELINE_DEBOUNCE_MS)
  }

  /** Picks the bar unit (null: chosen from the span) and asks again at once. */
  setUnit(unit: TimelineUnit | null): void {
    this.#chosen = unit
    if (this.#request) void this.fetch()
  }

  /** Fetches the timeline of the last request now; when the span calls for another unit, asks again with it. */
  async fetch(): Promise<void> {
    this.#cancelTimer()
    const request = this.#request
    const subject = this.#subject
    if (!request) return
    const mine = ++this.#sequence
    this.#pending = true
    let by = this.unit
    let result = await this.#api.search.timeline(request, by)
    // Coarser bins overstate a span, so a second guess is always finer and a third never differs from it.
    for (let tries = 0; tries < 2 && result.ok && this.#chosen === null && mine === this.#sequence; tries++) {
      const wanted = unitForSpan(result.value.bins, by)
      if (wanted === null || wanted === by) break
      by = wanted
      result = await this.#api.search.timeline(request, by)
    }
    if (mine !== this.#sequence) return
    this.#pending = false
    if (result.ok) {
      if (this.#chosen === null) this.#auto = by
      this.#timeline = result.value
      this.#error = null
    } else {
      this.#timeline = null
      this.#error = result.error
    }
    this.#shownSubject = subject
  }

  /** Forgets the pending fetch (the view showing the timeline went away). */
  stop(): void {
    this.#cancelTimer()
    this.#sequence++
    this.#pending = false
  }

  #cancelTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }
}
