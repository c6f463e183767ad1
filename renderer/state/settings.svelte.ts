/**
 * App settings the user can change: theme, font size, banner mode, and the remembered view and article.
 */
import type { BroadsheetApi } from '../../electron/shared/ipc-contract'
import type { Settings, Theme } from '../../electron/shared/models'
import type { Failure } from '../../electron/shared/result'
import { DEFAULT_SETTINGS, FONT_SIZE_RANGE } from '../../electron/shared/settings'

/** The settings used until the stored ones arrive: the app's one set of defaults. */
export const defaultSettings: Settings = { ...DEFAULT_SETTINGS }

/** Smallest and largest reader font size the contract accepts. */
export { FONT_SIZE_RANGE }

/** The settings area's state; the API comes in through the constructor. */
export class SettingsState {
  #api: BroadsheetApi
  #settings = $state.raw<Settings>(defaultSettings)
  #error = $state.raw<Failure | null>(null)

  constructor(api: BroadsheetApi) {
    this.#api = api
  }

  get settings(): Settings {
    return this.#settings
  }
  get theme(): Theme {
    return this.#settings.theme
  }
  get fontSize(): number {
    return this.#settings.fontSize
  }
  /** How every article's disclaimer banner opens: expanded, or as a compact strip of its flags. */
  get bannerMode(): Settings['bannerMode'] {
    return this.#settings.bannerMode
  }
  get error(): Failure | null {
    return this.#error
  }

  /** Loads the stored settings. */
  async load(): Promise<Settings> {
    const result = await this.#api.settings.get()
    if (result.ok) this.#settings = result.value
    else this.#error = result.error
    return this.#settings
  }

  setTheme(theme: Theme): Promise<void> {
    return this.#set({ theme })
  }

  /** Sets how every article's banner opens (a global choice, never per article). */
  setBannerMode(mode: Settings['bannerMode']): Promise<void> {
    return this.#set({ bannerMode: mode })
  }
  get caretBrowsing(): boolean {
    return this.#settings.caretBrowsing
  }
  /** Turns caret browsing on or off (main applies it to the window). */
  setCaretBrowsing(on: boolean): Promise<void> {
    return this.#set({ caretBrowsing: on })
  }

  /** Sets the reader font size, kept within the allowed range. */
  setFontSize(size: number): Promise<void> {
    const [min, max] = FONT_SIZE_RANGE
    return this.#set({ fontSize: Math.round(Math.max(min, Math.min(max, size))) })
  }

  /** Remembers the view and article to come back to on the next start. */
  remember(patch: Pick<Partial<Settings>, 'lastView' | 'lastArticleId'>): Promise<void> {
    return this.#set(patch)
  }

  async #set(patch: Partial<Settings>): Promise<void> {
    // Show the change at once; the stored answer follows.
    this.#settings = { ...this.#settings, ...patch }
    const result = await this.#api.settings.set(patch)
    if (result.ok) this.#settings = result.value
    else this.#error = result.error
  }
}
