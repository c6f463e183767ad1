/**
 * Watches a library folder for changes made by other programs (chokidar), batching them into short bursts.
 */
import { watch } from 'chokidar'
import path from 'node:path'
import { log } from '../logger'
import { isHiddenName, toPosix } from './paths'

/** How long the watcher gathers events before it reports them. */
const BATCH_DELAY_MS = 100

/** What the watcher reports. */
export interface WatchHandlers {
  /** Files (relative paths) that were added, changed or removed. */
  onPaths(rels: Set<string>): void
  /** A folder was added or removed: the whole tree is worth a rescan. */
  onFolders(): void
}

/** A running watcher. */
export interface LibraryWatcher {
  close(): Promise<void>
}

/** Starts watching `root`; hidden names (including `.broadsheet`) are ignored. */
export function watchLibrary(root: string, handlers: WatchHandlers): LibraryWatcher {
  let paths = new Set<string>()
  let folders = false
  let timer: NodeJS.Timeout | undefined

  const relative = (abs: string) => toPosix(path.relative(root, abs))
  const flush = () => {
    timer = undefined
    const batch = paths
    const rescan = folders
    paths = new Set()
    folders = false
    if (rescan) handlers.onFolders()
    else if (batch.size > 0) handlers.onPaths(batch)
  }
  const schedule = () => {
    if (!timer) timer = setTimeout(flush, BATCH_DELAY_MS)
  }

  const watcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (abs: string) => {
      const rel = relative(abs)
      return rel !== '' && rel.split('/').some(isHiddenName)
    },
    // Writers that take a while (a browser saving a page) settle before the file is read.
    awaitWriteFinish: { stabilityThreshold: 200, pollInterval: 50 },
  })
  watcher.on('all', (event, abs) => {
    if (event === 'addDir' || event === 'unlinkDir') folders = true
    else paths.add(relative(abs))
    schedule()
  })
  watcher.on('error', (error) => log.warn('watch: watcher error', error))

  return {
    async close() {
      if (timer) clearTimeout(timer)
      timer = undefined
      await watcher.close()
    },
  }
}
