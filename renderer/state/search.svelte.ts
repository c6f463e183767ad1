/**
 * Search: the query as typed, its filters, the latest answer, and the index's progress.
 */
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { ArticleFlag, IndexStatus, SearchHit, SearchRequest, SearchResponse } from '../../electron/shared/models'
import type { Failure } from '../../electron/shared/result'

/** How long typing must pause before a search runs: short enough to feel instant, long enough to skip mid-word keys. */
export const SEARCH_DEBOUNCE_MS = 40

/** How many hits a search asks for first; "Show more" asks for more. */
export const SEARCH_PAGE = 50

/** A facet the results can be narrowed by. */
export type FacetKind = 'site' | 'language' | 'flag' | 'year' | 'collection'

/** How many recent searches the empty Search view offers again. */
export const RECENT_SEARCHES = 8

/** The facet values chosen so far. */
export type FacetFilters = Partial<Record<FacetKind, string>>

/** Filters of a saved request that have no facet in the view (kept whole, shown as one chip). */
export type OtherFilters = Pick<SearchRequest, 'notFlags' | 'starred' | 'unread' | 'story'> & {
  /** Flags after the first (the first is the flag facet). */
  moreFlags?: ArticleFlag[]
}

/** A date range the results are narrowed to (ISO dates, both ends inclusive), e.g. brushed on the timeline. */
export interface DateRange {
  from: string
  to: string
}

/** The search area's state; the API comes in through the constructor. */
export class SearchState {
  #api: BroadsheetApi
  #query = $state('')
  #filters = $state.raw<FacetFilters>({})
  #range = $state.raw<DateRange | null>(null)
  #other = $state.raw<OtherFilters>({})
  #sort = $state<'relevance' | 'date'>('relevance')
  #collapse = $state(false)
  #response = $state.raw<SearchResponse | null>(null)
  #error = $state.raw<Failure | null>(null)
  #pending = $state(false)
  #status = $state.raw<IndexStatus | null>(null)
  #answered = $state<string | null>(null)
  #limit = $state(SEARCH_PAGE)
  #selected = $state(0)
  #recent = $state.raw<string[]>([])
  /** The results' scroll offset, kept so that coming back from the reader finds them where they were. */
  #scrollTop = 0
  #timer: ReturnType<typeof setTimeout> | null = null
  /** Numbers each request so that an answer older than the newest one is dropped. */
  #sequence = 0

