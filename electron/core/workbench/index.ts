/**
 * The workbench of an open library: highlights and notes (./annotations, ./notes), saved searches
 * (./saved-searches), citations (./cite) and exports (./export), over the library and its search index.
 */
import path from 'node:path'
import type { LibraryNotice, NoteHit, SearchRequest, TextRange } from '../../shared/models'
import { err, ok, type Result } from '../../shared/result'
import type {
  CitationFormat,
  ExportSummary,
  Highlight,
  HighlightInput,
  HighlightPatch,
  SavedSearch,
  SavedSearchMatches,
} from '../../shared/workbench'
import { DATA_DIR } from '../library/paths'
import { log } from '../logger'
import type { Library } from '../library/types'
import type { SearchIndex } from '../search/types'
import type { Stories } from '../stories/types'
import { AnnotationStore, newHighlight, toHighlight, type AnnotationsNotice, type StoredHighlight } from './annotations'
import { citation } from './cite'
import type { ExportSources } from './export'
import { matchNotes } from './notes'
import { SavedSearches } from './saved-searches'
import type { ExportJob, OpenWorkbench, Workbench } from './types'

/** Longest note kept, in characters (a note is a comment, not an article). */
const MAX_NOTE = 10_000
const MAX_TAG = 100

/** A problem with a note or tags, or null. */
function badNoteOrTags(note: string | undefined, tags: string[] | undefined): string | null {
  if (note !== undefined && note.length > MAX_NOTE) return `A note has at most ${MAX_NOTE} characters.`
  for (const tag of tags ?? []) {
    if (!tag.trim() || tag.length > MAX_TAG || /\s/.test(tag)) {
      return `A tag is one word of at most ${MAX_TAG} characters ("${tag}" is not).`
    }
  }
  return null
}

/** Tags without repeats, in the order given. */
const uniqueTags = (tags: string[] | undefined): string[] => [...new Set(tags ?? [])]

/** Where a quote lies in an article's text: once, whitespace-blind; a clear reason when absent or repeated. */
export function findQuote(text: string, quote: string): Result<TextRange> {
  const words = quote.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return err('invalid-argument', 'The quote is empty.')
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu')
  const found = [...text.matchAll(pattern)]
  if (found.length === 0) return err('not-found', `The quote "${quote}" is not in the article's text.`)
  if (found.length > 1) {
    return err(
      'invalid-argument',
      `The quote "${quote}" appears ${found.length} times in the article; quote more words so it is found once.`,
    )
  }
  const start = found[0]!.index
  return ok([start, start + found[0]![0].length])
}

/** The workbench of one library; see `Workbench`. */
export class LibraryWorkbench implements Workbench {
  readonly #library: Library
  readonly #search: SearchIndex
  readonly #stories: Stories | null
  readonly #annotations: AnnotationStore
  readonly #saved: SavedSearches
  #carrying: Promise<void> = Promise.resolve()
  readonly #unsubscribe: () => void

