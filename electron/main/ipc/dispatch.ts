/**
 * Validates a request against the contract and runs its handler.
 *
 * Both transports (Electron's ipcMain and the loopback test transport) go through here, so no
 * argument reaches the core unchecked.
 */
import { invokeChannels, type InvokeChannel } from '../../shared/ipc-contract'
import { err, type Result } from '../../shared/result'
import { log } from '../../core/logger'
import type { Handlers } from './handlers'

/** True when `channel` is one of the contract's request channels. */
export function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeChannels, channel)
}

/** Checks `args` against the channel's schema, then calls its handler; every failure comes back as a value. */
export async function dispatch(handlers: Handlers, channel: string, args: unknown): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) return err('invalid-argument', `Unknown channel "${channel}".`)
  const parsed = invokeChannels[channel].safeParse(args)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : ''
    return err('invalid-argument', `${channel}: ${issue?.message ?? 'invalid arguments'}${where}.`)
  }
  try {
    const handler = handlers[channel] as (...a: unknown[]) => Promise<Result<unknown>>
    return await handler(...(parsed.data as unknown[]))
  } catch (error) {
    log.error(`${channel} failed`, error)
    return err('internal', `${channel} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}
