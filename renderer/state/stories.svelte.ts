/**
 * Stories in the reader: the open article's other copies and versions, and a word diff against one of them.
 */
import type { BroadsheetApi } from '../../electron/shared/ipc-contract'
import type { Failure } from '../../electron/shared/result'
import type { ArticleDiff, SimilarAnswer } from '../../electron/shared/stories'

/** The stories area's state; the API comes in through the constructor. */
export class StoriesState {
  #api: BroadsheetApi
  #similar = $state.raw<SimilarAnswer | null>(null)
  #similarFor = $state<string | null>(null)
  #diff = $state.raw<ArticleDiff | null>(null)
  #error = $state.raw<Failure | null>(null)
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
