/**
 * The library core's public shape, shared by main, the CLI, the search index and the tests.
 *
 * Implemented by `openLibrary()` in `./library.ts`.
 */
import type {
  Article,
  ArticleEdits,
  ArticleListItem,
  ArticleState,
  ImportProgress,
  ImportResult,
  LibraryChange,
  LibraryInfo,
} from '../../shared/models'
import type { ImportSource } from '../../shared/ipc-contract'

/** Options for opening a library. */
export interface OpenLibraryOptions {
  /** Largest article file accepted, in bytes (default 20 MB). */
  maxFileBytes?: number
  /** Watch the folder for changes made by other programs (default false; the app and `npm run web` turn it on). */
  watch?: boolean
  /** Create the folder when it does not exist (default false). */
  create?: boolean
  /**
   * Return as soon as the known catalog is loaded and read new or changed files afterwards, filling the list by
   * `onChange` batches with `onScanProgress` (default false: the returned library has read every file).
   */
  scanInBackground?: boolean
}

/** Progress of reading files in the background: a first open, a parser upgrade, or a store rebuild. */
export interface ScanProgress {
  /** 'scan': new or changed files; 'reparse': articles of an older parser; 'rebuild': damaged or lost store records. */
  phase: 'scan' | 'reparse' | 'rebuild'
  /** Files done so far. */
  done: number
  total: number
}

/** Where a library keeps the user's corrections of articles (the state store implements it). */
export interface EditsStore {
  /** The corrections of one article, or undefined when it has none. */
  edits(id: string): ArticleEdits | undefined
  /** Replaces the corrections of one article (an empty object removes them). */
  setEdits(id: string, edits: ArticleEdits): unknown
}

/** Options for one import. */
export interface ImportOptions {
  /** Collection (relative folder) to import into; '' or undefined for the root. */
  into?: string
  onProgress?: (progress: ImportProgress) => void
}

/** An open library folder. */
export interface Library {
  /** Absolute path of the library folder. */
  readonly root: string
  info(): LibraryInfo
  /** Every article with its user state, in scan order. */
  list(): ArticleListItem[]
  /** One whole article, or undefined when the id is unknown. */
  get(id: string): Promise<Article | undefined>
  /** Whole articles by id, in the order given; unknown ids are left out. Reads the store, never parses. */
  getMany(ids: readonly string[]): Promise<Article[]>
  /** Every whole article (for indexing), from the article store, file by file. */
  articles(): AsyncIterable<Article>
  /** Stores a user's corrections of an article's fields and tells the change listeners; undefined for an unknown id. */
  edit(id: string, edits: ArticleEdits): Promise<Article | undefined>
  /** Moves an article's file into the library's trash; undefined for an unknown id. `articles`: how many it held. */
  trash(id: string): Promise<{ token: string; articles: number } | undefined>
  /** Brings a trashed file back (beside a file that took its name); false when the token is unknown. */
  restore(token: string): Promise<boolean>
  /** Hands every trashed file to `send` (the system trash); run at quit, and by openLibrary for a crash. */
  flushTrash(send: (file: string) => Promise<void>): Promise<void>
  /** Absolute path of an article's file, confined to the library; undefined when unknown. */
  pathOf(id: string): string | undefined
  state(id: string): ArticleState
  setState(id: string, patch: Partial<ArticleState>): Promise<ArticleState>
  /** Imports files and folders; each input file gets its own result. */
  import(sources: ImportSource[], options?: ImportOptions): Promise<ImportResult[]>
  /** Calls the listener after every change (import, or another program's edit when watching). */
  onChange(listener: (change: LibraryChange) => void): () => void
  /** Calls the listener as files are read in the background (see `ScanProgress`); the last call has done = total. */
  onScanProgress(listener: (progress: ScanProgress) => void): () => void
  /** Re-reads the folder now (what the watcher does on its own). */
  rescan(): Promise<LibraryChange>
  /** Stops watching and flushes state. */
  close(): Promise<void>
}
