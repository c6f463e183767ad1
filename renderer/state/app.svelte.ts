/**
 * The app's areas together, plus which view is showing; shared with every view through a context.
 */
import { createContext } from 'svelte'
import type { BroadsheetApi } from '../../electron/shared/ipc-contract'
import { ImportState } from './import.svelte'
import { LibraryState } from './library.svelte'
import { ReaderState } from './reader.svelte'
import { SearchState } from './search.svelte'
import { SavedState } from './saved.svelte'
import { ExportState } from './export.svelte'
import { SettingsState } from './settings.svelte'
import { StoriesState } from './stories.svelte'
import { TimelineState } from './timeline.svelte'
import { BrowseState, type LibraryPanel } from './browse.svelte'
import { HighlightsState } from './highlights.svelte'
import type { StoryCluster } from '../../electron/shared/stories'

/** A top-level view. */
export type View = 'list' | 'search' | 'settings' | 'reader'

/** Every area's state and the current view. */
export class AppState {
  readonly library: LibraryState
  readonly reader: ReaderState
  readonly search: SearchState
  readonly imports: ImportState
  readonly settings: SettingsState
  readonly stories: StoriesState
  readonly saved: SavedState
  readonly exports: ExportState
  readonly browse: BrowseState
  /** The open article's highlights and notes. */
  readonly highlights: HighlightsState
  readonly timeline: TimelineState
  #panel = $state<LibraryPanel>('articles')
  #story = $state.raw<StoryCluster | null>(null)
  #view = $state<View>('list')
  #back = $state<Exclude<View, 'reader'>>('list')

  constructor(api: BroadsheetApi) {
    this.library = new LibraryState(api)
    this.reader = new ReaderState(api, (id, state) => this.library.applyState(id, state))
    this.search = new SearchState(api)
    this.imports = new ImportState(api)
    this.settings = new SettingsState(api)
    this.stories = new StoriesState(api)
    this.saved = new SavedState(api)
    this.exports = new ExportState(api)
    this.browse = new BrowseState(api)
    this.highlights = new HighlightsState(api)
    this.timeline = new TimelineState(api)
  }

  get view(): View {
    return this.#view
  }
  /** The view the reader returns to. */
  get backView(): Exclude<View, 'reader'> {
    return this.#back
  }

  /** Loads settings and the library, then restores the remembered view and article. */
  async start(): Promise<void> {
    const [settings] = await Promise.all([this.settings.load(), this.library.load()])
    this.#view = settings.lastView
    this.#back = settings.lastView
    if (settings.lastArticleId && (await this.reader.open(settings.lastArticleId))) {
      this.library.selectId(settings.lastArticleId)
      this.#view = 'reader'
    }
  }

  /** Shows a top-level view and remembers it. */
  show(view: Exclude<View, 'reader'>): void {
    this.#view = view
    this.#back = view
    this.reader.close()
    void this.settings.remember({ lastView: view, lastArticleId: null })
  }

  /** Opens an article in the reader, with the search hits when it came from the results. */
  async openArticle(id: string): Promise<void> {
    const hit = this.#view === 'search' || this.#back === 'search' ? this.search.hitFor(id) : undefined
    if (this.#view !== 'reader') this.#back = this.#view
    this.library.selectId(id)
    if (await this.reader.open(id, hit?.matches ?? [], hit?.titleMatches ?? [])) {
      this.#view = 'reader'
      void this.settings.remember({ lastArticleId: id })
    }
  }

  /** Opens the next (1) or previous (-1) article of the list (or of the results, coming from a search). */
  async step(delta: number): Promise<void> {
    const current = this.reader.article?.id
    if (!current) return
    let next: string | undefined
    if (this.#back === 'search' && this.search.response) {
      const hits = this.search.response.hits
      const index = hits.findIndex((h) => h.id === current)
      next = index >= 0 ? hits[index + delta]?.id : undefined
    } else {
      next = this.library.neighbour(current, delta)
    }
    if (next) await this.openArticle(next)
  }

  /** Opens a saved search: marks its new matches seen and puts its query, filters and dates in the search view. */
  async openSaved(name: string): Promise<void> {
    const matches = await this.saved.open(name)
    if (!matches) return
    this.show('search')
    this.search.applyRequest(matches.saved.request)
  }

  /** What the library pane shows: its articles, the stories or the highlights. */
  get panel(): LibraryPanel {
    return this.#panel
  }
  /** The story the search was last narrowed to, while its `story:ID` stays in the query. */
  get story(): StoryCluster | null {
    return this.#story && this.search.query.split(/\s+/).includes(`story:${this.#story.id}`) ? this.#story : null
  }

  /** Shows the library's articles, stories or highlights (each view loads its listing). */
  showPanel(panel: LibraryPanel): void {
    this.#panel = panel
  }

  /** Searches one story's articles: `story:ID` in the search view. */
  async openStory(story: StoryCluster): Promise<void> {
    this.#story = story
    this.show('search')
    await this.search.searchFor(`story:${story.id}`)
  }

  /** Takes the story out of the query and searches again. */
  async clearStory(): Promise<void> {
    const story = this.#story
    this.#story = null
    if (!story) return
    const rest = this.search.query
      .split(/\s+/)
      .filter((word) => word && word !== `story:${story.id}`)
      .join(' ')
    await this.search.searchFor(rest)
  }

  /** Leaves the reader for the view it came from. */
  back(): void {
    if (this.#view === 'reader') this.show(this.#back)
  }
}

/** Reads and sets the app state in the component tree. */
export const [getAppState, setAppState] = createContext<AppState>()
