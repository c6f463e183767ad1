/**
 * Saved searches: a query with its filters kept under a name, with how many matches are new.
 */
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { SearchRequest } from '../../electron/shared/models'
import type { SavedSearch, SavedSearchMatches } from '../../electron/shared/workbench'

/** The parts of a request that say which articles match (not how many to list, nor in what order). */
function selectionKey(request: SearchRequest): string {
  const { query, site, language, collection, flags, notFlags, from, to, starred, unread, story } = request
  const sorted = (list: readonly string[] | undefined) => (list && list.length > 0 ? [...list].sort() : undefined)
  return JSON.stringify([
    query.trim(),
    site ?? null,
    language ?? null,
    collection ?? null,
    sorted(flags) ?? null,
    sorted(notFlags) ?? null,
    from || null,
    to || null,
    starred === true,
    unread === true,
    story ?? null,
  ])
}

/** True when two requests select the same articles, whatever their sort or page size. */
export function sameSelection(a: SearchRequest, b: SearchRequest): boolean {
  return selectionKey(a) === selectionKey(b)
}

/** The saved searches' state; the API comes in through the constructor. */
export class SavedState {
  #api: BroadsheetApi
  #items = $state.raw<SavedSearch[]>([])
  #notice = $state<string | null>(null)
  #opened = $state.raw<SavedSearchMatches | null>(null)

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** Every saved search, as last listed. */
  get items(): SavedSearch[] {
    return this.#items
  }
  /** What the last save did ("Saved “floods”") or why it failed. */
  get notice(): string | null {
    return this.#notice
  }

  /** The saved search opened last, with the matches that were new when it was opened; null before any. */
  get opened(): SavedSearchMatches | null {
    return this.#opened
  }

  /** The ids that were new when the saved search was opened, while `request` still selects what it selects. */
  newFor(request: SearchRequest): string[] {
    const opened = this.#opened
    return opened && opened.newIds.length > 0 && sameSelection(opened.saved.request, request) ? opened.newIds : []
  }

  /** Keeps a search under a name; false (with a notice saying why) when it was refused. */
  async add(name: string, request: SearchRequest): Promise<boolean> {
    const trimmed = name.trim()
    if (!trimmed) {
      this.#notice = 'Give the search a name.'
      return false
    }
    const result = await this.#api.saved.add(trimmed, request)
    if (!result.ok) {
      this.#notice = `Could not save the search: ${result.error.message}`
      return false
    }
    this.#items = [...this.#items.filter((s) => s.name !== trimmed), result.value]
    this.#notice = `Saved “${trimmed}”`
    return true
  }

  /** Lists the saved searches with their counts. */
  async load(): Promise<void> {
    const result = await this.#api.saved.list()
    if (result.ok) this.#items = result.value
  }

  /** Opens one: its matches, new ones first (the core marks them seen); null with a notice when it failed. */
  async open(name: string): Promise<SavedSearchMatches | null> {
    const result = await this.#api.saved.open(name)
    if (!result.ok) {
      this.#notice = `Could not open “${name}”: ${result.error.message}`
      return null
    }
    this.#items = this.#items.map((s) => (s.name === name ? result.value.saved : s))
    this.#opened = result.value
    return result.value
  }

  /** Forgets a saved search (its matches stay in the library); false with a notice when it failed. */
  async remove(name: string): Promise<boolean> {
    const result = await this.#api.saved.remove(name)
    if (!result.ok) {
      this.#notice = `Could not remove “${name}”: ${result.error.message}`
      return false
    }
    this.#items = this.#items.filter((s) => s.name !== name)
    if (this.#opened?.saved.name === name) this.#opened = null
    this.#notice = `Removed “${name}”`
    return true
  }

  /** Counts again whenever the library changes (an import brings new matches); returns the unsubscribe. */
  connect(): Unsubscribe {
    return this.#api.library.onChanged(() => void this.load())
  }
}
