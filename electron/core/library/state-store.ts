/**
 * Per-article user data (read, starred, corrections) in `<library>/.broadsheet/state.json`: versioned, written
 * atomically, debounced, and never a reason not to open a library. A file that cannot be read is never written over.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ArticleEdits, ArticleState, LibraryNotice } from '../../shared/models'
import { log } from '../logger'
import { writeFileAtomic } from './atomic'

/** The state file's format version; another version is treated like a corrupt file. */
export const STATE_VERSION = 1

/** How long state writes wait for more changes before they go to disk. */
const WRITE_DELAY_MS = 300

/** One article's stored data: read, starred and corrections, plus any fields a later version adds (kept as they are). */
type StoredState = Partial<ArticleState> & { edits?: ArticleEdits } & Record<string, unknown>

interface StateFile {
  version: number
  articles: Record<string, StoredState>
}

const EMPTY: ArticleState = { read: false, starred: false }

/** The state of every article, kept in memory and written behind. */
export class StateStore {
  readonly #file: string
  readonly #tmpDir: string
  #articles = new Map<string, StoredState>()
  #timer: NodeJS.Timeout | undefined
  #writing: Promise<void> = Promise.resolve()
  /** Set when state.json exists but could neither be read nor moved aside: writing would destroy it. */
  #blocked: string | undefined
  #unsaved = false

  private constructor(file: string, tmpDir: string) {
    this.#file = file
    this.#tmpDir = tmpDir
  }

