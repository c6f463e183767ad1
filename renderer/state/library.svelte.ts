/**
 * The library list: every article, its sort, the sidebar's filters (combined) and the counts behind them.
 */
import { SvelteMap } from 'svelte/reactivity'
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { ArticleListRow, ArticleState, LibraryInfo } from '../../electron/shared/models'
import type { Failure } from '../../electron/shared/result'
import {
  facetCounts,
  matches,
  noFilters,
  sortItems,
  viewCounts,
  type FilterKind,
  type SmartView,
  type ListFacets,
  type ListFilters,
  type ListSort,
} from '../lib/list'

export type { FilterKind, ListFacets, ListFilters, ListSort, SmartView }

/** The library list's state; the API comes in through the constructor. */
export class LibraryState {
  #api: BroadsheetApi
  #items = $state.raw<ArticleListRow[]>([])
  /** Read/starred changes since the last load, kept beside the list so a star does not re-sort 100,000 rows. */
  #changed = new SvelteMap<string, ArticleState>()
  #info = $state.raw<LibraryInfo | null>(null)
  #loaded = $state(false)
  #error = $state<Failure | null>(null)
  #sort = $state<ListSort>('published')
  #filters = $state.raw<ListFilters>({})
  #selected = $state(0)
  /** The list's scroll offset, kept so that coming back from the reader finds the list where it was. */
  #scrollTop = 0

  #sortedItems = $derived(sortItems(this.#items, this.#sort))
  #visible = $derived.by(() => {
    const filters = this.#filters
    if (noFilters(filters)) return this.#sortedItems
    const now = Date.now()
    return this.#sortedItems.filter((i) => matches(this.withState(i), filters, now))
  })
  #facets = $derived(facetCounts(this.#items))
  #viewCounts = $derived.by(() => {
    // Read and starred as they are now, so that starring an article counts at once.
    const changed = this.#changed.size > 0
    return viewCounts(changed ? this.#items.map((i) => this.withState(i)) : this.#items, Date.now())
  })

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** Every article, in load order (read/starred as loaded; see `withState`). */
  get items(): ArticleListRow[] {
    return this.#items
  }
  /** The articles the list shows: filtered, then sorted. */
  get visible(): ArticleListRow[] {
    return this.#visible
  }
  /** Sidebar counts over the whole library. */
  get facets(): ListFacets {
    return this.#facets
  }
  /** How many articles each smart view holds. */
  get viewCounts(): Record<SmartView, number> {
    return this.#viewCounts
  }
  get info(): LibraryInfo | null {
    return this.#info
  }
  /** True once the first list has arrived. */
  get loaded(): boolean {
    return this.#loaded
  }
  get error(): Failure | null {
    return this.#error
  }
  get sort(): ListSort {
    return this.#sort
  }
  /** The filters in force; every one must hold. */
  get filters(): ListFilters {
    return this.#filters
  }
  /** The list's remembered scroll offset. */
  get scrollTop(): number {
    return this.#scrollTop
  }
  /** Index of the selected row in `visible`. */
  get selected(): number {
    return this.#selected
  }
  /** The selected row's article, if any. */
  get selectedItem(): ArticleListRow | undefined {
    return this.#visible[this.#selected]
  }

  /** Loads the library's info and list (again). */
  async load(): Promise<void> {
    const [info, list] = await Promise.all([this.#api.library.info(), this.#api.library.list()])
    if (info.ok) this.#info = info.value
    if (list.ok) {
      this.#items = list.value
      this.#changed.clear()
      this.#error = null
    } else {
      this.#error = list.error
    }
    if (!info.ok && list.ok) this.#error = info.error
    this.#loaded = true
    this.#clampSelection()
  }

  /** Reloads on every library change; returns the unsubscribe. */
  connect(): Unsubscribe {
    let pending: Promise<void> | null = null
    let again = false
    const reload = () => {
      // Coalesce bursts of changes: one reload at a time, one more after it if needed.
      if (pending) {
        again = true
        return
      }
      pending = this.load().finally(() => {
        pending = null
        if (again) {
          again = false
          reload()
        }
      })
    }
    return this.#api.library.onChanged(reload)
  }

  setSort(sort: ListSort): void {
    this.#sort = sort
    this.#selected = 0
  }

  /** Sets one filter, beside the others; the same value again (or null) removes it. */
  setFilter<K extends FilterKind>(kind: K, value: ListFilters[K] | null): void {
    const next = { ...this.#filters }
    if (value === null || value === undefined || next[kind] === value) delete next[kind]
    else next[kind] = value
    this.#filters = next
    this.#selected = 0
    this.#scrollTop = 0
  }

  /** Removes every filter. */
  clearFilters(): void {
    this.#filters = {}
    this.#selected = 0
    this.#scrollTop = 0
  }

  /** Remembers the list's scroll offset. */
  rememberScroll(top: number): void {
    this.#scrollTop = top
  }

  select(index: number): void {
    this.#selected = Math.max(0, Math.min(index, this.#visible.length - 1))
  }

  /** Moves the selection by `delta` rows. */
  move(delta: number): void {
    this.select(this.#selected + delta)
  }

  /** Selects the row of an article, when the list shows it. */
  selectId(id: string): void {
    const index = this.#visible.findIndex((i) => i.id === id)
    if (index >= 0) this.#selected = index
  }

  /** The id of the article `delta` rows from `id` in the visible order, if any. */
  neighbour(id: string, delta: number): string | undefined {
    const index = this.#visible.findIndex((i) => i.id === id)
    if (index < 0) return undefined
    return this.#visible[index + delta]?.id
  }

  /** Applies an article's new user state to its row without reloading everything. */
  applyState(id: string, state: ArticleState): void {
    this.#changed.set(id, { read: state.read, starred: state.starred })
  }

  /** A row with its latest read/starred state. */
  withState(item: ArticleListRow): ArticleListRow {
    const state = this.#changed.get(item.id)
    return state && (state.read !== item.read || state.starred !== item.starred) ? { ...item, ...state } : item
  }

  /** Lets the user pick another library folder; reloads when one was chosen. */
  async choose(): Promise<Failure | null> {
    const result = await this.#api.library.choose()
    if (!result.ok) return result.error
    if (result.value) await this.load()
    return null
  }

  /** Opens the library folder in the file manager. */
  async reveal(): Promise<Failure | null> {
    const result = await this.#api.library.reveal()
    return result.ok ? null : result.error
  }

  #clampSelection(): void {
    if (this.#selected >= this.#visible.length) this.#selected = Math.max(0, this.#visible.length - 1)
  }
}
