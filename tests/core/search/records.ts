/**
 * Synthetic search records in English and Russian (written for these tests) and a fake library over them.
 */
import type { Article, ArticleFlag, ArticleListItem, LibraryChange } from '../../../electron/shared/models'
import type { Library } from '../../../electron/core/library/types'
import type { SearchRecord } from '../../../electron/core/search/record'

const DISCLAIMER =
  'We transmit this news automatically and translate it through programmatic technology, not from a human editor.'

/** A record with sensible defaults. */
export function record(id: string, title: string, text: string, extra: Partial<SearchRecord> = {}): SearchRecord {
  return {
    id,
    hash: `hash-${id}`,
    title,
    text,
    author: null,
    site: 'harbour-news.example',
    category: null,
    disclaimers: [],
    language: 'en',
    published: '2024-03-01T09:00:00Z',
    flags: [],
    collection: '',
    ...extra,
  }
}

/** A small mixed collection. */
export function sampleRecords(): SearchRecord[] {
  return [
    record(
      'en/port',
      'New river port opens downstream',
      'The new river port opened on Monday after three years of work. Barges carried grain to the port, ' +
        'and the mayor said the river port would bring jobs.\n\nTwo bridges upstream were closed for repairs.',
      { site: 'harbour-news.example', published: '2024-03-04T08:00:00Z', author: 'Ada Lane', category: 'Business' },
    ),
    record(
      'en/dredge',
      'Dredging begins at the old quay',
      'Engineers began dredging the port. The river was low, so the port river channel had to be deepened ' +
        'before any barge could pass. A bridge inspector watched from the bank.',
      { site: 'valley-times.example', published: '2023-11-20T10:00:00Z', flags: ['opinion'] },
    ),
    record(
      'en/election',
      'Council election turnout rises',
      'Turnout in the council election rose to sixty percent. Voters queued at the town hall, ' +
        'and the count finished after midnight. Observers praised the calm.',
      {
        site: 'valley-times.example',
        published: '2024-05-10T18:00:00Z',
        disclaimers: [DISCLAIMER],
        flags: ['machine-translated', 'auto-published'],
        collection: 'politics',
      },
    ),
    record(
      'en/cafe',
      'Café reopens on the Champs',
      'The café on the corner reopened with a new menu. Résumés piled up as the owner hired staff.',
      { site: 'harbour-news.example', published: null, collection: 'politics/local' },
    ),
    record(
      'ru/most',
      'Строительство моста завершено',
      'Строительство нового моста через реку завершено. Мост соединил два района города, ' +
        'и движение по нему откроют в субботу. Жители ждали этого моста десять лет.',
      {
        site: 'novosti.example',
        language: 'ru',
        published: '2024-04-02T07:00:00Z',
        disclaimers: ['Новость переведена автоматически, без участия редактора.'],
        flags: ['machine-translated'],
      },
    ),
    record(
      'ru/vybory',
      'Выборы в городской совет',
      'На выборах в городской совет проголосовали шестьдесят процентов жителей. Ёлки у входа украсили флагами.',
      { site: 'novosti.example', language: 'ru', published: '2023-09-15T12:00:00Z', collection: 'politics' },
    ),
  ]
}

/** Deterministic filler records for shard tests (repeats words so scores vary). */
export function fillerRecords(count: number, seed = 1): SearchRecord[] {
  const words = ['river', 'port', 'barge', 'grain', 'bridge', 'council', 'harbour', 'tide', 'crane', 'quay', 'ferry']
  const ru = ['мост', 'река', 'порт', 'город', 'совет', 'паром']
  let s = seed
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return s / 0x100000000
  }
  return Array.from({ length: count }, (_, i) => {
    const russian = i % 5 === 0
    const pool = russian ? ru : words
    const body = Array.from(
      { length: 20 + Math.floor(next() * 40) },
      () => pool[Math.floor(next() * pool.length)],
    ).join(' ')
    const title = Array.from({ length: 3 }, () => pool[Math.floor(next() * pool.length)]).join(' ')
    return record(`filler/${i}`, title, body, {
      language: russian ? 'ru' : 'en',
      site: `site-${i % 3}.example`,
      published: `202${i % 4}-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`,
    })
  })
}

/** An in-memory library over records, with `change()` to simulate files appearing, changing and going. */
export class FakeLibrary implements Library {
  readonly root: string
  #records = new Map<string, SearchRecord>()
  #state = new Map<string, { read: boolean; starred: boolean }>()
  #listeners = new Set<(change: LibraryChange) => void>()
  gets = 0

  constructor(root: string, records: SearchRecord[]) {
    this.root = root
    for (const r of records) this.#records.set(r.id, r)
  }

  #article(r: SearchRecord): Article {
    return {
      ...r,
      path: `${r.id}.txt`,
      url: null,
      sourceUrl: null,
      capturedAt: null,
      importedFrom: null,
      edited: [],
      html: null,
      wordCount: r.text.split(/\s+/).length,
      importedAt: '2024-06-01T00:00:00Z',
    }
  }

  info() {
    return { root: this.root, articleCount: this.#records.size, collections: [], notices: [] }
  }
  list(): ArticleListItem[] {
    return [...this.#records.values()].map((r) => {
      const { text: _t, html: _h, ...summary } = this.#article(r)
      return { ...summary, ...this.state(r.id) }
    })
  }
  async get(id: string) {
    this.gets++
    const r = this.#records.get(id)
    return r ? this.#article(r) : undefined
  }
  async *articles() {
    for (const r of this.#records.values()) yield this.#article(r)
  }
  async getMany(ids: readonly string[]) {
    this.gets += ids.length
    return ids.flatMap((id) => {
      const r = this.#records.get(id)
      return r ? [this.#article(r)] : []
    })
  }
  async edit() {
    return undefined
  }
  async trash() {
    return undefined
  }
  async restore() {
    return false
  }
  async flushTrash() {}
  onScanProgress() {
    return () => {}
  }
  pathOf(id: string) {
    return this.#records.has(id) ? `${this.root}/${id}.txt` : undefined
  }
  state(id: string) {
    return this.#state.get(id) ?? { read: false, starred: false }
  }
  async setState(id: string, patch: Partial<{ read: boolean; starred: boolean }>) {
    const next = { ...this.state(id), ...patch }
    this.#state.set(id, next)
    return next
  }
  async import() {
    return []
  }
  onChange(listener: (change: LibraryChange) => void) {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
  async rescan() {
    return { added: [], updated: [], removed: [] }
  }
  async close() {}

  /** Adds or replaces records and removes ids, then tells the listeners, as a watched folder would. */
  change(upserts: SearchRecord[], removals: string[] = []): void {
    const change: LibraryChange = { added: [], updated: [], removed: [] }
    for (const r of upserts) {
      ;(this.#records.has(r.id) ? change.updated : change.added).push(r.id)
      this.#records.set(r.id, r)
    }
    for (const id of removals) if (this.#records.delete(id)) change.removed.push(id)
    for (const l of this.#listeners) l(change)
  }

  /** Changes records without telling anyone (as if edited while the app was closed). */
  silently(upserts: SearchRecord[], removals: string[] = []): void {
    for (const r of upserts) this.#records.set(r.id, r)
    for (const id of removals) this.#records.delete(id)
  }
}

/** Flags as a typed array literal. */
export const flags = (...f: ArticleFlag[]): ArticleFlag[] => f
