/**
 * The app's own `app://broadsheet/` scheme: serves the built renderer folder and nothing else.
 *
 * The renderer never loads from the network or from `file://`; every response carries the app's CSP.
 */
import { protocol } from 'electron'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { log } from '../core/logger'
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security'

/** The URL the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

/** The MIME type the app serves a file with. */
export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Registers `app:` as a standard, secure scheme; must run before the app is ready.
 *
 * Standard gives the renderer a real origin (`app://broadsheet`), so `'self'` in the CSP means the app's own files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/**
 * The file under `rendererDir` that an `app://broadsheet/…` URL names, or null when the URL is not the app's or
 * would leave the folder (`..`, encoded separators, NUL bytes).
 */
export function resolveRendererPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  if (pathname === '/' || pathname === '') pathname = '/index.html'
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, `.${pathname}`)
  if (!file.startsWith(root + path.sep)) return null
  return file
}

/** Answers one request for the renderer's files: the file with the app's headers, 404 or 403 otherwise. */
export async function serveRendererRequest(
  rendererDir: string,
  request: { url: string; method?: string },
): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }
  if (request.method && request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers })
  }
  const file = resolveRendererPath(rendererDir, request.url)
  if (!file) {
    log.warn(`protocol: refused ${request.url}`)
    return new Response('Forbidden', { status: 403, headers })
  }
  try {
    const body = await readFile(file)
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: { ...headers, 'Content-Type': mimeTypeOf(file) },
    })
  } catch {
    return new Response('Not found', { status: 404, headers })
  }
}

/** Serves `rendererDir` on the app scheme; call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rendererDir, request))
}
