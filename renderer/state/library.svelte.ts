/**
 * The library list: every article, its sort, the sidebar filter and the counts behind it.
 */
import { SvelteMap } from 'svelte/reactivity'
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { ArticleListRow, ArticleState, LibraryInfo } from '../../electron/shared/models'
import type { Failure } from '../../electron/shared/result'
import { facetCounts, matches, sortItems, type ListFacets, type ListFilter, type ListSort } from '../lib/list'

export type { ListFacets, ListFilter, ListSort }

/** The library list's state; the API comes in through the constructor. */
export class LibraryState {
  #api: BroadsheetApi
  #items = $state.raw<ArticleListRow[]>([])
  /** Read/starred changes since the last load, kept beside the list so a star does not re-sort 100,000 rows. */
  #changed = new SvelteMap<string, ArticleState>()
  #info = $state.raw<LibraryInfo | null>(null)
  #loaded = $state(false)
  #error = $state<Failure | null>(null)
  #sort = $state<ListSort>('date')
  #filter = $state.raw<ListFilter | null>(null)
  #selected = $state(0)

  #sortedItems = $derived(sortItems(this.#items, this.#sort))
  #visible = $derived(this.#filter ? this.#sortedItems.filter((i) => matches(i, this.#filter)) : this.#sortedItems)
  #facets = $derived(facetCounts(this.#items))

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
  get filter(): ListFilter | null {
    return this.#filter
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

  /** Sets the sidebar filter; setting the same one again clears it. */
  setFilter(filter: ListFilter | null): void {
    const same = filter && this.#filter && filter.kind === this.#filter.kind && filter.value === this.#filter.value
    this.#filter = same ? null : filter
    this.#selected = 0
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
