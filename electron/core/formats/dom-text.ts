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
const SOURCE_BREAKS = /[\r\n]+/g
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
  remove(): void
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

/** Lists the paragraphs of a subtree in document order (one pass, no selector queries). */
export function textBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = []
  walk(root, blocks)
  // The root itself is never handed out for removal.
  return blocks.map((b) => (b.element === root ? { element: null, text: b.text } : b))
}

/** Collects `owner`'s paragraphs: its own text is one block unless nested blocks split it. */
function walk(owner: DomElement, blocks: TextBlock[], preformatted = false): void {
  let loose: string[] = []
  let nested = false
  const flush = () => {
    const text = tidy(loose)
    if (text) blocks.push({ element: null, text })
    loose = []
  }
  const visit = (node: DomNode) => {
    const children = node.childNodes
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!
      if (child.nodeType === 3) {
        // Line breaks in the source are only spaces, except inside <pre>.
        const text = child.textContent ?? ''
        loose.push(preformatted ? text : text.replace(SOURCE_BREAKS, ' '))
        continue
      }
      if (child.nodeType !== 1) continue
      const el = child as DomElement
      const tag = el.localName.toLowerCase()
      if (SKIPPED_TAGS.has(tag)) continue
      if (tag === 'br') loose.push('\n')
      else if (BLOCK_TAGS.has(tag)) {
        flush()
        nested = true
        walk(el, blocks, preformatted || tag === 'pre')
      } else visit(el)
    }
  }
  visit(owner)
  const text = tidy(loose)
  if (text) blocks.push({ element: nested ? null : owner, text })
}
