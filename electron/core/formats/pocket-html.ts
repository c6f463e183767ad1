/**
 * Pocket's `ril_export.html`: a list of saved links (with tags, saved time and Unread/Read Archive sections), not
 * an article. Its links go through the same path as Pocket's CSV (SavedLink).
 *
 * Told apart strictly, since every `.html` import asks: the title "Pocket Export", and a body of nothing but
 * `<h1>Unread</h1>` / `<h1>Read Archive</h1>` headings, each followed by a `<ul>` whose items each hold one
 * `<a href time_added tags>`. A page that merely lists links (or talks about Pocket) is never one.
 */
import { parseHTML } from 'linkedom'
import { savedLink, splitTags } from './links'
import { collapseWhitespace } from './text'
import type { ParseOutcome, SavedLink } from './types'

/** Pocket's page title, looked for in the head before any parsing (most HTML files are not exports). */
const POCKET_TITLE = /<title\b[^>]*>\s*Pocket Export\s*<\/title>/i

/** How far into the file the title is looked for. */
const HEAD_BYTES = 4096

/** The export's sections by heading (lower case), and whether their links are archived. */
const SECTIONS: ReadonlyMap<string, boolean> = new Map([
  ['unread', false],
  ['read archive', true],
])

/** The subset of a DOM element the reader walks (linkedom's elements). */
interface Node {
  nodeType: number
  tagName?: string
  textContent: string | null
  childNodes: ArrayLike<Node>
  getAttribute?(name: string): string | null
}

const ELEMENT = 1
const TEXT = 3

/** A node's child elements, or null when it holds text of its own (an export's lists and items hold none). */
function childElements(node: Node): Node[] | null {
  const elements: Node[] = []
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === ELEMENT) elements.push(child)
    else if (child.nodeType === TEXT && (child.textContent ?? '').trim() !== '') return null
  }
  return elements
}

/** The link of one `<li>`: exactly one `<a>` with an address and `time_added`; null when the item is not one. */
function itemLink(item: Node, archived: boolean): SavedLink | null {
  const inner = item.tagName === 'LI' ? childElements(item) : null
  const anchor = inner?.length === 1 ? inner[0]! : null
  if (anchor?.tagName !== 'A') return null
  const url = anchor.getAttribute?.('href')?.trim()
  const timeAdded = anchor.getAttribute?.('time_added')
  if (!url || timeAdded === null || timeAdded === undefined) return null
  const title = collapseWhitespace(anchor.textContent ?? '')
  return savedLink(url, title, splitTags(anchor.getAttribute?.('tags') ?? '', ','), archived, timeAdded)
}

/** The saved links of a Pocket HTML export, or null when the page is not one. */
export function readPocketHtml(content: string): ParseOutcome | null {
  if (!POCKET_TITLE.test(content.slice(0, HEAD_BYTES))) return null
  const { document } = parseHTML(content)
  if (collapseWhitespace(document.title ?? '') !== 'Pocket Export') return null
  const body = childElements(document.body as unknown as Node)
  if (!body || body.length === 0) return null
  const links: SavedLink[] = []
  let archived: boolean | null = null
  for (const element of body) {
    if (element.tagName === 'H1') {
      archived = SECTIONS.get(collapseWhitespace(element.textContent ?? '').toLowerCase()) ?? null
      if (archived === null) return null
      continue
    }
    // A list belongs to the heading right before it; anything else is a page, not an export.
    const items = element.tagName === 'UL' && archived !== null ? childElements(element) : null
    if (!items) return null
    for (const item of items) {
      const link = itemLink(item, archived!)
      if (!link) return null
      links.push(link)
    }
    archived = null
  }
  if (links.length === 0)
    return { ok: false, reason: 'Pocket export without links (its Unread and Read Archive lists are empty)' }
  return { ok: true, articles: [], warnings: [], links }
}
