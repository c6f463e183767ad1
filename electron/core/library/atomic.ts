/**
 * Crash-safe writes: a file is written whole to a temp file in `.broadsheet/tmp/`, synced, then moved into place,
 * so a crash never leaves a half file where a user (or Broadsheet) would read it.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { numberedName } from './paths'

/** How many `name (n).ext` candidates a copy tries before it gives up. */
const MAX_NAME_TRIES = 10_000

async function writeTemp(tmpDir: string, data: Uint8Array | string, sync: boolean): Promise<string> {
  await fs.mkdir(tmpDir, { recursive: true })
  const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(6).toString('hex')}.part`)
  const handle = await fs.open(tmp, 'wx')
  try {
    await handle.writeFile(data)
    if (sync) await handle.sync()
  } catch (error) {
    await handle.close().catch(() => {})
    await fs.rm(tmp, { force: true })
    throw error
  }
  await handle.close()
  return tmp
}

/** Replaces `target` with `data` atomically (temp file, fsync, rename); for Broadsheet's own files. */
export async function writeFileAtomic(target: string, data: string, tmpDir: string): Promise<void> {
  const tmp = await writeTemp(tmpDir, data, true)
  try {
    await fs.rename(tmp, target)
  } catch (error) {
    await fs.rm(tmp, { force: true })
    throw error
  }
}

/** Options for `copyNew`. */
export interface CopyNewOptions {
  /** fsync the temp file before it is linked into place (default true). */
  sync?: boolean
}

/**
 * Writes `data` as a new file in `dir`, named `fileName` or the first free `fileName (n).ext`; never overwrites.
 *
 * The bytes go to a synced temp file first, which is then hard-linked under the free name (link fails with EEXIST
 * rather than overwrite, so a name race is safe). Resolves to the name used.
 */
export async function copyNew(
  data: Uint8Array,
  dir: string,
  fileName: string,
  tmpDir: string,
  options: CopyNewOptions = {},
): Promise<string> {
  const tmp = await writeTemp(tmpDir, data, options.sync ?? true)
  try {
    for (let n = 1; n <= MAX_NAME_TRIES; n++) {
      const name = numberedName(fileName, n)
      const target = path.join(dir, name)
      try {
        await fs.link(tmp, target)
        return name
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'EEXIST') continue
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS') {
          // No hard links here (e.g. FAT or some network drives): reserve the name with an exclusive create,
          // then move the whole temp file over our own empty placeholder.
          try {
            await (await fs.open(target, 'wx')).close()
          } catch (reserveError) {
            if ((reserveError as NodeJS.ErrnoException).code === 'EEXIST') continue
            throw reserveError
          }
          await fs.rename(tmp, target)
          return name
        }
        throw error
      }
    }
    throw new Error(`no free name for ${fileName} after ${MAX_NAME_TRIES} tries`)
  } finally {
    await fs.rm(tmp, { force: true })
  }
}