  private constructor(
    library: Library,
    search: SearchIndex,
    stories: Stories | null,
    annotations: AnnotationStore,
    saved: SavedSearches,
  ) {
    this.#library = library
    this.#search = search
    this.#stories = stories
    this.#annotations = annotations
    this.#saved = saved
    this.#unsubscribe = library.onChange((change) => {
      if (change.added.length > 0) this.#carry(new Set(change.added))
    })
    this.#carry(null)
  }

  /** Opens the workbench of a library (loads its highlights and saved searches). */
  static async open(library: Library, search: SearchIndex, stories: Stories | null): Promise<LibraryWorkbench> {
    const dataDir = path.join(library.root, DATA_DIR)
    const annotations = await AnnotationStore.load(dataDir)
    const saved = await SavedSearches.open(dataDir, library, search)
    return new LibraryWorkbench(library, search, stories, annotations, saved)
  }

  /** What was wrong with the highlights file when it loaded (it was set aside), or null. */
  get notice(): AnnotationsNotice | null {
    return this.#annotations.notice
  }

  notices(): LibraryNotice[] {
    const notice = this.#annotations.notice
    if (!notice) return []
    const where = notice.setAside ? ` The damaged file is kept, unchanged, at ${notice.setAside}.` : ''
    return [{ code: 'annotations-set-aside', message: `Highlights: ${notice.message}${where}` }]
  }

  async #anchored(stored: StoredHighlight[]): Promise<Highlight[]> {
    const ids = [...new Set(stored.map((h) => h.articleId))]
    const texts = new Map<string, string>()
    for (const article of await this.#library.getMany(ids)) texts.set(article.id, article.text)
    return stored.map((h) => toHighlight(h, texts.get(h.articleId) ?? null))
  }

  #carry(candidates: ReadonlySet<string> | null): void {
    this.#carrying = this.#carrying
      .then(() => this.#carryOver(candidates))
      .catch((error: unknown) => log.error('workbench: cannot carry highlights over to a new version', error))
  }

  async highlights(articleId: string | null): Promise<Highlight[]> {
    await this.#carrying
    await this.#annotations.refresh()
    return this.#anchored(this.#annotations.list(articleId))
  }

  /** The highlights of several articles (for exports), in the order they were made. */
  async highlightsOf(ids: readonly string[]): Promise<Highlight[]> {
    const wanted = new Set(ids)
    return this.#anchored(this.#annotations.list(null).filter((h) => wanted.has(h.articleId)))
  }

  async addHighlight(articleId: string, input: HighlightInput): Promise<Result<Highlight>> {
    const article = await this.#library.get(articleId)
    if (!article) return err('not-found', `No article with id "${articleId}".`)
    const [start, end] = input.range
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > article.text.length) {
      return err('invalid-argument', `The range ${start}–${end} is not a passage of the article's text.`)
    }
    if (!article.text.slice(start, end).trim()) return err('invalid-argument', 'A highlight needs some text.')
    const problem = badNoteOrTags(input.note, input.tags)
    if (problem) return err('invalid-argument', problem)
    // The same words highlighted again: that highlight gains the note and tags, rather than a twin beside it.
    const same = (await this.highlights(articleId)).find((h) => h.range?.[0] === start && h.range[1] === end)
    if (same) {
      const note = input.note?.trim() ?? ''
      const merged = !note || same.note.includes(note) ? same.note : same.note ? `${same.note}\n\n${note}` : note
      return this.updateHighlight(same.id, { note: merged, tags: [...same.tags, ...(input.tags ?? [])] })
    }
    const stored = newHighlight(articleId, article.text, [start, end], input.note ?? '', uniqueTags(input.tags))
    try {
      await this.#annotations.put(stored)
    } catch (error) {
      return err('write-failed', `The highlight could not be saved: ${(error as Error).message}`)
    }
    return ok(toHighlight(stored, article.text))
  }

  /** Highlights a quote of an article (found once in its text, whitespace-blind), as `annotate --quote` does. */
  async addQuote(articleId: string, quote: string, note?: string, tags?: string[]): Promise<Result<Highlight>> {
    const article = await this.#library.get(articleId)
    if (!article) return err('not-found', `No article with id "${articleId}".`)
    const range = findQuote(article.text, quote)
    if (!range.ok) return range
    return this.addHighlight(articleId, { range: range.value, note, tags })
  }

  async updateHighlight(id: string, patch: HighlightPatch): Promise<Result<Highlight>> {
    const stored = this.#annotations.get(id)
    if (!stored) return err('not-found', `No highlight with id "${id}".`)
    const problem = badNoteOrTags(patch.note, patch.tags)
    if (problem) return err('invalid-argument', problem)
    const next: StoredHighlight = {
      ...stored,
      note: patch.note ?? stored.note,
      tags: patch.tags ? uniqueTags(patch.tags) : stored.tags,
      modified: new Date().toISOString(),
    }
    try {
      await this.#annotations.put(next)
    } catch (error) {
      return err('write-failed', `The highlight could not be saved: ${(error as Error).message}`)
    }
    const [anchored] = await this.#anchored([next])
    return ok(anchored!)
  }

  async removeHighlight(id: string): Promise<boolean> {
    return this.#annotations.remove(id)
  }

  searchNotes(query: string): NoteHit[] {
    const titles = new Map<string, string>()
    const titleOf = (articleId: string): string => {
      if (titles.size === 0) for (const item of this.#library.list()) titles.set(item.id, item.title)
      return titles.get(articleId) ?? articleId
    }
    return matchNotes(query, this.#annotations.list(null), titleOf)
  }

  savedSearches(): Promise<SavedSearch[]> {
    return this.#saved.list()
  }

  saveSearch(name: string, request: SearchRequest): Promise<Result<SavedSearch>> {
    return this.#saved.add(name, request)
  }

  openSaved(name: string): Promise<Result<SavedSearchMatches>> {
    return this.#saved.open(name)
  }

  removeSaved(name: string): Promise<boolean> {
    return this.#saved.remove(name)
  }

  async cite(id: string, format: CitationFormat): Promise<Result<string>> {
    const article = await this.#library.get(id)
    if (!article) return err('not-found', `No article with id "${id}".`)
    return ok(citation(article, format))
  }

  async export(job: ExportJob): Promise<Result<ExportSummary>> {
    // Loaded on first use: exports pull in the ZIP and HTML writers, which nothing else needs.
    const { runExport } = await import('./export')
    const sources: ExportSources = {
      library: this.#library,
      search: this.#search,
      stories: this.#stories,
      highlightsOf: (ids) => this.highlightsOf(ids),
      savedIds: (name) => this.#saved.ids(name),
    }
    return runExport(sources, job)
  }

  /**
   * A file imported again from the same place after an edit comes in as a new article beside the old one (a new
   * path, so a new id); the old one's highlights are copied to it where they can be found in its text, once each
   * (the old article keeps its own). Runs for each import in this process and, at open, for imports made elsewhere.
   */
  async #carryOver(candidates: ReadonlySet<string> | null): Promise<void> {
    const highlighted = new Set(this.#annotations.list(null).map((h) => h.articleId))
    if (highlighted.size === 0) return
    const items = this.#library.list()
    const byId = new Map(items.map((item) => [item.id, item]))
    const sources = new Set<string>()
    for (const id of highlighted) {
      const from = byId.get(id)?.importedFrom
      if (from) sources.add(from)
    }
    if (sources.size === 0) return
    for (const item of items) {
      if (!item.importedFrom || !sources.has(item.importedFrom)) continue
      if (candidates && !candidates.has(item.id)) continue
      const earlier = this.#annotations.list(null).filter((h) => {
        const source = byId.get(h.articleId)
        return (
          h.articleId !== item.id &&
          !h.carriedTo?.includes(item.id) &&
          source?.importedFrom === item.importedFrom &&
          source.importedAt <= item.importedAt
        )
      })
      if (earlier.length === 0) continue
      const article = await this.#library.get(item.id)
      if (!article) continue
      for (const h of earlier) {
        const { range } = toHighlight(h, article.text)
        if (range) {
          const copy = newHighlight(article.id, article.text, range, h.note, [...h.tags])
          await this.#annotations.put({ ...copy, created: h.created })
        }
        await this.#annotations.put({ ...h, carriedTo: [...(h.carriedTo ?? []), item.id] })
      }
    }
  }

  async close(): Promise<void> {
    this.#unsubscribe()
    await this.#carrying
    await this.#saved.close()
    await this.#annotations.flush()
  }
}

/** Opens the workbench of a library; see `Workbench`. */
export const openWorkbench: OpenWorkbench = (library, search, stories) =>
  LibraryWorkbench.open(library, search, stories)
