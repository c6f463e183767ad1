/**
 * Ids, relative paths and path confinement: the rules that keep every file Broadsheet touches inside the library.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { extensionOf, formatOf } from '../formats/types'

/** The folder inside a library where Broadsheet keeps its own data. */
export const DATA_DIR = '.broadsheet'

/** The lower-case extension a file name is read by (one definition, in the formats). */
export { extensionOf }

/** Whether Broadsheet reads files with this name's extension. */
export function isSupportedFile(name: string): boolean {
  return formatOf(name) !== null
}

/** Whether a file or folder name is hidden (starts with '.'). */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.')
}

/** sha256 (hex) of some bytes. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** The stable id part derived from a relative path: the first 16 hex chars of its sha256. */
export function pathId(relPath: string): string {
  return createHash('sha256').update(relPath, 'utf8').digest('hex').slice(0, 16)
}

/** The id of the article at `index` in the file at `relPath`. */
export function articleId(relPath: string, index: number): string {
  const base = pathId(relPath)
  // A single-article format's file that turns out to hold several (a press export's .txt) numbers the others.
  return formatOf(relPath)?.multiRecord || index > 0 ? `${base}-${index}` : base
}

/** The collection (relative folder, '' for the root) of a relative file path. */
export function collectionOf(relPath: string): string {
  const slash = relPath.lastIndexOf('/')
  return slash < 0 ? '' : relPath.slice(0, slash)
}

/** A native relative path with forward slashes. */
export function toPosix(relPath: string): string {
  return relPath.split(path.sep).join('/')
}

/** Whether `target` is `root` itself or lies inside it (both absolute and normalised). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * The absolute path of a relative library path, or undefined when it would leave the library,
 * is absolute, or goes through a hidden part (such as `.broadsheet`).
 */
export function resolveInside(root: string, relPath: string): string | undefined {
  if (relPath === '' || relPath.includes('\0') || relPath.includes('\\') || path.posix.isAbsolute(relPath)) {
    return undefined
  }
  const parts = relPath.split('/')
  if (parts.some((part) => part === '' || part === '.' || part === '..' || isHiddenName(part))) return undefined
  const abs = path.resolve(root, ...parts)
  return isInside(root, abs) && abs !== root ? abs : undefined
}

/** Checks a collection name from a user: '' (the root) or a relative folder path without '..' or hidden parts. */
export function validCollection(into: string): boolean {
  if (into === '') return true
  return resolveInside('/library', into) !== undefined
}

/** The n-th free-name candidate for a file: `name.txt`, `name (2).txt`, `name (3).txt`, … */
export function numberedName(fileName: string, n: number): string {
  if (n <= 1) return fileName
  const dot = fileName.lastIndexOf('.')
  if (dot <= 0) return `${fileName} (${n})`
  return `${fileName.slice(0, dot)} (${n})${fileName.slice(dot)}`
}
