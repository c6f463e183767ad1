/**
 * Per-article user data (read, starred) in `<library>/.broadsheet/state.json`: versioned, written atomically,
 * debounced, and never a reason not to open a library.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { ArticleState, LibraryNotice } from '../../shared/models'
import { log } from '../logger'
import { writeFileAtomic } from './atomic'

/** The state file's format version; another version is treated like a corrupt file. */
export const STATE_VERSION = 1

/** How long state writes wait for more changes before they go to disk. */
const WRITE_DELAY_MS = 300

/** One article's stored data: read and starred, plus any fields a later version adds (kept as they are). */
type StoredState = Partial<ArticleState> & Record<string, unknown>

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
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('state: cannot read state.json', error)
      return store
    }
    try {
      const parsed = JSON.parse(raw) as StateFile
      if (parsed?.version !== STATE_VERSION || typeof parsed.articles !== 'object' || parsed.articles === null) {
        throw new Error(`unknown state version ${String(parsed?.version)}`)
      }
      for (const [id, value] of Object.entries(parsed.articles)) {
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) store.#articles.set(id, value)
      }
    } catch (error) {
      const aside = `${store.#file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
      const reason = error instanceof Error ? error.message : String(error)
      try {
        await fs.rename(store.#file, aside)
        notices.push({
          code: 'state-corrupt',
          message: `The read/starred state file was damaged (${reason}); it was moved to ${path.basename(aside)} and the library opened with fresh state.`,
        })
      } catch (renameError) {
        notices.push({
          code: 'state-corrupt',
          message: `The read/starred state file was damaged (${reason}) and could not be moved aside; the library opened with fresh state.`,
        })
        log.error('state: cannot move corrupt state.json aside', renameError)
      }
      log.warn(`state: corrupt state.json (${reason})`)
    }
    return store
  }

  /** The state of one article (unread, unstarred when unknown). */
  get(id: string): ArticleState {
    const stored = this.#articles.get(id)
    return stored ? { read: stored.read === true, starred: stored.starred === true } : { ...EMPTY }
  }

  /** Changes one article's state and schedules a write. */
  set(id: string, patch: Partial<ArticleState>): ArticleState {
    const next: ArticleState = { ...this.get(id) }
    if (patch.read !== undefined) next.read = patch.read
    if (patch.starred !== undefined) next.starred = patch.starred
    const stored: StoredState = { ...this.#articles.get(id), ...next }
    if (!next.read) delete stored.read
    if (!next.starred) delete stored.starred
    if (Object.keys(stored).length > 0) this.#articles.set(id, stored)
    else this.#articles.delete(id)
    this.#schedule()
    return { ...next }
  }

  /** Moves one article's state to a new id (a file renamed by another program). */
  move(from: string, to: string): void {
    const state = this.#articles.get(from)
    if (!state) return
    this.#articles.delete(from)
    this.#articles.set(to, state)
    this.#schedule()
  }

  /** Writes pending changes now. */
  async flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer)
      this.#timer = undefined
      this.#writing = this.#writing.then(() => this.#write())
    }
    await this.#writing
  }

  #schedule(): void {
    if (this.#timer) return
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      this.#writing = this.#writing.then(() => this.#write())
    }, WRITE_DELAY_MS)
  }

  async #write(): Promise<void> {
    const file: StateFile = { version: STATE_VERSION, articles: Object.fromEntries(this.#articles) }
    try {
      await fs.mkdir(path.dirname(this.#file), { recursive: true })
      await writeFileAtomic(this.#file, JSON.stringify(file), this.#tmpDir)
    } catch (error) {
      log.error('state: cannot write state.json', error)
    }
  }
}
