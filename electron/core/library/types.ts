/**
 * The library core's public shape, shared by main, the CLI, the search index and the tests.
 *
 * Implemented by `openLibrary()` in `./library.ts`.
 */
import type {
  Article,
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
  /** Every whole article (for indexing); read lazily from disk, file by file. */
  articles(): AsyncIterable<Article>
  /** Absolute path of an article's file, confined to the library; undefined when unknown. */
  pathOf(id: string): string | undefined
  state(id: string): ArticleState
  setState(id: string, patch: Partial<ArticleState>): Promise<ArticleState>
  /** Imports files and folders; each input file gets its own result. */
  import(sources: ImportSource[], options?: ImportOptions): Promise<ImportResult[]>
  /** Calls the listener after every change (import, or another program's edit when watching). */
  onChange(listener: (change: LibraryChange) => void): () => void
  /** Re-reads the folder now (what the watcher does on its own). */
  rescan(): Promise<LibraryChange>
  /** Stops watching and flushes state. */
  close(): Promise<void>
}
