/**
 * Markdown with optional YAML front matter: metadata from the front matter, the body rendered with
 * marked to sanitized reading HTML, text from that HTML.
 */
import { parseHTML } from 'linkedom'
import { marked } from 'marked'
import YAML from 'yaml'
import { cleanValue, finishArticle } from './article'
import { stripBoilerplate } from './boilerplate'
import { textBlocks, type DomElement } from './dom-text'
import { lowerKeys, nameValue, normaliseDate, pick, stringList } from './fields'
import { sanitizeArticleHtml } from './sanitize'
import type { ParseOutcome } from './types'

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

/** The front matter's data, the body, and the line of the file on which the body starts (1-based). */
interface SplitFile {
  data: Map<string, unknown>
  body: string
  bodyLine: number
  warning: string | null
}

/** Splits YAML front matter from the body; a front matter that is not a YAML mapping is a warning. */
function splitFrontMatter(content: string): SplitFile {
  const text = content.replace(/^\uFEFF/, '')
  const match = FRONT_MATTER.exec(text)
  if (!match) return { data: new Map(), body: text, bodyLine: 1, warning: null }
  const body = text.slice(match[0].length)
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1)
  try {
    const data: unknown = YAML.parse(match[1]!)
    if (data && typeof data === 'object' && !Array.isArray(data)) {
      return { data: lowerKeys(data as Record<string, unknown>), body, bodyLine, warning: null }
    }
    return { data: new Map(), body, bodyLine, warning: 'front matter is not a YAML mapping; ignored' }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return { data: new Map(), body, bodyLine, warning: `front matter is not valid YAML (${message}); ignored` }
  }
}

/**
 * More emphasis markers than this in one paragraph are shown as typed: marked pairs them in time
 * that grows with the square of their number (21,000 `__a` took 2.6 s; 500 take a few ms).
 */
export const MAX_EMPHASIS_MARKERS = 500

const EMPHASIS_MARKER = /[*_]+/g
const CODE_START = /^(?: {4}|\t|```|~~~)/

/** Escapes the emphasis markers of paragraphs that hold too many, with a warning naming each one's line. */
function capEmphasis(body: string, bodyLine: number): { body: string; warnings: string[] } {
  const warnings: string[] = []
  let line = bodyLine
  const paragraphs = body.split(/(\n[ \t]*\n)/)
  for (let i = 0; i < paragraphs.length; i++) {
    const part = paragraphs[i]!
    if (i % 2 === 0 && !CODE_START.test(part)) {
      const markers = part.match(EMPHASIS_MARKER)?.length ?? 0
      if (markers > MAX_EMPHASIS_MARKERS) {
        paragraphs[i] = part.replace(/[*_]/g, '\\$&')
        const at = line + /^\s*/.exec(part)![0].split('\n').length - 1
        warnings.push(`line ${at}: ${markers} emphasis markers in one paragraph; shown as typed, not as emphasis`)
      }
    }
    line += part.split('\n').length - 1
  }
  return { body: paragraphs.join(''), warnings }
}

/** A YAML date (which may arrive as a Date) as ISO 8601. */
function yamlDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  return normaliseDate(value)
}

/** Parses a decoded Markdown file into one article. */
export function parseMarkdown(content: string): ParseOutcome {
  const split = splitFrontMatter(content)
  const { data, warning } = split
  const { body, warnings } = capEmphasis(split.body, split.bodyLine)
  if (warning) warnings.unshift(warning)
  const rendered = marked.parse(body, { async: false, gfm: true }) as string
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${rendered}</body></html>`)
  const root = document.body as unknown as DomElement
  let blocks = textBlocks(root)

  let title = nameValue(pick(data, 'title'))
  if (!title) {
    const heading = document.querySelector('h1')
    const headingText = cleanValue(heading?.textContent ?? null)
    if (heading && headingText) {
      title = headingText
      // The heading that gives the title is not body.
      blocks = blocks.filter((b) => b.element !== (heading as unknown as DomElement))
      heading.remove()
    } else if (blocks[0]) {
      title = blocks[0].text.split('\n')[0]!
      if (blocks[0].text === title) {
        blocks[0].element?.remove()
        blocks = blocks.slice(1)
      }
    }
  }
  if (!title && blocks.length === 0) return { ok: false, reason: 'no text in the Markdown file' }
  // A body that opens by repeating the front matter's title does not need it twice.
  if (title && blocks[0]?.text === title) {
    blocks[0].element?.remove()
    blocks = blocks.slice(1)
  }

  const lines = blocks.map((b) => b.text)
  const stripped = stripBoilerplate(lines)
  for (const index of stripped.removed) blocks[index]?.element?.remove()
  const html = sanitizeArticleHtml((root as unknown as Element).innerHTML)
  const url = pick(data, 'url')
  const article = finishArticle({
    title: title ?? '',
    lines: stripped.lines,
    linesAreParagraphs: true,
    boilerplateDone: true,
    author: nameValue(pick(data, 'author')),
    site: nameValue(pick(data, 'site')),
    url: typeof url === 'string' ? cleanValue(url) : null,
    published: yamlDate(pick(data, 'published')),
    declaredLanguage: pick(data, 'language'),
    category: nameValue(pick(data, 'category')) ?? stripped.category,
    html: html || null,
    disclaimers: [...stringList(pick(data, 'disclaimer')), ...stripped.disclaimers],
    flags: stripped.flags,
  })
  return { ok: true, articles: [{ index: 0, article }], warnings }
}
