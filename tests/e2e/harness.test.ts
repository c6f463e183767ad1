import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fs from 'node:fs/promises'
import http from 'node:http'
import path from 'node:path'
import os from 'node:os'
import { KEY_HEADER, MAX_BODY_BYTES, startWebHarness, type WebHarness } from '../../electron/web/harness'
import { openSettingsStore } from '../../electron/main/settings-store'
import { CONTENT_SECURITY_POLICY } from '../../electron/shared/csp'
import { wireReplacer } from '../../electron/web/wire'
import { startHarnessProcess, tempLibrary } from './support'

/** A raw request, so the Host and Origin headers can be anything. */
function request(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
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

  /** The Host and secret every allowed request carries. */
  const allowed = () => ({ host: `127.0.0.1:${harness.port}`, [KEY_HEADER]: harness.secret })

  const ipc = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    request(harness.port, {
      path: `/ipc/${channel}`,
      method: 'POST',
      headers: { ...allowed(), 'content-type': 'application/json', ...headers },
      body: JSON.stringify(args, wireReplacer),
    })

  it('listens on 127.0.0.1 and creates the library folder', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[\w-]{20,}$/)
    expect((await fs.stat(path.join(root, 'lib'))).isDirectory()).toBe(true)
  })

  it('loads the bridge before the app script', async () => {
    const page = await request(harness.port, {
      path: '/',
      headers: { host: `localhost:${harness.port}`, [KEY_HEADER]: harness.secret },
    })
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(page.body.indexOf('/__bridge.js')).toBeLessThan(page.body.indexOf('./app.js'))
    const bridge = await request(harness.port, { path: '/__bridge.js', headers: allowed() })
    expect(bridge.body).toContain('broadsheet')
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebound = await request(harness.port, {
      path: '/',
      headers: { host: 'attacker.example', [KEY_HEADER]: harness.secret },
    })
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
      headers: allowed(),
    })
    expect(answer.status).toBe(404)
  })

  it('answers 403 to any request without this run’s secret', async () => {
    const host = { host: `127.0.0.1:${harness.port}` }
    expect((await request(harness.port, { path: '/', headers: host })).status).toBe(403)
    expect((await request(harness.port, { path: '/__bridge.js', headers: host })).status).toBe(403)
    expect((await request(harness.port, { path: '/events', headers: host })).status).toBe(403)
    const wrong = await ipc('library:list', [], { [KEY_HEADER]: 'x'.repeat(harness.secret.length) })
    expect(wrong.status).toBe(403)
    expect(wrong.body).not.toContain('Ferry')
    const guessed = await request(harness.port, { path: '/?key=guess', headers: host })
    expect(guessed.status).toBe(403)
  })

  it('hands the page its secret as a cookie when the printed URL is opened', async () => {
    const printed = new URL(harness.url)
    const opened = await request(harness.port, {
      path: printed.pathname + printed.search,
      headers: { host: printed.host },
    })
    expect(opened.status).toBe(303)
    expect(opened.headers.location).toBe('/')
    const setCookie = String(opened.headers['set-cookie'])
    expect(setCookie).toMatch(/HttpOnly/)
    const page = await request(harness.port, {
      path: '/',
      headers: { host: printed.host, cookie: setCookie.split(';')[0]! },
    })
    expect(page.status).toBe(200)
    expect(page.body).toContain('/__bridge.js')
  })

  it('refuses a body declared larger than the cap with 413, before reading it', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: harness.port,
          path: '/ipc/import:files',
          method: 'POST',
          headers: { ...allowed(), 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1 },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.write('[[')
    })
    expect(answer).toBe(413)
  })

  it('stops reading a streamed body once it passes the cap and answers 413', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20)
    const status = await new Promise<number>((resolve, reject) => {
      let sent = 0
      const req = http.request(
        {
          host: '127.0.0.1',
          port: harness.port,
          path: '/ipc/import:files',
          method: 'POST',
          headers: { ...allowed(), 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume()
          req.destroy()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      const pump = () => {
        // Far more than the cap, unless the server answers first.
        while (sent < MAX_BODY_BYTES * 3 && !req.destroyed) {
          sent += chunk.length
          if (!req.write(chunk)) return void req.once('drain', pump)
        }
      }
      pump()
    })
    expect(status).toBe(413)
  })

  it('starts with the same settings as the desktop app', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-settings-'))
    try {
      const desktop = openSettingsStore(path.join(dir, 'settings.json')).get()
      const answer = JSON.parse((await ipc('settings:get', [])).body)
      expect(answer).toEqual({ ok: true, value: desktop })
    } finally {
      await fs.rm(dir, { recursive: true, force: true })
    }
  })
})

describe('npm run web', () => {
  it('prints one URL with its secret on stdout, and only that URL opens the app', async () => {
    const { root, remove } = await tempLibrary()
    const rendererDir = path.join(root, 'renderer')
    await fs.mkdir(rendererDir)
    await fs.writeFile(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><html><head><script src="./a.js"></script></head></html>',
    )
    const harness = await startHarnessProcess(path.join(root, 'lib'), rendererDir)
    try {
      const printed = new URL(harness.url)
      expect(printed.searchParams.get('key')).toMatch(/^[\w-]{20,}$/)
      const port = Number(printed.port)
      const bare = await request(port, { path: '/', headers: { host: printed.host } })
      expect(bare.status).toBe(403)
      const opened = await request(port, { path: printed.pathname + printed.search, headers: { host: printed.host } })
      expect(opened.status).toBe(303)
      const cookie = String(opened.headers['set-cookie']).split(';')[0]!
      const page = await request(port, { path: '/', headers: { host: printed.host, cookie } })
      expect(page.status).toBe(200)
    } finally {
      await harness.close()
      await remove()
    }
  })
})
