/**
 * `MANIFEST.sha256`: one `<hex>  <path>` line per file of an export, the format `sha256sum -c` reads.
 *
 * Shared by the export writers and `verify`, so both read and write one format. Names holding a backslash or a line
 * break are escaped as GNU coreutils does (the line then starts with a backslash).
 */

/** The manifest's file name, at the top of every export. */
export const MANIFEST_FILE = 'MANIFEST.sha256'

/** One manifest line for a file (text mode: two spaces between hash and path). */
export function manifestLine(hex: string, relPath: string): string {
  if (!/[\\\n\r]/.test(relPath)) return `${hex}  ${relPath}\n`
  const escaped = relPath.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
  return `\\${hex}  ${escaped}\n`
}

/** A manifest read back: path → expected hex, in file order. */
export type Manifest = Map<string, string>

/** Whether a manifest path stays inside the export (relative, no `..`, no drive). */
function safePath(rel: string): boolean {
  if (!rel || rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || rel.includes('\0')) return false
  return rel.split('/').every((part) => part !== '..' && part !== '')
}

/** Parses a manifest's text; throws with the line and the reason when it is not one this module wrote. */
export function parseManifest(text: string): Manifest {
  const manifest: Manifest = new Map()
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  if (lines.length === 0) throw new Error('the manifest is empty')
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const escaped = line.startsWith('\\')
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(escaped ? line.slice(1) : line)
    if (!m) throw new Error(`line ${i + 1} is not "<sha256>  <path>"`)
    const rel = escaped ? m[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c)) : m[2]!
    if (!safePath(rel)) throw new Error(`line ${i + 1} names a path outside the export: ${JSON.stringify(rel)}`)
    if (manifest.has(rel)) throw new Error(`line ${i + 1} lists ${rel} a second time`)
    manifest.set(rel, m[1]!.toLowerCase())
  })
  return manifest
}
