/**
 * `import PATH… [--into COLLECTION]`: copies files and folders into the library.
 */
import type { ImportResult } from '../../shared/models'
import { validCollection } from '../../core/library/paths'
import { UsageError, type CliCommand } from '../command'

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The human summary of an import: counts, then each failure with its reason and each duplicate with its twin. */
export function importSummary(results: ImportResult[]): string {
  const count = (status: ImportResult['status']) => results.filter((r) => r.status === status).length
  const lines = [
    `${count('imported')} imported, ${plural(count('duplicate'), 'duplicate', 'duplicates')}, ${count('failed')} failed`,
  ]
  for (const r of results) {
    if (r.status === 'failed') lines.push(`  failed: ${r.file}: ${r.error ?? 'unknown reason'}`)
    if (r.status === 'duplicate') {
      // A read-later export has no article to name: its warnings say where it is.
      lines.push(`  duplicate: ${r.file}: already in the library${r.duplicateOf ? ` as ${r.duplicateOf}` : ''}`)
    }
    for (const warning of r.warnings) lines.push(`  warning: ${r.file}: ${warning}`)
  }
  return lines.join('\n') + '\n'
}

/** The `import` command. */
export const command: CliCommand = {
  usage: 'import PATH… [--into COLLECTION]',
  summary: 'Copy files and folders into the library (the originals are never changed).',
  options: { into: { type: 'string' } },
  minArgs: 1,
  async run(ctx) {
    const into = typeof ctx.flags.into === 'string' ? ctx.flags.into.replace(/^\/+|\/+$/g, '') : ''
    if (!validCollection(into)) {
      throw new UsageError(
        `--into "${ctx.flags.into}" is not a collection (a relative folder path without ".." or hidden parts)`,
      )
    }
    const library = await ctx.openLibrary({ create: true })
    let progressShown = false
    try {
      const results = await library.import(
        ctx.args.map((path) => ({ kind: 'path' as const, path })),
        {
          into,
          onProgress: ctx.stderrIsTTY
            ? ({ done, total, current }) => {
                progressShown = true
                const line = current ? `[${done}/${total}] ${current}` : ''
                ctx.err(`\r\x1b[K${line.slice(0, (process.stderr.columns || 80) - 1)}`)
              }
            : undefined,
        },
      )
      if (progressShown) ctx.err('\r\x1b[K')
      ctx.out(ctx.json ? JSON.stringify({ results }) + '\n' : importSummary(results))
      return 0
    } finally {
      await library.close()
    }
  },
}
