/**
 * The shape of one CLI command, so a new command is one file in `commands/` plus one line in `commands.ts`.
 */
import type { ParseArgsConfig } from 'node:util'
import type { Library } from '../core/library/types'

/** A bad invocation: the CLI prints the message on one line and exits with status 2. */
export class UsageError extends Error {}

/** A failure of a command that ran (e.g. an unknown article id): one line on stderr, exit status 1. */
export class CommandError extends Error {}

/** Everything a command gets. */
export interface CommandContext {
  /** Positional arguments after the command name. */
  args: string[]
  /** Parsed flags (the command's own and the global ones). */
  flags: Record<string, string | boolean | string[] | boolean[] | undefined>
  /** `--json`: stdout carries only JSON. */
  json: boolean
  /** The library folder, as given (resolved by the caller). */
  libraryPath: string
  /** Opens the library (with the given options); turns an unusable folder into a one-line error. */
  openLibrary(options?: { create?: boolean }): Promise<Library>
  /** Writes to stdout. */
  out(text: string): void
  /** Writes to stderr. */
  err(text: string): void
  /** Whether stderr is a terminal (progress lines only then). */
  stderrIsTTY: boolean
}

/** One command of the CLI. */
export interface CliCommand {
  /** e.g. 'import PATH… [--into COLLECTION]' */
  usage: string
  /** One line for --help. */
  summary: string
  /** The command's own flags (the global --library, --json and --help are always there). */
  options?: ParseArgsConfig['options']
  /** False for a command that reads no library (e.g. `verify` of an export): `--library` is then not asked for. */
  library?: false
  /** How many positional arguments it takes. */
  minArgs?: number
  maxArgs?: number
  /** Runs the command; resolves to the exit status. */
  run(ctx: CommandContext): Promise<number>
}
