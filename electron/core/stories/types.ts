/**
 * The stories core's public shape: copies, versions, same-story clusters, diffs, the timeline.
 *
 * Implemented by `openStories()` in `./index.ts`; used by the IPC handlers, the CLI and the search index.
 */
import type {
  ArticleDiff,
  SimilarAnswer,
  StoriesRequest,
  StoriesStatus,
  StoryCluster,
  Timeline,
  TimelineUnit,
} from '../../shared/stories'
import type { Library } from '../library/types'

/** What the search index asks of the stories to answer `story:ID` and `collapse`. */
export interface StoryLookup {
  /** The member ids of a story cluster; undefined for an unknown story. */
  members(storyId: string): readonly string[] | undefined
  /** The earliest member of the article's group of copies (the article itself when it has none). */
  collapseKeyOf(id: string): string
}

/** The stories of an open library, kept up to date with its changes (signatures cached in `.broadsheet/`). */
export interface Stories extends StoryLookup {
  /** Resolves once every article has its signature and the groups are built. */
  ready(): Promise<void>
  /** An article's copies, versions and story; undefined for an unknown id. */
  similar(id: string): Promise<SimilarAnswer | undefined>
  /** A word diff of two articles; undefined when either id is unknown. */
  diff(left: string, right: string): Promise<ArticleDiff | undefined>
  /** Story clusters, biggest and newest first. */
  list(request: StoriesRequest): Promise<StoryCluster[]>
  /** Bins the given articles (a search's matches; null: the whole library) by date and site. */
  timeline(ids: readonly string[] | null, by: TimelineUnit): Timeline
  /** Calls `listener` when a grouping pass starts and when it ends (with the new counts); returns an unsubscribe. */
  onChanged(listener: (status: StoriesStatus) => void): () => void
  close(): Promise<void>
}

/** Opens the stories of a library. */
export type OpenStories = (library: Library) => Promise<Stories>
