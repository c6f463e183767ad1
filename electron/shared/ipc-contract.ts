/**
 * The one IPC contract: every channel, its arguments (as schemas) and its result.
 *
 * Main validates every argument against these schemas before a handler runs; the preload and
 * the loopback test transport use the same channel names and types. Channels are `domain:verb`.
 */
import { z } from 'zod'
import { ARTICLE_FLAGS } from './models'
import type {
  Article,
  ArticleEdits,
  EditableField,
  ArticleListRow,
  ArticleState,
  ImportProgress,
  ImportResult,
  IndexStatus,
  LibraryChange,
  LibraryInfo,
  SearchResponse,
  Settings,
} from './models'
import type { Result } from './result'
import type {
  ArticleDiff,
  SimilarAnswer,
  StoriesRequest,
  StoriesStatus,
  StoryCluster,
  Timeline,
  TimelineUnit,
} from './stories'
import {
  CITATION_FORMATS,
  EXPORT_FORMATS,
  type CitationFormat,
  type ExportProgress,
  type ExportRequest,
  type ExportSummary,
  type Highlight,
  type HighlightInput,
  type HighlightPatch,
  type SavedSearch,
  type SavedSearchMatches,
} from './workbench'
import { settingsPatchSchema } from './settings-schema'

const articleId = z.string().min(1).max(1024)

const flag = z.enum(ARTICLE_FLAGS)

/** A collection name: a relative folder path with forward slashes, no `..`, no hidden parts. */
const collection = z
  .string()
  .max(512)
  .refine(
    (s) =>
      s === '' || s.split('/').every((part) => part !== '' && part !== '..' && part !== '.' && !part.startsWith('.')),
    'a collection is a relative folder path without ".." or hidden parts',
  )

const bytesSourceSchema = z.object({
  kind: z.literal('bytes'),
  /** The file's name, or its path relative to a dropped folder (forward slashes). */
  name: z
    .string()
    .min(1)
    .max(1024)
    .refine((s) => !s.startsWith('/') && !s.split(/[\\/]/).includes('..'), 'a relative name without ".."'),
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'bytes must be a Uint8Array'),
})

/**
 * Where an import over IPC takes a file from: a one-time token for a file dropped on the window (the preload got
 * it for the file's path from main), or, in a plain browser, the dropped file's bytes. Never a path: a page could
 * name any file on the machine.
 */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dropped'), token: z.string().min(1).max(100) }),
  bytesSourceSchema,
])

/** One import source as the page sends it. */
export type ImportRequestSource = z.infer<typeof importSourceSchema>

/** A dropped file's bytes under its relative name. */
export type BytesSource = z.infer<typeof bytesSourceSchema>

/** Where the core's import takes a file from: a path main vouched for (dropped, picked, command line), or bytes. */
export type ImportSource = { kind: 'path'; path: string } | BytesSource

/**
 * Channels only the preload calls, never part of `window.broadsheet`; only Electron's main answers them.
 *
 * `import:register-drops` takes the paths Electron gave the preload for dropped files and answers one one-time token
 * per path, for `import:files`.
 */
export const preloadChannels = {
  'import:register-drops': z.tuple([z.array(z.string().min(1).max(4096)).min(1).max(100_000)]),
} as const

/** What each preload-only channel answers. */
export interface PreloadResults {
  'import:register-drops': Result<string[]>
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'an ISO date (YYYY-MM-DD)')

/** A user's corrections of one article (see ArticleEdits); a null clears the field. */
const articleEdits = z
  .object({
    title: z.string().max(1000).nullable(),
    site: z.string().max(500).nullable(),
    author: z.string().max(500).nullable(),
    category: z.string().max(500).nullable(),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'an ISO date')
      .nullable(),
  } satisfies Record<EditableField, z.ZodTypeAny>)
  .partial()
  .strict()

/** A search request as it arrives over IPC. */
export const searchRequestSchema = z.object({
  query: z.string().max(2000),
  collection: collection.optional(),
  site: z.string().max(500).optional(),
  language: z.string().max(10).optional(),
  flags: z.array(flag).max(10).optional(),
  notFlags: z.array(flag).max(10).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  starred: z.boolean().optional(),
  unread: z.boolean().optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  story: z.string().min(1).max(200).optional(),
  collapse: z.boolean().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
})

const storiesRequest = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    minSize: z.number().int().min(1).max(100_000).optional(),
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .strict()

const tag = z.string().min(1).max(100)
const highlightId = z.string().min(1).max(200)
const savedName = z.string().trim().min(1).max(200)

const highlightInput = z
  .object({
    range: z.tuple([z.number().int().min(0), z.number().int().min(1)]).refine(([a, b]) => b > a, 'an empty range'),
    note: z.string().max(20_000).optional(),
    tags: z.array(tag).max(50).optional(),
  })
  .strict()

const highlightPatch = z
  .object({ note: z.string().max(20_000).optional(), tags: z.array(tag).max(50).optional() })
  .strict()

