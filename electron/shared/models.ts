/**
 * The data that crosses every boundary: core → main → IPC → renderer, and core → CLI.
 *
 * Pure TypeScript: no 'electron', no 'node:*', no DOM.
 */

/** A flag that says something about an article's provenance or kind. */
export type ArticleFlag = 'machine-translated' | 'sponsored' | 'opinion' | 'auto-published'

/** Every flag, in the order the UI lists them. */
export const ARTICLE_FLAGS: readonly ArticleFlag[] = ['machine-translated', 'sponsored', 'opinion', 'auto-published']

/**
 * One article, whatever file format it came from.
 *
 * `text` is plain text with paragraphs separated by a blank line; it never holds the
 * site's boilerplate (that goes to `disclaimers`, `category` and `flags`).
 */
export interface Article {
  /** Stable across restarts: derived from the relative path (plus the record index for files that hold several). */
  id: string
  /** Path of the file relative to the library root, with forward slashes. */
  path: string
  /** Relative folder path of the file ('' for the library root). */
  collection: string
  title: string
  author: string | null
  site: string | null
  url: string | null
  /** ISO 8601, or null when the source does not say. */
  published: string | null
  /** Where the offline copy was captured from, as the format itself records it (WARC-Target-URI, "saved from url", …). */
  sourceUrl: string | null
  /** ISO 8601: when the offline copy was captured, as the format records it (WARC-Date, MHTML Date, …); never the publication date. */
  capturedAt: string | null
  /** ISO 639-1 code, or null when it could not be told. */
  language: string | null
  category: string | null
  text: string
  /** Sanitized reading HTML where the source has structure (HTML, Markdown), else null. */
  html: string | null
  /** What the source itself says about the article, quoted. */
  disclaimers: string[]
  flags: ArticleFlag[]
  wordCount: number
  /** ISO 8601: when the file came into the library (its import, or its mtime when found by a scan). */
  importedAt: string
  /** sha256 (hex) of the file's bytes. */
  hash: string
  /** The path or URL the file was imported from, as given at import; null when found by a scan. */
  importedFrom: string | null
  /** Fields the user corrected in the app (kept in the library's state, never in the file). */
  edited: EditableField[]
}

/** The article fields a user may correct from the app. */
export type EditableField = 'title' | 'site' | 'author' | 'published' | 'category'

/** Every editable field, in the order the edit form lists them. */
export const EDITABLE_FIELDS: readonly EditableField[] = ['title', 'site', 'author', 'published', 'category']

/** A user's corrections of one article; a null value clears that field, an absent one keeps the parsed value. */
export type ArticleEdits = Partial<Record<EditableField, string | null>>

/** Every Article field but the heavy ones; what lists carry. */
export type ArticleSummary = Omit<Article, 'text' | 'html'>

/** Per-article user data kept in `<library>/.broadsheet/state.json`. */
export interface ArticleState {
  read: boolean
  starred: boolean
  /** Tags a read-later export (Pocket, Instapaper) gave the article. */
  tags?: string[]
  /** Archived in a read-later service. */
  archived?: boolean
  /** ISO 8601: when the user saved it in a read-later service (never the publication or capture date). */
  savedAt?: string
}

/** An article summary together with its user state (the read-later fields only when it has them). */
export interface ArticleListItem
  extends ArticleSummary, Pick<ArticleState, 'read' | 'starred' | 'tags' | 'archived' | 'savedAt'> {}

/**
 * One row of the renderer's library list: only what the list shows, sorts and filters by.
 *
 * Lean on purpose: 100,000 of them cross IPC before the first paint; the reader asks for the whole article.
 */
export type ArticleListRow = Pick<
  ArticleListItem,
  | 'id'
  | 'title'
  | 'site'
  | 'published'
  | 'importedAt'
  | 'language'
  | 'flags'
  | 'collection'
  | 'read'
  | 'starred'
  | 'tags'
  | 'archived'
>

/** The list row of an item, without the fields the list never uses. */
export function toListRow(item: ArticleListItem): ArticleListRow {
  const row: ArticleListRow = {
    id: item.id,
    title: item.title,
    site: item.site,
    published: item.published,
    importedAt: item.importedAt,
    language: item.language,
    flags: item.flags,
    collection: item.collection,
    read: item.read,
    starred: item.starred,
  }
  // Most articles have no read-later state: their rows carry no such keys at all.
  if (item.tags && item.tags.length > 0) row.tags = item.tags
  if (item.archived) row.archived = true
  return row
}

/** The outcome of importing one input file. */
export type ImportStatus = 'imported' | 'duplicate' | 'failed'

