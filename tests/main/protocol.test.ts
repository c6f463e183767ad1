import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}))
vi.mock('electron', () => electron)

const { APP_ENTRY_URL, registerAppScheme, resolveRendererPath, serveRenderer, serveRendererRequest } =
  await import('../../electron/main/protocol')
const { CONTENT_SECURITY_POLICY } = await import('../../electron/main/security')
type Library = import('../../electron/core/library/types').Library

let root: string
let rendererDir: string

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-protocol-'))
  rendererDir = path.join(root, 'renderer')
  await fs.mkdir(path.join(rendererDir, 'assets'), { recursive: true })
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Broadsheet</title>')
  await fs.writeFile(path.join(rendererDir, 'assets', 'app.js'), 'export {}')
  await fs.writeFile(path.join(root, 'secret.txt'), 'not for the renderer')
})

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
  })
})

describe('resolveRendererPath', () => {
  it('maps app URLs to files in the renderer folder', () => {
    expect(resolveRendererPath(rendererDir, APP_ENTRY_URL)).toBe(path.join(rendererDir, 'index.html'))
    expect(resolveRendererPath(rendererDir, 'app://broadsheet/')).toBe(path.join(rendererDir, 'index.html'))
    expect(resolveRendererPath(rendererDir, 'app://broadsheet/assets/app.js?v=1#x')).toBe(
      path.join(rendererDir, 'assets', 'app.js'),
    )
  })

  it.each([
    'app://broadsheet/../secret.txt',
    'app://broadsheet/%2e%2e/secret.txt',
    'app://broadsheet/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://broadsheet/assets/..%5c..%5csecret.txt',
    'app://broadsheet/index.html%00.js',
    'app://broadsheet/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://broadsheet/index.html',
  ])('never leaves the renderer folder for %s', (url) => {
    const resolved = resolveRendererPath(rendererDir, url)
    expect(resolved === null || resolved.startsWith(rendererDir + path.sep)).toBe(true)
  })

  it('refuses encoded separators that would climb out', () => {
    expect(resolveRendererPath(rendererDir, 'app://broadsheet/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull()
    expect(resolveRendererPath(rendererDir, 'app://broadsheet/assets/..%5c..%5csecret.txt')).toBeNull()
    expect(resolveRendererPath(rendererDir, 'app://other/index.html')).toBeNull()
    expect(resolveRendererPath(rendererDir, 'file:///etc/passwd')).toBeNull()
  })
})

describe('serveRendererRequest', () => {
  it('serves a file with its type and the CSP header', async () => {
    const response = await serveRendererRequest(rendererDir, { url: APP_ENTRY_URL, method: 'GET' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toContain('<title>Broadsheet</title>')
  })

  it('serves scripts as JavaScript', async () => {
    const response = await serveRendererRequest(rendererDir, { url: 'app://broadsheet/assets/app.js' })
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 403 for a path outside the renderer folder, without reading it', async () => {
    const response = await serveRendererRequest(rendererDir, { url: 'app://broadsheet/a/%2e%2e%2f%2e%2e%2fsecret.txt' })
    expect(response.status).toBe(403)
    expect(await response.text()).not.toContain('not for the renderer')
  })

  it('answers 404 for a missing file and 405 for a POST', async () => {
    expect((await serveRendererRequest(rendererDir, { url: 'app://broadsheet/nope.js' })).status).toBe(404)
    expect((await serveRendererRequest(rendererDir, { url: APP_ENTRY_URL, method: 'POST' })).status).toBe(405)
  })

  it("serves an article's image stored beside it on the media route, and nothing else there", async () => {
    const library = path.join(root, 'library')
    await fs.mkdir(path.join(library, 'page_files'), { recursive: true })
    await fs.writeFile(path.join(library, 'page.html'), '<p>A saved page</p>')
    await fs.writeFile(path.join(library, 'page_files', 'dot.gif'), 'GIF89a')
    const open = { root: library, pathOf: (id: string) => (id === 'a1' ? path.join(library, 'page.html') : undefined) }
    const serve = (url: string) => serveRendererRequest(rendererDir, { url }, () => open as unknown as Library)
    const image = await serve('app://broadsheet/media/a1/page_files/dot.gif')
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/gif')
    expect(image.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await image.text()).toBe('GIF89a')
    expect((await serve('app://broadsheet/media/a1/page.html')).status).toBe(404)
    expect((await serve('app://broadsheet/media/zz/page_files/dot.gif')).status).toBe(404)
    expect(
      (await serveRendererRequest(rendererDir, { url: 'app://broadsheet/media/a1/page_files/dot.gif' })).status,
    ).toBe(404)
  })

  it('is what serveRenderer installs on the app scheme', async () => {
    serveRenderer(rendererDir)
    const [scheme, handler] = electron.protocol.handle.mock.calls[0]!
    expect(scheme).toBe('app')
    const response = await handler({ url: APP_ENTRY_URL, method: 'GET' })
    expect(response.status).toBe(200)
  })
})
