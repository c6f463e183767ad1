/**
 * Reading HTML through an allowlist: structure and text stay; scripts, handlers, styles, frames,
 * forms and anything a renderer would fetch go.
 *
 * Images keep `alt`; an http(s) `src`/`srcset` becomes inert `data-src`/`data-srcset`; a raster `data:` image
 * stays; an image stored beside the page (`page_files/x.jpg`) becomes `data-local-src` with a checked relative
 * path that the reader turns into the app's own media URL. Links keep http(s) and mailto `href`s only.
 */
import sanitizeHtml from 'sanitize-html'
import { DATA_IMAGE, IMAGE_TYPES } from '../../shared/media'

const REMOTE = /^\s*(?:https?:)?\/\//i
/** Shorter than this, a `data:` image beside a real image's address is a lazy-loading stand-in (a 1×1 GIF is ~80). */
const LAZY_STAND_IN_CHARS = 200
/** Any URL scheme (`http:`, `file:`, `C:` …): a local image reference has none. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * The relative path of an image stored beside the page (`page_files/x.jpg`, `./page_files/x.png`,
 * `page%20files/x.png`), decoded and normalised; null for anything else: a URL with a scheme, an absolute or
 * protocol-relative path, `..`, `.`-prefixed (hidden) parts, backslashes, NUL, or a file that is not an image.
 */
export function localImagePath(src: string | undefined): string | null {
  if (!src) return null
  const raw = src.trim().replace(/[?#].*$/s, '')
  if (raw === '' || SCHEME.test(raw) || raw.startsWith('/') || raw.includes('\\')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\') || SCHEME.test(decoded)) return null
  const parts = decoded.split('/')
  while (parts[0] === '.') parts.shift()
  if (parts.length === 0 || parts.some((part) => part === '' || part.startsWith('.'))) return null
  const name = parts[parts.length - 1]!
  const dot = name.lastIndexOf('.')
  if (dot <= 0 || !(name.slice(dot).toLowerCase() in IMAGE_TYPES)) return null
  return parts.join('/')
}

/** The parts of an `<img>` element `markLocalImages` touches (linkedom's and the browser's DOM both fit). */
interface ImageElement {
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
}

/**
 * Records each local image's relative path in `data-local-src` before anything (Readability) rewrites `src` into
 * an absolute URL against the page's address; `sanitizeArticleHtml` then keeps it.
 */
export function markLocalImages(images: Iterable<ImageElement>): void {
  for (const img of images) {
    const local = localImagePath(img.getAttribute('src') ?? undefined)
    if (local) img.setAttribute('data-local-src', local)
  }
}
const SAFE_HREF = /^\s*(?:https?:\/\/|mailto:)/i

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'dl',
    'dt',
    'dd',
    'a',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'strike',
    'del',
    'ins',
    'sub',
    'sup',
    'small',
    'mark',
    'abbr',
    'cite',
    'q',
    'time',
    'span',
    'div',
    'section',
    'article',
    'header',
    'footer',
    'aside',
    'figure',
    'figcaption',
    'img',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'colgroup',
    'col',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['alt', 'title', 'width', 'height', 'src', 'data-src', 'data-srcset', 'data-local-src'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    col: ['span'],
    ol: ['start', 'reversed'],
    time: ['datetime'],
    abbr: ['title'],
    '*': ['lang', 'dir'],
  },
  // Only data: images survive in src; everything else is moved aside or dropped below.
  allowedSchemes: [],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'template',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'select',
    'button',
    'canvas',
    'video',
    'audio',
  ],
  transformTags: {
    img: (tagName, attribs) => {
      const out: Record<string, string> = {}
      if (attribs.alt !== undefined) out.alt = attribs.alt
      if (attribs.title) out.title = attribs.title
      if (attribs.width && /^\d+%?$/.test(attribs.width)) out.width = attribs.width
      if (attribs.height && /^\d+%?$/.test(attribs.height)) out.height = attribs.height
      const src = attribs.src ?? ''
      if (DATA_IMAGE.test(src)) out.src = src.trim()
      const local = localImagePath(attribs['data-local-src']) ?? localImagePath(src)
      if (local) out['data-local-src'] = local
      // Lazy-loading pages keep the real image in data-src and a placeholder in src.
      const remote = [attribs['data-src'], attribs['data-original'], attribs['data-lazy-src'], src].find(
        (s) => s && REMOTE.test(s),
      )
      if (remote) out['data-src'] = remote.trim().replace(/^\/\//, 'https://')
      // A lazy page's stand-in (a pixel-sized data: GIF) would draw as nothing: the reader shows the real image's
      // placeholder (or its local copy) instead.
      if (out.src && out.src.length < LAZY_STAND_IN_CHARS && (remote || local)) delete out.src
      const srcset = attribs['data-srcset'] ?? attribs.srcset
      if (srcset && /https?:\/\//i.test(srcset) && !/javascript:/i.test(srcset)) out['data-srcset'] = srcset.trim()
      return { tagName, attribs: out }
    },
    a: (tagName, attribs) => {
      const out: Record<string, string> = {}
      if (attribs.href && SAFE_HREF.test(attribs.href)) out.href = attribs.href.trim()
      if (attribs.title) out.title = attribs.title
      return { tagName, attribs: out }
    },
  },
  exclusiveFilter: (frame) =>
    frame.tag === 'img' &&
    !frame.attribs.src &&
    !frame.attribs['data-src'] &&
    !frame.attribs['data-local-src'] &&
    !frame.attribs.alt,
}

/** Sanitizes article HTML for the reader; the result holds no script, handler, style or fetchable URL. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim()
}