  /** Loads the state file; a corrupt one is moved aside and reported as a notice. */
  static async load(dataDir: string, notices: LibraryNotice[]): Promise<StateStore> {
    const store = new StateStore(path.join(dataDir, 'state.json'), path.join(dataDir, 'tmp'))
    let raw: string
    try {
      raw = await fs.readFile(store.#file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return store
      log.warn('state: cannot read state.json', error)
      await store.#setAside(`it cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, notices)
      return store
    }
    try {
      const parsed = JSON.parse(raw) as StateFile
      if (parsed?.version !== STATE_VERSION) throw new Error(`unknown state version ${String(parsed?.version)}`)
      const articles = parsed.articles as unknown
      if (typeof articles !== 'object' || articles === null || Array.isArray(articles)) {
        throw new Error('its articles are not a map of ids')
      }
      for (const [id, value] of Object.entries(articles)) {
        if (!isStoredState(value)) throw new Error(`the entry of ${id} has the wrong shape`)
        store.#articles.set(id, value)
      }
    } catch (error) {
      store.#articles.clear()
      await store.#setAside(error instanceof Error ? error.message : String(error), notices)
    }
    return store
  }

  /** Moves an unusable state file aside with a notice; when it cannot be moved, blocks every write over it. */
  async #setAside(reason: string, notices: LibraryNotice[]): Promise<void> {
    const aside = `${this.#file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
    log.warn(`state: unusable state.json (${reason})`)
    try {
      await fs.rename(this.#file, aside)
      notices.push({
        code: 'state-corrupt',
        message: `The read/starred state file was unusable (${reason}); it was moved to ${path.basename(aside)} and the library opened with fresh state.`,
      })
    } catch (renameError) {
      this.#blocked = `state.json could not be used (${reason}) and is kept as it is; changes are not saved`
      notices.push({
        code: 'state-corrupt',
        message: `The read/starred state file was unusable (${reason}) and could not be moved aside; the library opened with fresh state, and changes will not be saved.`,
      })
      log.error('state: cannot move state.json aside', renameError)
    }
  }

  /** The state of one article (unread, unstarred when unknown). */
  get(id: string): ArticleState {
    const stored = this.#articles.get(id)
    if (!stored) return { ...EMPTY }
    const state: ArticleState = { read: stored.read === true, starred: stored.starred === true }
    if (stored.tags && stored.tags.length > 0) state.tags = [...stored.tags]
    if (stored.archived === true) state.archived = true
    if (typeof stored.savedAt === 'string') state.savedAt = stored.savedAt
    return state
  }

  /** Changes one article's state and schedules a write. */
  set(id: string, patch: Partial<ArticleState>): ArticleState {
    const next: ArticleState = { ...this.get(id) }
    if (patch.read !== undefined) next.read = patch.read
    if (patch.starred !== undefined) next.starred = patch.starred
    if (patch.tags !== undefined) next.tags = [...patch.tags]
    if (patch.archived !== undefined) next.archived = patch.archived
    if (patch.savedAt !== undefined) next.savedAt = patch.savedAt
    const stored: StoredState = { ...this.#articles.get(id), ...next }
    if (!next.read) delete stored.read
    if (!next.starred) delete stored.starred
    if (!next.tags || next.tags.length === 0) delete stored.tags
    if (!next.archived) delete stored.archived
    if (!next.savedAt) delete stored.savedAt
    this.#put(id, stored)
    this.#schedule()
    return { ...next }
  }

  /** The user's corrections of one article, or undefined when it has none. */
  edits(id: string): ArticleEdits | undefined {
    const edits = this.#articles.get(id)?.edits
    return edits && Object.keys(edits).length > 0 ? { ...edits } : undefined
  }

  /** Replaces one article's corrections (an empty object removes them) and writes them; a failed write rejects and is rolled back. */
  async setEdits(id: string, edits: ArticleEdits): Promise<void> {
    const before = this.#articles.get(id)
    const stored: StoredState = { ...before }
    if (Object.keys(edits).length > 0) stored.edits = { ...edits }
    else delete stored.edits
    this.#put(id, stored)
    try {
      await this.flush(true)
    } catch (error) {
      // Only this change is undone; others keep waiting for the next write (and `unsaved` says so).
      const now = this.#articles.get(id)
      const restored: StoredState = { ...now }
      if (before?.edits) restored.edits = before.edits
      else delete restored.edits
      this.#put(id, restored)
      throw error
    }
  }

  /** True while changes in memory have not reached disk because a write failed. */
  get unsaved(): boolean {
    return this.#unsaved
  }

  #put(id: string, stored: StoredState): void {
    if (Object.keys(stored).length > 0) this.#articles.set(id, stored)
    else this.#articles.delete(id)
  }

  /** Moves one article's state to a new id (a file renamed by another program). */
  move(from: string, to: string): void {
    const state = this.#articles.get(from)
    if (!state) return
    this.#articles.delete(from)
    this.#articles.set(to, state)
    this.#schedule()
  }

  /** Writes pending changes now; rejects when they could not be written (they stay pending). */
  async flush(force = false): Promise<void> {
    if (this.#timer || this.#unsaved || force) {
      clearTimeout(this.#timer)
      this.#timer = undefined
      const write = this.#writing.catch(() => {}).then(() => this.#write())
      this.#writing = write.catch(() => {})
      await write
      return
    }
    await this.#writing
  }

  #schedule(): void {
    if (this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#writing = this.#writing.then(() => this.#write()).catch(() => {})
    }, WRITE_DELAY_MS)
  }

  async #write(): Promise<void> {
    const file: StateFile = { version: STATE_VERSION, articles: Object.fromEntries(this.#articles) }
    this.#unsaved = true
    if (this.#blocked) {
      log.error(`state: ${this.#blocked}`)
      throw new Error(this.#blocked)
    }
    try {
      await fs.mkdir(path.dirname(this.#file), { recursive: true })
      await writeFileAtomic(this.#file, JSON.stringify(file), this.#tmpDir)
      this.#unsaved = false
    } catch (error) {
      log.error('state: cannot write state.json', error)
      const code = (error as NodeJS.ErrnoException).code
      throw new Error(`state.json could not be written (${code ?? String(error)}); changes are not saved`, {
        cause: error,
      })
    }
  }
}

function isStoredState(value: unknown): value is StoredState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const v = value as Record<string, unknown>
  const edits = v.edits
  return (
    (v.read === undefined || typeof v.read === 'boolean') &&
    (v.starred === undefined || typeof v.starred === 'boolean') &&
    (v.tags === undefined || (Array.isArray(v.tags) && v.tags.every((tag) => typeof tag === 'string'))) &&
    (v.archived === undefined || typeof v.archived === 'boolean') &&
    (v.savedAt === undefined || typeof v.savedAt === 'string') &&
    (edits === undefined ||
      (typeof edits === 'object' &&
        edits !== null &&
        !Array.isArray(edits) &&
        Object.values(edits).every((e) => e === null || typeof e === 'string')))
  )
}
