import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DROP_TOKEN_LIFETIME_MS, DropTokens, refusalOf } from '../../electron/app/drops'

describe('DropTokens', () => {
  it('gives each dropped path its own unguessable token, good once', () => {
    const drops = new DropTokens()
    const [a, b] = drops.register(['/downloads/a.txt', '/downloads/b.txt'])
    expect(a).not.toBe(b)
    expect(a!.length).toBeGreaterThanOrEqual(32)
    expect(drops.take(b!)).toBe('/downloads/b.txt')
    expect(drops.take(a!)).toBe('/downloads/a.txt')
    expect(drops.take(a!)).toBeNull()
  })

  it('forgets a token nobody used in time', () => {
    let now = 1_000_000
    const drops = new DropTokens(() => now)
    const [token] = drops.register(['/downloads/a.txt'])
    now += DROP_TOKEN_LIFETIME_MS + 1
    expect(drops.take(token!)).toBeNull()
  })
})

describe('refusalOf', () => {
  it('lets an ordinary file through', async () => {
    expect(await refusalOf('/downloads/harbour.txt')).toBeNull()
  })

  it.each([
    ['relative/path.txt', /absolute/],
    ['/proc/self/environ', /system/],
    ['/dev/stdin', /system/],
    ['/home/reader/.config/secrets.json', /hidden/],
    ['/home/reader/.env', /hidden/],
    ['/home/reader/News/.broadsheet/catalog.json', /own data/],
  ])('refuses %s', async (file, reason) => {
    expect(await refusalOf(file)).toMatch(reason)
  })

  it('refuses a link whose target is hidden, and a folder link into /proc', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-refusal-'))
    try {
      await fs.mkdir(path.join(dir, '.keys'))
      await fs.writeFile(path.join(dir, '.keys', 'id.txt'), 'secret')
      await fs.symlink(path.join(dir, '.keys'), path.join(dir, 'keys'))
      await fs.symlink('/proc/self', path.join(dir, 'me'))
      expect(await refusalOf(path.join(dir, 'keys', 'id.txt'))).toMatch(/hidden/)
      expect(await refusalOf(path.join(dir, 'me', 'cwd'))).toMatch(/system|hidden/)
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})
