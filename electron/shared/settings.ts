/**
 * The app's settings: their one schema and their defaults, used by main, the browser harness, the renderer and tests.
 */
import { z } from 'zod'
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
})

/** One schema per settings field. */
export const settingsFieldSchemas = {
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  fontSize: z.number().int().min(FONT_SIZE_RANGE[0]).max(FONT_SIZE_RANGE[1]),
  lastView: z.enum(['list', 'search', 'settings']),
  lastArticleId: z.string().min(1).max(1024).nullable(),
  bannerMode: z.enum(['expanded', 'compact']),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> }

/** A change to some settings, as the renderer sends it: known fields only. */
export const settingsPatchSchema = z.object(settingsFieldSchemas).partial().strict()
