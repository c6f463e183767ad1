/**
 * One writer per library across processes: `.broadsheet/write.lock`, created exclusively and holding the owner's
 * pid, host and time. A lock whose process is gone (same host) or that is older than STALE_MS is taken over.
 * `.broadsheet/last-writer` names the instance that wrote last, so the next one knows to look at the folder again.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { log } from '../logger'

/** A lock older than this is stale whoever holds it (a hung or crashed process on another machine). */
export const STALE_MS = 10 * 60_000

/** How long a writer waits for another one by default before it gives up. */
export const WAIT_MS = 30_000

const POLL_MS = 50

/** Thrown when another process holds the library's write lock for longer than the wait. */
export class LibraryBusyError extends Error {
  /** The pid of the holder, when known. */
  readonly pid: number | undefined

  constructor(pid: number | undefined, doing: string) {
    super(`the library is busy: another Broadsheet${pid === undefined ? '' : ` (pid ${pid})`} is ${doing}`)
    this.name = 'LibraryBusyError'
    this.pid = pid
  }
}

interface LockInfo {
  pid: number
  hostname: string
  time: number
  owner: string
  doing: string
}

/** A held lock. */
export interface HeldLock {
  /** True when another instance wrote to the library since this one last did (its view may be out of date). */
  othersWrote: boolean
  release(): Promise<void>
}

/** Options for `WriteLock.acquire`. */
export interface AcquireOptions {
  waitMs?: number
  staleMs?: number
}

/** The write lock of one library folder, as one library instance sees it. */
export class WriteLock {
  readonly #file: string
  readonly #stamp: string
  /** This instance, so a second library opened in the same process is another writer too. */
  readonly #owner = `${process.pid}-${randomBytes(6).toString('hex')}`

  /** A lock on `<dataDir>/write.lock`. */
  constructor(dataDir: string) {
    this.#file = path.join(dataDir, 'write.lock')
    this.#stamp = path.join(dataDir, 'last-writer')
  }

  /** Takes the lock, waiting while another live writer holds it; rejects with LibraryBusyError after the wait. */
  async acquire(doing: string, options: AcquireOptions = {}): Promise<HeldLock> {
    const waitMs = options.waitMs ?? WAIT_MS
    const staleMs = options.staleMs ?? STALE_MS
    const info: LockInfo = { pid: process.pid, hostname: os.hostname(), time: Date.now(), owner: this.#owner, doing }
    await fs.mkdir(path.dirname(this.#file), { recursive: true })
    const deadline = Date.now() + waitMs
    for (;;) {
      try {
        const handle = await fs.open(this.#file, 'wx')
        try {
          await handle.writeFile(JSON.stringify(info))
        } finally {
          await handle.close()
        }
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      const holder = await this.#read()
      if (holder === 'gone') continue
      if (isStale(holder, staleMs)) {
        log.warn(`lock: taking over a stale write lock${holder ? ` of pid ${holder.pid}` : ''}`)
        await fs.rm(this.#file, { force: true })
        continue
      }
      if (Date.now() >= deadline) throw new LibraryBusyError(holder?.pid, holder?.doing ?? 'writing to it')
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    }
    const last = await fs.readFile(this.#stamp, 'utf8').catch(() => undefined)
    return {
      othersWrote: last !== undefined && last !== this.#owner,
      release: async () => {
        await fs.writeFile(this.#stamp, this.#owner).catch((error: unknown) => log.warn('lock: cannot stamp', error))
        const now = await this.#read()
        if (now !== 'gone' && now?.owner === this.#owner) await fs.rm(this.#file, { force: true })
      },
    }
  }

  /** The holder's info; undefined when the file cannot be parsed (being written, or damaged); 'gone' when absent. */
  async #read(): Promise<LockInfo | undefined | 'gone'> {
    let raw: string
    try {
      raw = await fs.readFile(this.#file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
      throw error
    }
    try {
      return JSON.parse(raw) as LockInfo
    } catch {
      // Half written by its creator a moment ago, or left damaged: its age decides.
      const stats = await fs.stat(this.#file).catch(() => undefined)
      return stats ? { pid: NaN, hostname: '', time: stats.mtimeMs, owner: '', doing: 'writing to it' } : 'gone'
    }
  }
}

function isStale(holder: LockInfo | undefined, staleMs: number): boolean {
  if (!holder) return false
  if (Date.now() - holder.time > staleMs) return true
  if (holder.hostname !== os.hostname() || !Number.isInteger(holder.pid)) return false
  try {
    process.kill(holder.pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}
