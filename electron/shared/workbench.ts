/**
 * The evidence workbench: highlights and notes, saved searches, citations and exports.
 *
 * The data the workbench core (electron/core/workbench) answers with, over IPC and in the CLI's `--json`. Stored
 * highlights follow the W3C Web Annotation model (see `toWebAnnotation` in the core); this is the app's view of one.
 * Pure TypeScript: no 'electron', no 'node:*', no DOM.
 */
import type { SearchRequest, TextRange } from './models'

/** How a highlight was found in the article's current text. */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphaned'

/** A highlighted passage of one article, with the user's note and tags. */
export interface Highlight {
  /** `urn:uuid:…`, stable. */
  id: string
  articleId: string
  /** The highlighted text as it was when made (W3C TextQuoteSelector `exact`, with `prefix`/`suffix`). */
  quote: string
  prefix: string
  suffix: string
  /** Where it lies in the article's current `text`; null when orphaned. */
  range: TextRange | null
  status: AnchorStatus
  note: string
  tags: string[]
  /** ISO 8601. */
  created: string
  modified: string
}

/** A new highlight: a range of the article's `text` (the core reads the quote from the text itself). */
export interface HighlightInput {
  range: TextRange
  note?: string
  tags?: string[]
}

/** A change to a highlight's note or tags. */
export interface HighlightPatch {
  note?: string
  tags?: string[]
}

/** A query with its filters, kept under a name; new matches are marked after every import or watched change. */
export interface SavedSearch {
  name: string
  request: SearchRequest
  /** ISO 8601. */
  created: string
  /** Matches now. */
  total: number
  /** Matches that arrived since the user last opened it. */
  newCount: number
}

/** A saved search opened: its matches with the new ones first (the open marks them seen). */
export interface SavedSearchMatches {
  saved: SavedSearch
  /** Ids of the matches that were new, in result order. */
  newIds: string[]
  /** Every match's id, new ones first. */
  ids: string[]
}

/** Citation formats: APA, Chicago and MLA as text; BibTeX, RIS and CSL-JSON for reference managers. */
export type CitationFormat = 'apa' | 'chicago' | 'mla' | 'bibtex' | 'ris' | 'csl'

/** Every citation format, in the order the menu lists them. */
export const CITATION_FORMATS: readonly CitationFormat[] = ['apa', 'chicago', 'mla', 'bibtex', 'ris', 'csl']

/** What an export holds. */
export type ExportFormat = 'evidence' | 'csv' | 'json' | 'markdown'

/** Every export format, in the order the dialog lists them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['evidence', 'csv', 'json', 'markdown']

/** Which articles to export. */
export type ExportSelection =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'search'; request: SearchRequest }
  | { kind: 'story'; story: string }
  | { kind: 'saved'; name: string }

/** An export request from the app: where to write comes from the system folder picker, never from the page. */
export interface ExportRequest {
  selection: ExportSelection
  format: ExportFormat
  /** Also (evidence) or instead write a ZIP. */
  zip: boolean
}

/** Progress of a running export. */
export interface ExportProgress {
  done: number
  total: number
}

/** A finished export. */
export interface ExportSummary {
  /** The folder or ZIP written. */
  path: string
  articles: number
  files: number
  bytes: number
}

/** What `verify` found: each file of the manifest matched, differed or is missing; files not in it are extra. */
export interface VerifyReport {
  ok: boolean
  matched: string[]
  differ: string[]
  missing: string[]
  extra: string[]
}
