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
  firstChild: DomNode | null
  nextSibling: DomNode | null
}

/** An element as this module sees it. */
export interface DomElement extends DomNode {
  localName: string
  remove(): void
}

/** Tidies collected inline text: spaces collapsed per line, empty lines dropped. */
function tidy(parts: string[]): string {
  const joined = parts.join('')
  // Most paragraphs hold no line break (source breaks are spaces by now): one replace does.
  if (!joined.includes('\n')) return joined.replace(INLINE_SPACE, ' ').trim()
  return joined
    .split('\n')
    .map((line) => line.replace(INLINE_SPACE, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Lists the paragraphs of a subtree in document order (one pass, no selector queries). */
export function textBlocks(root: DomElement): TextBlock[] {
  const blocks: TextBlock[] = []
  walk(root, blocks, false)
  // The root itself is never handed out for removal.
  return blocks.map((b) => (b.element === root ? { element: null, text: b.text } : b))
}

/** The inline text gathered for the block being read, and whether a nested block has split it. */
interface Pending {
  loose: string[]
  nested: boolean
}

/** Ends the loose text gathered so far as a paragraph of its own. */
function flush(pending: Pending, blocks: TextBlock[]): void {
  const text = tidy(pending.loose)
  if (text) blocks.push({ element: null, text })
  pending.loose = []
}

/** Collects `owner`'s paragraphs: its own text is one block unless nested blocks split it. */
function walk(owner: DomElement, blocks: TextBlock[], preformatted: boolean): void {
  const pending: Pending = { loose: [], nested: false }
  visit(owner, blocks, preformatted, pending)
  const text = tidy(pending.loose)
  if (text) blocks.push({ element: pending.nested ? null : owner, text })
}

/** Reads `node`'s children into the pending block, handing nested blocks to `walk`. */
function visit(node: DomNode, blocks: TextBlock[], preformatted: boolean, pending: Pending): void {
  // Sibling links, not childNodes: linkedom builds a fresh list for every childNodes read.
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === 3) {
      // Line breaks in the source are only spaces, except inside <pre>.
      const text = child.textContent ?? ''
      pending.loose.push(preformatted ? text : text.replace(SOURCE_BREAKS, ' '))
      continue
    }
    if (child.nodeType !== 1) continue
    const el = child as DomElement
    const tag = el.localName.toLowerCase()
    if (SKIPPED_TAGS.has(tag)) continue
    if (tag === 'br') pending.loose.push('\n')
    else if (BLOCK_TAGS.has(tag)) {
      flush(pending, blocks)
      pending.nested = true
      walk(el, blocks, preformatted || tag === 'pre')
    } else visit(el, blocks, preformatted, pending)
  }
}
