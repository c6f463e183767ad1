/**
 * Reading HTML through an allowlist: structure and text stay; scripts, handlers, styles, frames,
 * forms and anything a renderer would fetch go.
 *
 * Images keep `alt`; an http(s) `src`/`srcset` becomes inert `data-src`/`data-srcset` (a `data:`
 * image may stay). Links keep http(s) and mailto `href`s only.
 */
import sanitizeHtml from 'sanitize-html'

const REMOTE = /^\s*(?:https?:)?\/\//i
const DATA_IMAGE = /^\s*data:image\/(?:png|jpe?g|gif|webp|avif|bmp);/i
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
    img: ['alt', 'title', 'width', 'height', 'src', 'data-src', 'data-srcset'],
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
      // Lazy-loading pages keep the real image in data-src and a placeholder in src.
      const remote = [attribs['data-src'], attribs['data-original'], attribs['data-lazy-src'], src].find(
        (s) => s && REMOTE.test(s),
      )
      if (remote) out['data-src'] = remote.trim().replace(/^\/\//, 'https://')
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
    frame.tag === 'img' && !frame.attribs.src && !frame.attribs['data-src'] && !frame.attribs.alt,
}

/** Sanitizes article HTML for the reader; the result holds no script, handler, style or fetchable URL. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim()
}
