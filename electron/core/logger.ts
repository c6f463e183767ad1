/**
 * The one logger. The core writes here; the shell points it at a log file, the CLI at stderr.
 */

/** How bad a log line is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Where log lines go. */
export type LogSink = (level: LogLevel, message: string, detail?: unknown) => void

let sink: LogSink = () => {}

/** Sends every later log line to `next` (the default drops them, so tests and the CLI's JSON stay clean). */
export function setLogSink(next: LogSink): void {
  sink = next
}

/** Logs through the current sink. */
export const log = {
  debug: (message: string, detail?: unknown) => sink('debug', message, detail),
  info: (message: string, detail?: unknown) => sink('info', message, detail),
  warn: (message: string, detail?: unknown) => sink('warn', message, detail),
  error: (message: string, detail?: unknown) => sink('error', message, detail),
}
