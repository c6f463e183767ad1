/**
 * One shard of the index: a compact, immutable inverted index over a bounded set of records.
 *
 * Postings live in typed arrays (not lunr's nested objects), so a shard costs a few bytes per
 * posting, loads without parsing and is shared zero-copy with the file it was read from.
 * Term positions are kept (varint-coded, per term) because quoted phrases need them. Beside the
 * stems, the words as written (folded) are kept with their stems, so a prefix matches words, not
 * stems: a flag per stem for the word that is its own stem, a table for the words that are not.
 */
import { createHash } from 'node:crypto'
import { closeSync, fstat as fstat_, open as open_, openSync, read as read_, readSync } from 'node:fs'
import { promisify } from 'node:util'
import { open, type FileHandle } from 'node:fs/promises'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { cyrillicLanguage, fold, forEachTerm } from './analyzer'
import { FIELDS, fieldValues, type DocMeta, type SearchRecord } from './record'

/** Bumped whenever the shard file layout or the analysis changes; older files are rebuilt. */
export const SEGMENT_FORMAT = 4

const F = FIELDS.length
const MAGIC = 0x58495342 // 'BSIX'
const HEADER_BYTES = 84

/** Occurrences of a term in one field of one document that are counted and placed (more are ignored). */
export const MAX_TF = 0xffff

/** Where a shard's article texts come from (memory after a build, the file after a load). */
export interface TextStore {
  read(start: number, end: number): Buffer
  close(): void
}

/** A shard in memory. */
export interface Segment {
  docs: DocMeta[]
  terms: TermTable
  /** Token count per document and field: `fieldLen[doc * FIELDS.length + field]`. */
  fieldLen: Uint32Array
  /** Postings of term t are `termStart[t] .. termStart[t + 1]`. */
  termStart: Uint32Array
  /** Positions of term t start at byte `termPosStart[t]` of `positions`. */
  termPosStart: Uint32Array
  textStart: Uint32Array
  postDoc: Uint16Array
  postTf: Uint16Array
  postField: Uint8Array
  positions: Uint8Array
  texts: TextStore
  /** Sum of field lengths per field, for the global average. */
  fieldLenSum: Float64Array
  /**
   * The words as written (folded) that differ from their stem, sorted; a word may appear twice when
   * two languages stem it apart.
   */
  surfaces: TermTable
  /** The stem (term number) of each surface word. */
  surfaceStem: Uint32Array
  /** 1 for a term that also occurs as a written word (the word is its own stem). */
  termWritten: Uint8Array
  /** The shard's file bytes when it came from a worker and is not saved yet. */
  encoded?: Buffer
  /** Records left out because they could not be indexed, with the reason (not persisted). */
  skipped?: SkippedRecord[]
}

/** A record that could not be indexed. */
export interface SkippedRecord {
  id: string
  reason: string
}

function memoryTexts(blob: Buffer): TextStore {
  return { read: (start, end) => blob.subarray(start, end), close: () => {} }
}

/** The written words of a shard, each with the stems it was given. */
class Surfaces {
  readonly #last = new Map<string, string>()
  /** "surface\nstem" → stem for words that differ from their stem (one word may have two stems). */
  readonly keys = new Map<string, string>()
  /** Stems that occur as written words themselves. */
  readonly written = new Set<string>()

