/**
 * The app's settings defaults and font size range, used by main, the browser harness, the renderer and tests.
 *
 * Plain data (no zod), so the renderer can take it; the schema built on it is in settings-schema.ts.
 */
import type { Settings } from './models'

/** The smallest and largest reading font size, in CSS pixels. */
export const FONT_SIZE_RANGE = [10, 40] as const

/** Settings on first run, and for any stored field that is missing or invalid. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  fontSize: 17,
  lastView: 'list',
  lastArticleId: null,
  bannerMode: 'expanded',
  caretBrowsing: false,
})
