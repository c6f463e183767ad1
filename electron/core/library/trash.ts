/**
 * Trash with undo: an article's file is first moved (one rename, never over anything) into
 * `.broadsheet/trash/<token>/`, hidden from scans, where `restore` can bring it back; `flush` hands every held file
 * to the system trash at quit and at the next open, so a crash in between never loses one.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { log } from '../logger'
import { numberedName, resolveInside } from './paths'

/** Where a held file came from, kept beside it. */
const ORIGIN = '.origin.json'

/** How many `name (n).ext` candidates a restore tries. */
const MAX_NAME_TRIES = 1000

/** Files held for undo in one library's `.broadsheet/trash/`. */
export class Trash {
  readonly #root: string
  readonly #dir: string

  /** The trash of the library at `root` whose data folder is `dataDir`. */
  constructor(root: string, dataDir: string) {
    this.#root = root
    this.#dir = path.join(dataDir, 'trash')
  }

  /** Moves the file at `rel` (relative to the root) into the trash; resolves to the token that restores it. */
  async hold(rel: string): Promise<string> {
    const source = resolveInside(this.#root, rel)
    if (!source) throw new Error(`trash: ${rel} is not inside the library`)
    const token = `${Date.now()}-${randomBytes(4).toString('hex')}`
    const held = path.join(this.#dir, token)
    await fs.mkdir(held, { recursive: true })
    // The origin goes first: after a crash between the two steps, the held file still knows where it belongs.
    await fs.writeFile(path.join(held, ORIGIN), JSON.stringify({ rel }))
    try {
      await fs.rename(source, path.join(held, path.basename(source)))
    } catch (error) {
      await fs.rm(held, { recursive: true, force: true })
      throw error
    }
    return token
  }

  /** Brings a held file back, under ` (2)` when its name was taken meanwhile; resolves to the rel used, or undefined. */
  async restore(token: string): Promise<string | undefined> {
    if (!/^[\w-]+$/.test(token)) return undefined
    const held = path.join(this.#dir, token)
    const item = await heldFile(held)
    if (!item) return undefined
    const { rel } = JSON.parse(await fs.readFile(path.join(held, ORIGIN), 'utf8')) as { rel: string }
    const slash = rel.lastIndexOf('/')
    const folder = slash < 0 ? '' : rel.slice(0, slash)
    const dir = folder === '' ? this.#root : resolveInside(this.#root, folder)
    if (!dir) throw new Error(`trash: ${rel} is not inside the library`)
    await fs.mkdir(dir, { recursive: true })
    for (let n = 1; n <= MAX_NAME_TRIES; n++) {
      const name = numberedName(rel.slice(slash + 1), n)
      const taken = await fs.lstat(path.join(dir, name)).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return false
          throw error
        },
      )
      if (taken) continue
      await fs.rename(path.join(held, item), path.join(dir, name))
      await fs.rm(held, { recursive: true, force: true })
      return folder === '' ? name : `${folder}/${name}`
    }
    throw new Error(`trash: no free name to restore ${rel}`)
  }

  /** Hands every held file to `send` (the system trash); a file `send` fails on stays held for the next flush. */
  async flush(send: (file: string) => Promise<void>): Promise<void> {
    const tokens = await fs.readdir(this.#dir).catch(() => [] as string[])
    for (const token of tokens) {
      const held = path.join(this.#dir, token)
      try {
        const item = await heldFile(held)
        if (item) await send(path.join(held, item))
        await fs.rm(held, { recursive: true, force: true })
      } catch (error) {
        log.error(`trash: cannot send ${held} to the system trash; it stays held`, error)
      }
    }
  }
}

async function heldFile(held: string): Promise<string | undefined> {
  const names = await fs.readdir(held).catch(() => [] as string[])
  return names.find((name) => name !== ORIGIN)
}