  add(surface: string, term: string): void {
    if (this.#last.get(surface) === term) return
    this.#last.set(surface, term)
    if (surface === term) this.written.add(term)
    else this.keys.set(surface + '\n' + term, term)
  }
}

interface AnalysedRecord {
  meta: DocMeta
  fieldLen: number[]
  /** Per field: term → positions (at most MAX_TF each). */
  fields: Map<string, number[]>[]
  packed: Buffer
}

/** Analyses one record, throwing if it cannot be read (the caller skips it). */
function analyseRecord(record: SearchRecord, surfaces: Surfaces): AnalysedRecord {
  const values = fieldValues(record)
  const language = cyrillicLanguage(record.language)
  const fields: Map<string, number[]>[] = []
  const fieldLen: number[] = []
  for (let field = 0; field < F; field++) {
    const local = new Map<string, number[]>()
    const value = values[field]!
    let count = 0
    forEachTerm(
      value,
      (term, position, start, end) => {
        count++
        const list = local.get(term)
        if (!list) local.set(term, [position])
        else if (list.length < MAX_TF) list.push(position)
        surfaces.add(fold(value.slice(start, end)), term)
      },
      language,
    )
    fieldLen.push(count)
    fields.push(local)
  }
  // The fastest level: texts are read back per hit, and building speed matters more than a few MB.
  const packed = deflateRawSync(Buffer.from(record.text, 'utf8'), { level: 1 })
  const { text: _text, ...meta } = record
  return { meta, fieldLen, fields, packed }
}

/** Builds a shard from records (in a worker or in the calling thread); a record that fails is skipped and named. */
export function buildSegment(records: SearchRecord[]): Segment {
  if (records.length > 0xffff) throw new Error('buildSegment: a shard holds at most 65535 documents')
  // term → flat list of [doc, field, tf, ...positions] groups
  const byTerm = new Map<string, number[]>()
  const texts: Buffer[] = []
  const docs: DocMeta[] = []
  const lengths: number[] = []
  const skipped: SkippedRecord[] = []
  const surfaces = new Surfaces()
  for (const record of records) {
    let analysed: AnalysedRecord
    try {
      analysed = analyseRecord(record, surfaces)
    } catch (e) {
      skipped.push({ id: String(record?.id), reason: e instanceof Error ? e.message : String(e) })
      continue
    }
    const doc = docs.length
    docs.push(analysed.meta)
    lengths.push(...analysed.fieldLen)
    analysed.fields.forEach((local, field) => {
      for (const [term, positions] of local) {
        let flat = byTerm.get(term)
        if (!flat) byTerm.set(term, (flat = []))
        flat.push(doc, field, positions.length)
        // One push per position: spreading half a million positions as arguments overflows the stack.
        for (const position of positions) flat.push(position)
      }
    })
    texts.push(analysed.packed)
  }
  const n = docs.length
  const fieldLen = Uint32Array.from(lengths)
  const textStart = new Uint32Array(n + 1)
  let textBytes = 0
  texts.forEach((packed, doc) => {
    textStart[doc] = textBytes
    textBytes += packed.length
  })
  textStart[n] = textBytes
  const terms = Array.from(byTerm.keys()).sort()
  let postings = 0
  for (const term of terms) {
    const flat = byTerm.get(term)!
    for (let i = 0; i < flat.length; i += 3 + flat[i + 2]!) postings++
  }
  const termStart = new Uint32Array(terms.length + 1)
  const termPosStart = new Uint32Array(terms.length + 1)
  const postDoc = new Uint16Array(postings)
  const postTf = new Uint16Array(postings)
  const postField = new Uint8Array(postings)
  const pos: number[] = []
  let p = 0
  for (let t = 0; t < terms.length; t++) {
    termStart[t] = p
    termPosStart[t] = pos.length
    const flat = byTerm.get(terms[t]!)!
    for (let i = 0; i < flat.length;) {
      const tf = flat[i + 2]!
      postDoc[p] = flat[i]!
      postField[p] = flat[i + 1]!
      postTf[p] = tf
      let last = 0
      for (let k = 0; k < tf; k++) {
        const position = flat[i + 3 + k]!
        writeVarint(pos, position - last)
        last = position
      }
      p++
      i += 3 + tf
    }
  }
  termStart[terms.length] = p
  termPosStart[terms.length] = pos.length
  const table = new TermTable(terms.join('\n'))
  const surfaceList = [...surfaces.keys.keys()].sort()
  const surfaceStem = Uint32Array.from(surfaceList, (key) => table.find(surfaces.keys.get(key)!))
  const termWritten = Uint8Array.from(terms, (term) => (surfaces.written.has(term) ? 1 : 0))
  return {
    docs,
    terms: table,
    surfaces: new TermTable(surfaceList.map((key) => key.slice(0, key.indexOf('\n'))).join('\n')),
    surfaceStem,
    termWritten,
    fieldLen,
    termStart,
    termPosStart,
    textStart,
    postDoc,
    postTf,
    postField,
    positions: Uint8Array.from(pos),
    texts: memoryTexts(Buffer.concat(texts)),
    fieldLenSum: sumFieldLengths(fieldLen),
    ...(skipped.length > 0 ? { skipped } : {}),
  }
}

function sumFieldLengths(fieldLen: Uint32Array): Float64Array {
  const sums = new Float64Array(F)
  for (let i = 0; i < fieldLen.length; i++) sums[i % F]! += fieldLen[i]!
  return sums
}

function writeVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80)
    value >>>= 7
  }
  out.push(value)
}