const exportRequest = z
  .object({
    selection: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ids'), ids: z.array(articleId).min(1).max(1_000_000) }),
      z.object({ kind: z.literal('search'), request: searchRequestSchema }),
      z.object({ kind: z.literal('story'), story: z.string().min(1).max(200) }),
      z.object({ kind: z.literal('saved'), name: savedName }),
    ]),
    format: z.enum(EXPORT_FORMATS),
    zip: z.boolean(),
  })
  .strict()

const statePatch = z.object({ read: z.boolean().optional(), starred: z.boolean().optional() }).strict()

/** Argument schemas of every request/response channel. */
export const invokeChannels = {
  'library:info': z.tuple([]),
  'library:list': z.tuple([]),
  /** Shows the system folder picker and switches to the chosen library (null: cancelled). */
  'library:choose': z.tuple([]),
  /** Opens the library folder in the system file manager. */
  'library:reveal': z.tuple([]),
  'article:get': z.tuple([articleId]),
  'article:set-state': z.tuple([articleId, statePatch]),
  /** Shows the article's file in its folder. */
  'article:reveal': z.tuple([articleId]),
  /** Moves the article's file to the library's trash after the user confirms (the system trash at quit). */
  'article:trash': z.tuple([articleId]),
  /** Brings back a file article:trash moved, by its token. */
  'article:restore': z.tuple([z.string().regex(/^[\w-]{1,100}$/)]),
  /** Corrects an article's title, site, author, date or category (kept in the library's state, not the file). */
  'article:edit': z.tuple([articleId, articleEdits]),
  /** Opens the article's original URL in the system browser (http/https only). */
  'article:open-original': z.tuple([articleId]),
  /** Opens a link of the article's HTML in the system browser: http(s), and only an address the article holds. */
  'article:open-link': z.tuple([articleId, z.string().min(1).max(4096)]),
  'import:files': z.tuple([z.array(importSourceSchema).min(1).max(100_000), collection.optional()]),
  /** Shows the system file dialog and imports what the user picks (null: cancelled). */
  'import:dialog': z.tuple([collection.optional()]),
  'search:query': z.tuple([searchRequestSchema]),
  /** Hits of a search over time, per site, in bins of a day, week or month. */
  'search:timeline': z.tuple([searchRequestSchema, z.enum(['day', 'week', 'month'])]),
  /** An article's copies, versions and story cluster. */
  'article:similar': z.tuple([articleId]),
  /** A word diff of two articles, with their metadata changes and each side's disclaimers. */
  'article:diff': z.tuple([articleId, articleId]),
  /** A citation of the article in one format (with the sha256 of its offline copy). */
  'article:cite': z.tuple([articleId, z.enum(CITATION_FORMATS)]),
  /** Same-story clusters across sites, biggest and newest first. */
  'stories:list': z.tuple([storiesRequest]),
  /** Highlights of one article, or of the whole library (null). */
  'highlights:list': z.tuple([articleId.nullable()]),
  'highlights:add': z.tuple([articleId, highlightInput]),
  'highlights:update': z.tuple([highlightId, highlightPatch]),
  'highlights:remove': z.tuple([highlightId]),
  /** Saved searches with their counts of matches and of new matches. */
  'saved:list': z.tuple([]),
  /** Saves (or replaces) a search under a name. */
  'saved:add': z.tuple([savedName, searchRequestSchema]),
  /** Opens a saved search: its matches, new ones first; marks them seen. */
  'saved:open': z.tuple([savedName]),
  'saved:remove': z.tuple([savedName]),
  /** Asks for a destination with the system folder picker and exports there (null: cancelled). */
  'export:run': z.tuple([exportRequest]),
  'settings:get': z.tuple([]),
  'settings:set': z.tuple([settingsPatchSchema]),
} as const

/** Every request/response channel name. */
export type InvokeChannel = keyof typeof invokeChannels

/** The argument tuple of a channel. */
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]>

/** What each channel answers. */
export interface InvokeResults {
  'library:info': Result<LibraryInfo>
  'library:list': Result<ArticleListRow[]>
  'library:choose': Result<LibraryInfo | null>
  'library:reveal': Result<null>
  'article:get': Result<Article & ArticleState>
  'article:set-state': Result<ArticleState>
  'article:reveal': Result<null>
  /** false: the user said no; otherwise the undo token and how many articles the moved file held. */
  'article:trash': Result<{ token: string; articles: number } | false>
  'article:restore': Result<boolean>
  'article:edit': Result<Article & ArticleState>
  'article:open-original': Result<null>
  'article:open-link': Result<null>
  'import:files': Result<ImportResult[]>
  'import:dialog': Result<ImportResult[] | null>
  'search:query': Result<SearchResponse>
  'search:timeline': Result<Timeline>
  'article:similar': Result<SimilarAnswer>
  'article:diff': Result<ArticleDiff>
  'article:cite': Result<string>
  'stories:list': Result<StoryCluster[]>
  'highlights:list': Result<Highlight[]>
  'highlights:add': Result<Highlight>
  'highlights:update': Result<Highlight>
  'highlights:remove': Result<boolean>
  'saved:list': Result<SavedSearch[]>
  'saved:add': Result<SavedSearch>
  'saved:open': Result<SavedSearchMatches>
  'saved:remove': Result<boolean>
  'export:run': Result<ExportSummary | null>
  'settings:get': Result<Settings>
  'settings:set': Result<Settings>
}

