/**
 * Images stored offline beside an article: which kinds the app draws and the one route both shells serve them at.
 *
 * Shared by the core (sanitizing, import), the shells (serving) and the renderer (building the image URL).
 */

/** The image types the reader draws, by file extension (lower case, with the dot), with their MIME types. */
export const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
}

/** A `data:` image the reader may draw (SingleFile pages inline theirs): raster types only, never SVG. */
export const DATA_IMAGE = /^\s*data:image\/(?:png|jpeg|jpg|gif|webp|avif)[;,]/i

/** The path prefix of the route serving an article's local images: `/media/<articleId>/<relative path>`. */
export const MEDIA_ROUTE = '/media/'

/** The app's own URL (same origin as the page) of an image stored beside an article, at a relative path. */
export function mediaUrl(articleId: string, relativePath: string): string {
  const parts = relativePath.split('/').map(encodeURIComponent)
  return `${MEDIA_ROUTE}${encodeURIComponent(articleId)}/${parts.join('/')}`
}

/** The article id and relative path a media URL's (still encoded) pathname names, or null when it names none. */
export function parseMediaPath(encodedPathname: string): { articleId: string; relativePath: string } | null {
  if (!encodedPathname.startsWith(MEDIA_ROUTE)) return null
  const [id, ...parts] = encodedPathname.slice(MEDIA_ROUTE.length).split('/')
  if (!id || parts.length === 0) return null
  try {
    return { articleId: decodeURIComponent(id), relativePath: parts.map(decodeURIComponent).join('/') }
  } catch {
    return null
  }
}
