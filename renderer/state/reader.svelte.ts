/**
 * The reader: the open article, its search hits and which hit is current.
 */
import type { BroadsheetApi, Unsubscribe } from '../../electron/shared/ipc-contract'
import type { Article, ArticleEdits, ArticleState, TextRange } from '../../electron/shared/models'
import type { Failure, Result } from '../../electron/shared/result'
import { citation } from '../lib/format'
import type { CitationFormat } from '../../electron/shared/workbench'

/** An article with its user state, as the reader shows it. */
export type OpenArticle = Article & ArticleState

/** How the body is shown: plain text paragraphs (with highlights) or the sanitized HTML. */
export type BodyMode = 'text' | 'html'

/**
 * The library-care calls (article:edit, article:restore) that the library-safety work adds to the contract; until
 * they are there, the reader says so instead of failing.
 */
interface CareApi {
  edit?(id: string, edits: ArticleEdits): Promise<Result<OpenArticle>>
  restore?(token: string): Promise<Result<boolean>>
}

/** An article the user moved to the trash, and how to bring it back. */
export interface TrashedArticle {
  title: string
  /** What article:restore takes to undo the move; null when the move cannot be undone from the app. */
  token: string | null
}

/** The undo token in what article:trash answered for a move that happened, if it carries one. */
function undoToken(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('token' in value)) return null
  return typeof value.token === 'string' ? value.token : null
}

/** The reader's state; the API comes in through the constructor. */
export class ReaderState {
  #api: BroadsheetApi
  #onState: (id: string, state: ArticleState) => void
  #article = $state.raw<OpenArticle | null>(null)
  #loading = $state(false)
  #error = $state.raw<Failure | null>(null)
  #notice = $state<string | null>(null)
  #matches = $state.raw<TextRange[]>([])
  #titleMatches = $state.raw<TextRange[]>([])
  #hit = $state(0)
  #mode = $state<BodyMode>('text')
  #trashed = $state.raw<TrashedArticle | null>(null)
  #sequence = 0

  /**
   * @param onState told whenever an article's read/starred state changes, so the list can follow.
   */
  constructor(api: BroadsheetApi, onState: (id: string, state: ArticleState) => void = () => {}) {
    this.#api = api
    this.#onState = onState
  }

  get article(): OpenArticle | null {
    return this.#article
  }
  get loading(): boolean {
    return this.#loading
  }
  get error(): Failure | null {
    return this.#error
  }
  /** A short message about the last action ("Citation copied"). */
  get notice(): string | null {
    return this.#notice
  }
  /** Search hits in the article's text, in order. */
  get matches(): TextRange[] {
    return this.#matches
  }
  /** Search hits in the article's title, highlighted there too. */
  get titleMatches(): TextRange[] {
    return this.#titleMatches
  }
  /** Index of the current hit in `matches`. */
  get hit(): number {
    return this.#hit
  }
  get mode(): BodyMode {
    return this.#mode
  }
  /** The article last moved to the trash, while it can be brought back (until the app quits). */
  get trashed(): TrashedArticle | null {
    return this.#trashed
  }

