import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import { startWebHarness, type WebHarness } from '../../electron/web/harness'
import { wireReplacer } from '../../electron/web/wire'
import { tempLibrary } from './support'

/** A raw request, so the Host and Origin headers can be anything. */
function request(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('web harness', () => {
  let harness: WebHarness
  let remove: () => Promise<void>
  let root: string

  beforeAll(async () => {
    ;({ root, remove } = await tempLibrary())
    const rendererDir = path.join(root, '..', path.basename(root) + '-renderer')
    await fs.mkdir(rendererDir, { recursive: true })
    await fs.writeFile(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>',
    )
    harness = await startWebHarness({ library: path.join(root, 'lib'), port: 0, rendererDir })
  })

  afterAll(async () => {
    await harness?.close()
    await remove?.()
    await fs.rm(path.join(root, '..', path.basename(root) + '-renderer'), { recursive: true, force: true })
  })

  const ipc = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    request(harness.port, {
      path: `/ipc/${channel}`,
      method: 'POST',
      headers: { host: `127.0.0.1:${harness.port}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(args, wireReplacer),
    })

  it('listens on 127.0.0.1 and creates the library folder', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect((await fs.stat(path.join(root, 'lib'))).isDirectory()).toBe(true)
  })

  it('loads the bridge before the app script', async () => {
    const page = await request(harness.port, { path: '/', headers: { host: `localhost:${harness.port}` } })
    expect(page.status).toBe(200)
    expect(page.body.indexOf('/__bridge.js')).toBeLessThan(page.body.indexOf('./app.js'))
    const bridge = await request(harness.port, { path: '/__bridge.js', headers: { host: `127.0.0.1:${harness.port}` } })
    expect(bridge.body).toContain('broadsheet')
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebound = await request(harness.port, { path: '/', headers: { host: 'attacker.example' } })
    expect(rebound.status).toBe(403)
    const crossOrigin = await ipc('library:info', [], { origin: 'http://attacker.example' })
    expect(crossOrigin.status).toBe(403)
  })

  it('validates arguments exactly as the app does', async () => {
    const answer = JSON.parse((await ipc('article:get', [42])).body)
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    const unknown = JSON.parse((await ipc('shell:exec', [])).body)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('imports files sent as bytes with their relative names', async () => {
    const bytes = new TextEncoder().encode(
      'Ferry timetable changes for winter\n\nThe ferry will run every two hours.\n',
    )
    const answer = JSON.parse((await ipc('import:files', [[{ kind: 'bytes', name: 'notes/ferry.txt', bytes }]])).body)
    expect(answer.ok).toBe(true)
    expect(answer.value[0]).toMatchObject({ status: 'imported' })
    const list = JSON.parse((await ipc('library:list', [])).body)
    expect(list.value.map((a: { title: string }) => a.title)).toContain('Ferry timetable changes for winter')
  })

  it('sends lean list rows: what the list shows, sorts and filters by, and no text, hash or disclaimers', async () => {
    const list = JSON.parse((await ipc('library:list', [])).body)
    expect(list.value.length).toBeGreaterThan(0)
    for (const row of list.value) {
      expect(Object.keys(row).sort()).toEqual(
        ['collection', 'flags', 'id', 'importedAt', 'language', 'published', 'read', 'site', 'starred', 'title'].sort(),
      )
    }
  })

  it('refuses a dropped name that climbs out of the library', async () => {
    const bytes = new TextEncoder().encode('x')
    const answer = JSON.parse((await ipc('import:files', [[{ kind: 'bytes', name: '../evil.txt', bytes }]])).body)
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    await expect(fs.stat(path.join(root, 'evil.txt'))).rejects.toThrow()
  })

  it('never serves files outside the renderer folder', async () => {
    const answer = await request(harness.port, {
      path: '/..%2f..%2f..%2fetc%2fpasswd',
      headers: { host: `127.0.0.1:${harness.port}` },
    })
    expect(answer.status).toBe(404)
  })
})
