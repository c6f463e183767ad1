/**
 * A recording fake of the handlers' `AppContext`: every method of the library, search index, shell and settings is
 * a `vi.fn`, so a test can check what reached the core (and that a refused request reached nothing).
 */
import { vi, type Mock } from 'vitest'
import type {
  Article,
  ArticleState,
  ImportResult,
  LibraryInfo,
  LibraryNotice,
  NoteHit,
  Settings,
} from '../../../electron/shared/models'
import type { ArticleDiff, DiffSide, SimilarAnswer, StoryCluster, TimelineUnit } from '../../../electron/shared/stories'
import type { Highlight, SavedSearch } from '../../../electron/shared/workbench'
import type { ImportSource } from '../../../electron/shared/ipc-contract'
import type { ImportOptions } from '../../../electron/core/library/types'
import { ok } from '../../../electron/shared/result'
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings'
import type { AppContext } from '../../../electron/main/ipc/handlers'

/** An article the fake library holds. */
export function fakeArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'world/port.txt',
    path: 'world/port.txt',
    collection: 'world',
    title: 'Port expansion approved',
    author: null,
    site: 'example.org',
    url: 'https://example.org/port',
    published: '2024-03-01',
    sourceUrl: null,
    capturedAt: null,
    language: 'en',
    category: null,
    text: 'The council approved the expansion.',
    html: null,
    disclaimers: [],
    flags: [],
    wordCount: 5,
    importedAt: '2024-03-02T00:00:00.000Z',
    hash: 'abc',
    importedFrom: null,
    edited: [],
    ...overrides,
  }
}

