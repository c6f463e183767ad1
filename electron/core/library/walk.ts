/**
 * Recursive folder walks: hidden names and saved pages' assets folders skipped, symlinks checked with realpath, no
 * loops.
 */
import type { Dirent, Stats } from 'node:fs'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { log } from '../logger'
import { comparePaths } from './catalog'
import { isAssetFolder } from './media'
import { isHiddenName, isInside } from './paths'

/** One file found by a walk. */
export interface WalkedFile {
  /** Path relative to the walked folder, with forward slashes. */
  rel: string
  size: number
  mtimeMs: number
}

/** What a walk found. */
export interface WalkResult {
  /** Sorted by relative path. */
  files: WalkedFile[]
  /** Every non-hidden sub-folder, relative, with forward slashes. */
  dirs: string[]
}

/** Options for a walk. */
export interface WalkOptions {
  /** Symlinks whose real target lies outside this (real) folder are not followed. */
  confineTo?: string
  /** Called for each sub-folder that cannot be read (relative path, error code). */
  onUnreadable?: (rel: string, code: string) => void
  /** Called for each entry that is not a file or folder one can read (a FIFO, a name not in UTF-8), with why. */
  onSkipped?: (rel: string, reason: string) => void
}

/** Why an entry that is neither a regular file nor a folder is not read, e.g. "not a regular file (FIFO)". */
export function notRegularReason(
  stats: Pick<Stats, 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>,
): string {
  const kind = stats.isFIFO()
    ? 'FIFO'
    : stats.isSocket()
      ? 'socket'
      : stats.isCharacterDevice()
        ? 'character device'
        : stats.isBlockDevice()
          ? 'block device'
          : 'unknown kind'
  return `not a regular file (${kind})`
}

/** Longest a walk runs synchronous stats before it lets other work run. */
const SLICE_MS = 15

/** Lists every non-hidden file under `dir`, following symlinks at most once and never outside `confineTo`. */
export async function walk(dir: string, options: WalkOptions = {}): Promise<WalkResult> {
  const files: WalkedFile[] = []
  const dirs: string[] = []
  const visited = new Set<string>([await fs.realpath(dir)])
  const linked: [string, string, string][] = []
  let sliceStart = performance.now()

  async function visit(abs: string, rel: string): Promise<void> {
    let entries: Dirent[]
    try {
      entries = await fs.readdir(abs, { withFileTypes: true })
    } catch (error) {
      log.warn(`walk: cannot read folder ${abs}`, error)
      options.onUnreadable?.(rel, (error as NodeJS.ErrnoException).code ?? String(error))
      return
    }
    const subdirs: [string, string][] = []
    const names = entries.map((entry) => entry.name)
    for (const entry of entries) {
      if (isHiddenName(entry.name)) continue
      // Synchronous stats are several times faster than queued async ones; slices keep the event loop free.
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve))
        sliceStart = performance.now()
      }
      const childRel = rel ? `${rel}/${entry.name}` : entry.name
      const found = statEntry(path.join(abs, entry.name), entry, childRel)
      if (!found) continue
      if (found.stats.isDirectory()) {
        // A saved page's `page_files/` belongs to `page.html`: its files are not articles (the import copies it).
        if (isAssetFolder(entry.name, names)) continue
        // Real folders first; a linked folder only later and only when its target was not walked already.
        if (entry.isSymbolicLink()) linked.push([path.join(abs, entry.name), childRel, found.real!])
        else if (!visited.has(found.real!)) {
          visited.add(found.real!)
          subdirs.push([path.join(abs, entry.name), childRel])
        }
      } else if (found.stats.isFile()) {
        files.push({ rel: childRel, size: found.stats.size, mtimeMs: found.stats.mtimeMs })
      } else options.onSkipped?.(childRel, notRegularReason(found.stats))
    }
    for (const [childAbs, childRel] of subdirs) {
      dirs.push(childRel)
      await visit(childAbs, childRel)
    }
  }

  function statEntry(abs: string, entry: Dirent, rel: string): { stats: Stats; real?: string } | undefined {
    try {
      if (entry.isSymbolicLink()) {
        const real = fsSync.realpathSync(abs)
        if (options.confineTo) {
          const inside = path.relative(options.confineTo, real)
          if (!isInside(options.confineTo, real) || inside.split(path.sep).some(isHiddenName)) {
            log.debug(`walk: not following ${abs}: it leads outside the library or into a hidden folder`)
            return undefined
          }
        }
        return { stats: fsSync.statSync(abs), real }
      }
      if (entry.isDirectory()) return { stats: fsSync.statSync(abs), real: fsSync.realpathSync(abs) }
      return { stats: fsSync.statSync(abs) }
    } catch (error) {
      // A name that is not UTF-8 comes back from readdir with U+FFFD in it, and that name does not exist.
      if (entry.name.includes('\uFFFD') && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        options.onSkipped?.(rel, 'the file name is not valid UTF-8, so it cannot be opened; rename it and try again')
      }
      // Vanished between readdir and stat, a dangling link, or no permission: not a file we can read.
      log.debug(`walk: skipping ${abs}`, error)
      return undefined
    }
  }

  await visit(dir, '')
  for (let next = linked.shift(); next; next = linked.shift()) {
    const [abs, rel, real] = next
    if (visited.has(real)) continue
    visited.add(real)
    dirs.push(rel)
    await visit(abs, rel)
  }
  files.sort((a, b) => comparePaths(a.rel, b.rel))
  dirs.sort(comparePaths)
  return { files, dirs }
}
