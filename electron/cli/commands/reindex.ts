/**
 * `reindex`: throws the stored search index away and builds it again from the library.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openSearchIndex } from '../../core/search/search-index'
import { searchDir, ShardStore } from '../../core/search/store'
import { CommandError, type CliCommand } from '../command'
import { indexReady } from '../index-progress'

function bytesOnDisk(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) total += statSync(join(dir, name)).size
  return total
}

/** The `reindex` command. */
export const command: CliCommand = {
  usage: 'reindex',
  summary: 'Rebuild the search index from scratch (prints articles, shards, size and time).',
  maxArgs: 0,
  async run(ctx) {
    const library = await ctx.openLibrary()
    const started = performance.now()
    const dir = searchDir(library.root)
    new ShardStore(dir).clear()
    const index = await openSearchIndex(library)
    try {
      await indexReady(index, ctx)
      const status = index.status()
      if (status.state === 'error') throw new CommandError(`indexing failed: ${status.message ?? 'unknown error'}`)
      const seconds = (performance.now() - started) / 1000
      const shards = readdirSync(dir).filter((f) => f.startsWith('shard-')).length
      const bytes = bytesOnDisk(dir)
      if (ctx.json) {
        ctx.out(JSON.stringify({ articles: status.indexed, shards, bytes, seconds }) + '\n')
      } else {
        const mb = (bytes / 1024 / 1024).toFixed(1)
        ctx.out(`Indexed ${status.indexed} articles into ${shards} shards (${mb} MB) in ${seconds.toFixed(1)} s\n`)
      }
      return 0
    } finally {
      await index.close()
      await library.close()
    }
  },
}