  get #care(): CareApi {
    return this.#api.articles as BroadsheetApi['articles'] & CareApi
  }

  /** Opens an article, optionally with search hits (in its text and its title) to highlight, and marks it read. */
  async open(id: string, matches: TextRange[] = [], titleMatches: TextRange[] = []): Promise<boolean> {
    const mine = ++this.#sequence
    this.#loading = true
    this.#notice = null
    const result = await this.#api.articles.get(id)
    if (mine !== this.#sequence) return false
    this.#loading = false
    if (!result.ok) {
      this.#error = result.error
      this.#article = null
      return false
    }
    this.#error = null
    this.#article = result.value
    this.#matches = matches
    this.#titleMatches = titleMatches
    this.#hit = 0
    // Highlights live in the text view; without a search, prefer the richer HTML when there is one.
    this.#mode = matches.length === 0 && result.value.html ? 'html' : 'text'
    if (!result.value.read) await this.#setState({ read: true })
    return true
  }

  /** Follows changes to the open article's file (edited: shown again; removed: said so); returns the unsubscribe. */
  connect(): Unsubscribe {
    return this.#api.library.onChanged((change) => {
      const id = this.#article?.id
      if (!id) return
      if (change.removed.includes(id)) {
        this.#notice =
          "This article's file was removed or renamed outside Broadsheet; what you see is the last copy read."
      } else if (change.updated.includes(id)) {
        void this.#refresh(id, change.cause === undefined)
      }
    })
  }

  /** Reads the open article again; `onDisk` says its file changed (not a re-parse or the user's own correction). */
  async #refresh(id: string, onDisk: boolean): Promise<void> {
    const mine = ++this.#sequence
    const result = await this.#api.articles.get(id)
    if (mine !== this.#sequence || !result.ok) return
    this.#article = result.value
    // The old hit ranges may no longer fit the new text.
    this.#titleMatches = []
    if (this.#matches.length > 0) {
      this.#matches = []
      this.#mode = 'text'
    }
    if (onDisk) this.#notice = 'This article changed on disk and was read again.'
  }

  /** Closes the article. */
  close(): void {
    this.#sequence++
    this.#article = null
    this.#matches = []
    this.#titleMatches = []
    this.#error = null
    this.#notice = null
  }

  setMode(mode: BodyMode): void {
    this.#mode = mode
  }

  /** Moves to the next (1) or previous (-1) hit, wrapping around. */
  stepHit(delta: number): void {
    const n = this.#matches.length
    if (n === 0) return
    this.#hit = (((this.#hit + delta) % n) + n) % n
  }

  async toggleStar(): Promise<void> {
    if (this.#article) await this.#setState({ starred: !this.#article.starred })
  }

  async setRead(read: boolean): Promise<void> {
    await this.#setState({ read })
  }

  /** Shows the article's file in its folder. */
  async reveal(): Promise<void> {
    if (!this.#article) return
    const result = await this.#api.articles.reveal(this.#article.id)
    this.#notice = result.ok ? 'Shown in the file manager' : result.error.message
  }

  /** Opens the original URL in the system browser. */
  async openOriginal(): Promise<void> {
    if (!this.#article) return
    const result = await this.#api.articles.openOriginal(this.#article.id)
    this.#notice = result.ok ? 'Opened in your browser' : result.error.message
  }

  /** Opens one of the article's links in the system browser; main checks the article holds it. */
  async openLink(href: string): Promise<void> {
    if (!this.#article) return
    const result = await this.#api.articles.openLink(this.#article.id, href)
    this.#notice = result.ok ? `Opened ${href} in your browser` : result.error.message
  }

  /** Moves the open article's file (or `article`'s, from the list) to the trash (main asks first); true when it moved. */
  async trash(article: Pick<Article, 'id' | 'title'> | null = this.#article): Promise<boolean> {
    if (!article) return false
    const result = await this.#api.articles.trash(article.id)
    if (!result.ok) {
      this.#notice = result.error.message
      return false
    }
    // Nothing moved: the user said no (false, or no undo record).
    if (!result.value) return false
    this.#trashed = { title: article.title, token: undoToken(result.value) }
    return true
  }

  /** Brings the article last moved to the trash back into the library. */
  async undoTrash(): Promise<void> {
    const trashed = this.#trashed
    const care = this.#care
    if (!trashed?.token || !care.restore) return
    const result = await care.restore(trashed.token)
    if (!result.ok) {
      this.#notice = result.error.message
      return
    }
    this.#trashed = null
    this.#notice = `“${trashed.title}” is back in the library.`
  }

  /** Saves the user's corrections of the open article (kept in the library's state, never in the file). */
  async edit(edits: ArticleEdits): Promise<boolean> {
    const article = this.#article
    const care = this.#care
    if (!article) return false
    if (!care.edit) {
      this.#notice = 'Corrections cannot be saved in this version yet.'
      return false
    }
    if (Object.keys(edits).length === 0) return true
    const result = await care.edit(article.id, edits)
    if (!result.ok) {
      this.#notice = result.error.message
      return false
    }
    if (this.#article?.id === article.id) this.#article = result.value
    this.#notice = 'Your corrections are saved.'
    return true
  }

  /** The citation of the open article, or null. */
  citation(): string | null {
    return this.#article ? citation(this.#article) : null
  }

  /** The open article cited in a reference format by the workbench (APA … CSL-JSON), or null with a notice why not. */
  async cite(format: CitationFormat): Promise<string | null> {
    const article = this.#article
    if (!article) return null
    const result = await this.#api.evidence.cite(article.id, format)
    if (result.ok) return result.value
    this.#notice = `Could not cite: ${result.error.message}`
    return null
  }

  /** Records the outcome of a clipboard copy, done by the component that owns the clipboard. */
  copied(ok: boolean): void {
    this.#notice = ok ? 'Citation copied' : 'Could not copy to the clipboard'
  }

  async #setState(patch: Partial<ArticleState>): Promise<void> {
    const article = this.#article
    if (!article) return
    const result = await this.#api.articles.setState(article.id, patch)
    if (!result.ok) {
      this.#notice = result.error.message
      return
    }
    if (this.#article?.id === article.id) this.#article = { ...this.#article, ...result.value }
    this.#onState(article.id, result.value)
  }
}
