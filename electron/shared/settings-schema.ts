/**
 * The one schema of the app's settings, per field, and of a change to them (main, the harness, the IPC contract).
 */
import { z } from 'zod'
import type { Settings } from './models'
import { FONT_SIZE_RANGE } from './settings'

/** One schema per settings field. */
export const settingsFieldSchemas = {
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  fontSize: z.number().int().min(FONT_SIZE_RANGE[0]).max(FONT_SIZE_RANGE[1]),
  lastView: z.enum(['list', 'search', 'settings']),
  lastArticleId: z.string().min(1).max(1024).nullable(),
  bannerMode: z.enum(['expanded', 'compact']),
  caretBrowsing: z.boolean(),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K]> }

/** A change to some settings, as the renderer sends it: known fields only. */
export const settingsPatchSchema = z.object(settingsFieldSchemas).partial().strict()
