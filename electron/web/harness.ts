/**
 * The browser harness: serves the built renderer and the app's own IPC handlers over loopback HTTP.
 *
 * For trials in a browser and for the end-to-end suite. Binds 127.0.0.1 only and answers only requests
 * whose Host is 127.0.0.1 or localhost (against DNS rebinding). Every request goes through `dispatch`,
 * so arguments are validated exactly as in Electron.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { EventChannel, EventPayloads } from '../shared/ipc-contract'
import type { LibraryInfo, Settings } from '../shared/models'
import { err, ok, type Result } from '../shared/result'
import { log } from '../core/logger'
import { openLibrary } from '../core/library/library'
import type { Library } from '../core/library/types'
import { openSearchIndex } from '../core/search/search-index'
import type { SearchIndex } from '../core/search/types'
import { createHandlers, type AppContext, type ShellServices, type SettingsStore } from '../main/ipc/handlers'
import { dispatch } from '../main/ipc/dispatch'
import { isWireBytes } from './wire'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')

/** Where `npm run build` puts the renderer. */
export const DEFAULT_RENDERER_DIR = path.join(repoRoot, 'dist/renderer')

/** Largest request body accepted (dropped files travel inside it as base64). */
const MAX_BODY_BYTES = 512 * 1024 * 1024

/** Options for starting the harness. */
export interface WebHarnessOptions {
  /** The library folder (created when missing). */
  library: string
  /** 0 (the default) picks a free port. */
  port?: number
  /** The built renderer (default dist/renderer). */
  rendererDir?: string
}

/** A shell request the harness recorded instead of carrying out. */
export interface ShellRequest {
  action: 'openExternal' | 'showItemInFolder' | 'openPath' | 'trashItem'
  target: string
}

/** A running harness. */
export interface WebHarness {
  url: string
  port: number
  /** What the app asked the (stand-in) shell to do, in order. */
  shellRequests: ShellRequest[]
  library(): Library | null
  search(): SearchIndex | null
  close(): Promise<void>
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
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
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('web harness: esbuild produced no bridge')
  return file.text
}

function memorySettings(): SettingsStore {
  let settings: Settings = {
    theme: 'system',
    fontSize: 18,
    lastView: 'list',
    lastArticleId: null,
    bannerMode: 'expanded',
  }
  return {
    get: () => settings,
    set: async (patch) => {
      settings = { ...settings, ...patch }
      return settings
    },
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function reviveBytes(_key: string, value: unknown): unknown {
  return isWireBytes(value) ? new Uint8Array(Buffer.from(value.$bytes, 'base64')) : value
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
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

  let library: Library | null = null
  let search: SearchIndex | null = null
  let unsubscribe: (() => void)[] = []

  const open = async (root: string, create: boolean): Promise<Result<LibraryInfo>> => {
    let next: Library
    try {
      next = await openLibrary(root, { watch: true, create })
    } catch (error) {
      return err('library-unusable', error instanceof Error ? error.message : String(error))
    }
    let nextSearch: SearchIndex | null = null
    try {
      nextSearch = await openSearchIndex(next)
    } catch (error) {
      // The library stays readable without search; the status line says why.
      log.error('web harness: cannot open the search index', error)
      emit('index:status', { state: 'error', indexed: 0, total: 0, message: `Search is unavailable: ${error}` })
    }
    for (const stop of unsubscribe) stop()
    const previous = { library, search }
    library = next
    search = nextSearch
    unsubscribe = [next.onChange((change) => emit('library:changed', change))]
    if (nextSearch) {
      unsubscribe.push(nextSearch.onStatus((status) => emit('index:status', status)))
      emit('index:status', nextSearch.status())
    }
    await previous.search?.close()
    await previous.library?.close()
    return ok(next.info())
  }

  const opened = await open(path.resolve(options.library), true)
  if (!opened.ok) throw new Error(`web harness: ${opened.error.message}`)

  const shellRequests: ShellRequest[] = []
  const shell: ShellServices = {
    openExternal: async (url) => void shellRequests.push({ action: 'openExternal', target: url }),
    showItemInFolder: (file) => void shellRequests.push({ action: 'showItemInFolder', target: file }),
    openPath: async (file) => void shellRequests.push({ action: 'openPath', target: file }),
    confirmTrash: async () => false,
    trashItem: async (file) => void shellRequests.push({ action: 'trashItem', target: file }),
    chooseFolder: async () => null,
    chooseImportPaths: async () => null,
  }
  const ctx: AppContext = {
    library: () => library,
    search: () => search,
    switchLibrary: (root) => open(root, false),
    shell,
    settings: memorySettings(),
    onImportProgress: (progress) => emit('import:progress', progress),
  }
  const handlers = createHandlers(ctx)

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

    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only')
      const channel = decodeURIComponent(url.pathname.slice('/ipc/'.length))
      let args: unknown
      try {
        args = JSON.parse((await readBody(req)).toString('utf8'), reviveBytes)
      } catch (error) {
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
      if (search) res.write(`event: index:status\ndata: ${JSON.stringify(search.status())}\n\n`)
      req.on('close', () => clients.delete(res))
      return
    }
    if (url.pathname === '/__bridge.js') return send(res, 200, contentTypes['.js']!, bridge)
    if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, contentTypes['.html']!, page)

    // Static files, confined to the renderer folder.
    const file = path.resolve(rendererDir, '.' + path.posix.normalize(decodeURIComponent(url.pathname)))
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 404, 'text/plain', 'not found')
    try {
      const body = await fs.readFile(file)
      return send(res, 200, contentTypes[path.extname(file)] ?? 'application/octet-stream', body)
    } catch {
      return send(res, 404, 'text/plain', 'not found')
    }
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
    url: `http://127.0.0.1:${port}/`,
    port,
    shellRequests,
    library: () => library,
    search: () => search,
    close: async () => {
      clearInterval(heartbeat)
      for (const client of clients) client.end()
      clients.clear()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      for (const stop of unsubscribe) stop()
      await search?.close()
      await library?.close()
      library = null
      search = null
    },
  }
}
