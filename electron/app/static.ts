/**
 * Serving the built renderer: which file a request names, confined to the renderer folder, and its MIME type.
 *
 * The Electron shell answers `app://broadsheet/…` with it and the browser harness answers `http://127.0.0.1/…`.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

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
 * The file under `rendererDir` that a URL's (still encoded) path names, or null when it would leave the folder
 * (`..`, encoded separators, NUL bytes) or does not decode. `/` is `index.html`.
 */
export function rendererFileFor(rendererDir: string, encodedPathname: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(encodedPathname)
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

/** A file of the renderer to send, or why not. */
export type StaticAnswer =
  { status: 200; body: Buffer; type: string } | { status: 403 | 404; body: string; type: 'text/plain; charset=utf-8' }

/** Reads the renderer file a URL path names: 200 with its type, 403 outside the folder, 404 when missing. */
export async function readRendererFile(rendererDir: string, encodedPathname: string): Promise<StaticAnswer> {
  const file = rendererFileFor(rendererDir, encodedPathname)
  if (!file) return { status: 403, body: 'Forbidden', type: 'text/plain; charset=utf-8' }
  try {
    return { status: 200, body: await readFile(file), type: mimeTypeOf(file) }
  } catch {
    return { status: 404, body: 'Not found', type: 'text/plain; charset=utf-8' }
  }
}