/** A command from the native menu that the renderer carries out. */
export type AppCommand =
  'import' | 'search' | 'query-help' | 'settings' | 'theme:light' | 'theme:dark' | 'theme:sepia' | 'theme:system'

/** Events from main to the renderer, with their payloads. */
export interface EventPayloads {
  'library:changed': LibraryChange
  'import:progress': ImportProgress
  'index:status': IndexStatus
  'app:command': AppCommand
  'export:progress': ExportProgress
  'stories:changed': StoriesStatus
}

/** Every event channel name. */
export type EventChannel = keyof EventPayloads

/** Every event channel, for code that must list them. */
export const eventChannels: readonly EventChannel[] = [
  'library:changed',
  'import:progress',
  'index:status',
  'app:command',
  'export:progress',
  'stories:changed',
]

/** Stops a subscription. */
export type Unsubscribe = () => void

/** A file the user dropped, with its path relative to the dropped folder ('' parts for a plain file). */
export interface DroppedFile {
  file: File
  /** e.g. `notes/a.txt` for a file inside a dropped folder `notes`; the bare name for a dropped file. */
  relativePath: string
}

/**
 * The API the renderer sees as `window.broadsheet`: named domain functions, never raw IPC.
 *
 * The Electron preload and the browser test bridge both implement it; the renderer cannot tell them apart.
 */
export interface BroadsheetApi {
  library: {
    info(): Promise<InvokeResults['library:info']>
    list(): Promise<InvokeResults['library:list']>
    choose(): Promise<InvokeResults['library:choose']>
    reveal(): Promise<InvokeResults['library:reveal']>
    onChanged(listener: (change: LibraryChange) => void): Unsubscribe
  }
  articles: {
    get(id: string): Promise<InvokeResults['article:get']>
    setState(id: string, patch: Partial<ArticleState>): Promise<InvokeResults['article:set-state']>
    reveal(id: string): Promise<InvokeResults['article:reveal']>
    trash(id: string): Promise<InvokeResults['article:trash']>
    /** Undoes article:trash with its token. */
    restore(token: string): Promise<InvokeResults['article:restore']>
    /** Corrects fields of an article; a null value clears one. */
    edit(id: string, edits: ArticleEdits): Promise<InvokeResults['article:edit']>
    openOriginal(id: string): Promise<InvokeResults['article:open-original']>
    /** Opens one of the article's own links in the system browser (main checks the article holds it). */
    openLink(id: string, href: string): Promise<InvokeResults['article:open-link']>
  }
  imports: {
    /** Imports dropped files: by one-time drop token in Electron, by bytes in a plain browser. */
    dropped(files: DroppedFile[], into?: string): Promise<InvokeResults['import:files']>
    dialog(into?: string): Promise<InvokeResults['import:dialog']>
    onProgress(listener: (progress: ImportProgress) => void): Unsubscribe
  }
  search: {
    query(request: z.infer<typeof searchRequestSchema>): Promise<InvokeResults['search:query']>
    timeline(request: z.infer<typeof searchRequestSchema>, by: TimelineUnit): Promise<InvokeResults['search:timeline']>
    onIndexStatus(listener: (status: IndexStatus) => void): Unsubscribe
  }
  stories: {
    list(request: StoriesRequest): Promise<InvokeResults['stories:list']>
    similar(id: string): Promise<InvokeResults['article:similar']>
    diff(left: string, right: string): Promise<InvokeResults['article:diff']>
    /** A grouping pass started or ended (after an import, a removal or the library's opening). */
    onChanged(listener: (status: StoriesStatus) => void): Unsubscribe
  }
  highlights: {
    /** One article's highlights, or every highlight of the library (no id). */
    list(articleId?: string): Promise<InvokeResults['highlights:list']>
    add(articleId: string, input: HighlightInput): Promise<InvokeResults['highlights:add']>
    update(id: string, patch: HighlightPatch): Promise<InvokeResults['highlights:update']>
    remove(id: string): Promise<InvokeResults['highlights:remove']>
  }
  saved: {
    list(): Promise<InvokeResults['saved:list']>
    add(name: string, request: z.infer<typeof searchRequestSchema>): Promise<InvokeResults['saved:add']>
    open(name: string): Promise<InvokeResults['saved:open']>
    remove(name: string): Promise<InvokeResults['saved:remove']>
  }
  evidence: {
    cite(id: string, format: CitationFormat): Promise<InvokeResults['article:cite']>
    /** Asks where (system folder picker) and exports; null when the user cancelled. */
    export(request: ExportRequest): Promise<InvokeResults['export:run']>
    onExportProgress(listener: (progress: ExportProgress) => void): Unsubscribe
  }
  settings: {
    get(): Promise<InvokeResults['settings:get']>
    set(patch: z.infer<typeof settingsPatchSchema>): Promise<InvokeResults['settings:set']>
  }
  app: {
    onCommand(listener: (command: AppCommand) => void): Unsubscribe
  }
}
