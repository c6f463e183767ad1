import os from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LibraryBusyError, WriteLock } from '../../../electron/core/library/lock'
import { makeTempDir, type TempDir } from '../../helpers/temp-library'

let dir: TempDir

beforeEach(() => {
  dir = makeTempDir()
})

afterEach(() => dir.remove())

describe('WriteLock', () => {
  it('lets a second writer in only after the first one is done', async () => {
    const a = new WriteLock(dir.root)
    const b = new WriteLock(dir.root)
    const order: string[] = []
    const held = await a.acquire('importing')
    const second = b.acquire('importing').then((lock) => {
      order.push('b in')
      return lock
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    order.push('a done')
    await held.release()
    const heldB = await second
    expect(order).toEqual(['a done', 'b in'])
    expect(heldB.othersWrote).toBe(true)
    await heldB.release()
    expect(dir.exists('write.lock')).toBe(false)
  })

  it('tells the user which process is importing when the wait runs out', async () => {
    const held = await new WriteLock(dir.root).acquire('importing')
    await expect(new WriteLock(dir.root).acquire('importing', { waitMs: 0 })).rejects.toThrow(
      new LibraryBusyError(process.pid, 'importing'),
    )
    await held.release()
  })

  it('takes over the lock of a process that is gone', async () => {
    const dead = { pid: 2 ** 22 + 12345, hostname: os.hostname(), time: Date.now(), owner: 'x', doing: 'importing' }
    dir.write('write.lock', JSON.stringify(dead))
    const held = await new WriteLock(dir.root).acquire('importing', { waitMs: 0 })
    expect(JSON.parse(dir.read('write.lock')).pid).toBe(process.pid)
    await held.release()
  })
})
