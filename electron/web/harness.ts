/**
 * The browser harness: serves the built renderer and the app's own IPC handlers over loopback HTTP.
 *
 * For trials in a browser and for the end-to-end suite. Binds 127.0.0.1 only and answers only requests
 * whose Host is 127.0.0.1 or localhost (against DNS rebinding) and that carry this run's secret: any other local
 * process or page gets 403. The secret comes in the URL the harness prints (`/?key=…`, which sets a cookie for the
 * page) or in the `x-broadsheet-key` header. Every request goes through `dispatch`, so arguments are validated
 * exactly as in Electron; the library opens through the same session code as the desktop app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { EventChannel, EventPayloads } from '../shared/ipc-contract'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { err } from '../shared/result'
import { log } from '../core/logger'
import { DEFAULT_MAX_FILE_BYTES, openLibrary } from '../core/library/library'
import type { Library } from '../core/library/types'
import { openSearchIndex } from '../core/search/search-index'
import { openStories } from '../core/stories'
import { openWorkbench } from '../core/workbench/index'
import type { SearchIndex } from '../core/search/types'
import type { ShellServices } from '../main/ipc/handlers'
import { dispatch } from '../main/ipc/dispatch'
import { createAppHandlers, memorySettingsStore } from '../app/context'
import { createLibrarySession } from '../app/library-session'
import { isMediaPath, MEDIA_CSP, readMedia } from '../app/media'
import { readRendererFile } from '../app/static'
import { isWireBytes } from './wire'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')

/** Where `npm run build` puts the renderer. */
export const DEFAULT_RENDERER_DIR = path.join(repoRoot, 'dist/renderer')

/**
 * Largest request body accepted: dropped files travel inside it as base64 (4/3 of their size), so a few files at
 * the import's own size limit fit; anything larger is refused with 413 while it streams in.
 */
export const MAX_BODY_BYTES = DEFAULT_MAX_FILE_BYTES * 4

/** The header a client may send this run's secret in (the page uses the cookie the printed URL sets). */
export const KEY_HEADER = 'x-broadsheet-key'

/** Options for starting the harness. */
export interface WebHarnessOptions {
  /** The library folder (created when missing). */
  library: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** The built renderer (default dist/renderer). */
  rendererDir?: string
  /** Where exports go, one new `export-N` folder (or `.zip`) each (default: a folder in the system temp dir). */
  exportsDir?: string
}

/** A shell request the harness recorded instead of carrying out. */
export interface ShellRequest {
  action: 'openExternal' | 'showItemInFolder' | 'openPath' | 'trashItem' | 'chooseExportTarget'
  target: string
}

/** A running harness. */
export interface WebHarness {
  /** The URL to open, this run's secret included (`http://127.0.0.1:PORT/?key=SECRET`). */
  url: string
  port: number
  /** This run's secret: requests without it get 403. */
  secret: string
  /** What the app asked the (stand-in) shell to do, in order. */
  shellRequests: ShellRequest[]
  library(): Library | null
  search(): SearchIndex | null
  close(): Promise<void>
}

/** Builds the bridge script that defines `window.broadsheet` in the page. */
async function buildBridge(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(here, 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    define: { BROADSHEET_MAX_BODY_BYTES: String(MAX_BODY_BYTES) },
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('web harness: esbuild produced no bridge')
  return file.text
}

/** A request body that is larger than the harness accepts. */
class BodyTooLarge extends Error {}

/**
 * Reads a request body, refusing it as soon as it is known to be too large: by its declared length before a byte is
 * read, else by counting while it streams in (and then no more of it is kept).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (declared > limit) return Promise.reject(new BodyTooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        // Keep nothing more: the rest of the body is read and dropped, so the client gets its answer.
        req.off('data', onData)
        req.resume()
        chunks.length = 0
        reject(new BodyTooLarge())
        return
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** True when `given` is this run's secret (compared in constant time). */
function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The value of one cookie in a Cookie header. */
function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function reviveBytes(_key: string, value: unknown): unknown {
  return isWireBytes(value) ? new Uint8Array(Buffer.from(value.$bytes, 'base64')) : value
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...extra,
    'content-type': type,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  })
  res.end(body)
}