  #active = $derived(
    this.#query.trim() !== '' ||
      Object.keys(this.#filters).length > 0 ||
      this.#range !== null ||
      Object.keys(this.#other).length > 0,
  )

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  get query(): string {
    return this.#query
  }
  get filters(): FacetFilters {
    return this.#filters
  }
  /** A saved request's filters that have no facet here (empty when none). */
  get other(): OtherFilters {
    return this.#other
  }
  /** The date range in force (it overrides a year facet), or null. */
  get range(): DateRange | null {
    return this.#range
  }
  get sort(): 'relevance' | 'date' {
    return this.#sort
  }
  /** The answer to the newest request, or null before any. */
  get response(): SearchResponse | null {
    return this.#response
  }
  /** The newest request's failure (e.g. a `query-syntax` error with start/end). */
  get error(): Failure | null {
    return this.#error
  }
  /** True while a request is scheduled or running. */
  get pending(): boolean {
    return this.#pending
  }
  /** The query (trimmed) whose answer or error is showing, or null. */
  get answered(): string | null {
    return this.#answered
  }
  /** True when there is a query or a filter. */
  get active(): boolean {
    return this.#active
  }
  /** Index of the result the keyboard is on (and the one the reader returns to). */
  get selected(): number {
    return this.#selected
  }
  /** The results' remembered scroll offset. */
  get scrollTop(): number {
    return this.#scrollTop
  }
  /** The latest queries that found something, newest first. */
  get recent(): string[] {
    return this.#recent
  }
  /** The index's latest progress report. */
  get status(): IndexStatus | null {
    return this.#status
  }

  /** Sets the query as the user types; the search runs once typing pauses. */
  setQuery(query: string): void {
    this.#query = query
    this.#limit = SEARCH_PAGE
    this.#schedule()
  }

  /** Runs a query at once, as when the user picks a suggestion or a recent search. */
  async searchFor(query: string): Promise<void> {
    this.#query = query
    this.#limit = SEARCH_PAGE
    await this.run()
  }

  /** Puts the keyboard on a result (clamped to the results shown). */
  select(index: number): void {
    const last = (this.#response?.hits.length ?? 1) - 1
    this.#selected = Math.max(0, Math.min(index, last))
  }

  /** Puts the keyboard on an article's result, when it is one. */
  selectId(id: string): void {
    const index = this.#response?.hits.findIndex((h) => h.id === id) ?? -1
    if (index >= 0) this.#selected = index
  }

  /** Remembers the results' scroll offset. */
  rememberScroll(top: number): void {
    this.#scrollTop = top
  }

  /** Keeps the answered query among the recent searches (when the user opens a result or presses Enter). */
  remember(): void {
    const query = this.#answered
    if (!query) return
    this.#recent = [query, ...this.#recent.filter((q) => q !== query)].slice(0, RECENT_SEARCHES)
  }

  /** Asks for more hits of the same search. */
  showMore(): void {
    this.#limit = Math.min(1000, this.#limit + 4 * SEARCH_PAGE)
    void this.run()
  }

  /** Sets or (with null, or the same value again) clears a facet filter, then searches at once. */
  setFilter(kind: FacetKind, value: string | null): void {
    const next = { ...this.#filters }
    if (value === null || next[kind] === value) delete next[kind]
    else next[kind] = value
    this.#filters = next
    void this.run()
  }

  /** Sets (or with null clears) the date range, then searches at once. */
  setRange(range: DateRange | null): void {
    this.#range = range
    void this.run()
  }

  /** Puts a whole request in force (a saved search opened): its query, facets and date range; then searches. */
  applyRequest(request: SearchRequest): void {
    const filters: FacetFilters = {}
    if (request.site) filters.site = request.site
    if (request.language) filters.language = request.language
    if (request.collection !== undefined) filters.collection = request.collection
    if (request.flags?.[0]) filters.flag = request.flags[0]
    const other: OtherFilters = {}
    if (request.flags && request.flags.length > 1) other.moreFlags = request.flags.slice(1)
    if (request.notFlags?.length) other.notFlags = request.notFlags
    if (request.starred) other.starred = true
    if (request.unread) other.unread = true
    if (request.story) other.story = request.story
    this.#query = request.query
    this.#filters = filters
    this.#other = other
    this.#range = request.from || request.to ? { from: request.from ?? '', to: request.to ?? '' } : null
    if (request.sort) this.#sort = request.sort
    this.#collapse = request.collapse === true
    void this.run()
  }

  /** Drops every filter (facets, dates, a saved request's others) but keeps the query, then searches at once. */
  clearFilters(): void {
    this.#filters = {}
    this.#range = null
    this.#other = {}
    void this.run()
  }

  /** Drops a saved request's other filters, then searches at once. */
  clearOther(): void {
    this.#other = {}
    void this.run()
  }

  /** Whether each group of copies shows as its earliest member ("+N copies"). */
  get collapse(): boolean {
    return this.#collapse
  }
  /** Collapses copies to their earliest member (or shows every copy), then searches at once. */
  setCollapse(on: boolean): void {
    this.#collapse = on
    void this.run()
  }

  setSort(sort: 'relevance' | 'date'): void {
    this.#sort = sort
    void this.run()
  }

  /** Clears query, filters and results. */
  clear(): void {
    this.#query = ''
    this.#filters = {}
    this.#range = null
    this.#other = {}
    this.#cancelTimer()
    this.#sequence++
    this.#response = null
    this.#error = null
    this.#pending = false
    this.#answered = null
  }

  /** The hit for an article in the current results, if it is one. */
  hitFor(id: string): SearchHit | undefined {
    return this.#response?.hits.find((h) => h.id === id)
  }

  /** The request the current query and filters make. */
  request(): SearchRequest {
    const f = this.#filters
    const request: SearchRequest = { query: this.#query.trim(), sort: this.#sort, limit: this.#limit }
    if (this.#collapse) request.collapse = true
    if (f.site) request.site = f.site
    if (f.language) request.language = f.language
    if (f.collection !== undefined) request.collection = f.collection
    if (f.flag) request.flags = [f.flag as ArticleFlag]
    if (f.year) {
      request.from = `${f.year}-01-01`
      request.to = `${f.year}-12-31`
    }
    if (this.#range) {
      if (this.#range.from) request.from = this.#range.from
      else delete request.from
      if (this.#range.to) request.to = this.#range.to
      else delete request.to
    }
    const { moreFlags, ...other } = this.#other
    Object.assign(request, other)
    if (moreFlags) request.flags = [...(request.flags ?? []), ...moreFlags]
    return request
  }

  /** Runs the search now; an answer that arrives after a newer request started is dropped. */
  async run(): Promise<void> {
    this.#cancelTimer()
    const mine = ++this.#sequence
    if (!this.#active) {
      this.#response = null
      this.#error = null
      this.#pending = false
      this.#answered = null
      return
    }
    this.#pending = true
    const request = this.request()
    const result = await this.#api.search.query(request)
    if (mine !== this.#sequence) return
    this.#pending = false
    this.#answered = request.query
    if (result.ok) {
      if (this.#response === null || request.limit === SEARCH_PAGE) {
        this.#selected = 0
        this.#scrollTop = 0
      }
      this.#response = result.value
      this.#error = null
    } else {
      // A failed query has no results: the previous query's hits must not stay on screen as if they were its.
      this.#response = null
      this.#selected = 0
      this.#error = result.error
    }
  }

  /** Follows the index's progress and re-runs the search when the library changes; returns the unsubscribe. */
  connect(): Unsubscribe {
    const offStatus = this.#api.search.onIndexStatus((status) => {
      const wasReady = this.#status?.state === 'ready'
      this.#status = status
      if (status.state === 'ready' && !wasReady && this.#active) void this.run()
    })
    const offChanged = this.#api.library.onChanged(() => {
      if (this.#active) this.#schedule()
    })
    return () => {
      offStatus()
      offChanged()
      this.#cancelTimer()
    }
  }

  #schedule(): void {
    this.#cancelTimer()
    this.#pending = true
    this.#timer = setTimeout(() => {
      this.#timer = null
      void this.run()
    }, SEARCH_DEBOUNCE_MS)
  }

  #cancelTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
  }
}
