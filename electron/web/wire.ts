/**
 * How the browser harness carries values over HTTP: JSON, with byte arrays as base64.
 *
 * Pure TypeScript shared by the bridge (browser) and the server (node).
 */

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
