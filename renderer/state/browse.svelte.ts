/**
 * The library's other listings beside its articles: the stories (clusters across sites) and every highlight.
 */
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { Failure } from '../../electron/shared/result'
import type { StoryCluster } from '../../electron/shared/stories'
import type { Highlight } from '../../electron/shared/workbench'
import { counted } from '../lib/format'

/** What the library pane shows beside its sidebar. */
export type LibraryPanel = 'articles' | 'stories' | 'highlights'

/** Clusters biggest first, then the most recently seen first (undated last). */
export function byStorySize(clusters: readonly StoryCluster[]): StoryCluster[] {
  const seen = (c: StoryCluster) => c.lastSeen ?? c.firstSeen ?? ''
  return [...clusters].sort((a, b) => b.size - a.size || seen(b).localeCompare(seen(a)) || a.id.localeCompare(b.id))
}

/** A story's size and sites in words: "3 articles from a.example, b.example" (no "from" when no site is known). */
export function storyExtent(story: Pick<StoryCluster, 'size' | 'sites'>): string {
  const size = counted(story.size, 'article')
  return story.sites.length > 0 ? `${size} from ${story.sites.join(', ')}` : size
}

/** The stories and highlights listings; the API comes in through the constructor. */
export class BrowseState {
  #api: BroadsheetApi
  #stories = $state.raw<StoryCluster[] | null>(null)
  #highlights = $state.raw<Highlight[] | null>(null)
  #error = $state.raw<Failure | null>(null)

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** The story clusters, biggest and newest first; null until loaded. */
  get stories(): StoryCluster[] | null {
    return this.#stories
  }
  /** Every highlight of the library, newest first; null until loaded. */
  get highlights(): Highlight[] | null {
    return this.#highlights
  }
  /** Why the last listing failed. */
  get error(): Failure | null {
    return this.#error
  }

  /** Lists the library's story clusters. */
  async loadStories(): Promise<void> {
    const result = await this.#api.stories.list({})
    if (result.ok) {
      this.#stories = byStorySize(result.value)
      this.#error = null
    } else {
      this.#error = result.error
    }
  }

  /** Lists every highlight across the library. */
  async loadHighlights(): Promise<void> {
    const result = await this.#api.highlights.list()
    if (result.ok) {
      this.#highlights = [...result.value].sort((a, b) => b.modified.localeCompare(a.modified))
      this.#error = null
    } else {
      this.#error = result.error
    }
  }

  /** Lists again whatever has been listed whenever the library changes; returns the unsubscribe. */
  connect(): Unsubscribe {
    return this.#api.library.onChanged(() => {
      if (this.#stories !== null) void this.loadStories()
      if (this.#highlights !== null) void this.loadHighlights()
    })
  }
}
