/**
 * `verify PATH`: re-hashes an export folder or ZIP against its MANIFEST.sha256. Exit 0 when every file matches,
 * 1 otherwise, with the files that differ, are missing or were added.
 */
import path from 'node:path'
import { verifyExport } from '../../core/workbench/verify'
import { CommandError, type CliCommand } from '../command'

/** The `verify` command. */
export const command: CliCommand = {
  usage: 'verify PATH',
  summary: 'Check an export folder or ZIP against its MANIFEST.sha256 (exit 1 when any file differs or is missing).',
  library: false,
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const result = await verifyExport(path.resolve(ctx.args[0]!))
    if (!result.ok) throw new CommandError(result.error.message)
    const report = result.value
    if (ctx.json) {
      ctx.out(JSON.stringify(report) + '\n')
      return report.ok ? 0 : 1
    }
    const lines: string[] = []
    for (const rel of report.differ) lines.push(`DIFFERS  ${rel}`)
    for (const rel of report.missing) lines.push(`MISSING  ${rel}`)
    for (const rel of report.extra) lines.push(`EXTRA    ${rel}`)
    const n = report.matched.length
    lines.push(
      report.ok
        ? `OK: ${n === 1 ? 'the 1 file matches' : `all ${n} files match`} the manifest`
        : `FAILED: ${n} match, ${report.differ.length} differ, ${report.missing.length} missing, ` +
            `${report.extra.length} not in the manifest`,
    )
    ctx.out(lines.join('\n') + '\n')
    return report.ok ? 0 : 1
  },
}