/** A fake context over one article; `calls()` lists every core, shell and settings call made. */
export function fakeContext(article: Article = fakeArticle()) {
  const info: LibraryInfo = { root: '/library', articleCount: 1, collections: ['world'], notices: [] }
  const state: ArticleState = { read: false, starred: false }
  const settings: Settings = { ...DEFAULT_SETTINGS }
  const library = {
    root: '/library',
    info: vi.fn(() => info),
    list: vi.fn(() => []),
    get: vi.fn(async (id: string) => (id === article.id ? article : undefined)),
    getMany: vi.fn(async (ids: readonly string[]) => (ids.includes(article.id) ? [article] : [])),
    edit: vi.fn(async (id: string): Promise<Article | undefined> => (id === article.id ? article : undefined)),
    trash: vi.fn(async (id: string) => (id === article.id ? { token: 'held-1', articles: 1 } : undefined)),
    restore: vi.fn(async (token: string) => token === 'held-1'),
    flushTrash: vi.fn(async () => {}),
    onScanProgress: vi.fn(() => () => {}),
    articles: vi.fn(),
    pathOf: vi.fn((id: string) => (id === article.id ? `/library/${article.path}` : undefined)),
    state: vi.fn(() => state),
    setState: vi.fn(async (_id: string, patch: Partial<ArticleState>) => ({ ...state, ...patch })),
    import: vi.fn(async (_sources: ImportSource[], _options?: ImportOptions): Promise<ImportResult[]> => []),
    onChange: vi.fn(() => () => {}),
    rescan: vi.fn(async () => ({ added: [], updated: [], removed: [] })),
    close: vi.fn(async () => {}),
  }
  const search = {
    search: vi.fn(async () =>
      ok({ total: 0, hits: [], facets: { site: {}, language: {}, flag: {}, year: {}, collection: {} } }),
    ),
    status: vi.fn(() => ({ state: 'ready' as const, indexed: 1, total: 1 })),
    onStatus: vi.fn(() => () => {}),
    ready: vi.fn(async () => {}),
    rebuild: vi.fn(async () => {}),
    matchingIds: vi.fn(async () => ok([] as string[])),
    useStories: vi.fn(),
    close: vi.fn(async () => {}),
  }
  const shell = {
    openExternal: vi.fn(async () => {}),
    showItemInFolder: vi.fn(),
    openPath: vi.fn(async () => {}),
    confirmTrash: vi.fn(async () => true),
    trashItem: vi.fn(async () => {}),
    chooseFolder: vi.fn(async (): Promise<string | null> => '/other-library'),
    chooseImportPaths: vi.fn(async (): Promise<string[] | null> => ['/downloads/a.txt']),
    chooseExportTarget: vi.fn(async (): Promise<string | null> => '/exports/evidence'),
  }
  const settingsStore = {
    get: vi.fn(() => settings),
    set: vi.fn(async (patch: Partial<Settings>) => ({ ...settings, ...patch })),
  }
  const switchLibrary = vi.fn(async () => ok(info))
  const highlight: Highlight = {
    id: 'urn:uuid:1',
    articleId: 'world/port.txt',
    quote: 'The harbour',
    prefix: '',
    suffix: ' reopened',
    range: [0, 11],
    status: 'exact',
    note: '',
    tags: [],
    created: '2024-05-01T00:00:00.000Z',
    modified: '2024-05-01T00:00:00.000Z',
  }
  const saved: SavedSearch = {
    name: 'Harbour',
    request: { query: 'harbour' },
    created: '2024-05-01T00:00:00.000Z',
    total: 0,
    newCount: 0,
  }
  const side: DiffSide = {
    id: 'world/port.txt',
    title: 'Port',
    site: null,
    published: null,
    capturedAt: null,
    disclaimers: [],
    flags: [],
  }
  const stories = {
    ready: vi.fn(async () => {}),
    similar: vi.fn(async (): Promise<SimilarAnswer | undefined> => ({ duplicates: [], versions: [], story: null })),
    diff: vi.fn(async (): Promise<ArticleDiff | undefined> => ({ ops: [], fields: {}, sides: [side, side] })),
    list: vi.fn(async (): Promise<StoryCluster[]> => []),
    timeline: vi.fn((_ids: readonly string[] | null, by: TimelineUnit) => ({
      by,
      bins: [],
      undated: 0,
      undatedByImport: [],
    })),
    members: vi.fn((): readonly string[] | undefined => undefined),
    collapseKeyOf: vi.fn((id: string) => id),
    onChanged: vi.fn((): (() => void) => () => {}),
    close: vi.fn(async () => {}),
  }
  const workbench = {
    highlights: vi.fn(async (): Promise<Highlight[]> => []),
    addHighlight: vi.fn(async () => ok(highlight)),
    updateHighlight: vi.fn(async () => ok(highlight)),
    removeHighlight: vi.fn(async () => true),
    searchNotes: vi.fn((): NoteHit[] => []),
    savedSearches: vi.fn(async (): Promise<SavedSearch[]> => []),
    saveSearch: vi.fn(async () => ok(saved)),
    openSaved: vi.fn(async () => ok({ saved, newIds: [], ids: [] })),
    removeSaved: vi.fn(async () => true),
    cite: vi.fn(async () => ok('@article{port}')),
    export: vi.fn(async () => ok({ path: '/exports/evidence', articles: 1, files: 5, bytes: 100 })),
    notices: vi.fn((): LibraryNotice[] => []),
    close: vi.fn(async () => {}),
  }
  const ctx: AppContext = {
    library: () => library,
    search: () => search,
    stories: () => stories,
    workbench: () => workbench,
    switchLibrary,
    shell,
    settings: settingsStore,
  }
  const mocks: Record<string, Mock> = { switchLibrary }
  for (const [group, object] of Object.entries({
    library,
    search,
    shell,
    settings: settingsStore,
    stories,
    workbench,
  })) {
    for (const [name, value] of Object.entries(object)) {
      if (vi.isMockFunction(value)) mocks[`${group}.${name}`] = value
    }
  }
  /** The names of every mocked method that was called, e.g. `['library.get', 'shell.openExternal']`. */
  const calls = () =>
    Object.entries(mocks)
      .filter(([, mock]) => mock.mock.calls.length > 0)
      .map(([name]) => name)
  return { ctx, library, search, shell, settings: settingsStore, stories, workbench, switchLibrary, calls }
}
