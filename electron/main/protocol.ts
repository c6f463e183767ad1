/**
 * The app's own `app://broadsheet/` scheme: serves the built renderer folder and, on `/media/…`, an article's
 * offline images from the open library; nothing else.
 *
 * The renderer never loads from the network or from `file://`; every response carries the app's CSP.
 */
import { protocol } from 'electron'
import { log } from '../core/logger'
import { readRendererFile, rendererFileFor } from '../app/static'
import { isMediaPath, MEDIA_CSP, readMedia } from '../app/media'
import type { Library } from '../core/library/types'
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security'

/** The URL the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

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
  return rendererFileFor(rendererDir, url.pathname)
}

/**
 * Answers one request for the renderer's files: the file with the app's headers, 404 or 403 otherwise; or, on the
 * media route, an image of an article in the open `library`.
 */
export async function serveRendererRequest(
  rendererDir: string,
  request: { url: string; method?: string },
  library: () => Library | null = () => null,
): Promise<Response> {
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' }
  if (request.method && request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers })
  }
  const file = resolveRendererPath(rendererDir, request.url)
  if (file && isMediaPath(new URL(request.url).pathname)) {
    const media = await readMedia(library(), new URL(request.url).pathname)
    const body = typeof media.body === 'string' ? media.body : new Uint8Array(media.body)
    return new Response(body, {
      status: media.status,
      headers: { ...headers, 'Content-Security-Policy': MEDIA_CSP, 'Content-Type': media.type },
    })
  }
  if (!file) {
    log.warn(`protocol: refused ${request.url}`)
    return new Response('Forbidden', { status: 403, headers })
  }
  const answer = await readRendererFile(rendererDir, new URL(request.url).pathname)
  const body = typeof answer.body === 'string' ? answer.body : new Uint8Array(answer.body)
  return new Response(body, { status: answer.status, headers: { ...headers, 'Content-Type': answer.type } })
}

/** Serves `rendererDir` (and the open library's article images) on the app scheme; call once the app is ready. */
export function serveRenderer(rendererDir: string, library: () => Library | null = () => null): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rendererDir, request, library))
}
