/**
 * The search index's public shape, used by main, the CLI and the tests.
 *
 * Implemented by `openSearchIndex()` in `./search-index.ts`.
 */
import type { IndexStatus, SearchRequest, SearchResponse } from '../../shared/models'
import type { Result } from '../../shared/result'
import type { Library } from '../library/types'
import type { StoryLookup } from '../stories/types'

/** A search index kept beside a library, in `<library>/.broadsheet/`. */
export interface SearchIndex {
  /** Answers a request; a malformed query is a `query-syntax` failure with `start`/`end`. */
  search(request: SearchRequest): Promise<Result<SearchResponse>>
  /**
   * The ids of every match of a request (no page, no snippets), for the timeline and exports; with `within`, only
   * matches among those ids (a saved search checking one import batch).
   */
  matchingIds(request: SearchRequest, within?: readonly string[]): Promise<Result<string[]>>
  /** Gives the index the library's stories, for `story:ID` and `collapse` (null: none, both are then refused). */
  useStories(stories: StoryLookup | null): void
  status(): IndexStatus
  onStatus(listener: (status: IndexStatus) => void): () => void
  /** Resolves once the index has caught up with the library (loaded, checked, updated). */
  ready(): Promise<void>
  /** Throws the persisted index away and builds it again. */
  rebuild(): Promise<void>
  close(): Promise<void>
}

/** Opens (loads or builds) the index of a library and keeps it in step with the library's changes. */
export type OpenSearchIndex = (library: Library) => Promise<SearchIndex>
