/**
 * A fake BroadsheetApi for renderer tests: canned answers, recorded calls, events fired by hand.
 */
import { vi } from 'vitest'
import type { BroadsheetApi, EventChannel, EventPayloads } from '../../electron/shared/ipc-contract'
import {
  toListRow,
  type Article,
  type ArticleListRow,
  type ArticleState,
  type SearchResponse,
  type Settings,
} from '../../electron/shared/models'
import { ok } from '../../electron/shared/result'
import { DEFAULT_SETTINGS } from '../../electron/shared/settings'
import type { DiffSide } from '../../electron/shared/stories'

/** A whole article with sensible defaults. */
export function article(over: Partial<Article & ArticleState> = {}): Article & ArticleState {
  const id = over.id ?? 'a1'
  return {
    id,
    path: `${id}.txt`,
    collection: '',
    title: `Title ${id}`,
    author: null,
    site: 'example.org',
    url: 'https://example.org/a',
    published: '2024-03-05T10:00:00Z',
    language: 'en',
    category: null,
    disclaimers: [],
    flags: [],
    wordCount: 100,
    importedAt: '2025-01-02T08:00:00Z',
    hash: 'ab'.repeat(32),
    sourceUrl: null,
    capturedAt: null,
    importedFrom: null,
    edited: [],
    read: false,
    starred: false,
    text: 'First paragraph.\n\nSecond paragraph.',
    html: null,
    ...over,
  }
}

/** A list row with sensible defaults (the row of the same article). */
export function item(over: Partial<Article & ArticleState> = {}): ArticleListRow {
  return toListRow(article(over))
}

/** An empty search response. */
export function response(over: Partial<SearchResponse> = {}): SearchResponse {
  return { total: 0, hits: [], facets: { site: {}, language: {}, flag: {}, year: {}, collection: {} }, ...over }
}

/** One side of a faked diff. */
function side(found: (Article & ArticleState) | undefined, id: string): DiffSide {
  return {
    id,
    title: found?.title ?? id,
    site: found?.site ?? null,
    published: found?.published ?? null,
    capturedAt: found?.capturedAt ?? null,
    disclaimers: found?.disclaimers ?? [],
    flags: found?.flags ?? [],
  }
}

/** The fake and a way to fire its events. */
export interface FakeApi {
  api: BroadsheetApi
  emit<C extends EventChannel>(channel: C, payload: EventPayloads[C]): void
  listenerCount(channel: EventChannel): number
}

/** Builds a fake API over a list of rows; every method is a vi.fn that tests may override. */
export function fakeApi(items: ArticleListRow[] = [], articles: Record<string, Article & ArticleState> = {}): FakeApi {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  const on =
    <C extends EventChannel>(channel: C) =>
    (listener: (payload: EventPayloads[C]) => void) => {
      const set = listeners.get(channel) ?? new Set()
      listeners.set(channel, set)
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    }
  let settings: Settings = { ...DEFAULT_SETTINGS, fontSize: 18 }
  const state = new Map<string, ArticleState>()
  const api: BroadsheetApi = {
    library: {
      info: vi.fn(async () => ok({ root: '/lib', articleCount: items.length, collections: [], notices: [] })),
      list: vi.fn(async () => ok(items)),
      choose: vi.fn(async () => ok(null)),
      reveal: vi.fn(async () => ok(null)),
      onChanged: on('library:changed'),
    },
    articles: {
      get: vi.fn(async (id: string) => {
        const found = articles[id]
        return found
          ? ok({ ...found, ...state.get(id) })
          : { ok: false as const, error: { code: 'not-found' as const, message: `No article ${id}` } }
      }),
      setState: vi.fn(async (id: string, patch: Partial<ArticleState>) => {
        const base = articles[id] ?? { read: false, starred: false }
        const next = { read: base.read, starred: base.starred, ...state.get(id), ...patch }
        state.set(id, next)
        return ok(next)
      }),
      reveal: vi.fn(async () => ok(null)),
      trash: vi.fn(async () => ok(false as const)),
      restore: vi.fn(async () => ok(false)),
      edit: vi.fn(async (id: string) => {
        const found = articles[id]
        return found
          ? ok({ ...found, ...state.get(id) })
          : { ok: false as const, error: { code: 'not-found' as const, message: `No article ${id}` } }
      }),
      openOriginal: vi.fn(async () => ok(null)),
      openLink: vi.fn(async () => ok(null)),
    },
    imports: {
      dropped: vi.fn(async () => ok([])),
      dialog: vi.fn(async () => ok(null)),
      onProgress: on('import:progress'),
    },
    search: {
      query: vi.fn(async () => ok(response())),
      timeline: vi.fn(async (_request, by) => ok({ by, bins: [], undated: 0, undatedByImport: [] })),
      onIndexStatus: on('index:status'),
    },
    stories: {
      list: vi.fn(async () => ok([])),
      similar: vi.fn(async () => ok({ duplicates: [], versions: [], story: null })),
      onChanged: on('stories:changed'),
      diff: vi.fn(async (left: string, right: string) =>
        ok({
          ops: [],
          fields: {},
          sides: [side(articles[left], left), side(articles[right], right)] as [DiffSide, DiffSide],
        }),
      ),
    },
    highlights: {
      list: vi.fn(async () => ok([])),
      add: vi.fn(async () => ({ ok: false as const, error: { code: 'internal' as const, message: 'not faked' } })),
      update: vi.fn(async () => ({ ok: false as const, error: { code: 'internal' as const, message: 'not faked' } })),
      remove: vi.fn(async () => ok(false)),
    },
    saved: {
      list: vi.fn(async () => ok([])),
      add: vi.fn(async () => ({ ok: false as const, error: { code: 'internal' as const, message: 'not faked' } })),
      open: vi.fn(async () => ({ ok: false as const, error: { code: 'not-found' as const, message: 'not faked' } })),
      remove: vi.fn(async () => ok(false)),
    },
    evidence: {
      cite: vi.fn(async () => ok('')),
      export: vi.fn(async () => ok(null)),
      onExportProgress: on('export:progress'),
    },
    settings: {
      get: vi.fn(async () => ok(settings)),
      set: vi.fn(async (patch) => {
        settings = { ...settings, ...patch }
        return ok(settings)
      }),
    },
    app: { onCommand: on('app:command') },
  }
  return {
    api,
    emit: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload as never)
    },
    listenerCount: (channel) => listeners.get(channel)?.size ?? 0,
  }
}
