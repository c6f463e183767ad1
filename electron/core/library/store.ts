/**
 * The article store: every parsed article of the library, kept in `<library>/.broadsheet/store/` so reading one
 * never parses its file again. A cache: the files stay the truth, and anything missing or damaged here is parsed
 * again from them.
 *
 * Append-only segment files (`seg-000001.bin`, …) of framed records: magic, payload length, CRC-32 of the payload,
 * then the payload (JSON). Appending one buffer per batch is far faster than a file per record at 100k articles, and
 * the framing makes a torn or damaged record detectable on read, so a kill -9 or a bad sector never yields wrong text.
 * Each session appends to a segment of its own (created exclusively), so a torn tail of an earlier session never
 * sits in front of new records. Nothing is loaded at start: the catalog keeps each article's location.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import type { ParsedArticle } from '../formats/types'
import { log } from '../logger'

/** Where one record lies: segment number, byte offset of its frame, frame length. */
export type StoreLocation = [segment: number, offset: number, length: number]

/** What a record is tied to: the article id, the sha256 of its file, and the parser version that made it. */
export interface RecordKey {
  id: string
  hash: string
  parserVersion: number
}

/** One parsed article with its key, as stored. */
export interface StoredRecord extends RecordKey {
  article: ParsedArticle
}

/** Why a record could not be read: gone (torn tail, missing segment, stale location) or damaged (bad checksum). */
export type ReadFailure = 'missing' | 'corrupt'

/** Frame header: magic, payload length, CRC-32 of the payload (each a little-endian u32). */
const HEADER_BYTES = 12
const MAGIC = 0x31415342 // 'BSA1'

/** A segment stops taking records past this size. */
const SEGMENT_BYTES = 256 * 1024 * 1024

/** Segments that no catalog entry points to are deleted when older than this (a live process may be writing one). */
const ORPHAN_AGE_MS = 60 * 60 * 1000

const SEGMENT_NAME = /^seg-(\d{6,})\.bin$/

/** The store folder of a data folder. */
export function storeDir(dataDir: string): string {
  return path.join(dataDir, 'store')
}

function segmentName(segment: number): string {
  return `seg-${String(segment).padStart(6, '0')}.bin`
}

/** Frames one record. */
function frame(record: StoredRecord): Buffer {
  const payload = Buffer.from(
    JSON.stringify({ id: record.id, hash: record.hash, v: record.parserVersion, a: record.article }),
  )
  const header = Buffer.alloc(HEADER_BYTES)
  header.writeUInt32LE(MAGIC, 0)
  header.writeUInt32LE(payload.length, 4)
  header.writeUInt32LE(crc32(payload), 8)
  return Buffer.concat([header, payload])
}

/** Checks a frame and decodes its record; a short frame is 'missing', a bad one 'corrupt'. */
function unframe(bytes: Buffer, length: number): StoredRecord | ReadFailure {
  if (bytes.length < length || length < HEADER_BYTES) return 'missing'
  const size = bytes.readUInt32LE(4)
  if (bytes.readUInt32LE(0) !== MAGIC || size !== length - HEADER_BYTES) return 'corrupt'
  const payload = bytes.subarray(HEADER_BYTES, length)
  if (crc32(payload) !== bytes.readUInt32LE(8)) return 'corrupt'
  try {
    const data = JSON.parse(payload.toString('utf8')) as { id: string; hash: string; v: number; a: ParsedArticle }
    return { id: data.id, hash: data.hash, parserVersion: data.v, article: data.a }
  } catch {
    return 'corrupt'
  }
}

/** The segment files of a store folder, and writes to a segment of this session's own. */
export class ArticleStore {
  readonly #dir: string
  readonly #readers = new Map<number, Promise<fs.FileHandle>>()
  #writer: { segment: number; handle: fs.FileHandle; size: number } | undefined
  #writing: Promise<unknown> = Promise.resolve()
  #highest = 0

  private constructor(dir: string) {
    this.#dir = dir
  }

  /** Opens the store folder (made when missing); reads nothing but the folder listing. */
  static async open(dir: string): Promise<ArticleStore> {
    const store = new ArticleStore(dir)
    await fs.mkdir(dir, { recursive: true })
    for (const name of await fs.readdir(dir)) {
      const match = SEGMENT_NAME.exec(name)
      if (match) store.#highest = Math.max(store.#highest, Number(match[1]))
    }
    return store
  }

  /** Appends records (one write per call) and gives their locations, in order. */
  put(records: StoredRecord[]): Promise<StoreLocation[]> {
    const run = this.#writing.then(() => this.#append(records))
    this.#writing = run.catch(() => {})
    return run
  }

