/**
 * A small MIME reader for MHTML: headers (folded, RFC 2047 words), multipart boundaries, and each part's
 * transfer encoding (base64, quoted-printable, 7bit/8bit/binary) undone into bytes.
 *
 * Written here rather than taken from a package: the maintained MIME parsers are mail parsers with streams,
 * address parsing and attachments we do not need, and MHTML uses only this small, regular subset.
 */

/** One MIME entity: its headers (lower-case names, first value wins) and its decoded body bytes. */
export interface MimePart {
  headers: Map<string, string>
  body: Uint8Array
}

/** A header value's main token, lower case ("multipart/related" of `multipart/related; boundary=…`). */
export function mainValue(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase()
}

/** A parameter of a header value (`boundary`, `charset`, `type`), unquoted, or null. */
export function headerParam(value: string | undefined, name: string): string | null {
  if (!value) return null
  const pattern = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i')
  const match = pattern.exec(value)
  return match ? (match[1] ?? match[2] ?? null) : null
}

/** Bytes as a binary string (one char per byte): headers and boundaries are ASCII, bodies stay intact. */
function binaryString(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    out += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return out
}

/** A binary string back to bytes. */
function binaryBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff
  return out
}

/** Decodes RFC 2047 encoded words (`=?utf-8?Q?…?=`, `=?utf-8?B?…?=`) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=/gi, (whole, charset: string, kind: string, text: string) => {
      try {
        const bytes =
          kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '), false)
        return new TextDecoder(charset.trim(), { fatal: false }).decode(bytes)
      } catch {
        return whole
      }
    })
}

/** Undoes quoted-printable (soft line breaks, =XX escapes); `lines` keeps line breaks as CRLF-free \n. */
function quotedPrintable(text: string, lines = true): Uint8Array {
  const unfolded = lines ? text.replace(/=\r?\n/g, '') : text
  const out = new Uint8Array(unfolded.length)
  let n = 0
  for (let i = 0; i < unfolded.length; i++) {
    const c = unfolded.charCodeAt(i)
    if (c === 0x3d && i + 2 < unfolded.length) {
      const hex = unfolded.slice(i + 1, i + 3)
      if (/^[0-9a-f]{2}$/i.test(hex)) {
        out[n++] = parseInt(hex, 16)
        i += 2
        continue
      }
    }
    out[n++] = c & 0xff
  }
  return out.subarray(0, n)
}

/** Splits a header block into a map: folded lines joined, names lower case, the first of a repeated name kept. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  let last: string | null = null
  for (const line of block.split(/\r?\n/)) {
    const field = /^([!-9;-~]+)\s*:\s?(.*)$/.exec(line)
    if (field && !/^\s/.test(line)) {
      last = field[1]!.toLowerCase()
      if (!headers.has(last)) headers.set(last, field[2]!.trim())
      else last = null
    } else if (last !== null && line.trim() !== '') {
      // A folded line, or a broken saver's unfolded one: either way it continues the last field.
      headers.set(last, `${headers.get(last)} ${line.trim()}`)
    }
  }
  return headers
}

/** Splits an entity (binary string) at its first blank line into headers and body. */
function splitEntity(text: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(text)
  if (!match) return { headers: parseHeaders(text), body: '' }
  return { headers: parseHeaders(text.slice(0, match.index)), body: text.slice(match.index + match[0].length) }
}

/** A body's bytes with its Content-Transfer-Encoding undone. */
function decodeBody(body: string, encoding: string | undefined): Uint8Array {
  const kind = mainValue(encoding)
  if (kind === 'base64') return new Uint8Array(Buffer.from(body.replace(/[^A-Za-z0-9+/=_-]/g, ''), 'base64'))
  if (kind === 'quoted-printable') return quotedPrintable(body)
  return binaryBytes(body)
}

/** What a MIME document holds: its top-level headers and its leaf parts, in order. */
export interface MimeDocument {
  headers: Map<string, string>
  parts: MimePart[]
}

/**
 * Reads a MIME document (an MHTML file's bytes): nested multiparts are flattened into their leaf parts.
 *
 * Returns a reason instead when the bytes are not MIME at all or a multipart has no boundary.
 */
export function parseMime(bytes: Uint8Array): MimeDocument | { reason: string } {
  const text = binaryString(bytes).replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
  const top = splitEntity(text)
  if (!top.headers.has('content-type')) return { reason: 'not MHTML: no MIME Content-Type header' }
  const parts: MimePart[] = []
  const failure = collect(top.headers, top.body, parts, 0)
  return failure ? { reason: failure } : { headers: top.headers, parts }
}

/** Adds an entity's leaf parts to `parts`; returns a reason when a multipart cannot be split. */
function collect(headers: Map<string, string>, body: string, parts: MimePart[], depth: number): string | null {
  const type = headers.get('content-type')
  if (!mainValue(type).startsWith('multipart/')) {
    parts.push({ headers, body: decodeBody(body, headers.get('content-transfer-encoding')) })
    return null
  }
  const boundary = headerParam(type, 'boundary')
  if (!boundary) return 'not MHTML: the multipart Content-Type has no boundary'
  if (depth > 8) return 'not MHTML: multiparts nested too deep'
  const delimiter = `--${boundary}`
  const sections = body.split(delimiter)
  // sections[0] is the preamble; a section starting with "--" is the closing delimiter's epilogue.
  for (const section of sections.slice(1)) {
    if (section.startsWith('--')) break
    const entity = section.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '')
    const inner = splitEntity(entity)
    const failure = collect(inner.headers, inner.body, parts, depth + 1)
    if (failure) return failure
  }
  return null
}
