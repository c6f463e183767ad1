/**
 * Logging for the shell: the core's logger goes to a file in userData; uncaught errors are logged and shown.
 */
import { dialog } from 'electron'
import electronLog from 'electron-log/main'
import { log, setLogSink } from '../core/logger'

/** Points the core's logger at `logFile` (rotated at 5 MB); in development it also goes to the terminal. */
export function startLogging(logFile: string, isDev: boolean): void {
  electronLog.transports.file.resolvePathFn = () => logFile
  electronLog.transports.file.maxSize = 5 * 1024 * 1024
  electronLog.transports.file.level = 'info'
  electronLog.transports.console.level = isDev ? 'debug' : false
  setLogSink((level, message, detail) => {
    if (detail === undefined) electronLog[level](message)
    else electronLog[level](message, detail)
  })
}

const describeError = (error: unknown) =>
  error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)

/**
 * Creates the reporter for unexpected errors: it logs every one and shows a message box for the first of a burst
 * (at most one every 10 seconds, never two at once), so a failing loop cannot bury the user in dialogs.
 */
export function createErrorReporter(
  logFile: string,
  now: () => number = Date.now,
): (title: string, error: unknown) => void {
  let lastShown = -Infinity
  let showing = false
  return (title, error) => {
    log.error(title, error)
    if (showing || now() - lastShown < 10_000) return
    showing = true
    lastShown = now()
    const text = error instanceof Error ? error.message : String(error)
    void dialog
      .showMessageBox({
        type: 'error',
        title: 'Broadsheet',
        message: title,
        detail: `${text}\n\nBroadsheet keeps running. The details are in ${logFile}.`,
        buttons: ['OK'],
      })
      .catch((dialogError: unknown) =>
        log.error('logging: could not show the error dialog', describeError(dialogError)),
      )
      .finally(() => {
        showing = false
      })
  }
}

/**
 * Logs and reports uncaught exceptions and unhandled rejections of the main process instead of letting them end it.
 */
export function installCrashHandlers(
  proc: Pick<NodeJS.Process, 'on'>,
  report: (title: string, error: unknown) => void,
): void {
  proc.on('uncaughtException', (error) => report('Broadsheet hit an unexpected error.', error))
  proc.on('unhandledRejection', (reason) => report('Broadsheet hit an unexpected error.', reason))
}
