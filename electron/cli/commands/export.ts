/**
 * `export (--ids ID…|--query "Q" [filters…]|--saved NAME) --to DIR [--zip] [--format evidence|csv|json|markdown]`:
 * writes an evidence bundle or an analysis export of a selection into a new or empty folder (or a new ZIP).
 * `--to` is the destination (the contract), so the query's date range is `--since D` / `--until D` here.
 */
import path from 'node:path'
import type { SearchRequest } from '../../shared/models'
import { EXPORT_FORMATS, type ExportFormat, type ExportSelection } from '../../shared/workbench'
import { openSearchIndex } from '../../core/search/search-index'
import { openWorkbench } from '../../core/workbench/index'
import { CommandError, UsageError, type CliCommand, type CommandContext } from '../command'
import { indexReady } from '../index-progress'
import { SINCE_UNTIL, filterOptions, filterUsage, filteredRequest, strings } from '../search-filters'
import { formatSize } from '../../core/formats'

/** The search request of `--query` with its filter options, the date range given as `--since`/`--until`. */
function searchRequest(query: string, flags: CommandContext['flags']): SearchRequest {
  return filteredRequest(query, flags, SINCE_UNTIL)
}

/** The query's filter options, with the date range as `--since`/`--until`. */
const QUERY_FILTERS = filterOptions(SINCE_UNTIL)

/** The one selection the options name; a usage error for none or several, or for filters without `--query`. */
function selectionOf(ctx: CommandContext): ExportSelection {
  const ids = strings(ctx.flags.ids).flatMap((s) => s.split(/[\s,]+/).filter(Boolean))
  const query = ctx.flags.query
  const saved = ctx.flags.saved
  const given = [ids.length > 0, typeof query === 'string', typeof saved === 'string'].filter(Boolean).length
  if (given !== 1) throw new UsageError('give exactly one of --ids ID…, --query "QUERY" or --saved NAME')
  const filter = Object.keys(QUERY_FILTERS).find((name) => ctx.flags[name] !== undefined)
  if (filter && typeof query !== 'string')
    throw new UsageError(`--${filter} narrows a --query; it cannot narrow ids or a saved search`)
  if (ids.length > 0) return { kind: 'ids', ids: [...ids, ...ctx.args] }
  if (typeof query === 'string') return { kind: 'search', request: searchRequest(query, ctx.flags) }
  return { kind: 'saved', name: saved as string }
}

/** The `export` command. */
export const command: CliCommand = {
  usage:
    `export (--ids ID… | --query "QUERY" ${filterUsage(SINCE_UNTIL)} | ` +
    `--saved NAME) --to DIR [--zip] [--format ${EXPORT_FORMATS.join('|')}]`,
  summary:
    'Export articles as an evidence bundle (originals, metadata, citations, MANIFEST.sha256) or CSV/JSON/Markdown. ' +
    'A query’s dates are --since D and --until D (both inclusive): --to is the destination.',
  options: {
    ids: { type: 'string', multiple: true },
    query: { type: 'string' },
    saved: { type: 'string' },
    zip: { type: 'boolean' },
    format: { type: 'string' },
    ...QUERY_FILTERS,
    // The destination folder or ZIP.
    to: { type: 'string' },
    // Read only to say that a query's dates are --since/--until here (search's --from would be a bare "unknown").
    from: { type: 'string' },
  },
  minArgs: 0,
  // `--ids a b c`: the ids after the first arrive as positional arguments.
  maxArgs: Infinity,
  async run(ctx) {
    if (ctx.flags.from !== undefined) {
      throw new UsageError('export takes a query’s dates as --since D and --until D (--to is the destination)')
    }
    const selection = selectionOf(ctx)
    if (selection.kind !== 'ids' && ctx.args.length > 0) throw new UsageError(`unexpected argument "${ctx.args[0]}"`)
    const format = (ctx.flags.format ?? 'evidence') as ExportFormat
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
    if (typeof ctx.flags.to !== 'string' || !ctx.flags.to) throw new UsageError('--to DIR is required')
    const to = path.resolve(ctx.flags.to)
    const library = await ctx.openLibrary()
    const index = await openSearchIndex(library)
    try {
      await indexReady(index, ctx)
      const workbench = await openWorkbench(library, index, null)
      try {
        const result = await workbench.export({
          selection,
          format,
          zip: ctx.flags.zip === true,
          to,
          onProgress: ctx.stderrIsTTY ? (p) => ctx.err(`\rexporting ${p.done}/${p.total}…`) : undefined,
        })
        if (ctx.stderrIsTTY) ctx.err('\r\x1b[K')
        if (!result.ok) throw new CommandError(result.error.message)
        const s = result.value
        if (ctx.json) ctx.out(JSON.stringify(s) + '\n')
        else {
          const what = `${s.articles} article${s.articles === 1 ? '' : 's'}, ${s.files} files, ${formatSize(s.bytes)}`
          ctx.out(`Exported ${what} to ${s.path}\n`)
        }
        return 0
      } finally {
        await workbench.close()
      }
    } finally {
      await index.close()
      await library.close()
    }
  },
}