  async #append(records: StoredRecord[]): Promise<StoreLocation[]> {
    if (records.length === 0) return []
    const frames = records.map(frame)
    const bytes = frames.reduce((sum, f) => sum + f.length, 0)
    if (!this.#writer || this.#writer.size + bytes > SEGMENT_BYTES) await this.#roll()
    const writer = this.#writer!
    const start = writer.size
    // The size moves on even if the write fails, so a half-written frame is never overwritten in place.
    writer.size += bytes
    await writer.handle.write(Buffer.concat(frames), 0, bytes, start)
    const locations: StoreLocation[] = []
    let offset = start
    for (const f of frames) {
      locations.push([writer.segment, offset, f.length])
      offset += f.length
    }
    return locations
  }

  /** Starts a new segment, never one another process made (exclusive create). */
  async #roll(): Promise<void> {
    await this.#closeWriter()
    for (;;) {
      const segment = (this.#highest += 1)
      try {
        const handle = await fs.open(path.join(this.#dir, segmentName(segment)), 'wx')
        this.#writer = { segment, handle, size: 0 }
        return
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
  }

  async #closeWriter(): Promise<void> {
    const writer = this.#writer
    this.#writer = undefined
    if (!writer) return
    try {
      await writer.handle.sync()
    } catch (error) {
      log.debug('store: cannot sync a segment', error)
    }
    await writer.handle.close()
  }

  #reader(segment: number): Promise<fs.FileHandle> {
    let handle = this.#readers.get(segment)
    if (!handle) {
      handle = fs.open(path.join(this.#dir, segmentName(segment)), 'r')
      handle.catch(() => this.#readers.delete(segment))
      this.#readers.set(segment, handle)
    }
    return handle
  }

  /** Reads one record and checks it is the one expected; a stale location (other key) is 'missing'. */
  async read(location: StoreLocation, key: RecordKey): Promise<StoredRecord | ReadFailure> {
    const [segment, offset, length] = location
    let bytes: Buffer
    try {
      const handle = await this.#reader(segment)
      bytes = Buffer.alloc(length)
      const { bytesRead } = await handle.read(bytes, 0, length, offset)
      bytes = bytes.subarray(0, bytesRead)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn(`store: cannot read segment ${segment}`, error)
      return 'missing'
    }
    const record = unframe(bytes, length)
    if (typeof record === 'string') return record
    if (record.id !== key.id || record.hash !== key.hash || record.parserVersion !== key.parserVersion) {
      return 'missing'
    }
    return record
  }

  /** The size of each segment on disk, for finding records a crash left out. */
  async sizes(): Promise<Map<number, number>> {
    const sizes = new Map<number, number>()
    for (const name of await fs.readdir(this.#dir)) {
      const match = SEGMENT_NAME.exec(name)
      if (!match) continue
      try {
        sizes.set(Number(match[1]), (await fs.stat(path.join(this.#dir, name))).size)
      } catch {
        // Removed meanwhile: absent.
      }
    }
    return sizes
  }

  /** Moves a damaged segment aside (kept for inspection); its records are then missing. Gives the new name. */
  async setAside(segment: number): Promise<string | undefined> {
    // New records go to a fresh segment, not after damaged bytes.
    if (this.#writer?.segment === segment) {
      this.#writing = this.#writing.then(() => this.#closeWriter()).catch(() => {})
      await this.#writing
    }
    const handle = this.#readers.get(segment)
    this.#readers.delete(segment)
    await handle?.then((h) => h.close()).catch(() => {})
    const from = path.join(this.#dir, segmentName(segment))
    const to = `${from}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
    try {
      await fs.rename(from, to)
      return path.basename(to)
    } catch (error) {
      log.error(`store: cannot move the damaged segment ${segmentName(segment)} aside`, error)
      return undefined
    }
  }

  /** Deletes old segments nothing points to any more (records superseded by newer parses). */
  async dropUnused(used: Set<number>): Promise<void> {
    const cutoff = Date.now() - ORPHAN_AGE_MS
    for (const name of await fs.readdir(this.#dir)) {
      const match = SEGMENT_NAME.exec(name)
      const segment = match ? Number(match[1]) : undefined
      if (segment === undefined || used.has(segment) || segment === this.#writer?.segment) continue
      const file = path.join(this.#dir, name)
      try {
        if ((await fs.stat(file)).mtimeMs < cutoff) await fs.rm(file, { force: true })
      } catch (error) {
        log.debug(`store: cannot drop ${name}`, error)
      }
    }
  }

  /** Finishes writes and closes every file. */
  async close(): Promise<void> {
    await this.#writing
    await this.#closeWriter()
    for (const handle of this.#readers.values()) await handle.then((h) => h.close()).catch(() => {})
    this.#readers.clear()
  }
}
