/**
 * A recording fake of the handlers' `AppContext`: every method of the library, search index, shell and settings is
 * a `vi.fn`, so a test can check what reached the core (and that a refused request reached nothing).
 */
import { vi, type Mock } from 'vitest'
import type { Article, ArticleState, ImportResult, LibraryInfo, Settings } from '../../../electron/shared/models'
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
  }
  const settingsStore = {
    get: vi.fn(() => settings),
    set: vi.fn(async (patch: Partial<Settings>) => ({ ...settings, ...patch })),
  }
  const switchLibrary = vi.fn(async () => ok(info))
  const ctx: AppContext = {
    library: () => library,
    search: () => search,
    switchLibrary,
    shell,
    settings: settingsStore,
  }
  const mocks: Record<string, Mock> = { switchLibrary }
  for (const [group, object] of Object.entries({ library, search, shell, settings: settingsStore })) {
    for (const [name, value] of Object.entries(object)) {
      if (vi.isMockFunction(value)) mocks[`${group}.${name}`] = value
    }
  }
  /** The names of every mocked method that was called, e.g. `['library.get', 'shell.openExternal']`. */
  const calls = () =>
    Object.entries(mocks)
      .filter(([, mock]) => mock.mock.calls.length > 0)
      .map(([name]) => name)
  return { ctx, library, search, shell, settings: settingsStore, switchLibrary, calls }
}
