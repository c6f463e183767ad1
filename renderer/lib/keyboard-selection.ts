/**
 * Selecting words by keyboard in the reader, with or without the browser's caret browsing: Shift with the arrows
 * extends the selection by a character (←/→) or a line (↑/↓), Ctrl (or ⌥) with them by a word. With no selection in
 * the article yet, it starts at the current search hit, else at the first paragraph in view. Works in the plain-text
 * view and in the formatted view's shadow root alike.
 */
import { firstArticleText } from './dom-text'

const MOVES: Record<string, [direction: 'forward' | 'backward', granularity: 'character' | 'line']> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
}

/** Where a new selection starts: the current hit, else the first article text in a block whose top is in view. */
function startOf(body: ParentNode, viewport: HTMLElement): Text | null {
  const hit = body.querySelector('mark.current')
  if (hit) return firstArticleText(hit)
  const top = viewport.getBoundingClientRect().top
  const blocks = Array.from(body.querySelectorAll('p, li, h2, h3, blockquote'))
  const inView = blocks.filter((b) => b.getBoundingClientRect().top >= top)
  for (const block of [...inView, ...blocks]) {
    const text = firstArticleText(block)
    if (text) return text
  }
  return null
}

/**
 * Extends the selection inside `body` (an element, or a shadow root with its own selection) for a Shift+arrow key,
 * placing it first when it is elsewhere; false when the key is not one it handles, so the browser does what it would.
 */
export function extendSelection(body: HTMLElement | ShadowRoot, viewport: HTMLElement, e: KeyboardEvent): boolean {
  const move = MOVES[e.key]
  const own = body instanceof ShadowRoot ? (body as ShadowRoot & { getSelection?: () => Selection | null }) : null
  const selection = own?.getSelection?.() ?? document.getSelection()
  if (!move || !e.shiftKey || e.metaKey || !selection || typeof selection.modify !== 'function') return false
  if (selection.rangeCount === 0 || !body.contains(selection.focusNode)) {
    const start = startOf(body, viewport)
    if (!start) return false
    selection.collapse(start, start.data.search(/\S/))
  }
  const byWord = (e.ctrlKey || e.altKey) && move[1] === 'character'
  selection.modify('extend', move[0], byWord ? 'word' : move[1])
  return true
}
