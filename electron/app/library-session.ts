/**
 * The open library and its search index: first-run seeding, opening, switching, and forwarding their events.
 *
 * Shared by the Electron shell and the browser harness, so the end-to-end suite runs the real opening code.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { EventChannel, EventPayloads } from '../shared/ipc-contract'
import type { ImportProgress, ImportResult, LibraryInfo } from '../shared/models'
import type { ExportProgress } from '../shared/workbench'
import { err, ok, type Result } from '../shared/result'
import { log } from '../core/logger'
import type { Library, OpenLibraryOptions, ScanProgress } from '../core/library/types'
import type { SearchIndex } from '../core/search/types'
import type { OpenStories, Stories } from '../core/stories/types'
import type { OpenWorkbench, Workbench } from '../core/workbench/types'

/** What the session needs from the rest of the shell (the app passes the real core; tests pass fakes). */
export interface LibrarySessionDeps {
  openLibrary(root: string, options: OpenLibraryOptions): Promise<Library>
  openSearchIndex(library: Library): Promise<SearchIndex>
  /** Opens the library's stories (copies, versions, clusters); absent: the session has none. */
  openStories?: OpenStories
  /** Opens the library's workbench (highlights, saved searches, exports); absent: the session has none. */
  openWorkbench?: OpenWorkbench
  settings: { libraryRoot(): string | null; setLibraryRoot(root: string): Promise<void> }
  /** Where the first-run library goes: `<documents>/Broadsheet Library`. */
  defaultRoot: string
  /** The bundled sample articles copied into a new default library; null creates it empty (the harness). */
  sampleDir: string | null
  /** Sends an event to the renderer. */
  emit<C extends EventChannel>(channel: C, payload: EventPayloads[C]): void
  /** Tells the user something went wrong that they should know about (e.g. the last library is gone). */
  warn(message: string, detail: string): void
}

/** The current library and search index, and the ways to change them. */
export interface LibrarySession {
  library(): Library | null
  search(): SearchIndex | null
  stories(): Stories | null
  workbench(): Workbench | null
  /** Opens the last library, or on first run creates and seeds the default one. */
  start(): Promise<Result<LibraryInfo>>
  /** Opens another existing library folder and makes it current (the old one stays open if this fails). */
  switchTo(root: string): Promise<Result<LibraryInfo>>
  /** Imports files given on the command line, by `open-file` or by a drop on the dock icon. */
  importPaths(paths: string[]): Promise<Result<ImportResult[]>>
  /** Forwards an import's progress to the renderer. */
  importProgress(progress: ImportProgress): void
  /** Forwards an export's progress to the renderer. */
  exportProgress(progress: ExportProgress): void
  close(): Promise<void>
}

/**
 * Copies `from` into `to` file by file, never replacing a file that exists (written with the `wx` flag).
 *
 * Uses plain readdir/readFile so it also reads from inside the packaged app.asar.
 */
export async function copyTreeNoOverwrite(from: string, to: string): Promise<number> {
  let copied = 0
  await fs.mkdir(to, { recursive: true })
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) {
      copied += await copyTreeNoOverwrite(source, target)
    } else if (entry.isFile()) {
      try {
        await fs.writeFile(target, await fs.readFile(source), { flag: 'wx' })
        copied++
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
  }
  return copied
}

/**
 * Creates the default library at `root` from the sample articles, unless something already exists there.
 *
 * An existing folder is the user's: it is used as it is and nothing in it is touched.
 */