/**
 * A shard's sorted vocabulary kept as one string (terms joined by line breaks) and offsets, so a
 * loaded shard holds one string instead of one per term: faster to load and lighter for the GC.
 */
export class TermTable implements Iterable<string> {
  readonly blob: string
  readonly #starts: Uint32Array

  constructor(blob: string) {
    this.blob = blob
    let count = blob === '' ? 0 : 1
    for (let i = 0; i < blob.length; i++) if (blob.charCodeAt(i) === 10) count++
    const starts = new Uint32Array(count + 1)
    let k = 1
    for (let i = 0; i < blob.length; i++) if (blob.charCodeAt(i) === 10) starts[k++] = i + 1
    starts[count] = blob.length + 1
    this.#starts = starts
  }

  /** Number of terms. */
  get length(): number {
    return this.#starts.length - 1
  }

  /** Term number i. */
  at(i: number): string {
    return this.blob.slice(this.#starts[i], this.#starts[i + 1]! - 1)
  }

  /** Compares term i with `s` in code unit order (as `<` on strings does) without making a string. */
  #compare(i: number, s: string): number {
    const start = this.#starts[i]!
    const length = this.#starts[i + 1]! - 1 - start
    const n = Math.min(length, s.length)
    for (let k = 0; k < n; k++) {
      const d = this.blob.charCodeAt(start + k) - s.charCodeAt(k)
      if (d !== 0) return d
    }
    return length - s.length
  }

  #lowerBound(s: string): number {
    let lo = 0
    let hi = this.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#compare(mid, s) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The number of `term`, or -1. */
  find(term: string): number {
    const i = this.#lowerBound(term)
    return i < this.length && this.#compare(i, term) === 0 ? i : -1
  }

  /** The numbers of every term starting with `prefix`. */
  withPrefixIndexed(prefix: string): number[] {
    const out: number[] = []
    for (let i = this.#lowerBound(prefix); i < this.length && this.blob.startsWith(prefix, this.#starts[i]); i++) {
      out.push(i)
    }
    return out
  }

  /** Every term starting with `prefix`. */
  withPrefix(prefix: string): string[] {
    return this.withPrefixIndexed(prefix).map((i) => this.at(i))
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i)
  }
}

/** The index of `term` in the shard's sorted vocabulary, or -1. */
export function findTerm(segment: Segment, term: string): number {
  return segment.terms.find(term)
}

/** Every written word of the shard starting with `prefix`, with its stem's term number. */
export function surfacesWithPrefix(segment: Segment, prefix: string): { surface: string; term: number }[] {
  const out = segment.surfaces.withPrefixIndexed(prefix).map((i) => ({
    surface: segment.surfaces.at(i),
    term: segment.surfaceStem[i]!,
  }))
  for (const t of segment.terms.withPrefixIndexed(prefix)) {
    if (segment.termWritten[t]) out.push({ surface: segment.terms.at(t), term: t })
  }
  return out
}

/**
 * Walks the postings of one term in (doc, field) order, reading positions only when asked.
 */
export class PostingCursor {
  readonly #segment: Segment
  #p: number
  readonly #end: number
  #at: number

  constructor(segment: Segment, t: number) {
    this.#segment = segment
    this.#p = segment.termStart[t]!
    this.#end = segment.termStart[t + 1]!
    this.#at = segment.termPosStart[t]!
  }

  /** The current posting's key `doc * FIELDS.length + field`, or Infinity past the end. */
  key(): number {
    return this.#p < this.#end ? this.#segment.postDoc[this.#p]! * F + this.#segment.postField[this.#p]! : Infinity
  }

