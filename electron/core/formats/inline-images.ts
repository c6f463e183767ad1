/**
 * Images a container carries (MHTML parts, EPUB files) inlined into an article's HTML as `data:` URIs,
 * within a per-image and a per-article budget so one huge picture cannot swell the library.
 */
import { DATA_IMAGE, IMAGE_TYPES } from '../../shared/media'
import { formatSize } from './index'

/** The largest single image inlined, in bytes (before base64). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024
/** The most image bytes one article inlines. */
export const MAX_ARTICLE_IMAGE_BYTES = 8 * 1024 * 1024

/** An image's MIME type from a declared Content-Type, else its name's extension; null when not drawable. */
export function imageType(declared: string | null | undefined, name: string): string | null {
  const type = (declared ?? '').split(';')[0]!.trim().toLowerCase()
  if (type && DATA_IMAGE.test(`data:${type};`)) return type
  const ext = /\.[a-z0-9]+$/i.exec(name.replace(/[?#].*$/s, ''))?.[0]?.toLowerCase()
  return ext ? (IMAGE_TYPES[ext] ?? null) : null
}

/** Hands out `data:` URIs for one article's images while its budget lasts, and says what it refused. */
export class ImageBudget {
  private used = 0
  private readonly given = new Map<string, string>()
  /** One warning per refused image, naming it. */
  readonly warnings: string[] = []

  constructor(
    private readonly perImage = MAX_IMAGE_BYTES,
    private readonly perArticle = MAX_ARTICLE_IMAGE_BYTES,
  ) {}

  /** The data: URI for an image (once per key), or null when it is not drawable or over a cap (with a warning). */
  dataUri(key: string, bytes: Uint8Array, type: string | null): string | null {
    const known = this.given.get(key)
    if (known !== undefined) return known
    if (!type) return null
    if (bytes.length > this.perImage) {
      this.warnings.push(
        `image ${key} is ${formatSize(bytes.length)}, over the ${formatSize(this.perImage)} cap per image: not kept`,
      )
      return null
    }
    if (this.used + bytes.length > this.perArticle) {
      this.warnings.push(`image ${key} not kept: the article's images reach the ${formatSize(this.perArticle)} cap`)
      return null
    }
    this.used += bytes.length
    const uri = `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
    this.given.set(key, uri)
    return uri
  }
}

const IMG_TAG = /<img\b[^>]*>/gi
const SRC_ATTR = /(\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const SRCSET_ATTR = /\s(?:srcset|data-srcset)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/gi

/**
 * Rewrites each `<img src>` that `resolve` finds into a data: URI (its srcset goes: it names remote copies).
 *
 * `resolve` gets the raw src (entities as written) and returns a data: URI or null to leave the tag alone.
 */
export function inlineImageTags(html: string, resolve: (src: string) => string | null): string {
  return html.replace(IMG_TAG, (tag) => {
    const match = SRC_ATTR.exec(tag)
    if (!match) return tag
    const raw = (match[2] ?? match[3] ?? match[4] ?? '').replace(/&amp;/g, '&').trim()
    if (raw === '' || /^data:/i.test(raw)) return tag
    const uri = resolve(raw)
    if (!uri) return tag
    return tag.replace(SRC_ATTR, `$1"${uri}"`).replace(SRCSET_ATTR, '')
  })
}