/** Starts the harness on 127.0.0.1; resolves once it listens and the library is open. */
export async function startWebHarness(options: WebHarnessOptions): Promise<WebHarness> {
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR)
  const indexHtml = await fs.readFile(path.join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`web harness: no built renderer in ${rendererDir}; run \`npm run build\` first`)
  })
  const bridge = await buildBridge()
  // The bridge is a same-origin classic script before the app's module, so `script-src 'self'` still holds.
  const page = indexHtml.replace(/<script\b/, '<script src="./__bridge.js"></script>\n    <script')

  const clients = new Set<ServerResponse>()
  const emit = <C extends EventChannel>(channel: C, payload: EventPayloads[C]) => {
    const frame = `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const client of clients) client.write(frame)
  }

  const root = path.resolve(options.library)
  const session = createLibrarySession({
    openLibrary,
    openSearchIndex,
    openStories,
    openWorkbench,
    settings: { libraryRoot: () => null, setLibraryRoot: async () => {} },
    defaultRoot: root,
    sampleDir: null,
    emit,
    warn: (message, detail) => log.warn(`web harness: ${message} ${detail}`),
  })
  const opened = await session.start()
  if (!opened.ok) throw new Error(`web harness: ${opened.error.message}`)

  const shellRequests: ShellRequest[] = []
  const exportsDir = path.resolve(options.exportsDir ?? path.join(os.tmpdir(), `broadsheet-exports-${process.pid}`))
  let exportCount = 0
  const shell: ShellServices = {
    openExternal: async (url) => void shellRequests.push({ action: 'openExternal', target: url }),
    showItemInFolder: (file) => void shellRequests.push({ action: 'showItemInFolder', target: file }),
    openPath: async (file) => void shellRequests.push({ action: 'openPath', target: file }),
    confirmTrash: async () => false,
    trashItem: async (file) => void shellRequests.push({ action: 'trashItem', target: file }),
    chooseFolder: async () => null,
    chooseImportPaths: async () => null,
    // No dialog in a browser: each export goes to a new numbered folder under the harness's exports folder.
    chooseExportTarget: async (zip) => {
      exportCount += 1
      const target = path.join(exportsDir, `export-${exportCount}`)
      shellRequests.push({ action: 'chooseExportTarget', target })
      return zip ? `${target}.zip` : target
    },
  }
  const handlers = createAppHandlers({ session, shell, settings: memorySettingsStore() })
  const secret = randomBytes(24).toString('base64url')

  let port = options.port ?? 0
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  const server = createServer((req, res) => {
    void handle(req, res).catch((error) => {
      log.error('web harness: request failed', error)
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error')
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'text/plain', 'forbidden host')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedOrigins().has(origin)) return send(res, 403, 'text/plain', 'forbidden origin')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const keyCookie = `broadsheet-key-${port}`

    // Opening the printed URL hands the page its secret as a cookie, then shows the app without the key in view.
    if (url.pathname === '/' && req.method === 'GET' && sameSecret(url.searchParams.get('key') ?? undefined, secret)) {
      return send(res, 303, 'text/plain', 'see /', {
        location: '/',
        'set-cookie': `${keyCookie}=${secret}; Path=/; HttpOnly; SameSite=Strict`,
      })
    }
    const given = req.headers[KEY_HEADER]
    if (!sameSecret(typeof given === 'string' ? given : cookie(req.headers.cookie, keyCookie), secret)) {
      return send(res, 403, 'text/plain', 'forbidden: open the URL the harness printed')
    }

    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only')
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length))
      let args: unknown
      try {
        args = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'), reviveBytes)
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          const limit = `${MAX_BODY_BYTES / 1024 / 1024} MB`
          const answer = err('invalid-argument', `${channel}: the request is larger than the harness takes (${limit}).`)
          // Whatever the client still sends is read and dropped, so it always gets this answer.
          return send(res, 413, 'application/json', JSON.stringify(answer))
        }
        const answer = err('invalid-argument', `${channel}: the request body is not valid JSON (${error}).`)
        return send(res, 400, 'application/json', JSON.stringify(answer))
      }
      const answer = await dispatch(handlers, channel, args)
      return send(res, 200, 'application/json', JSON.stringify(answer))
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed')

    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      res.write(': connected\n\n')
      clients.add(res)
      const search = session.search()
      if (search) res.write(`event: index:status\ndata: ${JSON.stringify(search.status())}\n\n`)
      req.on('close', () => clients.delete(res))
      return
    }
    if (url.pathname === '/__bridge.js') return send(res, 200, 'text/javascript; charset=utf-8', bridge)
    if (url.pathname === '/' || url.pathname === '/index.html') {
      // The same policy as the desktop app's header, besides the copy the build writes into the page.
      return send(res, 200, 'text/html; charset=utf-8', page, { 'content-security-policy': CONTENT_SECURITY_POLICY })
    }

    // An article's offline images, confined to the library (the same route as Electron's app scheme).
    if (isMediaPath(url.pathname)) {
      const media = await readMedia(session.library(), url.pathname)
      return send(res, media.status, media.type, media.body, { 'content-security-policy': MEDIA_CSP })
    }

    // Static files, confined to the renderer folder (a path out of it is not found, as far as a client can tell).
    const answer = await readRendererFile(rendererDir, url.pathname)
    return answer.status === 200 ? send(res, 200, answer.type, answer.body) : send(res, 404, 'text/plain', 'not found')
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('web harness: no port')
  port = address.port
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n')
  }, 15_000)

  return {
    url: `http://127.0.0.1:${port}/?key=${secret}`,
    port,
    secret,
    shellRequests,
    library: () => session.library(),
    search: () => session.search(),
    close: async () => {
      clearInterval(heartbeat)
      for (const client of clients) client.end()
      clients.clear()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await session.close()
    },
  }
}
