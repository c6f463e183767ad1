/**
 * The workbench core's public shape: highlights and notes, saved searches, citations, exports.
 *
 * Implemented by `openWorkbench()` in `./index.ts`; used by the IPC handlers and the CLI. Everything it keeps lives
 * in the library's `.broadsheet/` folder, written atomically; the articles' files are never touched.
 */
import type { LibraryNotice, NoteHit, SearchRequest } from '../../shared/models'
import type { Result } from '../../shared/result'
import type {
  CitationFormat,
  ExportFormat,
  ExportProgress,
  ExportSelection,
  ExportSummary,
  Highlight,
  HighlightInput,
  HighlightPatch,
  SavedSearch,
  SavedSearchMatches,
} from '../../shared/workbench'
import type { Library } from '../library/types'
import type { SearchIndex } from '../search/types'
import type { Stories } from '../stories/types'

/** An export as the core runs it: the request plus where to write (a folder that must not exist or be empty). */
export interface ExportJob {
  selection: ExportSelection
  format: ExportFormat
  zip: boolean
  /** Destination folder (or, with `zip`, the `.zip` file's path). */
  to: string
  onProgress?: (progress: ExportProgress) => void
}

/** The workbench of an open library. */
export interface Workbench {
  /** One article's highlights (re-anchored to its current text), or every highlight (null). */
  highlights(articleId: string | null): Promise<Highlight[]>
  addHighlight(articleId: string, input: HighlightInput): Promise<Result<Highlight>>
  updateHighlight(id: string, patch: HighlightPatch): Promise<Result<Highlight>>
  removeHighlight(id: string): Promise<boolean>
  /** Notes matching a query (plain words, or the part after `note:`). */
  searchNotes(query: string): NoteHit[]
  savedSearches(): Promise<SavedSearch[]>
  saveSearch(name: string, request: SearchRequest): Promise<Result<SavedSearch>>
  /** A saved search's matches, new first; marks them seen. */
  openSaved(name: string): Promise<Result<SavedSearchMatches>>
  removeSaved(name: string): Promise<boolean>
  cite(id: string, format: CitationFormat): Promise<Result<string>>
  export(job: ExportJob): Promise<Result<ExportSummary>>
  /** What the user should hear about the workbench's own files (a damaged highlights file set aside), as library notices. */
  notices(): LibraryNotice[]
  close(): Promise<void>
}

/** Opens the workbench of a library (its search index answers saved searches, its stories story exports). */
export type OpenWorkbench = (library: Library, search: SearchIndex, stories: Stories | null) => Promise<Workbench>
