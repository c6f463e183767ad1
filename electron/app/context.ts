/**
 * The application both shells run: the IPC handlers over one library session.
 *
 * Electron's main and the browser harness differ only in their shell services (dialogs, the system browser, the
 * trash), their settings file and their transport; everything the handlers reach goes through here.
 */
import type { Settings } from '../shared/models'
import { DEFAULT_SETTINGS } from '../shared/settings'
import { settingsFieldSchemas } from '../shared/settings-schema'
import { createHandlers, type Handlers, type SettingsStore, type ShellServices } from '../main/ipc/handlers'
import type { DropTokens } from './drops'
import type { LibrarySession } from './library-session'

/** What a shell brings to the application. */
export interface AppParts {
  session: LibrarySession
  shell: ShellServices
  settings: SettingsStore
  /** Dropped files' paths by token (Electron only: a browser sends bytes). */
  drops?: DropTokens
}

/** The handlers of every IPC channel over a shell's parts. */
export function createAppHandlers({ session, shell, settings, drops }: AppParts): Handlers {
  return createHandlers({
    library: () => session.library(),
    search: () => session.search(),
    stories: () => session.stories(),
    workbench: () => session.workbench(),
    switchLibrary: (root) => session.switchTo(root),
    shell,
    settings,
    drops,
    onImportProgress: (progress) => session.importProgress(progress),
    onExportProgress: (progress) => session.exportProgress(progress),
  })
}

/** Settings kept in memory for one run (the harness): the same defaults and checks as the desktop app's file. */
export function memorySettingsStore(): SettingsStore {
  let settings: Settings = { ...DEFAULT_SETTINGS }
  return {
    get: () => ({ ...settings }),
    set: async (patch) => {
      const next = { ...settings }
      for (const key of Object.keys(settingsFieldSchemas) as (keyof Settings)[]) {
        if (!(key in patch)) continue
        const parsed = settingsFieldSchemas[key].safeParse(patch[key])
        if (!parsed.success) throw new Error(`settings: invalid value for "${key}"`)
        ;(next as Record<string, unknown>)[key] = parsed.data
      }
      settings = next
      return { ...settings }
    },
  }
}
