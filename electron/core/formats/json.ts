/**
 * JSON exports: one article object, an array of them, an object wrapping an array, or JSON Lines.
 */
import { parseHTML } from 'linkedom'
import { cleanValue, finishArticle } from './article'
import { textBlocks, type DomElement } from './dom-text'
import { bodyText, lowerKeys, nameValue, normaliseDate, pick, stringList } from './fields'
import { shortTitle, TITLE_MAX, toLines } from './text'
import type { ParsedArticle, ParseOutcome, SavedLink } from './types'
import { isWallabagExport, wallabagEntry } from './wallabag'

const WRAPPER_KEYS = ['articles', 'items', 'data', 'results', 'records', 'entries', 'posts', 'news']

/** Where a JSON.parse error happened (1-based), when the engine's message says so. */
export interface JsonErrorPlace {
  line: number
  column: number
}

/** Splits a JSON.parse error into its place and a short message ("Expected double-quoted property name"). */
export function describeJsonError(error: unknown, source: string): { place: JsonErrorPlace | null; message: string } {
  const message = error instanceof Error ? error.message : String(error)
  const lineCol = /\(?line (\d+) column (\d+)\)?/.exec(message)
  const position = /at position (\d+)/.exec(message)
  let base = message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+/, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .trim()
  if (base.length > 120) base = `${base.slice(0, 117)}…`
  if (lineCol) return { place: { line: Number(lineCol[1]), column: Number(lineCol[2]) }, message: base }
  if (position) {
    const offset = Number(position[1])
    const before = source.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - before.lastIndexOf('\n')
    return { place: { line, column }, message: base }
  }
  return { place: null, message: base }
}

// Some scrapers export the body as HTML ("<p>…</p>"); its paragraphs are wanted, not its tags.
const MARKUP = /<\/p>|<br\s*\/?>|<\/div>|<\/h[1-6]>|<\/li>/i

/** Paragraph lines (blank-separated) from a body given as HTML. */
function markupLines(html: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`)
  const blocks = textBlocks(document.body as unknown as DomElement)
  return blocks.flatMap((block, i) => (i === 0 ? [block.text] : ['', block.text]))
}

/** Why a record gave no article, or the article. */
type RecordResult = { article: ParsedArticle } | { problem: string }

/** Turns one scraper record into an article, or says why it cannot. */
export function recordToArticle(record: unknown): RecordResult {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return { problem: 'not an article object' }
  const fields = lowerKeys(record as Record<string, unknown>)
  let title = nameValue(pick(fields, 'title'))
  const description = typeof pick(fields, 'description') === 'string' ? (pick(fields, 'description') as string) : null
  const text = bodyText(pick(fields, 'text')) ?? description
  if (!title && !text) return { problem: 'no title or text' }
  let lines = MARKUP.test(text ?? '') ? markupLines(text!) : toLines(text ?? '')
  if (!title) {
    // No title field: the body's first line stands in, as in a plain-text file.
    const first = lines.findIndex((line) => line !== '')
    // A body of empty markup ("<p>&nbsp;</p>") has no line to stand in.
    if (first < 0) return { problem: 'no title or text' }
    const long = lines[first]!.length > TITLE_MAX
    title = long ? shortTitle(lines[first]!) : lines[first]!
    if (!long) lines = lines.slice(first + 1)
  }
  const url = pick(fields, 'url')
  const article = finishArticle({
    title,
    lines,
    author: nameValue(pick(fields, 'author')),
    site: nameValue(pick(fields, 'site')),
    url: typeof url === 'string' ? cleanValue(url) : null,
    published: normaliseDate(pick(fields, 'published')),
    capturedAt: normaliseDate(pick(fields, 'capturedAt')),
    declaredLanguage: pick(fields, 'language'),
    category: nameValue(pick(fields, 'category')),
    disclaimers: stringList(pick(fields, 'disclaimer')),
  })
  return { article }
}

/** Finds the article records in a parsed .json value. */
function recordsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (!value || typeof value !== 'object') return [value]
  const fields = lowerKeys(value as Record<string, unknown>)
  for (const key of WRAPPER_KEYS) {
    const inner = fields.get(key)
    if (Array.isArray(inner)) return inner
  }
  if (pick(fields, 'title') !== undefined || pick(fields, 'text') !== undefined) return [value]
  // A map of id → article (as some exporters write), when every value is an object.
  const values = Object.values(value)
  if (values.length > 0 && values.every((v) => v && typeof v === 'object' && !Array.isArray(v))) return values
  return [value]
}

/** Collects the outcome of many records; zero articles is a failure naming the first problems. */
function collect(
  articles: { index: number; article: ParsedArticle }[],
  warnings: string[],
  empty: string,
): ParseOutcome {
  if (articles.length > 0) return { ok: true, articles, warnings }
  if (warnings.length === 0) return { ok: false, reason: empty }
  const shown = warnings.slice(0, 3).join('; ')
  return {
    ok: false,
    reason: `no usable articles (${shown}${warnings.length > 3 ? `; and ${warnings.length - 3} more` : ''})`,
  }
}

/** Parses a decoded .json file. */
export function parseJson(content: string): ParseOutcome {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch (error) {
    const { place, message } = describeJsonError(error, content)
    const where = place ? `line ${place.line}, column ${place.column}: ` : ''
    return { ok: false, reason: `not valid JSON: ${where}${message}` }
  }
  if (isWallabagExport(value)) return parseWallabag(value)
  const records = recordsOf(value)
  const articles: { index: number; article: ParsedArticle }[] = []
  const warnings: string[] = []
  records.forEach((record, index) => {
    const result = recordToArticle(record)
    if ('article' in result) articles.push({ index, article: result.article })
    else warnings.push(`record ${index + 1}: ${result.problem}`)
  })
  return collect(articles, warnings, 'no articles in the file (an empty list)')
}

/** A Wallabag export: one article per entry, and its tags and archived state as links for the library. */
function parseWallabag(entries: Record<string, unknown>[]): ParseOutcome {
  const articles: { index: number; article: ParsedArticle }[] = []
  const links: SavedLink[] = []
  const warnings: string[] = []
  entries.forEach((entry, index) => {
    const result = wallabagEntry(entry)
    if ('problem' in result) return warnings.push(`entry ${index + 1}: ${result.problem}`)
    articles.push({ index, article: result.article })
    if (result.link.url) links.push(result.link)
  })
  const outcome = collect(articles, warnings, 'no entries in the Wallabag export')
  return outcome.ok ? { ...outcome, links } : outcome
}

/** Parses a decoded .jsonl/.ndjson file: one record per line, blank lines skipped. */
export function parseJsonLines(content: string): ParseOutcome {
  const articles: { index: number; article: ParsedArticle }[] = []
  const warnings: string[] = []
  const lines = content.split('\n')
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      const { place, message } = describeJsonError(error, line)
      warnings.push(`line ${index + 1}${place ? `, column ${place.column}` : ''}: not valid JSON: ${message}`)
      return
    }
    const result = recordToArticle(value)
    if ('article' in result) articles.push({ index, article: result.article })
    else warnings.push(`line ${index + 1}: ${result.problem}`)
  })
  return collect(articles, warnings, 'no articles in the file (no records)')
}