/** One input file's result in an import; the batch goes on whatever one file does. */
export interface ImportResult {
  /** The input path as given (or the dropped file's name when it came as bytes). */
  file: string
  status: ImportStatus
  /** Ids of the articles the file gave (imported only). */
  articles: string[]
  /** The id of the article already holding the same bytes (duplicate only). */
  duplicateOf?: string
  /** A specific, human reason (failed only). */
  error?: string
  warnings: string[]
}

/** Progress of a running import. */
export interface ImportProgress {
  done: number
  total: number
  /** The input file being handled now, or null when finished. */
  current: string | null
}

/** What changed in the library since the last event. */
export interface LibraryChange {
  added: string[]
  updated: string[]
  removed: string[]
  /**
   * Why `updated` articles changed when not because their files did: 'reparse' (the same bytes read again by a newer
   * parser, or a lost store rebuilt) or 'edit' (the user corrected a field). Absent: files changed or were imported.
   */
  cause?: 'reparse' | 'edit'
}

/** A problem found when opening a library that the user should hear about, e.g. a corrupt state file moved aside. */
export interface LibraryNotice {
  code: 'state-corrupt' | 'index-rebuilt' | 'scan-failed' | 'store-rebuilt' | 'annotations-set-aside'
  message: string
}

/** The open library. */
export interface LibraryInfo {
  root: string
  articleCount: number
  collections: string[]
  notices: LibraryNotice[]
}

/** A search request: free text plus filters beside it. */
export interface SearchRequest {
  /** lunr syntax plus quoted phrases; may be empty (filters alone). */
  query: string
  collection?: string
  site?: string
  language?: string
  /** Only articles with every one of these flags. */
  flags?: ArticleFlag[]
  /** Only articles with none of these flags. */
  notFlags?: ArticleFlag[]
  /** ISO date (inclusive). */
  from?: string
  /** ISO date (inclusive). */
  to?: string
  starred?: boolean
  unread?: boolean
  sort?: 'relevance' | 'date'
  /** Only articles of this story cluster (also written `story:ID` in the query). */
  story?: string
  /** Collapse each group of copies to its earliest member (its hit then says how many copies it stands for). */
  collapse?: boolean
  limit?: number
  offset?: number
}

/** A [start, end) range of characters in an article's `text`. */
export type TextRange = [number, number]

/** One search hit. */
export interface SearchHit {
  id: string
  title: string
  site: string | null
  published: string | null
  language: string | null
  flags: ArticleFlag[]
  score: number
  /** The best passage (~30 words). */
  snippet: string
  /** Ranges in `snippet` to mark. */
  snippetMatches: TextRange[]
  /** Ranges in the article's `text` that matched, in order. */
  matches: TextRange[]
  /** Ranges in `title` that matched, in order. */
  titleMatches: TextRange[]
  /** With `collapse`: how many other copies this hit stands for ("+N copies"); absent or 0 for none. */
  copies?: number
}

/** A user's note (on a highlight) that matched a search, shown as a note, not as article text. */
export interface NoteHit {
  highlightId: string
  articleId: string
  title: string
  /** The highlighted passage. */
  quote: string
  note: string
}

/** Counts per value over the whole result set. */
export interface SearchFacets {
  site: Record<string, number>
  language: Record<string, number>
  flag: Record<string, number>
  year: Record<string, number>
  collection: Record<string, number>
}

/** Why a search found nothing (or less than it seems), and what to try. */
export interface SearchNotice {
  code: 'stop-words-only' | 'no-results'
  /** One sentence for a person. */
  message: string
  /** Queries worth trying instead, possibly empty. */
  suggestions: string[]
}

/** A search answer. */
export interface SearchResponse {
  total: number
  hits: SearchHit[]
  facets: SearchFacets
  /** Set when the query found nothing, or was all stop words. */
  notice?: SearchNotice
  /** What the query asked for and did not fully get (a capped edit distance or prefix), one sentence each. */
  adjustments?: string[]
  /** Other spellings a name was expanded to ("also matched: Киев, Київ"); absent when none. */
  variants?: string[]
  /** Notes that matched (plain search and `note:`), apart from the article hits. */
  notes?: NoteHit[]
}

/** Where the search index stands. */
export interface IndexStatus {
  state: 'loading' | 'building' | 'ready' | 'error'
  indexed: number
  total: number
  message?: string
}

/** The reader's theme choice; 'system' follows the OS. */
export type Theme = 'system' | 'light' | 'dark' | 'sepia'

/** App-wide settings the renderer can read and change. */
export interface Settings {
  theme: Theme
  fontSize: number
  lastView: 'list' | 'search' | 'settings'
  lastArticleId: string | null
  /** The disclaimer banner's look for every article: expanded, or a compact strip (never carried per article). */
  bannerMode: 'expanded' | 'compact'
  /** Caret browsing (F7): a text cursor moved with the arrow keys, so words are selected (and highlighted) by keyboard. */
  caretBrowsing: boolean
}