export async function seedDefaultLibrary(root: string, sampleDir: string | null): Promise<'seeded' | 'exists'> {
  try {
    await fs.lstat(root)
    return 'exists'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  if (sampleDir === null) {
    await fs.mkdir(root, { recursive: true })
    return 'seeded'
  }
  try {
    const copied = await copyTreeNoOverwrite(sampleDir, root)
    log.info(`library-session: created ${root} with ${copied} sample files`)
  } catch (error) {
    // A missing sample folder must not stop the first run: an empty library still works.
    log.error(`library-session: could not copy the sample library from ${sampleDir}`, error)
    await fs.mkdir(root, { recursive: true })
  }
  return 'seeded'
}

interface Opened {
  library: Library
  search: SearchIndex | null
  stories: Stories | null
  workbench: Workbench | null
}

/** The library's info with the workbench's notices (a damaged highlights file set aside) among its own. */
export function libraryInfo(library: Pick<Library, 'info'>, workbench: Pick<Workbench, 'notices'> | null): LibraryInfo {
  const info = library.info()
  const extra = workbench?.notices() ?? []
  return extra.length > 0 ? { ...info, notices: [...info.notices, ...extra] } : info
}

/** What the status line says while the library reads files in the background. */
const READING: Record<ScanProgress['phase'], string> = {
  scan: 'Reading new files',
  reparse: 'Reading files again for this version of Broadsheet',
  rebuild: 'Rebuilding stored articles from their files',
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Creates the session; nothing is opened until `start()`. */
export function createLibrarySession(deps: LibrarySessionDeps): LibrarySession {
  let current: Opened | null = null
  let unsubscribe: (() => void)[] = []
  // Opening and switching run one at a time, so two quick "Open Library…" never leave two libraries open.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => {})
    return run
  }

  const open = async (root: string, create: boolean): Promise<Result<Opened>> => {
    let library: Library
    try {
      // A big unseen folder fills the list as it is read, with its progress in the status line.
      library = await deps.openLibrary(root, { watch: true, create, scanInBackground: true })
    } catch (error) {
      log.error(`library-session: cannot open ${root}`, error)
      return err('library-unusable', `Cannot open the library at ${root}: ${message(error)}`)
    }
    let search: SearchIndex | null = null
    try {
      search = await deps.openSearchIndex(library)
    } catch (error) {
      // The library is still readable without search; say so in the status line.
      log.error(`library-session: cannot open the search index of ${root}`, error)
      deps.emit('index:status', {
        state: 'error',
        indexed: 0,
        total: 0,
        message: `Search is unavailable: ${message(error)}`,
      })
    }
    let stories: Stories | null = null
    let workbench: Workbench | null = null
    try {
      stories = deps.openStories ? await deps.openStories(library) : null
      search?.useStories(stories)
    } catch (error) {
      // Reading still works without stories; the story views say they are unavailable.
      log.error(`library-session: cannot open the stories of ${root}`, error)
    }
    try {
      workbench = search && deps.openWorkbench ? await deps.openWorkbench(library, search, stories) : null
    } catch (error) {
      log.error(`library-session: cannot open the workbench of ${root}`, error)
    }
    return ok({ library, search, stories, workbench })
  }

  const closeOpened = async (opened: Opened) => {
    const stops = [
      () => opened.workbench?.close(),
      () => opened.stories?.close(),
      () => opened.search?.close(),
      () => opened.library.close(),
    ]
    for (const stop of stops) {
      try {
        await stop()
      } catch (error) {
        log.error(`library-session: error while closing ${opened.library.root}`, error)
      }
    }
  }

  const makeCurrent = async (opened: Opened) => {
    for (const stop of unsubscribe) stop()
    const previous = current
    current = opened
    unsubscribe = [opened.library.onChange((change) => deps.emit('library:changed', change))]
    unsubscribe.push(
      opened.library.onScanProgress(({ phase, done, total }) => {
        if (done < total) deps.emit('index:status', { state: 'loading', indexed: done, total, message: READING[phase] })
        else if (opened.search) deps.emit('index:status', opened.search.status())
      }),
    )
    if (opened.stories) unsubscribe.push(opened.stories.onChanged((status) => deps.emit('stories:changed', status)))
    if (opened.search) {
      unsubscribe.push(opened.search.onStatus((status) => deps.emit('index:status', status)))
      deps.emit('index:status', opened.search.status())
    }
    if (previous) await closeOpened(previous)
  }

  const openDefault = async (): Promise<Result<Opened>> => {
    await seedDefaultLibrary(deps.defaultRoot, deps.sampleDir)
    return open(deps.defaultRoot, true)
  }

  return {
    library: () => current?.library ?? null,
    search: () => current?.search ?? null,
    stories: () => current?.stories ?? null,
    workbench: () => current?.workbench ?? null,

    start: () =>
      serial(async () => {
        const last = deps.settings.libraryRoot()
        if (last) {
          const opened = await open(last, false)
          if (opened.ok) {
            await makeCurrent(opened.value)
            return ok(libraryInfo(opened.value.library, opened.value.workbench))
          }
          deps.warn(
            'Your library could not be opened.',
            `${opened.error.message}\n\nBroadsheet opened the default library instead. Use File › Open Library… to go back to yours when it is available again.`,
          )
        }
        let opened: Result<Opened>
        try {
          opened = await openDefault()
        } catch (error) {
          log.error('library-session: cannot create the default library', error)
          return err('library-unusable', `Cannot create the library at ${deps.defaultRoot}: ${message(error)}`)
        }
        if (!opened.ok) return opened
        await makeCurrent(opened.value)
        // Only a first run remembers the default; a fallback keeps pointing at the user's own library.
        if (!last) await deps.settings.setLibraryRoot(deps.defaultRoot)
        return ok(libraryInfo(opened.value.library, opened.value.workbench))
      }),

    switchTo: (root) =>
      serial(async () => {
        const resolved = path.resolve(root)
        if (current && path.resolve(current.library.root) === resolved)
          return ok(libraryInfo(current.library, current.workbench))
        const opened = await open(resolved, false)
        if (!opened.ok) return opened
        await makeCurrent(opened.value)
        await deps.settings.setLibraryRoot(resolved)
        return ok(libraryInfo(opened.value.library, opened.value.workbench))
      }),

    async importPaths(paths) {
      const library = current?.library
      if (!library) return err('no-library', 'No library is open.')
      const results = await library.import(
        paths.map((p) => ({ kind: 'path' as const, path: p })),
        { onProgress: (progress) => deps.emit('import:progress', progress) },
      )
      return ok(results)
    },

    importProgress: (progress) => deps.emit('import:progress', progress),
    exportProgress: (progress) => deps.emit('export:progress', progress),

    close: () =>
      serial(async () => {
        for (const stop of unsubscribe) stop()
        unsubscribe = []
        if (current) await closeOpened(current)
        current = null
      }),
  }
}
