/**
 * Waits for a library's search index to catch up, with a progress line on a terminal.
 */
import type { SearchIndex } from '../core/search/types'
import type { CommandContext } from './command'

/** Resolves once the index is up to date; shows `indexing n/N…` on stderr while it builds, when stderr is a terminal. */
export async function indexReady(index: SearchIndex, ctx: CommandContext): Promise<void> {
  if (!ctx.stderrIsTTY) return index.ready()
  let shown = false
  const stop = index.onStatus((s) => {
    if (s.state !== 'building') return
    shown = true
    ctx.err(`\rindexing ${s.indexed}/${s.total}…`)
  })
  try {
    await index.ready()
  } finally {
    stop()
    if (shown) ctx.err('\r\x1b[K')
  }
}
