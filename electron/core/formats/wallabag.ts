/**
 * Wallabag JSON exports (v1 and v2): an array of saved entries with their reading HTML in `content`.
 *
 * v2: `{id, title, url, content, is_archived, is_starred, created_at, published_at, tags: [...], language}`;
 * v1: `{id, title, url, content, is_read, is_fav, user_id, tags: 'a,b'}` (plus numbered copies of the same fields).
 * `created_at` is when the user saved the page, so it is the capture time, never the publication date.
 */
import { parseHTML } from 'linkedom'
import { cleanValue, finishArticle } from './article'
import { textBlocks, type DomElement } from './dom-text'
import { normaliseDate } from './fields'
import { sanitizeArticleHtml } from './sanitize'
import type { ParsedArticle, SavedLink } from './types'

/** True when a parsed .json value is a Wallabag export: a non-empty array of objects with `content` and `url`. */
export function isWallabagExport(value: unknown): value is Record<string, unknown>[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (entry) =>
        entry !== null &&
        typeof entry === 'object' &&
        typeof (entry as Record<string, unknown>).content === 'string' &&
        typeof (entry as Record<string, unknown>).url === 'string' &&
        ('is_archived' in entry || 'is_read' in entry),
    )
  )
}

/** A Wallabag flag: v2 writes booleans, v1 the strings "0"/"1". */
function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true'
}

/** v2 tags are a list (of strings, or of `{label}`), v1 a comma-separated string. */
function tagsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : []
  const names = list.map((tag) => (typeof tag === 'string' ? tag : ((tag as { label?: unknown } | null)?.label ?? '')))
  return [...new Set(names.filter((tag): tag is string => typeof tag === 'string').map((tag) => tag.trim()))].filter(
    Boolean,
  )
}

/** One entry as an article (or why not) and as a saved link carrying its tags and state. */
export function wallabagEntry(
  entry: Record<string, unknown>,
): { article: ParsedArticle; link: SavedLink } | { problem: string } {
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${entry.content as string}</body></html>`)
  const root = document.body as unknown as DomElement
  const lines = textBlocks(root).map((block) => block.text)
  const title = typeof entry.title === 'string' ? cleanValue(entry.title) : null
  if (!title && lines.length === 0) return { problem: 'no title or text' }
  const url = cleanValue(entry.url as string)
  const capturedAt = normaliseDate(entry.created_at)
  const html = sanitizeArticleHtml((root as unknown as Element).innerHTML)
  const article = finishArticle({
    title: title ?? lines[0] ?? '',
    lines,
    linesAreParagraphs: true,
    author: null,
    site: typeof entry.domain_name === 'string' ? entry.domain_name : null,
    url,
    published: normaliseDate(entry.published_at),
    capturedAt,
    declaredLanguage: entry.language,
    category: null,
    html: html || null,
    disclaimers: [],
  })
  const archived = flag(entry.is_archived) || flag(entry.is_read)
  const link: SavedLink = {
    url: url ?? '',
    title,
    tags: tagsOf(entry.tags),
    read: archived,
    archived,
    savedAt: capturedAt,
  }
  return { article, link }
}
