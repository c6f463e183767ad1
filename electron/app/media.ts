/**
 * The one route both shells serve an article's offline images at: `/media/<articleId>/<relative path>`.
 *
 * Electron answers it on `app://broadsheet/media/…` and the harness on `http://127.0.0.1:PORT/media/…`, so the
 * reader's image URLs are same-origin (`img-src 'self'` in the app's CSP) in both. The path is resolved against the
 * article's own folder and confined to the library (see core/library/media.ts): image types only, no dotfiles,
 * nothing outside the library's real root.
 */
import fs from 'node:fs/promises'
import { MEDIA_ROUTE, parseMediaPath } from '../shared/media'
import { resolveLocalImage } from '../core/library/media'
import type { Library } from '../core/library/types'

/** Whether a URL's pathname is on the media route (then `readMedia` answers it, and nothing else does). */
export function isMediaPath(encodedPathname: string): boolean {
  return encodedPathname.startsWith(MEDIA_ROUTE)
}

/** An image to send, or why not (a client learns no more than "not found"). */
export type MediaAnswer =
  { status: 200; body: Buffer; type: string } | { status: 404; body: string; type: 'text/plain; charset=utf-8' }

const NOT_FOUND: MediaAnswer = { status: 404, body: 'Not found', type: 'text/plain; charset=utf-8' }

/** The CSP of every media response: should an image be opened on its own, nothing in it may run or load. */
export const MEDIA_CSP = "default-src 'none'; sandbox"

/** Reads the image a media URL's (still encoded) pathname names in the open library; 404 for anything else. */
export async function readMedia(library: Library | null, encodedPathname: string): Promise<MediaAnswer> {
  const named = parseMediaPath(encodedPathname)
  const articleFile = named && library ? library.pathOf(named.articleId) : undefined
  if (!named || !library || !articleFile) return NOT_FOUND
  const image = await resolveLocalImage(library.root, articleFile, named.relativePath)
  if (!image) return NOT_FOUND
  try {
    return { status: 200, body: await fs.readFile(image.file), type: image.type }
  } catch {
    return NOT_FOUND
  }
}
