/**
 * Highlights kept as W3C Web Annotations in `<library>/.broadsheet/annotations.jsonl`, one per line, and found
 * again in an article's current text on every read: by position, then by quote (prefix and suffix choose among
 * repeats), then fuzzily (approx-string-match with a bounded number of errors). One that cannot be found is kept
 * and reported as orphaned, never dropped. The file is written whole and atomically, one write at a time; a file
 * with unreadable lines is set aside under a timestamped name and its readable lines load.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { CONTEXT_CHARS, contextScore, occurrences } from '../../shared/anchoring'
import type { TextRange } from '../../shared/models'
import type { AnchorStatus, Highlight } from '../../shared/workbench'
import { writeFileAtomic } from '../library/atomic'
import { log } from '../logger'

/** The Web Annotation JSON-LD context every stored annotation names. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** The annotations file's name inside `.broadsheet/`. */
export const ANNOTATIONS_FILE = 'annotations.jsonl'

/** A highlight as stored: what was quoted and where, before it is anchored to an article's current text. */
export interface StoredHighlight {
  id: string
  articleId: string
  quote: string
  prefix: string
  suffix: string
  /** The TextPositionSelector: where the quote lay in the text it was made on. */
  start: number
  end: number
  note: string
  tags: string[]
  created: string
  modified: string
  /** Articles (later imports of the same file) this highlight was already copied to, so it is copied once. */
  carriedTo?: string[]
}

/** A body of a Web Annotation: the note (commenting) or one tag (tagging). */
interface TextualBody {
  type: 'TextualBody'
  value: string
  purpose: 'commenting' | 'tagging'
  format?: 'text/plain'
}

/** One highlight in the W3C Web Annotation model, as written to the annotations file. */
export interface WebAnnotation {
  '@context': typeof ANNO_CONTEXT
  id: string
  type: 'Annotation'
  motivation: 'highlighting' | 'commenting'
  created: string
  modified: string
  body?: TextualBody[]
  /** Broadsheet's own: the later versions of the article this highlight was copied to. */
  carriedTo?: string[]
  target: {
    source: string
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ]
  }
}

