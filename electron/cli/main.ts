/**
 * The CLI's driver: global flags, the command table, exit statuses and one-line errors.
 */
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { LibraryOpenError, openLibrary } from '../core/library/library'
import { setLogSink } from '../core/logger'
import { CommandError, UsageError, type CliCommand, type CommandContext } from './command'
import { commands } from './commands'

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  out(text: string): void
  err(text: string): void
  stderrIsTTY: boolean
  env: Record<string, string | undefined>
}

const GLOBAL_OPTIONS = {
  library: { type: 'string', short: 'l' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options']

async function usage(): Promise<string> {
  const lines = [
    'Usage: broadsheet --library DIR <command> [options] [--json]',
    '',
    'The library folder may also come from the BROADSHEET_LIBRARY environment variable.',
    '',
    'Commands:',
  ]
  for (const [name, load] of Object.entries(commands)) {
    try {
      const command = await load()
      lines.push(`  ${command.usage.padEnd(36)} ${command.summary}`)
    } catch (error) {
      // One broken command must not hide the others' help.
      lines.push(`  ${name.padEnd(36)} (cannot load: ${error instanceof Error ? error.message.split('\n')[0] : error})`)
    }
  }
  lines.push(
    '',
    'Options:',
    '  --library DIR, -l DIR  the library folder',
    '  --json                 machine-readable output on stdout',
    '  --help, -h             this help',
  )
  return lines.join('\n') + '\n'
}

function commandName(argv: string[]): string | undefined {
  const { positionals } = parseArgs({ args: argv, options: GLOBAL_OPTIONS, allowPositionals: true, strict: false })
  // A command's own option may come before its name (`--into news import a.txt`): its value is not the command.
  return positionals.find((word) => Object.hasOwn(commands, word)) ?? positionals[0]
}

/** Runs the CLI over `argv` (without node and the script); resolves to the exit status. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  setLogSink((level, message, detail) => {
    if (level !== 'warn' && level !== 'error') return
    const extra = detail instanceof Error ? `: ${detail.message}` : ''
    io.err(`broadsheet: ${level}: ${message}${extra}\n`)
  })
  try {
    const name = commandName(argv)
    if (name === undefined) {
      if (argv.includes('--help') || argv.includes('-h')) {
        io.out(await usage())
        return 0
      }
      throw new UsageError('no command given')
    }
    const load = commands[name]
    if (!load || !Object.hasOwn(commands, name)) throw new UsageError(`unknown command "${name}"`)
    const command: CliCommand = await load()
    let parsed
    try {
      parsed = parseArgs({
        args: argv,
        options: { ...GLOBAL_OPTIONS, ...command.options },
        allowPositionals: true,
        strict: true,
      })
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message.split(/\n| To specify/)[0]! : String(error))
    }
    const { values, positionals } = parsed
    if (values.help) {
      io.out(`Usage: broadsheet --library DIR ${command.usage} [--json]\n\n${command.summary}\n`)
      return 0
    }
    const args = positionals.slice(1)
    if (args.length < (command.minArgs ?? 0)) throw new UsageError(`missing argument: ${command.usage}`)
    if (command.maxArgs !== undefined && args.length > command.maxArgs) {
      throw new UsageError(`too many arguments: ${command.usage}`)
    }
    const given = typeof values.library === 'string' ? values.library : io.env.BROADSHEET_LIBRARY
    if (!given && command.library !== false) {
      throw new UsageError('no library folder: give --library DIR or set BROADSHEET_LIBRARY')
    }
    const libraryPath = given ? path.resolve(given) : ''
    const ctx: CommandContext = {
      args,
      flags: values,
      json: values.json === true,
      libraryPath,
      openLibrary: (options = {}) => openLibrary(libraryPath, { create: options.create ?? false }),
      out: io.out,
      err: io.err,
      stderrIsTTY: io.stderrIsTTY,
    }
    return await command.run(ctx)
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`broadsheet: ${error.message} (see --help)\n`)
      return 2
    }
    if (error instanceof LibraryOpenError) {
      io.err(`broadsheet: ${error.message}\n`)
      return 2
    }
    if (error instanceof CommandError) {
      io.err(`broadsheet: ${error.message}\n`)
      return 1
    }
    io.err(`broadsheet: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    return 70
  }
}
