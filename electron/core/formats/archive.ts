/**
 * Web archives (`.warc`, `.warc.gz`, `.wacz`) from bytes in memory or, for big files, streamed from their path.
 */
import { createReadStream } from 'node:fs'
import { extensionOf } from './types'
import type { ParseOutcome } from './types'
import { bytesStream, parseWarc, type OpenStream } from './warc'
import { parseWacz } from './wacz'

/** An archive to read: bytes already in memory, or a path read as a stream. */
export interface ArchiveInput {
  fileName: string
  bytes?: Uint8Array
  path?: string
  /** The library's limit for one article: each record is capped by it, not the archive. */
  maxBytes: number
}

/** Reads a file from its path in chunks, afresh on every call. */
function fileStream(path: string): OpenStream {
  return () => createReadStream(path, { highWaterMark: 256 * 1024 })
}

/** Parses a web archive from its path (streamed) or its bytes; never rejects for bad input. */
export async function parseArchive(input: ArchiveInput): Promise<ParseOutcome> {
  const ext = extensionOf(input.fileName)
  if (ext === '.wacz') {
    if (input.path) return parseWacz({ path: input.path }, input.maxBytes)
    return parseWacz({ bytes: input.bytes ?? new Uint8Array() }, input.maxBytes)
  }
  if (ext !== '.warc' && ext !== '.warc.gz') return { ok: false, reason: `not a web archive: ${ext}` }
  const open = input.path ? fileStream(input.path) : bytesStream(input.bytes ?? new Uint8Array())
  return parseWarc(open, { maxRecordBytes: input.maxBytes })
}
