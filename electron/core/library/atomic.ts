/**
 * Crash-safe writes: a file is written whole to a temp file in `.broadsheet/tmp/`, synced, then moved into place,
 * so a crash never leaves a half file where a user (or Broadsheet) would read it.
 */
import { randomBytes } from 'node:crypto'
import { constants as fsConstants } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { numberedName } from './paths'

/** How many `name (n).ext` candidates a copy tries before it gives up. */
const MAX_NAME_TRIES = 10_000

// Unique per process (a random part in case two processes share a library), then a counter: cheap per file.
const tempPrefix = `${process.pid}-${randomBytes(4).toString('hex')}`
let tempCounter = 0

/** A written, synced temp file with the size and mtime it will keep once linked into place. */
export interface TempFile {
  path: string
  size: number
  mtimeMs: number
}

/** Writes `data` to a new temp file in `tmpDir` (which must exist), optionally synced. */
export async function writeTemp(tmpDir: string, data: Uint8Array | string, sync: boolean): Promise<TempFile> {
  const tmp = path.join(tmpDir, `${tempPrefix}-${(tempCounter += 1)}.part`)
  const handle = await fs.open(tmp, 'wx')
  try {
    await handle.writeFile(data)
    if (sync) await handle.sync()
    const stats = await handle.stat()
    await handle.close()
    return { path: tmp, size: stats.size, mtimeMs: stats.mtimeMs }
  } catch (error) {
    await handle.close().catch(() => {})
    await fs.rm(tmp, { force: true })
    throw error
  }
}

/** Replaces `target` with `data` atomically (temp file, fsync, rename); for Broadsheet's own files. */
export async function writeFileAtomic(target: string, data: string, tmpDir: string): Promise<void> {
  await fs.mkdir(tmpDir, { recursive: true })
  const tmp = await writeTemp(tmpDir, data, true)
  try {
    await fs.rename(tmp.path, target)
  } catch (error) {
    await fs.rm(tmp.path, { force: true })
    throw error
  }
}

/**
 * Links a temp file into `dir` as `fileName` or the first free `fileName (n).ext`; never overwrites.
 *
 * A hard link fails with EEXIST rather than overwrite, so a name race is safe. Where hard links are not supported
 * (FAT, some network drives, another device) see `moveNew`. The temp file is gone afterwards either way. Resolves to
 * the name used.
 */
export async function linkNew(tmp: string, dir: string, fileName: string): Promise<string> {
  try {
    for (let n = 1; n <= MAX_NAME_TRIES; n++) {
      const name = numberedName(fileName, n)
      try {
        await fs.link(tmp, path.join(dir, name))
        return name
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EEXIST') continue
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error
        return await moveNew(tmp, dir, fileName, n)
      }
    }
    throw new Error(`no free name for ${fileName} after ${MAX_NAME_TRIES} tries`)
  } finally {
    await fs.unlink(tmp).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
    })
  }
}

/**
 * The no-hard-link path: the bytes are copied (exclusive create, fsync) to a hidden temp name in `dir` itself, then
 * renamed to the first name that is still absent. Nothing ever sits under a final name until it is whole; the only
 * race left is another program creating that very name between the check and the rename.
 */
async function moveNew(tmp: string, dir: string, fileName: string, from: number): Promise<string> {
  const hidden = path.join(dir, `.${tempPrefix}-${(tempCounter += 1)}.part`)
  try {
    await fs.copyFile(tmp, hidden, fsConstants.COPYFILE_EXCL)
    const handle = await fs.open(hidden, 'r+')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    for (let n = from; n <= MAX_NAME_TRIES; n++) {
      const name = numberedName(fileName, n)
      const target = path.join(dir, name)
      const taken = await fs.lstat(target).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        },
      )
      if (taken) continue
      await fs.rename(hidden, target)
      return name
    }
    throw new Error(`no free name for ${fileName} after ${MAX_NAME_TRIES} tries`)
  } finally {
    await fs.rm(hidden, { force: true })
  }
}

/** Options for `copyNew`. */
export interface CopyNewOptions {
  /** fsync the temp file before it is linked into place (default true). */
  sync?: boolean
}

/** Writes `data` as a new file in `dir` (temp file, fsync, link), named `fileName` or `fileName (n).ext`. */
export async function copyNew(
  data: Uint8Array,
  dir: string,
  fileName: string,
  tmpDir: string,
  options: CopyNewOptions = {},
): Promise<string> {
  await fs.mkdir(tmpDir, { recursive: true })
  const tmp = await writeTemp(tmpDir, data, options.sync ?? true)
  return linkNew(tmp.path, dir, fileName)
}
