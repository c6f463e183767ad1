/**
 * A linear pass over page source before the DOM is built: drops what cannot be article text
 * (scripts but JSON-LD, styles, comments, inline SVG) and finds where an unclosed `<script`,
 * `<style` or `<!--` swallows the rest of the page, as a browser would read it.
 *
 * Written with indexOf and anchored searches rather than one regular expression per element, whose
 * lazy `[\s\S]*?` rescans to the end of the page for every unclosed start (minutes on 1 MB).
 */

/** Where an unclosed element starts; everything after it is its content, as in a browser. */
export interface Unclosed {
  /** `<script`, `<style` or `<!--`. */
  tag: string
  /** 1-based line and column in the decoded page. */
  line: number
  column: number
}

/** The page without non-content, and the unclosed element that cut it short, if any. */
export interface Prescanned {
  html: string
  unclosed: Unclosed | null
}

// A start of something to drop; the element name must end there (`<script>`, `<script src=…>`, `<script<…`).
const START = /<!--|<(script|style|svg)(?![\w-])/gi

/** The 1-based line and column of an offset. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++
  return { line, column: offset - text.lastIndexOf('\n', offset - 1) }
}

/** Finds `</name` (any case) from `from`, or -1. */
function closingTag(html: string, name: string, from: number): number {
  const close = new RegExp(`</${name}(?![\\w-])`, 'gi')
  close.lastIndex = from
  return close.exec(html)?.index ?? -1
}

/** Drops scripts (JSON-LD kept), styles, comments and inline SVG, and stops at an unclosed one. */
export function prescanHtml(html: string): Prescanned {
  const parts: string[] = []
  let kept = 0
  let svgClosed = true
  START.lastIndex = 0
  for (let match = START.exec(html); match !== null; match = START.exec(html)) {
    const start = match.index
    const name = match[1]?.toLowerCase()
    let end: number
    if (name === undefined) {
      const close = html.indexOf('-->', start + 4)
      end = close === -1 ? -1 : close + 3
    } else {
      const tagEnd = html.indexOf('>', start)
      if (name === 'svg') {
        // An unclosed <svg> is not special in a browser: leave it to the DOM, and stop looking
        // for closings that a first miss proves are not there.
        const close = svgClosed && tagEnd !== -1 ? closingTag(html, 'svg', tagEnd) : -1
        if (close === -1) {
          svgClosed = false
          continue
        }
        end = html.indexOf('>', close)
        end = end === -1 ? html.length : end + 1
      } else if (tagEnd === -1) {
        end = -1
      } else if (name === 'script' && /ld\+json/i.test(html.slice(start, tagEnd))) {
        // JSON-LD carries the article's metadata: keep it whole.
        const close = closingTag(html, name, tagEnd)
        if (close === -1) end = -1
        else {
          START.lastIndex = close
          continue
        }
      } else {
        const close = closingTag(html, name, tagEnd)
        const closeEnd = close === -1 ? -1 : html.indexOf('>', close)
        end = closeEnd === -1 ? -1 : closeEnd + 1
      }
    }
    parts.push(html.slice(kept, start))
    if (end === -1) {
      return { html: parts.join(''), unclosed: { tag: match[0].toLowerCase(), ...placeOf(html, start) } }
    }
    kept = end
    START.lastIndex = end
  }
  parts.push(html.slice(kept))
  return { html: parts.join(''), unclosed: null }
}
