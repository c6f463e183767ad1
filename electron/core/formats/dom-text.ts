/**
 * Paragraph text from a DOM tree (linkedom): block elements become paragraphs, <br> a line break.
 */

/** Elements that start a new paragraph. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'hr',
  'address',
  'details',
  'summary',
  'form',
  'fieldset',
  'center',
  'body',
  'html',
])
const BLOCK_SELECTOR = [...BLOCK_TAGS].filter((t) => t !== 'body' && t !== 'html').join(',')
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'iframe',
  'button',
  'select',
  'textarea',
  'input',
])
const INLINE_SPACE = /[ \t\f\v\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g

/** A paragraph and the element that holds it (null for loose text between blocks). */
export interface TextBlock {
  element: DomElement | null
  text: string
}

/** The slice of the DOM API that this module uses (linkedom's nodes provide it). */
export interface DomNode {
  nodeType: number
  textContent: string | null
  childNodes: ArrayLike<DomNode>
}

/** An element as this module sees it. */
export interface DomElement extends DomNode {
  localName: string
  querySelector(selector: string): unknown
  remove(): void
}

/** Collects the text of inline content, with <br> as '\n'. */
function inlineText(node: DomNode, out: string[]): void {
  if (node.nodeType === 3) {
    out.push(node.textContent ?? '')
    return
  }
  if (node.nodeType !== 1) return
  const el = node as DomElement
  const tag = el.localName.toLowerCase()
  if (SKIPPED_TAGS.has(tag)) return
  if (tag === 'br') {
    out.push('\n')
    return
  }
  const children = el.childNodes
  for (let i = 0; i < children.length; i++) inlineText(children[i]!, out)
}

/** Tidies collected inline text: spaces collapsed per line, empty lines dropped. */
function tidy(parts: string[]): string {
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(INLINE_SPACE, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Lists the paragraphs of a subtree in document order. */
export function textBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = []
  walk(root, blocks)
  return blocks
}

function walk(node: DomElement, blocks: TextBlock[]): void {
  let loose: string[] = []
  const flush = () => {
    const text = tidy(loose)
    if (text) blocks.push({ element: null, text })
    loose = []
  }
  const children = node.childNodes
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!
    if (child.nodeType !== 1) {
      inlineText(child, loose)
      continue
    }
    const el = child as DomElement
    const tag = el.localName.toLowerCase()
    if (SKIPPED_TAGS.has(tag)) continue
    if (!BLOCK_TAGS.has(tag)) {
      inlineText(el, loose)
      continue
    }
    flush()
    if (el.querySelector(BLOCK_SELECTOR)) walk(el, blocks)
    else {
      const parts: string[] = []
      inlineText(el, parts)
      const text = tidy(parts)
      if (text) blocks.push({ element: el, text })
    }
  }
  flush()
}