/** A stored highlight as a W3C Web Annotation. */
export function toWebAnnotation(h: StoredHighlight): WebAnnotation {
  const body: TextualBody[] = []
  if (h.note) body.push({ type: 'TextualBody', value: h.note, purpose: 'commenting', format: 'text/plain' })
  for (const tag of h.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' })
  return {
    '@context': ANNO_CONTEXT,
    id: h.id,
    type: 'Annotation',
    motivation: h.note ? 'commenting' : 'highlighting',
    created: h.created,
    modified: h.modified,
    ...(body.length > 0 ? { body } : {}),
    ...(h.carriedTo?.length ? { carriedTo: h.carriedTo } : {}),
    target: {
      source: h.articleId,
      selector: [
        { type: 'TextQuoteSelector', exact: h.quote, prefix: h.prefix, suffix: h.suffix },
        { type: 'TextPositionSelector', start: h.start, end: h.end },
      ],
    },
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isString = (v: unknown): v is string => typeof v === 'string'

/** Reads a stored highlight back from a Web Annotation; throws with the reason when it has the wrong shape. */
export function fromWebAnnotation(value: unknown): StoredHighlight {
  if (!isObject(value) || value.type !== 'Annotation') throw new Error('not a Web Annotation')
  if (!isString(value.id) || !value.id) throw new Error('the annotation has no id')
  const target = value.target
  if (!isObject(target) || !isString(target.source)) throw new Error(`${value.id}: the target has no source`)
  const selectors = Array.isArray(target.selector) ? (target.selector as unknown[]) : [target.selector]
  const quote = selectors.find((s) => isObject(s) && s.type === 'TextQuoteSelector') as Record<string, unknown>
  const position = selectors.find((s) => isObject(s) && s.type === 'TextPositionSelector') as Record<string, unknown>
  if (!quote || !isString(quote.exact) || !quote.exact) throw new Error(`${value.id}: no TextQuoteSelector`)
  const start = Number(position?.start ?? -1)
  const end = Number(position?.end ?? -1)
  const bodies = (Array.isArray(value.body) ? value.body : value.body === undefined ? [] : [value.body]) as unknown[]
  let note = ''
  const tags: string[] = []
  for (const body of bodies) {
    if (!isObject(body) || !isString(body.value)) throw new Error(`${value.id}: a body has no text value`)
    if (body.purpose === 'tagging') tags.push(body.value)
    else note = note ? `${note}\n${body.value}` : body.value
  }
  const created = isString(value.created) ? value.created : new Date(0).toISOString()
  return {
    id: value.id,
    articleId: target.source,
    quote: quote.exact,
    prefix: isString(quote.prefix) ? quote.prefix : '',
    suffix: isString(quote.suffix) ? quote.suffix : '',
    start: Number.isInteger(start) ? start : -1,
    end: Number.isInteger(end) ? end : -1,
    note,
    tags,
    created,
    modified: isString(value.modified) ? value.modified : created,
    carriedTo: Array.isArray(value.carriedTo) ? value.carriedTo.filter(isString) : [],
  }
}

/** Where a stored highlight lies in `text` now, and how it was found. */
export function anchor(text: string, h: StoredHighlight): { range: TextRange | null; status: AnchorStatus } {
  const { quote } = h
  if (h.start >= 0 && text.slice(h.start, h.end) === quote) return { range: [h.start, h.end], status: 'exact' }
  const { ranges, fuzzy } = occurrences(text, quote)
  if (ranges.length === 0) return { range: null, status: 'orphaned' }
  return { range: pickBest(ranges, text, h), status: fuzzy ? 'fuzzy' : 'moved' }
}

/** Among candidate ranges, the one whose surroundings best match the stored prefix and suffix, then the nearest. */
function pickBest(ranges: TextRange[], text: string, h: StoredHighlight): TextRange {
  let best = ranges[0]!
  let bestScore = -Infinity
  for (const range of ranges) {
    const before = text.slice(Math.max(0, range[0] - h.prefix.length), range[0])
    const after = text.slice(range[1], range[1] + h.suffix.length)
    const context = contextScore(before, h.prefix, after, h.suffix)
    // Context decides; the distance from the old position only breaks ties.
    const score = context - Math.abs(range[0] - Math.max(0, h.start)) / (text.length + 1)
    if (score > bestScore) {
      best = range
      bestScore = score
    }
  }
  return best
}

/** A stored highlight anchored to the article's current text (`text` null: the article is gone: orphaned). */
export function toHighlight(h: StoredHighlight, text: string | null): Highlight {
  const { range, status } = text === null ? { range: null, status: 'orphaned' as const } : anchor(text, h)
  return {
    id: h.id,
    articleId: h.articleId,
    quote: h.quote,
    prefix: h.prefix,
    suffix: h.suffix,
    range,
    status,
    note: h.note,
    tags: [...h.tags],
    created: h.created,
    modified: h.modified,
  }
}

/** A new stored highlight for `range` of `text` (the caller has checked the range). */
export function newHighlight(
  articleId: string,
  text: string,
  range: TextRange,
  note: string,
  tags: string[],
): StoredHighlight {
  const [start, end] = range
  const now = new Date().toISOString()
  return {
    id: `urn:uuid:${randomUUID()}`,
    articleId,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
    start,
    end,
    note,
    tags,
    created: now,
    modified: now,
    carriedTo: [],
  }
}

/** What loading found wrong with the annotations file (shown by the CLI and logged), or null. */
export interface AnnotationsNotice {
  message: string
  /** Where the unusable file was moved. */
  setAside: string | null
}

/**
 * The highlights of one library, in memory, written through to the annotations file. Another process (the CLI
 * beside the app) may write the file too: every change first reads the file again when it changed on disk, so
 * neither writer drops the other's highlights.
 */
export class AnnotationStore {
  readonly #file: string
  readonly #tmpDir: string
  #items = new Map<string, StoredHighlight>()
  #queue: Promise<unknown> = Promise.resolve()
  #notice: AnnotationsNotice | null = null
  /** The file's identity when last read or written (inode, size, mtime); null when absent. */
  #version: string | null = null

  private constructor(dataDir: string) {
    this.#file = path.join(dataDir, ANNOTATIONS_FILE)
    this.#tmpDir = path.join(dataDir, 'tmp')
  }

  /** Loads the annotations of a library's data folder; bad lines set the file aside and the good ones load. */
  static async load(dataDir: string): Promise<AnnotationStore> {
    const store = new AnnotationStore(dataDir)
    await store.#sync()
    return store
  }

  async #stat(): Promise<string | null> {
    try {
      const st = await fs.stat(this.#file)
      return `${st.ino}:${st.size}:${st.mtimeMs}`
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** Reads the file again when it is not the one last read or written. */
  async #sync(): Promise<void> {
    const version = await this.#stat().catch(() => 'unknown')
    if (version === this.#version && version !== 'unknown') return
    let raw: string
    try {
      raw = await fs.readFile(this.#file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        this.#version = null
        return
      }
      await this.#setAside(`it cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 0)
      return
    }
    const items = new Map<string, StoredHighlight>()
    const bad: string[] = []
    raw.split('\n').forEach((line, i) => {
      if (!line.trim()) return
      try {
        const h = fromWebAnnotation(JSON.parse(line))
        items.set(h.id, h)
      } catch (error) {
        bad.push(`line ${i + 1}: ${error instanceof Error ? error.message : String(error)}`)
      }
    })
    this.#items = items
    this.#version = version
    if (bad.length > 0) {
      await this.#setAside(`${bad.length} unreadable line${bad.length === 1 ? '' : 's'} (${bad[0]})`, items.size)
      // The readable highlights go back under the usual name, so the next write does not look like a loss.
      if (this.#notice?.setAside) await this.#writeNow()
    }
  }

  async #setAside(reason: string, kept: number): Promise<void> {
    const aside = `${this.#file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
    log.warn(`workbench: unusable ${ANNOTATIONS_FILE} (${reason})`)
    try {
      await fs.rename(this.#file, aside)
      this.#version = null
      this.#notice = {
        message: `The highlights file had ${reason}; it was moved to ${path.basename(aside)} and ${kept} highlight${kept === 1 ? '' : 's'} loaded from it.`,
        setAside: aside,
      }
    } catch (error) {
      log.error(`workbench: cannot move ${ANNOTATIONS_FILE} aside`, error)
      this.#notice = {
        message: `The highlights file had ${reason} and could not be moved aside; new highlights are kept until the app closes but not saved.`,
        setAside: null,
      }
    }
  }

  /** What was wrong with the file when it loaded, or null. */
  get notice(): AnnotationsNotice | null {
    return this.#notice
  }

  /** Picks up highlights another process wrote since the last read. */
  refresh(): Promise<void> {
    return this.#enqueue(() => this.#sync())
  }

  /** Every stored highlight, or one article's, in the order they were made. */
  list(articleId: string | null): StoredHighlight[] {
    const all = [...this.#items.values()]
    return articleId === null ? all : all.filter((h) => h.articleId === articleId)
  }

  /** One stored highlight. */
  get(id: string): StoredHighlight | undefined {
    return this.#items.get(id)
  }

  /** Adds or replaces a highlight and writes the file. */
  put(h: StoredHighlight): Promise<void> {
    return this.#enqueue(async () => {
      await this.#sync()
      this.#items.set(h.id, h)
      await this.#writeNow()
    })
  }

  /** Removes a highlight; false when unknown. */
  remove(id: string): Promise<boolean> {
    return this.#enqueue(async () => {
      await this.#sync()
      if (!this.#items.delete(id)) return false
      await this.#writeNow()
      return true
    })
  }

  /** Waits for the last change to be written. */
  async flush(): Promise<void> {
    await this.#queue.catch(() => {})
  }

  /** Runs one read or change after the ones before it: one writer at a time. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.catch(() => {}).then(task)
    this.#queue = run
    return run
  }

  async #writeNow(): Promise<void> {
    if (this.#notice && !this.#notice.setAside) throw new Error('the highlights file could not be moved aside')
    const lines = [...this.#items.values()].map((h) => JSON.stringify(toWebAnnotation(h)) + '\n')
    await writeFileAtomic(this.#file, lines.join(''), this.#tmpDir)
    this.#version = await this.#stat()
  }
}
