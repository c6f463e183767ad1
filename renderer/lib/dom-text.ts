/**
 * The text nodes of a drawn article and their offsets, to turn a DOM selection into a range of text and a range of
 * text back into `<mark>` elements.
 *
 * Two ways to place text nodes: the plain-text view marks each run of the article's text with `data-start` (its offset
 * in `text`), so offsets are exact; the HTML view is indexed in document order and its string is matched to `text`
 * by ./text-anchor.
 */
import type { TextRange } from '../../electron/shared/models'

/** A text node and where its text starts in the indexed string. */
export interface IndexedNode {
  node: Text
  start: number
}

/** A selection in the article: the range of its text, and where it is drawn (to place a button beside it). */
export interface TextSelection {
  range: TextRange
  rect: DOMRect | null
}

/** Text nodes in document order with their offsets, and the string they make (for the HTML view). */
export interface TextIndex {
  text: string
  nodes: IndexedNode[]
}

/** What the HTML view leaves out of its string: not article text (image placeholders, styles). */
const NOT_TEXT = 'style, script, .image-placeholder'

function textNodes(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document)
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const out: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text)
  return out
}

/** Every text node under `root` (but those in styles and image placeholders), concatenated in document order. */
export function indexText(root: Node): TextIndex {
  let text = ''
  const nodes: IndexedNode[] = []
  for (const node of textNodes(root)) {
    if (node.parentElement?.closest(NOT_TEXT)) continue
    nodes.push({ node, start: text.length })
    text += node.data
  }
  return { text, nodes }
}

/** The first text node under `root` that is article text with a visible character, or null. */
export function firstArticleText(root: Node): Text | null {
  return textNodes(root).find((node) => /\S/.test(node.data) && !node.parentElement?.closest(NOT_TEXT)) ?? null
}

/**
 * Text nodes under `root` placed by their `[data-start]` element (never nested): its offset plus the text before the
 * node inside it. Text outside such elements (whitespace between them) is not the article's and is left out.
 */
export function indexRuns(root: Element): IndexedNode[] {
  const nodes: IndexedNode[] = []
  for (const run of root.querySelectorAll<HTMLElement>('[data-start]')) {
    let at = Number(run.dataset.start)
    for (const node of textNodes(run)) {
      nodes.push({ node, start: at })
      at += node.data.length
    }
  }
  return nodes
}

/** The offset of a DOM boundary point (container, offset) among indexed text nodes. */
export function pointOffset(nodes: readonly IndexedNode[], container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const hit = nodes.find((n) => n.node === container)
    if (hit) return hit.start + Math.min(offset, hit.node.data.length)
  }
  // Otherwise: where the first indexed text at or after the point starts.
  const doc = container.ownerDocument ?? (container as Document)
  const point = doc.createRange()
  point.setStart(container, offset)
  point.collapse(true)
  for (const n of nodes) {
    if (point.comparePoint(n.node, 0) >= 0) return n.start
  }
  const last = nodes.at(-1)
  return last ? last.start + last.node.data.length : 0
}

/** The boundary points of a selection's range (a live Range or a StaticRange from `getComposedRanges`). */
export interface Bounds {
  startContainer: Node
  startOffset: number
  endContainer: Node
  endOffset: number
}

/** A DOM range as offsets among indexed text nodes; null when it holds no indexed text. */
export function rangeOffsets(nodes: readonly IndexedNode[], range: Bounds): TextRange | null {
  const start = pointOffset(nodes, range.startContainer, range.startOffset)
  const end = pointOffset(nodes, range.endContainer, range.endOffset)
  return end > start ? [start, end] : null
}

/** True when `node` is `root` or inside it, across shadow roots. */
export function holds(root: Node, node: Node | null): boolean {
  for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n === root) return true
  }
  return false
}

/**
 * Wraps the text of `range` (offsets among `index`'s nodes) in elements made by `make`, one per text node it
 * touches, splitting text nodes at its ends. Returns the elements in order.
 */
export function wrapRange(index: TextIndex, [start, end]: TextRange, make: () => HTMLElement): HTMLElement[] {
  const made: HTMLElement[] = []
  for (const { node, start: at } of index.nodes) {
    const from = Math.max(start, at) - at
    const to = Math.min(end, at + node.data.length) - at
    if (to <= from) continue
    // Whitespace alone (a line break between blocks) gets no mark.
    if (!node.data.slice(from, to).trim()) continue
    let piece = node
    if (from > 0) piece = piece.splitText(from)
    if (to - from < piece.data.length) piece.splitText(to - from)
    const mark = make()
    piece.replaceWith(mark)
    mark.append(piece)
    made.push(mark)
  }
  return made
}

/** Takes out every element matching `selector` under `root`, keeping its content, and joins split text again. */
export function unwrap(root: ParentNode & Node, selector: string): void {
  const found = [...root.querySelectorAll(selector)]
  if (found.length === 0) return
  for (const el of found) el.replaceWith(...el.childNodes)
  root.normalize()
}
