/**
 * Which paths an import may read: only those the user dropped or picked while the app runs, never hidden or system
 * files.
 *
 * The page never names a path. The preload turns each dropped file into its path (only Electron can) and main
 * answers a one-time token for it; `import:files` then carries the token. Tokens are random, used once, and
 * forgotten after a while, so a page can neither guess one nor replay one.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { DATA_DIR } from '../core/library/paths'

/** How long a drop token stays good: the preload uses it at once, so a minute is plenty. */
export const DROP_TOKEN_LIFETIME_MS = 60_000

/** System trees whose files are not articles and may expose the machine's secrets. */
const SYSTEM_ROOTS = ['/proc', '/sys', '/dev']

/** One-time tokens for the paths of files dropped on the app's window. */
export class DropTokens {
  #paths = new Map<string, { path: string; expires: number }>()
  #now: () => number

  /** `now` is for tests (fake clocks). */
  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  /** Registers dropped paths; answers one fresh token per path, in order. */
  register(paths: readonly string[]): string[] {
    this.#forgetExpired()
    const expires = this.#now() + DROP_TOKEN_LIFETIME_MS
    return paths.map((dropped) => {
      const token = randomBytes(24).toString('base64url')
      this.#paths.set(token, { path: dropped, expires })
      return token
    })
  }

  /** The path a token stands for, once: a second use, an unknown or an expired token gives null. */
  take(token: string): string | null {
    const entry = this.#paths.get(token)
    this.#paths.delete(token)
    if (!entry || entry.expires < this.#now()) return null
    return entry.path
  }

  #forgetExpired(): void {
    const now = this.#now()
    for (const [token, entry] of this.#paths) if (entry.expires < now) this.#paths.delete(token)
  }
}

function hiddenOrSystem(file: string): string | null {
  const resolved = path.resolve(file)
  if (SYSTEM_ROOTS.some((root) => resolved === root || resolved.startsWith(root + path.sep))) {
    return 'Broadsheet does not import system files.'
  }
  const parts = resolved.split(path.sep)
  if (parts.includes(DATA_DIR)) return `Broadsheet does not import its own data (${DATA_DIR}).`
  if (parts.some((part) => part.startsWith('.'))) return 'Broadsheet does not import hidden files or folders.'
  return null
}

/**
 * Why an import must not read `file`, or null when it may: a system tree (/proc, /sys, /dev), a hidden file or
 * folder (`~/.ssh`, dotfiles) or a library's own data folder. Checked on the path as given and on the real path of
 * each of its folders and of the file itself, so `/proc/self/cwd/…`, a link to `/proc/self` and a link into `~/.ssh`
 * are refused alike. `seen` caches the folders' answers across one batch.
 */
export async function refusalOf(file: string, seen: Map<string, string | null> = new Map()): Promise<string | null> {
  if (!path.isAbsolute(file)) return 'Only absolute paths can be imported.'
  const given = path.resolve(file)
  const direct = hiddenOrSystem(given)
  if (direct) return direct
  const parts = given.split(path.sep).filter(Boolean)
  let prefix = path.parse(given).root
  for (const part of parts) {
    prefix = path.join(prefix, part)
    let answer = seen.get(prefix)
    if (answer === undefined) {
      try {
        answer = hiddenOrSystem(await fs.realpath(prefix))
      } catch {
        // A path that does not resolve fails in the import itself, with its own reason.
        answer = null
      }
      seen.set(prefix, answer)
    }
    if (answer) return answer
  }
  return null
}
