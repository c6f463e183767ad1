/**
 * The shell's remembered state in `userData/settings.json`: settings, window bounds and the last library.
 *
 * Writes are atomic (temp file, fsync, rename) and queued; a corrupt file is moved aside and defaults are used,
 * so a bad file never stops the app from starting.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Settings } from '../shared/models'
import { DEFAULT_SETTINGS } from '../shared/settings'
import { settingsFieldSchemas } from '../shared/settings-schema'
import { log } from '../core/logger'
import { writeFileAtomic } from '../core/library/atomic'
import type { SettingsStore } from './ipc/handlers'

/** A window's size and position. */
export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
}

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
  maximized: z.boolean(),
})

interface StoredState {
  settings: Settings
  window: WindowBounds | null
  libraryRoot: string | null
}

/** The settings store of the shell: the handlers' `SettingsStore` plus window bounds and the last library. */
export interface ShellSettingsStore extends SettingsStore {
  windowBounds(): WindowBounds | null
  setWindowBounds(bounds: WindowBounds): Promise<void>
  /** The library opened last, or null on first run. */
  libraryRoot(): string | null
  setLibraryRoot(root: string): Promise<void>
  /** Resolves when every queued write is on disk. */
  flush(): Promise<void>
}

/** Keeps each field that is valid and falls back to the default for the rest. */
function fromJson(raw: unknown): StoredState {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  const storedSettings =
    typeof record.settings === 'object' && record.settings !== null ? (record.settings as Record<string, unknown>) : {}
  const settings = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(settingsFieldSchemas) as (keyof Settings)[]) {
    const parsed = settingsFieldSchemas[key].safeParse(storedSettings[key])
    if (parsed.success) (settings as Record<string, unknown>)[key] = parsed.data
  }
  const bounds = boundsSchema.safeParse(record.window)
  const root = z.string().min(1).max(4096).safeParse(record.libraryRoot)
  return {
    settings,
    window: bounds.success ? bounds.data : null,
    libraryRoot: root.success && path.isAbsolute(root.data) ? root.data : null,
  }
}

/** Reads the file; a file that is not JSON is renamed to `settings.json.corrupt-<time>` and defaults are used. */
function load(file: string): StoredState {
  if (!existsSync(file)) return fromJson({})
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    log.error(`settings: cannot read ${file}; using defaults`, error)
    return fromJson({})
  }
  try {
    return fromJson(JSON.parse(text))
  } catch {
    const aside = `${file}.corrupt-${Date.now()}`
    try {
      renameSync(file, aside)
      log.warn(`settings: ${file} was not valid JSON; moved it to ${aside} and used defaults`)
    } catch (error) {
      log.error(`settings: ${file} was not valid JSON and could not be moved aside`, error)
    }
    return fromJson({})
  }
}

/** Opens the store kept in `file` (usually `app.getPath('userData')/settings.json`). */
export function openSettingsStore(file: string): ShellSettingsStore {
  let state = load(file)
  let queue: Promise<void> = Promise.resolve()

  const save = (): Promise<void> => {
    const text = `${JSON.stringify(state, null, 2)}\n`
    // Chain writes so an older snapshot never lands after a newer one.
    queue = queue.then(() =>
      writeFileAtomic(file, text, path.dirname(file)).catch((error: unknown) =>
        log.error(`settings: cannot write ${file}`, error),
      ),
    )
    return queue
  }

  return {
    get: () => ({ ...state.settings }),
    async set(patch) {
      const next = { ...state.settings }
      for (const key of Object.keys(settingsFieldSchemas) as (keyof Settings)[]) {
        if (!(key in patch)) continue
        const parsed = settingsFieldSchemas[key].safeParse(patch[key])
        if (!parsed.success) throw new Error(`settings-store: invalid value for "${key}"`)
        ;(next as Record<string, unknown>)[key] = parsed.data
      }
      state = { ...state, settings: next }
      await save()
      return { ...next }
    },
    windowBounds: () => (state.window ? { ...state.window } : null),
    async setWindowBounds(bounds) {
      const parsed = boundsSchema.safeParse(bounds)
      if (!parsed.success) return
      state = { ...state, window: parsed.data }
      await save()
    },
    libraryRoot: () => state.libraryRoot,
    async setLibraryRoot(root) {
      state = { ...state, libraryRoot: path.resolve(root) }
      await save()
    },
    flush: () => queue,
  }
}
