/**
 * The IPC handlers: one per channel of the contract, over the core.
 *
 * This module imports nothing from electron: the shell's own powers (dialogs, the system browser,
 * the trash) come in as `ShellServices`, so the loopback test transport runs the very same handlers.
 */
import type {
  ImportRequestSource,
  ImportSource,
  InvokeArgs,
  InvokeChannel,
  InvokeResults,
} from '../../shared/ipc-contract'
import {
  toListRow,
  type Article,
  type ImportProgress,
  type ImportResult,
  type LibraryInfo,
  type Settings,
} from '../../shared/models'
import { err, ok, type Result } from '../../shared/result'
import type { Library } from '../../core/library/types'
import type { SearchIndex } from '../../core/search/types'
import type { Stories } from '../../core/stories/types'
import type { Workbench } from '../../core/workbench/types'
import type { ExportProgress } from '../../shared/workbench'
import { refusalOf, type DropTokens } from '../../app/drops'
import { libraryInfo } from '../../app/library-session'

/** What only the desktop shell can do; the browser harness gives stand-ins. */
export interface ShellServices {
  /** Opens an http(s) URL in the system browser. */
  openExternal(url: string): Promise<void>
  showItemInFolder(path: string): void
  openPath(path: string): Promise<void>
  /** Asks the user to confirm moving a file to the trash. */
  confirmTrash(title: string): Promise<boolean>
  trashItem(path: string): Promise<void>
  /** System folder picker; null when cancelled. */
  chooseFolder(): Promise<string | null>
  /** System file picker for import (files and folders); null when cancelled. */
  chooseImportPaths(): Promise<string[] | null>
  /** System save picker for an export: a new folder's path (or a `.zip` file's with `zip`); null when cancelled. */
  chooseExportTarget(zip: boolean): Promise<string | null>
}

/** Remembered app settings. */
export interface SettingsStore {
  get(): Settings
  set(patch: Partial<Settings>): Promise<Settings>
}

/** Everything the handlers need. */
export interface AppContext {
  library(): Library | null
  search(): SearchIndex | null
  /** Copies, versions and stories of the open library (null: not open, or could not be opened). */
  stories(): Stories | null
  /** Highlights, saved searches, citations and exports of the open library. */
  workbench(): Workbench | null
  /** Opens another library folder and makes it current. */
  switchLibrary(root: string): Promise<Result<LibraryInfo>>
  shell: ShellServices
  settings: SettingsStore
  /** Receives the progress of imports started over IPC (the shell forwards it as `import:progress`). */
  onImportProgress?: (progress: ImportProgress) => void
  /** Receives the progress of exports started over IPC (the shell forwards it as `export:progress`). */
  onExportProgress?: (progress: ExportProgress) => void
  /** The paths of files dropped on the window, by one-time token (Electron only: a browser sends bytes). */
  drops?: DropTokens
}

