import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { invokeChannels } from '../../electron/shared/ipc-contract'
import { isTrustedSender, registerDropChannel, registerIpcHandlers, sendToWindow } from '../../electron/main/ipc'
import { DropTokens } from '../../electron/app/drops'
import { createHandlers } from '../../electron/main/ipc/handlers'
import { fakeContext } from './helpers/fake-context'

function fakeWindow(id = 1) {
  const send = vi.fn()
  const win = {
    isDestroyed: () => false,
    webContents: { id, send, isDestroyed: () => false },
  }
  return { win: win as unknown as BrowserWindow, send }
}

function event(options: { senderId?: number; url?: string; parent?: unknown; noFrame?: boolean } = {}) {
  return {
    sender: { id: options.senderId ?? 1 },
    senderFrame: options.noFrame
      ? null
      : { url: options.url ?? 'app://broadsheet/index.html', parent: options.parent ?? null },
  } as unknown as IpcMainInvokeEvent
}

describe('isTrustedSender', () => {
  const { win } = fakeWindow()

  it('trusts the top frame of the app window showing the app', () => {
    expect(isTrustedSender(event(), () => win)).toBe(true)
  })

  it.each([
    ['another web contents', { senderId: 2 }],
    ['a web page', { url: 'https://example.com/' }],
    ['a local file', { url: 'file:///tmp/evil.html' }],
    ['another host of the app scheme', { url: 'app://elsewhere/index.html' }],
    ['a sub-frame', { parent: {} }],
    ['a frame that is gone', { noFrame: true }],
  ])('refuses %s', (_label, options) => {
    expect(isTrustedSender(event(options), () => win)).toBe(false)
  })

  it('refuses everything when there is no window', () => {
    expect(isTrustedSender(event(), () => null)).toBe(false)
  })
})

function fakeIpcMain() {
  const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  return {
    registered,
    ipcMain: {
      handle: vi.fn(
        (channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) => {
          registered.set(channel, listener)
        },
      ),
      removeHandler: vi.fn((channel: string) => registered.delete(channel)),
    },
  }
}

describe('registerIpcHandlers', () => {
  it('handles every channel of the contract, and removes them again', () => {
    const { ipcMain, registered } = fakeIpcMain()
    const unregister = registerIpcHandlers(ipcMain, createHandlers(fakeContext().ctx), () => true)
    expect([...registered.keys()].sort()).toEqual(Object.keys(invokeChannels).sort())
    unregister()
    expect(registered.size).toBe(0)
  })

  it('answers an untrusted sender with untrusted-sender on every channel, never reaching the core', async () => {
    const { ipcMain, registered } = fakeIpcMain()
    const fake = fakeContext()
    registerIpcHandlers(ipcMain, createHandlers(fake.ctx), () => false)
    for (const [channel, listener] of registered) {
      const result = await listener(event({ url: 'https://example.com/' }), 'world/port.txt')
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } })
    }
    expect(fake.calls()).toEqual([])
  })

  it('validates the arguments of a trusted sender and runs the handler', async () => {
    const { ipcMain, registered } = fakeIpcMain()
    const fake = fakeContext()
    registerIpcHandlers(ipcMain, createHandlers(fake.ctx), () => true)
    expect(await registered.get('article:get')!(event(), 42)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    })
    expect(fake.calls()).toEqual([])
    expect(await registered.get('article:get')!(event(), 'world/port.txt')).toMatchObject({ ok: true })
    expect(fake.library.get).toHaveBeenCalledWith('world/port.txt')
  })

  it('holds requests until the library has opened', async () => {
    const { ipcMain, registered } = fakeIpcMain()
    const fake = fakeContext()
    let open!: () => void
    const ready = new Promise<void>((resolve) => (open = resolve))
    registerIpcHandlers(ipcMain, createHandlers(fake.ctx), () => true, ready)
    const pending = registered.get('library:info')!(event())
    await Promise.resolve()
    expect(fake.library.info).not.toHaveBeenCalled()
    open()
    expect(await pending).toMatchObject({ ok: true })
  })
})

describe('registerDropChannel', () => {
  it('gives the trusted preload one one-time token per dropped path', async () => {
    const { ipcMain, registered } = fakeIpcMain()
    const drops = new DropTokens()
    registerDropChannel(ipcMain, drops, () => true)
    const answer = (await registered.get('import:register-drops')!(event(), [
      '/downloads/a.txt',
      '/downloads/b.txt',
    ])) as {
      ok: true
      value: string[]
    }
    expect(answer.ok).toBe(true)
    expect(answer.value).toHaveLength(2)
    expect(drops.take(answer.value[1]!)).toBe('/downloads/b.txt')
    expect(drops.take(answer.value[1]!)).toBeNull()
  })

  it('registers nothing for an untrusted sender or a bad argument', async () => {
    const { ipcMain, registered } = fakeIpcMain()
    const drops = { register: vi.fn(() => []) } as unknown as DropTokens
    registerDropChannel(ipcMain, drops, (e) => e.senderFrame?.url === 'app://broadsheet/index.html')
    const listener = registered.get('import:register-drops')!
    expect(await listener(event({ url: 'https://example.com/' }), ['/etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    })
    expect(await listener(event(), '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(drops.register).not.toHaveBeenCalled()
  })
})

describe('sendToWindow', () => {
  it('sends the payload on the event channel', () => {
    const { win, send } = fakeWindow()
    sendToWindow(win, 'app:command', 'theme:dark')
    expect(send).toHaveBeenCalledWith('app:command', 'theme:dark')
  })

  it('does nothing without a window', () => {
    expect(() => sendToWindow(null, 'index:status', { state: 'ready', indexed: 0, total: 0 })).not.toThrow()
  })
})