  /** Moves to the next posting, skipping the current one's positions. */
  next(): void {
    const positions = this.#segment.positions
    for (let k = this.#segment.postTf[this.#p]!; k > 0; k--) while (positions[this.#at++]! & 0x80);
    this.#p++
  }

  /** The current posting's positions (then call `next()`). */
  positions(): number[] {
    const { positions, postTf } = this.#segment
    const out: number[] = []
    let at = this.#at
    let last = 0
    for (let k = 0; k < postTf[this.#p]!; k++) {
      let value = 0
      let shift = 0
      let byte: number
      do {
        byte = positions[at++]!
        value += (byte & 0x7f) * 2 ** shift
        shift += 7
      } while (byte & 0x80)
      last += value
      out.push(last)
    }
    return out
  }
}

/** The text of document `doc`, or '' when it cannot be read back (a damaged text is not worth a crash). */
export function segmentText(segment: Segment, doc: number): string {
  try {
    return inflateRawSync(segment.texts.read(segment.textStart[doc]!, segment.textStart[doc + 1]!)).toString('utf8')
  } catch {
    return ''
  }
}

/** The whole records of a shard, for rebuilding it with some records added or removed. */
export function segmentRecords(segment: Segment): SearchRecord[] {
  return segment.docs.map((meta, i) => ({ ...meta, text: segmentText(segment, i) }))
}

function align4(n: number): number {
  return (n + 3) & ~3
}

/** Serialises a shard to the bytes of its file: header, index part, then the texts. */
export function encodeSegment(segment: Segment): Buffer {
  const json = Buffer.from(JSON.stringify({ docs: segment.docs }), 'utf8')
  // The vocabulary is stored as plain text beside the JSON: reading it back needs no JSON unescaping.
  const termBlob = Buffer.from(segment.terms.blob, 'utf8')
  const surfaceBlob = Buffer.from(segment.surfaces.blob, 'utf8')
  const n = segment.docs.length
  const T = segment.terms.length
  const P = segment.postDoc.length
  const parts: Uint8Array[] = [
    segment.fieldLen,
    segment.termStart,
    segment.termPosStart,
    segment.textStart,
    segment.postDoc,
    segment.postTf,
    segment.postField,
    segment.positions,
    segment.surfaceStem,
    segment.termWritten,
  ].map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
  let indexBytes = HEADER_BYTES + align4(json.length) + align4(termBlob.length) + align4(surfaceBlob.length)
  for (const part of parts) indexBytes += align4(part.byteLength)
  const textBlob = segment.texts.read(0, segment.textStart[n]!)
  const out = Buffer.alloc(indexBytes + textBlob.length)
  out.writeUInt32LE(MAGIC, 0)
  out.writeUInt32LE(SEGMENT_FORMAT, 4)
  out.writeUInt32LE(json.length, 8)
  out.writeUInt32LE(n, 12)
  out.writeUInt32LE(T, 16)
  out.writeUInt32LE(P, 20)
  out.writeUInt32LE(segment.positions.length, 24)
  out.writeUInt32LE(textBlob.length, 28)
  out.writeUInt32LE(termBlob.length, 72)
  out.writeUInt32LE(surfaceBlob.length, 76)
  out.writeUInt32LE(segment.surfaces.length, 80)
  let at = HEADER_BYTES
  json.copy(out, at)
  at += align4(json.length)
  termBlob.copy(out, at)
  at += align4(termBlob.length)
  surfaceBlob.copy(out, at)
  at += align4(surfaceBlob.length)
  for (const part of parts) {
    out.set(part, at)
    at += align4(part.byteLength)
  }
  textBlob.copy(out, at)
  sha1(out.subarray(HEADER_BYTES, indexBytes)).copy(out, 32)
  sha1(out.subarray(indexBytes)).copy(out, 52)
  return out
}

function sha1(bytes: Uint8Array): Buffer {
  return createHash('sha1').update(bytes).digest()
}

/** Thrown by `decodeSegment` for a damaged or foreign file; the caller rebuilds. */
export class SegmentFormatError extends Error {}

interface Header {
  jsonLength: number
  termBytes: number
  surfaceBytes: number
  S: number
  n: number
  T: number
  P: number
  positionBytes: number
  textBytes: number
  indexBytes: number
}

function readHeader(head: Buffer): Header {
  if (head.length < HEADER_BYTES || head.readUInt32LE(0) !== MAGIC) throw new SegmentFormatError('not a shard file')
  if (head.readUInt32LE(4) !== SEGMENT_FORMAT) throw new SegmentFormatError('shard format version differs')
  const h = {
    jsonLength: head.readUInt32LE(8),
    termBytes: head.readUInt32LE(72),
    surfaceBytes: head.readUInt32LE(76),
    S: head.readUInt32LE(80),
    n: head.readUInt32LE(12),
    T: head.readUInt32LE(16),
    P: head.readUInt32LE(20),
    positionBytes: head.readUInt32LE(24),
    textBytes: head.readUInt32LE(28),
    indexBytes: 0,
  }
  h.indexBytes =
    HEADER_BYTES +
    align4(h.jsonLength) +
    align4(h.termBytes) +
    align4(h.surfaceBytes) +
    align4(h.S * 4) +
    align4(h.T) +
    align4(h.n * F * 4) +
    2 * align4((h.T + 1) * 4) +
    align4((h.n + 1) * 4) +
    2 * align4(h.P * 2) +
    align4(h.P) +
    align4(h.positionBytes)
  return h
}

/** Reads a shard from bytes (index part, and the texts too when `bytes` holds the whole file). */
export function decodeSegment(bytes: Buffer, texts?: TextStore, verify = true): Segment {
  const h = readHeader(bytes)
  if (bytes.length < h.indexBytes) throw new SegmentFormatError('shard file is truncated')
  if (verify && !sha1(bytes.subarray(HEADER_BYTES, h.indexBytes)).equals(bytes.subarray(32, 52))) {
    throw new SegmentFormatError('shard checksum differs')
  }
  // Typed array views need aligned offsets; copy the rare unaligned buffer once.
  const buf = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes)
  let at = HEADER_BYTES
  let parsed: { docs: DocMeta[] }
  try {
    parsed = JSON.parse(buf.toString('utf8', at, at + h.jsonLength)) as { docs: DocMeta[] }
  } catch {
    throw new SegmentFormatError('shard metadata is unreadable')
  }
  at += align4(h.jsonLength)
  const termBlob = buf.toString('utf8', at, at + h.termBytes)
  at += align4(h.termBytes)
  const surfaceBlob = buf.toString('utf8', at, at + h.surfaceBytes)
  at += align4(h.surfaceBytes)
  const view = <T>(make: (b: ArrayBuffer, o: number, l: number) => T, bytesPer: number, count: number): T => {
    const v = make(buf.buffer as ArrayBuffer, buf.byteOffset + at, count)
    at += align4(count * bytesPer)
    return v
  }
  const u32 = (b: ArrayBuffer, o: number, l: number) => new Uint32Array(b, o, l)
  const u16 = (b: ArrayBuffer, o: number, l: number) => new Uint16Array(b, o, l)
  const u8 = (b: ArrayBuffer, o: number, l: number) => new Uint8Array(b, o, l)
  const fieldLen = view(u32, 4, h.n * F)
  const termStart = view(u32, 4, h.T + 1)
  const termPosStart = view(u32, 4, h.T + 1)
  const textStart = view(u32, 4, h.n + 1)
  const postDoc = view(u16, 2, h.P)
  const postTf = view(u16, 2, h.P)
  const postField = view(u8, 1, h.P)
  const positions = view(u8, 1, h.positionBytes)
  const surfaceStem = view(u32, 4, h.S)
  const termWritten = view(u8, 1, h.T)
  const terms = new TermTable(termBlob)
  const surfaces = new TermTable(surfaceBlob)
  if (
    !Array.isArray(parsed.docs) ||
    parsed.docs.length !== h.n ||
    terms.length !== h.T ||
    termStart[h.T] !== h.P ||
    termPosStart[h.T] !== h.positionBytes ||
    textStart[h.n] !== h.textBytes
  ) {
    throw new SegmentFormatError('shard tables disagree')
  }
  // Cheap order checks so even an unverified file cannot send a loop past its tables. (The written-word
  // table is left to the checksums: a damaged one gives wrong prefix matches until then, never a crash.)
  for (const [table, last] of [
    [termStart, h.P],
    [termPosStart, h.positionBytes],
    [textStart, h.textBytes],
  ] as const) {
    for (let i = 1; i < table.length; i++) {
      if (table[i]! < table[i - 1]! || table[i]! > last) throw new SegmentFormatError('shard tables are out of order')
    }
  }
  let store = texts
  if (!store) {
    if (bytes.length !== h.indexBytes + h.textBytes) throw new SegmentFormatError('shard texts are truncated')
    if (verify && !sha1(bytes.subarray(h.indexBytes)).equals(bytes.subarray(52, 72))) {
      throw new SegmentFormatError('shard text checksum differs')
    }
    store = memoryTexts(buf.subarray(h.indexBytes))
  }
  return {
    ...(verify ? {} : { encoded: bytes }),
    docs: parsed.docs,
    terms,
    surfaces,
    surfaceStem,
    termWritten,
    fieldLen,
    termStart,
    termPosStart,
    textStart,
    postDoc,
    postTf,
    postField,
    positions,
    texts: store,
    fieldLenSum: sumFieldLengths(fieldLen),
  }
}

/** Texts read from an open shard file on demand, from byte `base` on; closing closes the file. */
function fileTexts(fd: number, base: number): TextStore {
  return {
    read(start, end) {
      const out = Buffer.alloc(end - start)
      readSync(fd, out, 0, end - start, base + start)
      return out
    },
    close: () => closeSync(fd),
  }
}

const openAsync = promisify(open_)
const readAsync = promisify(read_)
const fstatAsync = promisify(fstat_)

async function readFully(fd: number, into: Buffer, position: number): Promise<void> {
  for (let done = 0; done < into.length;) {
    const { bytesRead } = await readAsync(fd, into, done, into.length - done, position + done)
    if (bytesRead <= 0) throw new SegmentFormatError('shard is truncated')
    done += bytesRead
  }
}

/**
 * Opens a shard file: the index part is read into memory (off the main thread, so several shards load at
 * once), the texts stay on disk and are read per hit. Checksums are left to `verifySegmentFile`, so opening
 * stays fast; the structure is checked.
 */
export async function openSegmentFile(path: string): Promise<Segment> {
  const fd = await openAsync(path, 'r')
  try {
    const head = Buffer.alloc(HEADER_BYTES)
    await readFully(fd, head, 0)
    const h = readHeader(head)
    if ((await fstatAsync(fd)).size !== h.indexBytes + h.textBytes) throw new SegmentFormatError('shard size differs')
    const index = Buffer.allocUnsafeSlow(h.indexBytes)
    await readFully(fd, index, 0)
    const segment = decodeSegment(index, fileTexts(fd, h.indexBytes), false)
    delete segment.encoded
    return segment
  } catch (e) {
    closeSync(fd)
    throw e
  }
}

/** Whether a shard file's checksums hold (read in chunks, yielding between them, so the app stays responsive). */
export async function verifySegmentFile(path: string): Promise<boolean> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, 'r')
    const head = Buffer.alloc(HEADER_BYTES)
    await handle.read(head, 0, HEADER_BYTES, 0)
    const h = readHeader(head)
    const chunk = Buffer.alloc(1 << 20)
    const digest = async (from: number, length: number) => {
      const hash = createHash('sha1')
      for (let done = 0; done < length;) {
        const { bytesRead } = await handle!.read(chunk, 0, Math.min(chunk.length, length - done), from + done)
        if (bytesRead <= 0) return null
        hash.update(chunk.subarray(0, bytesRead))
        done += bytesRead
      }
      return hash.digest()
    }
    const index = await digest(HEADER_BYTES, h.indexBytes - HEADER_BYTES)
    const text = await digest(h.indexBytes, h.textBytes)
    return !!index && !!text && index.equals(head.subarray(32, 52)) && text.equals(head.subarray(52, 72))
  } catch {
    return false
  } finally {
    await handle?.close()
  }
}

/** Points a shard's texts at the file they were just written to, freeing the copy in memory. */
export function useFileTexts(segment: Segment, path: string, fileBytes: number): void {
  const base = fileBytes - segment.textStart[segment.docs.length]!
  const fd = openSync(path, 'r')
  segment.texts.close()
  segment.texts = fileTexts(fd, base)
}
