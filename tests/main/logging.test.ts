import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) },
}))
vi.mock('electron', () => electron)
const electronLog = vi.hoisted(() => ({
  transports: { file: {} as Record<string, unknown>, console: {} as Record<string, unknown> },
  debug: vi.fn(),
  info: vi.fn(),
  warn: vi.fn(),
  error: vi.fn(),
}))
vi.mock('electron-log/main', () => ({ default: electronLog }))

const { createErrorReporter, installCrashHandlers, startLogging } = await import('../../electron/main/logging')
const { log } = await import('../../electron/core/logger')

beforeEach(() => vi.clearAllMocks())

describe('startLogging', () => {
  it('sends the core’s log lines to the log file in userData', () => {
    startLogging('/userData/logs/main.log', false)
    expect((electronLog.transports.file.resolvePathFn as () => string)()).toBe('/userData/logs/main.log')
    expect(electronLog.transports.console.level).toBe(false)
    log.warn('library: something odd', { file: 'a.txt' })
    expect(electronLog.warn).toHaveBeenCalledWith('library: something odd', { file: 'a.txt' })
  })
})

describe('installCrashHandlers', () => {
  it('logs and shows an uncaught error instead of letting it end the app', async () => {
    startLogging('/userData/logs/main.log', false)
    const proc = new EventEmitter()
    installCrashHandlers(proc as unknown as NodeJS.Process, createErrorReporter('/userData/logs/main.log'))
    proc.emit('uncaughtException', new Error('core exploded'))
    expect(electronLog.error).toHaveBeenCalledWith('Broadsheet hit an unexpected error.', expect.any(Error))
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'error', detail: expect.stringContaining('core exploded') }),
    )
  })

  it('logs unhandled rejections too', () => {
    startLogging('/userData/logs/main.log', false)
    const proc = new EventEmitter()
    installCrashHandlers(proc as unknown as NodeJS.Process, createErrorReporter('/l.log'))
    proc.emit('unhandledRejection', 'a plain reason')
    expect(electronLog.error).toHaveBeenCalledWith('Broadsheet hit an unexpected error.', 'a plain reason')
  })
})

describe('createErrorReporter', () => {
  it('shows one dialog for a burst of errors but logs them all', async () => {
    startLogging('/l.log', false)
    let now = 0
    const report = createErrorReporter('/l.log', () => now)
    report('boom', new Error('1'))
    await Promise.resolve()
    report('boom', new Error('2'))
    now = 5_000
    report('boom', new Error('3'))
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1)
    expect(electronLog.error).toHaveBeenCalledTimes(3)
    await new Promise((resolve) => setTimeout(resolve, 0))
    now = 20_000
    report('boom', new Error('4'))
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(2)
  })
})
