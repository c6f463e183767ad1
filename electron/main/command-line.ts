/**
 * Files given to the app on its command line (a launch, a second launch, or a drop on the app's icon).
 */
import { statSync } from 'node:fs'
import path from 'node:path'

/**
 * The existing files and folders named in `argv`, resolved against `cwd`.
 *
 * Skips the executable (and, unpackaged, the app folder that `electron .` gets), every `-`/`--` switch
 * (Chromium adds its own on a second launch) and anything that does not exist.
 */
export function pathsFromArgv(argv: readonly string[], cwd: string, isPackaged: boolean): string[] {
  const args = argv.slice(isPackaged ? 1 : 2)
  const paths: string[] = []
  for (const arg of args) {
    if (arg === '' || arg.startsWith('-')) continue
    const full = path.resolve(cwd, arg)
    try {
      statSync(full)
      if (!paths.includes(full)) paths.push(full)
    } catch {
      // Not a file: an argument meant for Chromium or Electron, or a path that is gone.
    }
  }
  return paths
}
