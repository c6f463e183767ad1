/**
 * The open article's highlights and notes: listed in text order, made from a selection, edited and deleted.
 *
 * The library-wide listing of the Highlights view stays in ./browse; this is one article's, for the reader.
 */
import type { BroadsheetApi } from '../../electron/shared/ipc-contract'
import type { TextRange } from '../../electron/shared/models'
import type { Failure } from '../../electron/shared/result'
import type { AnchorStatus, Highlight, HighlightPatch } from '../../electron/shared/workbench'

/** How the reader tells where a highlight was found in the article's current text. */
export const STATUS_LABELS: Record<AnchorStatus, string> = {
  exact: 'Anchored',
  moved: 'Found at another place in the text',
  fuzzy: 'The text changed: found approximately',
  orphaned: 'Orphaned: could not be found in the current text',
}

/** Words typed in the tags field as tags: split at spaces and commas, without repeats or a leading '#'. */
export function parseTags(input: string): string[] {
  const words = input
    .split(/[\s,]+/)
    .map((w) => w.replace(/^#/, ''))
    .filter(Boolean)
  return words.filter((w, i) => words.indexOf(w) === i)
}

/** Highlights in reading order: by where they start, orphaned ones (no place in the text) last. */
export function inTextOrder(highlights: readonly Highlight[]): Highlight[] {
  const at = (h: Highlight) => h.range?.[0] ?? Infinity
  return [...highlights].sort((a, b) => at(a) - at(b) || a.created.localeCompare(b.created))
}

/** One article's highlights; the API comes in through the constructor. */
export class HighlightsState {
  #api: BroadsheetApi
  #articleId = $state<string | null>(null)
  #items = $state.raw<Highlight[]>([])
  #error = $state.raw<Failure | null>(null)
  #notice = $state<string | null>(null)
  #sequence = 0

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  /** The article whose highlights these are. */
  get articleId(): string | null {
    return this.#articleId
  }
  /** The article's highlights in reading order (orphaned last). */
  get items(): Highlight[] {
    return this.#items
  }
  /** The highlights that have a place in the current text, to draw. */
  get anchored(): (Highlight & { range: TextRange })[] {
    return this.#items.filter((h): h is Highlight & { range: TextRange } => h.range !== null)
  }
  /** Why the last call failed, as said to the user. */
  get error(): Failure | null {
    return this.#error
  }
  /** What the last change did ("Highlight saved"), for a live region. */
  get notice(): string | null {
    return this.#notice
  }

  /** One highlight by id. */
  find(id: string): Highlight | undefined {
    return this.#items.find((h) => h.id === id)
  }

  /** Lists an article's highlights (again, after its text changed), or clears them (null). */
  async load(articleId: string | null): Promise<void> {
    const mine = ++this.#sequence
    if (articleId !== this.#articleId) {
      this.#articleId = articleId
      this.#items = []
      this.#notice = null
      this.#error = null
    }
    if (!articleId) return
    const result = await this.#api.highlights.list(articleId)
    if (mine !== this.#sequence) return
    if (result.ok) {
      this.#items = inTextOrder(result.value)
      this.#error = null
    } else {
      this.#error = result.error
    }
  }

  /** Highlights `range` of the article's text with a note and tags; the new highlight, or null (see `error`). */
  async add(range: TextRange, note: string, tags: string[]): Promise<Highlight | null> {
    const articleId = this.#articleId
    if (!articleId) return null
    const result = await this.#api.highlights.add(articleId, { range, note, tags })
    if (!result.ok) {
      this.#error = result.error
      this.#notice = `Could not save the highlight: ${result.error.message}`
      return null
    }
    if (articleId !== this.#articleId) return result.value
    // The same words again come back as that highlight, with the note and tags added.
    const known = this.#items.some((h) => h.id === result.value.id)
    this.#items = inTextOrder([...this.#items.filter((h) => h.id !== result.value.id), result.value])
    this.#error = null
    this.#notice = known ? 'Added to the highlight of these words' : 'Highlight saved'
    return result.value
  }

  /** Changes a highlight's note or tags; true when saved. */
  async update(id: string, patch: HighlightPatch): Promise<boolean> {
    const result = await this.#api.highlights.update(id, patch)
    if (!result.ok) {
      this.#error = result.error
      this.#notice = `Could not save the note: ${result.error.message}`
      return false
    }
    this.#items = this.#items.map((h) => (h.id === id ? result.value : h))
    this.#error = null
    this.#notice = 'Note saved'
    return true
  }

  /** Deletes a highlight (the caller has asked the user); true when it is gone. */
  async remove(id: string): Promise<boolean> {
    const result = await this.#api.highlights.remove(id)
    if (!result.ok || !result.value) {
      this.#notice = result.ok ? 'That highlight was already gone.' : `Could not delete: ${result.error.message}`
      if (!result.ok) this.#error = result.error
      if (result.ok) this.#items = this.#items.filter((h) => h.id !== id)
      return false
    }
    this.#items = this.#items.filter((h) => h.id !== id)
    this.#error = null
    this.#notice = 'Highlight deleted'
    return true
  }

  /** Says something about highlighting that is not a change (e.g. there is no selection to highlight). */
  say(notice: string): void {
    this.#notice = notice
  }
}
