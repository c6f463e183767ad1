/**
 * The reader's highlight marks in the page: finding a highlight's mark in either view, telling which mark an event
 * came from (through the HTML view's shadow root), reading the plain-text view's selection, and placing a popover
 * beside the words it is about.
 */
import { indexRuns, rangeOffsets, type TextSelection } from './dom-text'
import { MARK_CLASS } from './highlight-segments'
import { trimRange } from './text-anchor'

/** The popover's widest, in pixels (22rem), to keep it inside the reader. */
const POPOVER_WIDTH = 352

/** Where a popover goes in its container (pixels from its corner): `top` below the words, `above` over them. */
export interface Placement {
  top: number
  left: number
  above: number
}

/** Where to draw a popover for something drawn at `rect`, inside `container`. */
export function placeBelow(container: Element | undefined, rect: DOMRect | null): Placement {
  const box = container?.getBoundingClientRect()
  if (!box || !rect || (rect.width === 0 && rect.height === 0)) return { top: 48, left: 16, above: 48 }
  const width = Math.min(POPOVER_WIDTH, box.width - 16)
  return {
    top: Math.max(0, rect.bottom - box.top + 6),
    left: Math.max(8, Math.min(rect.left - box.left, box.width - width - 8)),
    above: rect.top - box.top - 6,
  }
}

/** The selection in the plain-text view's `body` as a range of the article's `text`, clipped to the body. */
export function bodySelection(body: HTMLElement, text: string): TextSelection | null {
  const selection = document.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!range.intersectsNode(body)) return null
  const clipped = range.cloneRange()
  if (!body.contains(range.startContainer)) clipped.setStart(body, 0)
  if (!body.contains(range.endContainer)) clipped.setEnd(body, body.childNodes.length)
  const offsets = rangeOffsets(indexRuns(body), clipped)
  const trimmed = offsets && trimRange(text, offsets)
  const rect = typeof clipped.getBoundingClientRect === 'function' ? clipped.getBoundingClientRect() : null
  return trimmed ? { range: trimmed, rect } : null
}

/** The mark that takes the focus for a highlight, looked for in each of `roots` (the text body, the HTML view). */
export function markElement(roots: readonly (ParentNode | null | undefined)[], id: string): HTMLElement | null {
  const selector = `mark.${MARK_CLASS}[data-highlight="${CSS.escape(id)}"]`
  for (const root of roots) {
    const marks = root?.querySelectorAll<HTMLElement>(selector) ?? []
    const first = [...marks].find((m) => m.tabIndex === 0) ?? marks[0]
    if (first) return first
  }
  return null
}

/** The highlight mark an event came from, through the HTML view's shadow root, or null. */
export function markOf(e: Event): HTMLElement | null {
  const target = e.composedPath()[0]
  return target instanceof Element ? target.closest<HTMLElement>(`mark.${MARK_CLASS}`) : null
}
