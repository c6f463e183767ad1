/**
 * Stories in the reader: the open article's other copies and versions, and a word diff against one of them.
 */
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { Failure } from '../../electron/shared/result'
import type { ArticleDiff, SimilarAnswer, StoriesStatus } from '../../electron/shared/stories'
import { counted } from '../lib/format'

/** The stories area's state; the API comes in through the constructor. */
export class StoriesState {
  #api: BroadsheetApi
  #similar = $state.raw<SimilarAnswer | null>(null)
  #similarFor = $state<string | null>(null)
  #diff = $state.raw<ArticleDiff | null>(null)
  #error = $state.raw<Failure | null>(null)
  #grouping = $state.raw<StoriesStatus | null>(null)
  #sequence = 0

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** The open article's copies, versions and story, once loaded. */
  get similar(): SimilarAnswer | null {
    return this.#similar
  }
  /** The article `similar` belongs to. */
  get similarFor(): string | null {
    return this.#similarFor
  }
  /** The comparison showing, or null. */
  get diff(): ArticleDiff | null {
    return this.#diff
  }
  /** Why the last look-up or comparison failed. */
  get error(): Failure | null {
    return this.#error
  }
  /** Where the grouping of stories stands, once a pass has been announced. */
  get grouping(): StoriesStatus | null {
    return this.#grouping
  }
  /** The grouping as a status line ("Grouping stories…", "12 stories, up to date"); empty before any pass is heard of. */
  get groupingText(): string {
    const g = this.#grouping
    if (!g) return ''
    return g.state === 'grouping' ? 'Grouping stories…' : `${counted(g.stories, 'story', 'stories')}, up to date`
  }

  /** Follows the grouping passes; `onGrouped` runs when one ends (to list the stories again). */
  connect(onGrouped: () => void): Unsubscribe {
    return this.#api.stories.onChanged((status) => {
      this.#grouping = status
      if (status.state === 'ready') onGrouped()
    })
  }

  /** Loads an article's copies and versions; an older answer arriving late is dropped. */
  async loadSimilar(id: string): Promise<void> {
    const mine = ++this.#sequence
    this.#similarFor = id
    this.#similar = null
    const result = await this.#api.stories.similar(id)
    if (mine !== this.#sequence) return
    if (result.ok) {
      this.#similar = result.value
      this.#error = null
    } else {
      this.#error = result.error
    }
  }

  /** Compares two articles word by word and shows the result. */
  async compare(left: string, right: string): Promise<boolean> {
    const result = await this.#api.stories.diff(left, right)
    if (!result.ok) {
      this.#error = result.error
      return false
    }
    this.#error = null
    this.#diff = result.value
    return true
  }

  /** Closes the comparison. */
  closeDiff(): void {
    this.#diff = null
  }
}
