/**
 * How the browser harness carries values over HTTP: JSON, with byte arrays as base64.
 *
 * Pure TypeScript shared by the bridge (browser) and the server (node).
 */
import type { ImportRequestSource } from '../shared/ipc-contract'

/** The JSON form of a Uint8Array. */
export interface WireBytes {
  $bytes: string
}

/** True when a parsed JSON value is an encoded byte array. */
export function isWireBytes(value: unknown): value is WireBytes {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as WireBytes).$bytes === 'string'
  )
}

/** Base64 of bytes, in chunks so large files do not overflow the argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

/** A JSON.stringify replacer that encodes Uint8Arrays. */
export function wireReplacer(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? ({ $bytes: bytesToBase64(value) } satisfies WireBytes) : value
}

/** Roughly how many bytes an import source takes in a request body: base64 of its bytes plus its name and keys. */
export function wireSizeOf(source: ImportRequestSource): number {
  if (source.kind !== 'bytes') return source.token.length + 64
  return Math.ceil((source.bytes.length * 4) / 3) + source.name.length * 6 + 64
}

/**
 * Splits import sources into batches whose request bodies stay under `limit` bytes, in order, so a large drop never
 * meets the harness's body cap; a source that is larger than the limit on its own goes alone (and fails alone).
 */
export function batchesUnder(sources: ImportRequestSource[], limit: number): ImportRequestSource[][] {
  const batches: ImportRequestSource[][] = []
  let current: ImportRequestSource[] = []
  let size = 0
  for (const source of sources) {
    const next = wireSizeOf(source)
    if (current.length > 0 && size + next > limit) {
      batches.push(current)
      current = []
      size = 0
    }
    current.push(source)
    size += next
  }
  if (current.length > 0) batches.push(current)
  return batches
}