/** A handler per channel, taking already-validated arguments. */
export type Handlers = { [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResults[C]> }

const noLibrary = () => err('no-library', 'No library is open.')
const noStories = () =>
  err('no-library', 'Stories are not available: no library is open, or its stories could not be read.')
const noWorkbench = () => err('no-library', 'No library is open.')
const unknownArticle = (id: string) => err('not-found', `No article with id "${id}" in this library.`)
/** A change the library could not save (a full or read-only disk): the user must know it is not kept. */
const writeFailed = (error: unknown) =>
  err('write-failed', error instanceof Error ? error.message : `the change could not be saved: ${String(error)}`)

/** Builds the handlers over a context. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    'library:info': async () => {
      const library = ctx.library()
      return library ? ok(libraryInfo(library, ctx.workbench())) : noLibrary()
    },
    'library:list': async () => {
      const library = ctx.library()
      return library ? ok(library.list().map(toListRow)) : noLibrary()
    },
    'library:choose': async () => {
      const folder = await ctx.shell.chooseFolder()
      if (folder === null) return ok(null)
      return ctx.switchLibrary(folder)
    },
    'library:reveal': async () => {
      const library = ctx.library()
      if (!library) return noLibrary()
      await ctx.shell.openPath(library.root)
      return ok(null)
    },
    'article:get': async (id) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      const article = await library.get(id)
      return article ? ok({ ...article, ...library.state(id) }) : unknownArticle(id)
    },
    'article:set-state': async (id, patch) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      if (!library.pathOf(id)) return unknownArticle(id)
      return library.setState(id, patch).then(ok, writeFailed)
    },
    'article:reveal': async (id) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      const file = library.pathOf(id)
      if (!file) return unknownArticle(id)
      ctx.shell.showItemInFolder(file)
      return ok(null)
    },
    'article:trash': async (id) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      const file = library.pathOf(id)
      const article = await library.get(id)
      if (!file || !article) return unknownArticle(id)
      if (!(await ctx.shell.confirmTrash(article.title))) return ok(false)
      // Held in the library's trash until quit, so the renderer can undo; the system trash gets it at quit.
      const held = await library.trash(id)
      return held ? ok(held) : unknownArticle(id)
    },
    'article:restore': async (token) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      return ok(await library.restore(token))
    },
    'article:edit': async (id, edits) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      let article
      try {
        article = await library.edit(id, edits)
      } catch (error) {
        return writeFailed(error)
      }
      return article ? ok({ ...article, ...library.state(id) }) : unknownArticle(id)
    },
    'article:open-original': async (id) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      const article = await library.get(id)
      if (!article) return unknownArticle(id)
      const url = safeWebUrl(article.url)
      if (!url) return err('not-allowed', 'This article has no http(s) address to open.')
      await ctx.shell.openExternal(url)
      return ok(null)
    },
    'article:open-link': async (id, href) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      const article = await library.get(id)
      if (!article) return unknownArticle(id)
      const url = safeWebUrl(href)
      if (!url || !articleLinks(article).has(url)) {
        return err('not-allowed', 'Only a web address that this article gives or links to can be opened.')
      }
      await ctx.shell.openExternal(url)
      return ok(null)
    },
    'import:files': async (sources, into) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      const { accepted, refused } = await vouchFor(sources, ctx.drops)
      const imported =
        accepted.length > 0 ? await library.import(accepted, { into, onProgress: ctx.onImportProgress }) : []
      return ok([...refused, ...imported])
    },
    'import:dialog': async (into) => {
      const library = ctx.library()
      if (!library) return noLibrary()
      const paths = await ctx.shell.chooseImportPaths()
      if (paths === null) return ok(null)
      const { accepted, refused } = await refuseHiddenOrSystem(paths)
      const imported =
        accepted.length > 0 ? await library.import(accepted, { into, onProgress: ctx.onImportProgress }) : []
      return ok([...refused, ...imported])
    },
    'search:query': async (request) => {
      const search = ctx.search()
      if (!search) return err('no-library', 'The search index is not open.')
      const answer = await search.search(request)
      const notes = answer.ok && request.query.trim() ? ctx.workbench()?.searchNotes(request.query) : undefined
      return notes && notes.length > 0 && answer.ok ? ok({ ...answer.value, notes }) : answer
    },
    'search:timeline': async (request, by) => {
      const search = ctx.search()
      const stories = ctx.stories()
      if (!search || !stories) return noStories()
      const ids = await search.matchingIds(request)
      return ids.ok ? ok(stories.timeline(ids.value, by)) : ids
    },
    'article:similar': async (id) => {
      const stories = ctx.stories()
      if (!stories) return noStories()
      const answer = await stories.similar(id)
      return answer ? ok(answer) : unknownArticle(id)
    },
    'article:diff': async (left, right) => {
      const stories = ctx.stories()
      if (!stories) return noStories()
      const answer = await stories.diff(left, right)
      return answer ? ok(answer) : err('not-found', `No article with id "${left}" or "${right}" in this library.`)
    },
    'article:cite': async (id, format) => {
      const workbench = ctx.workbench()
      return workbench ? workbench.cite(id, format) : noWorkbench()
    },
    'stories:list': async (request) => {
      const stories = ctx.stories()
      return stories ? ok(await stories.list(request)) : noStories()
    },
    'highlights:list': async (articleId) => {
      const workbench = ctx.workbench()
      return workbench ? ok(await workbench.highlights(articleId)) : noWorkbench()
    },
    'highlights:add': async (articleId, input) => {
      const workbench = ctx.workbench()
      return workbench ? workbench.addHighlight(articleId, input) : noWorkbench()
    },
    'highlights:update': async (id, patch) => {
      const workbench = ctx.workbench()
      return workbench ? workbench.updateHighlight(id, patch) : noWorkbench()
    },
    'highlights:remove': async (id) => {
      const workbench = ctx.workbench()
      return workbench ? ok(await workbench.removeHighlight(id)) : noWorkbench()
    },
    'saved:list': async () => {
      const workbench = ctx.workbench()
      return workbench ? ok(await workbench.savedSearches()) : noWorkbench()
    },
    'saved:add': async (name, request) => {
      const workbench = ctx.workbench()
      return workbench ? workbench.saveSearch(name, request) : noWorkbench()
    },
    'saved:open': async (name) => {
      const workbench = ctx.workbench()
      return workbench ? workbench.openSaved(name) : noWorkbench()
    },
    'saved:remove': async (name) => {
      const workbench = ctx.workbench()
      return workbench ? ok(await workbench.removeSaved(name)) : noWorkbench()
    },
    'export:run': async (request) => {
      const workbench = ctx.workbench()
      if (!workbench) return noWorkbench()
      const to = await ctx.shell.chooseExportTarget(request.zip)
      if (to === null) return ok(null)
      return workbench.export({ ...request, to, onProgress: ctx.onExportProgress })
    },
    'settings:get': async () => ok(ctx.settings.get()),
    'settings:set': async (patch) => ok(await ctx.settings.set(patch)),
  }
}

/** A result row for an input the import refused before reading it. */
const refusedResult = (file: string, error: string): ImportResult => ({
  file,
  status: 'failed',
  articles: [],
  error,
  warnings: [],
})

/** Paths as core import sources, less the hidden and system ones, which get a failed row each. */
async function refuseHiddenOrSystem(paths: string[]): Promise<{ accepted: ImportSource[]; refused: ImportResult[] }> {
  const accepted: ImportSource[] = []
  const refused: ImportResult[] = []
  const seen = new Map<string, string | null>()
  for (const file of paths) {
    const refusal = await refusalOf(file, seen)
    if (refusal) refused.push(refusedResult(file, refusal))
    else accepted.push({ kind: 'path', path: file })
  }
  return { accepted, refused }
}

/**
 * The page's sources as core sources: a drop token becomes the path the preload registered for it (once), bytes
 * stay bytes. An unknown or used token, or a hidden or system path, fails alone.
 */
async function vouchFor(
  sources: ImportRequestSource[],
  drops: DropTokens | undefined,
): Promise<{ accepted: ImportSource[]; refused: ImportResult[] }> {
  const accepted: ImportSource[] = []
  const refused: ImportResult[] = []
  const paths: string[] = []
  for (const source of sources) {
    if (source.kind === 'bytes') {
      accepted.push(source)
      continue
    }
    const file = drops?.take(source.token) ?? null
    if (file === null)
      refused.push(
        refusedResult(
          'dropped file',
          'This file was not dropped on Broadsheet, or was already imported from this drop.',
        ),
      )
    else paths.push(file)
  }
  const checked = await refuseHiddenOrSystem(paths)
  return { accepted: [...accepted, ...checked.accepted], refused: [...refused, ...checked.refused] }
}

/** The URL when it parses as http: or https:, else null. */
export function safeWebUrl(raw: string | null): string | null {
  if (!raw) return null
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'" }

/** The http(s) addresses an article gives (its URL, its capture address) or links to in its HTML, as `safeWebUrl` writes them. */
export function articleLinks(article: Pick<Article, 'html' | 'url' | 'sourceUrl'>): Set<string> {
  const links = new Set<string>()
  for (const own of [article.url, article.sourceUrl]) {
    const url = safeWebUrl(own)
    if (url) links.add(url)
  }
  for (const [, raw = ''] of (article.html ?? '').matchAll(/<a\b[^>]*?\shref="([^"]*)"/gi)) {
    const url = safeWebUrl(raw.replace(/&(amp|quot|apos|lt|gt|#39);/g, (_, name: string) => ENTITIES[name] ?? ''))
    if (url) links.add(url)
  }
  return links
}
